#include "HomeAssistantClient.h"

#include "HomeAssistantParser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

Q_LOGGING_CATEGORY(lcHa, "hlc.clients.homeassistant")

namespace hlc::ha {

namespace {
// A 5,000-entity install sends a ~16 MB get_states result in one message: allow well above that.
constexpr quint64 kMaxMessageBytes = 128ull * 1024 * 1024;
} // namespace

/// Decodes messages on its own thread, in arrival order, and hands each result back to the client's thread.
class HomeAssistantClient::Worker final : public QObject
{
public:
    explicit Worker(HomeAssistantClient* client)
        : m_client(client)
    {}

    void parse(quint64 generation, const QString& text, QHash<int, Expect> results, QHash<int, Expect> events)
    {
        const QByteArray bytes = text.toUtf8();
        Result<WsMessage> r = parser::message(
            bytes, [&](int id, bool event) { return (event ? events : results).value(id, Expect::Nothing); });
        HomeAssistantClient* client = m_client;
        QMetaObject::invokeMethod(
            client, [client, generation, r = std::move(r)] { client->onParsed(generation, r); }, Qt::QueuedConnection);
    }

private:
    HomeAssistantClient* m_client;
};

HomeAssistantClient::HomeAssistantClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent)
    : ServiceClient(nam, endpoint, parent)
    , m_thread(new QThread)
    , m_worker(new Worker(this))
    , m_reconnectTimer(new QTimer(this))
    , m_pingTimer(new QTimer(this))
    , m_handshakeTimer(new QTimer(this))
{
    m_thread->setObjectName(QStringLiteral("hlc-ha-parser"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &HomeAssistantClient::connectSocket);
    m_handshakeTimer->setSingleShot(true);
    connect(m_handshakeTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcHa) << "handshake/auth timed out";
        ApiError e;
        e.kind = ApiError::Kind::Timeout;
        e.message = tr("Home Assistant did not complete the WebSocket login in time.");
        e.detail = QStringLiteral("websocket handshake timeout %1").arg(webSocketUrl().toString());
        dropSocket();
        scheduleReconnect(e);
    });
    connect(m_pingTimer, &QTimer::timeout, this, [this] {
        if (!m_socket || m_state < State::Syncing)
            return;
        const qint64 silentFor = QDateTime::currentMSecsSinceEpoch() - m_lastTraffic;
        if (silentFor > 2 * m_pingIntervalMs + this->endpoint().timeoutMs) {
            qCInfo(lcHa) << "no traffic for" << silentFor << "ms: reconnecting";
            ApiError e;
            e.kind = ApiError::Kind::Timeout;
            e.message = tr("Home Assistant stopped answering (no pong).");
            e.detail = QStringLiteral("websocket silent for %1 ms").arg(silentFor);
            dropSocket();
            scheduleReconnect(e);
            return;
        }
        sendCommand(QJsonObject{{QStringLiteral("type"), QStringLiteral("ping")}}, Expect::Nothing, Expect::Nothing);
    });
}

