#include "Simulator.h"

#include "PortainerSim.h"
#include "ProxmoxSim.h"
#include "ProxmoxTaskSim.h"
#include "SimAgents.h"
#include "SimAlertmanager.h"
#include "SimDocker.h"
#include "SimGpu.h"
#include "SimHealthServices.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimLargeProfile.h"
#include "SimN8n.h"
#include "SimOllama.h"
#include "SimPrometheus.h"

#include <QRandomGenerator>
#include <QSet>

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

std::optional<Simulator::Profile> Simulator::profileNamed(const QString& name)
{
    if (name == QLatin1String("demo"))
        return Profile::Demo;
    if (name == QLatin1String("large"))
        return Profile::Large;
    return std::nullopt;
}

bool Simulator::start(QString* error)
{
    stop();
    const bool large = m_profile == Profile::Large;
    m_homelab = large ? large::createHomelab(this) : SimHomelab::createSeeded(this);
    if (m_oldServers) {
        for (const SimNode& n : m_homelab->nodes())
            m_homelab->setPveVersion(n.name, QStringLiteral("7.4-17"), QStringLiteral("513c62be"));
    }
    // One PVE API per standalone node, one per cluster (every node of a cluster answers for all of them).
    QStringList clusters;
    for (const SimNode& n : m_homelab->nodes()) {
        if (!n.cluster.isEmpty() && clusters.contains(n.cluster))
            continue;
        QStringList nodes{n.name};
        if (!n.cluster.isEmpty()) {
            clusters << n.cluster;
            nodes.clear();
            for (const SimNode& member : m_homelab->nodes()) {
                if (member.cluster == n.cluster)
                    nodes << member.name;
            }
        }
        if (!startProxmox(nodes, n.cluster, error)) {
            stop();
            return false;
        }
    }
    if (!startMonitoring(error)) {
        stop();
        return false;
    }
    if (!startAi(error)) {
        stop();
        return false;
    }
    int environment = 0;
    for (const SimNode& n : m_homelab->nodes()) {
        // Large: the first three nodes of each cluster run Docker under Portainer (6 environments).
        if (large && n.hostId.size() > 6 && n.hostId.right(2).toInt() > 3)
            continue;
        if (!startPortainer(n.hostId, n.name, ++environment, error)) {
            stop();
            return false;
        }
    }
    if (!startHome(error) || (large && !startLargeExtras(error))) {
        stop();
        return false;
    }
    if (m_tickMs > 0)
        m_homelab->startTicking(m_tickMs);
    if (error)
        error->clear();
    return true;
}

std::optional<Simulator::Service> Simulator::newService(const QString& hostId, const QString& hostName,
                                                        const QString& kind, bool tls, QString* error)
{
    auto* server = new SimHttpServer(this);
    if (!server->listen(tls)) {
        if (error)
            *error = QStringLiteral("%1 %2: %3").arg(hostId, kind, server->errorString());
        delete server;
        return std::nullopt;
    }
    Service s;
    s.server = server;
    s.endpoint.hostId = hostId;
    s.endpoint.hostName = hostName;
    s.endpoint.kind = kind;
    if (tls)
        s.endpoint.tlsSha256 = server->tlsIdentity().sha256Hex();
    return s;
}

bool Simulator::startProxmox(const QStringList& nodes, const QString& cluster, QString* error)
{
    const std::optional<SimNode> first = m_homelab->node(nodes.value(0));
    if (!first)
        return false;
    const QString hostId = first->hostId;
    std::optional<Service> made = newService(hostId, first->name, QStringLiteral("proxmox"), true, error);
    if (!made)
        return false;
    Service s = *made;
    SimHttpServer* server = s.server;
    s.endpoint.user = QStringLiteral("monitor@pve!homelab-control");
    s.endpoint.secret = randomHex(32);
    s.endpoint.node = first->name;
    s.endpoint.cluster = cluster;
    QUrl url = server->baseUrl();
    url.setPath(ProxmoxSim::apiPrefix());
    s.endpoint.baseUrl = url;
    s.endpoint.auth = QStringLiteral("pve-token");
    auto* pve = new ProxmoxSim(m_homelab, server, nodes, s.endpoint.user, s.endpoint.secret, this);
    if (!cluster.isEmpty())
        pve->setClusterName(cluster);
    s.api = pve;
    // Power actions run as tasks (a few seconds); win11-test on Host B cannot start: its GPU is taken.
    auto* tasks = new ProxmoxTaskSim(m_homelab, server, pve);
    if (cluster.isEmpty() && m_ticketHosts.contains(hostId)) {
        // This host logs in with a user and password; the token above stays valid but is not handed out.
        s.endpoint.auth = QStringLiteral("pve-ticket");
        s.endpoint.user = QStringLiteral("homelab@pve");
        s.endpoint.secret = randomHex(16);
        tasks->setLogin(s.endpoint.user, s.endpoint.secret);
    }
    tasks->failStart(
        112, QStringLiteral("start failed: QEMU exited with code 1"),
        {QStringLiteral("kvm: -device vfio-pci,host=0000:01:00.0,id=hostpci0,bus=ich9-pcie-port-1,addr=0x0: "
                        "vfio 0000:01:00.0: failed to open /dev/vfio/12: Device or resource busy"),
         QStringLiteral("stopping swtpm instance (pid 48213) due to QEMU startup error")});
    m_services.append(s);
    // The other nodes of a cluster: the same API, token and certificate, each its own host.
    for (qsizetype i = 1; i < nodes.size(); ++i) {
        const std::optional<SimNode> n = m_homelab->node(nodes.at(i));
        if (!n)
            continue;
        Service member = s;
        member.api = nullptr; // owned by the first
        member.endpoint.hostId = n->hostId;
        member.endpoint.hostName = n->name;
        member.endpoint.node = n->name;
        m_services.append(member);
    }
    return true;
}

