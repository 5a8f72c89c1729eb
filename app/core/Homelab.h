#pragma once

#include "core/Config.h"
#include "core/SecretStore.h"

#include <QList>
#include <QObject>

class QNetworkAccessManager;

namespace hlc {

class ActionJournal;
class AgentRunner;
class AlertCenter;
class AlertInbox;
class MaintenanceManager;
class AuditLog;
class ActionRunner;
class GuestInventory;
class HomeServices;
class HostMonitor;
class LlmMonitor;
class MetricsMonitor;
class NotificationCenter;
class ProxmoxClusterFeed;
class ServiceDirectory;
class WebhookActions;

/**
 * @brief The application's live model of the homelab: the configuration, the service clients (one
 * ServiceDirectory), one HostMonitor per host and the other subsystems. Widgets read it and ask it for changes; it
 * never touches a widget.
 */
class Homelab final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Homelab)
public:
    /// @param configPath where the config lives; empty: not saved (demo mode)
    Homelab(Config config, QString configPath, SecretStore* secrets, QNetworkAccessManager* nam,
            QObject* parent = nullptr);
    ~Homelab() override;

    [[nodiscard]] const Config& config() const { return m_config; }
    [[nodiscard]] QString configPath() const { return m_configPath; }
    [[nodiscard]] const QList<HostMonitor*>& hosts() const { return m_hosts; }
    [[nodiscard]] HostMonitor* host(const QString& id) const;
    [[nodiscard]] SecretStore* secrets() const { return m_secrets; }
    /// The one owner of every service's client, secret and certificate pin; says when a service needs the user.
    [[nodiscard]] ServiceDirectory* services() const { return m_services; }
    [[nodiscard]] QNetworkAccessManager* networkManager() const { return m_nam; }
    /// Where every action's outcome is recorded (JSON lines in the app's data folder).
    [[nodiscard]] AuditLog* audit() const { return m_audit; }
    /// Where notifications go (the tray shows them).
    [[nodiscard]] NotificationCenter* notifications() const { return m_notifications; }
    /// Records every action's request and outcome (audit lines and the notification), secrets redacted.
    [[nodiscard]] ActionJournal* journal() const { return m_journal; }
    /// Node metrics of every host from Prometheus (charts, target health).
    [[nodiscard]] MetricsMonitor* metrics() const { return m_metrics; }
    /// The app-wide alert list (Alertmanager, or Prometheus as fallback) and its notification policy.
    [[nodiscard]] AlertCenter* alerts() const { return m_alertCenter; }
    /// Everything that needs the operator, from every source, with acknowledge and snooze (Inbox tab, tray).
    [[nodiscard]] AlertInbox* inbox() const { return m_inbox; }
    /// Maintenance windows and quiet hours: hold notifications, silence a host's alerts for a window.
    [[nodiscard]] MaintenanceManager* maintenance() const { return m_maintenance; }
    /// The guests, stacks and containers of host @p hostId (nullptr for an unknown host).
    [[nodiscard]] GuestInventory* inventory(const QString& hostId) const;
    /// The one /cluster/resources poll of the hosts whose Proxmox services name @p cluster (nullptr: no such cluster).
    [[nodiscard]] ProxmoxClusterFeed* clusterFeed(const QString& cluster) const;
    [[nodiscard]] const QList<ProxmoxClusterFeed*>& clusterFeeds() const { return m_feeds; }
    /// Runs start/stop/... actions and follows them to their outcome.
    [[nodiscard]] ActionRunner* actions() const { return m_actions; }
    /// Agent runs (the agent platform API): start, follow, cancel, history.
    [[nodiscard]] AgentRunner* agents() const { return m_agentRunner; }
    /// GPU metrics and Ollama load.
    [[nodiscard]] LlmMonitor* llm() const { return m_llm; }
    /// n8n webhook quick actions.
    [[nodiscard]] WebhookActions* webhooks() const { return m_webhooks; }
    /// AdGuard Home, Home Assistant and the health of every service (HealthProber: down counts, tray tooltip).
    [[nodiscard]] HomeServices* home() const { return m_home; }
    /// True when running on the built-in simulator. Set explicitly by whoever started the simulator: an empty
    /// configPath() alone also means "a config that failed to load" or "not saved" (tests).
    [[nodiscard]] bool isDemo() const { return m_demo; }
    void setDemo(bool demo) { m_demo = demo; }

    /// Reads every service's secret, then starts polling.
    void start();
    void stop();
    void refreshAll();
    /// The window was closed to the tray (true) or shown again (false): the polls whose data only the window shows
    /// (host and GPU figures, metrics, AdGuard statistics) slow down PollPacer::kBackgroundFactor times; what the tray
    /// needs (alerts, health probes, agent runs, containers) keeps its pace.
    void setInBackground(bool background);
    [[nodiscard]] bool inBackground() const { return m_inBackground; }

    /// Same as services()->setSecret().
    void setSecret(const QString& hostId, const QString& serviceId, const QString& secret);
    /// Same as services()->trustCertificate() (the config is saved on ServiceDirectory::configChanged()).
    void trustCertificate(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex);

signals:
    /// A message for the status bar / a banner: something that concerns the whole app (config save failed, ...).
    void notice(const QString& message);

private:
    /// The secret of (host, service) was read (or could not be): starts that host's polls when they waited for it.
    void secretSettled(const QString& hostId, const QString& serviceId);
    void buildClusterFeeds();
    void saveConfig();

    Config m_config;
    QString m_configPath;
    bool m_inBackground = false;
    SecretStore* m_secrets;
    QNetworkAccessManager* m_nam;
    QList<HostMonitor*> m_hosts;
    AuditLog* m_audit;
    NotificationCenter* m_notifications;
    ActionJournal* m_journal;
    ServiceDirectory* m_services;
    MetricsMonitor* m_metrics = nullptr;
    AlertCenter* m_alertCenter = nullptr;
    AlertInbox* m_inbox = nullptr;
    MaintenanceManager* m_maintenance = nullptr;
    QList<GuestInventory*> m_inventories;
    QList<ProxmoxClusterFeed*> m_feeds;
    ActionRunner* m_actions = nullptr;
    AgentRunner* m_agentRunner = nullptr;
    LlmMonitor* m_llm = nullptr;
    WebhookActions* m_webhooks = nullptr;
    HomeServices* m_home = nullptr;
    bool m_started = false;
    bool m_demo = false;
};

} // namespace hlc
