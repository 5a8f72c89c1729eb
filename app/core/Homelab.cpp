#include "core/Homelab.h"

#include "agents/AgentRunner.h"
#include "agents/LlmMonitor.h"
#include "agents/WebhookActions.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/ConfigStore.h"
#include "core/NotificationCenter.h"
#include "guests/ActionRunner.h"
#include "guests/GuestInventory.h"
#include "guests/HostMonitor.h"
#include "guests/ProxmoxClusterFeed.h"
#include "home/HomeServices.h"
#include "metrics/AlertCenter.h"
#include "metrics/MetricsMonitor.h"

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
    , m_journal(new ActionJournal(m_audit, m_notifications, this))
{
    // Every secret value read or written is one the journal must never write, wherever a server echoes it.
    m_journal->redactSecretsOf(m_secrets);
    for (const HostConfig& h : m_config.hosts) {
        auto* monitor = new HostMonitor(h, m_nam, this);
        const QString hostId = h.id;
        connect(monitor, &HostMonitor::certificateUntrusted, this,
                [this, hostId](const QString& serviceId, const QByteArray& fp, const QString& hostPort) {
                    emit certificateUntrusted(hostId, serviceId, fp, hostPort);
                });
        m_hosts << monitor;
        auto* inventory = new GuestInventory(h, monitor->proxmoxClient(), m_nam, this);
        connect(inventory, &GuestInventory::certificateUntrusted, this,
                [this, hostId](const QString& serviceId, const QByteArray& fp, const QString& hostPort) {
                    emit certificateUntrusted(hostId, serviceId, fp, hostPort);
                });
        m_inventories << inventory;
        connect(monitor, &HostMonitor::proxmoxAuthenticated, inventory, &GuestInventory::refresh);
    }
    buildClusterFeeds();
    m_actions = new ActionRunner([this](const QString& hostId) { return inventory(hostId); }, m_journal, this);
    // Ticket auth: an action refused with 401 (ticket expired, node restarted) logs in again once and is re-sent.
    m_actions->setReauthenticator([this](const QString& hostId, QObject* context, auto done) {
        HostMonitor* monitor = host(hostId);
        return monitor && monitor->reauthenticate(context, std::move(done));
    });
    m_metrics = new MetricsMonitor(m_config, m_nam, this);
    m_alertCenter = new AlertCenter(m_config, m_nam, m_journal, this);
    m_agentRunner = new AgentRunner(m_config, m_secrets, m_nam, m_journal, this);
    m_llm = new LlmMonitor(m_config, m_secrets, m_nam, m_journal, this);
    m_webhooks = new WebhookActions(m_config, m_secrets, m_nam, m_journal, this);
    m_home = new HomeServices(m_config, m_nam, m_journal, this);
}

GuestInventory* Homelab::inventory(const QString& hostId) const
{
    for (GuestInventory* i : m_inventories) {
        if (i->hostId() == hostId)
            return i;
    }
    return nullptr;
}

Homelab::~Homelab() = default;

void Homelab::buildClusterFeeds()
{
    // Hosts whose Proxmox service names the same cluster are nodes of it: one GET /cluster/resources per refresh
    // serves them all. A host without a cluster name polls its own API as before.
    for (GuestInventory* inv : m_inventories) {
        const HostConfig* h = m_config.host(inv->hostId());
        if (!h || !inv->hasProxmox())
            continue;
        QString cluster;
        for (const ServiceConfig& s : h->services) {
            if (s.kind == ServiceKind::Proxmox) { // the first one, as HostMonitor and GuestInventory use
                cluster = s.proxmoxCluster;
                break;
            }
        }
        if (cluster.isEmpty())
            continue;
        ProxmoxClusterFeed* feed = clusterFeed(cluster);
        if (!feed) {
            feed = new ProxmoxClusterFeed(cluster, this);
            m_feeds << feed;
        }
        feed->addMember(inv);
    }
    for (const ProxmoxClusterFeed* f : std::as_const(m_feeds))
        qCInfo(lcHomelab) << "cluster" << f->clusterName() << "polled once for" << f->members().size() << "hosts";
}

