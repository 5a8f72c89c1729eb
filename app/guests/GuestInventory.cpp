#include "guests/GuestInventory.h"

#include "core/ServiceDirectory.h"
#include "guests/ProxmoxClusterFeed.h"
#include "portainer/PortainerClient.h"
#include "proxmox/ProxmoxClient.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

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

QList<pve::Resource> GuestInventory::stoppedOnbootGuests() const
{
    QList<pve::Resource> out;
    for (const pve::Resource& g : m_guests) {
        const QDateTime since = m_stoppedSince.value(g.vmid);
        if (g.status == QLatin1String("stopped") && !g.isTemplate && m_onboot.value(g.vmid).onboot && since.isValid() &&
            since.secsTo(QDateTime::currentDateTimeUtc()) >= m_onbootGraceSecs)
            out << g;
    }
    return out;
}

qint64 GuestInventory::uptimeFromStatus(const QString& status)
{
    static const QRegularExpression re(
        QStringLiteral("^Up (Less than a second|About a minute|About an hour|(\\d+) (second|minute|hour|day|week|month|"
                       "year)s?)"));
    const QRegularExpressionMatch m = re.match(status);
    if (!m.hasMatch())
        return -1;
    const QString what = m.captured(1);
    if (what == QLatin1String("Less than a second"))
        return 0;
    if (what == QLatin1String("About a minute"))
        return 60;
    if (what == QLatin1String("About an hour"))
        return 3600;
    const qint64 n = m.captured(2).toLongLong();
    const QString unit = m.captured(3);
    if (unit == QLatin1String("second"))
        return n;
    if (unit == QLatin1String("minute"))
        return n * 60;
    if (unit == QLatin1String("hour"))
        return n * 3600;
    if (unit == QLatin1String("day"))
        return n * 86400;
    if (unit == QLatin1String("week"))
        return n * 7 * 86400;
    if (unit == QLatin1String("month"))
        return n * 30 * 86400;
    return n * 365 * 86400;
}

QList<GuestInventory::ContainerRestarts> GuestInventory::risingRestartCounts() const
{
    QList<ContainerRestarts> out;
    for (const portainer::Container& c : m_containers) {
        const auto w = m_restarts.constFind(c.id);
        if (w != m_restarts.cend() && w->risen)
            out << ContainerRestarts{c.id, c.name, w->knownCount, w->since, w->startedAt};
    }
    return out;
}

