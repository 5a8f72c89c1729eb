#pragma once

#include "core/Config.h"
#include "core/Result.h"
#include "core/SourceStatus.h"
#include "portainer/PortainerTypes.h"
#include "proxmox/ProxmoxTypes.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace hlc {
class ApiCall;
class ProxmoxClusterFeed;
class ServiceDirectory;
namespace pve {
class ProxmoxClient;
}
namespace portainer {
class PortainerClient;
}

/**
 * @brief What runs on one host: its Proxmox guests (from one GET /cluster/resources per refresh) and its
 * Portainer stacks and containers.
 *
 * Each source fails alone: an error marks that source (its last data stays, marked stale), never the other one.
 * A host that is a node of a configured cluster takes its guests from the cluster's ProxmoxClusterFeed (one request
 * for every node) instead of polling itself; the API below is the same either way.
 */
class GuestInventory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestInventory)
public:
    /// The host's Proxmox and Portainer clients (if configured) come from @p services, with their secrets and pins.
    GuestInventory(const HostConfig& host, ServiceDirectory* services, QObject* parent = nullptr);
    ~GuestInventory() override;

    [[nodiscard]] QString hostId() const { return m_host.id; }
    /// The host's display name (its id when the config gives none).
    [[nodiscard]] QString hostName() const { return m_host.name.isEmpty() ? m_host.id : m_host.name; }
    [[nodiscard]] const ServiceConfig* portainerService() const;
    [[nodiscard]] bool hasProxmox() const { return m_proxmox != nullptr; }
    [[nodiscard]] bool hasPortainer() const { return m_portainer != nullptr; }
    [[nodiscard]] pve::ProxmoxClient* proxmoxClient() const { return m_proxmox; }
    [[nodiscard]] portainer::PortainerClient* portainerClient() const { return m_portainer; }
    /// The PVE node of this host.
    [[nodiscard]] QString proxmoxNode() const { return m_node; }
    /// The Portainer environment of this host (0: every environment the token sees).
    [[nodiscard]] int portainerEnvironment() const;
    /// The feed this host's guests come from when it is a node of a configured cluster; nullptr: polls itself.
    [[nodiscard]] ProxmoxClusterFeed* clusterFeed() const;

    /// The VMs and containers on this host's node, in API order.
    [[nodiscard]] const QList<pve::Resource>& guests() const { return m_guests; }
    /// Every node of the cluster (one for a standalone host): offline ones included.
    [[nodiscard]] const QList<pve::Resource>& clusterNodes() const { return m_nodes; }
    [[nodiscard]] const QList<portainer::Stack>& stacks() const { return m_stacks; }
    [[nodiscard]] const QList<portainer::Container>& containers() const { return m_containers; }
    [[nodiscard]] const SourceStatus& guestsStatus() const { return m_guestsStatus; }
    /// Entries of the last /cluster/resources answer that could not be read (logged one by one).
    [[nodiscard]] int unreadableEntries() const { return m_unreadable; }
    [[nodiscard]] const SourceStatus& portainerStatus() const { return m_portainerStatus; }

    [[nodiscard]] int runningGuests() const;
    [[nodiscard]] int stoppedGuests() const;
    [[nodiscard]] int activeStacks() const;
    /// Containers counted as stopped: exited, created and dead.
    [[nodiscard]] int stoppedContainers() const;

    /// The secret of the Portainer service (the Proxmox one is the HostMonitor's).
    void setSecret(const QString& serviceId, const QString& secret);
    void setPinnedCertificate(const QString& serviceId, const QByteArray& sha256Hex);

    /// Fetches the last @p tail lines of a container's log; @p done gets the lines, or an error message.
    void containerLogs(const QString& containerId, int tail, QObject* context,
                       std::function<void(const QStringList& lines, const QString& error)> done);

    void start(int intervalMs);
    void stop();
    /// Polls both sources now (a source with a poll in flight is skipped; a cluster member asks its feed, which
    /// coalesces the calls of all members into one request).
    void refresh();

signals:
    void guestsUpdated();
    void portainerUpdated();

private:
    friend class ProxmoxClusterFeed;
    /// Called by ProxmoxClusterFeed::addMember(): from now on the guests come from @p feed.
    void setClusterFeed(ProxmoxClusterFeed* feed);
    /// The feed sent a request for this host's guests.
    void guestsAttempted();
    /// Keeps this node's guests and every node of @p r, or marks the source failed (the old data stays).
    void applyClusterResources(const Result<QList<pve::Resource>>& r);
    void onTimer();
    void pollGuests();
    void pollPortainer();
    void portainerPartDone();

    HostConfig m_host;
    QString m_node;
    QTimer* m_timer;
    pve::ProxmoxClient* m_proxmox = nullptr;
    QPointer<ProxmoxClusterFeed> m_feed;
    portainer::PortainerClient* m_portainer = nullptr;
    QPointer<ApiCall> m_guestsCall;
    QPointer<ApiCall> m_stacksCall;
    QPointer<ApiCall> m_containersCall;
    QList<pve::Resource> m_guests;
    QList<pve::Resource> m_nodes;
    int m_unreadable = 0;
    QList<portainer::Stack> m_stacks;
    QList<portainer::Container> m_containers;
    SourceStatus m_guestsStatus;
    SourceStatus m_portainerStatus;
    int m_portainerPending = 0;
    std::optional<ApiError> m_portainerError;
};

} // namespace hlc
