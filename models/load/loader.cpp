#include "loader.h"
#include "live/httperrors.h"
#include "live/workerlistpages.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace hwi::load {

namespace {

QString describeSize(qint64 bytes) {
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// The reason a local path cannot be read, or an empty string when it can.
QString localFileProblem(const QFileInfo& info, qint64 maxBytes) {
    if (!info.exists())
        return QStringLiteral("no such file");
    if (info.isDir())
        return QStringLiteral("is a directory, not a JSON file");
    if (!info.isFile())
        return QStringLiteral("not a regular file (a pipe or device cannot be opened here)");
    if (!info.isReadable())
        return QStringLiteral("permission denied: the file is not readable");
    if (info.size() > maxBytes)
        return QStringLiteral("the file is %1, above the %2 limit")
            .arg(describeSize(info.size()), describeSize(maxBytes));
    return {};
}

// The HTTP Date header ("Sun, 29 Nov 2026 13:00:05 GMT"); Qt's RFC 2822 parser wants "+0000" for GMT.
QDateTime httpDate(const QNetworkReply& reply) {
    QString date = QString::fromLatin1(reply.rawHeader("Date")).trimmed();
    if (date.endsWith(QLatin1String(" GMT")) || date.endsWith(QLatin1String(" UTC")))
        date = date.chopped(4) + QLatin1String(" +0000");
    return date.isEmpty() ? QDateTime() : QDateTime::fromString(date, Qt::RFC2822Date);
}

// At most this many same-origin redirects per request.
constexpr int MostRedirects = 5;

// The URL of one page of a tenant's list: the user's own query items (but limit/offset), the status and
// label filters, then limit and offset.
QUrl pageUrl(const live::LiveRequest& request, qint64 offset) {
    QUrl url = request.url;
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("limit"));
    query.removeAllQueryItems(QStringLiteral("offset"));
    for (const QString& status : request.statuses)
        query.addQueryItem(QStringLiteral("statuses"), status);
    for (const QString& label : request.labels)
        query.addQueryItem(QStringLiteral("labels"), label);
    query.addQueryItem(QStringLiteral("limit"), QString::number(request.pageSize));
    query.addQueryItem(QStringLiteral("offset"), QString::number(offset));
    url.setQuery(query);
    return url;
}

QString notJsonMessage(const QString& contentType, const QString& parseMessage) {
    if (!contentType.isEmpty() && !contentType.contains(QLatin1String("json"), Qt::CaseInsensitive))
        return QStringLiteral("the server sent %1, not JSON: %2").arg(contentType, parseMessage);
    return QStringLiteral("the response is not valid JSON: %1").arg(parseMessage);
}

} // namespace

QString LoadError::toString() const {
    if (line > 0)
        return QStringLiteral("%1:%2:%3: %4").arg(source).arg(line).arg(column).arg(message);
    return source + QLatin1String(": ") + message;
}

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

// The side request of fetchWorker().
struct Loader::Fetch {
    live::LiveRequest request;
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
    QDateTime captureTime;
    QElapsedTimer timer;
    qint64 readMs = 0;
    std::shared_ptr<std::atomic_bool> cancel = std::make_shared<std::atomic_bool>(false);
    std::unique_ptr<QFutureWatcher<Outcome>> watcher;
};

Loader::Loader(QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<LoadError>();
    qRegisterMetaType<LoadTimings>();
    qRegisterMetaType<std::shared_ptr<const hatchet::Snapshot>>();
    m_network.setAutoDeleteReplies(true);
    m_network.setTransferTimeout(m_timeoutMs);
}

Loader::~Loader() {
    cancel();
    if (m_fetch && m_fetch->reply) {
        m_fetch->reply->disconnect(this);
        m_fetch->reply->abort();
    }
}

QUrl Loader::urlForSource(const QString& source) {
    if (source.startsWith(QLatin1String(":/")))
        return QUrl(QLatin1String("qrc") + source);
    QUrl url(source, QUrl::StrictMode);
    static const QStringList schemes = {QStringLiteral("qrc"), QStringLiteral("file"), QStringLiteral("http"),
                                        QStringLiteral("https")};
    if (url.isValid() && schemes.contains(url.scheme()))
        return url;
    return QUrl::fromLocalFile(QFileInfo(source).absoluteFilePath());
}

void Loader::load(const QString& source) {
    cancel();
    m_job = std::make_unique<Job>();
    Job& job = *m_job;
    job.id = ++m_lastJobId;
    job.source = source;
    job.url = urlForSource(source);
    job.timer.start();

    if (job.url.isLocalFile()) {
        const QFileInfo info(job.url.toLocalFile());
        const QString problem = localFileProblem(info, m_maxBytes);
        if (!problem.isEmpty()) {
            // Report after load() returns, like every other outcome.
            QTimer::singleShot(0, this, [this, id = job.id, problem] {
                if (isCurrent(id))
                    fail(problem);
            });
            return;
        }
        job.captureTime = info.lastModified();
    }
    startRead(job);
}

