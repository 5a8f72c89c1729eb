#pragma once

#include "portainer/PortainerTypes.h"
#include "proxmox/ProxmoxTypes.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace hlc {

class AuditLog;
class GuestInventory;
class NotificationCenter;

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
    [[nodiscard]] bool ok() const { return result != Result::Failed; }
};

/**
 * @brief Runs start/stop/... on guests, stacks and containers, and follows each to its real outcome.
 *
 * A Proxmox action is followed through its task (`/tasks/{upid}/status`) until `stopped`, then its `exitstatus`
 * decides; on failure the task log's last lines are fetched. Every outcome is posted to the NotificationCenter and
 * appended to the AuditLog (never a secret). The same target cannot run two actions at once.
 * Targets are keyed "qemu/100", "lxc/200", "stack/3", "container/<id>".
 */
class ActionRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionRunner)
public:
    using InventoryLookup = std::function<GuestInventory*(const QString& hostId)>;
    ActionRunner(InventoryLookup inventories, AuditLog* audit, NotificationCenter* notifications,
                 QObject* parent = nullptr);

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

    [[nodiscard]] static QString guestKey(const pve::Resource& g) { return g.id; }
    [[nodiscard]] static QString stackKey(const portainer::Stack& s) { return QStringLiteral("stack/%1").arg(s.id); }
    [[nodiscard]] static QString containerKey(const portainer::Container& c)
    {
        return QStringLiteral("container/%1").arg(c.id);
    }

signals:
    void actionStarted(const QString& hostId, const QString& key);
    void actionProgress(const QString& hostId, const QString& key, const QString& text);
    void actionFinished(const QString& hostId, const QString& key, const hlc::ActionOutcome& outcome);

private:
    struct Running
    {
        QString hostId;
        QString service;
        QString key;
        QString label;  ///< "VM 100 (docker-core)"
        QString action; ///< "stop"
        QString node;
        QString upid;
        QString progress;
        QDateTime started;
        int pollFailures = 0;
    };
    [[nodiscard]] static QString id(const QString& hostId, const QString& key)
    {
        return hostId + QLatin1Char('|') + key;
    }
    void begin(const Running& r);
    void setProgress(const QString& runId, const QString& text);
    void pollTask(const QString& runId);
    void finish(const QString& runId, ActionOutcome outcome);

    InventoryLookup m_inventories;
    QPointer<AuditLog> m_audit;
    QPointer<NotificationCenter> m_notifications;
    QHash<QString, Running> m_running;
    QHash<QString, ActionOutcome> m_last;
    int m_pollMs = 1000;
    int m_taskTimeoutMs = 10 * 60 * 1000;
};

} // namespace hlc
