#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkRequest>
#include <QSslError>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkReply;

namespace hwi::live {

// A GET with `Authorization: Bearer <token>` (when there is one), a transfer timeout and no automatic
// redirects: the caller follows a redirect itself, and only within the origin the token belongs to.
QNetworkRequest makeRequest(const QUrl& url, const QByteArray& token, int timeoutMs);

// Why the token must not go to this URL (plain http to a host that is not loopback, unless allowed).
QString insecureProblem(const QUrl& url, const QByteArray& token, bool allowInsecure);

// Where a finished reply redirects to (resolved against its URL), if it is a redirect.
std::optional<QUrl> redirectTarget(const QNetworkReply& reply);
QString crossOriginRedirectProblem(const QUrl& target);

// What an error body says, in either shape Hatchet answers with: `{"message": "…"}` from the HTTP framework
// (authentication, authorization and lookup failures: 403 "Please provide valid credentials", 401, 404 "not
// found", 400 "invalid worker id") and APIErrors `{"errors":[{"description": …}]}` from handlers (the
// descriptions joined by "; "). Empty for any other body.
QString errorBodyText(const QByteArray& body);

// Why a finished reply brought no usable body. `status` is the HTTP status (0 without one) and
// `serverMessage` what its error body said (errorBodyText), so a caller can decide without reading `text`.
struct ReplyProblem {
    QString text;
    int status = 0;
    QString serverMessage;

    bool isEmpty() const { return text.isEmpty(); }
};

// Network errors (refused, DNS, timeout, TLS), HTTP error statuses with what the server's error body says,
// a body cut short. Empty when the reply is a success. Never contains the token (only the URL, which never
// carries it).
ReplyProblem replyProblemOf(const QNetworkReply& reply, const QByteArray& body,
                            const QList<QSslError>& sslErrors, int timeoutMs);
inline QString replyProblem(const QNetworkReply& reply, const QByteArray& body,
                            const QList<QSslError>& sslErrors, int timeoutMs) {
    return replyProblemOf(reply, body, sslErrors, timeoutMs).text;
}

// A GET of a worker that has no action records (its list row says `"actions": null`) fails on the server:
// HTTP 500 "worker … has no actions". Nothing is wrong with the connection: the worker has no workflows.
// listedActions: how many actions the worker's list row has, when known (a 500 for a worker listed without
// any is that failure whatever its body says).
bool isWorkerWithoutActions(int status, const QString& serverMessage,
                            std::optional<int> listedActions = std::nullopt);

} // namespace hwi::live
