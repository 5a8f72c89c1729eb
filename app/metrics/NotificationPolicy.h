#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace hlc {

/// The policy's view of one alert at one evaluation.
struct PolicyAlert
{
    QString fingerprint;
    bool suppressed = false; ///< silenced or inhibited: never notified while so
};

/**
 * @brief When an alert deserves a notification. Pure logic with an injected clock, no Qt objects.
 *
 * - one notification per alert that starts firing (unsuppressed);
 * - none while it is silenced or inhibited (it is notified when the suppression ends and it still fires);
 * - a resolved notice only after the alert stayed resolved for resolvedHoldSeconds (flapping does not spam:
 *   firing again within that time is the same incident, notified neither as resolved nor as new);
 * - a still-firing alert is notified again after repeatSeconds;
 * - a storm cap: when more than stormThreshold notifications would go out within stormWindowSeconds, the ones of
 *   that evaluation that exceed the cap are collapsed into one summary.
 */
class NotificationPolicy
{
public:
    struct Settings
    {
        qint64 resolvedHoldSeconds = 5LL * 60;
        int stormThreshold = 3;
        qint64 stormWindowSeconds = 60;
        qint64 repeatSeconds = 4LL * 3600;
        bool operator==(const Settings&) const = default;
    };

    /// What to tell the operator.
    struct Decision
    {
        enum class Kind
        {
            Firing,   ///< a new firing alert
            Repeat,   ///< still firing after the repeat interval
            Resolved, ///< resolved and stayed resolved for the hold time
            Summary   ///< too many at once: one notification for `fingerprints`
        };
        Kind kind = Kind::Firing;
        QList<QString> fingerprints; ///< one, or several for Summary
        QList<Kind> summarized;      ///< Summary only: the kind of each fingerprint
    };

    using Clock = std::function<QDateTime()>;

    NotificationPolicy();
    explicit NotificationPolicy(Settings settings, Clock clock = {});

    [[nodiscard]] const Settings& settings() const { return m_settings; }
    void setSettings(const Settings& s) { m_settings = s; }

    /**
     * Feeds the alerts that are firing now (every alert not in @p firing counts as resolved) and returns the
     * notifications to send, in order.
     */
    [[nodiscard]] QList<Decision> evaluate(const QList<PolicyAlert>& firing);

    /// Forgets everything (e.g. the alert source changed).
    void reset();

private:
    struct Track
    {
        bool notified = false;  ///< a firing notification went out for the current incident
        QDateTime lastNotified; ///< of the current incident
        bool firing = false;
        QDateTime resolvedSince; ///< valid while resolved but not yet announced
    };

    [[nodiscard]] QDateTime now() const;

    Settings m_settings;
    Clock m_clock;
    QHash<QString, Track> m_tracks;
    QList<QDateTime> m_sent; ///< times of notifications sent (for the storm cap)
};

} // namespace hlc