HomeAssistantClient::~HomeAssistantClient()
{
    m_wanted = false;
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    delete m_thread;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

QUrl HomeAssistantClient::webSocketUrl() const
{
    if (m_webSocketUrl.isValid())
        return m_webSocketUrl;
    QUrl u = endpoint().baseUrl;
    u.setScheme(u.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString path = u.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    u.setPath(path + QStringLiteral("/api/websocket"));
    u.setQuery(QString());
    return u;
}

void HomeAssistantClient::setToken(const QString& token)
{
    Credentials c = endpoint().credentials;
    c.scheme = AuthScheme::Bearer;
    c.secret = token;
    api()->setCredentials(c);
    const bool wasRejected = m_authRejected;
    m_authRejected = false;
    if (m_wanted && (wasRejected || m_state == State::Disconnected)) {
        m_reconnectDelayMs = m_reconnectInitialMs;
        dropSocket();
        connectSocket();
    }
}

void HomeAssistantClient::setReconnectDelays(int initialMs, int maxMs)
{
    m_reconnectInitialMs = std::max(10, initialMs);
    m_reconnectMaxMs = std::max(m_reconnectInitialMs, maxMs);
    m_reconnectDelayMs = m_reconnectInitialMs;
}

void HomeAssistantClient::setPingInterval(int intervalMs)
{
    m_pingIntervalMs = std::max(100, intervalMs);
    if (m_pingTimer->isActive())
        m_pingTimer->start(m_pingIntervalMs);
}

void HomeAssistantClient::open()
{
    m_wanted = true;
    if (!m_socket && !m_reconnectTimer->isActive())
        connectSocket();
}

void HomeAssistantClient::close()
{
    m_wanted = false;
    m_reconnectTimer->stop();
    dropSocket();
    setState(State::Disconnected);
}

void HomeAssistantClient::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    if (s == State::Live)
        m_reconnectDelayMs = m_reconnectInitialMs;
    emit stateChanged(s);
}

void HomeAssistantClient::dropSocket()
{
    m_pingTimer->stop();
    m_handshakeTimer->stop();
    ++m_generation; // messages still being decoded belong to the old connection
    m_inFlight = 0;
    m_closedWhileDecoding = false;
    m_tlsRejection.reset();
    if (m_socket) {
        QWebSocket* s = m_socket;
        m_socket.clear();
        s->disconnect(this);
        s->abort();
        s->deleteLater();
    }
    // A call_service on the wire when the socket went may or may not have been carried out: like an HTTP action
    // whose connection dropped after sending, its outcome is unknown (never "failed"), and it is never re-sent.
    ApiError e;
    e.kind = ApiError::Kind::Network;
    e.outcomeUnknown = true;
    e.message = tr("The connection to Home Assistant was lost after the action was sent, before an answer came. "
                   "The action may or may not have been carried out: check its current state before trying again.");
    e.detail = QStringLiteral("websocket closed with calls pending");
    failPendingCalls(e);
    m_expectResult.clear();
    m_expectEvent.clear();
}

void HomeAssistantClient::connectSocket()
{
    if (!m_wanted || m_authRejected)
        return;
    dropSocket();
    if (endpoint().credentials.secret.isEmpty()) {
        setState(State::Disconnected);
        return;
    }
    auto* s = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    s->setMaxAllowedIncomingMessageSize(kMaxMessageBytes);
    s->setMaxAllowedIncomingFrameSize(kMaxMessageBytes);
    m_socket = s;
    m_nextId = 1;
    m_entitiesSubId = 0;
    m_entitiesFirstEvent = true;
    const quint64 gen = m_generation;
    // First: its post-handshake check runs on `connected` before the handler below, so a refused socket is gone
    // before auth_required can be answered with the token.
    api()->tlsPolicy().watch(s, this, [this, gen](const TlsRejection& rejected) {
        if (gen == m_generation)
            m_tlsRejection = rejected;
    });
    connect(s, &QWebSocket::connected, this, [this, gen] {
        if (gen == m_generation)
            setState(State::Authenticating);
    });
    connect(s, &QWebSocket::textFrameReceived, this,
            [this](const QString&, bool) { m_lastTraffic = QDateTime::currentMSecsSinceEpoch(); });
    connect(s, &QWebSocket::pong, this,
            [this](quint64, const QByteArray&) { m_lastTraffic = QDateTime::currentMSecsSinceEpoch(); });
    connect(s, &QWebSocket::textMessageReceived, this, &HomeAssistantClient::onText);
    connect(s, &QWebSocket::disconnected, this, [this, gen] {
        if (gen != m_generation)
            return;
        // Messages received before the close (e.g. auth_invalid) are handled first.
        if (m_inFlight > 0)
            m_closedWhileDecoding = true;
        else
            onSocketClosed();
    });
    setState(State::Connecting);
    m_handshakeTimer->start(std::max(1000, endpoint().timeoutMs));
    m_lastTraffic = QDateTime::currentMSecsSinceEpoch();
    qCDebug(lcHa) << "connecting" << webSocketUrl().toString();
    s->open(QNetworkRequest(webSocketUrl()));
}

void HomeAssistantClient::onSocketClosed()
{
    ApiError e;
    e.kind = ApiError::Kind::Network;
    const QString reason = m_socket ? m_socket->errorString() : QString();
    e.message = tr("The connection to Home Assistant was closed.");
    e.detail = QStringLiteral("websocket %1 closed: %2").arg(webSocketUrl().toString(), reason);
    if (m_tlsRejection) {
        const QString host = ApiClient::hostOf(webSocketUrl());
        e = m_tlsRejection->toError(host, QStringLiteral("websocket %1").arg(webSocketUrl().toString()));
        api()->reportTlsRejection(e, host);
    }
    dropSocket();
    scheduleReconnect(e);
}

void HomeAssistantClient::scheduleReconnect(const ApiError& why)
{
    setState(State::Disconnected);
    if (!m_wanted || m_authRejected) {
        return;
    }
    // Jitter keeps many clients from reconnecting in lockstep.
    const int delay =
        m_reconnectDelayMs + static_cast<int>(QRandomGenerator::global()->bounded(m_reconnectDelayMs / 4 + 1));
    m_reconnectDelayMs = std::min(m_reconnectMaxMs, m_reconnectDelayMs * 2);
    ++m_reconnects;
    qCInfo(lcHa) << "reconnecting in" << delay << "ms:" << why.detail;
    emit connectionLost(why, delay);
    m_reconnectTimer->start(delay);
}

void HomeAssistantClient::send(QJsonObject message)
{
    if (m_socket)
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

int HomeAssistantClient::sendCommand(QJsonObject command, Expect resultKind, Expect eventKind)
{
    const int id = m_nextId++;
    command.insert(QStringLiteral("id"), id);
    if (resultKind != Expect::Nothing)
        m_expectResult.insert(id, resultKind);
    if (eventKind != Expect::Nothing)
        m_expectEvent.insert(id, eventKind);
    send(std::move(command));
    return id;
}

void HomeAssistantClient::onText(const QString& text)
{
    m_lastTraffic = QDateTime::currentMSecsSinceEpoch();
    ++m_inFlight;
    // Decoded off this thread; the worker runs the messages in order and queues each result back here.
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, gen = m_generation, text, r = m_expectResult, e = m_expectEvent] { w->parse(gen, text, r, e); },
        Qt::QueuedConnection);
}

