#pragma once

#include "SimHttpServer.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace hlc::sim {

class SimHomelab;

/**
 * @brief The Proxmox VE API (`/api2/json/...`) of one PVE host or cluster, served from a SimHomelab.
 *
 * Field names and types follow the PVE schema (pve-api.controlcenter-excerpt.json); status lines and error
 * bodies follow pveproxy: 401 "authentication failure" with `{"data":null}`, 595 "No route to host" for an offline
 * node, 500 "no such cluster node" for an unknown one. Only API-token authentication is accepted.
 */
class ProxmoxSim final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxmoxSim)
public:
    /// @p nodes: the nodes of this cluster (a standalone host: just its own); @p tokenUser "USER@REALM!TOKENID".
    ProxmoxSim(SimHomelab* lab, SimHttpServer* server, QStringList nodes, QString tokenUser, QString tokenSecret,
               QObject* parent = nullptr);

    [[nodiscard]] static QString apiPrefix() { return QStringLiteral("/api2/json"); }
    [[nodiscard]] QStringList clusterNodes() const { return m_nodes; }
    /// The name /cluster/status reports for a cluster of several nodes (default "homelab").
    void setClusterName(const QString& name) { m_clusterName = name; }
    [[nodiscard]] QString tokenUser() const { return m_tokenUser; }
    /// The exact Authorization header value this instance accepts.
    [[nodiscard]] QByteArray authorizationHeader() const;
    /// A second way in besides the API token (ProxmoxTaskSim's login tickets).
    void setExtraAuthorization(std::function<bool(const SimRequest&)> check) { m_extraAuth = std::move(check); }
    /// Requests under @p apiPath (e.g. "/nodes/pve/status") are answered as pveproxy does for a user or token without
    /// @p privilege: 403 "Permission check failed (PATH, PRIVILEGE)". An empty @p privilege lifts the denial.
    void denyPrivilege(const QString& apiPath, const QString& privilege);
    /// Real-server looseness in /cluster/resources ("loose" mode): guests without "id" and with "vmid" as a string,
    /// running guests without "cpu" and "uptime", and @p unreadable entries nobody can read (a guest with neither
    /// id nor vmid, then a bare string). Off by default.
    void setLooseResources(bool loose, int unreadable = 2)
    {
        m_loose = loose;
        m_unreadable = unreadable;
    }

    /// Real-server looseness in /nodes/{node}/status: no "cpu", "uptime", "loadavg", "rootfs" and no
    /// "memory.used"/"memory.free" (the panel must show "–" for them, never 0). Off by default.
    void setLooseNodeStatus(bool loose) { m_looseStatus = loose; }

private:
    using Handler = SimHttpServer::Handler;
    void get(const QString& path, Handler handler);
    [[nodiscard]] bool authorized(const SimRequest& request) const;
    [[nodiscard]] bool inCluster(const QString& node) const { return m_nodes.contains(node); }

    SimResponse version(const SimRequest& request) const;
    SimResponse nodes(const SimRequest& request) const;
    SimResponse nodeStatus(const SimRequest& request) const;
    SimResponse clusterResources(const SimRequest& request) const;
    SimResponse clusterStatus(const SimRequest& request) const;

    QPointer<SimHomelab> m_lab;
    QPointer<SimHttpServer> m_server;
    QStringList m_nodes;
    QString m_clusterName = QStringLiteral("homelab");
    QString m_tokenUser;
    QString m_tokenSecret;
    std::function<bool(const SimRequest&)> m_extraAuth;
    QHash<QString, QString> m_denied; ///< API path -> the privilege missing for it
    bool m_loose = false;
    bool m_looseStatus = false;
    int m_unreadable = 0;
};

} // namespace hlc::sim
