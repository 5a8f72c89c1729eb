#pragma once

#include "HomeAssistantTypes.h"
#include "core/ServiceClient.h"
#include "core/TlsPolicy.h"

#include <QHash>
#include <QPointer>

#include <optional>

class QThread;
class QTimer;
class QWebSocket;

namespace hlc::ha {

/**
 * @brief Home Assistant client: live over the WebSocket API, REST for the fallback.
 *
 * The WebSocket (`ws(s)://HOST:8123/api/websocket`) authenticates with the long-lived access token, then
 * subscribes with `subscribe_entities` (falling back to `subscribe_events` + `get_states` on servers without it)
 * and keeps the connection alive with `ping`. Every message is decoded on a worker thread, in order, so a 16 MB
 * initial dump never blocks the caller's thread. A dropped connection is reopened with exponential backoff and
 * followed by a full resync (synced()). A rejected token (`auth_invalid`) is not retried until setToken().
 *
 * The REST methods (`/api/states`, `/api/services/<domain>/<service>`) use Bearer auth through ApiClient.
 */
class HomeAssistantClient final : public ServiceClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HomeAssistantClient)
public:
    enum class State
    {
        Disconnected, ///< no socket (before open(), after close(), after auth_invalid, or waiting to reconnect)
        Connecting,   ///< TCP/TLS/WebSocket handshake
        Authenticating,
        Syncing, ///< authenticated, waiting for the initial states
        Live,    ///< initial states received, changes are pushed
    };
    Q_ENUM(State)

    /// @p endpoint base URL: the server root, e.g. `http://192.168.16.7:8123`; credentials: Bearer + token.
    HomeAssistantClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent = nullptr);
    ~HomeAssistantClient() override;

    /// Sets the access token (for the socket and REST). Re-enables reconnecting after an auth failure.
    void setToken(const QString& token);
    /// Connects the WebSocket and keeps it connected (reconnecting with backoff) until close().
    void open();
    void close();
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isLive() const { return m_state == State::Live; }
    /// The WebSocket URL: set with setWebSocketUrl(), else derived from the base URL (no secret in it).
    [[nodiscard]] QUrl webSocketUrl() const;
    /// Overrides the WebSocket URL (a proxy that serves it elsewhere); an empty URL restores the derived one.
    void setWebSocketUrl(const QUrl& url) { m_webSocketUrl = url; }
    /// True when the server supports `subscribe_entities` (known after the first sync).
    [[nodiscard]] bool usesEntitySubscription() const { return m_entitySubscription; }
    /// How many times the socket was reopened after a drop.
    [[nodiscard]] int reconnectCount() const { return m_reconnects; }
    [[nodiscard]] QString haVersion() const { return m_haVersion; }

    /// Backoff of reconnects: first delay, doubled per failure up to @p maxMs.
    void setReconnectDelays(int initialMs, int maxMs);
    /// Keep-alive: a `ping` every @p intervalMs; no traffic for 2 intervals (+ timeout) drops the socket.
    void setPingInterval(int intervalMs);

    /// Calls a service for @p entityId: over the socket when live, else REST `POST /api/services/<d>/<s>`.
    /// The callback says whether the call was accepted; its effect arrives as a state change.
    void callService(const QString& domain, const QString& service, const QString& entityId, QObject* context,
                     std::function<void(Result<bool>)> done);

    /// GET /api/states (REST).
    ApiCall* fetchStates(QObject* context, std::function<void(Result<QList<EntityState>>)> done);
    /// POST /api/services/<domain>/<service> with `{"entity_id": ...}` (REST). Never retried.
    ApiCall* callServiceRest(const QString& domain, const QString& service, const QString& entityId, QObject* context,
                             std::function<void(Result<bool>)> done);

signals:
    void stateChanged(hlc::ha::HomeAssistantClient::State state);
    /// The complete set of entities after (re)connecting: entities not in it are gone.
    void synced(const hlc::ha::EntityDelta& all);
    /// Pushed changes while live.
    void changed(const hlc::ha::EntityDelta& delta);
    /// Areas and which entity is in which (from the registries), after each sync.
    void registryLoaded(const hlc::ha::Registry& registry);
    /// The token was rejected (auth_invalid or HTTP 401): no reconnects until setToken().
    void authFailed(const hlc::ApiError& error);
    /// The socket could not be opened or dropped; a reconnect follows after @p retryInMs.
    void connectionLost(const hlc::ApiError& error, int retryInMs);

protected:
    [[nodiscard]] ApiError refineError(const ApiResponse& response) const override;

private:
    class Worker;
    void connectSocket();
    void scheduleReconnect(const ApiError& why);
    void setState(State s);
    void send(QJsonObject message);
    int sendCommand(QJsonObject command, Expect resultKind, Expect eventKind);
    void onText(const QString& text);
    void onParsed(quint64 generation, const Result<WsMessage>& message);
    void handleMessage(const Result<WsMessage>& result);
    void onResult(const WsMessage& m);
    void onAuthenticated();
    void failPendingCalls(const ApiError& error);
    void dropSocket();
    void onSocketClosed();

    QPointer<QWebSocket> m_socket;
    QThread* m_thread;
    Worker* m_worker;
    QTimer* m_reconnectTimer;
    QTimer* m_pingTimer;
    QTimer* m_handshakeTimer;
    State m_state = State::Disconnected;
    bool m_wanted = false;
    bool m_authRejected = false;
    bool m_entitySubscription = true;
    quint64 m_generation = 0;
    int m_nextId = 1;
    int m_entitiesSubId = 0;
    bool m_entitiesFirstEvent = true;
    QHash<int, Expect> m_expectResult;
    QHash<int, Expect> m_expectEvent;
    QHash<int, std::pair<QPointer<QObject>, std::function<void(Result<bool>)>>> m_calls;
    Registry m_registry;
    int m_registryPending = 0;
    qint64 m_lastTraffic = 0;
    int m_reconnectInitialMs = 500;
    int m_reconnectMaxMs = 30000;
    int m_reconnectDelayMs = 500;
    int m_pingIntervalMs = 20000;
    int m_reconnects = 0;
    bool m_everLive = false;
    int m_inFlight = 0; ///< messages of this connection still being decoded
    bool m_closedWhileDecoding = false;
    QString m_haVersion;
    QUrl m_webSocketUrl;
    std::optional<TlsRejection> m_tlsRejection; ///< what the TLS policy refused on the current socket
};

} // namespace hlc::ha
