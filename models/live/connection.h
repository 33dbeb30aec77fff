#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace hwi::live {

inline constexpr int DefaultTimeoutMs = 15000;
inline constexpr int DefaultPageSize = 1000;

// Where a Hatchet server is and how to talk to it. The token lives only in memory: it is never written to
// disk, logged, or put into a message, a title or an export.
struct Connection {
    QUrl serverUrl; // the API base, e.g. https://hatchet.internal (may carry a path prefix)
    QString tenant;
    QByteArray token;
    int timeoutMs = DefaultTimeoutMs;
    bool allowInsecure = false; // send the token over plain http to a host that is not loopback

    // The defaults Hatchet's SDKs use: HATCHET_CLIENT_TOKEN (a JWT whose payload carries `sub` = tenant and
    // `server_url`), overridden by HATCHET_CLIENT_TENANT_ID and HATCHET_CLIENT_SERVER_URL.
    // tokenError, when given, receives why the token's payload could not be read.
    static Connection
    fromEnvironment(const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                    QString* tokenError = nullptr);

    QUrl tenantListUrl() const;                    // {server}/api/v1/tenants/{tenant}/worker
    QUrl workerUrl(const QString& workerId) const; // {server}/api/v1/workers/{id}
    // {server}/api/v1/stable/tenants/{tenant}/workflow-runs?worker_id={id}&statuses=RUNNING
    // &since={now − 24 h, ISO 8601 UTC}&only_tasks=true: the tasks running on one worker (current era).
    QUrl runningTasksUrl(const QString& workerId, const QDateTime& now) const;
    // Why this connection cannot be used yet (no token when required, no server, no tenant, an unusable
    // URL); empty when it can. The window may try without a token (a server that needs none); the command
    // line requires one, so that an empty environment is reported as the missing token it is.
    enum TokenRule { TokenOptional, TokenRequired };
    QString problem(TokenRule rule = TokenOptional) const;
};

// A Hatchet API URL a SOURCE can name.
struct ApiTarget {
    enum class Kind { TenantList, Worker };
    Kind kind = Kind::TenantList;
    QUrl serverUrl;   // the part before /api/v1
    QString tenant;   // TenantList
    QString workerId; // Worker
};

// A tenant's worker list (…/api/v1/tenants/{tenant}/worker) or one worker (…/api/v1/workers/{id}) over
// http(s); nullopt for anything else.
std::optional<ApiTarget> classifyUrl(const QUrl& url);

// One load from the live source: every page of a tenant's list, or one worker.
struct LiveRequest {
    ApiTarget::Kind kind = ApiTarget::Kind::TenantList;
    QUrl url; // the list or worker URL, without limit/offset
    QByteArray token;
    int timeoutMs = DefaultTimeoutMs;
    bool allowInsecure = false;
    QStringList statuses;           // TenantList: `statuses=` (e.g. ACTIVE, PAUSED)
    QStringList labels;             // TenantList: `labels=key:value` (ANDed by the server)
    int pageSize = DefaultPageSize; // the `limit` asked for; the server may send fewer

    static LiveRequest tenantList(const Connection& connection);
    static LiveRequest worker(const Connection& connection, const QString& workerId);
    // The tasks running on a worker (Connection::runningTasksUrl); kind Worker, one GET.
    static LiveRequest runningTasks(const Connection& connection, const QString& workerId,
                                    const QDateTime& now);
    // A request for a Hatchet API URL, authenticated with the connection's token and settings.
    static LiveRequest forUrl(const ApiTarget& target, const QUrl& url, const Connection& connection);
    // A SOURCE naming a Hatchet API URL (see classifyUrl), with the connection's token and settings;
    // nullopt for any other SOURCE (a path, a file, a plain web URL: read without a token).
    static std::optional<LiveRequest> forSource(const QString& source, const Connection& connection);
};

// scheme://host:port, the unit the token is confined to.
QString origin(const QUrl& url);
bool isLoopback(const QUrl& url);
// The URL as shown in messages: no user name or password.
QString displayUrl(const QUrl& url);

} // namespace hwi::live
