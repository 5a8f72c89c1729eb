#pragma once

#include "core/Endpoint.h"
#include "core/ProbeConfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>

#include <optional>

namespace hlc {

/// The kinds of service the application knows how to talk to. Each has one client in `clients/`.
enum class ServiceKind
{
    Proxmox,
    Portainer,
    Prometheus,
    Alertmanager,
    AdGuard,
    HomeAssistant,
    Ollama,
    Agents,
    N8n
};

/// The name of a service kind as written in the configuration file ("proxmox", "homeassistant", ...).
[[nodiscard]] QString serviceKindName(ServiceKind kind);
/// The service kind for a name written by serviceKindName(); std::nullopt for an unknown name (case-sensitive).
[[nodiscard]] std::optional<ServiceKind> serviceKindFromName(const QString& name);
/// The name of an auth scheme as written in the configuration file ("none", "pve-token", ...).
[[nodiscard]] QString authSchemeName(AuthScheme scheme);
/// The auth scheme for a name written by authSchemeName(); std::nullopt for an unknown name (case-sensitive).
[[nodiscard]] std::optional<AuthScheme> authSchemeFromName(const QString& name);

/**
 * @brief One service endpoint of a host, as configured by the user.
 *
 * Holds everything needed to reach the service except the secret: the secret lives in the keychain under
 * secretKey(host.id, id) (see SecretStore).
 */
struct ServiceConfig
{
    QString id; ///< unique within the host, `[a-z0-9-]+`, e.g. "proxmox"
    ServiceKind kind = ServiceKind::Proxmox;
    QUrl baseUrl; ///< absolute http/https URL, e.g. https://192.168.16.7:8006/api2/json
    AuthScheme auth = AuthScheme::None;
    QString user;                ///< user name / PVE "USER@REALM!TOKENID" (not secret)
    int timeoutMs = 10000;       ///< per-request transfer timeout, 100..600000
    QByteArray pinnedSha256;     ///< SHA-256 of the leaf certificate, lower-case hex, may be empty
    QString proxmoxNode;         ///< Proxmox: the node that is this host
    QString proxmoxCluster;      ///< Proxmox, key "cluster": nodes of one cluster share one poll; empty: standalone
    int portainerEndpointId = 0; ///< Portainer: the environment that is this host
    QString prometheusInstance;  ///< Prometheus: the node_exporter `instance` label value of this host
    /// Prometheus, key "prometheusMatch": label name -> value (e.g. job -> "node-exporter-hostA") that select this
    /// host's node_exporter series instead of `instance`; empty: matched by prometheusInstance.
    QMap<QString, QString> prometheusMatch;
    /// The user allowed sending this service's credentials over plain http:// ("allow unencrypted on this network").
    /// Without it, setup refuses auth over http:// and the service shows a warning badge (see cleartextAuth()).
    bool allowCleartextAuth = false;
    QJsonObject extra; ///< every other key of the service object, kept verbatim so nothing is lost on save

    bool operator==(const ServiceConfig&) const = default;
};

/**
 * The transport settings of @p s: URL, auth scheme and user, timeout, pinned certificate (never the secret, which
 * comes from the keychain). With @p shortRetries a failed GET is retried once after 250 ms, for polled sources whose
 * next poll retries anyway (a dead source then shows quickly); without, the transport's defaults apply.
 */
[[nodiscard]] Endpoint endpointFor(const ServiceConfig& s, bool shortRetries = true);

/// True when @p s sends a secret (auth other than none) over plain http://: shown as a warning on the service.
/// Holds whether or not the user allowed it (allowCleartextAuth); cleartextAuthRefused() tells the forbidden case.
[[nodiscard]] bool cleartextAuth(const ServiceConfig& s);
/// True when @p s would send a secret over plain http:// and the user has not allowed it: setup refuses it.
[[nodiscard]] bool cleartextAuthRefused(const ServiceConfig& s);

/// One machine of the homelab and the services that run on (or describe) it.
struct HostConfig
{
    QString id;      ///< unique, `[a-z0-9-]+`, e.g. "host-a"
    QString name;    ///< shown to the user, e.g. "pve-thinkpad"
    QString role;    ///< free text, e.g. "Primary services host"
    QString address; ///< host name or IP address, e.g. "192.168.16.7"
    QList<ServiceConfig> services;
    QList<ProbeConfig> probes; ///< health probes; empty: one HTTP probe per service (HealthProber::probesFor)
    QJsonObject extra;         ///< unknown keys of the host object, kept verbatim

    bool operator==(const HostConfig&) const = default;
};

/// The whole configuration file. Read and written by ConfigStore.
struct Config
{
    static constexpr int kCurrentVersion = 1;
    int version = kCurrentVersion;
    int refreshIntervalMs = 5000; ///< how often hosts are polled, 1000..3600000
    int healthIntervalMs = 30000; ///< how often every service's health is probed, 1000..3600000
    int healthTimeoutMs = 3000;   ///< how long a health probe may take, 100..60000
    QList<HostConfig> hosts;
    QJsonObject extra; ///< unknown top-level keys, kept verbatim

    /// The host with this id, or nullptr. The pointer is valid until `hosts` changes.
    [[nodiscard]] const HostConfig* host(const QString& id) const;
    /// The service @p serviceId of host @p hostId, or nullptr. The pointer is valid until `hosts` changes.
    [[nodiscard]] const ServiceConfig* service(const QString& hostId, const QString& serviceId) const;

    bool operator==(const Config&) const = default;
};

/// What is wrong with a configuration file, precise enough for the user to fix it.
struct ConfigError
{
    QString file;    ///< the file, empty when not known (e.g. validate())
    int line = 0;    ///< 1-based; 0 = unknown
    int column = 0;  ///< 1-based; 0 = unknown
    QString field;   ///< JSON path like "hosts[1].services[0].baseUrl"; empty for the whole file
    QString message; ///< translated, says what is wrong and what to do

    /// "FILE:LINE:COL: FIELD: MESSAGE", parts omitted when unknown.
    [[nodiscard]] QString toString() const;
};

} // namespace hlc