void Loader::startRead(Job& job) {
    QNetworkRequest request(job.url);
    request.setTransferTimeout(m_timeoutMs);
    job.reply = m_network.get(request);
    connect(job.reply, &QNetworkReply::readyRead, this, [this, &job] { onReadyRead(job); });
    connect(job.reply, &QNetworkReply::finished, this, [this, &job] { onReplyFinished(job); });
}

void Loader::onReadyRead(Job& job) {
    QNetworkReply& reply = *job.reply;
    const qint64 total = reply.header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (job.buffer.isEmpty() && total > 0 && total <= m_maxBytes)
        job.buffer.reserve(total + 64); // the parser's padding, so the bytes are never copied again
    const qint64 available = reply.bytesAvailable();
    const qint64 before = job.live ? job.live->bytesBefore : 0;
    if (before + job.buffer.size() + available > m_maxBytes) {
        fail(QStringLiteral("more than %1 received: the size limit stops the read")
                 .arg(describeSize(m_maxBytes)));
        return;
    }
    const qsizetype old = job.buffer.size();
    job.buffer.resize(old + available);
    const qint64 got = reply.read(job.buffer.data() + old, available);
    job.buffer.resize(old + std::max<qint64>(got, 0));
    Q_EMIT progress(job.buffer.size(), total > 0 ? total : -1); // may cancel or replace this job
}

void Loader::onReplyFinished(Job& job) {
    if (job.live) {
        onLiveReplyFinished(job);
        return;
    }
    QNetworkReply& reply = *job.reply;
    if (reply.error() != QNetworkReply::NoError) {
        const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 0) {
            const QString reason = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            fail(QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed());
        } else if (reply.error() == QNetworkReply::OperationCanceledError) {
            fail(QStringLiteral("timed out after %1 s").arg(m_timeoutMs / 1000.0));
        } else {
            fail(reply.errorString());
        }
        return;
    }
    const quint64 id = job.id;
    if (reply.bytesAvailable() > 0)
        onReadyRead(job);
    if (!isCurrent(id))
        return; // job is gone
    if (const QDateTime date = httpDate(reply); date.isValid())
        job.captureTime = date;
    job.readMs = job.timer.elapsed();
    job.reply = nullptr; // deleted by the manager after this signal

    Q_EMIT parsing();
    if (!isCurrent(id))
        return; // a slot cancelled or replaced the load: job is gone
    parseIntoSnapshot(job);
}

void Loader::parseIntoSnapshot(Job& job) {
    runOffThread(
        job,
        [bytes = std::move(job.buffer), cancel = job.cancel, source = job.source,
         time = job.captureTime]() mutable {
            auto parsed = json::Document::parse(std::move(bytes), cancel.get());
            if (auto* error = std::get_if<json::Document::ParseError>(&parsed))
                return Outcome{nullptr, nullptr, *error};
            auto document = std::get<std::shared_ptr<const json::Document>>(std::move(parsed));
            return Outcome{hatchet::Snapshot::build(std::move(document), source, time), nullptr, {}};
        },
        &Loader::finishWithSnapshot);
}

void Loader::runOffThread(Job& job, std::function<Outcome()> task,
                          void (Loader::*done)(Job&, const Outcome&)) {
    job.watcher = std::make_unique<QFutureWatcher<Outcome>>();
    connect(job.watcher.get(), &QFutureWatcher<Outcome>::finished, this, [this, &job, done] {
        const Outcome outcome = job.watcher->result();
        job.watcher.release()->deleteLater(); // inside its own signal
        (this->*done)(job, outcome);
    });
    job.watcher->setFuture(QtConcurrent::run(std::move(task)));
}

void Loader::finishWithSnapshot(Job& job, const Outcome& outcome) {
    if (!outcome.snapshot) {
        fail(job.live ? notJsonMessage(job.live->contentType, outcome.error.message) : outcome.error.message,
             outcome.error.line, outcome.error.column);
        return;
    }
    const LoadTimings timings{job.readMs, job.timer.elapsed() - job.readMs};
    const auto snapshot = outcome.snapshot;
    dropJob();
    Q_EMIT loaded(snapshot, timings);
}

