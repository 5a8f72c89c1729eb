#include "home/HealthProber.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHealth, "hlc.app.health")

namespace hlc {

namespace {
QString serviceLabel(const ServiceConfig& s)
{
    switch (s.kind) {
    case ServiceKind::Proxmox:
        return QStringLiteral("Proxmox VE");
    case ServiceKind::Portainer:
        return QStringLiteral("Portainer");
    case ServiceKind::Prometheus:
        return QStringLiteral("Prometheus");
    case ServiceKind::Alertmanager:
        return QStringLiteral("Alertmanager");
    case ServiceKind::AdGuard:
        return QStringLiteral("AdGuard Home");
    case ServiceKind::HomeAssistant:
        return QStringLiteral("Home Assistant");
    case ServiceKind::Ollama:
        return QStringLiteral("Ollama");
    case ServiceKind::Agents:
        return QStringLiteral("Agents API");
    case ServiceKind::N8n:
        return QStringLiteral("n8n");
    }
    return s.id;
}
} // namespace

HealthProber::HealthProber(const Config& config, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_timer(new QTimer(this))
{
    m_intervalMs = config.healthIntervalMs;
    m_timeoutMs = config.healthTimeoutMs;
    for (const HostConfig& h : config.hosts) {
        m_order << h.id;
        m_hostNames.insert(h.id, h.name.isEmpty() ? h.id : h.name);
        QList<ProbeResult> results;
        for (const ProbeConfig& p : probesFor(h)) {
            ProbeResult r;
            r.probe = p;
            results << r;
        }
        m_running.insert(h.id, QList<bool>(results.size(), false));
        m_results.insert(h.id, results);
    }
    connect(m_timer, &QTimer::timeout, this, &HealthProber::probeAll);
}

HealthProber::~HealthProber() = default;

QList<ProbeConfig> HealthProber::probesFor(const HostConfig& host)
{
    if (!host.probes.isEmpty())
        return host.probes;
    // No probes configured: check that each configured API answers at its base
    // URL (no credentials sent).
    QList<ProbeConfig> out;
    for (const ServiceConfig& s : host.services) {
        ProbeConfig p;
        p.name = serviceLabel(s);
        p.kind = ProbeConfig::Kind::Http;
        p.url = s.baseUrl;
        out << p;
    }
    return out;
}

void HealthProber::setIntervalMs(int ms)
{
    m_intervalMs = std::max(500, ms);
    if (m_timer->isActive())
        m_timer->start(m_intervalMs);
}

void HealthProber::start()
{
    m_timer->start(std::max(500, m_intervalMs));
    probeAll();
}

void HealthProber::stop()
{
    m_timer->stop();
}

void HealthProber::probeAll()
{
    for (const QString& hostId : std::as_const(m_order)) {
        for (int i = 0; i < m_results.value(hostId).size(); ++i)
            probe(hostId, i);
    }
}

int HealthProber::downCount(const QString& hostId) const
{
    int n = 0;
    for (const ProbeResult& r : m_results.value(hostId))
        n += r.state == ProbeResult::State::Down;
    return n;
}

int HealthProber::totalDown() const
{
    int n = 0;
    for (const QString& h : m_order)
        n += downCount(h);
    return n;
}

QString HealthProber::downSummary() const
{
    QStringList lines;
    for (const QString& h : m_order) {
        QStringList names;
        for (const ProbeResult& r : m_results.value(h)) {
            if (r.state == ProbeResult::State::Down)
                names << r.probe.name;
        }
        const int down = static_cast<int>(names.size()); // lupdate drops a cast in translate()'s arguments
        if (!names.isEmpty())
            lines << QCoreApplication::translate("hlc::HealthProber", "%1: %n services down (%2)", nullptr, down)
                         .arg(m_hostNames.value(h), names.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

void HealthProber::probe(const QString& hostId, int index)
{
    auto& running = m_running[hostId];
    if (index >= running.size() || running[index])
        return;
    running[index] = true;
    const ProbeConfig p = m_results.value(hostId).at(index).probe;
    if (!p.url.isValid() || p.url.host().isEmpty()) {
        finish(hostId, index, false, -1, tr("no address configured"));
        return;
    }
    switch (p.kind) {
    case ProbeConfig::Kind::Http:
        probeHttp(hostId, index, p.url);
        break;
    case ProbeConfig::Kind::Tcp:
        probeSocket(hostId, index, p.url, false);
        break;
    case ProbeConfig::Kind::Redis:
        probeSocket(hostId, index, p.url, true);
        break;
    }
}

void HealthProber::finish(const QString& hostId, int index, bool up, int latencyMs, const QString& detail)
{
    auto& list = m_results[hostId];
    if (index >= list.size())
        return;
    m_running[hostId][index] = false;
    ProbeResult& r = list[index];
    const ProbeResult::State before = r.state;
    r.state = up ? ProbeResult::State::Up : ProbeResult::State::Down;
    r.latencyMs = latencyMs;
    r.detail = detail;
    r.checkedAt = QDateTime::currentDateTimeUtc();
    if (before != r.state)
        qCInfo(lcHealth) << hostId << r.probe.name << (up ? "up" : "down") << detail;
    emit hostUpdated(hostId);
}

void HealthProber::probeHttp(const QString& hostId, int index, const QUrl& url)
{
    QNetworkRequest req(url);
    // Only what a browser opening the page would send, minus cookies: never a
    // credential.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setTransferTimeout(m_timeoutMs);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QNetworkReply* reply = m_nam->get(req);
    auto tlsUntrusted = std::make_shared<bool>(false);
    // A reply is aborted at most once, and only while it runs: metaDataChanged comes more than once (headers, then
    // again as the body starts), and aborting a reply that already errored or finished makes Qt report the error a
    // second time ("QNetworkReplyImplPrivate::error: Internal problem, this method must only be called once").
    auto stop = [reply] {
        QObject::disconnect(reply, &QNetworkReply::metaDataChanged, nullptr, nullptr);
        QObject::disconnect(reply, &QNetworkReply::sslErrors, nullptr, nullptr);
        if (reply->isRunning())
            reply->abort();
    };
    connect(reply, &QNetworkReply::sslErrors, this, [tlsUntrusted, stop](const QList<QSslError>&) {
        // Not ignored: the handshake got an answer, which is what this
        // probe asks. Abort before any byte is sent.
        *tlsUntrusted = true;
        stop();
    });
    // Answered as soon as the status line is in: a big login page need not be
    // downloaded.
    connect(reply, &QNetworkReply::metaDataChanged, this, [reply, stop] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid())
            stop();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, hostId, index, timer, tlsUntrusted] {
        reply->deleteLater();
        const int ms = static_cast<int>(timer->elapsed());
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (*tlsUntrusted) {
            finish(hostId, index, true, ms, tr("answers (certificate not trusted)"));
        } else if (status.isValid()) {
            const int code = status.toInt();
            finish(hostId, index, code < 500, ms, tr("HTTP %1").arg(code));
        } else if (reply->error() == QNetworkReply::OperationCanceledError ||
                   reply->error() == QNetworkReply::TimeoutError) {
            finish(hostId, index, false, -1, tr("no answer within %1 ms").arg(m_timeoutMs));
        } else {
            finish(hostId, index, false, -1, reply->errorString());
        }
    });
}

void HealthProber::probeSocket(const QString& hostId, int index, const QUrl& url, bool redisPing)
{
    auto* socket = new QTcpSocket(this);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto done = std::make_shared<bool>(false);
    const auto end = [this, socket, hostId, index, done](bool up, int ms, const QString& detail) {
        if (*done)
            return;
        *done = true;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
        finish(hostId, index, up, ms, detail);
    };
    auto* deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this,
            [this, end] { end(false, -1, tr("no answer within %1 ms").arg(m_timeoutMs)); });
    deadline->start(m_timeoutMs);
    connect(socket, &QTcpSocket::connected, this, [socket, timer, end, redisPing] {
        if (!redisPing) {
            end(true, static_cast<int>(timer->elapsed()), tr("port open"));
            return;
        }
        socket->write("PING\r\n"); // inline command, no AUTH: only servers
                                   // without a password answer PONG
    });
    connect(socket, &QTcpSocket::readyRead, this, [socket, timer, end] {
        const QByteArray line = socket->readAll();
        if (line.startsWith("+PONG"))
            end(true, static_cast<int>(timer->elapsed()), tr("PONG"));
        else if (line.startsWith("-NOAUTH"))
            end(true, static_cast<int>(timer->elapsed()), tr("answers (password required, PING not authorised)"));
        else
            end(false, -1, tr("unexpected answer: %1").arg(QString::fromLatin1(line.left(40)).trimmed()));
    });
    connect(socket, &QTcpSocket::errorOccurred, this,
            [socket, end](QAbstractSocket::SocketError) { end(false, -1, socket->errorString()); });
    const int defaultPort = redisPing ? 6379 : 0;
    socket->connectToHost(url.host(), static_cast<quint16>(url.port(defaultPort)));
}

} // namespace hlc
