#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

namespace hlc::sim {

class SimHomelab;
class SimHttpServer;

/// One simulated service as a client would configure it.
struct ServiceEndpoint
{
    QString hostId;       ///< "host-a", "host-b"
    QString hostName;     ///< "pve-thinkpad", "pve-ryzen"
    QString kind;         ///< "proxmox" (later: "portainer", "prometheus", ...)
    QUrl baseUrl;         ///< including the API prefix, e.g. https://127.0.0.1:PORT/api2/json
    QString user;         ///< e.g. "monitor@pve!homelab-control"
    QString secret;       ///< random per start, throw-away
    QByteArray tlsSha256; ///< lower-case hex SHA-256 of the server certificate; empty for plain HTTP
    QString node;         ///< the PVE node the endpoint speaks for
};

/**
 * @brief The whole simulated homelab: the seeded SimHomelab plus one server per host and service kind.
 *
 * Used by the demo mode, the `homelab-sim` tool and tests. Two standalone PVE hosts (no cluster), each on its own
 * HTTPS port with its own self-signed certificate and API token.
 */
class Simulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Simulator)
public:
    explicit Simulator(QObject* parent = nullptr);
    ~Simulator() override;

    /// Creates the seeded homelab and starts every server (random tokens, fresh certificates).
    bool start(QString* error = nullptr);
    void stop();
    [[nodiscard]] bool isRunning() const { return m_homelab != nullptr; }

    /// Wall-clock interval of the homelab's ticks; set before start(). 0 disables the timer.
    void setTickIntervalMs(int ms) { m_tickMs = ms; }

    [[nodiscard]] QList<ServiceEndpoint> endpoints() const;
    [[nodiscard]] QList<ServiceEndpoint> endpoints(const QString& kind) const;
    [[nodiscard]] ServiceEndpoint endpoint(const QString& hostId, const QString& kind) const;
    [[nodiscard]] SimHttpServer* server(const QString& hostId, const QString& kind) const;
    [[nodiscard]] SimHomelab* homelab() const { return m_homelab; }

private:
    struct Service
    {
        ServiceEndpoint endpoint;
        SimHttpServer* server = nullptr;
        QObject* api = nullptr; ///< ProxmoxSim, ...
    };
    bool startProxmox(const QString& hostId, const QString& node, QString* error);
    static QString randomHex(int chars);

    SimHomelab* m_homelab = nullptr;
    QList<Service> m_services;
    int m_tickMs = 1000;
};

} // namespace hlc::sim
