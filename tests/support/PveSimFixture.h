#pragma once

// One simulated Proxmox VE API (a node, or several nodes of one cluster) over HTTPS on 127.0.0.1 with its task
// engine, and the service config / endpoint that reach it pinned to its freshly generated certificate.

#include "ProxmoxSim.h"
#include "ProxmoxTaskSim.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "core/Config.h"
#include "core/Endpoint.h"

#include <QObject>
#include <QStringList>

namespace hlc::test {

struct PveSimFixture
{
    sim::SimHomelab* lab = nullptr;
    sim::SimHttpServer* server = nullptr;
    sim::ProxmoxSim* pve = nullptr;
    sim::ProxmoxTaskSim* tasks = nullptr;

    /// Seeds a homelab and serves @p nodes with the API token @p tokenUser / @p tokenSecret, all owned by @p parent;
    /// false when the server cannot listen.
    bool start(QObject* parent, const QStringList& nodes, const QString& tokenUser, const QString& tokenSecret);

    /// https://127.0.0.1:PORT/api2/json
    [[nodiscard]] QUrl apiUrl() const;

    /// The "proxmox" service of @p node, authenticating as @p user with @p auth, pinned to the simulator.
    [[nodiscard]] ServiceConfig service(const QString& node, AuthScheme auth, const QString& user) const;

    /// An endpoint with the API token @p user / @p secret, pinned to the simulator (other fields: Endpoint defaults).
    [[nodiscard]] Endpoint tokenEndpoint(const QString& user, const QString& secret) const;
};

} // namespace hlc::test
