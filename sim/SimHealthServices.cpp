#include "SimHealthServices.h"

#include "SimHttpServer.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace hlc::sim {

namespace {
const QByteArray s_loginPage = "<!doctype html><html><head><title>Login</title></head><body><form method=\"post\">"
                               "<input name=\"username\"><input type=\"password\" name=\"password\"></form></body>"
                               "</html>";
} // namespace

SimHealthServices::SimHealthServices(QObject* parent)
    : QObject(parent)
{}

SimHealthServices::~SimHealthServices()
{
    stop();
}

void SimHealthServices::addHttp(const QString& hostId, const QString& name, const QString& path, bool browser,
                                const QByteArray& body, const QByteArray& contentType)
{
    Service s;
    s.target = {hostId, name, QStringLiteral("http"), QUrl(), browser};
    s.http = new SimHttpServer(this);
    const QByteArray b = body;
    const QByteArray ct = contentType;
    s.http->route("GET", path, [b, ct](const SimRequest&) {
        SimResponse r = SimResponse::text(200, b);
        r.contentType = ct;
        return r;
    });
    s.target.url = QUrl(QStringLiteral("http://127.0.0.1") + path); // port set when listening
    m_services << s;
}

void SimHealthServices::addTcp(const QString& hostId, const QString& name, const QString& kind)
{
    Service s;
    s.target = {hostId, name, kind, QUrl(), false};
    s.tcp = new QTcpServer(this);
    const bool redis = kind == QLatin1String("redis");
    connect(s.tcp, &QTcpServer::newConnection, this, [this, server = s.tcp, redis] {
        while (QTcpSocket* c = server->nextPendingConnection()) {
            connect(c, &QTcpSocket::disconnected, c, &QObject::deleteLater);
            if (redis) {
                connect(c, &QTcpSocket::readyRead, c, [this, c] {
                    const QByteArray in = c->readAll();
                    if (in.toUpper().contains("PING"))
                        c->write(m_redisNoAuth ? "-NOAUTH Authentication required.\r\n" : "+PONG\r\n");
                });
            }
        }
    });
    s.target.url = QUrl(kind + QStringLiteral("://127.0.0.1"));
    m_services << s;
}

bool SimHealthServices::start(QString* error)
{
    stop();
    const QByteArray json = "application/json";
    const QByteArray html = "text/html; charset=utf-8";
    const QByteArray text = "text/plain; charset=utf-8";
    const QString a = QStringLiteral("host-a");
    const QString b = QStringLiteral("host-b");
    // Host A: primary services.
    addHttp(a, QStringLiteral("Traefik"), QStringLiteral("/ping"), false, "OK", text);
    addHttp(a, QStringLiteral("Authentik"), QStringLiteral("/-/health/live/"), true, "", text);
    addHttp(a, QStringLiteral("Portainer"), QStringLiteral("/api/system/status"), true,
            R"({"Version":"2.21.4","InstanceID":"sim"})", json);
    addHttp(a, QStringLiteral("AdGuard Home"), QStringLiteral("/login.html"), true, s_loginPage, html);
    addHttp(a, QStringLiteral("n8n"), QStringLiteral("/healthz"), true, R"({"status":"ok"})", json);
    addHttp(a, QStringLiteral("Grafana"), QStringLiteral("/api/health"), true,
            R"({"commit":"sim","database":"ok","version":"11.3.0"})", json);
    addHttp(a, QStringLiteral("Prometheus"), QStringLiteral("/-/healthy"), true, "Prometheus Server is Healthy.\n",
            text);
    addHttp(a, QStringLiteral("Loki"), QStringLiteral("/ready"), false, "ready\n", text);
    addHttp(a, QStringLiteral("Home Assistant"), QStringLiteral("/manifest.json"), true,
            R"({"name":"Home Assistant","short_name":"Assistant"})", json);
    addTcp(a, QStringLiteral("MQTT Mosquitto"), QStringLiteral("tcp"));
    addHttp(a, QStringLiteral("Zigbee2MQTT"), QStringLiteral("/"), true, s_loginPage, html);
    addHttp(a, QStringLiteral("ESPHome"), QStringLiteral("/"), true, s_loginPage, html);
    addHttp(a, QStringLiteral("Node-RED"), QStringLiteral("/"), true, s_loginPage, html);
    // Host B: compute, databases, media.
    addTcp(b, QStringLiteral("PostgreSQL"), QStringLiteral("tcp"));
    addTcp(b, QStringLiteral("Redis"), QStringLiteral("redis"));
    addHttp(b, QStringLiteral("Ollama"), QStringLiteral("/"), false, "Ollama is running", text);
    addHttp(b, QStringLiteral("Open WebUI"), QStringLiteral("/health"), true, R"({"status":true})", json);
    addHttp(b, QStringLiteral("Jellyfin"), QStringLiteral("/health"), true, "Healthy", text);
    addHttp(b, QStringLiteral("Sonarr"), QStringLiteral("/ping"), true, R"({"status":"OK"})", json);
    addHttp(b, QStringLiteral("Radarr"), QStringLiteral("/ping"), true, R"({"status":"OK"})", json);
    addHttp(b, QStringLiteral("Prowlarr"), QStringLiteral("/ping"), true, R"({"status":"OK"})", json);
    addHttp(b, QStringLiteral("qBittorrent"), QStringLiteral("/"), true, s_loginPage, html);
    addHttp(b, QStringLiteral("Frigate NVR"), QStringLiteral("/api/version"), true, "0.14.1", text);
    for (Service& s : m_services) {
        if (!startService(s)) {
            if (error)
                *error = QStringLiteral("health %1/%2: cannot listen").arg(s.target.hostId, s.target.name);
            stop();
            return false;
        }
        s.target.url.setPort(s.port);
    }
    return true;
}

