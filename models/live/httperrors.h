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

// The `description`s of an APIErrors body (`{"errors":[{"description": …}]}`), joined by "; ".
QString apiErrorDescription(const QByteArray& body);

// Why a finished reply brought no usable body: network errors (refused, DNS, timeout, TLS), HTTP error
// statuses with the server's APIErrors description, a body cut short. Empty when the reply is a success.
// Never contains the token (only the URL, which never carries it).
QString replyProblem(const QNetworkReply& reply, const QByteArray& body, const QList<QSslError>& sslErrors,
                     int timeoutMs);

} // namespace hwi::live
