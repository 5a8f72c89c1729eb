#pragma once

#include "core/CertificateInfo.h"
#include "core/Config.h"

#include "core/ApiError.h"

#include <QList>
#include <QObject>
#include <QString>

class QNetworkAccessManager;

namespace hlc {

class ApiClient;
class SecretStore;
class ServiceClient;
struct ApiRequest;
namespace pve {
class ProxmoxClient;
class ProxmoxTicketSession;
} // namespace pve
namespace portainer {
class PortainerClient;
}
namespace prom {
class PrometheusClient;
}
namespace am {
class AlertmanagerClient;
}
namespace adguard {
class AdGuardClient;
}
namespace ha {
class HomeAssistantClient;
}
namespace ollama {
class OllamaClient;
}
namespace agents {
class AgentsClient;
}
namespace n8n {
class N8nClient;
}

/// Why a service cannot go on without the user. One value per (host, service); see ServiceDirectory::needsAttention.
struct Attention
{
    enum class Kind
    {
        CertificateUntrusted, ///< no pin and not trusted by the system: `certificate` holds the one seen
        CertificateChanged,   ///< a pin exists and the server showed another certificate: `pinnedSha256` is the old
        SecretMissing,        ///< the service needs a secret and the keychain holds none for it
        SecretRejected,       ///< the service answered 401 to the stored secret (or the login was refused)
        SecondFactorRequired, ///< a Proxmox password login wants a TOTP code (NeedTFA); `message` is empty, or
                              ///< says why the last code was refused
        KeychainUnavailable,  ///< the keychain cannot be reached or is locked: `message` says which. It concerns
                              ///< every secret, so it is one item with empty hostId and serviceId
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
 *
 * Clients are built in the constructor; start() reads every secret once. Prometheus and Alertmanager clients use the
 * transport's default retries, every other client one short retry (endpointFor()). Proxmox services with ticket auth
 * get one ProxmoxTicketSession each (the one login everyone shares); their secret is the password it logs in with.
 */
class ServiceDirectory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceDirectory)
public:
    /// What the directory knows about a service's secret.
    enum class SecretState
    {
        NotNeeded,   ///< the service uses no auth (or is unknown)
        Pending,     ///< not read yet (start() not called, or the keychain has not answered)
        Applied,     ///< read (or typed in) and applied to the client
        Unavailable, ///< not found, or the keychain could not be read: secretError() says what
    };

