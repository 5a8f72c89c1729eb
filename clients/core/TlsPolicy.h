#pragma once

#include "ApiError.h"
#include "CertificateInfo.h"

#include <QByteArray>
#include <QList>
#include <QSslError>

#include <functional>

class QNetworkReply;
class QNetworkRequest;
class QObject;
class QSslCertificate;
class QWebSocket;

namespace hlc {

/// A peer certificate the TLS policy refused: what the server presented and the pin it did not match.
struct TlsRejection
{
    CertificateInfo certificate; ///< the leaf (peer) certificate seen; null when the server presented none
    QByteArray pin;              ///< the endpoint's pin it did not match; empty: no pin, the chain is untrusted
    /// The connection was encrypted (the system trusted the chain, or its errors were ignored) and then aborted by
    /// the post-handshake check. The transport reports that as a cancelled operation, not a handshake failure.
    bool afterHandshake = false;

    [[nodiscard]] bool isNull() const { return certificate.isNull() && pin.isEmpty(); }
    /// True when a pin was set: the certificate changed since it was trusted.
    [[nodiscard]] bool pinMismatch() const { return !pin.isEmpty(); }
    /// The error value for @p host ("HOST:PORT") and @p what (method and URL, for the log line).
    [[nodiscard]] ApiError toError(const QString& host, const QString& what) const;
};

/**
 * @brief The one place that decides whether a server certificate is acceptable.
 *
 * Verification is always on. A certificate that fails verification is accepted only when the endpoint has a pin
 * and the SHA-256 of the **leaf** (the peer certificate itself, never some certificate named in the errors: a chain
 * may carry the pinned certificate beside another leaf) equals it; then exactly that handshake's errors are
 * ignored. After the handshake, a pinned endpoint's peer must be the pinned certificate even when the system
 * trusts its chain: a publicly trusted certificate that is not the pinned one is refused before any byte of the
 * request (and its secret) is sent.
 *
 * Used by ApiClient (every request), AgentEventStream (server-sent events) and the Home Assistant WebSocket.
 */
class TlsPolicy
{
public:
    /// What watch() reports when it refuses a peer.
    using RejectionHandler = std::function<void(const TlsRejection&)>;

    /// @p pinnedSha256: hex SHA-256 of the pinned leaf certificate (any case); empty: system trust only.
    explicit TlsPolicy(const QByteArray& pinnedSha256 = {});

    [[nodiscard]] const QByteArray& pin() const { return m_pin; }
    [[nodiscard]] bool isPinned() const { return !m_pin.isEmpty(); }
    /// True when @p sha256Hex (any case) is the pinned certificate; false without a pin.
    [[nodiscard]] bool pinMatches(const QByteArray& sha256Hex) const;

    /// The `sslErrors` decision: the handshake may go on despite its errors only when @p peer (the leaf) is pinned.
    [[nodiscard]] bool acceptsUnverified(const QSslCertificate& peer) const;
    /// The post-handshake decision (`encrypted`): no pin, or @p peer is the pinned certificate.
    [[nodiscard]] bool acceptsEstablished(const QSslCertificate& peer) const;
    /// What is reported when @p peer is refused.
    [[nodiscard]] TlsRejection rejection(const QSslCertificate& peer, bool afterHandshake = false) const;

    /**
     * Verification settings of an HTTP request: peer verification on, and the connection keyed by the pin.
     *
     * Qt reuses an encrypted connection for the same host:port without a new handshake. Qt's connection cache key
     * includes the peer verify name, so a pinned request's verify name carries the pin: a connection accepted under
     * one pin never carries requests of an endpoint with no pin or another pin. That name never matches the
     * certificate, which is fine: a pinned endpoint accepts exactly the pinned certificate, whatever its names.
     * With @p ownConnection (actions) the connection pool is a separate one as well; unpinned, the verify name then
     * stays the host itself, so hostname verification is unchanged.
     */
    void prepare(QNetworkRequest& request, bool ownConnection = false) const;

    /**
     * Enforces the policy on @p reply: ignores its handshake errors only for the pinned leaf, aborts it after the
     * handshake when a pin is set and the peer is another certificate. @p rejected runs (on @p context's thread,
     * at most once per refusal) with what was refused; the reply then finishes with an error.
     */
    void watch(QNetworkReply* reply, QObject* context, RejectionHandler rejected) const;
    /**
     * The same for a WebSocket (`wss://`). QWebSocket has no `encrypted` signal: the post-handshake check runs on
     * `connected`, before the caller can send anything over the socket (connect to `connected` after this call).
     * A refused socket is aborted.
     */
    void watch(QWebSocket* socket, QObject* context, RejectionHandler rejected) const;

    /// Lower-case hex SHA-256 of @p certificate (empty for a null certificate).
    [[nodiscard]] static QByteArray sha256Hex(const QSslCertificate& certificate);

private:
    QByteArray m_pin;
};

} // namespace hlc
