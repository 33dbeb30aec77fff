#include "httperrors.h"
#include "connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>

namespace hwi::live {

QNetworkRequest makeRequest(const QUrl& url, const QByteArray& token, int timeoutMs) {
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setRawHeader("Accept", "application/json");
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return request;
}

QString insecureProblem(const QUrl& url, const QByteArray& token, bool allowInsecure) {
    if (token.isEmpty() || allowInsecure || url.scheme() != QLatin1String("http") || isLoopback(url))
        return {};
    return QStringLiteral("refusing to send the API token over plain http to %1: use https, or allow it "
                          "explicitly (--allow-insecure)")
        .arg(url.host());
}

std::optional<QUrl> redirectTarget(const QNetworkReply& reply) {
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 300 || status > 399)
        return std::nullopt;
    const QByteArray location = reply.rawHeader("Location");
    if (location.isEmpty())
        return std::nullopt;
    return reply.url().resolved(QUrl::fromEncoded(location));
}

QString crossOriginRedirectProblem(const QUrl& target) {
    return QStringLiteral("the server redirected to %1, another origin; not following it with the API token")
        .arg(displayUrl(target));
}

namespace {

// Why a reply without an HTTP error status brought no usable body; empty when it did.
QString networkProblem(const QNetworkReply& reply, const QByteArray& body, const QList<QSslError>& sslErrors,
                       int timeoutMs) {
    switch (reply.error()) {
    case QNetworkReply::NoError: {
        const qint64 expected = reply.header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (expected > 0 && body.size() < expected)
            return QStringLiteral("the response is truncated: %1 of %2 bytes arrived")
                .arg(body.size())
                .arg(expected);
        return {};
    }
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused: nothing listens on %1 port %2")
            .arg(reply.url().host())
            .arg(reply.url().port(reply.url().scheme() == QLatin1String("https") ? 443 : 80));
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host not found: %1 (DNS lookup failed)").arg(reply.url().host());
    case QNetworkReply::OperationCanceledError: // the transfer timeout aborts the reply
    case QNetworkReply::TimeoutError:
        return QStringLiteral("no response within %1 s (timeout)")
            .arg(QLocale::c().toString(timeoutMs / 1000.0, 'g', 3));
    case QNetworkReply::SslHandshakeFailedError: {
        QStringList reasons;
        for (const QSslError& error : sslErrors)
            reasons << error.errorString();
        return QStringLiteral("TLS error: %1")
            .arg(reasons.isEmpty() ? reply.errorString() : reasons.join(QStringLiteral("; ")));
    }
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::UnknownNetworkError:
        if (!body.isEmpty()) {
            const qint64 expected = reply.header(QNetworkRequest::ContentLengthHeader).toLongLong();
            return expected > 0
                       ? QStringLiteral("the connection closed early: the response is truncated (%1 of "
                                        "%2 bytes arrived)")
                             .arg(body.size())
                             .arg(expected)
                       : QStringLiteral("the connection closed early: the response is truncated (%1 "
                                        "bytes arrived)")
                             .arg(body.size());
        }
        return QStringLiteral("the connection closed before a response arrived (%1)")
            .arg(reply.errorString());
    default:
        return reply.errorString();
    }
}

} // namespace

QString errorBodyText(const QByteArray& body) {
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QStringList texts;
    const QJsonArray errors = object.value(QLatin1String("errors")).toArray();
    for (const auto& error : errors) {
        const QString description = error.toObject().value(QLatin1String("description")).toString().trimmed();
        if (!description.isEmpty())
            texts << description;
    }
    if (texts.isEmpty()) {
        if (const QString message = object.value(QLatin1String("message")).toString().trimmed();
            !message.isEmpty())
            texts << message;
    }
    return texts.join(QStringLiteral("; "));
}

bool isWorkerWithoutActions(int status, const QString& serverMessage, std::optional<int> listedActions) {
    return status == 500 && (serverMessage.contains(QLatin1String("has no actions")) || listedActions == 0);
}

ReplyProblem replyProblemOf(const QNetworkReply& reply, const QByteArray& body,
                            const QList<QSslError>& sslErrors, int timeoutMs) {
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400) {
        const QString reason = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        QString message = QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed();
        const QString said = errorBodyText(body);
        if (!said.isEmpty())
            message += QLatin1String(": ") + said;
        if (status == 401 || status == 403)
            message += QLatin1String(" (check the API token and the tenant)");
        return {message, status, said};
    }
    return {networkProblem(reply, body, sslErrors, timeoutMs), status, {}};
}

} // namespace hwi::live
