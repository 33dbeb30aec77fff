#include "commandline.h"

#include "hatchet/health.h"
#include "hatchet/slots.h"
#include "load/backgroundpool.h"

#include <algorithm>
#include <functional>

namespace hwi::app {

using exporting::RecordFormat;
using exporting::RecordWriter;

namespace {

const QString FormatOption = QStringLiteral("format");

QString unitsOrUnknown(const std::optional<std::int64_t>& units) {
    return units ? QString::number(*units) : QStringLiteral("?");
}

QString workerCount(std::size_t count) {
    return count == 1 ? QStringLiteral("1 worker") : QStringLiteral("%1 workers").arg(count);
}

} // namespace

void addFormatOption(QCommandLineParser& parser) {
    parser.addOption({FormatOption,
                      QStringLiteral("With --list, --by, --place or --diff: tsv (the default), csv (RFC 4180 "
                                     "with a header) or json (an array of objects keyed by the header "
                                     "names)."),
                      QStringLiteral("FORMAT")});
}

std::optional<RecordFormat> formatFrom(const QCommandLineParser& parser, QString* error) {
    if (!parser.isSet(FormatOption))
        return RecordFormat::Tsv;
    const QString name = parser.value(FormatOption);
    const auto format = exporting::recordFormatFromName(name);
    if (!format) {
        *error = QStringLiteral("--format: unknown format '%1'; accepted: %2")
                     .arg(visibleLine(name), exporting::recordFormatNames().join(QStringLiteral(", ")));
    }
    return format;
}

QString visibleLine(const QString& text) {
    QString escaped = exporting::escapeControls(text);
    escaped.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    escaped.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    return escaped;
}

int printCheck(const hatchet::Snapshot& snapshot, QTextStream& out, QTextStream& err, const QString& prefix) {
    if (!snapshot.note.isEmpty())
        err << visibleLine(snapshot.source) << ": note: " << visibleLine(snapshot.note) << '\n';
    for (const hatchet::Problem& problem : snapshot.problems) {
        out << prefix << (problem.pointer.isEmpty() ? QStringLiteral("(root)") : visibleLine(problem.pointer))
            << ": " << hatchet::severityName(problem.severity) << ": " << visibleLine(problem.message)
            << '\n';
    }
    // A note (a document that holds no workers) is the answer already.
    if (snapshot.problems.empty() && snapshot.note.isEmpty())
        err << prefix << "OK: " << workerCount(snapshot.workers.size()) << ", no problems\n";
    return snapshot.errorCount() > 0 ? ExitProblems : ExitOk;
}

void printPivot(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                analysis::PivotKey key, std::optional<qint64> referenceMsecs, QTextStream& out,
                RecordFormat format) {
    RecordWriter writer(out, format,
                        {QStringLiteral("KEY"), QStringLiteral("WORKERS"), QStringLiteral("ACTIVE"),
                         QStringLiteral("PAUSED"), QStringLiteral("INACTIVE"), QStringLiteral("SCHEDULABLE"),
                         QStringLiteral("FREE"), QStringLiteral("LIMIT")});
    writer.setNumericColumns({1, 2, 3, 4, 5, 6, 7});
    for (const analysis::PivotRow& row : analysis::pivot(snapshot, workers, key, referenceMsecs)) {
        writer.record({row.key, QString::number(row.workers), QString::number(row.active),
                       QString::number(row.paused), QString::number(row.inactive),
                       QString::number(row.schedulable), unitsOrUnknown(row.free),
                       unitsOrUnknown(row.limit)});
    }
    writer.finish();
}

void endExport(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
               const QString& path, exporting::Style style, QTextStream& out, QTextStream& err) {
    if (path == QLatin1String("-") && style == exporting::Style::Compact) {
        out << '\n';
        out.flush();
    }
    if (snapshot.shape == hatchet::Shape::Worker && workers.empty()) {
        err << visibleLine(snapshot.source)
            << ": note: the filter removed the document's only worker; exported an empty worker array []\n";
    }
}

QString slotsSummary(const hatchet::WorkerView& worker) {
    const hatchet::SlotTotals totals = hatchet::slotTotals(worker);
    if (totals.capacities.empty())
        return {};
    const auto used = totals.totalUsed();
    return (used ? QString::number(*used) : QStringLiteral("?")) + QLatin1Char('/') +
           QString::number(totals.limit);
}

void printList(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers, QTextStream& out) {
    // Without --columns nothing is judged at a reference time: none is needed.
    printList(snapshot, workers, defaultListColumns(), QDateTime(), out);
}

QStringList listColumnNames() {
    return defaultListColumns() << QStringLiteral("health") << QStringLiteral("reasons");
}

QStringList defaultListColumns() {
    return {QStringLiteral("id"),   QStringLiteral("name"),  QStringLiteral("status"),
            QStringLiteral("type"), QStringLiteral("slots"), QStringLiteral("last_heartbeat")};
}

std::optional<QStringList> parseListColumns(const QString& text, QString* error) {
    const QStringList known = listColumnNames();
    QStringList columns;
    for (const QString& name : text.split(QLatin1Char(','))) {
        const QString column = name.trimmed().toLower();
        if (!known.contains(column)) {
            if (error) {
                *error = (column.isEmpty() ? QStringLiteral("empty column name")
                                           : QStringLiteral("unknown column '%1'").arg(name.trimmed())) +
                         QStringLiteral("; known columns: ") + known.join(QStringLiteral(", "));
            }
            return std::nullopt;
        }
        columns << column;
    }
    return columns;
}

void printList(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
               const QStringList& columns, const QDateTime& reference, QTextStream& out,
               RecordFormat format) {
    ListPrinter printer(out, format, columns, false);
    printer.print(snapshot, workers, reference);
    printer.finish();
}

namespace {

QStringList listHeader(const QStringList& columns, bool withSource) {
    QStringList header;
    if (withSource)
        header << QStringLiteral("SOURCE");
    for (const QString& column : columns)
        header << column.toUpper();
    return header;
}

enum class ListColumn { Id, Name, Status, Type, Slots, LastHeartbeat, Health, Reasons };

std::vector<ListColumn> listColumns(const QStringList& columns) {
    const QStringList known = listColumnNames();
    std::vector<ListColumn> chosen;
    for (const QString& name : columns) {
        Q_ASSERT(known.contains(name));
        chosen.push_back(ListColumn(known.indexOf(name)));
    }
    return chosen;
}

QString listCell(ListColumn column, const hatchet::WorkerView& worker,
                 const std::optional<hatchet::WorkerHealth>& health) {
    switch (column) {
    case ListColumn::Id:
        return worker.id();
    case ListColumn::Name:
        return worker.name();
    case ListColumn::Status:
        return worker.status();
    case ListColumn::Type:
        return worker.type();
    case ListColumn::Slots:
        return slotsSummary(worker);
    case ListColumn::LastHeartbeat: {
        const hatchet::TimeValue beat = worker.lastHeartbeatAt();
        return beat.state == hatchet::TimeValue::Never ? QString() : beat.text;
    }
    case ListColumn::Health:
        return health->id();
    case ListColumn::Reasons:
        return health->allReasons().join(QStringLiteral("; "));
    }
    return {};
}

} // namespace

void writeRecordsInParts(RecordWriter& writer, std::size_t count,
                         const std::function<QStringList(std::size_t)>& cellsOf) {
    constexpr std::size_t RowsPerPart = 256;
    constexpr std::size_t PartsAtOnce = 4;
    std::vector<QString> texts(PartsAtOnce);
    const bool noneYet = !writer.hasRecords();
    for (std::size_t start = 0; start < count; start += RowsPerPart * PartsAtOnce) {
        std::vector<std::function<void()>> parts;
        for (std::size_t from = start; from < count && parts.size() < PartsAtOnce; from += RowsPerPart) {
            parts.push_back([&, part = parts.size(), from, to = std::min(count, from + RowsPerPart)] {
                QString& text = texts[part];
                text.resize(0);
                for (std::size_t i = from; i < to; ++i)
                    writer.formatRecord(cellsOf(i), noneYet && i == 0, text);
            });
        }
        load::runAtOnce(parts);
        for (std::size_t part = 0; part < parts.size(); ++part)
            writer.writeFormatted(texts[part]);
    }
}

ListPrinter::ListPrinter(QTextStream& out, RecordFormat format, QStringList columns, bool withSource)
    : m_writer(out, format, listHeader(columns, withSource))
    , m_columns(std::move(columns))
    , m_withSource(withSource) {}

void ListPrinter::print(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers,
                        const QDateTime& reference, const QString& source) {
    m_printed = true;
    const std::vector<ListColumn> chosen = listColumns(m_columns);
    // health or reasons: assess once per worker
    const bool judged = std::any_of(chosen.begin(), chosen.end(), [](ListColumn column) {
        return column == ListColumn::Health || column == ListColumn::Reasons;
    });
    writeRecordsInParts(m_writer, workers.size(), [&](std::size_t i) {
        const hatchet::WorkerView worker = snapshot.worker(workers[i]);
        const std::optional<hatchet::WorkerHealth> health =
            judged ? std::optional(hatchet::assessHealth(worker, reference)) : std::nullopt;
        QStringList cells;
        if (m_withSource)
            cells << source;
        for (const ListColumn column : chosen)
            cells << listCell(column, worker, health);
        return cells;
    });
}

void ListPrinter::finish() {
    if (m_printed)
        m_writer.finish();
}

} // namespace hwi::app