    /// @param secrets where secrets are read from and written to; nullptr: none (tests apply them with applySecret())
    ServiceDirectory(const Config& config, SecretStore* secrets, QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~ServiceDirectory() override;

    /// The configuration as the directory knows it (with the pins trusted since).
    [[nodiscard]] const Config& config() const { return m_config; }
    [[nodiscard]] QNetworkAccessManager* networkManager() const { return m_nam; }
    [[nodiscard]] SecretStore* secretStore() const { return m_secrets; }
    /// The configured service @p serviceId of host @p hostId, or nullptr.
    [[nodiscard]] const ServiceConfig* service(const QString& hostId, const QString& serviceId) const;

    /// The one client of that service (nullptr: no such service). Every caller gets the same instance.
    [[nodiscard]] ServiceClient* serviceClient(const QString& hostId, const QString& serviceId) const;
    /// The one client of that service as its own type (nullptr: no such service or another kind).
    template<typename T> [[nodiscard]] T* client(const QString& hostId, const QString& serviceId) const
    {
        return qobject_cast<T*>(serviceClient(hostId, serviceId));
    }
    [[nodiscard]] pve::ProxmoxClient* proxmox(const QString& hostId, const QString& serviceId) const;
    /// The ticket login of a Proxmox service with `auth: pve-ticket` (nullptr for any other service).
    [[nodiscard]] pve::ProxmoxTicketSession* proxmoxTicket(const QString& hostId, const QString& serviceId) const;
    [[nodiscard]] portainer::PortainerClient* portainer(const QString& hostId, const QString& serviceId) const;
    [[nodiscard]] prom::PrometheusClient* prometheus(const QString& hostId, const QString& serviceId) const;
    [[nodiscard]] am::AlertmanagerClient* alertmanager(const QString& hostId, const QString& serviceId) const;
    [[nodiscard]] adguard::AdGuardClient* adguard(const QString& hostId, const QString& serviceId) const;
    [[nodiscard]] ha::HomeAssistantClient* homeAssistant(const QString& hostId, const QString& serviceId) const;
    [[nodiscard]] ollama::OllamaClient* ollama(const QString& hostId, const QString& serviceId) const;
    [[nodiscard]] agents::AgentsClient* agents(const QString& hostId, const QString& serviceId) const;
    [[nodiscard]] n8n::N8nClient* n8n(const QString& hostId, const QString& serviceId) const;
    /// Every client, in config order (one per configured service).
    [[nodiscard]] QList<ServiceClient*> clients() const;

    /// Reads every service's secret once (asynchronously; secretApplied() or secretUnavailable() tells the end).
    /// Calling it again does nothing.
    void start();
    [[nodiscard]] SecretState secretState(const QString& hostId, const QString& serviceId) const;
    /// Why the secret is Unavailable (Kind::Config, translated message), else no error.
    [[nodiscard]] ApiError secretError(const QString& hostId, const QString& serviceId) const;
    /// Applies @p secret to the service's client without storing it (setSecret() stores it too).
    void applySecret(const QString& hostId, const QString& serviceId, const QString& secret);

    /**
     * What the service's API client saw last: the error of a poll whose last answer failed (refused, 403, a body
     * that could not be read, ...) or Home Assistant refusing the token; nullopt while every poll's last answer was
     * read (a path not polled again stops counting after two minutes). A service whose health probe answers can
     * still fail here: its health is the probe AND this.
     */
    [[nodiscard]] std::optional<ApiError> apiFailure(const QString& hostId, const QString& serviceId) const;

    /// A service's HTTPS certificate as its last successful answer presented it.
    struct PeerCertificate
    {
        QString hostId;
        QString serviceId;
        CertificateInfo certificate;
    };
    /// The certificate (host, service) presented on its last successful HTTPS answer (null before one, or over http).
    [[nodiscard]] CertificateInfo peerCertificate(const QString& hostId, const QString& serviceId) const;
    /// The certificates seen that expire within @p days of @p now (or have expired), soonest first: the ones to renew
    /// before the service becomes unreachable.
    [[nodiscard]] QList<PeerCertificate> expiringCertificates(const QDateTime& now, int days = 14) const;

    /// Everything that waits for the user now, oldest first.
    [[nodiscard]] QList<Attention> pendingAttention() const;

    /// The user typed a secret: stored in the keychain (or memory in session-only mode), applied to the service's
    /// client at once, and the service polled again.
    void setSecret(const QString& hostId, const QString& serviceId, const QString& secret);
    /// The user trusts the certificate with @p sha256Hex for that service: pinned in the client and the config
    /// (configChanged() asks the owner to save it), and the service polled again.
    void trustCertificate(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex);
    /**
     * The user typed the TOTP @p code for a Proxmox login that needs a second factor (Kind::SecondFactorRequired).
     * On success the item clears (attentionCleared()) and the service polls again; a refused code raises the item
     * again with the reason in its message. The code is used for that login only: never stored or logged.
     */
    void submitSecondFactor(const QString& hostId, const QString& serviceId, const QString& code);
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
    /// The secret of (host, service) could not be read: @p error (Kind::Config) says why, for the source's status.
    void secretUnavailable(const QString& hostId, const QString& serviceId, const hlc::ApiError& error);
    /// A certificate was trusted for (host, service) (after configChanged()): its users poll again.
    void certificateTrusted(const QString& hostId, const QString& serviceId);
    /// (host, service) answered over HTTPS with another certificate than before (the first answer, a renewal).
    void peerCertificateChanged(const QString& hostId, const QString& serviceId);
    /// apiFailure() of (host, service) changed (a failure appeared, changed or went away).
    void apiStateChanged(const QString& hostId, const QString& serviceId);
    /// setSecret() could not store the secret: @p message (translated) says why; it is applied nonetheless.
    void secretNotStored(const QString& hostId, const QString& serviceId, const QString& message);

private:
    struct Entry;
    [[nodiscard]] int indexOf(const QString& hostId, const QString& serviceId) const;
    [[nodiscard]] Attention attentionFor(const Entry& entry, Attention::Kind kind) const;
    void buildClient(const HostConfig& host, const ServiceConfig& service);
    void watch(int index);
    void readSecret(int index);
    void applyToClient(Entry& entry, const QString& secret);
    void onUntrusted(int index, const CertificateInfo& certificate, const QByteArray& pinnedSha256,
                     const QString& hostPort);
    void onCallFinished(int index, const ApiRequest& request, const ApiError& error);
    void onRejected(int index, const ApiError& error);
    /// Records the outcome of a poll (@p path) or, with an empty path, of the service's session (a websocket
    /// login); emits apiStateChanged() when apiFailure() changes.
    void recordApiState(int index, const QString& path, const ApiError& error);
    void raise(const Attention& attention);
    void resolve(const QString& hostId, const QString& serviceId);

    Config m_config;
    SecretStore* m_secrets;
    QNetworkAccessManager* m_nam;
    QList<Entry*> m_entries;
    QList<Attention> m_pending;
    QList<Attention> m_declined; ///< dismissed: not raised again until the service recovers or is answered
    bool m_started = false;
};

} // namespace hlc