void Loader::load(const live::LiveRequest& request, const QString& source) {
    cancel();
    m_job = std::make_unique<Job>();
    Job& job = *m_job;
    job.id = ++m_lastJobId;
    job.url = request.url;
    job.source = source.isEmpty() ? live::displayUrl(request.url) : source;
    job.live.emplace();
    job.live->request = request;
    job.timer.start();
    if (const QString problem = live::insecureProblem(request.url, request.token, request.allowInsecure);
        !problem.isEmpty()) {
        job.errorSource = live::displayUrl(request.url);
        QTimer::singleShot(0, this, [this, id = job.id, problem] {
            if (isCurrent(id))
                fail(problem);
        });
        return;
    }
    startLiveRead(job, request.kind == live::ApiTarget::Kind::TenantList ? pageUrl(request, 0) : request.url);
}

void Loader::startLiveRead(Job& job, const QUrl& url) {
    LiveState& live = *job.live;
    live.currentUrl = url;
    live.sslErrors.clear();
    job.errorSource = live::displayUrl(url);
    job.buffer.clear();
    job.reply = m_network.get(live::makeRequest(url, live.request.token, live.request.timeoutMs));
    connect(job.reply, &QNetworkReply::readyRead, this, [this, &job] { onReadyRead(job); });
    connect(job.reply, &QNetworkReply::finished, this, [this, &job] { onReplyFinished(job); });
    connect(job.reply, &QNetworkReply::sslErrors, this,
            [&job](const QList<QSslError>& errors) { job.live->sslErrors += errors; });
}

void Loader::onLiveReplyFinished(Job& job) {
    QNetworkReply& reply = *job.reply;
    LiveState& live = *job.live;
    const quint64 id = job.id;
    if (const auto target = live::redirectTarget(reply)) {
        job.reply = nullptr;
        if (live::origin(*target) != live::origin(live.currentUrl))
            fail(live::crossOriginRedirectProblem(*target));
        else if (++live.redirects > MostRedirects)
            fail(QStringLiteral("more than %1 redirects").arg(MostRedirects));
        else
            startLiveRead(job, *target);
        return;
    }
    if (reply.bytesAvailable() > 0)
        onReadyRead(job);
    if (!isCurrent(id))
        return; // the size cap failed it, or a progress slot replaced it
    if (const QString problem = live::replyProblem(reply, job.buffer, live.sslErrors, live.request.timeoutMs);
        !problem.isEmpty()) {
        fail(problem);
        return;
    }
    live.redirects = 0;
    live.contentType = reply.header(QNetworkRequest::ContentTypeHeader).toString();
    if (const QDateTime date = httpDate(reply); date.isValid())
        job.captureTime = date;
    job.reply = nullptr; // deleted by the manager after this signal
    live.bytesBefore += job.buffer.size();

    if (live.request.kind == live::ApiTarget::Kind::Worker) {
        job.readMs = job.timer.elapsed();
        Q_EMIT parsing();
        if (!isCurrent(id))
            return;
        parseIntoSnapshot(job);
        return;
    }
    runOffThread(
        job,
        [bytes = std::move(job.buffer), cancel = job.cancel]() mutable {
            auto parsed = json::Document::parse(std::move(bytes), cancel.get());
            if (auto* error = std::get_if<json::Document::ParseError>(&parsed))
                return Outcome{nullptr, nullptr, *error};
            return Outcome{nullptr, std::get<std::shared_ptr<const json::Document>>(std::move(parsed)), {}};
        },
        &Loader::onLivePage);
}

void Loader::onLivePage(Job& job, const Outcome& outcome) {
    LiveState& live = *job.live;
    if (!outcome.document) {
        fail(notJsonMessage(live.contentType, outcome.error.message), outcome.error.line,
             outcome.error.column);
        return;
    }
    const live::PageInfo info = live::readPage(*outcome.document);
    if (info.currentPage && live.lastPage && *info.currentPage <= *live.lastPage) {
        // A server that ignores offset would send the same page forever.
        fail(QStringLiteral("the server's pagination does not advance: page %1 again at offset %2")
                 .arg(*info.currentPage)
                 .arg(live.offset));
        return;
    }
    live.lastPage = info.currentPage;
    live.pages.push_back(outcome.document);
    live.rows += info.rows;
    const quint64 id = job.id;
    Q_EMIT pageLoaded(int(live.pages.size()), info.numPages.value_or(-1), live.rows);
    if (!isCurrent(id))
        return;
    if (info.hasMore(live.request.pageSize)) {
        live.offset += info.rows;
        startLiveRead(job, pageUrl(live.request, live.offset));
        return;
    }
    // The last page: one page is the document as the server sent it; more are merged into one WorkerList.
    job.readMs = job.timer.elapsed();
    job.errorSource = job.source;
    Q_EMIT parsing();
    if (!isCurrent(id))
        return;
    runOffThread(
        job,
        [pages = std::move(live.pages), cancel = job.cancel, source = job.source, time = job.captureTime] {
            std::shared_ptr<const json::Document> document = pages.front();
            if (pages.size() > 1) {
                auto parsed = json::Document::parse(live::mergeWorkerLists(pages), cancel.get());
                if (auto* error = std::get_if<json::Document::ParseError>(&parsed))
                    return Outcome{nullptr, nullptr, *error};
                document = std::get<std::shared_ptr<const json::Document>>(std::move(parsed));
            }
            return Outcome{hatchet::Snapshot::build(std::move(document), source, time), nullptr, {}};
        },
        &Loader::finishWithSnapshot);
}

