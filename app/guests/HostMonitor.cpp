#include "guests/HostMonitor.h"

#include "proxmox/ProxmoxClient.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHost, "hlc.app.host")

namespace hlc {

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
        if (s->auth == AuthScheme::PveTicket) {
            // The password is kept for the login only; the current ticket (if any) is dropped and the next poll
            // logs in again with the new password.
            m_pvePassword = secret;
            if (m_loginCall)
                m_loginCall->cancel();
            m_proxmox->api()->setCredentials({AuthScheme::PveTicket, s->user, {}, {}});
            m_reloginTried = false;
            return;
        }
        Credentials c = m_proxmox->endpoint().credentials;
        c.secret = secret;
        m_proxmox->api()->setCredentials(c);
    }
}

bool HostMonitor::usesPveTicket() const
{
    const ServiceConfig* s = proxmoxService();
    return m_proxmox && s && s->auth == AuthScheme::PveTicket;
}

void HostMonitor::answerReauthWaiters(const std::optional<ApiError>& error)
{
    const QList<ReauthWaiter> waiters = std::exchange(m_reauthWaiters, {});
    for (const ReauthWaiter& w : waiters) {
        if (w.context && w.done)
            w.done(error);
    }
}

bool HostMonitor::reauthenticate(QObject* context, std::function<void(const std::optional<ApiError>&)> done)
{
    if (!usesPveTicket())
        return false;
    m_reauthWaiters.append({QPointer<QObject>(context), std::move(done)});
    if (m_loginCall)
        return true; // a login or renewal is on its way: its end answers this caller too
    const ServiceConfig* s = proxmoxService();
    m_proxmox->api()->setCredentials({AuthScheme::PveTicket, s ? s->user : QString(), {}, {}});
    ensureTicket(); // no ticket now: logs in with the password, or fails at once without one
    return true;
}

void HostMonitor::loginFailed(const ApiError& error)
{
    answerReauthWaiters(error);
    if (error.kind == ApiError::Kind::Cancelled)
        return;
    qCInfo(lcHost) << m_host.id << "proxmox login failed:" << error.detail;
    m_proxmoxStatus.state = SourceStatus::State::Error;
    m_proxmoxStatus.error = error;
    m_proxmoxStatus.lastAttempt = QDateTime::currentDateTimeUtc();
    emit proxmoxUpdated();
}

bool HostMonitor::ensureTicket()
{
    if (!usesPveTicket())
        return false;
    if (m_loginCall)
        return true;
    const Credentials c = m_proxmox->endpoint().credentials;
    const bool haveTicket = c.scheme == AuthScheme::PveTicket && !c.secret.isEmpty();
    if (haveTicket && !m_proxmox->ticketNeedsRenewal(m_ticketRenewAfterSecs))
        return false;
    if (haveTicket) {
        // Renew well before the 2 h expiry; if the renewal is refused, log in again with the password.
        m_loginCall = m_proxmox->renewTicket(this, [this](Result<pve::Ticket> t) {
            m_loginCall.clear();
            if (t.ok()) {
                answerReauthWaiters(std::nullopt);
                emit proxmoxAuthenticated();
                fetchNodeStatus();
                return;
            }
            if (t.error().kind == ApiError::Kind::Cancelled) {
                answerReauthWaiters(t.error());
                return;
            }
            const ServiceConfig* s = proxmoxService();
            m_proxmox->api()->setCredentials({AuthScheme::PveTicket, s ? s->user : QString(), {}, {}});
            pollProxmox();
        });
        return true;
    }
    const ServiceConfig* s = proxmoxService();
    if (m_pvePassword.isEmpty()) {
        ApiError e;
        e.kind = ApiError::Kind::Config;
        e.message = tr("No password stored for this Proxmox user yet: enter it.");
        e.detail = QStringLiteral("pve-ticket: no password for %1").arg(s ? s->user : QString());
        loginFailed(e);
        return true;
    }
    m_loginCall = m_proxmox->login(s ? s->user : QString(), m_pvePassword, this, [this](Result<pve::Ticket> t) {
        m_loginCall.clear();
        if (!t.ok()) {
            loginFailed(t.error());
            return;
        }
        answerReauthWaiters(std::nullopt);
        emit proxmoxAuthenticated();
        fetchNodeStatus();
    });
    return true;
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
    if (m_loginCall)
        m_loginCall->cancel();
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
    if (ensureTicket())
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
        } else {
            if (r.error().kind == ApiError::Kind::Cancelled)
                return;
            if (r.error().httpStatus == 401 && usesPveTicket() && !m_reloginTried) {
                // The ticket expired or the server restarted: log in again once, then report.
                m_reloginTried = true;
                const ServiceConfig* svc = proxmoxService();
                m_proxmox->api()->setCredentials({AuthScheme::PveTicket, svc ? svc->user : QString(), {}, {}});
                pollProxmox();
                return;
            }
            qCInfo(lcHost) << m_host.id << "proxmox node" << node << "failed:" << r.error().detail;
            m_proxmoxStatus.state = SourceStatus::State::Error;
            m_proxmoxStatus.error = r.error();
        }
        emit proxmoxUpdated();
    });
}

} // namespace hlc
