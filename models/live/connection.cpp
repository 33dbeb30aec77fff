#include "connection.h"
#include "token.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrlQuery>

namespace hwi::live {

namespace {

QUrl withApiPath(QUrl base, const QString& apiPath) {
    QString path = base.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    base.setPath(path + apiPath);
    base.setQuery(QString());
    base.setFragment(QString());
    return base;
}

// The server URL as the user or the token wrote it; a bare host:port gets https.
QUrl parseServerUrl(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!trimmed.contains(QLatin1String("://")))
        return QUrl(QLatin1String("https://") + trimmed, QUrl::StrictMode);
    return QUrl(trimmed, QUrl::StrictMode);
}

} // namespace

Connection Connection::fromEnvironment(const QProcessEnvironment& environment, QString* tokenError) {
    Connection connection;
    connection.token = environment.value(QStringLiteral("HATCHET_CLIENT_TOKEN")).trimmed().toUtf8();
    if (!connection.token.isEmpty()) {
        const TokenClaims claims = decodeToken(connection.token);
        if (tokenError)
            *tokenError = claims.error;
        connection.tenant = claims.tenant;
        connection.serverUrl = parseServerUrl(claims.serverUrl);
    }
    if (const QString tenant = environment.value(QStringLiteral("HATCHET_CLIENT_TENANT_ID")).trimmed();
        !tenant.isEmpty())
        connection.tenant = tenant;
    if (const QString server = environment.value(QStringLiteral("HATCHET_CLIENT_SERVER_URL"));
        !server.isEmpty())
        connection.serverUrl = parseServerUrl(server);
    return connection;
}

QUrl Connection::tenantListUrl() const {
    return withApiPath(serverUrl, QStringLiteral("/api/v1/tenants/%1/worker")
                                      .arg(QString::fromLatin1(QUrl::toPercentEncoding(tenant))));
}

QUrl Connection::workerUrl(const QString& workerId) const {
    return withApiPath(
        serverUrl,
        QStringLiteral("/api/v1/workers/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(workerId))));
}

QUrl Connection::runningTasksUrl(const QString& workerId, const QDateTime& now) const {
    QUrl url = withApiPath(serverUrl, QStringLiteral("/api/v1/stable/tenants/%1/workflow-runs")
                                          .arg(QString::fromLatin1(QUrl::toPercentEncoding(tenant))));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("worker_id"), workerId);
    query.addQueryItem(QStringLiteral("statuses"), QStringLiteral("RUNNING"));
    query.addQueryItem(QStringLiteral("since"), now.toUTC().addSecs(-24 * 60 * 60).toString(Qt::ISODate));
    query.addQueryItem(QStringLiteral("only_tasks"), QStringLiteral("true"));
    url.setQuery(query);
    return url;
}

QString Connection::problem(TokenRule rule) const {
    if (rule == TokenRequired && token.isEmpty())
        return QStringLiteral("no API token (set HATCHET_CLIENT_TOKEN)");
    if (serverUrl.isEmpty())
        return QStringLiteral(
            "no server URL (set HATCHET_CLIENT_SERVER_URL, or a token that carries server_url)");
    if (!serverUrl.isValid() || serverUrl.host().isEmpty() ||
        (serverUrl.scheme() != QLatin1String("http") && serverUrl.scheme() != QLatin1String("https")))
        return QStringLiteral("the server URL %1 is not an http(s) URL").arg(displayUrl(serverUrl));
    if (tenant.isEmpty())
        return QStringLiteral("no tenant (set HATCHET_CLIENT_TENANT_ID, or a token that carries sub)");
    return {};
}

std::optional<ApiTarget> classifyUrl(const QUrl& url) {
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return std::nullopt;
    static const QRegularExpression list(QStringLiteral("^(.*)/api/v1/tenants/([^/]+)/worker/?$"));
    static const QRegularExpression one(QStringLiteral("^(.*)/api/v1/workers/([^/]+)/?$"));
    const QString path = url.path(QUrl::FullyDecoded);
    ApiTarget target;
    QRegularExpressionMatch match = list.match(path);
    if (match.hasMatch()) {
        target.kind = ApiTarget::Kind::TenantList;
        target.tenant = match.captured(2);
    } else if (match = one.match(path); match.hasMatch()) {
        target.kind = ApiTarget::Kind::Worker;
        target.workerId = match.captured(2);
    } else {
        return std::nullopt;
    }
    target.serverUrl = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
    target.serverUrl.setPath(match.captured(1));
    return target;
}

LiveRequest LiveRequest::tenantList(const Connection& connection) {
    ApiTarget target{ApiTarget::Kind::TenantList, connection.serverUrl, connection.tenant, {}};
    return forUrl(target, connection.tenantListUrl(), connection);
}

LiveRequest LiveRequest::worker(const Connection& connection, const QString& workerId) {
    ApiTarget target{ApiTarget::Kind::Worker, connection.serverUrl, {}, workerId};
    return forUrl(target, connection.workerUrl(workerId), connection);
}

LiveRequest LiveRequest::runningTasks(const Connection& connection, const QString& workerId,
                                      const QDateTime& now) {
    ApiTarget target{ApiTarget::Kind::Worker, connection.serverUrl, connection.tenant, workerId};
    return forUrl(target, connection.runningTasksUrl(workerId, now), connection);
}

LiveRequest LiveRequest::forUrl(const ApiTarget& target, const QUrl& url, const Connection& connection) {
    LiveRequest request;
    request.kind = target.kind;
    request.url = url.adjusted(QUrl::RemoveFragment);
    request.token = connection.token;
    request.timeoutMs = connection.timeoutMs;
    request.allowInsecure = connection.allowInsecure;
    return request;
}

std::optional<LiveRequest> LiveRequest::forSource(const QString& source, const Connection& connection) {
    const QUrl url(source, QUrl::StrictMode);
    if (!url.isValid())
        return std::nullopt;
    const auto target = classifyUrl(url);
    if (!target)
        return std::nullopt;
    LiveRequest request = forUrl(*target, url, connection);
    if (const QString limit = QUrlQuery(url).queryItemValue(QStringLiteral("limit")); !limit.isEmpty())
        request.pageSize = std::max(1, limit.toInt());
    return request;
}

QString origin(const QUrl& url) {
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    return QStringLiteral("%1://%2:%3").arg(url.scheme(), url.host().toLower()).arg(url.port(defaultPort));
}

bool isLoopback(const QUrl& url) {
    const QString host = url.host().toLower();
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString displayUrl(const QUrl& url) {
    return url.toDisplayString(QUrl::RemoveUserInfo);
}

} // namespace hwi::live
