#include "core/ConfigValidator.h"

#include "core/ConfigFormat.h"
#include "core/Json.h"
#include "core/ProbeConfigJson.h"
#include "prometheus/NodeQueries.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>

namespace hlc {

namespace {

using configformat::childPath;
using configformat::indexPath;

constexpr int kMaxDepth = json::kMaxDepth;
constexpr int kMinTimeoutMs = 100;
constexpr int kMaxTimeoutMs = 600000;
constexpr int kMinRefreshMs = 1000;
constexpr int kMaxRefreshMs = 3600000;

/// "secret", "password", "token", "apiKey" and their spellings ("api_key", "API-Key", ...).
bool looksLikeSecretKey(const QString& key)
{
    QString k = key.toLower();
    k.remove(QLatin1Char('_'));
    k.remove(QLatin1Char('-'));
    static const QSet<QString> names{QStringLiteral("secret"),      QStringLiteral("password"),
                                     QStringLiteral("passwd"),      QStringLiteral("token"),
                                     QStringLiteral("apikey"),      QStringLiteral("apitoken"),
                                     QStringLiteral("accesstoken"), QStringLiteral("clientsecret")};
    return names.contains(k);
}

bool hasValue(const QJsonValue& v)
{
    if (v.isNull() || v.isUndefined()) {
        return false;
    }
    if (v.isString()) {
        return !v.toString().isEmpty();
    }
    return true;
}

QString secretInFileMessage(const QString& key)
{
    return ConfigValidator::tr(
               "Secrets do not belong in the configuration file: remove \"%1\" from the file and enter the "
               "secret in the application, which keeps it in the system keychain.")
        .arg(key);
}

std::optional<ConfigError> findSecret(const QJsonValue& value, const QString& path, int depth = 0);

std::optional<ConfigError> findSecretInObject(const QJsonObject& object, const QString& path, int depth)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString fieldPath = childPath(path, it.key());
        if (looksLikeSecretKey(it.key()) && hasValue(it.value())) {
            return ConfigError{{}, 0, 0, fieldPath, secretInFileMessage(it.key())};
        }
        if (auto e = findSecret(it.value(), fieldPath, depth + 1)) {
            return e;
        }
    }
    return std::nullopt;
}

std::optional<ConfigError> findSecret(const QJsonValue& value, const QString& path, int depth)
{
    if (depth > kMaxDepth) {
        return std::nullopt;
    }
    if (value.isObject()) {
        return findSecretInObject(value.toObject(), path, depth);
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (auto e = findSecret(array.at(i), indexPath(path, i), depth + 1)) {
                return e;
            }
        }
    }
    return std::nullopt;
}

bool isValidId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9-]+$"));
    return re.match(id).hasMatch();
}

