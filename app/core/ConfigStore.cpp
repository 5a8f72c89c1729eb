#include "core/ConfigStore.h"

#include "core/ProbeConfigJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QVariant>

#include <nlohmann/json.hpp>

#include <climits>
#include <cstdint>
#include <limits>

namespace hlc {

namespace {

Q_LOGGING_CATEGORY(lcConfig, "hlc.app.config")

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

constexpr qint64 kMaxFileBytes = 4 * 1024 * 1024;
constexpr int kMaxDepth = 64;
constexpr int kMinTimeoutMs = 100;
constexpr int kMaxTimeoutMs = 600000;
constexpr int kMinRefreshMs = 1000;
constexpr int kMaxRefreshMs = 3600000;

// Keys of the objects that the structs model; everything else goes to `extra`.
const char* const kTopKeys[] = {"version", "refreshIntervalMs", "healthIntervalMs", "healthTimeoutMs", "hosts"};
const char* const kHostKeys[] = {"id", "name", "role", "address", "services", "probes"};
const char* const kServiceKeys[] = {"id",
                                    "kind",
                                    "baseUrl",
                                    "auth",
                                    "user",
                                    "timeoutMs",
                                    "pinnedSha256",
                                    "proxmoxNode",
                                    "cluster",
                                    "portainerEndpointId",
                                    "prometheusInstance"};

template<std::size_t N> bool isKnownKey(const char* const (&keys)[N], const std::string& key)
{
    for (const char* k : keys) {
        if (key == k) {
            return true;
        }
    }
    return false;
}

template<std::size_t N> bool isKnownKey(const char* const (&keys)[N], const QString& key)
{
    return isKnownKey(keys, key.toStdString());
}

QString childPath(const QString& parent, const QString& key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString indexPath(const QString& parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

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
    return ConfigStore::tr("Secrets do not belong in the configuration file: remove \"%1\" from the file and enter the "
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

// ---- nlohmann <-> QJson (for the `extra` objects) ----

QJsonValue toQJson(const json& v, int depth, bool& tooDeep)
{
    if (depth > kMaxDepth) {
        tooDeep = true;
        return {};
    }
    switch (v.type()) {
    case json::value_t::boolean:
        return v.get<bool>();
    case json::value_t::number_integer:
        return static_cast<qint64>(v.get<std::int64_t>());
    case json::value_t::number_unsigned: {
        const auto u = v.get<std::uint64_t>();
        if (u <= static_cast<std::uint64_t>(std::numeric_limits<qint64>::max())) {
            return static_cast<qint64>(u);
        }
        return static_cast<double>(u);
    }
    case json::value_t::number_float:
        return v.get<double>();
    case json::value_t::string:
        return QString::fromStdString(v.get<std::string>());
    case json::value_t::array: {
        QJsonArray a;
        for (const json& item : v) {
            a.append(toQJson(item, depth + 1, tooDeep));
        }
        return a;
    }
    case json::value_t::object: {
        QJsonObject o;
        for (auto it = v.begin(); it != v.end(); ++it) {
            o.insert(QString::fromStdString(it.key()), toQJson(it.value(), depth + 1, tooDeep));
        }
        return o;
    }
    default:
        return QJsonValue(QJsonValue::Null);
    }
}

ojson fromQJson(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return v.toBool();
    case QJsonValue::Double:
        // QJsonValue keeps integers as qint64 internally; write them back as integers.
        if (v.toVariant().userType() == QMetaType::LongLong) {
            return static_cast<std::int64_t>(v.toInteger());
        }
        return v.toDouble();
    case QJsonValue::String:
        return v.toString().toStdString();
    case QJsonValue::Array: {
        ojson a = ojson::array();
        for (const QJsonValue& item : v.toArray()) {
            a.push_back(fromQJson(item));
        }
        return a;
    }
    case QJsonValue::Object: {
        ojson o = ojson::object();
        const QJsonObject object = v.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            o[it.key().toStdString()] = fromQJson(it.value());
        }
        return o;
    }
    default:
        return nullptr;
    }
}

template<std::size_t N> void appendExtra(ojson& target, const QJsonObject& extra, const char* const (&knownKeys)[N])
{
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        // A known key always comes from the struct field, never from `extra`.
        if (!isKnownKey(knownKeys, it.key())) {
            target[it.key().toStdString()] = fromQJson(it.value());
        }
    }
}

// ---- reading typed fields with precise errors ----

QString typeOf(const json& v)
{
    switch (v.type()) {
    case json::value_t::null:
        return ConfigStore::tr("null");
    case json::value_t::boolean:
        return ConfigStore::tr("true/false");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return ConfigStore::tr("an integer");
    case json::value_t::number_float:
        return ConfigStore::tr("a decimal number");
    case json::value_t::string:
        return ConfigStore::tr("a string");
    case json::value_t::array:
        return ConfigStore::tr("an array");
    case json::value_t::object:
        return ConfigStore::tr("an object");
    default:
        return ConfigStore::tr("an unsupported value");
    }
}

/// Converts nlohmann's byte offset (1-based: the last character read) to a 1-based line and column in characters.
void offsetToLineColumn(const QByteArray& data, std::size_t byteOffset, int& line, int& column)
{
    const qsizetype end = std::min<qsizetype>(static_cast<qsizetype>(byteOffset), data.size() + 1);
    line = 1;
    column = 0;
    for (qsizetype i = 0; i < end; ++i) {
        if (i == data.size()) { // the error is at the end of the input
            ++column;
            break;
        }
        const auto c = static_cast<unsigned char>(data.at(i));
        if (c == '\n') {
            ++line;
            column = 0;
        } else if ((c & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    if (column == 0) {
        column = 1;
    }
}

class Reader
{
public:
    explicit Reader(QString file)
        : m_file(std::move(file))
    {}

    [[nodiscard]] const std::optional<ConfigError>& error() const { return m_error; }

    bool fail(const QString& field, const QString& message)
    {
        if (!m_error) {
            m_error = ConfigError{m_file, 0, 0, field, message};
        }
        return false;
    }

    bool wrongType(const QString& field, const QString& expected, const json& found)
    {
        return fail(field, ConfigStore::tr("Wrong type: expected %1, found %2.").arg(expected, typeOf(found)));
    }

    bool missing(const QString& field, const QString& expected)
    {
        return fail(field, ConfigStore::tr("This field is missing: add it as %1.").arg(expected));
    }

    /// Reads a string; an absent or null field leaves @p out unchanged unless @p required.
    bool string(const json& object, const char* key, const QString& parent, QString& out, bool required = false)
    {
        const QString path = childPath(parent, QString::fromLatin1(key));
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            return required ? missing(path, ConfigStore::tr("a string")) : true;
        }
        if (!it->is_string()) {
            return wrongType(path, ConfigStore::tr("a string"), *it);
        }
        out = QString::fromStdString(it->get<std::string>());
        return true;
    }

    /// Reads an int; an absent or null field leaves @p out unchanged unless @p required.
    bool integer(const json& object, const char* key, const QString& parent, int& out, bool required = false)
    {
        const QString path = childPath(parent, QString::fromLatin1(key));
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            return required ? missing(path, ConfigStore::tr("an integer")) : true;
        }
        if (!it->is_number_integer()) {
            return wrongType(path, ConfigStore::tr("an integer"), *it);
        }
        const bool tooLarge = it->is_number_unsigned()
                                  ? it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT_MAX)
                                  : (it->get<std::int64_t>() > INT_MAX || it->get<std::int64_t>() < INT_MIN);
        if (tooLarge) {
            return fail(path, ConfigStore::tr("The number is too large."));
        }
        out = static_cast<int>(it->get<std::int64_t>());
        return true;
    }

    template<std::size_t N>
    bool extra(const json& object, const char* const (&knownKeys)[N], const QString& path, QJsonObject& out)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isKnownKey(knownKeys, it.key())) {
                continue;
            }
            bool tooDeep = false;
            const QJsonValue value = toQJson(it.value(), 0, tooDeep);
            if (tooDeep) {
                return fail(childPath(path, QString::fromStdString(it.key())),
                            ConfigStore::tr("The value is nested too deeply (more than %1 levels).").arg(kMaxDepth));
            }
            out.insert(QString::fromStdString(it.key()), value);
        }
        return true;
    }

    bool service(const json& s, const QString& path, ServiceConfig& out)
    {
        if (!s.is_object()) {
            return wrongType(path, ConfigStore::tr("an object"), s);
        }
        QString kind;
        QString url;
        QString auth = authSchemeName(AuthScheme::None);
        QString pin;
        if (!string(s, "id", path, out.id, true) || !string(s, "kind", path, kind, true)) {
            return false;
        }
        const auto k = serviceKindFromName(kind);
        if (!k) {
            QStringList names;
            for (int i = 0; i <= static_cast<int>(ServiceKind::N8n); ++i) {
                names << serviceKindName(static_cast<ServiceKind>(i));
            }
            return fail(childPath(path, QStringLiteral("kind")),
                        ConfigStore::tr("Unknown service kind \"%1\". Use one of: %2.")
                            .arg(kind, names.join(QLatin1String(", "))));
        }
        out.kind = *k;
        if (!string(s, "baseUrl", path, url, true) || !string(s, "auth", path, auth)) {
            return false;
        }
        out.baseUrl = QUrl(url, QUrl::StrictMode);
        const auto a = authSchemeFromName(auth);
        if (!a) {
            QStringList names;
            for (int i = 0; i <= static_cast<int>(AuthScheme::Basic); ++i) {
                names << authSchemeName(static_cast<AuthScheme>(i));
            }
            return fail(childPath(path, QStringLiteral("auth")),
                        ConfigStore::tr("Unknown auth scheme \"%1\". Use one of: %2.")
                            .arg(auth, names.join(QLatin1String(", "))));
        }
        out.auth = *a;
        if (!string(s, "user", path, out.user) || !integer(s, "timeoutMs", path, out.timeoutMs) ||
            !string(s, "pinnedSha256", path, pin) || !string(s, "proxmoxNode", path, out.proxmoxNode) ||
            !string(s, "cluster", path, out.proxmoxCluster) ||
            !integer(s, "portainerEndpointId", path, out.portainerEndpointId) ||
            !string(s, "prometheusInstance", path, out.prometheusInstance)) {
            return false;
        }
        // Accept the openssl spelling too (upper case, colons); store lower-case hex.
        pin.remove(QLatin1Char(':'));
        out.pinnedSha256 = pin.trimmed().toLower().toLatin1();
        return extra(s, kServiceKeys, path, out.extra);
    }

    bool host(const json& h, const QString& path, HostConfig& out)
    {
        if (!h.is_object()) {
            return wrongType(path, ConfigStore::tr("an object"), h);
        }
        if (!string(h, "id", path, out.id, true) || !string(h, "name", path, out.name) ||
            !string(h, "role", path, out.role) || !string(h, "address", path, out.address)) {
            return false;
        }
        const auto services = h.find("services");
        if (services != h.end() && !services->is_null()) {
            const QString servicesPath = childPath(path, QStringLiteral("services"));
            if (!services->is_array()) {
                return wrongType(servicesPath, ConfigStore::tr("an array"), *services);
            }
            for (std::size_t i = 0; i < services->size(); ++i) {
                ServiceConfig s;
                if (!service(services->at(i), indexPath(servicesPath, static_cast<qsizetype>(i)), s)) {
                    return false;
                }
                out.services << s;
            }
        }
        if (const auto probes = h.find("probes"); probes != h.end()) {
            if (auto problem = probejson::parse(*probes, childPath(path, QStringLiteral("probes")), &out.probes)) {
                return fail(problem->field, problem->message);
            }
        }
        return extra(h, kHostKeys, path, out.extra);
    }

    bool config(const json& doc, Config& out)
    {
        if (!doc.is_object()) {
            return fail({},
                        ConfigStore::tr("The file must contain one JSON object ({ ... }), found %1.").arg(typeOf(doc)));
        }
        // The version comes first: a file from a newer version may mean anything else differently.
        if (!integer(doc, "version", {}, out.version, true)) {
            return false;
        }
        if (out.version > Config::kCurrentVersion) {
            return fail(QStringLiteral("version"),
                        ConfigStore::tr("This file was written by a newer version of the application (format %1; this "
                                        "version reads format %2). Update the application; the file was not changed.")
                            .arg(out.version)
                            .arg(Config::kCurrentVersion));
        }
        if (!integer(doc, "refreshIntervalMs", {}, out.refreshIntervalMs) ||
            !integer(doc, "healthIntervalMs", {}, out.healthIntervalMs) ||
            !integer(doc, "healthTimeoutMs", {}, out.healthTimeoutMs)) {
            return false;
        }
        const auto hosts = doc.find("hosts");
        if (hosts != doc.end() && !hosts->is_null()) {
            if (!hosts->is_array()) {
                return wrongType(QStringLiteral("hosts"), ConfigStore::tr("an array"), *hosts);
            }
            for (std::size_t i = 0; i < hosts->size(); ++i) {
                HostConfig h;
                if (!host(hosts->at(i), indexPath(QStringLiteral("hosts"), static_cast<qsizetype>(i)), h)) {
                    return false;
                }
                out.hosts << h;
            }
        }
        return extra(doc, kTopKeys, {}, out.extra);
    }

