// The Loader's live source: every page of a Hatchet tenant's worker list merged into one WorkerList, or
// one worker; the token only to the configured origin. The common path is in loader.cpp.
#include "live/httperrors.h"
#include "live/workerlistpages.h"
#include "loader.h"
#include "loaderjob.h"

#include <QTimer>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

namespace hwi::load {

namespace {

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

} // namespace

QString notJsonMessage(const QString& contentType, const QString& parseMessage) {
    if (!contentType.isEmpty() && !contentType.contains(QLatin1String("json"), Qt::CaseInsensitive))
        return QStringLiteral("the server sent %1, not JSON: %2").arg(contentType, parseMessage);
    return QStringLiteral("the response is not valid JSON: %1").arg(parseMessage);
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
    if (const hatchet::CaptureHint date = httpDateHint(reply); date.kind != hatchet::CaptureHint::None)
        job.captureHint = date;
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
    if (!live.pages.empty() && info.repeats(live::readPage(*live.pages.front()))) {
        // Without a page number to compare, the same first row again says the same: never loop.
        fail(QStringLiteral("the server's pagination does not advance: the page at offset %1 starts with the "
                            "first page's first row again")
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
        [pages = std::move(live.pages), cancel = job.cancel, source = job.source, hint = job.captureHint,
         validation = m_validation] {
            std::shared_ptr<const json::Document> document = pages.front();
            if (pages.size() > 1) {
                auto parsed = json::Document::parse(live::mergeWorkerLists(pages), cancel.get());
                if (auto* error = std::get_if<json::Document::ParseError>(&parsed))
                    return Outcome{nullptr, nullptr, *error};
                document = std::get<std::shared_ptr<const json::Document>>(std::move(parsed));
            }
            return Outcome{
                hatchet::Snapshot::buildWithHint(std::move(document), source, hint, validation), nullptr, {}};
        },
        &Loader::finishWithSnapshot);
}

void Loader::fetchWorker(const live::LiveRequest& request) {
    startSideFetch(m_fetch, request, false);
}

void Loader::fetchDocument(const live::LiveRequest& request) {
    startSideFetch(m_documentFetch, request, true);
}

void Loader::startSideFetch(std::unique_ptr<Fetch>& slot, const live::LiveRequest& request, bool document) {
    if (slot && slot->reply) {
        slot->reply->disconnect(this);
        slot->reply->abort();
    }
    slot = std::make_unique<Fetch>();
    slot->request = request;
    slot->document = document;
    if (const QString problem = live::insecureProblem(request.url, request.token, request.allowInsecure);
        !problem.isEmpty()) {
        const LoadError error{live::displayUrl(request.url), problem};
        QTimer::singleShot(0, this, [this, url = request.url, error, document] {
            if (document)
                Q_EMIT documentFetchFailed(url, error);
            else
                Q_EMIT workerFetchFailed(url, error);
        });
        return;
    }
    startFetch(*slot, request.url);
}

void Loader::startFetch(Fetch& fetch, const QUrl& url) {
    fetch.currentUrl = url;
    fetch.buffer.clear();
    fetch.sslErrors.clear();
    fetch.reply = m_network.get(live::makeRequest(url, fetch.request.token, fetch.request.timeoutMs));
    Fetch* f = &fetch; // the reply is disconnected before its Fetch is replaced
    connect(fetch.reply, &QNetworkReply::readyRead, this, [this, f] {
        if (f->buffer.size() + f->reply->bytesAvailable() <= m_maxBytes)
            f->buffer += f->reply->readAll();
    });
    connect(fetch.reply, &QNetworkReply::sslErrors, this,
            [f](const QList<QSslError>& errors) { f->sslErrors += errors; });
    connect(fetch.reply, &QNetworkReply::finished, this, [this, f] { onFetchFinished(*f); });
}

void Loader::onFetchFinished(Fetch& fetch) {
    QNetworkReply& reply = *fetch.reply;
    fetch.reply = nullptr;
    const QUrl url = fetch.request.url;
    const bool document = fetch.document;
    const auto emitFailed = [this, url, document](const LoadError& error) {
        if (document)
            Q_EMIT documentFetchFailed(url, error);
        else
            Q_EMIT workerFetchFailed(url, error);
    };
    const auto failWith = [&fetch, &emitFailed](const QString& message, int line = 0, int column = 0) {
        emitFailed(LoadError{live::displayUrl(fetch.currentUrl), message, line, column});
    };
    if (const auto target = live::redirectTarget(reply)) {
        if (live::origin(*target) != live::origin(fetch.currentUrl))
            failWith(live::crossOriginRedirectProblem(*target));
        else if (++fetch.redirects > MostRedirects)
            failWith(QStringLiteral("more than %1 redirects").arg(MostRedirects));
        else
            startFetch(fetch, *target);
        return;
    }
    fetch.buffer += reply.readAll();
    if (const live::ReplyProblem problem =
            live::replyProblemOf(reply, fetch.buffer, fetch.sslErrors, fetch.request.timeoutMs);
        !problem.isEmpty()) {
        // The status and the server's own words go along, so a view can tell a worker without actions
        // (HTTP 500 "worker … has no actions") from a failure.
        LoadError error{live::displayUrl(fetch.currentUrl), problem.text};
        error.httpStatus = problem.status;
        error.serverMessage = problem.serverMessage;
        emitFailed(error);
        return;
    }
    // One worker is small: parsed here rather than off the thread.
    auto parsed = json::Document::parse(std::move(fetch.buffer));
    if (const auto* error = std::get_if<json::Document::ParseError>(&parsed)) {
        failWith(notJsonMessage(reply.header(QNetworkRequest::ContentTypeHeader).toString(), error->message),
                 error->line, error->column);
        return;
    }
    if (document) {
        Q_EMIT documentFetched(url, std::get<std::shared_ptr<const json::Document>>(std::move(parsed)));
        return;
    }
    auto snapshot =
        hatchet::Snapshot::buildWithHint(std::get<std::shared_ptr<const json::Document>>(std::move(parsed)),
                                         live::displayUrl(url), httpDateHint(reply));
    Q_EMIT workerFetched(url, std::move(snapshot));
}

} // namespace hwi::load
