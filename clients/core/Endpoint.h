#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace hlc {

/// How a client authenticates. The header is built in exactly one place: ApiClient::decorate().
enum class AuthScheme
{
    None,
    PveToken,  ///< `Authorization: PVEAPIToken=USER@REALM!TOKENID=SECRET`; `user` holds `USER@REALM!TOKENID`
    PveTicket, ///< cookie `PVEAuthCookie=SECRET`, plus `CSRFPreventionToken: EXTRA` on writes
    ApiKey,    ///< `X-API-Key: SECRET` (Portainer)
    Bearer,    ///< `Authorization: Bearer SECRET`
    Basic,     ///< `Authorization: Basic base64(user:SECRET)`
};

struct Credentials
{
    AuthScheme scheme = AuthScheme::None;
    QString user;   ///< user name, or PVE `USER@REALM!TOKENID`; not secret, may be shown
    QString secret; ///< token, key or password: never logged, never written to a file
    QString extra;  ///< PveTicket: the CSRF prevention token
};

/// Everything a client needs to reach one service endpoint.
struct Endpoint
{
    QUrl baseUrl; ///< e.g. https://pve:8006/api2/json
    Credentials credentials;
    int timeoutMs = 10000;                    ///< per-request transfer timeout
    int maxRetries = 2;                       ///< idempotent GETs only
    int retryBaseDelayMs = 300;               ///< first backoff; doubles per attempt
    QByteArray pinnedSha256;                  ///< leaf certificate pin, lower-case hex; empty: system trust only
    qint64 maxBodyBytes = 64ll * 1024 * 1024; ///< larger responses are aborted
};

} // namespace hlc
