// libFuzzer target over everything that reads untrusted bytes: the parser (with the strict diagnoser as a
// second opinion), every node accessor, the worker view (every field), validation, health, the worker
// table model, the filter language and export in both styles (re-parsed, and compared with the source).
//
// Input: JSON bytes, or "?QUERY\n" followed by JSON bytes to fuzz the filter language against the
// document's workers. Crashes, sanitizer reports and failed checks (abort) are findings.
#include "export/jsonwriter.h"
#include "export/workerexport.h"
#include "filter/query.h"
#include "filter/workerindex.h"
#include "hatchet/health.h"
#include "hatchet/snapshot.h"
#include "itemmodels/problemsmodel.h"
#include "itemmodels/workertablemodel.h"
#include "json/document.h"
#include "json/jsondiagnoser.h"
#include "json/paths.h"

#include <QDateTime>
#include <QTimeZone>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace hwi;

namespace {

[[noreturn]] void finding(const char* what, const QString& detail = {}) {
    std::fprintf(stderr, "fuzz finding: %s %s\n", what, qPrintable(detail));
    std::abort();
}

void check(bool ok, const char* what, const QString& detail = {}) {
    if (!ok)
        finding(what, detail);
}

std::shared_ptr<const json::Document> parseOrNull(const QByteArray& bytes) {
    auto parsed = json::Document::parse(bytes);
    if (auto* document = std::get_if<std::shared_ptr<const json::Document>>(&parsed))
        return *document;
    return nullptr;
}

// Same kinds, keys and scalar text, node by node (node ids follow the same layout for the same tree).
bool sameTree(const json::Document& a, json::NodeId aRoot, const json::Document& b) {
    std::vector<std::pair<json::NodeId, json::NodeId>> pending{{aRoot, b.root()}};
    while (!pending.empty()) {
        const auto [x, y] = pending.back();
        pending.pop_back();
        if (a.kind(x) != b.kind(y) || a.childCount(x) != b.childCount(y) || a.rawScalar(x) != b.rawScalar(y))
            return false;
        if (x != aRoot && a.rawKey(x) != b.rawKey(y))
            return false;
        for (std::uint32_t i = 0; i < a.childCount(x); ++i)
            pending.emplace_back(a.child(x, i), b.child(y, i));
    }
    return true;
}

void touchNodes(const json::Document& doc) {
    std::string scratch;
    for (json::NodeId id = 0; id < doc.nodeCount(); ++id) {
        const json::NodeId parent = doc.parent(id);
        check((id == doc.root()) == (parent == json::NoNode), "only the root has no parent");
        if (parent != json::NoNode)
            check(doc.child(parent, doc.row(id)) == id, "child(parent, row) is the node");
        check(doc.offset(id) < std::uint32_t(doc.source().size()), "offset inside the source");
        const json::TextPosition at = doc.position(id);
        check(at.line >= 1 && at.column >= 1, "position");
        (void)doc.key(id);
        (void)doc.keyView(id, scratch);
        (void)doc.text(id);
        (void)doc.stringView(id, scratch);
        (void)doc.rawScalar(id);
        (void)json::jqPath(doc, id);
        (void)doc.pointer(id);
    }
}

void touchWorker(const hatchet::WorkerView& worker, const QDateTime& reference) {
    (void)worker.metadata();
    (void)worker.id();
    (void)worker.displayName();
    (void)worker.type();
    (void)worker.status();
    (void)worker.dispatcherId();
    (void)worker.webhookId();
    (void)worker.webhookUrl();
    (void)worker.lastHeartbeatAt();
    (void)worker.lastListenerEstablished();
    (void)worker.actions();
    (void)worker.registeredWorkflows();
    for (const hatchet::Slot& slot : worker.slots())
        (void)slot.isFreePadding();
    (void)worker.recentStepRuns();
    (void)worker.labels();
    for (const hatchet::SlotCapacity& capacity : worker.slotCapacities())
        (void)capacity.used();
    (void)worker.runtimeInfo().sdkSummary();
    (void)worker.era();
    (void)hatchet::assessHealth(worker, reference).allReasons();
}

template <typename Model> void touchModel(const Model& model) {
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(models::RawValueRole),
                             int(models::NodeRole), int(models::AgeMsecsRole), int(models::SeverityRole)})
                (void)model.data(index, role);
        }
    }
}

