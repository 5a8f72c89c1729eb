#pragma once

#include "core/Config.h"
#include "core/Result.h"
#include "core/SourceStatus.h"
#include "portainer/PortainerTypes.h"
#include "proxmox/ProxmoxTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

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

    /**
     * The failed tasks of this host's node that ended in the last day, newest first: GET /nodes/{node}/tasks with
     * errors=1 and since=now-24 h, asked at most once per taskPollIntervalMs() (tasks are history, not live state).
     */
    [[nodiscard]] const QList<pve::TaskEntry>& failedTasks() const { return m_failedTasks; }
    /// The task list's source state (Ok once it answered: an empty list then means "no failed task").
    [[nodiscard]] const SourceStatus& tasksStatus() const { return m_tasksStatus; }
    /// How often the task list is asked (default 60 s; at least the poll interval).
    void setTaskPollIntervalMs(int ms) { m_taskIntervalMs = ms; }
    [[nodiscard]] int taskPollIntervalMs() const { return m_taskIntervalMs; }
    /**
     * The stopped guests of this node whose configuration says `onboot`: they should be running. The
     * configuration (GET .../config) is read only for stopped guests, once per stop and again after 10 minutes at
     * the earliest, never for running ones.
     */
    [[nodiscard]] QList<pve::Resource> stoppedOnbootGuests() const;
    /// A guest counts only once it has been seen stopped this long (default 120 s): a stop and start from this app,
    /// or a stop-mode backup, is not an item.
    void setOnbootGraceSeconds(int seconds) { m_onbootGraceSecs = seconds; }
    /// Configuration reads sent so far (for tests and the benchmark: it stays small).
    [[nodiscard]] int guestConfigReads() const { return m_configReads; }

    /// A container whose Docker RestartCount rose (its restart policy started it again after a crash).
    struct ContainerRestarts
    {
        QString id;
        QString name;
        int restartCount = 0; ///< RestartCount at the last inspection
        QDateTime since;      ///< when the rise was first seen (UTC)
        QDateTime startedAt;  ///< the last start (UTC)
    };
    /**
     * Containers whose restart count rose and that have not run restartStableSeconds() since (then they count as
     * stable again). A container is inspected (GET .../containers/{id}/json) only when the list suggests a restart:
     * it turned running or restarting, or its "Up ..." time went back; never on every poll.
     */
    [[nodiscard]] QList<ContainerRestarts> risingRestartCounts() const;
    /// How long a restarted container must run without another restart to be stable (default 600 s).
    void setRestartStableSeconds(int seconds) { m_restartStableSecs = seconds; }
    /// Inspections sent so far (for tests and the benchmark: only on suspected restarts).
    [[nodiscard]] int containerInspections() const { return m_inspections; }
    /// The uptime in seconds a Docker Status text says ("Up 3 hours (healthy)" -> 10800), or -1 when not "Up".
    [[nodiscard]] static qint64 uptimeFromStatus(const QString& status);

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
    /// The failed tasks or the onboot flags of stopped guests changed.
    void proxmoxAttentionUpdated();
    /// risingRestartCounts() changed.
    void restartsUpdated();

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
    /// After each guest list: the task list when due, the configuration of stopped guests not known yet.
    void pollProxmoxAttention();
    void portainerPartDone();
    /// Compares the new container list with the last one and inspects the containers that seem to have restarted.
    void watchRestarts();

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
    /// What the configuration of a stopped guest said (vmid -> onboot, read at).
    struct OnbootInfo
    {
        bool onboot = false;
        QDateTime readAt;
    };
    QHash<int, OnbootInfo> m_onboot;
    QHash<int, QDateTime> m_stoppedSince; ///< vmid -> first seen stopped (UTC)
    int m_onbootGraceSecs = 120;
    QSet<int> m_configPending;
    int m_configReads = 0;
    QList<pve::TaskEntry> m_failedTasks;
    SourceStatus m_tasksStatus;
    QPointer<ApiCall> m_tasksCall;
    int m_taskIntervalMs = 60 * 1000;
    struct Seen
    {
        QString state;
        qint64 uptime = -1;
    };
    QHash<QString, Seen> m_lastSeen; ///< container id -> state and uptime of the last list
    struct RestartWatch
    {
        int knownCount = -1; ///< RestartCount at the last inspection; -1: never inspected
        bool risen = false;
        QString name;
        QDateTime since;
        QDateTime startedAt;
    };
    QHash<QString, RestartWatch> m_restarts; ///< container id ->
    QSet<QString> m_inspectPending;
    int m_inspections = 0;
    int m_restartStableSecs = 600;
};

} // namespace hlc
