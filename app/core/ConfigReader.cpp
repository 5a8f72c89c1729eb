#include "core/ConfigReader.h"

#include "core/ConfigFormat.h"
#include "core/ConfigValidator.h"
#include "core/Json.h"
#include "core/ProbeConfigJson.h"

#include <QFile>
#include <QJsonObject>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <cstdint>

namespace hlc {

namespace {

Q_LOGGING_CATEGORY(lcConfigReader, "hlc.app.config")

using configformat::childPath;
using configformat::fileError;
using configformat::indexPath;
using configformat::isKnownKey;
using configformat::kHostKeys;
using configformat::kServiceKeys;
using configformat::kTopKeys;
using hlc::json::Json;

constexpr qint64 kMaxFileBytes = 4LL * 1024 * 1024;
constexpr int kMaxDepth = json::kMaxDepth;

// ---- reading typed fields with precise errors ----

QString typeOf(const Json& v)
{
    switch (v.type()) {
    case Json::value_t::null:
        return ConfigReader::tr("null");
    case Json::value_t::boolean:
        return ConfigReader::tr("true/false");
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return ConfigReader::tr("an integer");
    case Json::value_t::number_float:
        return ConfigReader::tr("a decimal number");
    case Json::value_t::string:
        return ConfigReader::tr("a string");
    case Json::value_t::array:
        return ConfigReader::tr("an array");
    case Json::value_t::object:
        return ConfigReader::tr("an object");
    default:
        return ConfigReader::tr("an unsupported value");
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

    bool wrongType(const QString& field, const QString& expected, const Json& found)
    {
        return fail(field, ConfigReader::tr("Wrong type: expected %1, found %2.").arg(expected, typeOf(found)));
    }

    bool missing(const QString& field, const QString& expected)
    {
        return fail(field, ConfigReader::tr("This field is missing: add it as %1.").arg(expected));
    }

    /// Reads a string; an absent or null field leaves @p out unchanged unless @p required.
    bool string(const Json& object, const char* key, const QString& parent, QString& out, bool required = false)
    {
        const QString path = childPath(parent, QString::fromLatin1(key));
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            return required ? missing(path, ConfigReader::tr("a string")) : true;
        }
        if (!it->is_string()) {
            return wrongType(path, ConfigReader::tr("a string"), *it);
        }
        out = QString::fromStdString(it->get<std::string>());
        return true;
    }

    /// Reads an object of strings (label name -> value); an absent or null field leaves @p out unchanged.
    bool stringMap(const Json& object, const char* key, const QString& parent, QMap<QString, QString>& out)
    {
        const QString path = childPath(parent, QString::fromLatin1(key));
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            return true;
        }
        if (!it->is_object()) {
            return wrongType(path, ConfigReader::tr("an object of strings"), *it);
        }
        QMap<QString, QString> values;
        for (auto e = it->begin(); e != it->end(); ++e) {
            const QString name = QString::fromStdString(e.key());
            if (!e->is_string()) {
                return wrongType(childPath(path, name), ConfigReader::tr("a string"), *e);
            }
            values.insert(name, QString::fromStdString(e->get<std::string>()));
        }
        out = values;
        return true;
    }

    /// Reads a bool; an absent or null field leaves @p out unchanged.
    bool boolean(const Json& object, const char* key, const QString& parent, bool& out)
    {
        const QString path = childPath(parent, QString::fromLatin1(key));
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            return true;
        }
        if (!it->is_boolean()) {
            return wrongType(path, ConfigReader::tr("true or false"), *it);
        }
        out = it->get<bool>();
        return true;
    }