bool Simulator::startPortainer(const QString& hostId, const QString& node, int environmentId, QString* error)
{
    // Portainer CE on each host over HTTPS with its own self-signed certificate, as the real one serves on 9443: the
    // demo's second TLS service besides Proxmox, so certificate trust is shown for more than one kind.
    std::optional<Service> made = newService(hostId, node, QStringLiteral("portainer"), true, error);
    if (!made)
        return false;
    Service s = *made;
    SimHttpServer* server = s.server;
    s.endpoint.secret = QStringLiteral("ptr_") + randomHex(40);
    s.endpoint.portainerEnvironment = environmentId;
    QUrl url = server->baseUrl();
    url.setPath(PortainerSim::apiPrefix());
    s.endpoint.baseUrl = url;
    SimDocker* docker = m_profile == Profile::Large ? large::createDocker(environmentId)
                                                    : SimDocker::createSeeded(hostId, environmentId);
    m_dockers.append(docker);
    auto* portainer = new PortainerSim(docker, server, node, s.endpoint.secret, this);
    docker->setParent(portainer); // stacks and containers live as long as their Portainer
    s.api = portainer;
    m_services.append(s);
    return true;
}

void Simulator::stop()
{
    QSet<QObject*> deleted; // several hosts may share one server (one Prometheus scrapes all)
    for (const Service& s : std::as_const(m_services)) {
        for (QObject* o : {s.api, static_cast<QObject*>(s.server)}) {
            if (o && !deleted.contains(o)) {
                deleted.insert(o);
                delete o;
            }
        }
    }
    m_services.clear();
    m_dockers.clear();
    m_prometheus = nullptr;
    m_alertmanager = nullptr;
    m_agents = nullptr;
    m_ollama = nullptr;
    delete m_health;
    m_health = nullptr;
    delete m_homelab;
    m_homelab = nullptr;
}

