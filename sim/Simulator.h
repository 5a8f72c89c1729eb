#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <optional>

namespace hlc::sim {

class SimAgents;
class SimAlertmanager;
class SimDocker;
class SimHealthServices;
class SimHomelab;
class SimHttpServer;
class SimOllama;
class SimPrometheus;

/// One simulated service as a client would configure it.
struct ServiceEndpoint
{
    QString hostId;               ///< "host-a", "host-b"
    QString hostName;             ///< "pve-thinkpad", "pve-ryzen"
    QString kind;                 ///< "proxmox" (later: "portainer", "prometheus", ...)
    QUrl baseUrl;                 ///< including the API prefix, e.g. https://127.0.0.1:PORT/api2/json
    QString user;                 ///< e.g. "monitor@pve!homelab-control"
    QString secret;               ///< random per start, throw-away
    QByteArray tlsSha256;         ///< lower-case hex SHA-256 of the server certificate; empty for plain HTTP
    QString node;                 ///< the PVE node the endpoint speaks for
    QString cluster;              ///< "proxmox": the cluster the node belongs to (its nodes share one API); empty: none
    QString prometheusInstance;   ///< "prometheus": the node_exporter `instance` label of this host
    int portainerEnvironment = 0; ///< "portainer": the environment (endpoint id) that is this host
    QUrl webSocketUrl;            ///< "homeassistant": its WebSocket API (ws://127.0.0.1:PORT/api/websocket, own port)
    /// "proxmox": "pve-ticket" when the host logs in with user + password (secret = the password, user = USER@REALM);
    /// otherwise "pve-token" (secret = the API token's secret)
    QString auth;
};

/**
 * @brief The whole simulated homelab: the seeded SimHomelab plus one server per host and service kind.
 *
 * Used by the demo mode, the `homelab-sim` tool and tests. Profile::Demo: two standalone PVE hosts (no cluster),
 * each on its own HTTPS port with its own self-signed certificate and API token. Profile::Large (SimLargeProfile.h):
 * 20 nodes in two clusters (one PVE API per cluster) with 2,000 guests, 6 Portainer environments with 300 stacks
 * and 3,000 containers, 5,000 Home Assistant entities, 300 alerts, 8 GPUs, 12 loaded models, 60 health probes.
 */
class Simulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Simulator)
public:
    explicit Simulator(QObject* parent = nullptr);
    ~Simulator() override;

    enum class Profile
    {
        Demo, ///< the two-host seed homelab
        Large ///< the homelab at scale (issue 13): `homelab-sim --profile large`, `scripts/bench --large`
    };
    /// The homelab start() builds; set before start(). Default Demo.
    void setProfile(Profile profile) { m_profile = profile; }
    [[nodiscard]] Profile profile() const { return m_profile; }
    /// "demo" or "large"; nullopt for any other name.
    [[nodiscard]] static std::optional<Profile> profileNamed(const QString& name);

    /// Creates the seeded homelab and starts every server (random tokens, fresh certificates).
    bool start(QString* error = nullptr);
    void stop();
    [[nodiscard]] bool isRunning() const { return m_homelab != nullptr; }

    /// Wall-clock interval of the homelab's ticks; set before start(). 0 disables the timer.
    void setTickIntervalMs(int ms) { m_tickMs = ms; }
    /// Host @p hostId's PVE accepts a user + password login (POST /access/ticket) instead of an API token in its
    /// endpoint; set before start(). The demo shows both auth modes this way.
    void setProxmoxTicketLogin(const QString& hostId) { m_ticketHosts.insert(hostId); }
    /// "Old servers" mode, set before start(): the oldest versions the app supports, as a real homelab may still run
    /// them: PVE 7.4, AdGuard Home v0.105.2 (no /control/protection, no pause timer), Home Assistant without
    /// subscribe_entities, Alertmanager 0.25. The demo and `homelab-sim --old-servers` can run with it.
    void setOldServers(bool old) { m_oldServers = old; }
    [[nodiscard]] bool oldServers() const { return m_oldServers; }
    /// Home Assistant serves at least @p count entities (bulk ones with ~4 kB of attributes added to the seed),
    /// set before start(); 0: the seed only. `homelab-sim --ha-entities N` and `scripts/bench --ha-entities N`.
    void setHomeAssistantEntities(int count) { m_haEntities = count; }

    [[nodiscard]] QList<ServiceEndpoint> endpoints() const;
    [[nodiscard]] QList<ServiceEndpoint> endpoints(const QString& kind) const;
    [[nodiscard]] ServiceEndpoint endpoint(const QString& hostId, const QString& kind) const;
    [[nodiscard]] SimHttpServer* server(const QString& hostId, const QString& kind) const;
    [[nodiscard]] SimHomelab* homelab() const { return m_homelab; }
    /// The one Prometheus (on host-a, scraping every node; kind "prometheus" for each host): register extra
    /// PromQL answers with SimPrometheus::addQueryHandler(). nullptr before start().
    [[nodiscard]] SimPrometheus* prometheus() const { return m_prometheus; }
    /// The one Alertmanager (kind "alertmanager" on host-a), fed by prometheus().
    [[nodiscard]] SimAlertmanager* alertmanager() const { return m_alertmanager; }
    /// The agent platform (kind "agents" on host-b, Bearer token = its endpoint's secret). nullptr before start().
    [[nodiscard]] SimAgents* agents() const { return m_agents; }
    /// Ollama (kind "ollama" on host-b, no auth), whose loaded models fill the GPU of SimGpu. nullptr before start().
    [[nodiscard]] SimOllama* ollama() const { return m_ollama; }
    /// Health endpoints of every seed service (HTTP, TCP, Redis PING); any can be taken down. nullptr before start().
    [[nodiscard]] SimHealthServices* health() const { return m_health; }

private:
    struct Service
    {
        ServiceEndpoint endpoint;
        SimHttpServer* server = nullptr;
        QObject* api = nullptr; ///< ProxmoxSim, ...
    };
    /// A server for @p kind of @p hostId on 127.0.0.1 (HTTPS when @p tls, with a fresh self-signed certificate) and
    /// its Service with the host filled in; nullopt (and @p error says why) when it cannot listen.
    std::optional<Service> newService(const QString& hostId, const QString& hostName, const QString& kind, bool tls,
                                      QString* error);
    /// One PVE API for @p nodes: a standalone host (one node, no @p cluster) or every node of @p cluster.
    bool startProxmox(const QStringList& nodes, const QString& cluster, QString* error);
    bool startLargeExtras(QString* error); ///< the large profile's alerts, churn and health probes
    bool startMonitoring(QString* error);
    bool startAi(QString* error);
    bool startPortainer(const QString& hostId, const QString& node, int environmentId, QString* error);
    bool startHome(QString* error); ///< AdGuard Home, Home Assistant, health endpoints (SimulatorHome.cpp)
    static QString randomHex(int chars);

    SimHomelab* m_homelab = nullptr;
    SimPrometheus* m_prometheus = nullptr;
    SimAlertmanager* m_alertmanager = nullptr;
    SimAgents* m_agents = nullptr;
    SimOllama* m_ollama = nullptr;
    SimHealthServices* m_health = nullptr;
    QList<Service> m_services;
    int m_tickMs = 1000;
    QSet<QString> m_ticketHosts;
    bool m_oldServers = false;
    int m_haEntities = 0;
    Profile m_profile = Profile::Demo;
    QList<SimDocker*> m_dockers;
};

} // namespace hlc::sim
