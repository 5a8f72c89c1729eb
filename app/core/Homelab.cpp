#include "core/Homelab.h"

#include "agents/AgentRunner.h"
#include "agents/LlmMonitor.h"
#include "agents/WebhookActions.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/ConfigStore.h"
#include "core/NotificationCenter.h"
#include "core/PollPacer.h"
#include "core/ServiceDirectory.h"
#include "guests/ActionRunner.h"
#include "guests/GuestInventory.h"
#include "guests/HostMonitor.h"
#include "guests/ProxmoxClusterFeed.h"
#include "home/AdGuardMonitor.h"
#include "home/HomeServices.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertInbox.h"
#include "metrics/MaintenanceManager.h"
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
    , m_audit(new AuditLog(AuditLog::defaultDir() + (m_configPath.isEmpty() ? QStringLiteral("/demo-audit.jsonl")
                                                                            : QStringLiteral("/audit.jsonl")),
                           this))
    , m_notifications(new NotificationCenter(this))
    , m_journal(new ActionJournal(m_audit, m_notifications, this))
    , m_services(new ServiceDirectory(m_config, m_secrets, m_nam, this))
{
    // Every secret value read or written is one the journal must never write, wherever a server echoes it.
    m_journal->redactSecretsOf(m_secrets);
    connect(m_services, &ServiceDirectory::configChanged, this, [this](const Config& changed) {
        m_config = changed;
        saveConfig();
    });
    connect(m_services, &ServiceDirectory::secretNotStored, this,
            [this](const QString&, const QString&, const QString& message) { emit notice(message); });
    connect(m_services, &ServiceDirectory::secretApplied, this,
            [this](const QString& hostId, const QString& serviceId) { secretSettled(hostId, serviceId); });
    connect(m_services, &ServiceDirectory::secretUnavailable, this,
            [this](const QString& hostId, const QString& serviceId, const ApiError& error) {
                if (HostMonitor* h = host(hostId))
                    h->setSourceError(serviceId, error);
                secretSettled(hostId, serviceId);
            });
    connect(m_services, &ServiceDirectory::certificateTrusted, this, [this](const QString& hostId, const QString&) {
        if (HostMonitor* h = host(hostId))
            h->refresh();
        if (GuestInventory* inv = inventory(hostId))
            inv->refresh();
    });
    for (const HostConfig& h : m_config.hosts) {
        auto* monitor = new HostMonitor(h, m_services, this);
        m_hosts << monitor;
        auto* inventory = new GuestInventory(h, m_services, this);
        m_inventories << inventory;
        connect(monitor, &HostMonitor::proxmoxAuthenticated, inventory, &GuestInventory::refresh);
        // The cluster's node list (fresh, possibly answered by another node) says whether this node is down.
        connect(inventory, &GuestInventory::guestsUpdated, monitor, [monitor, inventory] {
            bool offline = false;
            if (inventory->guestsStatus().state == SourceStatus::State::Ok) {
                for (const pve::Resource& n : inventory->clusterNodes()) {
                    if (n.node == inventory->proxmoxNode())
                        offline = n.status == QLatin1String("offline");
                }
            }
            monitor->setClusterReportsOffline(offline);
        });
    }
    buildClusterFeeds();
    m_actions = new ActionRunner([this](const QString& hostId) { return inventory(hostId); }, m_journal, this);
    // Ticket auth: an action refused with 401 (ticket expired, node restarted) logs in again once and is re-sent.
    m_actions->setReauthenticator([this](const QString& hostId, QObject* context, auto done) {
        HostMonitor* monitor = host(hostId);
        return monitor && monitor->reauthenticate(context, std::move(done));
    });
    m_metrics = new MetricsMonitor(m_services, this);
    m_alertCenter = new AlertCenter(m_services, m_journal, this);
    m_agentRunner = new AgentRunner(m_services, m_journal, this);
    m_llm = new LlmMonitor(m_services, m_journal, this);
    m_webhooks = new WebhookActions(m_services, m_journal, this);
    m_home = new HomeServices(m_services, m_journal, this);
    // Acknowledgements and snoozes are kept next to the audit log; demo mode keeps them for the session only.
    m_inbox = new AlertInbox(m_journal, m_configPath.isEmpty() ? QString() : AlertInbox::defaultStatePath(false), this);
    QHash<QString, QString> names;
    for (const HostConfig& h : m_config.hosts)
        names.insert(h.id, h.name.isEmpty() ? h.id : h.name);
    m_inbox->setHostNames(names);
    m_inbox->setAlertCenter(m_alertCenter);
    for (GuestInventory* inv : std::as_const(m_inventories))
        m_inbox->addInventory(inv);
    m_inbox->setHealthProber(m_home->health());
    m_inbox->setServiceDirectory(m_services);
    m_inbox->setAgentRunner(m_agentRunner);
    m_maintenance =
        new MaintenanceManager(m_journal, m_notifications,
                               m_configPath.isEmpty() ? QString() : MaintenanceManager::defaultStatePath(false), this);
    m_maintenance->setConfig(m_config);
    m_maintenance->setAlertCenter(m_alertCenter);
    m_maintenance->setAutomationSwitch(m_home);
    m_inbox->setMaintenance(m_maintenance);
}