private:
    QString m_file;
    std::optional<ConfigError> m_error;
};

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

ConfigError fileError(const QString& path, const QString& message)
{
    return ConfigError{path, 0, 0, {}, message};
}

std::optional<ConfigError> validateService(const ServiceConfig& s, const QString& path)
{
    if (!isValidId(s.id)) {
        return ConfigError{{},
                           0,
                           0,
                           childPath(path, QStringLiteral("id")),
                           s.id.isEmpty() ? ConfigStore::tr("The service id must not be empty.")
                                          : ConfigStore::tr("The service id \"%1\" may only contain lower-case "
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
        return ConfigError{{},
                           0,
                           0,
                           urlPath,
                           ConfigStore::tr("\"%1\" is not a usable address: write an absolute http:// or https:// URL "
                                           "with a host, e.g. https://192.168.16.7:8006/api2/json.")
                               .arg(s.baseUrl.toDisplayString())};
    }
    if (s.timeoutMs < kMinTimeoutMs || s.timeoutMs > kMaxTimeoutMs) {
        return ConfigError{{},
                           0,
                           0,
                           childPath(path, QStringLiteral("timeoutMs")),
                           ConfigStore::tr("The timeout %1 ms is out of range: use %2 to %3 milliseconds.")
                               .arg(s.timeoutMs)
                               .arg(kMinTimeoutMs)
                               .arg(kMaxTimeoutMs)};
    }
    if (!s.pinnedSha256.isEmpty() && !isHexSha256(s.pinnedSha256)) {
        return ConfigError{{},
                           0,
                           0,
                           childPath(path, QStringLiteral("pinnedSha256")),
                           ConfigStore::tr("The certificate pin must be the SHA-256 fingerprint of the server "
                                           "certificate as 64 hexadecimal characters, or empty.")};
    }
    if (s.portainerEndpointId < 0) {
        return ConfigError{{},
                           0,
                           0,
                           childPath(path, QStringLiteral("portainerEndpointId")),
                           ConfigStore::tr("The Portainer environment id must not be negative.")};
    }
    if (!s.proxmoxCluster.isEmpty()) {
        const QString clusterPath = childPath(path, QStringLiteral("cluster"));
        if (s.kind != ServiceKind::Proxmox) {
            return ConfigError{{},
                               0,
                               0,
                               clusterPath,
                               ConfigStore::tr("\"cluster\" applies to Proxmox services only: remove it from this %1 "
                                               "service.")
                                   .arg(serviceKindName(s.kind))};
        }
        if (s.proxmoxCluster.trimmed() != s.proxmoxCluster || s.proxmoxCluster.trimmed().isEmpty()) {
            return ConfigError{{},
                               0,
                               0,
                               clusterPath,
                               ConfigStore::tr("The cluster name \"%1\" must not be blank or start or end with a "
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
                                   ConfigStore::tr("This host is a node of cluster \"%1\": set \"proxmoxNode\" to "
                                                   "its PVE node name.")
                                       .arg(s.proxmoxCluster)};
            }
            QHash<QString, QString>& nodes = nodesByCluster[s.proxmoxCluster];
            if (nodes.contains(node) && nodes.value(node) != h.id) {
                return ConfigError{{},
                                   0,
                                   0,
                                   nodePath,
                                   ConfigStore::tr("The node \"%1\" of cluster \"%2\" is already host \"%3\": give "
                                                   "every node of a cluster its own host and node name.")
                                       .arg(node, s.proxmoxCluster, nodes.value(node))};
            }
            nodes.insert(node, h.id);
        }
    }
    return std::nullopt;
}

ServiceConfig makeService(const char* id, ServiceKind kind, const char* url, AuthScheme auth, const char* user = "")
{
    ServiceConfig s;
    s.id = QString::fromLatin1(id);
    s.kind = kind;
    s.baseUrl = QUrl(QString::fromLatin1(url));
    s.auth = auth;
    s.user = QString::fromLatin1(user);
    return s;
}

} // namespace

QString ConfigStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QLatin1String("/config.json");
}