void HomeAssistantClient::onParsed(quint64 generation, const Result<WsMessage>& result)
{
    if (generation != m_generation || !m_socket)
        return;
    --m_inFlight;
    handleMessage(result);
    if (generation == m_generation && m_closedWhileDecoding && m_inFlight == 0)
        onSocketClosed();
}

void HomeAssistantClient::handleMessage(const Result<WsMessage>& result)
{
    m_lastTraffic = QDateTime::currentMSecsSinceEpoch();
    if (!result.ok()) {
        qCWarning(lcHa) << "undecodable message:" << result.error().detail;
        return;
    }
    const WsMessage& m = result.value();
    switch (m.type) {
    case WsMessage::Type::AuthRequired: {
        if (!m.haVersion.isEmpty())
            m_haVersion = m.haVersion;
        // The token goes only into this message, never into a URL or a log line, and only to the trusted peer
        // (TlsPolicy::watch() has already aborted any other; this is the last line of defence).
        if (webSocketUrl().scheme() == QLatin1String("wss")) {
            const TlsPolicy policy = api()->tlsPolicy();
            const QSslCertificate peer = m_socket ? m_socket->sslConfiguration().peerCertificate() : QSslCertificate();
            if (!policy.acceptsEstablished(peer)) {
                qCWarning(lcHa) << "not sending the token: the peer is not the pinned certificate";
                const QString host = ApiClient::hostOf(webSocketUrl());
                const ApiError e = policy.rejection(peer, true).toError(host, QStringLiteral("websocket auth"));
                api()->reportTlsRejection(e, host);
                dropSocket();
                scheduleReconnect(e);
                break;
            }
        }
        send(QJsonObject{{QStringLiteral("type"), QStringLiteral("auth")},
                         {QStringLiteral("access_token"), endpoint().credentials.secret}});
        break;
    }
    case WsMessage::Type::AuthOk:
        if (!m.haVersion.isEmpty())
            m_haVersion = m.haVersion;
        onAuthenticated();
        break;
    case WsMessage::Type::AuthInvalid: {
        ApiError e;
        e.kind = ApiError::Kind::Auth;
        e.message = tr("Home Assistant rejected the access token (auth_invalid). Create a new long-lived token "
                       "under your profile and enter it.");
        e.detail = QStringLiteral("auth_invalid: %1").arg(m.errorMessage);
        m_authRejected = true;
        m_reconnectTimer->stop();
        dropSocket();
        setState(State::Disconnected);
        emit authFailed(e);
        break;
    }
    case WsMessage::Type::Pong:
        m_expectResult.remove(m.id);
        break;
    case WsMessage::Type::Result:
        onResult(m);
        break;
    case WsMessage::Type::Event:
        if (!m.hasDelta)
            break;
        if (m.id == m_entitiesSubId && m_entitiesFirstEvent) {
            m_entitiesFirstEvent = false;
            EntityDelta all = m.delta;
            all.full = true;
            setState(State::Live);
            m_everLive = true;
            emit synced(all);
        } else {
            emit changed(m.delta);
        }
        break;
    case WsMessage::Type::Other:
        break;
    }
}