bool Simulator::startMonitoring(QString* error)
{
    // One Prometheus and one Alertmanager on host-a (plain HTTP, no auth, as usual on a LAN); Prometheus scrapes
    // every node's node_exporter, so each host lists it with its own `instance`.
    auto* promServer = new SimHttpServer(this);
    auto* amServer = new SimHttpServer(this);
    if (!promServer->listen(false) || !amServer->listen(false)) {
        if (error)
            *error = QStringLiteral("prometheus/alertmanager: %1 %2")
                         .arg(promServer->errorString(), amServer->errorString());
        delete promServer;
        delete amServer;
        return false;
    }
    m_prometheus = new SimPrometheus(m_homelab, promServer, this);
    m_alertmanager = new SimAlertmanager(m_prometheus, amServer, this);
    QString primary;
    for (const SimNode& n : m_homelab->nodes()) {
        if (primary.isEmpty())
            primary = n.hostId;
        Service s;
        s.server = promServer;
        s.api = n.hostId == primary ? static_cast<QObject*>(m_prometheus) : nullptr;
        s.endpoint.hostId = n.hostId;
        s.endpoint.hostName = n.name;
        s.endpoint.kind = QStringLiteral("prometheus");
        s.endpoint.baseUrl = promServer->baseUrl();
        s.endpoint.node = n.name;
        s.endpoint.prometheusInstance = SimPrometheus::instanceOf(n.name);
        m_services.append(s);
    }
    Service am;
    am.server = amServer;
    am.api = m_alertmanager;
    am.endpoint.hostId = primary;
    am.endpoint.hostName = m_homelab->nodes().value(0).name;
    am.endpoint.kind = QStringLiteral("alertmanager");
    am.endpoint.baseUrl = amServer->baseUrl();
    m_services.append(am);
    return true;
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

bool Simulator::startAi(QString* error)
{
    // Host B carries the GPU, Ollama and the agent platform; n8n runs on host A (HOMELAB-ARCHITECTURE.md).
    QString gpuNode;
    QString aiHost = QStringLiteral("host-b");
    QString aiNode;
    QString n8nNode;
    for (const SimNode& n : m_homelab->nodes()) {
        if (!n.gpuModel.isEmpty())
            gpuNode = n.name;
        if (n.hostId == aiHost)
            aiNode = n.name;
        if (n.hostId == QLatin1String("host-a"))
            n8nNode = n.name;
    }
    // Returns the new service, valid until the next append.
    auto startServer = [&](const QString& hostId, const QString& hostName, const QString& kind) -> Service* {
        std::optional<Service> s = newService(hostId, hostName, kind, false, error);
        if (!s)
            return nullptr;
        s->endpoint.baseUrl = s->server->baseUrl();
        m_services.append(*s);
        return &m_services.last();
    };

    Service* ollama = startServer(aiHost, aiNode, QStringLiteral("ollama"));
    if (!ollama)
        return false;
    m_ollama = new SimOllama(ollama->server, this);
    ollama->api = m_ollama;
    // Models the agents and Open WebUI keep warm: llama3 for the Communicator, the embedding model for search.
    const bool large = m_profile == Profile::Large;
    if (!large) {
        m_ollama->load(QStringLiteral("llama3:8b"));
        m_ollama->load(QStringLiteral("nomic-embed-text"), 90);
    }
    if (m_prometheus && !gpuNode.isEmpty()) {
        SimGpu::Gpu gpu;
        for (const SimNode& n : m_homelab->nodes()) {
            if (n.name == gpuNode) {
                gpu.name = n.gpuModel;
                gpu.memoryTotal = n.gpuMemTotal > 0 ? n.gpuMemTotal : gpu.memoryTotal;
            }
        }
        QList<SimGpu::Gpu> gpus{gpu};
        if (large) { // one AI server with 8 cards
            gpus.clear();
            for (int i = 0; i < large::kGpus; ++i) {
                SimGpu::Gpu g = gpu;
                g.uuid = QStringLiteral("GPU-6f1e8c2a-3b1d-4e0f-9a55-a6000000000%1").arg(i);
                g.maxPowerW = 300.0;
                gpus << g;
            }
        }
        m_ollama->setVramBytes(gpu.memoryTotal * gpus.size());
        // Deleted with the Ollama sim (its handler lives in the Prometheus of this start).
        new SimGpu(m_prometheus, gpuNode + QStringLiteral(":9835"), SimGpu::Format::NvidiaSmi, gpus, m_ollama,
                   m_ollama);
    }
    if (large) { // 12 models kept warm for a day
        constexpr qint64 kGiB = 1024LL * 1024 * 1024;
        const QStringList extra{QStringLiteral("llama3.1:70b"),
                                QStringLiteral("gemma2:9b"),
                                QStringLiteral("phi3:14b"),
                                QStringLiteral("deepseek-r1:32b"),
                                QStringLiteral("mixtral:8x7b"),
                                QStringLiteral("qwen2.5-coder:32b"),
                                QStringLiteral("mxbai-embed-large:latest")};
        for (qsizetype i = 0; i < extra.size(); ++i) {
            SimOllama::Model m;
            m.name = extra.at(i);
            m.memSize = (4 + 6 * (i % 4)) * kGiB;
            m.diskSize = m.memSize * 3 / 4;
            m.family = QStringLiteral("llama");
            m.parameterSize = QStringLiteral("%1B").arg(7 + 9 * (i % 4));
            m.quantization = QStringLiteral("Q4_K_M");
            m.tokensPerSecond = 60.0 - 10.0 * static_cast<double>(i % 4);
            m_ollama->addModel(m);
        }
        const QStringList all =
            QStringList{QStringLiteral("llama3:8b"), QStringLiteral("mistral:7b"), QStringLiteral("codellama:7b"),
                        QStringLiteral("qwen2.5:14b"), QStringLiteral("nomic-embed-text")} +
            extra;
        for (const QString& name : all)
            m_ollama->load(name, 86400);
    }

    Service* agents = startServer(aiHost, aiNode, QStringLiteral("agents"));
    if (!agents)
        return false;
    agents->endpoint.secret = randomHex(40);
    QUrl url = agents->server->baseUrl();
    url.setPath(SimAgents::apiPrefix());
    agents->endpoint.baseUrl = url;
    m_agents = new SimAgents(agents->server, agents->endpoint.secret, this);
    agents->api = m_agents;

    Service* n8n = startServer(QStringLiteral("host-a"), n8nNode, QStringLiteral("n8n"));
    if (!n8n)
        return false;
    // The header-auth secret of the "homelab-backup" webhook (secret key host-a/n8n/backup in the demo).
    n8n->endpoint.secret = randomHex(24);
    n8n->api = new SimN8n(n8n->server, n8n->endpoint.secret.toLatin1(), this);
    return true;
}

} // namespace hlc::sim

namespace hlc::sim {

bool Simulator::startLargeExtras(QString* error)
{
    QStringList instances;
    QStringList hostIds;
    for (const SimNode& n : m_homelab->nodes()) {
        instances << SimPrometheus::instanceOf(n.name);
        hostIds << n.hostId;
    }
    if (m_prometheus)
        large::installAlerts(m_prometheus, instances);
    large::installChurn(m_homelab, m_dockers);
    return !m_health || m_health->addBulk(hostIds, large::kHealthProbes, error);
}

} // namespace hlc::sim
