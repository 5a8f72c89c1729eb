#include "HostMonitor.h"

#include "proxmox/ProxmoxClient.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHost, "hlc.app.host")

namespace hlc {

namespace {
Endpoint endpointFor(const ServiceConfig& s)
{
    Endpoint e;
    e.baseUrl = s.baseUrl;
    e.credentials.scheme = s.auth;
    e.credentials.user = s.user;
    e.timeoutMs = s.timeoutMs;
    e.pinnedSha256 = s.pinnedSha256;
    // A poll that fails is retried by the next tick: keep retries short so a dead source is reported quickly.
    e.maxRetries = 1;
    e.retryBaseDelayMs = 250;
    return e;
}
} // namespace

HostMonitor::HostMonitor(const HostConfig& host, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_host(host)
    , m_nam(nam)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &HostMonitor::refresh);
    if (const ServiceConfig* s = proxmoxService()) {
        m_proxmox = new pve::ProxmoxClient(m_nam, endpointFor(*s), this);
        const QString serviceId = s->id;
        connect(m_proxmox->api(), &ApiClient::untrustedCertificate, this,
                [this, serviceId](const QByteArray& fp, const QString& hostPort) {
                    emit certificateUntrusted(serviceId, fp, hostPort);
                });
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

ServiceConfig* HostMonitor::mutableService(const QString& serviceId)
{
    for (ServiceConfig& s : m_host.services) {
        if (s.id == serviceId)
            return &s;
    }
    return nullptr;
}

void HostMonitor::setSecret(const QString& serviceId, const QString& secret)
{
    const ServiceConfig* s = mutableService(serviceId);
    if (!s)
        return;
    if (s->kind == ServiceKind::Proxmox && m_proxmox) {
        Credentials c = m_proxmox->endpoint().credentials;
        c.secret = secret;
        m_proxmox->api()->setCredentials(c);
    }
}

void HostMonitor::setPinnedCertificate(const QString& serviceId, const QByteArray& sha256Hex)
{
    ServiceConfig* s = mutableService(serviceId);
    if (!s)
        return;
    s->pinnedSha256 = sha256Hex.toLower();
    if (s->kind == ServiceKind::Proxmox && m_proxmox)
        m_proxmox->api()->setPinnedSha256(s->pinnedSha256);
}

void HostMonitor::setSourceError(const QString& serviceId, const ApiError& error)
{
    const ServiceConfig* s = mutableService(serviceId);
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
    m_timer->start(std::max(500, intervalMs));
    refresh();
}

void HostMonitor::stop()
{
    m_timer->stop();
    if (m_proxmoxCall)
        m_proxmoxCall->cancel();
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
    const QString node = s->proxmoxNode.isEmpty() ? m_host.name : s->proxmoxNode;
    m_proxmoxStatus.lastAttempt = QDateTime::currentDateTimeUtc();
    m_proxmoxCall = m_proxmox->nodeStatus(node, this, [this, node](Result<pve::NodeStatus> r) {
        m_proxmoxCall.clear();
        if (r.ok()) {
            m_nodeStatus = std::move(r).value();
            m_proxmoxStatus.state = SourceStatus::State::Ok;
            m_proxmoxStatus.error = {};
            m_proxmoxStatus.lastSuccess = QDateTime::currentDateTimeUtc();
        } else {
            if (r.error().kind == ApiError::Kind::Cancelled)
                return;
            qCInfo(lcHost) << m_host.id << "proxmox node" << node << "failed:" << r.error().detail;
            m_proxmoxStatus.state = SourceStatus::State::Error;
            m_proxmoxStatus.error = r.error();
        }
        emit proxmoxUpdated();
    });
}

} // namespace hlc
