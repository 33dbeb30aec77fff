#pragma once

#include <QByteArray>
#include <QString>

namespace hwi::live {

// What a Hatchet API token says about itself. The token is a JWT; its payload names the tenant (`sub`) and
// the API base (`server_url`). The signature is not checked: the server does that, and the claims only
// supply defaults the user can override.
struct TokenClaims {
    QString tenant;
    QString serverUrl;
    QString error; // why the payload could not be read; empty when it could
};

TokenClaims decodeToken(const QByteArray& token);

} // namespace hwi::live