bool isHexSha256(const QByteArray& pin)
{
    if (pin.size() != 64) {
        return false;
    }
    for (const char c : pin) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

std::optional<ConfigError> validateService(const ServiceConfig& s, const QString& path)
{
    if (!isValidId(s.id)) {
        return ConfigError{{},
                           0,
                           0,
                           childPath(path, QStringLiteral("id")),
                           s.id.isEmpty() ? ConfigValidator::tr("The service id must not be empty.")
                                          : ConfigValidator::tr("The service id \"%1\" may only contain lower-case "
                                                                "letters, digits and '-'.")
                                                .arg(s.id)};
    }
    const QString urlPath = childPath(path, QStringLiteral("baseUrl"));
    if (!s.baseUrl.password().isEmpty()) {
        return ConfigError{{}, 0, 0, urlPath, secretInFileMessage(QStringLiteral("password"))};
    }
    const QString scheme = s.baseUrl.scheme();
    if (!s.baseUrl.isValid() || s.baseUrl.isRelative() || s.baseUrl.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        return ConfigError{
            {},
            0,
            0,
            urlPath,
            ConfigValidator::tr("\"%1\" is not a usable address: write an absolute http:// or https:// URL "
                                "with a host, e.g. https://192.168.16.7:8006/api2/json.")
                .arg(s.baseUrl.toDisplayString())};
    }
    if (s.timeoutMs < kMinTimeoutMs || s.timeoutMs > kMaxTimeoutMs) {
        return ConfigError{{},
                           0,
                           0,
                           childPath(path, QStringLiteral("timeoutMs")),
                           ConfigValidator::tr("The timeout %1 ms is out of range: use %2 to %3 milliseconds.")
                               .arg(s.timeoutMs)
                               .arg(kMinTimeoutMs)
                               .arg(kMaxTimeoutMs)};
    }
    if (!s.pinnedSha256.isEmpty() && !isHexSha256(s.pinnedSha256)) {
        return ConfigError{{},
                           0,
                           0,
                           childPath(path, QStringLiteral("pinnedSha256")),
                           ConfigValidator::tr("The certificate pin must be the SHA-256 fingerprint of the server "
                                               "certificate as 64 hexadecimal characters, or empty.")};
    }
    if (s.portainerEndpointId < 0) {
        return ConfigError{{},
                           0,
                           0,
                           childPath(path, QStringLiteral("portainerEndpointId")),
                           ConfigValidator::tr("The Portainer environment id must not be negative.")};
    }
    if (!s.prometheusMatch.isEmpty()) {
        const QString matchPath = childPath(path, QStringLiteral("prometheusMatch"));
        if (s.kind != ServiceKind::Prometheus) {
            return ConfigError{{},
                               0,
                               0,
                               matchPath,
                               ConfigValidator::tr("\"prometheusMatch\" applies to Prometheus services only: remove "
                                                   "it from this %1 service.")
                                   .arg(serviceKindName(s.kind))};
        }
        for (auto it = s.prometheusMatch.cbegin(); it != s.prometheusMatch.cend(); ++it) {
            if (!prom::nodequeries::isUsableLabelName(it.key())) {
                return ConfigError{{},
                                   0,
                                   0,
                                   childPath(matchPath, it.key()),
                                   ConfigValidator::tr("\"%1\" is not a usable label name: use letters, digits and "
                                                       "'_', not starting with a digit or \"__\", e.g. \"job\".")
                                       .arg(it.key())};
            }
            if (it.value().isEmpty()) {
                return ConfigError{{},
                                   0,
                                   0,
                                   childPath(matchPath, it.key()),
                                   ConfigValidator::tr("The value of label \"%1\" must not be empty (an empty value "
                                                       "matches every series without that label).")
                                       .arg(it.key())};
            }
        }
    }
    if (!s.proxmoxCluster.isEmpty()) {
        const QString clusterPath = childPath(path, QStringLiteral("cluster"));
        if (s.kind != ServiceKind::Proxmox) {
            return ConfigError{
                {},
                0,
                0,
                clusterPath,
                ConfigValidator::tr("\"cluster\" applies to Proxmox services only: remove it from this %1 "
                                    "service.")
                    .arg(serviceKindName(s.kind))};
        }
        if (s.proxmoxCluster.trimmed() != s.proxmoxCluster || s.proxmoxCluster.trimmed().isEmpty()) {
            return ConfigError{{},
                               0,
                               0,
                               clusterPath,
                               ConfigValidator::tr("The cluster name \"%1\" must not be blank or start or end with a "
                                                   "space: write it exactly as on the other nodes of the cluster.")
                                   .arg(s.proxmoxCluster)};
        }
    }
    return std::nullopt;
}

/// Every node of a cluster is one host: each needs a node name of its own (proxmoxNode, or else the host name).
std::optional<ConfigError> validateClusters(const Config& c)
{
    QHash<QString, QHash<QString, QString>> nodesByCluster; // cluster -> node -> host id
    for (qsizetype i = 0; i < c.hosts.size(); ++i) {
        const HostConfig& h = c.hosts[i];
        for (qsizetype j = 0; j < h.services.size(); ++j) {
            const ServiceConfig& s = h.services[j];
            if (s.kind != ServiceKind::Proxmox || s.proxmoxCluster.isEmpty()) {
                continue;
            }
            const QString nodePath =
                childPath(indexPath(childPath(indexPath(QStringLiteral("hosts"), i), QStringLiteral("services")), j),
                          QStringLiteral("proxmoxNode"));
            const QString node = s.proxmoxNode.isEmpty() ? h.name : s.proxmoxNode;
            if (node.isEmpty()) {
                return ConfigError{{},
                                   0,
                                   0,
                                   nodePath,
                                   ConfigValidator::tr("This host is a node of cluster \"%1\": set \"proxmoxNode\" to "
                                                       "its PVE node name.")
                                       .arg(s.proxmoxCluster)};
            }
            QHash<QString, QString>& nodes = nodesByCluster[s.proxmoxCluster];
            if (nodes.contains(node) && nodes.value(node) != h.id) {
                return ConfigError{{},
                                   0,
                                   0,
                                   nodePath,
                                   ConfigValidator::tr("The node \"%1\" of cluster \"%2\" is already host \"%3\": give "
                                                       "every node of a cluster its own host and node name.")
                                       .arg(node, s.proxmoxCluster, nodes.value(node))};
            }
            nodes.insert(node, h.id);
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<ConfigError> ConfigValidator::validate(const Config& c)
{
    if (c.version > Config::kCurrentVersion) {
        return ConfigError{{},
                           0,
                           0,
                           QStringLiteral("version"),
                           tr("This file was written by a newer version of the application (format %1; this version "
                              "reads format %2). Update the application; the file was not changed.")
                               .arg(c.version)
                               .arg(Config::kCurrentVersion)};
    }
    if (c.version != Config::kCurrentVersion) {
        return ConfigError{{},
                           0,
                           0,
                           QStringLiteral("version"),
                           tr("Unsupported format version %1: this version reads format %2. Set \"version\" to %2.")
                               .arg(c.version)
                               .arg(Config::kCurrentVersion)};
    }
    // Secrets first: the most important thing to tell the user about.
    if (auto e = findSecretInObject(c.extra, {}, 0)) {
        return e;
    }
    for (qsizetype i = 0; i < c.hosts.size(); ++i) {
        const QString hostPath = indexPath(QStringLiteral("hosts"), i);
        if (auto e = findSecretInObject(c.hosts[i].extra, hostPath, 0)) {
            return e;
        }
        for (qsizetype j = 0; j < c.hosts[i].services.size(); ++j) {
            const QString servicePath = indexPath(childPath(hostPath, QStringLiteral("services")), j);
            if (auto e = findSecretInObject(c.hosts[i].services[j].extra, servicePath, 0)) {
                return e;
            }
        }
    }
    if (c.refreshIntervalMs < kMinRefreshMs || c.refreshIntervalMs > kMaxRefreshMs) {
        return ConfigError{{},
                           0,
                           0,
                           QStringLiteral("refreshIntervalMs"),
                           tr("The refresh interval %1 ms is out of range: use %2 to %3 milliseconds.")
                               .arg(c.refreshIntervalMs)
                               .arg(kMinRefreshMs)
                               .arg(kMaxRefreshMs)};
    }
    QHash<QString, qsizetype> hostIds;
    for (qsizetype i = 0; i < c.hosts.size(); ++i) {
        const HostConfig& h = c.hosts[i];
        const QString hostPath = indexPath(QStringLiteral("hosts"), i);
        const QString idPath = childPath(hostPath, QStringLiteral("id"));
        if (h.id.isEmpty()) {
            return ConfigError{{}, 0, 0, idPath, tr("The host id must not be empty.")};
        }
        if (!isValidId(h.id)) {
            return ConfigError{{},
                               0,
                               0,
                               idPath,
                               tr("The host id \"%1\" may only contain lower-case letters, digits and '-'.").arg(h.id)};
        }
        if (hostIds.contains(h.id)) {
            return ConfigError{{},
                               0,
                               0,
                               idPath,
                               tr("The host id \"%1\" is already used by hosts[%2]: give every host its own id.")
                                   .arg(h.id)
                                   .arg(hostIds.value(h.id))};
        }
        hostIds.insert(h.id, i);
        QHash<QString, qsizetype> serviceIds;
        for (qsizetype j = 0; j < h.services.size(); ++j) {
            const ServiceConfig& s = h.services[j];
            const QString servicePath = indexPath(childPath(hostPath, QStringLiteral("services")), j);
            if (auto e = validateService(s, servicePath)) {
                return e;
            }
            if (serviceIds.contains(s.id)) {
                return ConfigError{{},
                                   0,
                                   0,
                                   childPath(servicePath, QStringLiteral("id")),
                                   tr("The service id \"%1\" is already used by services[%2] of this host: give every "
                                      "service of a host its own id.")
                                       .arg(s.id)
                                       .arg(serviceIds.value(s.id))};
            }
            serviceIds.insert(s.id, j);
        }
    }
    if (auto e = validateClusters(c)) {
        return e;
    }
    if (auto problem = probejson::validate(c)) {
        return ConfigError{{}, 0, 0, problem->field, problem->message};
    }
    return std::nullopt;
}

} // namespace hlc
