#include "core/ServiceDirectory.h"

#include "adguard/AdGuardClient.h"
#include "agents/AgentsClient.h"
#include "alertmanager/AlertmanagerClient.h"
#include "core/SecretStore.h"
#include "homeassistant/HomeAssistantClient.h"
#include "n8n/N8nClient.h"
#include "ollama/OllamaClient.h"
#include "portainer/PortainerClient.h"
#include "prometheus/PrometheusClient.h"
#include "proxmox/ProxmoxClient.h"
#include "proxmox/ProxmoxTicketSession.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMap>
#include <QPair>
#include <QSslCertificate>

#include <algorithm>

Q_LOGGING_CATEGORY(lcDirectory, "hlc.app.services")

namespace hlc {

struct ServiceDirectory::Entry
{
    QString hostId;
    ServiceConfig service;
    ServiceClient* client = nullptr;
    pve::ProxmoxTicketSession* ticket = nullptr;
    SecretState secretState = SecretState::NotNeeded;
    ApiError secretError;
    /// path -> the error of its last poll and when (failed ones only). A path not polled again (a one-off GET:
    /// a task's status, a container's log) stops counting after kApiFailureStaleSecs.
    QMap<QString, QPair<ApiError, QDateTime>> failingPolls;
    std::optional<ApiError> sessionFailure; ///< the websocket login was refused (Home Assistant)
};

namespace {

/// A failed poll of a path that is not polled again (a one-off GET) stops counting as the API's state after this.
constexpr qint64 kApiFailureStaleSecs = 120;

/// The transport settings a service kind's client is built with.
Endpoint endpointOf(const ServiceConfig& s)
{
    switch (s.kind) {
    case ServiceKind::Prometheus:
    case ServiceKind::Alertmanager:
        return endpointFor(s, false); // the metrics and alert polls use the transport's retries
    case ServiceKind::HomeAssistant: {
        // Home Assistant takes a long-lived access token as Bearer, whatever the config says.
        Endpoint e = endpointFor(s);
        e.credentials.scheme = AuthScheme::Bearer;
        return e;
    }
    case ServiceKind::N8n: {
        // Webhooks are actions: never retried.
        Endpoint e = endpointFor(s);
        e.maxRetries = 0;
        return e;
    }
    default:
        return endpointFor(s);
    }
}

bool needsSecret(const ServiceConfig& s)
{
    return s.auth != AuthScheme::None;
}

} // namespace

ServiceDirectory::ServiceDirectory(const Config& config, SecretStore* secrets, QNetworkAccessManager* nam,
                                   QObject* parent)
    : QObject(parent)
    , m_config(config)
    , m_secrets(secrets)
    , m_nam(nam)
{
    for (const HostConfig& h : m_config.hosts) {
        for (const ServiceConfig& s : h.services)
            buildClient(h, s);
    }
    qCInfo(lcDirectory) << m_entries.size() << "service clients";
}

ServiceDirectory::~ServiceDirectory()
{
    qDeleteAll(m_entries);
}

void ServiceDirectory::buildClient(const HostConfig& host, const ServiceConfig& s)
{
    if (indexOf(host.id, s.id) >= 0) {
        qCWarning(lcDirectory) << "duplicate service" << host.id << s.id << "ignored";
        return;
    }
    auto* e = new Entry;
    e->hostId = host.id;
    e->service = s;
    const Endpoint endpoint = endpointOf(s);
    switch (s.kind) {
    case ServiceKind::Proxmox: {
        auto* pve = new pve::ProxmoxClient(m_nam, endpoint, this);
        e->client = pve;
        if (s.auth == AuthScheme::PveTicket)
            e->ticket = new pve::ProxmoxTicketSession(pve, s.user, this);
        break;
    }
    case ServiceKind::Portainer:
        e->client = new portainer::PortainerClient(m_nam, endpoint, this);
        break;
    case ServiceKind::Prometheus:
        e->client = new prom::PrometheusClient(m_nam, endpoint, this);
        break;
    case ServiceKind::Alertmanager:
        e->client = new am::AlertmanagerClient(m_nam, endpoint, this);
        break;
    case ServiceKind::AdGuard:
        e->client = new adguard::AdGuardClient(m_nam, endpoint, this);
        break;
    case ServiceKind::HomeAssistant: {
        auto* ha = new ha::HomeAssistantClient(m_nam, endpoint, this);
        // A reverse proxy may serve the WebSocket elsewhere ("websocketUrl" in the service's config).
        const QUrl ws(s.extra.value(QStringLiteral("websocketUrl")).toString());
        if (ws.isValid() && (ws.scheme() == QLatin1String("ws") || ws.scheme() == QLatin1String("wss")))
            ha->setWebSocketUrl(ws);
        e->client = ha;
        break;
    }
    case ServiceKind::Ollama:
        e->client = new ollama::OllamaClient(m_nam, endpoint, this);
        break;
    case ServiceKind::Agents:
        e->client = new agents::AgentsClient(m_nam, endpoint, this);
        break;
    case ServiceKind::N8n:
        e->client = new n8n::N8nClient(m_nam, endpoint, this);
        break;
    }
    e->secretState = needsSecret(s) ? SecretState::Pending : SecretState::NotNeeded;
    m_entries << e;
    watch(static_cast<int>(m_entries.size()) - 1);
}

void ServiceDirectory::watch(int index)
{
    Entry* e = m_entries.at(index);
    ApiClient* api = e->client->api();
    connect(api, &ApiClient::certificateRejected, this,
            [this, index](const CertificateInfo& cert, const QByteArray& pin, const QString& hostPort) {
                onUntrusted(index, cert, pin, hostPort);
            });
    connect(api, &ApiClient::callFinished, this,
            [this, index](const ApiRequest& request, const ApiError& error) { onCallFinished(index, request, error); });
    connect(api, &ApiClient::peerCertificateChanged, this, [this, index] {
        const Entry* x = m_entries.at(index);
        emit peerCertificateChanged(x->hostId, x->service.id);
    });
    connect(e->client, &ServiceClient::pollFinished, this,
            [this, index](const QString& path, const ApiError& error) { recordApiState(index, path, error); });
    if (e->ticket) {
        connect(e->ticket, &pve::ProxmoxTicketSession::loginFailed, this,
                [this, index](const ApiError& error) { onRejected(index, error); });
        connect(e->ticket, &pve::ProxmoxTicketSession::authenticated, this, [this, index] {
            const Entry* x = m_entries.at(index);
            resolve(x->hostId, x->service.id);
        });
    }
    if (auto* ha = qobject_cast<ha::HomeAssistantClient*>(e->client)) {
        connect(ha, &ha::HomeAssistantClient::authFailed, this, [this, index](const ApiError& error) {
            recordApiState(index, QString(), error);
            onRejected(index, error);
        });
        connect(ha, &ha::HomeAssistantClient::stateChanged, this, [this, index](ha::HomeAssistantClient::State s) {
            if (s == ha::HomeAssistantClient::State::Live) {
                recordApiState(index, QString(), ApiError());
                const Entry* x = m_entries.at(index);
                resolve(x->hostId, x->service.id);
            }
        });
    }
}

int ServiceDirectory::indexOf(const QString& hostId, const QString& serviceId) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i)->hostId == hostId && m_entries.at(i)->service.id == serviceId)
            return i;
    }
    return -1;
}

