#pragma once

#include "Config.h"
#include "SecretStore.h"

#include <QList>
#include <QObject>

class QNetworkAccessManager;

namespace hlc {

class AuditLog;
class HostMonitor;
class NotificationCenter;

/**
 * @brief The application's live model of the homelab: the configuration, one HostMonitor per host, and the
 * secrets they need. Widgets read it and ask it for changes; it never touches a widget.
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
    [[nodiscard]] QNetworkAccessManager* networkManager() const { return m_nam; }
    /// Where every action's outcome is recorded (JSON lines in the app's data folder).
    [[nodiscard]] AuditLog* audit() const { return m_audit; }
    /// Where notifications go (the tray shows them).
    [[nodiscard]] NotificationCenter* notifications() const { return m_notifications; }
    /// True when running on the built-in simulator (no config file).
    [[nodiscard]] bool isDemo() const { return m_configPath.isEmpty(); }

    /// Reads every service's secret, then starts polling.
    void start();
    void stop();
    void refreshAll();

    /// The user typed a secret: stores it (keychain, or memory in session-only mode) and uses it at once.
    void setSecret(const QString& hostId, const QString& serviceId, const QString& secret);
    /// The user trusts the certificate with @p sha256Hex for that service: pins it and saves the config.
    void trustCertificate(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex);

signals:
    /// A message for the status bar / a banner: something that concerns the whole app (config save failed, ...).
    void notice(const QString& message);
    void certificateUntrusted(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex,
                              const QString& hostPort);

private:
    void loadSecret(HostMonitor* host, const ServiceConfig& service);
    void saveConfig();

    Config m_config;
    QString m_configPath;
    SecretStore* m_secrets;
    QNetworkAccessManager* m_nam;
    QList<HostMonitor*> m_hosts;
    AuditLog* m_audit;
    NotificationCenter* m_notifications;
    bool m_started = false;
};

} // namespace hlc
