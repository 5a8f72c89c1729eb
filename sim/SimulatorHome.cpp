// The home-network part of the simulated homelab (issue #6): AdGuard Home and Home Assistant on host-a, and the
// health endpoints of every seed service. A separate file so Simulator.cpp stays small.
#include "Simulator.h"

#include "SimAdGuard.h"
#include "SimHealthServices.h"
#include "SimHomeAssistant.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimLargeProfile.h"

#include <algorithm>

namespace hlc::sim {

bool Simulator::startHome(QString* error)
{
    const QString hostId = QStringLiteral("host-a");
    QString hostName = hostId;
    for (const SimNode& n : m_homelab->nodes()) {
        if (n.hostId == hostId)
            hostName = n.name;
    }

    // AdGuard Home: Basic auth, stats that move with the homelab's ticks.
    {
        std::optional<Service> made = newService(hostId, hostName, QStringLiteral("adguard"), false, error);
        if (!made)
            return false;
        Service s = *made;
        SimHttpServer* server = s.server;
        s.endpoint.user = QStringLiteral("admin");
        s.endpoint.secret = randomHex(24);
        QUrl url = server->baseUrl();
        url.setPath(SimAdGuard::apiPrefix());
        s.endpoint.baseUrl = url;
        auto* adguard = new SimAdGuard(server, s.endpoint.user, s.endpoint.secret, this);
        if (m_oldServers)
            adguard->setVersion(QStringLiteral("v0.105.2"));
        connect(m_homelab, &SimHomelab::ticked, adguard, &SimAdGuard::tick);
        s.api = adguard;
        m_services.append(s);
    }

    // Home Assistant: REST on the HTTP server, the WebSocket API on its own port.
    {
        std::optional<Service> made = newService(hostId, hostName, QStringLiteral("homeassistant"), false, error);
        if (!made)
            return false;
        Service s = *made;
        SimHttpServer* server = s.server;
        s.endpoint.secret = randomHex(40);
        s.endpoint.baseUrl = server->baseUrl();
        auto* ha = new SimHomeAssistant(server, s.endpoint.secret, SimHomeAssistant::Profile::Seed, this);
        if (m_oldServers)
            ha->setSubscribeEntitiesSupported(false);
        const int entities =
            m_profile == Profile::Large ? std::max(m_haEntities, large::kHomeAssistantEntities) : m_haEntities;
        if (entities > ha->entityCount())
            ha->addBulkEntities(entities);
        if (m_profile == Profile::Large && m_tickMs > 0)
            ha->setBulkChangesPerSecond(large::kHomeAssistantChangesPerSecond);
        if (!ha->listenWebSocket()) {
            if (error)
                *error = QStringLiteral("%1 homeassistant: cannot listen for WebSockets").arg(hostId);
            delete ha;
            delete server;
            return false;
        }
        if (m_tickMs > 0)
            ha->setPushInterval(3000); // sensors change on their own every few seconds
        s.endpoint.webSocketUrl = ha->webSocketUrl();
        s.api = ha;
        m_services.append(s);
    }

    m_health = new SimHealthServices(this);
    return m_health->start(error);
}

} // namespace hlc::sim
