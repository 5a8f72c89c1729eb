#pragma once

#include "core/ApiError.h"
#include "core/Result.h"
#include "proxmox/ProxmoxTypes.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <optional>

class QTimer;

namespace hlc {
class ApiCall;
class GuestInventory;
namespace pve {
class ProxmoxClient;
}

/**
 * @brief The one GET /cluster/resources per refresh of a Proxmox cluster whose nodes are configured as separate
 * hosts (the proxmox services name the same `"cluster"`).
 *
 * Every node of a cluster answers /cluster/resources for the whole cluster, so one request serves every member
 * GuestInventory; each keeps its own node's guests and the node list. The request goes through the member that
 * answered last (at first: the first member) whose Proxmox client is ready: a token with its secret, or a ticket
 * already obtained. A connection-class failure (refused, reset, timeout, TLS, 5xx such as PVE's 595 for an
 * unreachable node) moves on to the next ready member within the same refresh, so one node down never blanks the
 * guests of the others. Only when every ready member failed does each inventory show the (last) error, its old data
 * kept and marked stale.
 *
 * Coalescing: refresh() from several members gives one request. A call while a request is in flight joins it; a
 * call within minimumAgeMs() of the last request's start is served by that request, unless the same member already
 * asked for it (it wants newer data, e.g. after an action): then one follow-up request starts when the minimum age is
 * reached. The feed's own timer polls once per interval; members' timers no longer poll guests.
 */
class ProxmoxClusterFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxmoxClusterFeed)
public:
    explicit ProxmoxClusterFeed(QString clusterName, QObject* parent = nullptr);
    ~ProxmoxClusterFeed() override;

    [[nodiscard]] QString clusterName() const { return m_cluster; }
    /// Adds @p inventory (its proxmoxClient() is used for requests) and makes it take its guests from this feed.
    void addMember(GuestInventory* inventory);
    [[nodiscard]] QList<GuestInventory*> members() const;

    /// A refresh within this many ms of the last request's start is served by that request (default: half the poll
    /// interval, at most 2 s; 1 s before start()).
    [[nodiscard]] int minimumAgeMs() const { return m_minAgeMs; }
    void setMinimumAgeMs(int ms);

    /// GET /cluster/resources requests sent so far (failover attempts included).
    [[nodiscard]] int requestsSent() const { return m_requestsSent; }
    /// The member whose client answered the last successful request (nullptr before the first one).
    [[nodiscard]] GuestInventory* lastSource() const;

    /// Called by a member's start(): the feed polls every @p intervalMs while at least one member runs.
    void memberStarted(GuestInventory* member, int intervalMs);
    /// Called by a member's stop(): once no member runs, the timer stops and a request in flight is cancelled.
    void memberStopped(GuestInventory* member);
    /// A member wants fresh guests (see the class comment for how calls are coalesced).
    void refresh(GuestInventory* member);

    /// What GET /cluster/status said last (fetched after a successful /cluster/resources, at most once per
    /// clusterStatusIntervalMs()).
    struct ClusterSummary
    {
        QString name; ///< the cluster's name as PVE reports it (empty: the node is not in a cluster)
        bool quorate = false;
        int nodesOnline = 0;
        int nodesTotal = 0;
        QDateTime fetched;
    };
    [[nodiscard]] const std::optional<ClusterSummary>& clusterSummary() const { return m_summary; }
    /// Set when PVE contradicts the config: the nodes are in another cluster, or in none. Translated; empty if fine.
    [[nodiscard]] QString configMismatch() const;
    [[nodiscard]] int clusterStatusIntervalMs() const { return m_statusIntervalMs; }
    void setClusterStatusIntervalMs(int ms) { m_statusIntervalMs = ms; }

signals:
    /// clusterSummary() changed.
    void clusterStatusUpdated();
    /// A request went out through @p member's client (one per attempt; a failover adds one).
    void requestStarted(hlc::GuestInventory* member);

private:
    struct Member
    {
        QPointer<GuestInventory> inventory;
        QPointer<pve::ProxmoxClient> client;
    };

    void onTimer();
    void onDeferred();
    /// Starts a new round of attempts; @p askedBy are the members whose refresh() it answers.
    void startRound(QSet<GuestInventory*> askedBy);
    /// Sends the request through the next ready member not tried in this round; false when none is left.
    bool tryNext();
    void onResult(int memberIndex, Result<QList<pve::Resource>> result);
    void finishRound(const Result<QList<pve::Resource>>& result);
    /// GET /cluster/status through the member that just answered, if the last one is older than the interval.
    void fetchClusterStatus(int memberIndex);
    [[nodiscard]] bool isReady(const Member& m) const;
    [[nodiscard]] int indexOf(const GuestInventory* inventory) const;
    [[nodiscard]] QSet<GuestInventory*> allMembers() const;
    [[nodiscard]] static bool isConnectionFailure(const ApiError& e);

    QString m_cluster;
    QList<Member> m_members;
    QSet<GuestInventory*> m_running;
    QTimer* m_timer;
    QTimer* m_deferred;
    int m_minAgeMs = 1000;
    bool m_minAgeSet = false;
    int m_requestsSent = 0;

    // The current (or last) round.
    QPointer<ApiCall> m_call;
    bool m_inRound = false;
    QElapsedTimer m_roundStarted;
    QSet<GuestInventory*> m_askedBy;  ///< members whose refresh() the current/last round answers
    QSet<GuestInventory*> m_askAgain; ///< members that asked again since: they get a follow-up round
    QList<int> m_tried;               ///< member indexes tried in this round
    QStringList m_failures;           ///< "host-a: detail" per failed attempt of this round (English, for logs)
    std::optional<ApiError> m_lastError;
    int m_preferred = 0; ///< the member that answered last: tried first
    int m_lastSource = -1;
    std::optional<ClusterSummary> m_summary;
    QPointer<ApiCall> m_statusCall;
    QElapsedTimer m_statusFetched;
    int m_statusIntervalMs = 60 * 1000; ///< quorum and membership change rarely
};

} // namespace hlc