CertificateInfo ServiceDirectory::peerCertificate(const QString& hostId, const QString& serviceId) const
{
    const int i = indexOf(hostId, serviceId);
    return i < 0 ? CertificateInfo{} : m_entries.at(i)->client->api()->peerCertificate();
}

QList<ServiceDirectory::PeerCertificate> ServiceDirectory::expiringCertificates(const QDateTime& now, int days) const
{
    QList<PeerCertificate> out;
    const QDateTime limit = now.addDays(days);
    for (const Entry* e : m_entries) {
        const CertificateInfo& c = e->client->api()->peerCertificate();
        if (c.isNull() || !c.notAfter.isValid() || c.notAfter > limit)
            continue;
        // Two services behind one certificate (a reverse proxy) are two items: each is reached through it.
        out << PeerCertificate{e->hostId, e->service.id, c};
    }
    std::sort(out.begin(), out.end(), [](const PeerCertificate& a, const PeerCertificate& b) {
        return a.certificate.notAfter < b.certificate.notAfter;
    });
    return out;
}

const ServiceConfig* ServiceDirectory::service(const QString& hostId, const QString& serviceId) const
{
    const int i = indexOf(hostId, serviceId);
    return i < 0 ? nullptr : &m_entries.at(i)->service;
}

ServiceClient* ServiceDirectory::serviceClient(const QString& hostId, const QString& serviceId) const
{
    const int i = indexOf(hostId, serviceId);
    return i < 0 ? nullptr : m_entries.at(i)->client;
}