void Loader::fetchWorker(const live::LiveRequest& request) {
    if (m_fetch && m_fetch->reply) {
        m_fetch->reply->disconnect(this);
        m_fetch->reply->abort();
    }
    m_fetch = std::make_unique<Fetch>();
    m_fetch->request = request;
    if (const QString problem = live::insecureProblem(request.url, request.token, request.allowInsecure);
        !problem.isEmpty()) {
        const LoadError error{live::displayUrl(request.url), problem};
        QTimer::singleShot(0, this,
                           [this, url = request.url, error] { Q_EMIT workerFetchFailed(url, error); });
        return;
    }
    startFetch(request.url);
}

void Loader::startFetch(const QUrl& url) {
    Fetch& fetch = *m_fetch;
    fetch.currentUrl = url;
    fetch.buffer.clear();
    fetch.sslErrors.clear();
    fetch.reply = m_network.get(live::makeRequest(url, fetch.request.token, fetch.request.timeoutMs));
    connect(fetch.reply, &QNetworkReply::readyRead, this, [this] {
        Fetch& f = *m_fetch;
        if (f.buffer.size() + f.reply->bytesAvailable() <= m_maxBytes)
            f.buffer += f.reply->readAll();
    });
    connect(fetch.reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError>& errors) { m_fetch->sslErrors += errors; });
    connect(fetch.reply, &QNetworkReply::finished, this, &Loader::onFetchFinished);
}

void Loader::onFetchFinished() {
    Fetch& fetch = *m_fetch;
    QNetworkReply& reply = *fetch.reply;
    fetch.reply = nullptr;
    const QUrl url = fetch.request.url;
    const auto failWith = [this, &fetch, url](const QString& message, int line = 0, int column = 0) {
        const LoadError error{live::displayUrl(fetch.currentUrl), message, line, column};
        Q_EMIT workerFetchFailed(url, error);
    };
    if (const auto target = live::redirectTarget(reply)) {
        if (live::origin(*target) != live::origin(fetch.currentUrl))
            failWith(live::crossOriginRedirectProblem(*target));
        else if (++fetch.redirects > MostRedirects)
            failWith(QStringLiteral("more than %1 redirects").arg(MostRedirects));
        else
            startFetch(*target);
        return;
    }
    fetch.buffer += reply.readAll();
    if (const QString problem =
            live::replyProblem(reply, fetch.buffer, fetch.sslErrors, fetch.request.timeoutMs);
        !problem.isEmpty()) {
        failWith(problem);
        return;
    }
    // One worker is small: parsed here rather than off the thread.
    auto parsed = json::Document::parse(std::move(fetch.buffer));
    if (const auto* error = std::get_if<json::Document::ParseError>(&parsed)) {
        failWith(notJsonMessage(reply.header(QNetworkRequest::ContentTypeHeader).toString(), error->message),
                 error->line, error->column);
        return;
    }
    auto snapshot =
        hatchet::Snapshot::build(std::get<std::shared_ptr<const json::Document>>(std::move(parsed)),
                                 live::displayUrl(url), httpDate(reply));
    Q_EMIT workerFetched(url, std::move(snapshot));
}

bool Loader::isCurrent(quint64 id) const {
    return m_job && m_job->id == id;
}

void Loader::cancel() {
    if (!m_job)
        return;
    dropJob();
    Q_EMIT cancelled();
}

void Loader::dropJob() {
    if (!m_job)
        return;
    m_job->cancel->store(true); // a running parse stops at its next check
    if (m_job->reply) {
        m_job->reply->disconnect(this);
        m_job->reply->abort();
    }
    if (m_job->watcher) {
        m_job->watcher->disconnect(this);
        m_job->watcher.release()->deleteLater(); // may be inside its own signal
    }
    m_job.reset();
}

void Loader::fail(const QString& message, int line, int column) {
    const LoadError error{!m_job                         ? QString()
                          : m_job->errorSource.isEmpty() ? m_job->source
                                                         : m_job->errorSource,
                          message, line, column};
    dropJob();
    Q_EMIT failed(error);
}

} // namespace hwi::load
