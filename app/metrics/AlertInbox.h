#pragma once

#include "alertmanager/AlertmanagerTypes.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QTimer;

namespace hlc {

class ActionJournal;
class AgentRunner;
class AlertCenter;
class GuestInventory;
class HealthProber;
class MaintenanceManager;
class ServiceDirectory;

/// One thing that needs the operator, from any source, keyed stably across refreshes and restarts.
struct InboxItem
{
    enum class Source
    {
        Alert,       ///< an Alertmanager (or Prometheus) alert; key "alert/<fingerprint>"
        Container,   ///< a Docker container unhealthy or restarting; key "container/<host>/<name>"
        Probe,       ///< a service health probe down; key "probe/<host>/<probe name>"
        AgentRun,    ///< an agent run that failed in the last day; key "agent-run/<run id>"
        Proxmox,     ///< a Proxmox node offline, key "node/<node name>"; a stopped guest marked onboot, key
                     ///< "guest/<host>/<vmid>"; a task that failed in the last day, key "task/<host>/<upid>"
        Maintenance, ///< a maintenance window (active or ended in the last hour), key "maintenance/<occurrence>";
                     ///< or a notification it or quiet hours hold, key "held/<n>"
        Certificate, ///< a service's HTTPS certificate expiring within 14 days, key "certificate/<host>/<service>"
    };
    enum class Severity
    {
        Info,
        Warning,
        Critical
    };
    enum class State
    {
        Open,         ///< needs the operator
        Acknowledged, ///< acknowledged until it clears (alerts: a silence the app expires on resolution)
        Snoozed,      ///< hidden until snoozedUntil
        Silenced,     ///< an alert silenced or inhibited elsewhere (not by this inbox)
        Suppressed,   ///< hidden with a reason until an expiry (longer than a snooze; alerts: a silence)
        Held,         ///< its host is in maintenance (or: a held notification, an active window) until `until`
    };
    enum Action
    {
        NoAction = 0,
        Acknowledge = 1,
        Snooze = 2,
        Unsnooze = 4,
        Open = 8,            ///< show the item where it lives (the alert list, the host's stacks, ...)
        EndMaintenance = 16, ///< an active maintenance window: end it now
        Suppress = 32,
        Unsuppress = 64,
    };

    QString key;
    Source source = Source::Alert;
    QString hostId; ///< empty when no configured host matches
    Severity severity = Severity::Warning;
    QDateTime since; ///< UTC; when it started (alert startsAt, container finished, run finished, probe checked)
    QString summary; ///< what it is about, for people
    QString detail;  ///< more (the alert's description, the probe's error, the container's status text)
    State state = State::Open;
    QDateTime until;               ///< Acknowledged: the silence's maximum end; Snoozed: when the snooze ends
    QString reason;                ///< Snoozed/Suppressed: the operator's reason
    QString by;                    ///< Acknowledged/Snoozed: who did it
    QString silenceId;             ///< Acknowledged/Snoozed alert: the Alertmanager silence the inbox made
    QString fingerprint;           ///< Alert only
    QMap<QString, QString> labels; ///< Alert only: the full label set (the silence's matchers)
    QString target;        ///< Container: container name; Probe: probe name; AgentRun: run id; Proxmox: node, guest key
                           ///< ("qemu/100") or task UPID; Certificate: service id
    bool notifies = false; ///< the inbox posts a notification when it appears and when it clears