pve::ProxmoxClient* ServiceDirectory::proxmox(const QString& hostId, const QString& serviceId) const
{
    return client<pve::ProxmoxClient>(hostId, serviceId);
}

pve::ProxmoxTicketSession* ServiceDirectory::proxmoxTicket(const QString& hostId, const QString& serviceId) const
{
    const int i = indexOf(hostId, serviceId);
    return i < 0 ? nullptr : m_entries.at(i)->ticket;
}

portainer::PortainerClient* ServiceDirectory::portainer(const QString& hostId, const QString& serviceId) const
{
    return client<portainer::PortainerClient>(hostId, serviceId);
}

prom::PrometheusClient* ServiceDirectory::prometheus(const QString& hostId, const QString& serviceId) const
{
    return client<prom::PrometheusClient>(hostId, serviceId);
}

am::AlertmanagerClient* ServiceDirectory::alertmanager(const QString& hostId, const QString& serviceId) const
{
    return client<am::AlertmanagerClient>(hostId, serviceId);
}

adguard::AdGuardClient* ServiceDirectory::adguard(const QString& hostId, const QString& serviceId) const
{
    return client<adguard::AdGuardClient>(hostId, serviceId);
}

ha::HomeAssistantClient* ServiceDirectory::homeAssistant(const QString& hostId, const QString& serviceId) const
{
    return client<ha::HomeAssistantClient>(hostId, serviceId);
}

ollama::OllamaClient* ServiceDirectory::ollama(const QString& hostId, const QString& serviceId) const
{
    return client<ollama::OllamaClient>(hostId, serviceId);
}

agents::AgentsClient* ServiceDirectory::agents(const QString& hostId, const QString& serviceId) const
{
    return client<agents::AgentsClient>(hostId, serviceId);
}

n8n::N8nClient* ServiceDirectory::n8n(const QString& hostId, const QString& serviceId) const
{
    return client<n8n::N8nClient>(hostId, serviceId);
}

QList<ServiceClient*> ServiceDirectory::clients() const
{
    QList<ServiceClient*> all;
    for (const Entry* e : m_entries)
        all << e->client;
    return all;
}

// --- secrets ------------------------------------------------------------------------------------------------------

void ServiceDirectory::start()
{
    if (m_started)
        return;
    m_started = true;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i)->secretState == SecretState::Pending)
            readSecret(i);
    }
}

