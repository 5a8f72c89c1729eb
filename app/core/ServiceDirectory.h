#pragma once

#include "core/CertificateInfo.h"
#include "core/Config.h"

#include <QList>
#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace hlc {

class SecretStore;

/// Why a service cannot go on without the user. One value per (host, service); see ServiceDirectory::needsAttention.
struct Attention
{
    enum class Kind
    {
        CertificateUntrusted, ///< no pin and not trusted by the system: `certificate` holds the one seen
        CertificateChanged,   ///< a pin exists and the server showed another certificate: `pinnedSha256` is the old
        SecretMissing,        ///< the service needs a secret and the keychain holds none for it
        SecretRejected,       ///< the service answered 401 to the stored secret (or the login was refused)
        KeychainUnavailable,  ///< the keychain cannot be reached or is locked: `message` says which
    };
    Kind kind = Kind::SecretMissing;
    QString hostId;
    QString serviceId;
    ServiceKind serviceKind = ServiceKind::Proxmox;
    QString hostPort;            ///< "host:port" the certificate came from (certificate kinds)
    CertificateInfo certificate; ///< certificate kinds: the certificate the server showed
    QByteArray pinnedSha256;     ///< CertificateChanged: the pin it does not match (lower-case hex)
    QString message;             ///< translated: what happened, for the prompt's text

    bool operator==(const Attention& o) const
    {
        return kind == o.kind && hostId == o.hostId && serviceId == o.serviceId &&
               certificate.sha256 == o.certificate.sha256;
    }
};

/**
 * @brief The one owner of service clients, their secrets and their certificate pins.
 *
 * Builds each configured service's client once per (host, service) from the config, applies its secret (read from
 * the SecretStore) and its pin there, and hands the same client to every subsystem that needs it. When a service
 * cannot go on without the user (untrusted or changed certificate, missing or rejected secret, keychain
 * unavailable) it emits needsAttention() once and keeps the item in pendingAttention() until it is answered or
 * cleared, so a window created later still sees it.
 */
class ServiceDirectory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceDirectory)
public:
    ServiceDirectory(const Config& config, SecretStore* secrets, QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~ServiceDirectory() override;

    /// Everything that waits for the user now, oldest first.
    [[nodiscard]] QList<Attention> pendingAttention() const;

    /// The user typed a secret: stored in the keychain (or memory in session-only mode), applied to the service's
    /// client at once, and the service polled again.
    void setSecret(const QString& hostId, const QString& serviceId, const QString& secret);
    /// The user trusts the certificate with @p sha256Hex for that service: pinned in the client and the config
    /// (configChanged() asks the owner to save it), and the service polled again.
    void trustCertificate(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex);
    /// The keychain is unavailable and the user chose to keep secrets in memory for this session.
    void useSessionOnlySecrets();
    /// The user declined a prompt: the item leaves pendingAttention(); the service stays off until asked again.
    void dismiss(const Attention& attention);

signals:
    /// A service needs the user (see Attention::Kind). Emitted once per new item.
    void needsAttention(const hlc::Attention& attention);
    /// The item for (host, service) no longer needs the user (answered, dismissed, or resolved by itself).
    void attentionCleared(const QString& hostId, const QString& serviceId);
    /// A service's secret was read or changed and applied to its client.
    void secretApplied(const QString& hostId, const QString& serviceId);
    /// The configuration changed (a pin): the owner saves it.
    void configChanged(const hlc::Config& config);
};

} // namespace hlc
