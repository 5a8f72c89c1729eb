#include "guests/GuestInventory.h"

#include "core/ServiceDirectory.h"
#include "guests/ProxmoxClusterFeed.h"
#include "portainer/PortainerClient.h"
#include "proxmox/ProxmoxClient.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcInventory, "hlc.app.inventory")

namespace hlc {

GuestInventory::GuestInventory(const HostConfig& host, ServiceDirectory* services, QObject* parent)
    : QObject(parent)
    , m_host(host)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &GuestInventory::onTimer);
    for (const ServiceConfig& s : m_host.services) {
        if (s.kind == ServiceKind::Proxmox && m_node.isEmpty()) { // the first one, as HostMonitor uses
            m_node = s.proxmoxNode.isEmpty() ? m_host.name : s.proxmoxNode;
            m_proxmox = services->proxmox(m_host.id, s.id);
        }
    }
    if (const ServiceConfig* s = portainerService())
        m_portainer = services->portainer(m_host.id, s->id);
}

GuestInventory::~GuestInventory() = default;

const ServiceConfig* GuestInventory::portainerService() const
{
    for (const ServiceConfig& s : m_host.services) {
        if (s.kind == ServiceKind::Portainer)
            return &s;
    }
    return nullptr;
}

ProxmoxClusterFeed* GuestInventory::clusterFeed() const
{
    return m_feed;
}

int GuestInventory::portainerEnvironment() const
{
    const ServiceConfig* s = portainerService();
    return s ? s->portainerEndpointId : 0;
}

int GuestInventory::runningGuests() const
{
    return static_cast<int>(std::count_if(m_guests.cbegin(), m_guests.cend(),
                                          [](const pve::Resource& g) { return g.status == QLatin1String("running"); }));
}

int GuestInventory::stoppedGuests() const
{
    return static_cast<int>(std::count_if(m_guests.cbegin(), m_guests.cend(),
                                          [](const pve::Resource& g) { return g.status == QLatin1String("stopped"); }));
}

int GuestInventory::activeStacks() const
{
    return static_cast<int>(
        std::count_if(m_stacks.cbegin(), m_stacks.cend(), [](const portainer::Stack& s) { return s.active(); }));
}

int GuestInventory::stoppedContainers() const
{
    return static_cast<int>(std::count_if(m_containers.cbegin(), m_containers.cend(),
                                          [](const portainer::Container& c) { return c.stopped(); }));
}

void GuestInventory::containerLogs(const QString& containerId, int tail, QObject* context,
                                   std::function<void(const QStringList&, const QString&)> done)
{
    if (!m_portainer || portainerEnvironment() <= 0) {
        done({}, tr("No Portainer environment is configured for this host."));
        return;
    }
    m_portainer->containerLogs(portainerEnvironment(), containerId, tail, context,
                               [done = std::move(done)](Result<QStringList> r) {
                                   if (r.ok())
                                       done(r.value(), QString());
                                   else
                                       done({}, r.error().message);
                               });
}

void GuestInventory::start(int intervalMs)
{
    const int interval = std::max(500, intervalMs);
    m_timer->start(interval);
    if (m_feed)
        m_feed->memberStarted(this, interval);
    refresh();
}

void GuestInventory::stop()
{
    m_timer->stop();
    for (const QPointer<ApiCall>& c : {m_guestsCall, m_stacksCall, m_containersCall}) {
        if (c)
            c->cancel();
    }
    if (m_feed)
        m_feed->memberStopped(this);
}

void GuestInventory::refresh()
{
    if (m_feed)
        m_feed->refresh(this);
    else
        pollGuests();
    pollPortainer();
}

void GuestInventory::onTimer()
{
    // A cluster member's guests come on the feed's own timer: one request per interval for every node.
    if (!m_feed)
        pollGuests();
    pollPortainer();
}

void GuestInventory::setClusterFeed(ProxmoxClusterFeed* feed)
{
    m_feed = feed;
    if (m_guestsCall)
        m_guestsCall->cancel();
}