void ServiceDirectory::readSecret(int index)
{
    if (!m_secrets)
        return;
    const Entry* e = m_entries.at(index);
    m_secrets->read(secretKey(e->hostId, e->service.id), this, [this, index](const SecretResult& r) {
        Entry* x = m_entries.at(index);
        if (r.ok()) {
            applySecret(x->hostId, x->service.id, r.secret);
            return;
        }
        x->secretState = SecretState::Unavailable;
        ApiError err;
        err.kind = ApiError::Kind::Config;
        err.message = r.status == SecretResult::Status::NotFound
                          ? tr("No secret stored for this service yet: enter it.")
                          : r.message;
        err.detail = QStringLiteral("secret for %1/%2 unavailable").arg(x->hostId, x->service.id);
        x->secretError = err;
        if (r.status == SecretResult::Status::NotFound) {
            Attention a = attentionFor(*x, Attention::Kind::SecretMissing);
            a.message = err.message;
            raise(a);
        } else {
            Attention a;
            a.kind = Attention::Kind::KeychainUnavailable;
            a.serviceKind = x->service.kind;
            a.message = r.message.isEmpty() ? tr("The system keychain cannot be reached.") : r.message;
            raise(a);
        }
        emit secretUnavailable(x->hostId, x->service.id, err);
    });
}

void ServiceDirectory::applyToClient(Entry& e, const QString& secret)
{
    if (e.ticket) {
        e.ticket->setPassword(secret);
    } else if (auto* ha = qobject_cast<ha::HomeAssistantClient*>(e.client)) {
        ha->setToken(secret);
    } else {
        Credentials c = e.client->endpoint().credentials;
        c.secret = secret;
        e.client->api()->setCredentials(c);
    }
}

void ServiceDirectory::applySecret(const QString& hostId, const QString& serviceId, const QString& secret)
{
    const int i = indexOf(hostId, serviceId);
    if (i < 0)
        return;
    Entry* e = m_entries.at(i);
    e->secretError = {};
    e->secretState = SecretState::Applied;
    // A new secret is a new answer: what was declined for the old one may be shown again.
    m_declined.removeIf([&](const Attention& a) { return a.hostId == hostId && a.serviceId == serviceId; });
    applyToClient(*e, secret);
    emit secretApplied(hostId, serviceId);
}

ServiceDirectory::SecretState ServiceDirectory::secretState(const QString& hostId, const QString& serviceId) const
{
    const int i = indexOf(hostId, serviceId);
    return i < 0 ? SecretState::NotNeeded : m_entries.at(i)->secretState;
}

ApiError ServiceDirectory::secretError(const QString& hostId, const QString& serviceId) const
{
    const int i = indexOf(hostId, serviceId);
    return i < 0 ? ApiError{} : m_entries.at(i)->secretError;
}

void ServiceDirectory::setSecret(const QString& hostId, const QString& serviceId, const QString& secret)
{
    if (indexOf(hostId, serviceId) < 0)
        return;
    resolve(hostId, serviceId);
    applySecret(hostId, serviceId, secret);
    if (!m_secrets)
        return;
    m_secrets->write(secretKey(hostId, serviceId), secret, this, [this, hostId, serviceId](const SecretResult& r) {
        if (r.ok())
            return;
        qCWarning(lcDirectory) << "secret for" << hostId << serviceId << "not stored";
        if (r.status == SecretResult::Status::Unavailable) {
            Attention a;
            a.kind = Attention::Kind::KeychainUnavailable;
            a.message = r.message;
            raise(a);
        }
        emit secretNotStored(hostId, serviceId, r.message);
    });
}

void ServiceDirectory::useSessionOnlySecrets()
{
    if (m_secrets)
        m_secrets->setSessionOnly(true);
    resolve(QString(), QString());
    m_declined.removeIf([](const Attention& a) { return a.kind == Attention::Kind::KeychainUnavailable; });
    // What could not be read from the keychain is now missing: the session's memory holds nothing for it yet.
    for (int i = 0; i < m_entries.size(); ++i) {
        Entry* e = m_entries.at(i);
        if (e->secretState == SecretState::Unavailable) {
            e->secretState = SecretState::Pending;
            readSecret(i);
        }
    }
}

// --- certificates -------------------------------------------------------------------------------------------------