bool SimHealthServices::addBulk(const QStringList& hostIds, int total, QString* error)
{
    const QByteArray text = "text/plain; charset=utf-8";
    for (qsizetype i = m_services.size(); i < total && !hostIds.isEmpty(); ++i) {
        addHttp(hostIds.at(i % hostIds.size()), QStringLiteral("Service %1").arg(i + 1, 2, 10, QLatin1Char('0')),
                QStringLiteral("/health"), i % 2 == 0, "OK", text);
        Service& s = m_services.last();
        if (!startService(s)) {
            if (error)
                *error = QStringLiteral("health %1/%2: cannot listen").arg(s.target.hostId, s.target.name);
            return false;
        }
        s.target.url.setPort(s.port);
    }
    return true;
}

bool SimHealthServices::startService(Service& s)
{
    if (s.http) {
        if (!s.http->listen(false, s.port))
            return false;
        s.port = s.http->port();
    } else if (s.tcp) {
        if (!s.tcp->listen(QHostAddress::LocalHost, s.port))
            return false;
        s.port = s.tcp->serverPort();
    }
    s.down = false;
    return true;
}

void SimHealthServices::stop()
{
    for (Service& s : m_services) {
        delete s.http;
        delete s.tcp;
    }
    m_services.clear();
}

QList<SimProbeTarget> SimHealthServices::targets() const
{
    QList<SimProbeTarget> out;
    for (const Service& s : m_services)
        out << s.target;
    return out;
}

QList<SimProbeTarget> SimHealthServices::targets(const QString& hostId) const
{
    QList<SimProbeTarget> out;
    for (const Service& s : m_services) {
        if (s.target.hostId == hostId)
            out << s.target;
    }
    return out;
}

bool SimHealthServices::setDown(const QString& hostId, const QString& name, bool down)
{
    for (Service& s : m_services) {
        if (s.target.hostId != hostId || s.target.name != name)
            continue;
        if (down == s.down)
            return true;
        if (down) {
            if (s.http)
                s.http->close();
            if (s.tcp) {
                s.tcp->close();
                for (QTcpSocket* c : s.tcp->findChildren<QTcpSocket*>())
                    c->abort();
            }
            s.down = true;
            return true;
        }
        return startService(s);
    }
    return false;
}

bool SimHealthServices::sawCredentials() const
{
    for (const Service& s : m_services) {
        if (!s.http)
            continue;
        for (const SimRequest& r : s.http->requests()) {
            if (!r.header("authorization").isEmpty() || !r.header("cookie").isEmpty())
                return true;
        }
    }
    return false;
}

int SimHealthServices::requestsSeen() const
{
    int n = 0;
    for (const Service& s : m_services) {
        if (s.http)
            n += static_cast<int>(s.http->requests().size());
    }
    return n;
}

} // namespace hlc::sim
