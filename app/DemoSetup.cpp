#include "DemoSetup.h"

#include "SecretStore.h"
#include "Simulator.h"

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
            s.auth = AuthScheme::PveToken;
            s.proxmoxNode = ep.node;
        }
        host->services << s;
    }
    return c;
}

void storeSecrets(const sim::Simulator& simulator, SecretStore* secrets)
{
    secrets->setSessionOnly(true);
    for (const sim::ServiceEndpoint& ep : simulator.endpoints()) {
        if (!ep.secret.isEmpty())
            secrets->write(secretKey(ep.hostId, ep.kind), ep.secret, nullptr, [](const SecretResult&) {});
    }
}

} // namespace hlc::demo