void ServiceDirectory::trustCertificate(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex)
{
    const int i = indexOf(hostId, serviceId);
    if (i < 0)
        return;
    Entry* e = m_entries.at(i);
    const QByteArray pin = sha256Hex.toLower();
    e->service.pinnedSha256 = pin;
    e->client->api()->setPinnedSha256(pin);
    for (HostConfig& hc : m_config.hosts) {
        if (hc.id != hostId)
            continue;
        for (ServiceConfig& s : hc.services) {
            if (s.id == serviceId)
                s.pinnedSha256 = pin;
        }
    }
    qCInfo(lcDirectory) << hostId << serviceId << "certificate pinned, sha256" << pin;
    m_declined.removeIf([&](const Attention& a) { return a.hostId == hostId && a.serviceId == serviceId; });
    resolve(hostId, serviceId);
    emit configChanged(m_config);
    emit certificateTrusted(hostId, serviceId);
}

void ServiceDirectory::onUntrusted(int index, const CertificateInfo& certificate, const QByteArray& pinnedSha256,
                                   const QString& hostPort)
{
    const Entry* e = m_entries.at(index);
    const QByteArray pin = pinnedSha256.isEmpty() ? e->client->endpoint().pinnedSha256 : pinnedSha256;
    Attention a =
        attentionFor(*e, pin.isEmpty() ? Attention::Kind::CertificateUntrusted : Attention::Kind::CertificateChanged);
    a.hostPort = hostPort;
    a.certificate = certificate;
    if (pin.isEmpty()) {
        a.message = tr("The certificate of %1 is not trusted (self-signed or unknown issuer).").arg(hostPort);
    } else {
        a.pinnedSha256 = pin;
        a.message = tr("The certificate of %1 changed: it is not the one you trusted.").arg(hostPort);
    }
    raise(a);
}

// --- answers ------------------------------------------------------------------------------------------------------

void ServiceDirectory::onCallFinished(int index, const ApiRequest& request, const ApiError& error)
{
    Q_UNUSED(request)
    const Entry* e = m_entries.at(index);
    if (!error.isError()) {
        resolve(e->hostId, e->service.id);
        return;
    }
    // With ticket auth a 401 on a request means an expired ticket (the session logs in again); only a refused login
    // rejects the password (ProxmoxTicketSession::loginFailed).
    if (error.httpStatus == 401 && !e->ticket)
        onRejected(index, error);
}

std::optional<ApiError> ServiceDirectory::apiFailure(const QString& hostId, const QString& serviceId) const
{
    const int i = indexOf(hostId, serviceId);
    if (i < 0)
        return std::nullopt;
    const Entry* e = m_entries.at(i);
    if (e->sessionFailure)
        return e->sessionFailure;
    if (!e->failingPolls.isEmpty())
        return e->failingPolls.first().first;
    return std::nullopt;
}

void ServiceDirectory::recordApiState(int index, const QString& path, const ApiError& error)
{
    // Cancelled (the caller gave up) and Config (not sent: no secret yet, which the attention bar reports) say
    // nothing about the API.
    if (error.kind == ApiError::Kind::Cancelled || error.kind == ApiError::Kind::Config)
        return;
    Entry* e = m_entries.at(index);
    const std::optional<ApiError> before = apiFailure(e->hostId, e->service.id);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (path.isEmpty())
        e->sessionFailure = error.isError() ? std::optional<ApiError>(error) : std::nullopt;
    else if (error.isError())
        e->failingPolls.insert(path, {error, now});
    else
        e->failingPolls.remove(path);
    for (auto it = e->failingPolls.begin(); it != e->failingPolls.end();) {
        if (it.value().second.secsTo(now) > kApiFailureStaleSecs)
            it = e->failingPolls.erase(it);
        else
            ++it;
    }
    const std::optional<ApiError> after = apiFailure(e->hostId, e->service.id);
    const bool same = before.has_value() == after.has_value() &&
                      (!before || (before->kind == after->kind && before->message == after->message));
    if (!same)
        emit apiStateChanged(e->hostId, e->service.id);
}

