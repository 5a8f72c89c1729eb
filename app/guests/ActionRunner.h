#pragma once

#include "core/ActionJournal.h"
#include "core/ApiError.h"
#include "portainer/PortainerTypes.h"
#include "proxmox/ProxmoxTypes.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

namespace hlc {

class GuestInventory;

/// How an action ended.
struct ActionOutcome
{
    enum class Result
    {
        Ok,
        AlreadyInState,
        Failed
    };
    Result result = Result::Failed;
    QString message; ///< translated, for the panel and the notification
    QString taskId;  ///< PVE UPID, if any
    QStringList log; ///< the task log's last lines on failure
    QString action;  ///< what was done: "start", "suspend", ...
    /// Failed as far as the app can tell, but the request may have taken effect (the connection broke after it
    /// was sent, the task was lost track of): check before trying again.
    bool outcomeUnknown = false;
    [[nodiscard]] bool ok() const { return result != Result::Failed; }
};

/**
 * @brief Runs start/stop/... on guests, stacks and containers, and follows each to its real outcome.
 *
 * A Proxmox action is followed through its task (`/tasks/{upid}/status`) until `stopped`, then its `exitstatus`
 * decides; on failure the task log's last lines are fetched. Every request and outcome is recorded through the
 * ActionJournal (audit lines and the notification). The same target cannot run two actions at once. Signals carry
 * the typed ActionTarget; the busy/progress getters take the key of the target ("qemu/100", "stack/3",
 * "container/<id>", see keyOf()).
 */
class ActionRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionRunner)
public:
    using InventoryLookup = std::function<GuestInventory*(const QString& hostId)>;
    /// Ticket auth: logs in to host @p hostId's Proxmox again (the ticket expired or the server restarted). Returns
    /// false when that host has no ticket auth; otherwise @p done runs once with the login's error, if any.
    using Reauthenticator = std::function<bool(const QString& hostId, QObject* context,
                                               std::function<void(const std::optional<ApiError>& error)> done)>;
    ActionRunner(InventoryLookup inventories, ActionJournal* journal, QObject* parent = nullptr);

    /// A Proxmox request refused with 401 under ticket auth logs in again once through @p reauth, then is re-sent
    /// once (safe for a POST: PVE checks the ticket before it acts).
    void setReauthenticator(Reauthenticator reauth) { m_reauth = std::move(reauth); }

    /// How often a running task is polled (default 1000 ms).
    void setTaskPollIntervalMs(int ms) { m_pollMs = ms; }
    /// A task still running after this long is reported as not finished (default 10 min).
    void setTaskTimeoutMs(int ms) { m_taskTimeoutMs = ms; }

    /// False when the target is busy or the host has no such source; the outcome arrives through actionFinished.
    bool runGuestAction(const QString& hostId, const pve::Resource& guest, pve::GuestAction action);
    bool runStackAction(const QString& hostId, const portainer::Stack& stack, bool start);
    bool runContainerAction(const QString& hostId, const portainer::Container& container,
                            portainer::ContainerAction action);

    [[nodiscard]] bool isBusy(const QString& hostId, const QString& key) const;
    /// What a busy target is doing ("Stopping… task running 3 s"), empty when idle.
    [[nodiscard]] QString progress(const QString& hostId, const QString& key) const;
    /// The outcome of the target's last finished action, if any.
    [[nodiscard]] std::optional<ActionOutcome> lastOutcome(const QString& hostId, const QString& key) const;
    /// True when this app suspended that LXC container and has not resumed, stopped or restarted it since. PVE
    /// reports a frozen container as "running", so this is the only hint that Resume applies.
    [[nodiscard]] bool isSuspendedContainer(const QString& hostId, const QString& key) const
    {
        return m_suspendedContainers.contains(id(hostId, key));
    }

    [[nodiscard]] static QString guestKey(const pve::Resource& g) { return g.id; }
    /// The key of @p target as the busy/progress getters and the views' models use it.
    [[nodiscard]] static QString keyOf(const ActionTarget& target);
    [[nodiscard]] static ActionTarget guestTarget(const QString& hostId, const pve::Resource& guest);
    [[nodiscard]] static ActionTarget stackTarget(const QString& hostId, const portainer::Stack& stack);
    [[nodiscard]] static ActionTarget containerTarget(const QString& hostId, const portainer::Container& container);
    [[nodiscard]] static QString stackKey(const portainer::Stack& s) { return QStringLiteral("stack/%1").arg(s.id); }
    [[nodiscard]] static QString containerKey(const portainer::Container& c)
    {
        return QStringLiteral("container/%1").arg(c.id);
    }

signals:
    void actionStarted(const hlc::ActionTarget& target);
    void actionProgress(const hlc::ActionTarget& target, const QString& text);
    void actionFinished(const hlc::ActionTarget& target, const hlc::ActionOutcome& outcome);

private:
    struct Running
    {
        ActionTarget target;
        QString hostId;
        QString hostName; ///< the host's display name (its id when it has none)
        QString key;
        QString label;  ///< "VM 100 (docker-core)"
        QString action; ///< "stop"
        ActionJournal::Entry entry;
        QString node;
        QString upid;
        QString progress;
        QDateTime started;
        int pollFailures = 0;
        bool reauthTried = false; ///< one fresh login per action at most
    };
    [[nodiscard]] static QString id(const QString& hostId, const QString& key)
    {
        return hostId + QLatin1Char('|') + key;
    }
    void begin(Running r);
    void setProgress(const QString& runId, const QString& text);
    void pollTask(const QString& runId);
    void finish(const QString& runId, ActionOutcome outcome);
    /// A Portainer stack/container answer as an outcome: @p error (null: accepted), already in the wanted state, or
    /// done with @p doneMessage.
    void finishPortainer(const QString& runId, const ApiError* error, bool alreadyInState, bool wantsRunning,
                         const QString& doneMessage);
    /// Sends the guest action's POST; on 401 under ticket auth logs in again once and re-sends.
    void sendGuestAction(const QString& runId, const QString& type, int vmid, pve::GuestAction action);
    /// For a 401 under ticket auth: logs in again (once per run) and then calls @p retry. False: not applicable.
    bool reauthenticate(const QString& runId, const ApiError& error, std::function<void()> retry);

    InventoryLookup m_inventories;
    QPointer<ActionJournal> m_journal;
    QHash<QString, Running> m_running;
    QHash<QString, ActionOutcome> m_last;
    QSet<QString> m_suspendedContainers;
    Reauthenticator m_reauth;
    int m_pollMs = 1000;
    int m_taskTimeoutMs = 10 * 60 * 1000;
};

} // namespace hlc
