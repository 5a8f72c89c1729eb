#include "core/ConfigWriter.h"

#include "core/ConfigFormat.h"
#include "core/ConfigReader.h"
#include "core/ConfigValidator.h"
#include "core/ProbeConfigJson.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QVariant>

#include <nlohmann/json.hpp>

#include <cstdint>

namespace hlc {

namespace {

Q_LOGGING_CATEGORY(lcConfigWriter, "hlc.app.config")

using ojson = nlohmann::ordered_json;
using configformat::fileError;
using configformat::isKnownKey;
using configformat::kHostKeys;
using configformat::kServiceKeys;
using configformat::kTopKeys;

// ---- QJson -> nlohmann (for the `extra` objects) ----

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

} // namespace

QByteArray ConfigWriter::serialize(const Config& c)
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
            if (!s.prometheusMatch.isEmpty()) { // optional: files without it stay as they were
                ojson match = ojson::object();
                for (auto it = s.prometheusMatch.cbegin(); it != s.prometheusMatch.cend(); ++it) {
                    match[it.key().toStdString()] = it.value().toStdString();
                }
                service["prometheusMatch"] = std::move(match);
            }
            if (s.allowCleartextAuth) { // optional: files without it stay as they were
                service["allowCleartextAuth"] = true;
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

std::optional<ConfigError> ConfigWriter::save(const Config& c, const QString& path)
{
    if (auto err = ConfigValidator::validate(c)) {
        err->file = path;
        return err;
    }
    const QFileInfo info(path);
    if (info.exists()) {
        // Never replace a file we cannot read back: it may hold the user's work (or a newer version's format).
        const auto existing = ConfigReader::load(path);
        if (const auto* err = std::get_if<ConfigError>(&existing)) {
            ConfigError refused = *err;
            refused.message = tr("Not saved: the existing file was left untouched because it has a problem: %1 Fix "
                                 "or move the file, then save again.")
                                  .arg(err->message);
            qCWarning(lcConfigWriter) << "Refusing to overwrite" << path << "because it does not parse";
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
    qCInfo(lcConfigWriter) << "Saved configuration to" << path << "with" << c.hosts.size() << "hosts";
    return std::nullopt;
}

} // namespace hlc
