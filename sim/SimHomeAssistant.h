#pragma once

#include "SimHttpServer.h"
#include "TlsIdentity.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace hlc::sim {

/// One entity of the simulated Home Assistant.
struct SimEntity
{
    QString entityId;
    QString state;
    QJsonObject attributes;
    QString areaId;
    QString platform; ///< "hue", "zigbee2mqtt" (mqtt), "esphome", ...
    QDateTime lastChanged;
    QDateTime lastUpdated;
};

/**
 * @brief Home Assistant: REST (`/api/...`) on a SimHttpServer and the WebSocket API (`/api/websocket`) on its own
 * port (a QWebSocketServer), both over the same entity store.
 *
 * WebSocket: auth_required -> auth -> auth_ok / auth_invalid (then closed), get_states, subscribe_entities
 * (can be switched off to emulate old servers), subscribe_events(state_changed), call_service, ping, and the
 * entity/area registries. Sensors drift on their own every push interval; a service call changes the state and the
 * change is pushed to subscribers shortly after the result, as Home Assistant does.
 */
class SimHomeAssistant final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimHomeAssistant)
public:
    enum class Profile
    {
        Seed,
        Large
    };

    SimHomeAssistant(SimHttpServer* rest, QString token, Profile profile = Profile::Seed, QObject* parent = nullptr);
    ~SimHomeAssistant() override;

    /// Starts the WebSocket server on 127.0.0.1 (@p port 0: a free one; a previous port to come back on it).
    /// With @p tls it serves `wss://` with tlsIdentity(), generating a self-signed one when none is set.
    bool listenWebSocket(quint16 port = 0, bool tls = false);
    void closeWebSocket();
    [[nodiscard]] QUrl webSocketUrl() const; ///< ws:// or wss://127.0.0.1:PORT/api/websocket
    [[nodiscard]] quint16 webSocketPort() const;
    /// The certificate and key of `wss://`; set before listenWebSocket() (e.g. the REST server's, as one Home
    /// Assistant serves both on one port).
    void setTlsIdentity(const TlsIdentity& identity) { m_identity = identity; }
    [[nodiscard]] TlsIdentity tlsIdentity() const { return m_identity; }
    [[nodiscard]] bool isTls() const { return m_tls; }

    /// Pushes sensor drift every @p ms (0: off).
    void setPushInterval(int ms);
    /// Delay between a service call's result and the state change it causes.
    void setActionDelay(int ms) { m_actionDelayMs = ms; }
    /// Off: subscribe_entities answers unknown_command (Home Assistant before 2021.x).
    void setSubscribeEntitiesSupported(bool on) { m_subscribeEntities = on; }
    /// Aborts every open WebSocket connection (a dropped network).
    void dropConnections();
    /// Every open WebSocket connection gets the first half of an event frame (its header announces the whole
    /// message), then is aborted: a connection that breaks mid-message. Returns how many were cut so.
    int cutConnectionsMidMessage();
    /// What the next call_service meets: the connection drops after the call arrived and before its result is sent,
    /// with the service carried out (CarriedOut) or not (Lost). Once; then back to None.
    enum class CallDrop
    {
        None,
        CarriedOut,
        Lost
    };
    void setNextCallDrop(CallDrop drop) { m_nextCallDrop = drop; }

    [[nodiscard]] int entityCount() const { return static_cast<int>(m_order.size()); }
    /// Adds bulk lights and sensors (`light.bulk_N`, `sensor.bulk_N`, ~4 kB of attributes each) until there are
    /// @p total entities (the Large profile: 5,000, a ~20 MB get_states answer). Before clients connect.
    void addBulkEntities(int total);
    /// The bulk sensors change state @p perSecond times a second in all (10 steps a second, round robin over them,
    /// pushed to subscribers like any change); 0 stops it. After addBulkEntities().
    void setBulkChangesPerSecond(int perSecond);
    [[nodiscard]] const SimEntity* entity(const QString& id) const;
    /// Sets a state as if the device changed, and pushes it.
    void setState(const QString& entityId, const QString& state);
    /// An attribute is set as if the device reported it, and pushed (subscribe_entities' compressed `+` with `a`).
    void setAttribute(const QString& entityId, const QString& key, const QJsonValue& value);
    /// A new entity appears while clients are connected: pushed as subscribe_entities' `a`, or state_changed with
    /// old_state null.
    void addEntity(const QString& entityId, const QString& state, const QJsonObject& attributes);
    /// An attribute disappears (pushed as subscribe_entities' compressed `-` removal, or a full state_changed).
    void removeAttribute(const QString& entityId, const QString& key);
    /// The entity is removed (pushed as subscribe_entities' `r`, or state_changed with new_state null).
    void removeEntity(const QString& entityId);
    /// Commands whose id did not increase (answered with the error id_reuse and not carried out, as the real server).
    [[nodiscard]] int idReuses() const { return m_idReuses; }
    /// Size of the get_states answer in bytes.
    [[nodiscard]] qint64 statesDumpBytes() const;
    /// The get_states result array (what GET /api/states answers).
    [[nodiscard]] QByteArray statesDump() const { return statesJson(); }

    [[nodiscard]] int webSocketConnections() const { return m_connectionsAccepted; }
    [[nodiscard]] int authenticatedConnections() const { return m_authenticated; }
    /// `auth` messages received (each carries an access token), whether the token was right or not.
    [[nodiscard]] int authMessages() const { return m_authMessages; }
    [[nodiscard]] int openConnections() const { return static_cast<int>(m_clients.size()); }
    [[nodiscard]] int serviceCalls() const { return m_serviceCalls; }
    /// Commands received over the socket, by type (e.g. "get_states" -> 2).
    [[nodiscard]] int commandCount(const QString& type) const { return m_commands.value(type); }

