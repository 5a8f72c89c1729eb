#pragma once

#include "metrics/NotificationPolicy.h"

#include <QJsonObject>
#include <QTime>

namespace hlc {

struct Config;

/**
 * @brief What the user chose about alert notifications (the settings dialog's Notifications page): the policy's
 * timings, the minimum severity that notifies, and quiet hours. Kept in the config file under the top-level key
 * "notifications" (in Config::extra, so older builds keep it untouched):
 *
 *     "notifications": { "resolvedHoldSeconds": 300, "stormThreshold": 3, "stormWindowSeconds": 60,
 *                        "repeatSeconds": 14400, "minimumSeverity": "warning",
 *                        "quietHours": { "from": "22:00", "to": "07:00", "criticalBreaksThrough": true } }
 *
 * Missing keys take the defaults; keys this build does not know are kept on save.
 */
struct NotificationSettings
{
    /// Same order as AlertEntry::Severity.
    enum class Severity
    {
        Info,
        Warning,
        Critical
    };

    NotificationPolicy::Settings policy;
    Severity minimumSeverity = Severity::Info;
    bool quietHours = false; ///< between quietFrom and quietTo only critical alerts notify
    QTime quietFrom{22, 0};  ///< local time
    QTime quietTo{7, 0};     ///< local time; before quietFrom means "over midnight"
    /// During quiet hours notifications are held and delivered as one summary when they end; critical ones are
    /// delivered at once when this is on.
    bool quietCriticalBreaksThrough = true;

    bool operator==(const NotificationSettings&) const = default;

    /// The settings in @p config (defaults for what is missing or malformed).
    [[nodiscard]] static NotificationSettings fromConfig(const Config& config);
    /// Writes them into @p config's "notifications" object, keeping the object's keys this build does not know.
    void writeTo(Config* config) const;

    /// True when an alert of @p severity may notify at local time @p now.
    [[nodiscard]] bool allows(Severity severity, const QTime& now) const;
    [[nodiscard]] bool isQuiet(const QTime& now) const;

    /// "info", "warning", "critical".
    [[nodiscard]] static QString severityName(Severity s);
};

} // namespace hlc
