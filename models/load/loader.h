#pragma once

#include "hatchet/snapshot.h"
#include "live/connection.h"

#include <QFuture>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace hwi::load {

// Why a source could not be shown. line/column are set for JSON syntax errors.
struct LoadError {
    QString source;
    QString message;
    int line = 0;
    int column = 0;
    int httpStatus = 0;      // the HTTP status of a failed request, 0 without one
    QString serverMessage{}; // what the server's error body said ({"message"} or {"errors"}), if anything

    // "SOURCE:LINE:COLUMN: message", or "SOURCE: message" without a position.
    QString toString() const;
};

struct LoadTimings {
    qint64 readMs = 0;
    qint64 parseMs = 0; // parse, index and validation, off the GUI thread
};

// Reads any SOURCE (a path, file://, qrc: or :/, http(s)://) through one QNetworkAccessManager, then
// parses it off the calling thread. One load at a time: a new load cancels the running one.
// A live request (a Hatchet tenant's list, or one worker) goes through the same load: every page of the
// list is read (following the server's pagination) and merged into one WorkerList document.
class Loader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Loader)

public:
    static constexpr qint64 DefaultMaxBytes = qint64(2) << 30; // 2 GiB, the parser's comfortable ceiling
    static constexpr int DefaultTimeoutMs = 15000;

    explicit Loader(QObject* parent = nullptr);
    ~Loader() override;

    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    qint64 maxBytes() const { return m_maxBytes; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // Whether snapshots are validated (the default) — a command that reports no problems skips it.
    void setValidation(hatchet::Snapshot::Validation validation) { m_validation = validation; }

    // "-" (or /dev/stdin) reads standard input to its end (StandardInput).
    void load(const QString& source);
    static inline const QString StandardInput = QStringLiteral("-");
    // source names the load in the snapshot and in messages (default: the request's URL).
    void load(const live::LiveRequest& request, const QString& source = {});
    // One worker from the live source, beside the current load (which it never cancels); a new fetch
    // replaces the previous one. Answers with workerFetched or workerFetchFailed.
    void fetchWorker(const live::LiveRequest& request);
    // A worker's running tasks (LiveRequest::runningTasks), beside the current load and fetchWorker; a new
    // fetch replaces the previous one. Answers with documentFetched or documentFetchFailed.
    void fetchDocument(const live::LiveRequest& request);
    void cancel();
    bool isLoading() const { return m_job != nullptr; }

    static QUrl urlForSource(const QString& source);

Q_SIGNALS:
    void progress(qint64 bytesReceived, qint64 bytesTotal); // total -1 when unknown
    void parsing();
    void loaded(std::shared_ptr<const hwi::hatchet::Snapshot> snapshot, hwi::load::LoadTimings timings);
    void failed(const hwi::load::LoadError& error);
    void cancelled();
    // A live list: `page` pages read so far of `pages` (-1 when the server does not say), `workers` rows.
    void pageLoaded(int page, qint64 pages, qint64 workers);
    void workerFetched(const QUrl& url, std::shared_ptr<const hwi::hatchet::Snapshot> snapshot);
    void workerFetchFailed(const QUrl& url, const hwi::load::LoadError& error);
    void documentFetched(const QUrl& url, std::shared_ptr<const hwi::json::Document> document);
    void documentFetchFailed(const QUrl& url, const hwi::load::LoadError& error);

private:
    struct Job;
    struct LiveState;
    struct Fetch;
    struct Outcome;
    void startRead(Job& job);
    void readLocalFile(Job& job);
    void onLocalFileRead(Job& job, const QString& problem);
    void readStandardInput(Job& job);
    void startLiveRead(Job& job, const QUrl& url);
    void onReadyRead(Job& job);
    void readArriving(Job& job, qint64 total);
    // Why a local file's bytes cannot be trusted (it changed since the load began), or an empty string.
    static QString fileChangedMessage(const Job& job);
    void onReplyFinished(Job& job);
    void onLiveReplyFinished(Job& job);
    void onLivePage(Job& job, const Outcome& outcome);
    void parseIntoSnapshot(Job& job); // job.buffer, off the thread, then finishWithSnapshot
    void runOffThread(Job& job, std::function<Outcome()> task, void (Loader::*done)(Job&, const Outcome&));
    void finishWithSnapshot(Job& job, const Outcome& outcome);
    void startFetch(Fetch& fetch, const QUrl& url);
    void onFetchFinished(Fetch& fetch);
    void startSideFetch(std::unique_ptr<Fetch>& slot, const live::LiveRequest& request, bool document);
    void dropJob();
    bool isCurrent(quint64 id) const;
    void fail(const QString& message, int line = 0, int column = 0);

    QNetworkAccessManager m_network;
    std::unique_ptr<Job> m_job;
    std::unique_ptr<Fetch> m_fetch;
    std::unique_ptr<Fetch> m_documentFetch;
    quint64 m_lastJobId = 0;
    QList<QFuture<void>> m_readers; // of local files, waited for on destruction
    qint64 m_maxBytes = DefaultMaxBytes;
    int m_timeoutMs = DefaultTimeoutMs;
    hatchet::Snapshot::Validation m_validation = hatchet::Snapshot::Validation::Full;
};

} // namespace hwi::load

Q_DECLARE_METATYPE(hwi::load::LoadError)
Q_DECLARE_METATYPE(hwi::load::LoadTimings)
