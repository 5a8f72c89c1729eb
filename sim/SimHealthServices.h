#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

class QTcpServer;

namespace hlc::sim {

class SimHttpServer;

/// One simulated service's health endpoint.
struct SimProbeTarget
{
    QString hostId;
    QString name; ///< "Grafana", "PostgreSQL", ...
    QString kind; ///< "http", "tcp" or "redis"
    QUrl url;     ///< http://127.0.0.1:PORT/health, tcp://127.0.0.1:PORT, redis://127.0.0.1:PORT
    bool openInBrowser = false;
};

/**
 * @brief The cheap health endpoints of every service of the seed homelab on loopback: HTTP servers answering a
 * health path or a login page, plain TCP listeners (PostgreSQL, MQTT) and a tiny RESP responder for Redis PING.
 * Any of them can be taken down and brought back on the same port.
 */
class SimHealthServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimHealthServices)
public:
    explicit SimHealthServices(QObject* parent = nullptr);
    ~SimHealthServices() override;

    /// Starts the services of the seed topology (HOMELAB-ARCHITECTURE.md) for host-a and host-b.
    bool start(QString* error = nullptr);
    void stop();
    /// After start(): adds HTTP health endpoints (GET /health, "OK") spread over @p hostIds in turn until there are
    /// @p total services in all (the large profile's 60 probes).
    bool addBulk(const QStringList& hostIds, int total, QString* error = nullptr);

    [[nodiscard]] QList<SimProbeTarget> targets() const;
    [[nodiscard]] QList<SimProbeTarget> targets(const QString& hostId) const;
    /// Takes a service down (stops listening, drops connections) or brings it back on its old port.
    bool setDown(const QString& hostId, const QString& name, bool down);
    /// A Redis that requires a password answers -NOAUTH to PING.
    void setRedisPasswordRequired(bool on) { m_redisNoAuth = on; }
    /// Every HTTP request the services received carried no Authorization header or cookie (for tests).
    [[nodiscard]] bool sawCredentials() const;
    [[nodiscard]] int requestsSeen() const;

private:
    struct Service
    {
        SimProbeTarget target;
        SimHttpServer* http = nullptr;
        QTcpServer* tcp = nullptr;
        quint16 port = 0;
        bool down = false;
    };
    bool startService(Service& s);
    void addHttp(const QString& hostId, const QString& name, const QString& path, bool browser, const QByteArray& body,
                 const QByteArray& contentType);
    void addTcp(const QString& hostId, const QString& name, const QString& kind);

    QList<Service> m_services;
    bool m_redisNoAuth = false;
};

} // namespace hlc::sim