void ServiceDirectory::onRejected(int index, const ApiError& error)
{
    const Entry* e = m_entries.at(index);
    // Only a secret that was sent can be rejected: a poll that ran before the keychain answered (or without a
    // secret, already reported as missing) proves nothing about it.
    if (!needsSecret(e->service) || error.kind != ApiError::Kind::Auth || e->secretState != SecretState::Applied)
        return;
    // A password that was right but needs a TOTP code: the user can answer it here (Enter code…).
    const bool code = e->ticket && e->ticket->needsSecondFactor() &&
                      pve::ProxmoxClient::acceptsTotpCode(e->ticket->client()->secondFactorMethods());
    Attention a = attentionFor(*e, code ? Attention::Kind::SecondFactorRequired : Attention::Kind::SecretRejected);
    if (!code) // a first request for a code needs no reason; the prompt explains the second factor itself
        a.message = error.message;
    raise(a);
}

void ServiceDirectory::submitSecondFactor(const QString& hostId, const QString& serviceId, const QString& code)
{
    const int index = indexOf(hostId, serviceId);
    if (index < 0 || !m_entries.at(index)->ticket)
        return;
    pve::ProxmoxTicketSession* ticket = m_entries.at(index)->ticket;
    qCInfo(lcDirectory) << "second factor submitted:" << hostId << serviceId;
    ticket->submitSecondFactor(code, this, [this, index](const std::optional<ApiError>& error) {
        if (!error)
            return; // authenticated() resolves the item and the pollers go on
        const Entry* e = m_entries.at(index);
        Attention a = attentionFor(*e, e->ticket->needsSecondFactor() ? Attention::Kind::SecondFactorRequired
                                                                      : Attention::Kind::SecretRejected);
        a.message = error->message;
        // The same item with a new reason: shown again, not taken for the one already waiting (nor for one the user
        // dismissed before typing this code).
        m_declined.removeIf([&](const Attention& p) { return p.hostId == e->hostId && p.serviceId == e->service.id; });
        m_pending.removeIf([&](const Attention& p) { return p.hostId == e->hostId && p.serviceId == e->service.id; });
        raise(a);
    });
}

Attention ServiceDirectory::attentionFor(const Entry& entry, Attention::Kind kind) const
{
    Attention a;
    a.kind = kind;
    a.hostId = entry.hostId;
    a.serviceId = entry.service.id;
    a.serviceKind = entry.service.kind;
    return a;
}

void ServiceDirectory::raise(const Attention& attention)
{
    if (m_declined.contains(attention))
        return;
    for (qsizetype i = 0; i < m_pending.size(); ++i) {
        const Attention& p = m_pending.at(i);
        if (p.hostId != attention.hostId || p.serviceId != attention.serviceId)
            continue;
        if (p == attention)
            return;            // already waiting for the user
        m_pending.removeAt(i); // one item per service: the newer replaces it
        break;
    }
    qCInfo(lcDirectory) << "needs attention:" << attention.hostId << attention.serviceId << int(attention.kind);
    m_pending << attention;
    emit needsAttention(attention);
}

void ServiceDirectory::resolve(const QString& hostId, const QString& serviceId)
{
    m_declined.removeIf([&](const Attention& a) { return a.hostId == hostId && a.serviceId == serviceId; });
    const auto removed =
        m_pending.removeIf([&](const Attention& a) { return a.hostId == hostId && a.serviceId == serviceId; });
    if (removed > 0)
        emit attentionCleared(hostId, serviceId);
}

QList<Attention> ServiceDirectory::pendingAttention() const
{
    return m_pending;
}

void ServiceDirectory::dismiss(const Attention& attention)
{
    const auto removed = m_pending.removeIf(
        [&](const Attention& a) { return a.hostId == attention.hostId && a.serviceId == attention.serviceId; });
    if (!m_declined.contains(attention))
        m_declined << attention;
    if (removed > 0)
        emit attentionCleared(attention.hostId, attention.serviceId);
}

} // namespace hlc