void GuestInventory::guestsAttempted()
{
    m_guestsStatus.lastAttempt = QDateTime::currentDateTimeUtc();
}

void GuestInventory::pollGuests()
{
    if (!m_proxmox || m_guestsCall)
        return;
    const Credentials& auth = m_proxmox->endpoint().credentials;
    if (auth.scheme == AuthScheme::PveTicket && auth.secret.isEmpty())
        return; // ticket auth: the HostMonitor logs in first (its proxmoxAuthenticated() triggers a refresh)
    guestsAttempted();
    // One request for the whole cluster: every guest and node, no per-guest calls.
    m_guestsCall = m_proxmox->clusterResources(QString(), this, [this](Result<QList<pve::Resource>> r) {
        m_guestsCall.clear();
        if (!r.ok() && r.error().kind == ApiError::Kind::Cancelled)
            return;
        applyClusterResources(r);
    });
}

void GuestInventory::applyClusterResources(const Result<QList<pve::Resource>>& r)
{
    if (!r.ok()) {
        qCInfo(lcInventory) << m_host.id << "guests failed:" << r.error().detail;
        m_guestsStatus.state = SourceStatus::State::Error;
        m_guestsStatus.error = r.error();
        emit guestsUpdated();
        return;
    }
    QList<pve::Resource> guests;
    QList<pve::Resource> nodes;
    int unreadable = 0;
    for (const pve::Resource& x : r.value()) {
        if (x.unreadable) {
            // Never dropped silently: counted for the panel, the detail in the log.
            ++unreadable;
            qCWarning(lcInventory) << m_host.id << "/cluster/resources entry not readable:" << x.problem << "type"
                                   << x.type << "node" << x.node;
            continue;
        }
        if (x.isGuest() && (m_node.isEmpty() || x.node == m_node))
            guests << x;
        else if (x.type == QLatin1String("node"))
            nodes << x;
    }
    m_guests = std::move(guests);
    m_nodes = std::move(nodes);
    m_unreadable = unreadable;
    m_guestsStatus.state = SourceStatus::State::Ok;
    m_guestsStatus.error = {};
    m_guestsStatus.lastSuccess = QDateTime::currentDateTimeUtc();
    emit guestsUpdated();
}

void GuestInventory::pollPortainer()
{
    if (!m_portainer || m_stacksCall || m_containersCall)
        return;
    m_portainerStatus.lastAttempt = QDateTime::currentDateTimeUtc();
    m_portainerPending = 2;
    m_portainerError.reset();
    const int env = portainerEnvironment();
    m_stacksCall = m_portainer->stacks(this, [this, env](Result<QList<portainer::Stack>> r) {
        m_stacksCall.clear();
        if (r.ok()) {
            QList<portainer::Stack> mine;
            for (const portainer::Stack& s : r.value()) {
                if (env == 0 || s.endpointId == env)
                    mine << s;
            }
            m_stacks = std::move(mine);
        } else {
            m_portainerError = r.error();
        }
        portainerPartDone();
    });
    if (env > 0) {
        m_containersCall = m_portainer->containers(env, this, [this](Result<QList<portainer::Container>> r) {
            m_containersCall.clear();
            if (r.ok())
                m_containers = std::move(r).value();
            else if (!m_portainerError)
                m_portainerError = r.error();
            portainerPartDone();
        });
    } else {
        portainerPartDone();
    }
}

void GuestInventory::portainerPartDone()
{
    if (--m_portainerPending > 0)
        return;
    if (m_portainerError) {
        if (m_portainerError->kind == ApiError::Kind::Cancelled)
            return;
        qCInfo(lcInventory) << m_host.id << "portainer failed:" << m_portainerError->detail;
        m_portainerStatus.state = SourceStatus::State::Error;
        m_portainerStatus.error = *m_portainerError;
    } else {
        m_portainerStatus.state = SourceStatus::State::Ok;
        m_portainerStatus.error = {};
        m_portainerStatus.lastSuccess = QDateTime::currentDateTimeUtc();
    }
    emit portainerUpdated();
}

} // namespace hlc
