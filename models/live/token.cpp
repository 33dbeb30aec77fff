#include "token.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace hwi::live {

TokenClaims decodeToken(const QByteArray& token) {
    TokenClaims claims;
    const QList<QByteArray> parts = token.trimmed().split('.');
    if (parts.size() != 3) {
        claims.error = QStringLiteral("the token is not a JWT (expected three dot-separated parts, found %1)")
                           .arg(parts.size());
        return claims;
    }
    const auto decoded = QByteArray::fromBase64Encoding(
        parts[1], QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                      QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        claims.error = QStringLiteral("the token's payload is not base64url");
        return claims;
    }
    QJsonParseError parseError;
    const QJsonDocument payload = QJsonDocument::fromJson(*decoded, &parseError);
    if (!payload.isObject()) {
        claims.error = QStringLiteral("the token's payload is not a JSON object");
        return claims;
    }
    const QJsonObject object = payload.object();
    claims.tenant = object.value(QLatin1String("sub")).toString();
    claims.serverUrl = object.value(QLatin1String("server_url")).toString();
    return claims;
}

} // namespace hwi::live
