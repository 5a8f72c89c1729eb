#pragma once

#include "CertificateInfo.h"

#include <QByteArray>
#include <QString>

namespace hlc {

/**
 * @brief An error as a value: what went wrong talking to a service.
 *
 * `message` is translated and meant for people; `detail` is English and meant for logs. Neither ever contains a
 * secret: they are built from the method, the URL without its query and the status line, never from headers.
 */
struct ApiError
{
    enum class Kind
    {
        None,        ///< no error
        Network,     ///< connection refused, reset, host not found, ...
        Timeout,     ///< the transfer timeout elapsed
        Tls,         ///< certificate not trusted or not the pinned one; `tlsFingerprint` holds the seen one
        Auth,        ///< 401 or 403: wrong or insufficient credentials
        NotFound,    ///< 404
        RateLimited, ///< 429
        Rejected,    ///< any other 4xx: the request was understood and refused (400 validation, 409 conflict, ...)
        Server,      ///< 5xx
        Parse,       ///< the body was not what the API documents
        Cancelled,   ///< the caller cancelled the request
        Config,      ///< the request could not be made: bad base URL, secret missing, ...
    };

    Kind kind = Kind::None;
    int httpStatus = 0;             ///< HTTP status if one was received, else 0
    QString message;                ///< translated, for people
    QString detail;                 ///< English, for logs
    QByteArray tlsFingerprint;      ///< Kind::Tls only: SHA-256 of the leaf certificate seen, lower-case hex
    CertificateInfo tlsCertificate; ///< Kind::Tls only: the leaf certificate seen (null when none was seen)
    QByteArray tlsPinnedSha256;     ///< Kind::Tls only: the pin the certificate did not match; empty: no pin
    QByteArray body;                ///< the response body of an HTTP error (e.g. a Proxmox or Portainer error message)
    /// A non-idempotent request (an action) may have reached the service, but no answer came back (the connection
    /// broke or the timeout elapsed after sending). The action may or may not have been carried out; it was not
    /// sent again. The caller should re-read the state instead of repeating the action.
    bool outcomeUnknown = false;

    [[nodiscard]] bool isError() const { return kind != Kind::None; }
    [[nodiscard]] static QString kindName(Kind k);
};

} // namespace hlc
