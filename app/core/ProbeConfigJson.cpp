#include "core/ProbeConfigJson.h"

#include "core/Config.h"

#include <QCoreApplication>

namespace hlc::probejson {

namespace {
// The context is the one lupdate gives the tr() calls below (it names it after their enclosing namespace).
QString tr(const char* text)
{
    return QCoreApplication::translate("hlc::probejson", text);
}

QString at(const QString& path, qsizetype i, const char* key = nullptr)
{
    QString p = QStringLiteral("%1[%2]").arg(path).arg(i);
    if (key)
        p += QLatin1Char('.') + QString::fromLatin1(key);
    return p;
}

QString typeName(const nlohmann::json& v)
{
    if (v.is_string())
        return tr("a string");
    if (v.is_number())
        return tr("a number");
    if (v.is_boolean())
        return tr("true/false");
    if (v.is_array())
        return tr("an array");
    if (v.is_object())
        return tr("an object");
    return tr("null");
}
} // namespace

std::optional<Problem> parse(const nlohmann::json& probes, const QString& path, QList<ProbeConfig>* out)
{
    if (probes.is_null())
        return std::nullopt;
    if (!probes.is_array())
        return Problem{path, tr("Wrong type: expected %1, found %2.").arg(tr("an array"), typeName(probes))};
    for (std::size_t i = 0; i < probes.size(); ++i) {
        const nlohmann::json& p = probes.at(i);
        const qsizetype idx = static_cast<qsizetype>(i);
        if (!p.is_object())
            return Problem{at(path, idx), tr("Wrong type: expected %1, found %2.").arg(tr("an object"), typeName(p))};
        ProbeConfig c;
        for (const char* key : {"name", "kind", "url"}) {
            const auto it = p.find(key);
            if (it == p.end() || it->is_null())
                return Problem{at(path, idx, key), tr("This field is missing: add it as %1.").arg(tr("a string"))};
            if (!it->is_string())
                return Problem{at(path, idx, key),
                               tr("Wrong type: expected %1, found %2.").arg(tr("a string"), typeName(*it))};
        }
        c.name = QString::fromStdString(p["name"].get<std::string>());
        const QString kind = QString::fromStdString(p["kind"].get<std::string>());
        if (!ProbeConfig::kindFromName(kind, &c.kind))
            return Problem{at(path, idx, "kind"),
                           tr("Unknown probe kind \"%1\". Use one of: http, tcp, redis.").arg(kind)};
        c.url = QUrl(QString::fromStdString(p["url"].get<std::string>()), QUrl::StrictMode);
        if (const auto it = p.find("openInBrowser"); it != p.end() && !it->is_null()) {
            if (!it->is_boolean())
                return Problem{at(path, idx, "openInBrowser"),
                               tr("Wrong type: expected %1, found %2.").arg(tr("true/false"), typeName(*it))};
            c.openInBrowser = it->get<bool>();
        }
        out->append(c);
    }
    return std::nullopt;
}

nlohmann::ordered_json toJson(const QList<ProbeConfig>& probes)
{
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const ProbeConfig& p : probes) {
        nlohmann::ordered_json o = nlohmann::ordered_json::object();
        o["name"] = p.name.toStdString();
        o["kind"] = ProbeConfig::kindName(p.kind).toStdString();
        o["url"] = p.url.toString(QUrl::FullyEncoded).toStdString();
        if (p.openInBrowser)
            o["openInBrowser"] = true;
        arr.push_back(std::move(o));
    }
    return arr;
}

std::optional<Problem> validate(const Config& config)
{
    if (config.healthIntervalMs < kMinIntervalMs || config.healthIntervalMs > kMaxIntervalMs)
        return Problem{QStringLiteral("healthIntervalMs"),
                       tr("The health check interval %1 ms is out of range: use %2 to %3 milliseconds.")
                           .arg(config.healthIntervalMs)
                           .arg(kMinIntervalMs)
                           .arg(kMaxIntervalMs)};
    if (config.healthTimeoutMs < kMinTimeoutMs || config.healthTimeoutMs > kMaxTimeoutMs)
        return Problem{QStringLiteral("healthTimeoutMs"),
                       tr("The health check timeout %1 ms is out of range: use %2 to %3 milliseconds.")
                           .arg(config.healthTimeoutMs)
                           .arg(kMinTimeoutMs)
                           .arg(kMaxTimeoutMs)};
    for (qsizetype i = 0; i < config.hosts.size(); ++i) {
        const QString path = QStringLiteral("hosts[%1].probes").arg(i);
        const QList<ProbeConfig>& probes = config.hosts[i].probes;
        for (qsizetype j = 0; j < probes.size(); ++j) {
            const ProbeConfig& p = probes[j];
            if (p.name.trimmed().isEmpty())
                return Problem{at(path, j, "name"), tr("The probe needs a name, e.g. \"Grafana\".")};
            if (!p.url.password().isEmpty() || !p.url.userName().isEmpty())
                return Problem{at(path, j, "url"),
                               tr("A probe address must not contain a user name or password: probes never send "
                                  "credentials.")};
            const QString scheme = p.url.scheme();
            const bool http = p.kind == ProbeConfig::Kind::Http;
            const bool schemeOk = http ? (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
                                       : (scheme == ProbeConfig::kindName(p.kind));
            const bool portOk = http || p.url.port() > 0 || p.kind == ProbeConfig::Kind::Redis;
            if (!p.url.isValid() || p.url.host().isEmpty() || !schemeOk || !portOk)
                return Problem{at(path, j, "url"),
                               http ? tr("\"%1\" is not a usable address for an HTTP probe: write an absolute http:// "
                                         "or https:// URL, e.g. http://192.168.16.7:3000/api/health.")
                                          .arg(p.url.toDisplayString())
                                    : tr("\"%1\" is not a usable address for a %2 probe: write %2://HOST:PORT, e.g. "
                                         "%2://192.168.17.1:5432.")
                                          .arg(p.url.toDisplayString(), ProbeConfig::kindName(p.kind))};
        }
    }
    return std::nullopt;
}

} // namespace hlc::probejson
