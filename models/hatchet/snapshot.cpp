#include "snapshot.h"
#include "validation.h"

#include "load/backgroundpool.h"

#include <QTimeZone>

#include <functional>

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

// A tenant's list of workers (a WorkerList or a bare array of its rows): its workers are validated in parts,
// and the 24 h list membership bounds its capture time.
bool isListOfWorkers(Shape shape) {
    return shape == Shape::WorkerList || shape == Shape::WorkerArray;
}

// Validation in parts: the workers in ranges (a document without a schema: the duplicate-key scan in ranges
// of node ids). Sorted by offset, their problems are those of one pass (validation.h).
using ValidationPart = std::function<void(std::vector<Problem>&)>;
// afterEachWorker(worker) is called with each worker object of a list (isListOfWorkers) right after it is
// checked, while its text is in cache.
std::vector<ValidationPart> validationParts(const json::Document& doc, Shape shape,
                                            const std::function<void(NodeId)>& afterEachWorker) {
    constexpr std::uint32_t WorkersPerPart = 256;
    constexpr std::uint64_t NodesPerPart = 1 << 16;
    std::vector<ValidationPart> parts;
    const NodeId root = doc.root();
    auto addWorkers = [&](NodeId array) {
        const std::uint32_t count = doc.childCount(array);
        for (std::uint32_t from = 0, to = 0; from < count; from = to) {
            to = from + std::min(WorkersPerPart, count - from);
            parts.push_back([&doc, afterEachWorker, array, from, to](auto& out) {
                validateWorkers(doc, array, from, to, out, afterEachWorker);
            });
        }
    };
    switch (shape) {
    case Shape::WorkerList: {
        const NodeId rows = doc.member(root, "rows");
        parts.push_back([&doc, root, rows](auto& out) { validateWorkerListEnvelope(doc, root, rows, out); });
        addWorkers(rows);
        break;
    }
    case Shape::Worker:
        parts.push_back([&doc, root](auto& out) { validateWorker(doc, root, out); });
        break;
    case Shape::WorkerArray:
        addWorkers(root);
        break;
    case Shape::PlainJson:
        break;
    }
    // The validators check every object they meet for duplicate keys; without a schema, a scan of the node
    // table does.
    const std::uint64_t nodes = shape == Shape::PlainJson ? doc.nodeCount() : 0;
    for (std::uint64_t from = 0; from < nodes; from += NodesPerPart) {
        const auto to = static_cast<NodeId>(std::min(nodes, from + NodesPerPart));
        parts.push_back([&doc, from = static_cast<NodeId>(from), to](auto& out) {
            findDuplicateKeys(doc, from, to, out);
        });
    }
    return parts;
}

std::vector<Problem> sortedProblems(const json::Document& doc, std::vector<std::vector<Problem>>& found) {
    std::vector<Problem> problems;
    for (auto& some : found)
        problems.insert(problems.end(), std::make_move_iterator(some.begin()),
                        std::make_move_iterator(some.end()));
    std::stable_sort(problems.begin(), problems.end(), [&doc](const Problem& a, const Problem& b) {
        return doc.offset(a.node) < doc.offset(b.node);
    });
    return problems;
}

} // namespace

void Snapshot::outOfRange(std::size_t index) const {
    qFatal("Snapshot::worker(%zu): out of range (%zu workers)", index, workers.size());
}

std::optional<WorkerView> Snapshot::findWorker(qint64 index) const {
    if (index < 0 || std::uint64_t(index) >= workers.size())
        return std::nullopt;
    return WorkerView{*document, workers[std::size_t(index)]};
}

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

CaptureHint::Kind Snapshot::hintKindFor(const QString& source) {
    return source.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
                   source.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)
               ? CaptureHint::HttpDate
               : CaptureHint::FileTime;
}

std::shared_ptr<const Snapshot> Snapshot::build(std::shared_ptr<const json::Document> document,
                                                QString source, const QDateTime& captureTime,
                                                Validation validation) {
    const CaptureHint hint{captureTime.isValid() ? hintKindFor(source) : CaptureHint::None, captureTime};
    return buildWithHint(std::move(document), std::move(source), hint, validation);
}

std::shared_ptr<const Snapshot> Snapshot::buildWithHint(std::shared_ptr<const json::Document> document,
                                                        QString source, const CaptureHint& hint,
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
    // Validation and what the capture time is decided from, in parts at once: both read every worker, and
    // a large document's text is read from memory rather than cache, a few workers a microsecond.
    std::vector<CaptureWorker> beats(snapshot->workers.size());
    const auto readBeat = [&](std::size_t i) {
        const WorkerView worker = snapshot->worker(i);
        beats[i] = {worker.status(), worker.lastHeartbeatAt(), worker.name()};
    };
    // A list's workers are validated in parts, each worker's beat read right after it (a tenth of
    // validation's time less); without validation, or for one worker, in parts of their own.
    const bool beatsWithValidation = validation == Validation::Full && isListOfWorkers(snapshot->shape);
    const auto readBeatOf = [&](NodeId node) {
        const auto at = std::lower_bound(snapshot->workers.begin(), snapshot->workers.end(), node);
        readBeat(std::size_t(at - snapshot->workers.begin()));
    };
    const std::vector<ValidationPart> checks = validation == Validation::Full
                                                   ? validationParts(doc, snapshot->shape, readBeatOf)
                                                   : std::vector<ValidationPart>();
    std::vector<std::vector<Problem>> found(checks.size());
    std::vector<std::function<void()>> parts;
    for (std::size_t i = 0; i < checks.size(); ++i)
        parts.push_back([&, i] { checks[i](found[i]); });
    constexpr std::size_t WorkersPerPart = 1024;
    for (std::size_t from = 0; !beatsWithValidation && from < beats.size(); from += WorkersPerPart) {
        parts.push_back([&, from, to = std::min(beats.size(), from + WorkersPerPart)] {
            for (std::size_t i = from; i < to; ++i)
                readBeat(i);
        });
    }
    load::runAtOnce(parts);
    snapshot->problems = sortedProblems(doc, found);

    // The 24 h membership bounds the rows of a tenant's list, not a worker fetched on its own.
    snapshot->capture = decideCaptureTime(beats, isListOfWorkers(snapshot->shape), hint);
    snapshot->captureTime = snapshot->capture.time;
    snapshot->captureTimeNote = snapshot->capture.note;
    return snapshot;
}

} // namespace hwi::hatchet
