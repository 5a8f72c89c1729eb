#pragma once

#include "alertmanager/AlertmanagerTypes.h"
#include "core/Config.h"
#include "core/SourceStatus.h"
#include "metrics/NotificationPolicy.h"
#include "metrics/NotificationSettings.h"

#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>

class QTimer;

namespace hlc {

class ApiCall;
class ActionJournal;
struct ActionTarget;
class ServiceDirectory;
namespace am {
class AlertmanagerClient;
}
namespace prom {
class PrometheusClient;
}

/// One alert as the app shows it, keyed by its fingerprint.
struct AlertEntry
{
    enum class State
    {
        Firing,
        Silenced, ///< silenced or inhibited
        Resolved
    };
    enum class Severity
    {
        Info,
        Warning,
        Critical
    };
    QString fingerprint;
    QString name; ///< alertname
    Severity severity = Severity::Info;
    QString severityText; ///< the `severity` label as sent
    QString summary;      ///< annotation summary, else the alert name
    QString description;
    QString hostId; ///< the configured host it belongs to; empty when none matches
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    QDateTime since; ///< startsAt / activeAt
    State state = State::Firing;
    bool inhibited = false;
    QStringList silenceIds;
    QDateTime resolvedAt; ///< State::Resolved only

    [[nodiscard]] bool isActive() const { return state != State::Resolved; }
    bool operator==(const AlertEntry&) const = default;
};

/**
 * @brief The app-wide alert list: polls Alertmanager (or, when none is configured, Prometheus' own /api/v1/alerts),
 * merges alerts by fingerprint, maps them to hosts, runs the NotificationPolicy and posts through the ActionJournal;
 * creates and expires real Alertmanager silences (recorded through the journal).
 */
class AlertCenter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertCenter)
public:
    /// The first Alertmanager of @p services' config (or else the first Prometheus) and its client come from
    /// @p services.
    /// @param journal where notifications and silences are recorded (required)
    AlertCenter(ServiceDirectory* services, ActionJournal* journal, QObject* parent = nullptr);
    ~AlertCenter() override;

    /// True when some Alertmanager or Prometheus is configured.
    [[nodiscard]] bool isConfigured() const { return m_am || m_prom; }
    /// True when alerts come from Prometheus because no Alertmanager is configured (no silences then).
    [[nodiscard]] bool usingPrometheusFallback() const { return !m_am && m_prom; }
    [[nodiscard]] bool canSilence() const { return m_am != nullptr; }
    /// The Alertmanager's client (nullptr on the Prometheus fallback), for the inbox's own silences.
    [[nodiscard]] am::AlertmanagerClient* alertmanagerClient() const { return m_am; }
    [[nodiscard]] const QList<AlertEntry>& alerts() const { return m_alerts; }
    [[nodiscard]] const AlertEntry* alert(const QString& fingerprint) const;
    [[nodiscard]] const SourceStatus& status() const { return m_status; }
    /// Firing (not silenced) alerts.
    [[nodiscard]] int firingCount() const;
    /// The worst severity among firing alerts (Info when none fires).
    [[nodiscard]] AlertEntry::Severity worstSeverity() const;

    [[nodiscard]] NotificationPolicy& policy() { return m_policy; }
    /// Minimum severity (applied after the policy) and quiet hours (held by the MaintenanceManager), from the config.
    [[nodiscard]] const NotificationSettings& notificationSettings() const { return m_notifySettings; }
    void setNotificationSettings(const NotificationSettings& s);
    /// How long a resolved alert stays in the list.
    void setResolvedRetentionSeconds(qint64 s) { m_resolvedRetention = s; }
    /// The name put in silences' createdBy (default: the login name).
    void setUserName(const QString& user) { m_user = user; }
    [[nodiscard]] QString userName() const { return m_user; }

    /// Secret of a configured service (Basic/Bearer).

    void start(int intervalMs);
    void stop();
    void refresh();

    /**
     * Silences the alert @p fingerprint for @p seconds with a real Alertmanager silence (matchers = its labels,
     * comment naming the app and the user). The outcome is posted, audited and emitted with silenceFinished().
     */
    void silence(const QString& fingerprint, qint64 seconds);
    /// Expires silence @p silenceId (audited), then reads the silence again: the outcome is what Alertmanager
    /// then says (state "expired"), emitted with silenceExpired().
    void expireSilence(const QString& silenceId);
    /// Alertmanager's silences that are active or pending (not the expired ones), soonest end first; read with every
    /// poll. Empty without an Alertmanager.
    [[nodiscard]] const QList<am::Silence>& silences() const { return m_silences; }
    /// True once the silences were read at least once.
    [[nodiscard]] bool silencesRead() const { return m_silencesRead; }

signals:
    /// The list changed (the model merges by fingerprint).
    void alertsChanged();
    void statusChanged();
    /// @param ok whether Alertmanager accepted it; @p message says what happened (translated)
    void silenceFinished(const QString& fingerprint, bool ok, const QString& silenceId, const QString& message);
    /// The silences were read again (silences()).
    void silencesChanged();
    /// An expire finished: @p ok when Alertmanager then reports the silence expired; @p message translated.
    void silenceExpired(const QString& silenceId, bool ok, const QString& message);

private:
    void poll();
    void pollSilences();
    void merge(const QList<am::Alert>& current);
    void setError(const ApiError& e);
    void notify(const QList<NotificationPolicy::Decision>& decisions);
    [[nodiscard]] ActionTarget silenceTarget(const QString& hostId, const QString& id, const QString& label) const;
    [[nodiscard]] QString hostFor(const QMap<QString, QString>& labels) const;
    static am::Alert fromPrometheus(const QMap<QString, QString>& labels, const QMap<QString, QString>& annotations,
                                    const QDateTime& activeAt);

    struct ServiceRef
    {
        QString hostId;
        QString serviceId;
    };

    Config m_config;
    QPointer<ActionJournal> m_journal;
    am::AlertmanagerClient* m_am = nullptr;
    prom::PrometheusClient* m_prom = nullptr;
    ServiceRef m_amRef;
    ServiceRef m_promRef;
    QTimer* m_timer;
    QPointer<ApiCall> m_call;
    QPointer<ApiCall> m_silencesCall;
    QList<am::Silence> m_silences;
    bool m_silencesRead = false;
    QList<AlertEntry> m_alerts;
    SourceStatus m_status;
    NotificationPolicy m_policy;
    NotificationSettings m_notifySettings;
    qint64 m_resolvedRetention = 3600;
    QString m_user;
};

} // namespace hlc