GuestInventory* Homelab::inventory(const QString& hostId) const
{
    for (GuestInventory* i : m_inventories) {
        if (i->hostId() == hostId)
            return i;
    }
    return nullptr;
}

Homelab::~Homelab()
{
    // The home services go first (children are deleted in the order they were made): no turn-on after that.
    m_maintenance->setAutomationSwitch(nullptr);
}

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
    m_services->start(); // reads every secret once; secretSettled() starts the hosts that wait for one
    // Metrics and alerts start at once (no auth in the common case); a secret read later is already in their client.
    m_metrics->start(m_config.refreshIntervalMs);
    m_alertCenter->start(m_config.refreshIntervalMs);
    m_agentRunner->start(m_config.refreshIntervalMs);
    m_llm->start(m_config.refreshIntervalMs);
    m_home->start(m_config.refreshIntervalMs);
    for (HostMonitor* h : m_hosts) {
        bool needsSecret = false;
        for (const ServiceConfig& s : h->host().services) {
            if (m_services->secretState(h->hostId(), s.id) == ServiceDirectory::SecretState::Pending)
                needsSecret = true;
        }
        if (!needsSecret) {
            h->start(m_config.refreshIntervalMs);
            if (GuestInventory* inv = inventory(h->hostId()))
                inv->start(m_config.refreshIntervalMs);
        }
    }
}

void Homelab::setInBackground(bool background)
{
    if (background == m_inBackground)
        return;
    m_inBackground = background;
    for (HostMonitor* h : std::as_const(m_hosts))
        h->pacer()->setBackground(background);
    m_metrics->pacer()->setBackground(background);
    m_llm->pacer()->setBackground(background);
    for (AdGuardMonitor* a : m_home->adGuards())
        a->pacer()->setBackground(background);
    qCInfo(lcHomelab) << (background ? "window closed to the tray: view-only polls slow down"
                                     : "window shown: every poll at its pace");
}

void Homelab::secretSettled(const QString& hostId, const QString& serviceId)
{
    Q_UNUSED(serviceId)
    // As before the directory: each secret read (or typed in) (re)starts the host's polls with it.
    HostMonitor* h = host(hostId);
    if (!h || !m_started)
        return;
    // Only once none of the host's secrets is still being read: a poll that starts with the first secret read fails
    // on the next one ("secret missing"), and its answer arrives too late for the restart that follows, so the demo's
    // Portainer showed "not available" for a refresh interval after every start.
    for (const ServiceConfig& s : h->host().services) {
        if (m_services->secretState(h->hostId(), s.id) == ServiceDirectory::SecretState::Pending)
            return;
    }
    h->start(m_config.refreshIntervalMs);
    if (GuestInventory* inv = inventory(hostId))
        inv->start(m_config.refreshIntervalMs);
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

void Homelab::setSecret(const QString& hostId, const QString& serviceId, const QString& secret)
{
    m_services->setSecret(hostId, serviceId, secret);
}

void Homelab::trustCertificate(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex)
{
    m_services->trustCertificate(hostId, serviceId, sha256Hex);
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
