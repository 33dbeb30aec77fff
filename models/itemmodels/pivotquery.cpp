#include "pivotquery.h"

#include "filter/query.h"
#include "filter/workerindex.h"
#include "hatchet/snapshot.h"
#include "json/document.h"

namespace hwi::models {

namespace {

// The value as the query language reads it back; empty when it cannot be written.
QString quoted(const QString& value) {
    if (value.isEmpty() || value.contains(QLatin1Char('"')))
        return {};
    for (const QChar c : value) {
        if (c.isSpace() || c == QLatin1Char(',') || c.unicode() < 0x20)
            return QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value;
}

} // namespace

QString pivotRowQuery(analysis::PivotKey key, const QString& value, QueryForm form) {
    const bool exact = form == QueryForm::Exact;
    QString field;
    QString written = value;
    switch (key) {
    case analysis::PivotKey::Action:
        field = QStringLiteral("action");
        break;
    case analysis::PivotKey::Workflow:
        field = exact ? QStringLiteral("workflow") : QStringLiteral("action");
        if (!exact)
            written += QLatin1Char(':');
        break;
    case analysis::PivotKey::Label:
        field = QStringLiteral("label");
        break;
    default:
        return {};
    }
    written = quoted(written);
    if (written.isEmpty())
        return {};
    return field + (exact ? QStringLiteral(":=") : QStringLiteral(":")) + written;
}

QueryForm supportedQueryForm() {
    // Asked of the language itself, not of its text: `action:=probe` also parses as a substring search for
    // "=probe", so only what it matches tells the two apart.
    static const QueryForm form = [] {
        const auto parsed = filter::Query::parse(QStringLiteral("action:=probe"));
        auto document =
            json::Document::parse(QByteArrayLiteral(R"([{"actions":["probe"]},{"actions":["probes"]}])"));
        if (!std::holds_alternative<filter::Query>(parsed) ||
            !std::holds_alternative<std::shared_ptr<const json::Document>>(document))
            return QueryForm::Substring;
        const auto snapshot =
            hatchet::Snapshot::build(std::get<std::shared_ptr<const json::Document>>(document),
                                     QStringLiteral("probe"), {}, hatchet::Snapshot::Validation::Skip);
        const auto matching = filter::matchingWorkers(*snapshot, std::get<filter::Query>(parsed), 0);
        return matching == std::vector<std::size_t>{0} ? QueryForm::Exact : QueryForm::Substring;
    }();
    return form;
}

} // namespace hwi::models
