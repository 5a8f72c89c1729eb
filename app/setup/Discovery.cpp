#include "setup/Discovery.h"

#include "setup/ConnectionTester.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QSslConfiguration>

#include <functional>

namespace hlc {

/// One unauthenticated GET and how to recognise the kind in its answer.
struct Discovery::Probe
{
    QString path;
    /// True when the answer is the kind's; sets @p version when the answer tells it.
    std::function<bool(int status, const QByteArray& body, QString* version)> identifies;
};

namespace {

QJsonObject object(const QByteArray& body)
{
    return QJsonDocument::fromJson(body).object();
}

QList<Discovery::Probe> probesFor(ServiceKind kind)
{
    using P = Discovery::Probe;
    const auto key = [](const char* k) { return QString::fromLatin1(k); };
    switch (kind) {
    case ServiceKind::Proxmox:
        return {P{QStringLiteral("/api2/json/version"),
                  [key](int status, const QByteArray& body, QString* version) {
                      const QJsonObject o = object(body);
                      if (status == 200 && o.value(key("data")).isObject()) {
                          *version = o.value(key("data")).toObject().value(key("version")).toString();
                          return !version->isEmpty();
                      }
                      // pveproxy without a ticket or token: 401 and {"data":null}
                      return status == 401 && o.contains(key("data")) && o.value(key("data")).isNull();
                  }},
                P{QStringLiteral("/"), [](int status, const QByteArray& body, QString*) {
                      return status == 200 && body.contains("Proxmox Virtual Environment");
                  }}};
    case ServiceKind::Portainer: {
        const auto status = [key](int code, const QByteArray& body, QString* version) {
            const QJsonObject o = object(body);
            *version = o.value(key("Version")).toString();
            return code == 200 && !version->isEmpty() &&
                   (o.contains(key("instanceID")) || o.contains(key("InstanceID")));
        };
        return {P{QStringLiteral("/api/system/status"), status}, P{QStringLiteral("/api/status"), status}};
    }
    case ServiceKind::Prometheus:
        return {P{QStringLiteral("/api/v1/status/buildinfo"),
                  [key](int status, const QByteArray& body, QString* version) {
                      const QJsonObject data = object(body).value(key("data")).toObject();
                      *version = data.value(key("version")).toString();
                      return status == 200 && !version->isEmpty() && data.contains(key("goVersion"));
                  }},
                P{QStringLiteral("/-/healthy"), [](int status, const QByteArray& body, QString*) {
                      return status == 200 && body.contains("Prometheus");
                  }}};
    case ServiceKind::Alertmanager:
        return {P{QStringLiteral("/api/v2/status"), [key](int status, const QByteArray& body, QString* version) {
                      const QJsonObject o = object(body);
                      *version = o.value(key("versionInfo")).toObject().value(key("version")).toString();
                      return status == 200 && o.contains(key("cluster")) && o.contains(key("versionInfo"));
                  }}};
    case ServiceKind::AdGuard:
        return {P{QStringLiteral("/control/status"),
                  [key](int status, const QByteArray& body, QString* version) {
                      if (status == 401 || status == 403)
                          return true; // AdGuard Home with authentication on
                      const QJsonObject o = object(body);
                      *version = o.value(key("version")).toString();
                      return status == 200 && o.contains(key("protection_enabled"));
                  }},
                P{QStringLiteral("/login.html"), [](int status, const QByteArray& body, QString*) {
                      return status == 200 && body.contains("AdGuard");
                  }}};
    case ServiceKind::HomeAssistant:
        return {P{QStringLiteral("/manifest.json"),
                  [](int status, const QByteArray& body, QString*) {
                      return status == 200 && body.contains("Home Assistant");
                  }},
                P{QStringLiteral("/api/"), [key](int status, const QByteArray& body, QString*) {
                      // HA without a token: 401 {"message":"401: Unauthorized"} (or that text)
                      return status == 401 &&
                             (object(body).value(key("message")).toString().startsWith(QLatin1String("401")) ||
                              body.startsWith("401: Unauthorized"));
                  }}};
    case ServiceKind::Ollama:
        return {P{QStringLiteral("/api/version"), [key](int status, const QByteArray& body, QString* version) {
                      *version = object(body).value(key("version")).toString();
                      return status == 200 && !version->isEmpty();
                  }}};
    case ServiceKind::N8n:
        return {P{QStringLiteral("/healthz"), [key](int status, const QByteArray& body, QString*) {
                      return status == 200 && object(body).value(key("status")).toString() == QLatin1String("ok");
                  }}};
    case ServiceKind::Agents:
        return {P{QStringLiteral("/health"),
                  [key](int status, const QByteArray& body, QString* version) {
                      const QJsonObject o = object(body);
                      *version = o.value(key("version")).toString();
                      return status == 200 && o.contains(key("status"));
                  }},
                P{QStringLiteral("/api/v1/agents"), [](int status, const QByteArray& body, QString*) {
                      return status == 401 && body.contains("unauthorized");
                  }}};
    }
    return {};
}

AuthScheme usualAuth(ServiceKind kind)
{
    switch (kind) {
    case ServiceKind::Proxmox:
        return AuthScheme::PveToken;
    case ServiceKind::Portainer:
        return AuthScheme::ApiKey;
    case ServiceKind::AdGuard:
        return AuthScheme::Basic;
    case ServiceKind::HomeAssistant:
    case ServiceKind::Agents:
        return AuthScheme::Bearer;
    default:
        return AuthScheme::None;
    }
}

} // namespace

Discovery::Discovery(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_candidates(defaultCandidates())
{}

Discovery::~Discovery() = default;

QList<DiscoveryCandidate> Discovery::defaultCandidates()
{
    const QString http = QStringLiteral("http");
    const QString https = QStringLiteral("https");
    return {
        {ServiceKind::Proxmox, 8006, https},     {ServiceKind::Portainer, 9443, https},
        {ServiceKind::Portainer, 9000, http},    {ServiceKind::Prometheus, 9090, http},
        {ServiceKind::Alertmanager, 9093, http}, {ServiceKind::AdGuard, 80, http},
        {ServiceKind::AdGuard, 3000, http},      {ServiceKind::HomeAssistant, 8123, http},
        {ServiceKind::Ollama, 11434, http},      {ServiceKind::N8n, 5678, http},
        {ServiceKind::Agents, 8000, http},
    };
}

QList<DiscoveryCandidate> Discovery::candidatesForPort(quint16 port)
{
    // AdGuard last: it is recognised by a bare 401, which other servers may send too.
    const ServiceKind order[] = {ServiceKind::Proxmox,       ServiceKind::Portainer, ServiceKind::Prometheus,
                                 ServiceKind::Alertmanager,  ServiceKind::Ollama,    ServiceKind::N8n,
                                 ServiceKind::HomeAssistant, ServiceKind::Agents,    ServiceKind::AdGuard};
    QList<DiscoveryCandidate> out;
    for (const QString& scheme : {QStringLiteral("https"), QStringLiteral("http")}) {
        for (ServiceKind k : order)
            out << DiscoveryCandidate{k, port, scheme};
    }
    return out;
}

std::optional<QList<quint16>> Discovery::parsePorts(const QString& text, QString* error)
{
    QList<quint16> ports;
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    for (const QString& part : text.split(separators, Qt::SkipEmptyParts)) {
        bool ok = false;
        const uint port = part.toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            if (error)
                *error = tr("\"%1\" is not a port: give numbers from 1 to 65535, separated by commas.").arg(part);
            return std::nullopt;
        }
        if (!ports.contains(static_cast<quint16>(port)))
            ports << static_cast<quint16>(port);
    }
    return ports;
}

void Discovery::discover(const QString& address)
{
    ++m_generation;
    m_address = address.trimmed();
    m_results = QList<std::optional<DiscoveredService>>(m_candidates.size());
    m_pending = static_cast<int>(m_candidates.size());
    if (m_pending == 0 || m_address.isEmpty()) {
        m_pending = 0;
        emit finished({});
        return;
    }
    for (int i = 0; i < m_candidates.size(); ++i)
        probe(i, 0, m_generation);
}

void Discovery::probe(int candidate, int step, quint64 generation)
{
    const DiscoveryCandidate c = m_candidates.at(candidate);
    const QList<Probe> probes = probesFor(c.kind);
    if (step >= probes.size()) {
        candidateDone(generation);
        return;
    }
    QUrl url;
    url.setScheme(c.scheme);
    url.setHost(m_address);
    url.setPort(c.port);
    url.setPath(probes.at(step).path);
    QNetworkRequest req(url);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setTransferTimeout(m_timeoutMs);
    req.setRawHeader("User-Agent", "homelab-control/" HLC_VERSION " (setup discovery)");
    QNetworkReply* reply = m_nam->get(req);
    // Identification only: no credential is sent on this request, so an unverified certificate is no risk here.
    connect(reply, &QNetworkReply::sslErrors, reply,
            [reply](const QList<QSslError>& errors) { reply->ignoreSslErrors(errors); });
    connect(reply, &QNetworkReply::finished, this, [this, reply, candidate, step, generation, c, url] {
        reply->deleteLater();
        if (generation != m_generation)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->read(256LL * 1024);
        QString version;
        if (status == 0 || !probesFor(c.kind).at(step).identifies(status, body, &version)) {
            // No HTTP answer at all: the port is closed or speaks something else; no point in the next probe.
            if (status == 0) {
                candidateDone(generation);
                return;
            }
            probe(candidate, step + 1, generation);
            return;
        }
        DiscoveredService d;
        d.version = version;
        d.evidence =
            version.isEmpty()
                ? tr("GET %1 answered HTTP %2 as %3 does").arg(url.path()).arg(status).arg(serviceKindName(c.kind))
                : tr("GET %1 answered version %2").arg(url.path(), version);
        if (c.scheme == QLatin1String("https"))
            d.certificate = CertificateInfo::fromCertificate(reply->sslConfiguration().peerCertificate());
        ServiceConfig& s = d.config;
        s.kind = c.kind;
        s.id = serviceKindName(c.kind);
        QUrl base;
        base.setScheme(c.scheme);
        base.setHost(m_address);
        base.setPort(c.port);
        base.setPath(ConnectionTester::expectedPath(c.kind));
        s.baseUrl = base;
        s.auth = usualAuth(c.kind);
        if (c.kind == ServiceKind::Prometheus)
            s.prometheusInstance = m_address + QStringLiteral(":9100");
        if (c.kind == ServiceKind::Portainer)
            s.portainerEndpointId = 1;
        if (c.kind == ServiceKind::AdGuard)
            s.user = QStringLiteral("admin");
        m_results[candidate] = d;
        emit found(d);
        candidateDone(generation);
    });
}

void Discovery::candidateDone(quint64 generation)
{
    if (generation != m_generation || m_pending <= 0)
        return;
    if (--m_pending > 0)
        return;
    QList<DiscoveredService> all;
    QStringList ids;
    QSet<int> ports;
    for (const auto& r : m_results) {
        if (!r)
            continue;
        DiscoveredService d = *r;
        // One service per port: the first kind (in candidate order) that recognised it.
        if (ports.contains(d.config.baseUrl.port()))
            continue;
        ports.insert(d.config.baseUrl.port());
        // Two of a kind (Portainer on 9443 and 9000): the second gets the port in its id.
        if (ids.contains(d.config.id))
            d.config.id += QLatin1Char('-') + QString::number(d.config.baseUrl.port());
        ids << d.config.id;
        all << d;
    }
    emit finished(all);
}

} // namespace hlc
