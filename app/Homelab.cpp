#include "Homelab.h"

#include "AuditLog.h"
#include "ConfigStore.h"
#include "HostMonitor.h"
#include "NotificationCenter.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcHomelab, "hlc.app.homelab")

namespace hlc {

Homelab::Homelab(Config config, QString configPath, SecretStore* secrets, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_configPath(std::move(configPath))
    , m_secrets(secrets)
    , m_nam(nam)
    // Demo actions hit the simulator, not the homelab: keep them out of the real audit log.
    , m_audit(new AuditLog(
          QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
              (m_configPath.isEmpty() ? QStringLiteral("/demo-audit.jsonl") : QStringLiteral("/audit.jsonl")),
          this))
    , m_notifications(new NotificationCenter(this))
{
    for (const HostConfig& h : m_config.hosts) {
        auto* monitor = new HostMonitor(h, m_nam, this);
        const QString hostId = h.id;
        connect(monitor, &HostMonitor::certificateUntrusted, this,
                [this, hostId](const QString& serviceId, const QByteArray& fp, const QString& hostPort) {
                    emit certificateUntrusted(hostId, serviceId, fp, hostPort);
                });
        m_hosts << monitor;
    }
}

Homelab::~Homelab() = default;

HostMonitor* Homelab::host(const QString& id) const
{
    for (HostMonitor* h : m_hosts) {
        if (h->hostId() == id)
            return h;
    }
    return nullptr;
}

void Homelab::start()
{
    m_started = true;
    for (HostMonitor* h : m_hosts) {
        bool needsSecret = false;
        for (const ServiceConfig& s : h->host().services) {
            if (s.auth != AuthScheme::None) {
                needsSecret = true;
                loadSecret(h, s);
            }
        }
        if (!needsSecret)
            h->start(m_config.refreshIntervalMs);
    }
}

void Homelab::stop()
{
    m_started = false;
    for (HostMonitor* h : m_hosts)
        h->stop();
}

void Homelab::refreshAll()
{
    for (HostMonitor* h : m_hosts)
        h->refresh();
}

void Homelab::loadSecret(HostMonitor* host, const ServiceConfig& service)
{
    const QString serviceId = service.id;
    m_secrets->read(secretKey(host->hostId(), serviceId), host, [this, host, serviceId](const SecretResult& r) {
        if (r.ok()) {
            host->setSecret(serviceId, r.secret);
        } else {
            ApiError e;
            e.kind = ApiError::Kind::Config;
            e.message =
                r.status == SecretResult::Status::NotFound
                    ? QCoreApplication::translate("hlc::Homelab", "No secret stored for this service yet: enter it.")
                    : r.message;
            e.detail = QStringLiteral("secret for %1/%2 unavailable").arg(host->hostId(), serviceId);
            host->setSourceError(serviceId, e);
        }
        if (m_started)
            host->start(m_config.refreshIntervalMs);
    });
}

void Homelab::setSecret(const QString& hostId, const QString& serviceId, const QString& secret)
{
    HostMonitor* h = host(hostId);
    if (!h)
        return;
    h->setSecret(serviceId, secret);
    h->refresh();
    m_secrets->write(secretKey(hostId, serviceId), secret, this, [this](const SecretResult& r) {
        if (!r.ok())
            emit notice(r.message);
    });
}

void Homelab::trustCertificate(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex)
{
    HostMonitor* h = host(hostId);
    if (!h)
        return;
    h->setPinnedCertificate(serviceId, sha256Hex);
    for (HostConfig& hc : m_config.hosts) {
        if (hc.id != hostId)
            continue;
        for (ServiceConfig& s : hc.services) {
            if (s.id == serviceId)
                s.pinnedSha256 = sha256Hex.toLower();
        }
    }
    saveConfig();
    h->refresh();
}

void Homelab::saveConfig()
{
    if (m_configPath.isEmpty())
        return;
    if (const auto err = ConfigStore::save(m_config, m_configPath)) {
        qCWarning(lcHomelab) << "config not saved:" << err->toString();
        emit notice(QCoreApplication::translate("hlc::Homelab", "The configuration could not be saved: %1")
                        .arg(err->toString()));
    }
}

} // namespace hlc