    /// Reads an int; an absent or null field leaves @p out unchanged unless @p required.
    bool integer(const Json& object, const char* key, const QString& parent, int& out, bool required = false)
    {
        const QString path = childPath(parent, QString::fromLatin1(key));
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            return required ? missing(path, ConfigReader::tr("an integer")) : true;
        }
        if (!it->is_number_integer()) {
            return wrongType(path, ConfigReader::tr("an integer"), *it);
        }
        const bool tooLarge = it->is_number_unsigned()
                                  ? it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT_MAX)
                                  : (it->get<std::int64_t>() > INT_MAX || it->get<std::int64_t>() < INT_MIN);
        if (tooLarge) {
            return fail(path, ConfigReader::tr("The number is too large."));
        }
        out = static_cast<int>(it->get<std::int64_t>());
        return true;
    }

    template<std::size_t N>
    bool extra(const Json& object, const char* const (&knownKeys)[N], const QString& path, QJsonObject& out)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isKnownKey(knownKeys, it.key())) {
                continue;
            }
            const QString key = QString::fromStdString(it.key());
            const Result<QJsonValue> value = json::toQt(it.value(), childPath(path, key));
            if (!value) {
                return fail(childPath(path, key),
                            ConfigReader::tr("The value is nested too deeply (more than %1 levels).").arg(kMaxDepth));
            }
            out.insert(key, value.value());
        }
        return true;
    }

    bool service(const Json& s, const QString& path, ServiceConfig& out)
    {
        if (!s.is_object()) {
            return wrongType(path, ConfigReader::tr("an object"), s);
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
                        ConfigReader::tr("Unknown service kind \"%1\". Use one of: %2.")
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
                        ConfigReader::tr("Unknown auth scheme \"%1\". Use one of: %2.")
                            .arg(auth, names.join(QLatin1String(", "))));
        }
        out.auth = *a;
        if (!string(s, "user", path, out.user) || !integer(s, "timeoutMs", path, out.timeoutMs) ||
            !string(s, "pinnedSha256", path, pin) || !string(s, "proxmoxNode", path, out.proxmoxNode) ||
            !string(s, "cluster", path, out.proxmoxCluster) ||
            !integer(s, "portainerEndpointId", path, out.portainerEndpointId) ||
            !string(s, "prometheusInstance", path, out.prometheusInstance) ||
            !stringMap(s, "prometheusMatch", path, out.prometheusMatch) ||
            !boolean(s, "allowCleartextAuth", path, out.allowCleartextAuth)) {
            return false;
        }
        // Accept the openssl spelling too (upper case, colons); store lower-case hex.
        pin.remove(QLatin1Char(':'));
        out.pinnedSha256 = pin.trimmed().toLower().toLatin1();
        return extra(s, kServiceKeys, path, out.extra);
    }

    bool host(const Json& h, const QString& path, HostConfig& out)
    {
        if (!h.is_object()) {
            return wrongType(path, ConfigReader::tr("an object"), h);
        }
        if (!string(h, "id", path, out.id, true) || !string(h, "name", path, out.name) ||
            !string(h, "role", path, out.role) || !string(h, "address", path, out.address)) {
            return false;
        }
        const auto services = h.find("services");
        if (services != h.end() && !services->is_null()) {
            const QString servicesPath = childPath(path, QStringLiteral("services"));
            if (!services->is_array()) {
                return wrongType(servicesPath, ConfigReader::tr("an array"), *services);
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

    bool config(const Json& doc, Config& out)
    {
        if (!doc.is_object()) {
            return fail(
                {}, ConfigReader::tr("The file must contain one JSON object ({ ... }), found %1.").arg(typeOf(doc)));
        }
        // The version comes first: a file from a newer version may mean anything else differently.
        if (!integer(doc, "version", {}, out.version, true)) {
            return false;
        }
        if (out.version > Config::kCurrentVersion) {
            return fail(QStringLiteral("version"),
                        ConfigReader::tr("This file was written by a newer version of the application (format %1; this "
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
                return wrongType(QStringLiteral("hosts"), ConfigReader::tr("an array"), *hosts);
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

} // namespace

std::variant<Config, ConfigError> ConfigReader::load(const QString& path)
{
    QFile file(path);
    if (!file.exists()) {
        return fileError(path, tr("The configuration file does not exist. Create it in the application or copy the "
                                  "example configuration to this place."));
    }
    if (file.size() > kMaxFileBytes) {
        return fileError(path, tr("The file is too large for a configuration file (more than %1 MB).")
                                   .arg(kMaxFileBytes / (1024LL * 1024)));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return fileError(path, tr("The file cannot be read: %1. Check its permissions.").arg(file.errorString()));
    }
    // read(n) allocates n bytes first: ask for what the file holds (one byte more shows a file that grew past the
    // limit), not for the limit. An 8 MB block freed at start-up also raised glibc's mmap threshold to 8 MB for the
    // rest of the run, so later large answers went to the heap and stayed there.
    const QByteArray data = file.read(std::min<qint64>(file.size(), kMaxFileBytes) + 1);
    if (file.error() != QFileDevice::NoError) {
        return fileError(path, tr("The file cannot be read: %1.").arg(file.errorString()));
    }
    return parse(data, path);
}

std::variant<Config, ConfigError> ConfigReader::parse(const QByteArray& data, const QString& fileNameForMessages)
{
    try {
        Json doc;
        try {
            doc = Json::parse(data.constBegin(), data.constEnd());
        } catch (const Json::parse_error& e) {
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
        } catch (const Json::exception& e) {
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
        if (auto err = ConfigValidator::validate(config)) {
            err->file = fileNameForMessages;
            return *err;
        }
        return config;
    } catch (const std::exception& e) {
        qCWarning(lcConfigReader) << "Unexpected error while parsing" << fileNameForMessages << e.what();
    } catch (...) {
        qCWarning(lcConfigReader) << "Unexpected error while parsing" << fileNameForMessages;
    }
    return fileError(fileNameForMessages, tr("The file could not be read as a configuration file."));
}

} // namespace hlc