std::variant<Config, ConfigError> ConfigStore::load(const QString& path)
{
    QFile file(path);
    if (!file.exists()) {
        return fileError(path, tr("The configuration file does not exist. Create it in the application or copy the "
                                  "example configuration to this place."));
    }
    if (file.size() > kMaxFileBytes) {
        return fileError(
            path,
            tr("The file is too large for a configuration file (more than %1 MB).").arg(kMaxFileBytes / (1024 * 1024)));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return fileError(path, tr("The file cannot be read: %1. Check its permissions.").arg(file.errorString()));
    }
    const QByteArray data = file.read(kMaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        return fileError(path, tr("The file cannot be read: %1.").arg(file.errorString()));
    }
    return parse(data, path);
}

std::variant<Config, ConfigError> ConfigStore::parse(const QByteArray& data, const QString& fileNameForMessages)
{
    try {
        json doc;
        try {
            doc = json::parse(data.constBegin(), data.constEnd());
        } catch (const json::parse_error& e) {
            ConfigError err{fileNameForMessages, 0, 0, {}, {}};
            offsetToLineColumn(data, e.byte, err.line, err.column);
            // nlohmann's what() is "[json.exception.parse_error.101] parse error at line L, column C: DETAIL".
            std::string detail = e.what();
            const auto colon = detail.find(": ");
            if (colon != std::string::npos) {
                detail = detail.substr(colon + 2);
            }
            err.message = tr("The file is not valid JSON (%1). Fix the syntax at this position.")
                              .arg(QString::fromStdString(detail));
            return err;
        } catch (const json::exception& e) {
            // e.g. out_of_range 406 "number overflow parsing '1e999'": nlohmann gives no position for these.
            std::string detail = e.what();
            const auto bracket = detail.find("] ");
            if (bracket != std::string::npos) {
                detail = detail.substr(bracket + 2);
            }
            return fileError(fileNameForMessages,
                             tr("The file is not valid JSON (%1). Fix the value.").arg(QString::fromStdString(detail)));
        }

        Reader reader(fileNameForMessages);
        Config config;
        if (!reader.config(doc, config)) {
            return *reader.error();
        }
        if (auto err = validate(config)) {
            err->file = fileNameForMessages;
            return *err;
        }
        return config;
    } catch (const std::exception& e) {
        qCWarning(lcConfig) << "Unexpected error while parsing" << fileNameForMessages << e.what();
    } catch (...) {
        qCWarning(lcConfig) << "Unexpected error while parsing" << fileNameForMessages;
    }
    return fileError(fileNameForMessages, tr("The file could not be read as a configuration file."));
}

