#include "DemoSetup.h"

#include "SecretStore.h"
#include "SimHealthServices.h"
#include "Simulator.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hlc::demo {

namespace {
const char* roleOf(const QString& hostId)
{
    return hostId == QLatin1String("host-a") ? "Primary services (low power, 24/7)"
                                             : "Compute: GPU, databases, media, LLMs";
}

/// The webhook quick actions of the demo's n8n (the workflows SimN8n serves).
QJsonObject n8nWebhooks()
{
    auto hook = [](const char* id, const char* name, const char* path, const char* method) {
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                           {QStringLiteral("name"), QLatin1String(name)},
                           {QStringLiteral("path"), QLatin1String(path)},
                           {QStringLiteral("method"), QLatin1String(method)}};
    };
    QJsonObject publish = hook("publish-newsletter", "Publish newsletter", "publish-newsletter", "POST");
    publish.insert(QStringLiteral("body"), QJsonObject{{QStringLiteral("issue"), QStringLiteral("latest")}});
    QJsonObject backup = hook("backup", "Back up now", "homelab-backup", "POST");
    backup.insert(QStringLiteral("headerAuth"), QStringLiteral("X-Homelab-Token"));
    return QJsonObject{{QStringLiteral("webhooks"),
                        QJsonArray{publish, backup, hook("weekly-report", "Weekly report", "weekly-report", "GET"),
                                   hook("broken", "Send Telegram digest", "broken-workflow", "POST")}}};
}
} // namespace

Config configFor(const sim::Simulator& simulator)
{
    Config c;
    c.refreshIntervalMs = 2000;
    for (const sim::ServiceEndpoint& ep : simulator.endpoints()) {
        HostConfig* host = nullptr;
        for (HostConfig& h : c.hosts) {
            if (h.id == ep.hostId)
                host = &h;
        }
        if (!host) {
            HostConfig h;
            h.id = ep.hostId;
            h.name = ep.hostName;
            h.role = QString::fromLatin1(roleOf(ep.hostId));
            h.address = QStringLiteral("127.0.0.1");
            c.hosts << h;
            host = &c.hosts.last();
        }
        const auto kind = serviceKindFromName(ep.kind);
        if (!kind)
            continue;
        ServiceConfig s;
        s.id = ep.kind;
        s.kind = *kind;
        s.baseUrl = ep.baseUrl;
        s.user = ep.user;
        s.pinnedSha256 = ep.tlsSha256;
        s.timeoutMs = 4000;
        if (*kind == ServiceKind::Proxmox) {
            s.auth = ep.auth == QLatin1String("pve-ticket") ? AuthScheme::PveTicket : AuthScheme::PveToken;
            s.proxmoxNode = ep.node;
        }
        if (*kind == ServiceKind::Prometheus)
            s.prometheusInstance = ep.prometheusInstance;
        if (*kind == ServiceKind::Portainer) {
            s.auth = AuthScheme::ApiKey;
            s.portainerEndpointId = ep.portainerEnvironment;
        }
        if (*kind == ServiceKind::Agents)
            s.auth = AuthScheme::Bearer;
        if (*kind == ServiceKind::Ollama)
            s.timeoutMs = 8000;
        if (*kind == ServiceKind::N8n)
            s.extra = n8nWebhooks();
        if (*kind == ServiceKind::AdGuard)
            s.auth = AuthScheme::Basic;
        if (*kind == ServiceKind::HomeAssistant) {
            s.auth = AuthScheme::Bearer;
            s.extra.insert(QStringLiteral("websocketUrl"), ep.webSocketUrl.toString());
            s.extra.insert(QStringLiteral("favourites"), QJsonArray{QStringLiteral("light.living_room_ceiling"),
                                                                    QStringLiteral("sensor.living_room_temperature")});
        }
        host->services << s;
    }
    // Every seed service's health endpoint, probed often enough to see a change in the demo.
    c.healthIntervalMs = 10000;
    c.healthTimeoutMs = 2000;
    if (const sim::SimHealthServices* health = simulator.health()) {
        for (HostConfig& h : c.hosts) {
            for (const sim::SimProbeTarget& t : health->targets(h.id)) {
                ProbeConfig p{t.name, ProbeConfig::Kind::Http, t.url, t.openInBrowser};
                if (ProbeConfig::kindFromName(t.kind, &p.kind))
                    h.probes << p;
            }
        }
    }
    return c;
}

void storeSecrets(const sim::Simulator& simulator, SecretStore* secrets)
{
    secrets->setSessionOnly(true);
    for (const sim::ServiceEndpoint& ep : simulator.endpoints()) {
        if (ep.secret.isEmpty())
            continue;
        // n8n has no service secret: its secret is the header auth of the "backup" webhook action.
        const QString key = ep.kind == QLatin1String("n8n") ? secretKey(ep.hostId, QStringLiteral("n8n/backup"))
                                                            : secretKey(ep.hostId, ep.kind);
        secrets->write(key, ep.secret, nullptr, [](const SecretResult&) {});
    }
}

} // namespace hlc::demo
