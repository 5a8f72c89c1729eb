#include "Simulator.h"

#include "ProxmoxSim.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"

#include <QRandomGenerator>

namespace hlc::sim {

Simulator::Simulator(QObject* parent)
    : QObject(parent)
{}

Simulator::~Simulator()
{
    stop();
}

QString Simulator::randomHex(int chars)
{
    QByteArray bytes;
    while (bytes.size() * 2 < chars) {
        const quint32 v = QRandomGenerator::system()->generate();
        bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    return QString::fromLatin1(bytes.toHex().left(chars));
}

bool Simulator::start(QString* error)
{
    stop();
    m_homelab = SimHomelab::createSeeded(this);
    for (const SimNode& n : m_homelab->nodes()) {
        if (!startProxmox(n.hostId, n.name, error)) {
            stop();
            return false;
        }
    }
    if (m_tickMs > 0)
        m_homelab->startTicking(m_tickMs);
    if (error)
        error->clear();
    return true;
}

bool Simulator::startProxmox(const QString& hostId, const QString& node, QString* error)
{
    auto* server = new SimHttpServer(this);
    if (!server->listen(true)) {
        if (error)
            *error = QStringLiteral("%1 proxmox: %2").arg(hostId, server->errorString());
        delete server;
        return false;
    }
    Service s;
    s.server = server;
    s.endpoint.hostId = hostId;
    s.endpoint.hostName = node;
    s.endpoint.kind = QStringLiteral("proxmox");
    s.endpoint.user = QStringLiteral("monitor@pve!homelab-control");
    s.endpoint.secret = randomHex(32);
    s.endpoint.tlsSha256 = server->tlsIdentity().sha256Hex();
    s.endpoint.node = node;
    QUrl url = server->baseUrl();
    url.setPath(ProxmoxSim::apiPrefix());
    s.endpoint.baseUrl = url;
    s.api = new ProxmoxSim(m_homelab, server, {node}, s.endpoint.user, s.endpoint.secret, this);
    m_services.append(s);
    return true;
}

void Simulator::stop()
{
    for (const Service& s : std::as_const(m_services)) {
        delete s.api;
        delete s.server;
    }
    m_services.clear();
    delete m_homelab;
    m_homelab = nullptr;
}

QList<ServiceEndpoint> Simulator::endpoints() const
{
    QList<ServiceEndpoint> out;
    for (const Service& s : m_services)
        out.append(s.endpoint);
    return out;
}

QList<ServiceEndpoint> Simulator::endpoints(const QString& kind) const
{
    QList<ServiceEndpoint> out;
    for (const Service& s : m_services) {
        if (s.endpoint.kind == kind)
            out.append(s.endpoint);
    }
    return out;
}

ServiceEndpoint Simulator::endpoint(const QString& hostId, const QString& kind) const
{
    for (const Service& s : m_services) {
        if (s.endpoint.hostId == hostId && s.endpoint.kind == kind)
            return s.endpoint;
    }
    return {};
}

SimHttpServer* Simulator::server(const QString& hostId, const QString& kind) const
{
    for (const Service& s : m_services) {
        if (s.endpoint.hostId == hostId && s.endpoint.kind == kind)
            return s.server;
    }
    return nullptr;
}

} // namespace hlc::sim