QByteArray ConfigStore::serialize(const Config& c)
{
    ojson root = ojson::object();
    root["version"] = c.version;
    root["refreshIntervalMs"] = c.refreshIntervalMs;
    if (c.healthIntervalMs != Config{}.healthIntervalMs || c.healthTimeoutMs != Config{}.healthTimeoutMs) {
        root["healthIntervalMs"] = c.healthIntervalMs;
        root["healthTimeoutMs"] = c.healthTimeoutMs;
    }
    ojson hosts = ojson::array();
    for (const HostConfig& h : c.hosts) {
        ojson host = ojson::object();
        host["id"] = h.id.toStdString();
        host["name"] = h.name.toStdString();
        host["role"] = h.role.toStdString();
        host["address"] = h.address.toStdString();
        ojson services = ojson::array();
        for (const ServiceConfig& s : h.services) {
            ojson service = ojson::object();
            service["id"] = s.id.toStdString();
            service["kind"] = serviceKindName(s.kind).toStdString();
            service["baseUrl"] = s.baseUrl.toString(QUrl::FullyEncoded).toStdString();
            service["auth"] = authSchemeName(s.auth).toStdString();
            service["user"] = s.user.toStdString();
            service["timeoutMs"] = s.timeoutMs;
            service["pinnedSha256"] = s.pinnedSha256.toStdString();
            // Kind-specific fields: written for their kind, and for any other kind only when set (nothing is lost).
            if (s.kind == ServiceKind::Proxmox || !s.proxmoxNode.isEmpty()) {
                service["proxmoxNode"] = s.proxmoxNode.toStdString();
            }
            if (!s.proxmoxCluster.isEmpty()) { // optional: files without it stay as they were
                service["cluster"] = s.proxmoxCluster.toStdString();
            }
            if (s.kind == ServiceKind::Portainer || s.portainerEndpointId != 0) {
                service["portainerEndpointId"] = s.portainerEndpointId;
            }
            if (s.kind == ServiceKind::Prometheus || !s.prometheusInstance.isEmpty()) {
                service["prometheusInstance"] = s.prometheusInstance.toStdString();
            }
            appendExtra(service, s.extra, kServiceKeys);
            services.push_back(std::move(service));
        }
        host["services"] = std::move(services);
        if (!h.probes.isEmpty()) {
            host["probes"] = probejson::toJson(h.probes);
        }
        appendExtra(host, h.extra, kHostKeys);
        hosts.push_back(std::move(host));
    }
    root["hosts"] = std::move(hosts);
    appendExtra(root, c.extra, kTopKeys);
    const std::string text = root.dump(2, ' ', false, ojson::error_handler_t::replace);
    return QByteArray::fromStdString(text) + '\n';
}

