#include "DemoSetup.h"

#include "SimHealthServices.h"
#include "SimN8n.h"
#include "Simulator.h"
#include "core/SecretStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace hlc::demo {

namespace {
const char* roleOf(const QString& hostId)
{
    return hostId == QLatin1String("host-a") ? "Primary services (low power, 24/7)"
                                             : "Compute: GPU, databases, media, LLMs";
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
            s.proxmoxCluster = ep.cluster; // the large profile's nodes: one /cluster/resources poll per cluster
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
            s.extra = QJsonObject{{QStringLiteral("webhooks"), sim::SimN8n::quickActionsConfig(true)}};
        if (*kind == ServiceKind::AdGuard)
            s.auth = AuthScheme::Basic;
        if (*kind == ServiceKind::HomeAssistant) {
            s.auth = AuthScheme::Bearer;
            s.extra.insert(QStringLiteral("websocketUrl"), ep.webSocketUrl.toString());
            s.extra.insert(QStringLiteral("favourites"), QJsonArray{QStringLiteral("light.living_room_ceiling"),
                                                                    QStringLiteral("sensor.living_room_temperature")});
        }
        // The simulator serves these over plain http on loopback: nothing leaves this computer.
        s.allowCleartextAuth = cleartextAuth(s);
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