public slots:
    /// One drift step of the sensors (pushed to subscribers).
    void tick();

private:
    struct Client
    {
        QPointer<QWebSocket> socket;
        bool authenticated = false;
        int lastId = 0; ///< ids of a connection's commands must increase
        QList<int> entitySubs;
        QList<int> eventSubs;
    };
    void seed();
    void seedLarge();
    void add(const QString& id, const QString& state, const QString& area, const QString& platform,
             QJsonObject attributes);
    void onNewConnection();
    void onMessage(QWebSocket* socket, const QString& text);
    void sendJson(QWebSocket* socket, const QJsonObject& o);
    void sendRaw(QWebSocket* socket, const QByteArray& json);
    void change(const QString& entityId, const QString& state, const QJsonObject& attributes = {});
    void pushChange(const SimEntity& oldState, const SimEntity& newState);
    /// Applies a service; returns the error message, or empty on success.
    QString applyService(const QString& domain, const QString& service, const QString& entityId);
    [[nodiscard]] QByteArray statesJson() const;
    [[nodiscard]] QByteArray compressedAll() const;
    [[nodiscard]] bool restAuthorized(const SimRequest& r) const;
    [[nodiscard]] Client* client(QWebSocket* s);

    QPointer<SimHttpServer> m_rest;
    QString m_token;
    Profile m_profile;
    QWebSocketServer* m_ws = nullptr;
    QList<Client> m_clients;
    QHash<QString, SimEntity> m_entities;
    QList<QString> m_order;
    QHash<QString, QString> m_areas; ///< id -> name
    QTimer* m_pushTimer;
    QTimer* m_bulkTimer = nullptr;
    int m_bulkPerStep = 0;
    qsizetype m_bulkCursor = 0;
    quint32 m_bulkStep = 0;
    int m_actionDelayMs = 50;
    CallDrop m_nextCallDrop = CallDrop::None;
    bool m_subscribeEntities = true;
    int m_idReuses = 0;
    int m_connectionsAccepted = 0;
    int m_authenticated = 0;
    int m_authMessages = 0;
    bool m_tls = false;
    TlsIdentity m_identity;
    int m_serviceCalls = 0;
    QHash<QString, int> m_commands;
    quint32 m_step = 0;
};

} // namespace hlc::sim