void GuestInventory::watchRestarts()
{
    const int env = portainerEnvironment();
    if (!m_portainer || env <= 0)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool changed = false;
    QHash<QString, Seen> seen;
    for (const portainer::Container& c : std::as_const(m_containers)) {
        const Seen cur{c.state, c.running() ? uptimeFromStatus(c.status) : -1};
        seen.insert(c.id, cur);
        const auto prev = m_lastSeen.constFind(c.id);
        bool suspect = false;
        if (prev != m_lastSeen.cend()) {
            const bool turned = (c.state == QLatin1String("restarting") || c.running()) && prev->state != c.state;
            const bool wentBack = c.running() && prev->state == c.state && cur.uptime >= 0 && prev->uptime >= 0 &&
                                  cur.uptime < prev->uptime;
            suspect = turned || wentBack;
        }
        // A rise ends once the container has run long enough without another restart.
        if (auto w = m_restarts.find(c.id); w != m_restarts.end() && w->risen && c.running() && !suspect) {
            const qint64 up = w->startedAt.isValid() ? w->startedAt.secsTo(now) : cur.uptime;
            if (up >= m_restartStableSecs) {
                w->risen = false;
                w->since = {};
                changed = true;
            }
        }
        if (!suspect || m_inspectPending.contains(c.id))
            continue;
        m_inspectPending.insert(c.id);
        ++m_inspections;
        const QString id = c.id;
        m_portainer->inspectContainer(env, id, this, [this, id](Result<portainer::ContainerInspect> r) {
            m_inspectPending.remove(id);
            if (!r.ok()) {
                if (r.error().kind != ApiError::Kind::Cancelled)
                    qCInfo(lcInventory) << m_host.id << "inspect of" << id << "failed:" << r.error().detail;
                return;
            }
            const portainer::ContainerInspect& x = r.value();
            RestartWatch& w = m_restarts[id];
            // Without an earlier count, any restart by the policy counts (a user's start resets it to 0).
            const bool rose = w.knownCount >= 0 ? x.restartCount > w.knownCount : x.restartCount > 0;
            const bool before = w.risen;
            if (rose) {
                w.risen = true;
                if (!w.since.isValid())
                    w.since = QDateTime::currentDateTimeUtc();
            }
            w.knownCount = x.restartCount;
            w.name = x.name;
            w.startedAt = x.startedAt;
            if (rose || before != w.risen)
                emit restartsUpdated();
        });
    }
    // Containers that are gone take their watch with them.
    for (auto it = m_restarts.begin(); it != m_restarts.end();) {
        if (!seen.contains(it.key())) {
            changed = changed || it->risen;
            it = m_restarts.erase(it);
        } else {
            ++it;
        }
    }
    m_lastSeen = std::move(seen);
    if (changed)
        emit restartsUpdated();
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
    for (const QPointer<ApiCall>& c : {m_guestsCall, m_stacksCall, m_containersCall, m_tasksCall}) {
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
    pollProxmoxAttention();
}

void GuestInventory::pollProxmoxAttention()
{
    if (!m_proxmox || m_node.isEmpty())
        return;
    const Credentials& auth = m_proxmox->endpoint().credentials;
    if (auth.scheme == AuthScheme::PveTicket && auth.secret.isEmpty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // onboot of stopped guests: a running guest's flag does not matter, and its entry is dropped so that the next
    // stop reads the configuration again (it may have changed meanwhile).
    bool changed = false;
    QSet<int> stopped;
    for (const pve::Resource& g : std::as_const(m_guests)) {
        if (g.status == QLatin1String("stopped") && !g.isTemplate)
            stopped.insert(g.vmid);
    }
    for (auto it = m_stoppedSince.begin(); it != m_stoppedSince.end();) {
        if (!stopped.contains(it.key()))
            it = m_stoppedSince.erase(it);
        else
            ++it;
    }
    for (const int vmid : std::as_const(stopped)) {
        if (!m_stoppedSince.contains(vmid))
            m_stoppedSince.insert(vmid, now);
    }
    for (auto it = m_onboot.begin(); it != m_onboot.end();) {
        if (!stopped.contains(it.key())) {
            changed = changed || it->onboot;
            it = m_onboot.erase(it);
        } else {
            ++it;
        }
    }
    constexpr qint64 kConfigMaxAgeSecs = 600;
    for (const pve::Resource& g : std::as_const(m_guests)) {
        if (!stopped.contains(g.vmid) || m_configPending.contains(g.vmid))
            continue;
        const auto known = m_onboot.constFind(g.vmid);
        if (known != m_onboot.cend() && known->readAt.secsTo(now) < kConfigMaxAgeSecs)
            continue;
        m_configPending.insert(g.vmid);
        ++m_configReads;
        const int vmid = g.vmid;
        m_proxmox->guestConfig(m_node, g.type, vmid, this, [this, vmid](Result<pve::GuestConfig> r) {
            m_configPending.remove(vmid);
            if (!r.ok()) {
                if (r.error().kind == ApiError::Kind::Cancelled)
                    return;
                // Unknown counts as "not onboot" and is asked again after the same ten minutes (a token without
                // VM.Audit would otherwise be asked on every poll).
                qCInfo(lcInventory) << m_host.id << "config of" << vmid << "failed:" << r.error().detail;
                m_onboot.insert(vmid, OnbootInfo{false, QDateTime::currentDateTimeUtc()});
                return;
            }
            const bool before = m_onboot.value(vmid).onboot;
            m_onboot.insert(vmid, OnbootInfo{r.value().onboot, QDateTime::currentDateTimeUtc()});
            if (before != r.value().onboot)
                emit proxmoxAttentionUpdated();
        });
    }
    if (changed)
        emit proxmoxAttentionUpdated();

    // Failed tasks of the last day: history, asked once a minute, not on every poll.
    if (m_tasksCall ||
        (m_tasksStatus.lastAttempt.isValid() && m_tasksStatus.lastAttempt.msecsTo(now) < m_taskIntervalMs))
        return;
    m_tasksStatus.lastAttempt = now;
    const qint64 since = now.toSecsSinceEpoch() - 24 * 3600;
    m_tasksCall = m_proxmox->nodeTasks(m_node, true, since, 50, this, [this, since](Result<QList<pve::TaskEntry>> r) {
        m_tasksCall.clear();
        if (!r.ok()) {
            if (r.error().kind == ApiError::Kind::Cancelled)
                return;
            qCInfo(lcInventory) << m_host.id << "tasks failed:" << r.error().detail;
            m_tasksStatus.state = SourceStatus::State::Error;
            m_tasksStatus.error = r.error();
            emit proxmoxAttentionUpdated();
            return;
        }
        QList<pve::TaskEntry> failed;
        for (const pve::TaskEntry& t : r.value()) {
            // The server filtered already; an older server may not know errors/since: filter again.
            if (t.failed() && (t.endtime > 0 ? t.endtime : t.starttime) >= since)
                failed << t;
        }
        const bool differs =
            failed.size() != m_failedTasks.size() || !std::equal(failed.cbegin(), failed.cend(), m_failedTasks.cbegin(),
                                                                 [](const pve::TaskEntry& a, const pve::TaskEntry& b) {
                                                                     return a.upid == b.upid && a.status == b.status;
                                                                 });
        const bool first = m_tasksStatus.state != SourceStatus::State::Ok;
        m_failedTasks = std::move(failed);
        m_tasksStatus.state = SourceStatus::State::Ok;
        m_tasksStatus.error = {};
        m_tasksStatus.lastSuccess = QDateTime::currentDateTimeUtc();
        if (differs || first)
            emit proxmoxAttentionUpdated();
    });
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
    if (!m_portainerError)
        watchRestarts();
}

} // namespace hlc
