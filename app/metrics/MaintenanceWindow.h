#pragma once

#include "alertmanager/AlertmanagerTypes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>

#include <optional>

namespace hlc {

struct Config;

/**
 * @brief A maintenance window: a time when one host (or the whole homelab) is being worked on, so its notifications
 * are held and its alerts silenced. Either scheduled weekly (kept in the config file under "maintenance") or
 * started now for some minutes (kept in the maintenance state file):
 *
 *     "maintenance": { "windows": [ { "id": "backups", "host": "pve1", "day": "sunday",
 *                                      "from": "03:00", "to": "04:00",
 *                                      "matchers": [ { "name": "instance", "value": "pve1:9100" } ],
 *                                      "automations": [ "automation.frigate_person_alert" ] } ] }
 *
 * `host` empty means the whole homelab; `day` "daily" or a weekday; `to` before `from` runs over midnight;
 * `matchers` empty means the host's own labels as the app maps alerts to hosts (its Prometheus instance or match
 * labels, else its address as `instance`). `automations`: Home Assistant automations (entity ids) turned off for the
 * window and back on after it, those that were on when it started.
 */
struct MaintenanceWindow
{
    QString id;
    QString hostId;              ///< empty: the whole homelab
    int weekday = 7;             ///< Qt::DayOfWeek 1..7; 0 = every day (scheduled only)
    QTime from{3, 0};            ///< local time (scheduled only)
    QTime to{4, 0};              ///< local time; before `from`: the next day (scheduled only)
    QList<am::Matcher> matchers; ///< empty: the host's default matchers
    QString reason;
    QStringList automations; ///< Home Assistant automation entity ids turned off for the window
    /// Started "now for N minutes": the fixed interval (UTC); invalid for a scheduled window.
    QDateTime start;
    QDateTime end;

    [[nodiscard]] bool isScheduled() const { return !start.isValid(); }
    /// The occurrence that contains @p now (start, end in UTC), if any.
    [[nodiscard]] std::optional<std::pair<QDateTime, QDateTime>> occurrenceAt(const QDateTime& now) const;

    bool operator==(const MaintenanceWindow&) const = default;

    /// The scheduled windows of @p config.
    [[nodiscard]] static QList<MaintenanceWindow> fromConfig(const Config& config);
    /// Writes @p windows as the config's scheduled windows (other keys of "maintenance" stay).
    static void writeTo(Config* config, const QList<MaintenanceWindow>& windows);
    /// "daily", "monday", ... "sunday".
    [[nodiscard]] static QString dayName(int weekday);
};

} // namespace hlc