ProxmoxClusterFeed* Homelab::clusterFeed(const QString& cluster) const
{
    for (ProxmoxClusterFeed* f : m_feeds) {
        if (f->clusterName() == cluster)
            return f;
    }
    return nullptr;
}

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
    // Metrics and alerts start at once (no auth in the common case); a secret read later is applied when it comes.
    m_metrics->start(m_config.refreshIntervalMs);
    m_alertCenter->start(m_config.refreshIntervalMs);
    m_agentRunner->start(m_config.refreshIntervalMs);
    m_llm->start(m_config.refreshIntervalMs);
    m_home->start(m_config.refreshIntervalMs);
    for (HostMonitor* h : m_hosts) {
        bool needsSecret = false;
        for (const ServiceConfig& s : h->host().services) {
            if (s.auth != AuthScheme::None) {
                needsSecret = true;
                loadSecret(h, s);
            }
        }
        if (!needsSecret) {
            h->start(m_config.refreshIntervalMs);
            if (GuestInventory* inv = inventory(h->hostId()))
                inv->start(m_config.refreshIntervalMs);
        }
    }
}

void Homelab::stop()
{
    m_started = false;
    m_metrics->stop();
    m_alertCenter->stop();
    m_agentRunner->stop();
    m_llm->stop();
    m_home->stop();
    for (HostMonitor* h : m_hosts)
        h->stop();
    for (GuestInventory* i : m_inventories)
        i->stop();
}

void Homelab::refreshAll()
{
    m_metrics->refresh();
    m_alertCenter->refresh();
    m_agentRunner->refresh();
    m_llm->refresh();
    m_home->refresh();
    for (HostMonitor* h : m_hosts)
        h->refresh();
    for (GuestInventory* i : m_inventories)
        i->refresh();
}

void Homelab::loadSecret(HostMonitor* host, const ServiceConfig& service)
{
    const QString serviceId = service.id;
    m_secrets->read(secretKey(host->hostId(), serviceId), host, [this, host, serviceId](const SecretResult& r) {
        if (r.ok()) {
            host->setSecret(serviceId, r.secret);
            m_metrics->setSecret(host->hostId(), serviceId, r.secret);
            m_alertCenter->setSecret(host->hostId(), serviceId, r.secret);
            m_home->setSecret(host->hostId(), serviceId, r.secret);
            if (GuestInventory* inv = inventory(host->hostId()))
                inv->setSecret(serviceId, r.secret);
        } else {
            ApiError e;
            e.kind = ApiError::Kind::Config;
            e.message =
                r.status == SecretResult::Status::NotFound
                    ? QCoreApplication::translate("hlc::Homelab", "No secret stored for this service yet: enter it.")
                    : r.message;
            e.detail = QStringLiteral("secret for %1/%2 unavailable").arg(host->hostId(), serviceId);
            host->setSourceError(serviceId, e);
            m_home->setSourceError(host->hostId(), serviceId, e);
        }
        if (m_started)
            host->start(m_config.refreshIntervalMs);
        if (GuestInventory* inv = inventory(host->hostId()); inv && m_started)
            inv->start(m_config.refreshIntervalMs);
    });
}

void Homelab::setSecret(const QString& hostId, const QString& serviceId, const QString& secret)
{
    HostMonitor* h = host(hostId);
    if (!h)
        return;
    h->setSecret(serviceId, secret);
    h->refresh();
    m_metrics->setSecret(hostId, serviceId, secret);
    m_alertCenter->setSecret(hostId, serviceId, secret);
    m_home->setSecret(hostId, serviceId, secret);
    if (m_agentRunner->hostId() == hostId && serviceId == QLatin1String("agents"))
        m_agentRunner->setSecret(secret);
    if (GuestInventory* inv = inventory(hostId)) {
        inv->setSecret(serviceId, secret);
        inv->refresh();
    }
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
    if (GuestInventory* inv = inventory(hostId))
        inv->setPinnedCertificate(serviceId, sha256Hex);
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