void HomeAssistantClient::onAuthenticated()
{
    m_handshakeTimer->stop();
    // The backoff is reset only once the socket is live (see setState): a connection that dies during the
    // initial sync keeps backing off instead of re-downloading a large state dump every few milliseconds.
    setState(State::Syncing);
    m_registry = {};
    m_registryPending = 2;
    if (m_entitySubscription) {
        m_entitiesSubId = sendCommand(QJsonObject{{QStringLiteral("type"), QStringLiteral("subscribe_entities")}},
                                      Expect::Nothing, Expect::EntitiesEvent);
        m_expectResult.insert(m_entitiesSubId, Expect::Nothing);
    } else {
        sendCommand(QJsonObject{{QStringLiteral("type"), QStringLiteral("subscribe_events")},
                                {QStringLiteral("event_type"), QStringLiteral("state_changed")}},
                    Expect::Nothing, Expect::StateChangedEvent);
        sendCommand(QJsonObject{{QStringLiteral("type"), QStringLiteral("get_states")}}, Expect::States,
                    Expect::Nothing);
    }
    sendCommand(QJsonObject{{QStringLiteral("type"), QStringLiteral("config/entity_registry/list_for_display")}},
                Expect::EntityRegistry, Expect::Nothing);
    sendCommand(QJsonObject{{QStringLiteral("type"), QStringLiteral("config/area_registry/list")}},
                Expect::AreaRegistry, Expect::Nothing);
    m_pingTimer->start(m_pingIntervalMs);
}

