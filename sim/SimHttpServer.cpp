#include "SimHttpServer.h"

#include "SimHttpConnection.h"
#include "SimStream.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

namespace hlc::sim {

/// Hands every accepted descriptor to the owning server, which picks a plain or a TLS socket for it.
class SimHttpServer::TcpServer final : public QTcpServer
{
public:
    TcpServer(SimHttpServer* owner)
        : QTcpServer(owner)
        , m_owner(owner)
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_owner->handleNewConnection(descriptor); }

private:
    SimHttpServer* m_owner;
};

SimResponse SimResponse::json(int status, const QByteArray& body)
{
    SimResponse r;
    r.status = status;
    r.body = body;
    return r;
}

SimResponse SimResponse::text(int status, const QByteArray& body)
{
    SimResponse r;
    r.status = status;
    r.body = body;
    r.contentType = "text/plain;charset=utf-8";
    return r;
}

SimHttpServer::SimHttpServer(QObject* parent)
    : QObject(parent)
{}

SimHttpServer::~SimHttpServer()
{
    close();
}

bool SimHttpServer::listen(bool tls, quint16 port)
{
    close();
    m_error.clear();
    if (tls && m_identity.isNull()) {
        QString error;
        m_identity = TlsIdentity::generate(QStringLiteral("localhost"), &error);
        if (m_identity.isNull()) {
            m_error = error;
            return false;
        }
    }
    if (tls && !QSslSocket::supportsSsl()) {
        m_error = QStringLiteral("this Qt has no TLS backend");
        return false;
    }
    m_tls = tls;
    m_tcp = new TcpServer(this);
    if (!m_tcp->listen(QHostAddress::LocalHost, port)) {
        m_error = m_tcp->errorString();
        delete m_tcp;
        m_tcp = nullptr;
        return false;
    }
    return true;
}

void SimHttpServer::close()
{
    if (m_tcp) {
        m_tcp->close();
        delete m_tcp;
        m_tcp = nullptr;
    }
    const auto connections = m_connections;
    m_connections.clear();
    for (const QPointer<SimHttpConnection>& c : connections) {
        if (c) {
            c->abortNow();
            delete c.data();
        }
    }
}

bool SimHttpServer::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

quint16 SimHttpServer::port() const
{
    return isListening() ? m_tcp->serverPort() : 0;
}

QUrl SimHttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

int SimHttpServer::openConnections() const
{
    int n = 0;
    for (const auto& c : m_connections)
        n += c ? 1 : 0;
    return n;
}

void SimHttpServer::handleNewConnection(qintptr descriptor)
{
    ++m_connectionsAccepted;
    m_connections.removeAll(QPointer<SimHttpConnection>());
    QTcpSocket* socket = nullptr;
    if (m_tls) {
        auto* ssl = new QSslSocket;
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(QList<QSslCertificate>{m_identity.certificate} + m_identity.chain);
        config.setPrivateKey(m_identity.key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        if (!m_alpn.isEmpty())
            config.setAllowedNextProtocols(m_alpn);
        ssl->setSslConfiguration(config);
        connect(ssl, &QSslSocket::encrypted, this,
                [this, ssl] { m_negotiated.append(ssl->sslConfiguration().nextNegotiatedProtocol()); });
        socket = ssl;
    } else {
        socket = new QTcpSocket;
    }
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    m_connections.append(new SimHttpConnection(this, socket));
    if (auto* ssl = qobject_cast<QSslSocket*>(socket))
        ssl->startServerEncryption();
}

void SimHttpServer::replaceTlsIdentity(const TlsIdentity& id)
{
    m_identity = id;
    const auto connections = m_connections;
    m_connections.clear();
    for (const QPointer<SimHttpConnection>& c : connections) {
        if (c)
            c->abortNow();
    }
}

void SimHttpServer::addRoute(Route r)
{
    r.segments = r.pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    m_routes.append(std::move(r));
}

void SimHttpServer::route(const QByteArray& method, const QString& pattern, Handler handler)
{
    addRoute({method.toUpper(), pattern, {}, std::move(handler), {}});
}

void SimHttpServer::routeStream(const QByteArray& method, const QString& pattern, StreamHandler handler)
{
    addRoute({method.toUpper(), pattern, {}, {}, std::move(handler)});
}

SimHttpServer::Dispatch SimHttpServer::match(const QByteArray& method, const QStringList& rawSegments) const
{
    Dispatch best;
    int bestScore = -1;
    for (const Route& r : m_routes) {
        if (r.segments.size() != rawSegments.size())
            continue;
        QHash<QString, QString> params;
        int literals = 0;
        bool ok = true;
        for (qsizetype i = 0; i < r.segments.size() && ok; ++i) {
            const QString& seg = r.segments[i];
            if (seg.size() > 2 && seg.startsWith(QLatin1Char('{')) && seg.endsWith(QLatin1Char('}'))) {
                params.insert(seg.mid(1, seg.size() - 2), rawSegments[i]);
            } else {
                ok = seg == rawSegments[i];
                ++literals;
            }
        }
        if (!ok)
            continue;
        if (!best.allowedMethods.contains(r.method))
            best.allowedMethods.append(r.method);
        if (r.method == method && literals > bestScore) {
            bestScore = literals;
            best.route = r;
            best.params = params;
        }
    }
    return best;
}

void SimHttpServer::setFault(const QByteArray& method, const QString& pattern, const Fault& fault)
{
    m_faults.insert({method.toUpper(), pattern}, fault);
}

void SimHttpServer::clearFault(const QByteArray& method, const QString& pattern)
{
    m_faults.remove({method.toUpper(), pattern});
}

void SimHttpServer::clearFaults()
{
    m_faults.clear();
}

std::optional<Fault> SimHttpServer::takeFault(const QByteArray& method, const QString& pattern)
{
    const QString any = QStringLiteral("*");
    const QList<QPair<QByteArray, QString>> keys = {{method, pattern}, {"*", pattern}, {method, any}, {"*", any}};
    for (const auto& key : keys) {
        if (key.second.isEmpty())
            continue; // an unknown path only sees "*" faults
        auto it = m_faults.find(key);
        if (it == m_faults.end())
            continue;
        if (it->times == 0) {
            m_faults.erase(it);
            continue;
        }
        const Fault f = *it;
        if (it->times > 0 && --it->times == 0)
            m_faults.erase(it);
        return f;
    }
    return std::nullopt;
}

QString SimHttpServer::inFlightKey(const SimRequest& request)
{
    return QString::fromLatin1(request.method) + QLatin1Char(' ') + request.path + QLatin1Char('?') +
           request.query.toString(QUrl::FullyEncoded);
}

void SimHttpServer::recordRequest(const SimRequest& request)
{
    m_requests.append(request);
    if (request.method == "GET") {
        const QString key = inFlightKey(request);
        if (++m_inFlight[key] > 1)
            m_duplicateGets.append(key);
    }
    emit requestReceived(request);
}

void SimHttpServer::answered(const SimRequest& request)
{
    if (request.method != "GET")
        return;
    const QString key = inFlightKey(request);
    const auto it = m_inFlight.find(key);
    if (it != m_inFlight.end() && --*it <= 0)
        m_inFlight.erase(it);
}

} // namespace hlc::sim