void checkExport(const hatchet::Snapshot& snapshot, const std::vector<std::size_t>& workers) {
    QByteArray outputs[2];
    int i = 0;
    for (const exporting::Style style : {exporting::Style::Pretty, exporting::Style::Compact}) {
        outputs[i] = exporting::exportWorkers(snapshot, workers, style);
        const auto reparsed = parseOrNull(outputs[i]);
        check(reparsed != nullptr, "the export does not parse", QString::fromUtf8(outputs[i].left(300)));
        ++i;
    }
    const auto pretty = parseOrNull(outputs[0]);
    check(sameTree(*pretty, pretty->root(), *parseOrNull(outputs[1])), "pretty and compact exports differ");

    // The whole document, faithfully: the same tree after a round trip in either style.
    const json::Document& doc = *snapshot.document;
    for (const exporting::Style style : {exporting::Style::Pretty, exporting::Style::Compact}) {
        const QByteArray text = exporting::toJson(doc, doc.root(), style);
        const auto again = parseOrNull(text);
        check(again != nullptr && sameTree(doc, doc.root(), *again), "document round trip",
              QString::fromUtf8(text.left(300)));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    std::optional<filter::Query> query;
    if (input.starts_with('?')) {
        const std::size_t end = std::min(input.find('\n'), input.size());
        auto parsed =
            filter::Query::parse(QString::fromUtf8(input.data() + 1, qsizetype(end > 0 ? end - 1 : 0)));
        if (auto* error = std::get_if<filter::QueryError>(&parsed))
            check(!error->message.isEmpty() && error->position >= 0, "query error without a message");
        else
            query = std::get<filter::Query>(std::move(parsed));
        input.remove_prefix(std::min(end + 1, input.size()));
    }

    const QByteArray bytes(input.data(), qsizetype(input.size()));
    auto parsed = json::Document::parse(bytes);
    const std::string_view body = input.starts_with("\xEF\xBB\xBF") ? input.substr(3) : input;
    if (const auto* error = std::get_if<json::Document::ParseError>(&parsed)) {
        check(error->line >= 1 && error->column >= 1 && !error->message.isEmpty(), "error without position");
        check(error->offset >= 0 && error->offset <= qint64(input.size()), "error offset outside the input");
        check(json::diagnoseJson(body).has_value(), "simdjson refused what the diagnoser accepts",
              error->message);
        return 0;
    }
    const auto document = std::get<std::shared_ptr<const json::Document>>(std::move(parsed));
    check(!json::diagnoseJson(body).has_value(), "simdjson accepted what the diagnoser refuses");
    touchNodes(*document);

    const QDateTime capture(QDate(2026, 11, 29), QTime(13, 0, 5), QTimeZone::utc());
    const auto snapshot = hatchet::Snapshot::build(document, QStringLiteral("fuzz"), QDateTime());
    for (const hatchet::Problem& problem : snapshot->problems) {
        check(problem.node == json::NoNode || problem.node < document->nodeCount(), "problem node");
        check(!problem.message.isEmpty(), "problem without a message");
    }
    for (std::size_t i = 0; i < snapshot->workers.size(); ++i)
        touchWorker(snapshot->worker(i), capture);

    models::WorkerTableModel table;
    table.setSnapshot(snapshot);
    table.setReferenceTime(capture);
    touchModel(table);
    models::ProblemsModel problems;
    problems.setSnapshot(snapshot);
    touchModel(problems);

    const filter::WorkerIndex index(*snapshot);
    std::vector<std::size_t> chosen;
    if (query) {
        chosen = filter::matchingWorkers(index, *query, capture.toMSecsSinceEpoch());
        for (std::size_t i = 1; i < chosen.size(); ++i)
            check(chosen[i - 1] < chosen[i], "matches out of document order");
    } else {
        for (std::size_t i = 0; i < snapshot->workers.size(); i += 2)
            chosen.push_back(i); // every other worker
    }
    checkExport(*snapshot, chosen);
    return 0;
}