std::optional<ConfigError> ConfigStore::validate(const Config& c)
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

std::optional<ConfigError> ConfigStore::save(const Config& c, const QString& path)
{
    if (auto err = validate(c)) {
        err->file = path;
        return err;
    }
    const QFileInfo info(path);
    if (info.exists()) {
        // Never replace a file we cannot read back: it may hold the user's work (or a newer version's format).
        const auto existing = load(path);
        if (const auto* err = std::get_if<ConfigError>(&existing)) {
            ConfigError refused = *err;
            refused.message = tr("Not saved: the existing file was left untouched because it has a problem: %1 Fix "
                                 "or move the file, then save again.")
                                  .arg(err->message);
            qCWarning(lcConfig) << "Refusing to overwrite" << path << "because it does not parse";
            return refused;
        }
    }
    const QString dirPath = info.absolutePath();
    QDir dir(dirPath);
    if (!dir.exists()) {
        const QFileInfo dirInfo(dirPath);
        if (!QDir().mkpath(dirInfo.absolutePath()) ||
            !QDir(dirInfo.absolutePath())
                 .mkdir(dirInfo.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
            if (!dir.exists()) {
                return fileError(path, tr("The folder %1 cannot be created. Check the permissions of its parent "
                                          "folder.")
                                           .arg(QDir::toNativeSeparators(dirPath)));
            }
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fileError(path, tr("The file cannot be written: %1.").arg(file.errorString()));
    }
    // The temporary file gets the final mode before any byte is written or it is renamed into place.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return fileError(path, tr("The file permissions cannot be set: %1.").arg(file.errorString()));
    }
    const QByteArray data = serialize(c);
    if (file.write(data) != data.size() || !file.commit()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fileError(path, tr("The file cannot be written: %1.").arg(reason));
    }
    qCInfo(lcConfig) << "Saved configuration to" << path << "with" << c.hosts.size() << "hosts";
    return std::nullopt;
}

Config ConfigStore::example()
{
    // The homelab of HOMELAB-ARCHITECTURE.md. Ports not given there are the services' defaults.
    Config c;
    HostConfig a;
    a.id = QStringLiteral("host-a");
    a.name = QStringLiteral("pve-thinkpad");
    a.role = QStringLiteral("Primary services host (low power, 24/7)");
    a.address = QStringLiteral("192.168.16.7");
    {
        ServiceConfig pve = makeService("proxmox", ServiceKind::Proxmox, "https://192.168.16.7:8006/api2/json",
                                        AuthScheme::PveToken, "root@pam!homelab-control");
        pve.proxmoxNode = QStringLiteral("pve-thinkpad");
        ServiceConfig portainer =
            makeService("portainer", ServiceKind::Portainer, "https://192.168.16.7:9443/api", AuthScheme::ApiKey);
        portainer.portainerEndpointId = 1;
        ServiceConfig prometheus =
            makeService("prometheus", ServiceKind::Prometheus, "http://192.168.16.7:9090", AuthScheme::None);
        prometheus.prometheusInstance = QStringLiteral("192.168.16.7:9100");
        a.services
            << pve << portainer << prometheus
            << makeService("alertmanager", ServiceKind::Alertmanager, "http://192.168.16.7:9093", AuthScheme::None)
            << makeService("adguard", ServiceKind::AdGuard, "http://192.168.16.7/control", AuthScheme::Basic, "admin")
            << makeService("homeassistant", ServiceKind::HomeAssistant, "http://192.168.16.7:8123", AuthScheme::Bearer)
            << makeService("n8n", ServiceKind::N8n, "http://192.168.16.7:5678", AuthScheme::None);
    }
    HostConfig b;
    b.id = QStringLiteral("host-b");
    b.name = QStringLiteral("pve-ryzen");
    b.role = QStringLiteral("Compute: GPU, databases, media, LLMs");
    b.address = QStringLiteral("192.168.17.1");
    {
        ServiceConfig pve = makeService("proxmox", ServiceKind::Proxmox, "https://192.168.17.1:8006/api2/json",
                                        AuthScheme::PveToken, "root@pam!homelab-control");
        pve.proxmoxNode = QStringLiteral("pve-ryzen");
        // Portainer and Prometheus run on host A and also cover host B.
        ServiceConfig portainer =
            makeService("portainer", ServiceKind::Portainer, "https://192.168.16.7:9443/api", AuthScheme::ApiKey);
        portainer.portainerEndpointId = 2;
        ServiceConfig prometheus =
            makeService("prometheus", ServiceKind::Prometheus, "http://192.168.16.7:9090", AuthScheme::None);
        prometheus.prometheusInstance = QStringLiteral("192.168.17.1:9100");
        b.services << pve << portainer << prometheus
                   << makeService("ollama", ServiceKind::Ollama, "http://192.168.17.1:11434", AuthScheme::None)
                   << makeService("agents", ServiceKind::Agents, "http://192.168.17.1:8000", AuthScheme::Bearer);
    }
    // Health probes of every service of the seed topology (no credentials: health and login pages, TCP, PING).
    const auto probe = [](const char* name, ProbeConfig::Kind kind, const char* url, bool browser) {
        return ProbeConfig{QString::fromUtf8(name), kind, QUrl(QString::fromLatin1(url)), browser};
    };
    using K = ProbeConfig::Kind;
    a.probes << probe("Proxmox VE", K::Http, "https://192.168.16.7:8006/", true)
             << probe("Traefik", K::Http, "http://192.168.16.7:8080/ping", false)
             << probe("Authentik", K::Http, "http://192.168.16.7:9000/-/health/live/", true)
             << probe("Portainer", K::Http, "https://192.168.16.7:9443/api/system/status", true)
             << probe("AdGuard Home", K::Http, "http://192.168.16.7/login.html", true)
             << probe("n8n", K::Http, "http://192.168.16.7:5678/healthz", true)
             << probe("Grafana", K::Http, "http://192.168.16.7:3000/api/health", true)
             << probe("Prometheus", K::Http, "http://192.168.16.7:9090/-/healthy", true)
             << probe("Loki", K::Http, "http://192.168.16.7:3100/ready", false)
             << probe("Home Assistant", K::Http, "http://192.168.16.7:8123/manifest.json", true)
             << probe("MQTT Mosquitto", K::Tcp, "tcp://192.168.16.7:1883", false)
             << probe("Zigbee2MQTT", K::Http, "http://192.168.16.7:8081/", true)
             << probe("ESPHome", K::Http, "http://192.168.16.7:6052/", true)
             << probe("Node-RED", K::Http, "http://192.168.16.7:1880/", true);
    b.probes << probe("Proxmox VE", K::Http, "https://192.168.17.1:8006/", true)
             << probe("PostgreSQL", K::Tcp, "tcp://192.168.17.1:5432", false)
             << probe("Redis", K::Redis, "redis://192.168.17.1:6379", false)
             << probe("Ollama", K::Http, "http://192.168.17.1:11434/", false)
             << probe("Open WebUI", K::Http, "http://192.168.17.1:3000/health", true)
             << probe("Jellyfin", K::Http, "http://192.168.17.1:8096/health", true)
             << probe("Sonarr", K::Http, "http://192.168.17.1:8989/ping", true)
             << probe("Radarr", K::Http, "http://192.168.17.1:7878/ping", true)
             << probe("Prowlarr", K::Http, "http://192.168.17.1:9696/ping", true)
             << probe("qBittorrent", K::Http, "http://192.168.17.1:8080/", true)
             << probe("Frigate NVR", K::Http, "http://192.168.17.1:5000/api/version", true);
    c.hosts << a << b;
    return c;
}

} // namespace hlc
