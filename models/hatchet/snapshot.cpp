#include "snapshot.h"
#include "validation.h"

#include <QTimeZone>

namespace hwi::hatchet {

using json::Kind;

namespace {

// An object is taken for a Worker when it carries the fields every Worker has.
bool looksLikeWorker(const json::Document& doc, NodeId id) {
    if (doc.kind(id) != Kind::Object)
        return false;
    int known = 0;
    for (const char* key : {"metadata", "name", "type", "status", "lastHeartbeatAt", "actions"})
        known += doc.member(id, key) != json::NoNode;
    return known >= 2;
}

// Without an HTTP Date or a file time, the newest heartbeat is the best estimate of when it was taken.
QDateTime newestHeartbeat(const Snapshot& snapshot) {
    std::optional<std::int64_t> newest;
    for (std::size_t i = 0; i < snapshot.workers.size(); ++i) {
        const TimeValue beat = snapshot.worker(i).lastHeartbeatAt();
        if (beat.isKnown() && (!newest || beat.time.msecsSinceEpoch > *newest))
            newest = beat.time.msecsSinceEpoch;
    }
    return newest ? QDateTime::fromMSecsSinceEpoch(*newest, QTimeZone::utc()) : QDateTime();
}

std::vector<Problem> validate(const json::Document& doc, Shape shape) {
    std::vector<Problem> problems;
    switch (shape) {
    case Shape::WorkerList:
        validateWorkerList(doc, doc.root(), problems);
        break;
    case Shape::Worker:
        validateWorker(doc, doc.root(), problems);
        break;
    case Shape::WorkerArray:
        validateWorkerArray(doc, doc.root(), problems);
        break;
    case Shape::PlainJson:
        break;
    }
    findDuplicateKeys(doc, problems);
    std::stable_sort(problems.begin(), problems.end(), [&doc](const Problem& a, const Problem& b) {
        return doc.offset(a.node) < doc.offset(b.node);
    });
    return problems;
}

} // namespace

QString shapeName(Shape shape) {
    switch (shape) {
    case Shape::Worker:
        return QStringLiteral("Worker");
    case Shape::WorkerList:
        return QStringLiteral("WorkerList");
    case Shape::WorkerArray:
        return QStringLiteral("array of workers");
    case Shape::PlainJson:
        return QStringLiteral("plain JSON");
    }
    return {};
}

std::size_t Snapshot::errorCount() const {
    return static_cast<std::size_t>(std::count_if(
        problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Severity::Error; }));
}

std::shared_ptr<const Snapshot> Snapshot::build(std::shared_ptr<const json::Document> document,
                                                QString source, const QDateTime& captureTime,
                                                Validation validation) {
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->document = std::move(document);
    snapshot->source = std::move(source);
    const json::Document& doc = *snapshot->document;
    const NodeId root = doc.root();
    const NodeId rows = doc.member(root, "rows");

    if (rows != json::NoNode && doc.kind(rows) == Kind::Array) {
        snapshot->shape = Shape::WorkerList;
        for (std::uint32_t i = 0; i < doc.childCount(rows); ++i) {
            if (doc.kind(doc.child(rows, i)) == Kind::Object)
                snapshot->workers.push_back(doc.child(rows, i));
        }
    } else if (doc.kind(root) == Kind::Object && looksLikeWorker(doc, root)) {
        snapshot->shape = Shape::Worker;
        snapshot->workers.push_back(root);
    } else if (doc.kind(root) == Kind::Array) {
        for (std::uint32_t i = 0; i < doc.childCount(root); ++i) {
            if (doc.kind(doc.child(root, i)) == Kind::Object)
                snapshot->workers.push_back(doc.child(root, i));
        }
        if (doc.childCount(root) == 0 || !snapshot->workers.empty()) {
            snapshot->shape = Shape::WorkerArray;
        } else {
            snapshot->shape = Shape::PlainJson;
            snapshot->note = QStringLiteral("an array without objects: it holds no workers");
        }
    } else {
        snapshot->shape = Shape::PlainJson;
        if (doc.kind(root) == Kind::Object && doc.member(root, "errors") != json::NoNode)
            snapshot->note = QStringLiteral("a Hatchet API error response (APIErrors): it holds no workers");
        else
            snapshot->note =
                QStringLiteral("not a Worker, a WorkerList or an array of workers: it holds no workers");
    }
    if (validation == Validation::Full)
        snapshot->problems = validate(doc, snapshot->shape);

    if (captureTime.isValid()) {
        snapshot->captureTime = captureTime;
    } else {
        snapshot->captureTime = newestHeartbeat(*snapshot);
        snapshot->captureTimeNote = snapshot->captureTime.isValid()
                                        ? QStringLiteral("estimated from the newest heartbeat")
                                        : QStringLiteral("unknown");
    }
    return snapshot;
}

} // namespace hwi::hatchet