    /// The Action flags that apply now.
    [[nodiscard]] int actions() const;
    [[nodiscard]] bool needsOperator() const { return state == State::Open; }
    bool operator==(const InboxItem&) const = default;
};

/**
 * @brief The one list of everything that needs the operator: firing alerts, unhealthy or crash-looping containers,
 * service probes down and failed agent runs. The Inbox tab, the tray and (later) notifications read it.
 *
 * **Acknowledge until resolved**: for an alert, a real Alertmanager silence whose matchers are the alert's exact
 * label set (`=`, no regex), with a maximum end the operator chooses; the inbox expires it (DELETE) as soon as the
 * alert resolves. Acknowledgements and snoozes are kept in a small JSON state file (0600, written atomically), so a
 * silence whose alert resolved while the app was closed is expired on the next start. App-side items
 * (containers, probes, agent runs) are acknowledged locally until they clear.
 *
 * **Snooze** for a duration or until a time, with a reason: an Alertmanager silence for alerts, local otherwise.
 * Reversible (unsnooze). Every acknowledgement, snooze and their ends go to the audit log through the ActionJournal.
 *
 * Time comes from an injectable clock, so tests can move past a snooze without waiting.
 */
class AlertInbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertInbox)
public:
    using Clock = std::function<QDateTime()>;

    /// @param statePath the JSON state file (acks and snoozes); empty: nothing is kept across restarts
    AlertInbox(ActionJournal* journal, QString statePath, QObject* parent = nullptr);
    ~AlertInbox() override;

    /// The default state file in the app's data folder (demo mode has its own).
    [[nodiscard]] static QString defaultStatePath(bool demo);

    /// Sources; each may be left out. The inbox follows their change signals.
    void setAlertCenter(AlertCenter* alerts);
    /// Containers (unhealthy, restarting, exited with an error while their stack is active) and Proxmox nodes offline.
    void addInventory(GuestInventory* inventory);
    void setHealthProber(HealthProber* prober);
    /// HTTPS certificates the services presented: those that expire within certificateDays() are items.
    void setServiceDirectory(ServiceDirectory* services);
    /// Certificates that run out within this many days are items: 14.
    [[nodiscard]] static constexpr int certificateDays() { return 14; }
    void setAgentRunner(AgentRunner* runner);
    /// Maintenance windows and held notifications: shown as items, and items of a host in maintenance are Held.
    void setMaintenance(MaintenanceManager* maintenance);
    [[nodiscard]] MaintenanceManager* maintenance() const;
    /// Host id -> display name for texts (hosts without an entry show their id).
    void setHostNames(const QHash<QString, QString>& names) { m_hostNames = names; }
    [[nodiscard]] QString hostName(const QString& hostId) const { return m_hostNames.value(hostId, hostId); }

    /// The time source (default: the system clock, UTC).
    void setClock(Clock clock);
    [[nodiscard]] QDateTime now() const { return m_clock(); }
    /// The name put in silences' createdBy and the audit lines (default: $USER).
    void setUserName(const QString& user) { m_user = user; }
    [[nodiscard]] QString userName() const { return m_user; }

    [[nodiscard]] const QList<InboxItem>& items() const { return m_items; }
    [[nodiscard]] const InboxItem* item(const QString& key) const;
    /// Items that need the operator (Open).
    [[nodiscard]] int openCount() const;
    [[nodiscard]] int acknowledgedCount() const;
    [[nodiscard]] int snoozedCount() const;
    [[nodiscard]] int suppressedCount() const;
    /// Items held by a maintenance window or quiet hours.
    [[nodiscard]] int heldCount() const;
    /// The worst severity among open items (Info when none).
    [[nodiscard]] InboxItem::Severity worstOpenSeverity() const;
    /// One line for the tray tooltip ("Inbox: 3 need attention, 1 acknowledged, 2 snoozed").
    [[nodiscard]] QString countsText() const;

    /// The default maximum of an acknowledgement: 24 h.
    [[nodiscard]] static constexpr qint64 defaultAckSeconds() { return 24 * 3600; }
    /// Acknowledges @p key until it clears, at most for @p maxSeconds (alerts: the silence's end).
    void acknowledge(const QString& key, qint64 maxSeconds = defaultAckSeconds());
    /// Snoozes @p key until @p until (UTC) with @p reason.
    void snooze(const QString& key, const QDateTime& until, const QString& reason);
    /// Ends a snooze (alerts: expires its silence).
    void unsnooze(const QString& key);
    /// Suppresses @p key until @p until (UTC) with @p reason (required): like a snooze, but meant for something
    /// known and accepted (a flapping sensor, a disk that is being replaced); shown as suppressed and audited.
    void suppress(const QString& key, const QDateTime& until, const QString& reason);
    /// Ends a suppression (alerts: expires its silence).
    void unsuppress(const QString& key);
    /// The end of "until tomorrow 08:00" seen from @p now (local time).
    [[nodiscard]] static QDateTime tomorrowMorning(const QDateTime& now);

    /// Re-reads every source, ends snoozes and acknowledgements that ran out, expires silences of resolved alerts.
    /// Runs on every source change and once a minute.
    void refresh();
    /// The state file could not be read or written (translated), or empty.
    [[nodiscard]] QString stateError() const { return m_stateError; }

signals:
    /// The list or an item's state changed.
    void itemsChanged();
    /// An acknowledge, snooze or unsnooze ended: @p ok, @p message says what happened (translated).
    void actionFinished(const QString& key, bool ok, const QString& message);

private:
    /// What the inbox remembers about an item (persisted).
    struct Mark
    {
        enum class Kind
        {
            Ack,
            Snooze,
            Suppress
        };
        Kind kind = Kind::Ack;
        QString key;
        QDateTime at;    ///< when the operator did it
        QDateTime until; ///< ack: the maximum; snooze: its end
        QString reason;
        QString by;
        QString silenceId; ///< alerts: the Alertmanager silence
        QMap<QString, QString> labels;
        bool expiring = false; ///< a DELETE is in flight (not persisted)
        QDateTime retryAfter;  ///< a failed DELETE is tried again after this (not persisted)
    };

    [[nodiscard]] QList<InboxItem> collect() const;
    void apply(QList<InboxItem> raw);
    /// One audit line (service "inbox"), texts cleaned by the journal.
    void audit(const QString& key, const QString& hostId, const QString& label, const QString& action,
               const QString& outcome, const QString& taskId, const QString& detail);
    void endMark(const QString& key, const QString& why, const QString& auditAction);
    void expireSilence(const QString& key, const QString& silenceId, const QString& auditAction);
    void createSilence(const InboxItem& item, Mark mark, const QString& comment, const QString& auditAction);
    /// Snooze or suppress: one path, @p kind says which.
    void hide(const QString& key, Mark::Kind kind, const QDateTime& until, const QString& reason);
    void unhide(const QString& key, Mark::Kind kind);
    void finishLocal(const InboxItem& item, Mark mark, const QString& auditAction, const QString& message);
    /// One notification (source "inbox") about @p item appearing or, with @p cleared, clearing.
    void notifyItem(const InboxItem& item, bool cleared);
    [[nodiscard]] bool alertsKnown() const;
    void load();
    void save();

    QPointer<ActionJournal> m_journal;
    QString m_statePath;
    QString m_stateError;
    QPointer<AlertCenter> m_alerts;
    QList<QPointer<GuestInventory>> m_inventories;
    QPointer<HealthProber> m_prober;
    QPointer<ServiceDirectory> m_services;
    QPointer<AgentRunner> m_agents;
    QPointer<MaintenanceManager> m_maintenance;
    QHash<QString, QString> m_hostNames;
    Clock m_clock;
    QString m_user;
    QHash<QString, Mark> m_marks;
    QList<InboxItem> m_items;
    QTimer* m_timer;
    bool m_refreshing = false;
    bool m_refreshAgain = false;
};

} // namespace hlc
