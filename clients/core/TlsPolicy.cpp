#include "TlsPolicy.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcTls, "hlc.clients.tls")

namespace hlc {

namespace {

// The context is the one lupdate gives the tr() calls below (it names it after their enclosing class, TlsRejection).
QString tr(const char* text)
{
    return QCoreApplication::translate("hlc::TlsRejection", text);
}

/// The two transports differ only in their types; the decisions are the same.
template<typename Transport>
void watchErrors(const TlsPolicy& policy, Transport* transport, QObject* context,
                 const std::function<void(const TlsRejection&)>& rejected)
{
    QObject::connect(transport, &Transport::sslErrors, context,
                     [policy, transport, rejected](const QList<QSslError>& errors) {
                         const QSslCertificate peer = transport->sslConfiguration().peerCertificate();
                         if (policy.acceptsUnverified(peer)) {
                             // Only the exact errors of this handshake with the exact pinned leaf are ignored.
                             transport->ignoreSslErrors(errors);
                             return;
                         }
                         const TlsRejection r = policy.rejection(peer);
                         qCInfo(lcTls) << "refused certificate sha256" << r.certificate.sha256
                                       << (r.pinMismatch() ? "(not the pinned one)" : "(untrusted, no pin)");
                         if (rejected)
                             rejected(r);
                     });
}

} // namespace

ApiError TlsRejection::toError(const QString& host, const QString& what) const
{
    ApiError e;
    e.kind = ApiError::Kind::Tls;
    e.tlsFingerprint = certificate.sha256;
    e.tlsCertificate = certificate;
    e.tlsPinnedSha256 = pin;
    const QString seen = QString::fromLatin1(certificate.sha256);
    if (certificate.isNull()) {
        e.message = tr("The secure connection to %1 failed: it presented no certificate.").arg(host);
        e.detail = what + QStringLiteral(": TLS handshake without a peer certificate");
    } else if (pinMismatch()) {
        e.message = tr("The certificate of %1 changed: it is not the one you trusted. New SHA-256 fingerprint: %2")
                        .arg(host, seen);
        e.detail = what + QStringLiteral(": pinned certificate mismatch, seen sha256 %1%2")
                              .arg(seen, afterHandshake ? QStringLiteral(" (chain trusted by the system)") : QString());
    } else {
        e.message = tr("The certificate of %1 is not trusted (self-signed or unknown issuer). SHA-256 fingerprint: %2")
                        .arg(host, seen);
        e.detail = what + QStringLiteral(": untrusted certificate, no pin, seen sha256 %1").arg(seen);
    }
    return e;
}

TlsPolicy::TlsPolicy(const QByteArray& pinnedSha256)
    : m_pin(pinnedSha256.trimmed().toLower())
{}

bool TlsPolicy::pinMatches(const QByteArray& sha256Hex) const
{
    return !m_pin.isEmpty() && sha256Hex.toLower() == m_pin;
}

bool TlsPolicy::acceptsUnverified(const QSslCertificate& peer) const
{
    return !peer.isNull() && pinMatches(sha256Hex(peer));
}

bool TlsPolicy::acceptsEstablished(const QSslCertificate& peer) const
{
    return m_pin.isEmpty() || acceptsUnverified(peer);
}

TlsRejection TlsPolicy::rejection(const QSslCertificate& peer, bool afterHandshake) const
{
    TlsRejection r;
    r.certificate = CertificateInfo::fromCertificate(peer);
    r.pin = m_pin;
    r.afterHandshake = afterHandshake;
    return r;
}

void TlsPolicy::prepare(QNetworkRequest& request, bool ownConnection) const
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // No TLS session cache shared between connections: with it, every reconnect (a server that resets or hangs)
    // left its session tickets and peer certificates in the connection's SSL context, and a resumed session
    // reported the certificate of the session rather than the one the server presents now.
    ssl.setSslOption(QSsl::SslOptionDisableSessionSharing, true);
    request.setSslConfiguration(ssl);
    const QString host = request.url().host();
    if (!m_pin.isEmpty())
        request.setPeerVerifyName(host + QStringLiteral(".pin-") + QString::fromLatin1(m_pin.left(16)) +
                                  (ownConnection ? QStringLiteral(".action") : QString()));
    else if (ownConnection)
        request.setPeerVerifyName(host);
}

void TlsPolicy::watch(QNetworkReply* reply, QObject* context, RejectionHandler rejected) const
{
    watchErrors(*this, reply, context, rejected);
    QObject::connect(reply, &QNetworkReply::encrypted, context, [policy = *this, reply, rejected] {
        const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
        if (policy.acceptsEstablished(peer))
            return;
        qCInfo(lcTls) << "refused certificate after the handshake, sha256" << sha256Hex(peer);
        if (rejected)
            rejected(policy.rejection(peer, true));
        reply->abort();
    });
}

void TlsPolicy::watch(QWebSocket* socket, QObject* context, RejectionHandler rejected) const
{
    watchErrors(*this, socket, context, rejected);
    QObject::connect(socket, &QWebSocket::connected, context, [policy = *this, socket, rejected] {
        if (socket->requestUrl().scheme() != QLatin1String("wss"))
            return;
        const QSslCertificate peer = socket->sslConfiguration().peerCertificate();
        if (policy.acceptsEstablished(peer))
            return;
        qCInfo(lcTls) << "refused certificate after the handshake, sha256" << sha256Hex(peer);
        const QPointer<QWebSocket> guard(socket);
        if (rejected)
            rejected(policy.rejection(peer, true));
        if (guard)
            guard->abort();
    });
}

QByteArray TlsPolicy::sha256Hex(const QSslCertificate& certificate)
{
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256).toHex();
}

} // namespace hlc