void HomeAssistantClient::onResult(const WsMessage& m)
{
    const Expect kind = m_expectResult.take(m.id);
    if (m.id == m_entitiesSubId && !m.success) {
        // Servers before 2021.x do not know subscribe_entities: state_changed events + get_states instead.
        qCInfo(lcHa) << "subscribe_entities not supported (" << m.errorCode << "): using subscribe_events";
        m_entitySubscription = false;
        m_entitiesSubId = 0;
        sendCommand(QJsonObject{{QStringLiteral("type"), QStringLiteral("subscribe_events")},
                                {QStringLiteral("event_type"), QStringLiteral("state_changed")}},
                    Expect::Nothing, Expect::StateChangedEvent);
        sendCommand(QJsonObject{{QStringLiteral("type"), QStringLiteral("get_states")}}, Expect::States,
                    Expect::Nothing);
        return;
    }
    if (kind == Expect::States && m.success) {
        setState(State::Live);
        m_everLive = true;
        emit synced(m.delta);
        return;
    }
    if (kind == Expect::EntityRegistry || kind == Expect::AreaRegistry) {
        if (m.hasRegistry) {
            m_registry.entityArea.insert(m.registry.entityArea);
            m_registry.areaNames.insert(m.registry.areaNames);
        }
        if (--m_registryPending == 0)
            emit registryLoaded(m_registry);
        return;
    }
    if (auto it = m_calls.find(m.id); it != m_calls.end()) {
        auto [context, done] = it.value();
        m_calls.erase(it);
        if (!context)
            return;
        if (m.success) {
            done(true);
        } else {
            ApiError e;
            e.kind = ApiError::Kind::Rejected;
            e.message = tr("Home Assistant refused the action: %1")
                            .arg(m.errorMessage.isEmpty() ? m.errorCode : m.errorMessage);
            e.detail = QStringLiteral("call_service failed: %1 %2").arg(m.errorCode, m.errorMessage);
            done(e);
        }
    }
}

void HomeAssistantClient::failPendingCalls(const ApiError& error)
{
    const auto calls = std::exchange(m_calls, {});
    for (const auto& [context, done] : calls) {
        if (context)
            done(error);
    }
}

void HomeAssistantClient::callService(const QString& domain, const QString& service, const QString& entityId,
                                      QObject* context, std::function<void(Result<bool>)> done)
{
    if (m_state != State::Live || !m_socket) {
        callServiceRest(domain, service, entityId, context, std::move(done));
        return;
    }
    const int id =
        sendCommand(QJsonObject{{QStringLiteral("type"), QStringLiteral("call_service")},
                                {QStringLiteral("domain"), domain},
                                {QStringLiteral("service"), service},
                                {QStringLiteral("target"), QJsonObject{{QStringLiteral("entity_id"), entityId}}}},
                    Expect::Nothing, Expect::Nothing);
    m_calls.insert(id, {QPointer<QObject>(context ? context : this), std::move(done)});
}

ApiCall* HomeAssistantClient::fetchStates(QObject* context, std::function<void(Result<QList<EntityState>>)> done)
{
    const QPointer<QObject> ctx(context);
    const bool hasContext = context != nullptr;
    return api()->get(QStringLiteral("/api/states"), {}, context, [this, done, ctx, hasContext](const ApiResponse& r) {
        if (!r.ok()) {
            done(refineError(r));
            return;
        }
        // A big install answers with 16 MB: decoded on the worker thread, like the socket's messages.
        QMetaObject::invokeMethod(
            m_worker,
            [this, body = r.body, done, ctx, hasContext] {
                Result<QList<EntityState>> parsed = parser::states(body);
                QMetaObject::invokeMethod(
                    this,
                    [done, parsed = std::move(parsed), ctx, hasContext] {
                        if (!hasContext || ctx)
                            done(parsed);
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    });
}

ApiCall* HomeAssistantClient::callServiceRest(const QString& domain, const QString& service, const QString& entityId,
                                              QObject* context, std::function<void(Result<bool>)> done)
{
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/api/services/%1/%2")
                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(domain)),
                      QString::fromLatin1(QUrl::toPercentEncoding(service)));
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("entity_id"), entityId}}).toJson(QJsonDocument::Compact);
    r.contentType = "application/json";
    r.idempotent = false;
    return call<bool>(
        std::move(r), context, [](const QByteArray&) -> Result<bool> { return true; }, std::move(done));
}

ApiError HomeAssistantClient::refineError(const ApiResponse& response) const
{
    ApiError e = response.error;
    if (e.httpStatus == 401 || e.httpStatus == 403) {
        e.message = tr("Home Assistant rejected the access token (HTTP %1).").arg(e.httpStatus);
    } else if (e.httpStatus == 400) {
        const QString msg = parser::errorMessage(response.body);
        if (!msg.isEmpty())
            e.message = tr("Home Assistant refused the action: %1").arg(msg);
    }
    return e;
}

} // namespace hlc::ha
