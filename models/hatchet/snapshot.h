#pragma once

#include "capturetime.h"
#include "problem.h"
#include "worker.h"
#include "json/document.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace hwi::hatchet {

// How the document holds its workers; export keeps the same envelope.
enum class Shape {
    Worker,      // one Worker object (`hatchet worker get -o json`)
    WorkerList,  // {"pagination": ..., "rows": [...]} (`hatchet worker list -o json`, the REST list)
    WorkerArray, // a bare array of workers
    PlainJson,   // valid JSON that holds no workers
};

QString shapeName(Shape shape);

// Everything one load produced, immutable and shared read-only by models, export and the command line.
struct Snapshot {
    std::shared_ptr<const json::Document> document;
    Shape shape = Shape::PlainJson;
    QString note;                // e.g. why the document holds no workers
    std::vector<NodeId> workers; // Worker object nodes, in document order
    std::vector<Problem> problems;
    QString source;          // as the user named it
    CaptureTime capture;     // when it was captured, where that came from, the bounds from the data
    QDateTime captureTime;   // capture.time, read by everything that measures ages
    QString captureTimeNote; // capture.note: how the capture time was determined

    // index < workers.size(), checked: an index from outside (a table role, a gone row's -1) goes through
    // findWorker().
    WorkerView worker(std::size_t index) const {
        if (index >= workers.size()) [[unlikely]]
            outOfRange(index);
        return {*document, workers[index]};
    }
    std::optional<WorkerView> findWorker(qint64 index) const;
    std::size_t errorCount() const;

    [[noreturn]] void outOfRange(std::size_t index) const; // aborts with a message, never reads past the end

    enum class Validation { Full, Skip };
    // Classifies the document, indexes its workers, (unless skipped) validates the document and decides the
    // capture time from the hint and the data (capturetime.h).
    static std::shared_ptr<const Snapshot> buildWithHint(std::shared_ptr<const json::Document> document,
                                                         QString source, const CaptureHint& hint,
                                                         Validation validation = Validation::Full);
    // The same with a hint whose kind follows from the source: an http(s) URL's time is its HTTP Date,
    // anything else's the file's time.
    static std::shared_ptr<const Snapshot> build(std::shared_ptr<const json::Document> document,
                                                 QString source, const QDateTime& captureTime,
                                                 Validation validation = Validation::Full);
    static CaptureHint::Kind hintKindFor(const QString& source);
};

} // namespace hwi::hatchet
