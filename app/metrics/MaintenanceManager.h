#pragma once

#include "core/Config.h"
#include "core/NotificationCenter.h"
#include "metrics/AutomationSwitch.h"
#include "metrics/MaintenanceWindow.h"
#include "metrics/NotificationSettings.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>

class QTimer;

namespace hlc {

class ActionJournal;
class AlertCenter;

/**
 * @brief Holds notifications while a host (or the whole homelab) is in maintenance, or during quiet hours, and
 * delivers what was held as one summary when that ends.
 *
 * **Maintenance windows** come from the config (weekly, MaintenanceWindow) or are started "now for N minutes"
 * (kept in a small JSON state file, 0600, like the inbox's). While one is active:
 * - notifications about its host (alerts and inbox items, recovery notices too) are held; action outcomes are not;
 * - Alertmanager silences are created for its host's alerts (the window's matchers, or the host's default ones:
 *   its Prometheus instance or match labels, else its address as `instance`) that end with the window; the app
 *   expires them when the window ends earlier (ended by hand) and on the next start if it was closed;
 * - the Home Assistant automations the window lists are turned off (those that were on), and back on when it ends,
 *   each confirmed by its state; one that cannot be turned back on yet (Home Assistant unreachable) is tried again
 *   every 30 s, also after a restart;
 * - start, end and every held notification go to the audit log (service "maintenance") and appear in the inbox.
 *
 * **Quiet hours** (NotificationSettings): notifications are held and summarised when the quiet hours end; critical
 * ones break through when the settings say so.
 *
 * Installs itself as the NotificationCenter's gate. Time comes from an injectable clock.
 */
class MaintenanceManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaintenanceManager)
public:
    using Clock = std::function<QDateTime()>;

    /// One occurrence of a window that is (or was) active.
    struct Active
    {
        QString key; ///< "<window id>@<start ISO>": stable across restarts
        QString windowId;
        QString hostId; ///< empty: the whole homelab
        QDateTime start;
        QDateTime end; ///< planned end; after endNow() the time it was ended
        QString reason;
        QString by;
        bool scheduled = false;
        QStringList silenceIds;
        QStringList automations;    ///< listed automations not handled yet (turned off, or found off)
        QStringList automationsOff; ///< turned off by this window: turned back on when it ends
        int heldCount = 0;
        QStringList heldTitles;
        QDateTime endedAt; ///< ended occurrences only
        bool operator==(const Active&) const = default;
    };
    /// A notification held back.
    struct Held
    {
        int id = 0;
        QString activeKey; ///< the occurrence that holds it; empty: quiet hours
        Notification notification;
    };

    /// @param statePath the JSON state file (started windows, active occurrences, held notifications); empty: none
    MaintenanceManager(ActionJournal* journal, NotificationCenter* notifications, QString statePath,
                       QObject* parent = nullptr);
    ~MaintenanceManager() override;

    [[nodiscard]] static QString defaultStatePath(bool demo);

    /// Hosts (names, default matchers), the scheduled windows and the quiet hours of @p config.
    void setConfig(const Config& config);
    void setNotificationSettings(const NotificationSettings& settings);
    [[nodiscard]] const NotificationSettings& notificationSettings() const { return m_settings; }
    /// Where silences are made (its Alertmanager); may be left out (then nothing is silenced).
    void setAlertCenter(AlertCenter* alerts);
    void setClock(Clock clock);
    [[nodiscard]] QDateTime now() const { return m_clock(); }
    void setUserName(const QString& user) { m_user = user; }

    [[nodiscard]] const Config& config() const { return m_config; }
    [[nodiscard]] const QList<MaintenanceWindow>& scheduled() const { return m_scheduled; }
    [[nodiscard]] const QList<Active>& active() const { return m_active; }
    /// Occurrences that ended in the last hour (shown in the inbox).
    [[nodiscard]] const QList<Active>& recentlyEnded() const { return m_ended; }
    [[nodiscard]] const QList<Held>& held() const { return m_held; }
    /// The active occurrence covering @p hostId (a window of that host or of the whole homelab), or nullptr.
    [[nodiscard]] const Active* activeFor(const QString& hostId) const;
    [[nodiscard]] bool isQuiet() const;
    /// When the current quiet hours end (UTC); invalid when not quiet.
    [[nodiscard]] QDateTime quietEnd() const;
    [[nodiscard]] QString hostName(const QString& hostId) const;

    /// The Alertmanager matcher sets that silence @p hostId's alerts by default (one silence each).
    [[nodiscard]] QList<QList<am::Matcher>> defaultMatchers(const QString& hostId) const;

    /// Where automations are turned off and on (the app's HomeServices); may be left out.
    void setAutomationSwitch(AutomationSwitch* automations);
    [[nodiscard]] AutomationSwitch* automationSwitch() const { return m_automations; }
    /// Automations turned off by windows that ended, not yet confirmed on again.
    [[nodiscard]] const QStringList& automationsToRestore() const { return m_restore; }

    /// Starts maintenance of @p hostId (empty: the whole homelab) now for @p minutes, turning @p automations off.
    void startNow(const QString& hostId, int minutes, const QString& reason, const QStringList& automations = {});
    /// Ends the active occurrence @p key now (a scheduled one stays scheduled for its next time).
    void endNow(const QString& key);

    /// Starts and ends occurrences by the clock, ends quiet hours. Runs every 30 s and on every change.
    void tick();

    /// The gate: holds @p n when its host is in maintenance or during quiet hours.
    [[nodiscard]] bool hold(const Notification& n);

signals:
    void changed();
    /// A start, end or silence finished: @p ok, @p message for people.
    void actionFinished(bool ok, const QString& message);

private:
    void begin(const MaintenanceWindow& w, const QDateTime& start, const QDateTime& end);
    void finish(int index, const QString& why);
    void release(const QString& activeKey, const QString& title);
    void createSilences(const QString& key);
    void switchAutomationsOff(const QString& key);
    void restoreAutomations();
    [[nodiscard]] QString automationName(const QString& entityId) const;
    void audit(const QString& target, const QString& hostId, const QString& action, const QString& outcome,
               const QString& detail);
    [[nodiscard]] QString windowName(const QString& hostId) const;
    void load();
    void save();

    QPointer<ActionJournal> m_journal;
    QPointer<NotificationCenter> m_notifications;
    QPointer<AlertCenter> m_alerts;
    QString m_statePath;
    Config m_config;
    NotificationSettings m_settings;
    QList<MaintenanceWindow> m_scheduled;
    QList<MaintenanceWindow> m_started; ///< "now for N minutes" (persisted)
    QList<Active> m_active;             ///< persisted
    QList<Active> m_ended;
    QList<Held> m_held; ///< persisted
    AutomationSwitch* m_automations = nullptr;
    QStringList m_restore;          ///< persisted: automations to turn back on
    QSet<QString> m_automationBusy; ///< a turn on/off is in flight
    QSet<QString> m_restoreWarned;  ///< a failed turn-on already said (said once, tried every tick)
    int m_nextHeld = 1;
    bool m_wasQuiet = false;
    Clock m_clock;
    QString m_user;
    QTimer* m_timer;
    bool m_ticking = false;
};

} // namespace hlc
