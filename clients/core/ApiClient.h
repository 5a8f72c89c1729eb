#pragma once

#include "ApiError.h"
#include "Endpoint.h"
#include "TlsPolicy.h"

#include <QHash>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QTimer;

namespace hlc {

/// One HTTP request, relative to the endpoint's base URL.
struct ApiRequest
{
    QByteArray method = "GET";
    QString path; ///< appended to the base URL's path, e.g. "/nodes"
    QUrlQuery query;
    QByteArray body;
    QByteArray contentType;                       ///< e.g. "application/json"
    QList<QPair<QByteArray, QByteArray>> headers; ///< extra, non-secret headers
    int timeoutMs = -1;                           ///< -1: the endpoint's
    /// Only idempotent requests are retried. Defaults to true for GET/HEAD, false otherwise.
    std::optional<bool> idempotent;

    [[nodiscard]] bool isIdempotent() const { return idempotent.value_or(method == "GET" || method == "HEAD"); }
};

/// What came back: a status and a body, or an error (HTTP errors carry both).
struct ApiResponse
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    ApiError error;
    int attempts = 0;

    [[nodiscard]] bool ok() const { return !error.isError(); }
    [[nodiscard]] QByteArray header(const QByteArray& name) const;
};

class ApiClient;

/**
 * @brief A request in flight. Owned by its ApiClient; deletes itself after its callback ran.
 *
 * Retries idempotent requests after connection errors, timeouts and 503, with doubling backoff. A GET sent while an
 * identical one is in flight joins it (a follower): no second request goes out, and it gets the same answer.
 */
class ApiCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiCall)
public:
    using Callback = std::function<void(const ApiResponse&)>;
    ApiCall(ApiClient* client, ApiRequest request, QObject* context, Callback callback);
    ~ApiCall() override;

    /// Aborts the request; the callback runs with ApiError::Kind::Cancelled.
    void cancel();
    [[nodiscard]] const ApiRequest& request() const { return m_request; }

private:
    friend class ApiClient;
    void start();
    void onFinished();
    void finish(ApiResponse response);
    [[nodiscard]] bool shouldRetry(const ApiResponse& r) const;
    /// Hands @p response to the calls that joined this one; if this one was cancelled, the first of them goes on
    /// as the request on the wire (the others join it) and none is answered here.
    void settleFollowers(const ApiResponse& response);

    ApiClient* m_client;
    QPointer<ApiCall> m_leader;           ///< the identical GET this call joined (nothing of its own on the wire)
    QList<QPointer<ApiCall>> m_followers; ///< identical GETs that joined this one
    QString m_joinKey;                    ///< the key of this call in ApiClient's in-flight GETs; empty: none
    ApiRequest m_request;
    QPointer<QObject> m_context;
    bool m_hasContext;
    Callback m_callback;
    QPointer<QNetworkReply> m_reply;
    QTimer* m_timeout;
    int m_attempt = 0;
    bool m_timedOut = false;
    bool m_cancelled = false;
    bool m_tooLarge = false;
    std::optional<TlsRejection> m_tlsRejection; ///< what the TLS policy refused in this attempt
    bool m_done = false;
};

/**
 * @brief The transport every service client uses: one endpoint, one injected QNetworkAccessManager.
 *
 * Adds authentication in one place, enforces a transfer timeout, retries only idempotent requests, never follows
 * redirects (a secret must not travel to another origin), and enforces the TLS policy (TlsPolicy): verification
 * always on, a certificate that fails verification is accepted only if its SHA-256 equals the endpoint's pin, and a
 * pinned endpoint accepts no other certificate, even one the system trusts.
 */
class ApiClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)
public:
    ApiClient(QNetworkAccessManager* nam, Endpoint endpoint, QObject* parent = nullptr);
    ~ApiClient() override;

    [[nodiscard]] const Endpoint& endpoint() const { return m_endpoint; }
    void setEndpoint(const Endpoint& endpoint) { m_endpoint = endpoint; }
    void setCredentials(const Credentials& c) { m_endpoint.credentials = c; }
    void setPinnedSha256(const QByteArray& pin) { m_endpoint.pinnedSha256 = pin.toLower(); }
    [[nodiscard]] QNetworkAccessManager* networkManager() const { return m_nam; }

    /**
     * Sends @p request. @p callback runs once, on this thread, unless @p context is destroyed first
     * (pass nullptr for no context). The returned handle can cancel the call until the callback ran.
     */
    ApiCall* send(ApiRequest request, QObject* context, ApiCall::Callback callback);

    /// Convenience for GET.
    ApiCall* get(const QString& path, const QUrlQuery& query, QObject* context, ApiCall::Callback callback);

    /// The absolute URL for @p path and @p query (for display and tests; contains no secret).
    [[nodiscard]] QUrl urlFor(const QString& path, const QUrlQuery& query = {}) const;

    /// The QNetworkRequest send() would make for @p request (auth, headers, TLS settings), for long-lived streams
    /// that read the reply as it arrives (server-sent events). Their owner enforces tlsPolicy() with
    /// TlsPolicy::watch() and reports a refusal with reportTlsRejection().
    [[nodiscard]] QNetworkRequest prepareRequest(const ApiRequest& request) const { return buildRequest(request); }
    /// The TLS policy of this endpoint (its pin).
    [[nodiscard]] TlsPolicy tlsPolicy() const { return TlsPolicy(m_endpoint.pinnedSha256); }
    /// True when @p sha256Hex is this endpoint's pinned certificate.
    [[nodiscard]] bool pinMatches(const QByteArray& sha256Hex) const { return tlsPolicy().pinMatches(sha256Hex); }
    /// Emits untrustedCertificate() and certificateRejected() for a Kind::Tls @p error that names the certificate
    /// seen; does nothing otherwise. Connections that do not go through send() (event streams, WebSockets) report
    /// through here, so whoever watches this client learns of every refused certificate of its service.
    void reportTlsRejection(const ApiError& error, const QString& host);
    /// "HOST:PORT" (or "HOST") of @p url, for messages: never its query, user info or path.
    [[nodiscard]] static QString hostOf(const QUrl& url);

    /// Number of calls in flight (including calls that joined an identical GET).
    [[nodiscard]] int pending() const;
    /// GETs that joined an identical GET in flight instead of sending their own (since construction).
    [[nodiscard]] int joinedRequests() const { return m_joined; }
    /// The certificate the service presented on its last successful HTTPS answer (null before one, or over http):
    /// who it names and when it expires, for "certificate expires in 9 days".
    [[nodiscard]] const CertificateInfo& peerCertificate() const { return m_peerCertificate; }

    /// Maps a finished reply to an error value (ApiError::Kind::None when it succeeded).
    static ApiError mapReplyError(QNetworkReply* reply, const QString& what);

signals:
    /// A TLS handshake failed: the certificate is untrusted and unpinned, or not the pinned one.
    /// @param fingerprint SHA-256 of the leaf certificate seen (lower-case hex), for "trust this certificate?"
    /// @param host the host:port it came from
    void untrustedCertificate(const QByteArray& fingerprint, const QString& host);
    /// The same refusal with what a person needs to decide (emitted right after untrustedCertificate()).
    /// @param certificate the leaf certificate seen: subject, issuer, validity, names, fingerprint
    /// @param pinnedSha256 the pin it did not match; empty when the endpoint has no pin (untrusted certificate)
    /// @param host the host:port it came from
    void certificateRejected(const hlc::CertificateInfo& certificate, const QByteArray& pinnedSha256,
                             const QString& host);
    /// A call ended (after any retries), before its callback runs: lets an owner watch a service's health, e.g. a
    /// 401 for a rejected secret. @p error is Kind::None when it succeeded.
    void callFinished(const hlc::ApiRequest& request, const hlc::ApiError& error);
    /// A successful HTTPS answer came with another certificate than the last one (the first answer, a renewal).
    void peerCertificateChanged(const hlc::CertificateInfo& certificate);

private:
    friend class ApiCall;
    QNetworkRequest buildRequest(const ApiRequest& r) const;
    void decorate(QNetworkRequest& req, const ApiRequest& r) const;

    /// The key under which identical GETs are joined ("" for requests that are never joined).
    [[nodiscard]] QString joinKey(const ApiRequest& r) const;
    /// Starts @p call, or makes it join the identical GET in flight.
    void startOrJoin(ApiCall* call);
    /// Records the certificate of a successful HTTPS answer; emits peerCertificateChanged() when it is new.
    void notePeerCertificate(const QSslCertificate& certificate);

    QNetworkAccessManager* m_nam;
    Endpoint m_endpoint;
    QHash<QString, QPointer<ApiCall>> m_inFlightGets; ///< join key -> the call on the wire
    int m_joined = 0;
    CertificateInfo m_peerCertificate;
};

} // namespace hlc
