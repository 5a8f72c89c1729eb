#include "guests/HostMonitor.h"

#include "core/PollPacer.h"
#include "core/ServiceDirectory.h"
#include "proxmox/ProxmoxClient.h"
#include "proxmox/ProxmoxTicketSession.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHost, "hlc.app.host")

namespace hlc {

HostMonitor::HostMonitor(const HostConfig& host, ServiceDirectory* services, QObject* parent)
    : QObject(parent)
    , m_host(host)
    , m_timer(new QTimer(this))
    , m_pacer(new PollPacer(m_timer, this))
{
    connect(m_timer, &QTimer::timeout, this, &HostMonitor::refresh);
    if (const ServiceConfig* s = proxmoxService()) {
        m_proxmox = services->proxmox(m_host.id, s->id);
        m_ticket = services->proxmoxTicket(m_host.id, s->id);
        const QString serviceId = s->id;
        connect(services, &ServiceDirectory::secretApplied, this,
                [this, serviceId](const QString& h, const QString& sv) {
                    if (h == m_host.id && sv == serviceId)
                        m_reloginTried = false;
                });
    }
    // The host's config stays what the directory knows (a pin trusted since start).
    connect(services, &ServiceDirectory::certificateTrusted, this,
            [this, services](const QString& hostId, const QString& serviceId) {
                const ServiceConfig* now = services->service(hostId, serviceId);
                for (ServiceConfig& s : m_host.services) {
                    if (hostId == m_host.id && s.id == serviceId && now)
                        s.pinnedSha256 = now->pinnedSha256;
                }
            });
    if (m_ticket) {
        connect(m_ticket, &pve::ProxmoxTicketSession::authenticated, this, [this] {
            emit proxmoxAuthenticated();
            fetchNodeStatus();
        });
        connect(m_ticket, &pve::ProxmoxTicketSession::loginFailed, this, &HostMonitor::loginFailed);
    }
}

HostMonitor::~HostMonitor() = default;

const ServiceConfig* HostMonitor::proxmoxService() const
{
    for (const ServiceConfig& s : m_host.services) {
        if (s.kind == ServiceKind::Proxmox)
            return &s;
    }
    return nullptr;
}

const ServiceConfig* HostMonitor::findService(const QString& serviceId) const
{
    for (const ServiceConfig& s : m_host.services) {
        if (s.id == serviceId)
            return &s;
    }
    return nullptr;
}

bool HostMonitor::usesPveTicket() const
{
    return m_proxmox && m_ticket;
}

void HostMonitor::setTicketRenewAfterSecs(qint64 secs)
{
    if (m_ticket)
        m_ticket->setRenewAfterSecs(secs);
}

bool HostMonitor::reauthenticate(QObject* context, std::function<void(const std::optional<ApiError>&)> done)
{
    if (!usesPveTicket())
        return false;
    m_ticket->reauthenticate(context, std::move(done));
    return true;
}

void HostMonitor::loginFailed(const ApiError& error)
{
    qCInfo(lcHost) << m_host.id << "proxmox login failed:" << error.detail;
    m_proxmoxStatus.state = SourceStatus::State::Error;
    m_proxmoxStatus.error = error;
    m_proxmoxStatus.lastAttempt = QDateTime::currentDateTimeUtc();
    emit proxmoxUpdated();
}

void HostMonitor::setClusterReportsOffline(bool offline)
{
    if (offline == m_clusterReportsOffline)
        return;
    m_clusterReportsOffline = offline;
    emit proxmoxUpdated();
}

void HostMonitor::setSourceError(const QString& serviceId, const ApiError& error)
{
    const ServiceConfig* s = findService(serviceId);
    if (!s)
        return;
    if (s->kind == ServiceKind::Proxmox) {
        m_proxmoxStatus.state = SourceStatus::State::Error;
        m_proxmoxStatus.error = error;
        m_proxmoxStatus.lastAttempt = QDateTime::currentDateTimeUtc();
        emit proxmoxUpdated();
    }
}

void HostMonitor::start(int intervalMs)
{
    m_pacer->setIntervalMs(std::max(500, intervalMs));
    m_timer->start(m_pacer->currentMs());
    refresh();
}

void HostMonitor::stop()
{
    m_timer->stop();
    if (m_proxmoxCall)
        m_proxmoxCall->cancel();
    if (m_ticket)
        m_ticket->cancel();
}

void HostMonitor::refresh()
{
    pollProxmox();
}

void HostMonitor::pollProxmox()
{
    const ServiceConfig* s = proxmoxService();
    if (!m_proxmox || !s || m_proxmoxCall)
        return;
    if (m_ticket && m_ticket->ensureTicket())
        return; // polls when the ticket is there
    fetchNodeStatus();
}

void HostMonitor::fetchNodeStatus()
{
    const ServiceConfig* s = proxmoxService();
    if (!m_proxmox || !s || m_proxmoxCall)
        return;
    const QString node = s->proxmoxNode.isEmpty() ? m_host.name : s->proxmoxNode;
    m_proxmoxStatus.lastAttempt = QDateTime::currentDateTimeUtc();
    m_proxmoxCall = m_proxmox->nodeStatus(node, this, [this, node](Result<pve::NodeStatus> r) {
        m_proxmoxCall.clear();
        if (r.ok()) {
            m_nodeStatus = std::move(r).value();
            m_proxmoxStatus.state = SourceStatus::State::Ok;
            m_proxmoxStatus.error = {};
            m_proxmoxStatus.lastSuccess = QDateTime::currentDateTimeUtc();
            m_reloginTried = false;
            m_pacer->pollFinished(true);
        } else {
            if (r.error().kind == ApiError::Kind::Cancelled)
                return;
            if (r.error().httpStatus == 401 && usesPveTicket() && !m_reloginTried) {
                // The ticket expired or the server restarted: log in again once, then report.
                m_reloginTried = true;
                m_ticket->dropTicket();
                pollProxmox();
                return;
            }
            qCInfo(lcHost) << m_host.id << "proxmox node" << node << "failed:" << r.error().detail;
            m_proxmoxStatus.state = SourceStatus::State::Error;
            m_proxmoxStatus.error = r.error();
            m_pacer->pollFinished(false);
        }
        emit proxmoxUpdated();
    });
}

} // namespace hlc
