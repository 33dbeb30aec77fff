#pragma once

#include "live/connection.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QDateTime>
#include <QHttpServerResponder>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <vector>

namespace hwi::fake {

// What one request to a fake server looked like (never the token itself: only whether one came).
struct SeenRequest {
    QString path;
    QUrlQuery query;
    bool authorization = false;
};

// A Hatchet REST API stand-in on Qt HttpServer for tests and demos, on 127.0.0.1 (port 0 by default):
// GET /api/v1/tenants/{tenant}/worker with limit/offset pagination (capped page size), statuses and labels
// filters; GET /api/v1/workers/{id} with registeredWorkflows (HTTP 500 "worker … has no actions" for a worker
// without actions, as Hatchet answers); a bearer token check; and fault modes. Errors come in Hatchet's two
// shapes: authentication, authorization and lookup failures as `{"message": "…"}` (403 "Please provide valid
// credentials", 404 "not found"), handler failures as APIErrors `{"errors": [{"description": "…"}]}`.
// GET /api/v1/stable/tenants/{tenant}/workflow-runs (a V1TaskSummaryList) answers worker_id with two RUNNING
// tasks for runningTasksWorkerId() and none for any other worker.
// Workers are served byte for byte as the data file has them (compact).
class FakeHatchet final : public QAbstractHttpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeHatchet)

public:
    enum class Fault {
        None,
        Slow,               // answer only after slowDelayMs (beyond the client's timeout)
        ServerError,        // 500 with APIErrors
        Unauthorized,       // 401 with {"message"}, as the framework answers
        Truncated,          // announce the whole body, send half of it, close the connection
        TruncatedJson,      // a complete HTTP response whose JSON stops half-way
        NotJson,            // 200 with an HTML page
        RedirectElsewhere,  // 302 to the other origin (a second listener that records what arrives)
        RedirectSameOrigin, // 302 to the same request under /moved on this server
        IgnoreOffset,       // a broken server: every list request gets the first page
    };

    static constexpr int DefaultPageCap = 100;

    explicit FakeHatchet(QObject* parent = nullptr);
    ~FakeHatchet() override;

    // Workers from a WorkerList, a bare array or one Worker. False (with error) when the JSON is unusable.
    bool setWorkers(const QByteArray& json, QString* error = nullptr);
    bool loadWorkers(const QString& path, QString* error = nullptr);
    int workerCount() const { return int(m_workers.size()); }
    QString workerId(int index) const;
    // The worker the workflow-runs endpoint lists running tasks for: by default the fourth worker when it is
    // of the current era (slotConfig), render-farm-01 in the sample; empty without one.
    QString runningTasksWorkerId() const { return m_runningWorker; }
    void setRunningTasksWorkerId(const QString& id) { m_runningWorker = id; }
    // Its two tasks' action IDs, in the order served.
    static QStringList runningTaskActions();

    // Listens on 127.0.0.1 (port 0: any free port), the other origin on another free port.
    bool start(quint16 port = 0);
    QUrl url() const;           // http://127.0.0.1:PORT (https when TLS is set up before start())
    QUrl tenantListUrl() const; // url()/api/v1/tenants/{tenant}/worker
    QUrl workerUrl(const QString& id) const;
    QUrl otherOriginUrl() const;

    QString tenant() const { return m_tenant; }
    void setTenant(const QString& tenant) { m_tenant = tenant; }
    QByteArray token() const { return m_token; }
    void setToken(const QByteArray& token) { m_token = token; }
    // An unsigned but well-formed JWT as Hatchet issues them: sub = tenant, server_url = url().
    QByteArray makeToken() const;
    // What a client needs to reach this server's tenant list: its URL, tenant and token.
    live::Connection connection() const;

    void setPageCap(int cap) { m_pageCap = cap; }
    // A server before 2026-05-20: the list has no `pagination` member and ignores offset, limit, statuses
    // and labels: every row in one answer.
    void setBeforePagination(bool before) { m_beforePagination = before; }
    bool beforePagination() const { return m_beforePagination; }
    // The HTTP Date the server sends (the inspector's capture time): now by default; the data's own time
    // (its newest heartbeat plus three seconds) makes a fixed data file look as fresh as when it was taken.
    void setDateFromData(bool fromData) { m_dateFromData = fromData; }
    // The fault applies to every request after the first `afterRequests` ones (so e.g. to the second page).
    void setFault(Fault fault, int afterRequests = 0);
    void setSlowDelayMs(int ms) { m_slowDelayMs = ms; }
    // Serve a TLS listener with this certificate and key (PEM) instead of plain http.
    bool useTls(const QString& certificatePath, const QString& keyPath);

    const std::vector<SeenRequest>& requests() const { return m_requests; }
    // Requests that reached the other origin.
    const std::vector<SeenRequest>& otherOriginRequests() const;
    void clearRequests();

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    struct Worker {
        QString id;
        QString status;
        std::vector<std::pair<QString, QString>> labels;
        QByteArray listJson;    // as in a list: without registeredWorkflows
        QByteArray getJson;     // as GET /workers/{id} sends it: with registeredWorkflows
        bool hasActions = true; // false: `actions` null or empty, and a GET fails with HTTP 500
    };
    class Recorder;

    QByteArray httpDate() const;
    void answerJson(QHttpServerResponder& responder, const QByteArray& body,
                    QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok) const;
    bool applyFault(const QHttpServerRequest& request, QHttpServerResponder& responder);
    bool acceptTenant(const QString& tenant, QHttpServerResponder& responder) const;
    void answerList(const QString& tenant, const QUrlQuery& query, QHttpServerResponder& responder);
    void answerWorker(const QString& id, QHttpServerResponder& responder);
    void answerRuns(const QString& tenant, const QUrlQuery& query, QHttpServerResponder& responder);

    std::vector<Worker> m_workers;
    QString m_runningWorker;
    QString m_tenant = QStringLiteral("707d0855-80ab-4e1f-a156-f1c4546cbf52");
    QByteArray m_token;
    int m_pageCap = DefaultPageCap;
    Fault m_fault = Fault::None;
    int m_faultAfter = 0;
    int m_slowDelayMs = 60000;
    bool m_tls = false;
    bool m_dateFromData = false;
    bool m_beforePagination = false;
    QDateTime m_dataTime;
    quint16 m_port = 0;
    std::vector<SeenRequest> m_requests;
    std::vector<std::unique_ptr<QHttpServerResponder>> m_held; // slow answers not yet sent
    std::unique_ptr<Recorder> m_other;
};

} // namespace hwi::fake
