#pragma once
// The Loader's private state, shared by loader.cpp (files and the common path) and liveloader.cpp (the
// Hatchet live source). Not for use outside models/load/.

#include "loader.h"
#include "json/arrivingbytes.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QNetworkReply>
#include <QPointer>
#include <QSslError>

#include <atomic>
#include <optional>

namespace hwi::load {

// The HTTP Date header as a time, invalid when absent or unreadable.
QDateTime httpDate(const QNetworkReply& reply);
// The HTTP Date header as a capture hint; kind None when absent or unreadable.
hatchet::CaptureHint httpDateHint(const QNetworkReply& reply);
// The message for a live response that does not parse.
QString notJsonMessage(const QString& contentType, const QString& parseMessage);

struct Loader::Outcome {
    std::shared_ptr<const hatchet::Snapshot> snapshot;
    std::shared_ptr<const json::Document> document; // a live list page, parsed but not yet a snapshot
    json::Document::ParseError error;
};

// A live load: the request, the page being read and the pages read so far.
struct Loader::LiveState {
    live::LiveRequest request;
    QUrl currentUrl; // of the request in flight (a page, or after a same-origin redirect)
    qint64 offset = 0;
    int redirects = 0;
    QList<QSslError> sslErrors;
    QString contentType;
    qint64 bytesBefore = 0; // of the pages before this one, for the size cap
    std::vector<std::shared_ptr<const json::Document>> pages;
    qint64 rows = 0;
    std::optional<std::int64_t> lastPage; // current_page of the previous page
};

// The side request of fetchWorker() or fetchDocument().
struct Loader::Fetch {
    live::LiveRequest request;
    bool document = false; // fetchDocument(): answered with the parsed document, not a snapshot
    QUrl currentUrl;
    int redirects = 0;
    QPointer<QNetworkReply> reply;
    QList<QSslError> sslErrors;
    QByteArray buffer;
};

struct Loader::Job {
    quint64 id = 0; // a new job may reuse a freed one's address: compare ids, not pointers
    QString source;
    QString errorSource; // what messages name when not the source (the live request that failed)
    QUrl url;
    std::optional<LiveState> live;
    QPointer<QNetworkReply> reply;
    QByteArray buffer;
    // Set when the size is announced (a file, a Content-Length): the bytes go here instead of buffer, and
    // the parse reads them while the rest is read.
    std::shared_ptr<json::ArrivingBytes> arriving;
    // What the loader knows of the capture time: the file's modification time, or the HTTP Date header of
    // the (last) response; none for a resource or a response without a Date.
    hatchet::CaptureHint captureHint;
    qint64 fileSize = -1; // a local file's size and time when the load began, to notice a writer
    QDateTime fileModified;
    QElapsedTimer timer;
    qint64 readMs = 0;
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
    std::unique_ptr<QFutureWatcher<Outcome>> watcher;
};

} // namespace hwi::load
