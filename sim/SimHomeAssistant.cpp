#include "SimHomeAssistant.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <cmath>
#include <utility>

namespace hlc::sim {

namespace {

QString isoTime(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs).replace(QLatin1String("Z"), QLatin1String("+00:00"));
}

QJsonObject stateObject(const SimEntity& e)
{
    return QJsonObject{{QStringLiteral("entity_id"), e.entityId},
                       {QStringLiteral("state"), e.state},
                       {QStringLiteral("attributes"), e.attributes},
                       {QStringLiteral("last_changed"), isoTime(e.lastChanged)},
                       {QStringLiteral("last_updated"), isoTime(e.lastUpdated)},
                       {QStringLiteral("context"),
                        QJsonObject{{QStringLiteral("id"), QStringLiteral("01HSIM%1").arg(qHash(e.entityId), 0, 16)},
                                    {QStringLiteral("parent_id"), QJsonValue::Null},
                                    {QStringLiteral("user_id"), QJsonValue::Null}}}};
}

/// A subscribe_events(state_changed) message in its classic form, as the added, changed and removed entities send it
/// (@p oldState / @p newState: the state objects, or null for an entity that appeared or went).
QJsonObject stateChangedMessage(int sub, const QString& entityId, const QJsonValue& oldState,
                                const QJsonValue& newState)
{
    return QJsonObject{{QStringLiteral("id"), sub},
                       {QStringLiteral("type"), QStringLiteral("event")},
                       {QStringLiteral("event"),
                        QJsonObject{{QStringLiteral("event_type"), QStringLiteral("state_changed")},
                                    {QStringLiteral("data"), QJsonObject{{QStringLiteral("entity_id"), entityId},
                                                                         {QStringLiteral("old_state"), oldState},
                                                                         {QStringLiteral("new_state"), newState}}}}}};
}

QJsonObject compressed(const SimEntity& e)
{
    return QJsonObject{{QStringLiteral("s"), e.state},
                       {QStringLiteral("a"), e.attributes},
                       {QStringLiteral("c"), QStringLiteral("01HSIM")},
                       {QStringLiteral("lc"), static_cast<double>(e.lastChanged.toMSecsSinceEpoch()) / 1000.0},
                       {QStringLiteral("lu"), static_cast<double>(e.lastUpdated.toMSecsSinceEpoch()) / 1000.0}};
}

QString domainOf(const QString& entityId)
{
    return entityId.section(QLatin1Char('.'), 0, 0);
}

} // namespace

SimHomeAssistant::SimHomeAssistant(SimHttpServer* rest, QString token, Profile profile, QObject* parent)
    : QObject(parent)
    , m_rest(rest)
    , m_token(std::move(token))
    , m_profile(profile)
    , m_pushTimer(new QTimer(this))
{
    connect(m_pushTimer, &QTimer::timeout, this, &SimHomeAssistant::tick);
    seed();
    if (m_profile == Profile::Large)
        seedLarge();
    if (!m_rest)
        return;
    auto self = QPointer<SimHomeAssistant>(this);
    const auto unauthorized = [] { return SimResponse::json(401, R"({"message":"401: Unauthorized"})"); };
    m_rest->route("GET", QStringLiteral("/api/"), [self, unauthorized](const SimRequest& r) {
        if (!self || !self->restAuthorized(r))
            return unauthorized();
        return SimResponse::json(200, R"({"message":"API running."})");
    });
    m_rest->route("GET", QStringLiteral("/api/states"), [self, unauthorized](const SimRequest& r) {
        if (!self || !self->restAuthorized(r))
            return unauthorized();
        return SimResponse::json(200, self->statesJson());
    });
    m_rest->route(
        "POST", QStringLiteral("/api/services/{domain}/{service}"), [self, unauthorized](const SimRequest& r) {
            if (!self || !self->restAuthorized(r))
                return unauthorized();
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            const QString entityId = body.value(QStringLiteral("entity_id")).toString();
            const QString err = self->applyService(r.params.value(QStringLiteral("domain")),
                                                   r.params.value(QStringLiteral("service")), entityId);
            if (!err.isEmpty())
                return SimResponse::json(
                    400, QJsonDocument(QJsonObject{{QStringLiteral("message"), err}}).toJson(QJsonDocument::Compact));
            // REST answers with the states that changed during the call (after the change was applied here).
            QJsonArray changed;
            if (const SimEntity* e = self->entity(entityId))
                changed.append(stateObject(*e));
            return SimResponse::json(200, QJsonDocument(changed).toJson(QJsonDocument::Compact));
        });
}

SimHomeAssistant::~SimHomeAssistant()
{
    closeWebSocket();
}

void SimHomeAssistant::add(const QString& id, const QString& state, const QString& area, const QString& platform,
                           QJsonObject attributes)
{
    SimEntity e;
    e.entityId = id;
    e.state = state;
    e.areaId = area;
    e.platform = platform;
    e.attributes = std::move(attributes);
    e.lastChanged = QDateTime::currentDateTimeUtc().addSecs(-3600 - static_cast<int>(m_order.size()) * 97);
    e.lastUpdated = e.lastChanged;
    if (!m_entities.contains(id))
        m_order.append(id);
    m_entities.insert(id, e);
}

void SimHomeAssistant::seed()
{
    m_areas = {{QStringLiteral("living_room"), QStringLiteral("Living Room")},
               {QStringLiteral("kitchen"), QStringLiteral("Kitchen")},
               {QStringLiteral("bedroom"), QStringLiteral("Bedroom")},
               {QStringLiteral("office"), QStringLiteral("Office")},
               {QStringLiteral("hallway"), QStringLiteral("Hallway")}};
    const auto fn = [](const char* name) {
        return QJsonObject{{QStringLiteral("friendly_name"), QString::fromUtf8(name)}};
    };
    auto light = fn("Living Room Ceiling");
    light.insert(QStringLiteral("brightness"), 180);
    light.insert(QStringLiteral("supported_color_modes"), QJsonArray{QStringLiteral("brightness")});
    add(QStringLiteral("light.living_room_ceiling"), QStringLiteral("on"), QStringLiteral("living_room"),
        QStringLiteral("hue"), light);
    add(QStringLiteral("light.kitchen"), QStringLiteral("off"), QStringLiteral("kitchen"), QStringLiteral("mqtt"),
        fn("Kitchen Light"));
    add(QStringLiteral("light.bedroom_lamp"), QStringLiteral("off"), QStringLiteral("bedroom"),
        QStringLiteral("esphome"), fn("Bedroom Lamp"));
    add(QStringLiteral("switch.coffee_machine"), QStringLiteral("off"), QStringLiteral("kitchen"),
        QStringLiteral("mqtt"), fn("Coffee Machine (Zigbee2MQTT)"));
    add(QStringLiteral("switch.office_3d_printer"), QStringLiteral("on"), QStringLiteral("office"),
        QStringLiteral("esphome"), fn("3D Printer Plug (ESPHome)"));
    add(QStringLiteral("fan.bedroom_fan"), QStringLiteral("off"), QStringLiteral("bedroom"), QStringLiteral("mqtt"),
        fn("Bedroom Fan"));
    auto temp = fn("Living Room Temperature");
    temp.insert(QStringLiteral("unit_of_measurement"), QStringLiteral("°C"));
    temp.insert(QStringLiteral("device_class"), QStringLiteral("temperature"));
    add(QStringLiteral("sensor.living_room_temperature"), QStringLiteral("21.4"), QStringLiteral("living_room"),
        QStringLiteral("mqtt"), temp);
    auto hum = fn("Bathroom Humidity");
    hum.insert(QStringLiteral("unit_of_measurement"), QStringLiteral("%"));
    hum.insert(QStringLiteral("device_class"), QStringLiteral("humidity"));
    add(QStringLiteral("sensor.bathroom_humidity"), QStringLiteral("56"), QStringLiteral("hallway"),
        QStringLiteral("mqtt"), hum);
    auto power = fn("Office Power (ESPHome)");
    power.insert(QStringLiteral("unit_of_measurement"), QStringLiteral("W"));
    power.insert(QStringLiteral("device_class"), QStringLiteral("power"));
    add(QStringLiteral("sensor.office_power"), QStringLiteral("143.2"), QStringLiteral("office"),
        QStringLiteral("esphome"), power);
    add(QStringLiteral("binary_sensor.front_door"), QStringLiteral("off"), QStringLiteral("hallway"),
        QStringLiteral("mqtt"), fn("Front Door"));
    auto climate = fn("Living Room Thermostat");
    climate.insert(QStringLiteral("current_temperature"), 21.4);
    climate.insert(QStringLiteral("temperature"), 21.5);
    climate.insert(QStringLiteral("hvac_modes"), QJsonArray{QStringLiteral("off"), QStringLiteral("heat")});
    add(QStringLiteral("climate.living_room"), QStringLiteral("heat"), QStringLiteral("living_room"),
        QStringLiteral("mqtt"), climate);
    add(QStringLiteral("scene.movie_night"), QStringLiteral("unknown"), QStringLiteral("living_room"),
        QStringLiteral("homeassistant"), fn("Movie Night"));
    add(QStringLiteral("scene.good_morning"), QStringLiteral("unknown"), QString(), QStringLiteral("homeassistant"),
        fn("Good Morning"));
    add(QStringLiteral("script.bedtime"), QStringLiteral("off"), QString(), QStringLiteral("script"),
        fn("Bedtime Routine"));
    auto autom = fn("Hallway Light at Sunset");
    autom.insert(QStringLiteral("last_triggered"), QJsonValue::Null);
    add(QStringLiteral("automation.hallway_sunset"), QStringLiteral("on"), QStringLiteral("hallway"),
        QStringLiteral("automation"), autom);
    add(QStringLiteral("input_boolean.guest_mode"), QStringLiteral("off"), QString(), QStringLiteral("input_boolean"),
        fn("Guest Mode"));
    add(QStringLiteral("input_boolean.vacation"), QStringLiteral("off"), QString(), QStringLiteral("input_boolean"),
        fn("Vacation"));
}

void SimHomeAssistant::seedLarge()
{
    addBulkEntities(5000);
}

void SimHomeAssistant::addBulkEntities(int total)
{
    // A big install: ~4 kB of attributes per entity, as Hue/Zigbee lights (effect list, colour state) and template
    // sensors (options) send them: 5,000 entities make a get_states answer of about 20 MB.
    QJsonArray effects;
    for (int i = 0; i < 64; ++i)
        effects.append(QStringLiteral("effect_%1_colorloop_rainbow_candle_fireplace").arg(i, 2, 10, QLatin1Char('0')));
    const QJsonArray colorModes{QStringLiteral("color_temp"), QStringLiteral("hs"), QStringLiteral("xy")};
    const QStringList areas = m_areas.keys();
    const int existing = static_cast<int>(m_order.size());
    for (int i = existing; i < total; ++i) {
        const bool isLight = i % 3 != 0;
        QJsonObject a{
            {QStringLiteral("friendly_name"), QStringLiteral("Bulk Device %1").arg(i)},
            {QStringLiteral("icon"), isLight ? QStringLiteral("mdi:lightbulb") : QStringLiteral("mdi:thermometer")},
            {QStringLiteral("attribution"), QStringLiteral("Data provided by the simulated bridge")}};
        if (isLight) {
            a.insert(QStringLiteral("effect_list"), effects);
            a.insert(QStringLiteral("brightness"), i % 255);
            a.insert(QStringLiteral("supported_color_modes"), colorModes);
            a.insert(QStringLiteral("color_mode"), QStringLiteral("hs"));
            a.insert(QStringLiteral("hs_color"), QJsonArray{(i * 7) % 360, 55.5});
            a.insert(QStringLiteral("rgb_color"), QJsonArray{255, (i * 3) % 256, 90});
            a.insert(QStringLiteral("xy_color"), QJsonArray{0.452, 0.381});
            a.insert(QStringLiteral("min_mireds"), 153);
            a.insert(QStringLiteral("max_mireds"), 500);
            a.insert(QStringLiteral("supported_features"), 44);
        } else {
            a.insert(QStringLiteral("unit_of_measurement"), QStringLiteral("°C"));
            a.insert(QStringLiteral("device_class"), QStringLiteral("temperature"));
            a.insert(QStringLiteral("state_class"), QStringLiteral("measurement"));
            a.insert(QStringLiteral("options"), effects);
            a.insert(QStringLiteral("calibration"), QJsonObject{{QStringLiteral("offset"), -0.3},
                                                                {QStringLiteral("scale"), 1.0},
                                                                {QStringLiteral("source"), QStringLiteral("factory")}});
        }
        add(QStringLiteral("%1.bulk_%2").arg(isLight ? QStringLiteral("light") : QStringLiteral("sensor")).arg(i),
            isLight ? QStringLiteral("off") : QString::number(18.0 + (i % 70) / 10.0, 'f', 1),
            areas.at(i % areas.size()), QStringLiteral("mqtt"), a);
    }
}

bool SimHomeAssistant::listenWebSocket(quint16 port, bool tls)
{
    closeWebSocket();
    if (tls && m_identity.isNull()) {
        m_identity = TlsIdentity::generate(QStringLiteral("localhost"));
        if (m_identity.isNull())
            return false;
    }
    m_tls = tls;
    m_ws = new QWebSocketServer(QStringLiteral("SimHomeAssistant"),
                                tls ? QWebSocketServer::SecureMode : QWebSocketServer::NonSecureMode, this);
    if (tls) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(m_identity.certificate);
        config.setPrivateKey(m_identity.key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_ws->setSslConfiguration(config);
    }
    if (!m_ws->listen(QHostAddress::LocalHost, port)) {
        delete m_ws;
        m_ws = nullptr;
        return false;
    }
    connect(m_ws, &QWebSocketServer::newConnection, this, &SimHomeAssistant::onNewConnection);
    return true;
}

void SimHomeAssistant::closeWebSocket()
{
    dropConnections();
    if (m_ws) {
        m_ws->close();
        delete m_ws;
        m_ws = nullptr;
    }
}

QUrl SimHomeAssistant::webSocketUrl() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/api/websocket")
                    .arg(m_tls ? QStringLiteral("wss") : QStringLiteral("ws"))
                    .arg(webSocketPort()));
}

quint16 SimHomeAssistant::webSocketPort() const
{
    return m_ws ? m_ws->serverPort() : 0;
}

void SimHomeAssistant::setBulkChangesPerSecond(int perSecond)
{
    constexpr int kStepsPerSecond = 10;
    m_bulkPerStep = std::max(0, perSecond) / kStepsPerSecond;
    if (m_bulkPerStep == 0) {
        if (m_bulkTimer)
            m_bulkTimer->stop();
        return;
    }
    if (!m_bulkTimer) {
        m_bulkTimer = new QTimer(this);
        connect(m_bulkTimer, &QTimer::timeout, this, [this] {
            ++m_bulkStep;
            const QLatin1String prefix("sensor.bulk_");
            // Round robin over the bulk sensors: deterministic values that differ from the last ones.
            for (int done = 0, looked = 0; done < m_bulkPerStep && looked < m_order.size(); ++looked) {
                m_bulkCursor = (m_bulkCursor + 1) % m_order.size();
                const QString& id = m_order.at(m_bulkCursor);
                if (!id.startsWith(prefix))
                    continue;
                const double v = 18.0 + static_cast<double>((qHash(id) + m_bulkStep) % 120) / 10.0;
                setState(id, QString::number(v, 'f', 1));
                ++done;
            }
        });
    }
    m_bulkTimer->start(1000 / kStepsPerSecond);
}

void SimHomeAssistant::setPushInterval(int ms)
{
    if (ms > 0)
        m_pushTimer->start(ms);
    else
        m_pushTimer->stop();
}

void SimHomeAssistant::dropConnections()
{
    const auto clients = std::exchange(m_clients, {});
    for (const Client& c : clients) {
        if (c.socket) {
            c.socket->disconnect(this);
            c.socket->abort();
            c.socket->deleteLater();
        }
    }
}

int SimHomeAssistant::cutConnectionsMidMessage()
{
    // A state_changed event big enough that it is visibly cut: its frame header promises every byte, half come.
    const QByteArray payload = R"({"id":1,"type":"event","event":{"event_type":"state_changed","data":{"entity_id":)"
                               R"("sensor.cut","new_state":{"state":")" +
                               QByteArray(4000, 'x') + R"("}}}})";
    QByteArray frame;
    frame.append(char(0x81)); // FIN, text frame; a server's frames are not masked
    frame.append(char(126));  // 16-bit length follows
    frame.append(char((payload.size() >> 8) & 0xff));
    frame.append(char(payload.size() & 0xff));
    frame += payload.left(payload.size() / 2);
    int cut = 0;
    const auto clients = std::exchange(m_clients, {});
    for (const Client& c : clients) {
        if (!c.socket)
            continue;
        c.socket->disconnect(this);
        // QWebSocket writes its frames to the QTcpSocket it was upgraded from (its child): the half frame goes after
        // everything already sent, in order.
        if (auto* tcp = c.socket->findChild<QTcpSocket*>()) {
            tcp->write(frame);
            tcp->flush();
            ++cut;
        } else {
            // No access to the socket underneath: a message far larger than the socket buffers, flushed as far as
            // they take it. What is still unwritten when the connection is aborted is the cut part.
            QString big = QString::fromLatin1(payload.left(payload.size() - 6));
            big += QString(24 * 1024 * 1024, QLatin1Char('x')) + QStringLiteral("\"}}}}");
            c.socket->sendTextMessage(big);
            c.socket->flush();
            if (c.socket->bytesToWrite() > 0)
                ++cut;
        }
        c.socket->abort();
        c.socket->deleteLater();
    }
    return cut;
}

const SimEntity* SimHomeAssistant::entity(const QString& id) const
{
    const auto it = m_entities.constFind(id);
    return it == m_entities.constEnd() ? nullptr : &*it;
}

void SimHomeAssistant::setState(const QString& entityId, const QString& state)
{
    change(entityId, state);
}

qint64 SimHomeAssistant::statesDumpBytes() const
{
    return statesJson().size();
}

QByteArray SimHomeAssistant::statesJson() const
{
    QJsonArray arr;
    for (const QString& id : m_order)
        arr.append(stateObject(m_entities.value(id)));
    return QJsonDocument(arr).toJson(QJsonDocument::Compact);
}

bool SimHomeAssistant::restAuthorized(const SimRequest& r) const
{
    return !m_token.isEmpty() && r.header("authorization") == "Bearer " + m_token.toUtf8();
}

SimHomeAssistant::Client* SimHomeAssistant::client(QWebSocket* s)
{
    for (Client& c : m_clients) {
        if (c.socket == s)
            return &c;
    }
    return nullptr;
}

void SimHomeAssistant::onNewConnection()
{
    while (m_ws && m_ws->hasPendingConnections()) {
        QWebSocket* s = m_ws->nextPendingConnection();
        s->setParent(this);
        ++m_connectionsAccepted;
        Client c;
        c.socket = s;
        m_clients.append(c);
        connect(s, &QWebSocket::textMessageReceived, this, [this, s](const QString& t) { onMessage(s, t); });
        connect(s, &QWebSocket::disconnected, this, [this, s] {
            m_clients.removeIf([s](const Client& cl) { return cl.socket == s || !cl.socket; });
            s->deleteLater();
        });
        sendJson(s, QJsonObject{{QStringLiteral("type"), QStringLiteral("auth_required")},
                                {QStringLiteral("ha_version"), QStringLiteral("2024.5.1")}});
    }
}

void SimHomeAssistant::sendJson(QWebSocket* socket, const QJsonObject& o)
{
    sendRaw(socket, QJsonDocument(o).toJson(QJsonDocument::Compact));
}

void SimHomeAssistant::sendRaw(QWebSocket* socket, const QByteArray& json)
{
    if (socket && socket->isValid())
        socket->sendTextMessage(QString::fromUtf8(json));
}

void SimHomeAssistant::onMessage(QWebSocket* socket, const QString& text)
{
    Client* c = client(socket);
    if (!c)
        return;
    const QJsonObject msg = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = msg.value(QStringLiteral("type")).toString();
    if (!c->authenticated) {
        if (type == QLatin1String("auth"))
            ++m_authMessages;
        if (type == QLatin1String("auth") && msg.value(QStringLiteral("access_token")).toString() == m_token &&
            !m_token.isEmpty()) {
            c->authenticated = true;
            ++m_authenticated;
            sendJson(socket, QJsonObject{{QStringLiteral("type"), QStringLiteral("auth_ok")},
                                         {QStringLiteral("ha_version"), QStringLiteral("2024.5.1")}});
        } else {
            sendJson(socket,
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("auth_invalid")},
                                 {QStringLiteral("message"), QStringLiteral("Invalid access token or password")}});
            QPointer<QWebSocket> ps(socket);
            QTimer::singleShot(0, this, [ps] {
                if (ps)
                    ps->close(QWebSocketProtocol::CloseCodePolicyViolated);
            });
        }
        return;
    }
    ++m_commands[type];
    const int id = msg.value(QStringLiteral("id")).toInt();
    if (id <= c->lastId) {
        // Home Assistant refuses a command whose id does not increase (websocket_api connection: ERR_ID_REUSE).
        ++m_idReuses;
        sendJson(socket, QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("type"), QStringLiteral("result")},
                                     {QStringLiteral("success"), false},
                                     {QStringLiteral("error"),
                                      QJsonObject{{QStringLiteral("code"), QStringLiteral("id_reuse")},
                                                  {QStringLiteral("message"),
                                                   QStringLiteral("Identifier values have to increase.")}}}});
        return;
    }
    c->lastId = id;
    const auto result = [&](const QJsonValue& r) {
        sendJson(socket, QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("type"), QStringLiteral("result")},
                                     {QStringLiteral("success"), true},
                                     {QStringLiteral("result"), r}});
    };
    const auto error = [&](const QString& code, const QString& message) {
        sendJson(socket, QJsonObject{{QStringLiteral("id"), id},
                                     {QStringLiteral("type"), QStringLiteral("result")},
                                     {QStringLiteral("success"), false},
                                     {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                           {QStringLiteral("message"), message}}}});
    };
    if (type == QLatin1String("ping")) {
        sendJson(socket, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("type"), QStringLiteral("pong")}});
    } else if (type == QLatin1String("get_states")) {
        // Built by hand: the states array can be 16 MB, no need to parse it into a QJsonObject again.
        sendRaw(socket, QByteArrayLiteral(R"({"id":)") + QByteArray::number(id) +
                            QByteArrayLiteral(R"(,"type":"result","success":true,"result":)") + statesJson() + '}');
    } else if (type == QLatin1String("subscribe_events")) {
        if (msg.value(QStringLiteral("event_type")).toString(QStringLiteral("state_changed")) ==
            QLatin1String("state_changed"))
            c->eventSubs.append(id);
        result(QJsonValue::Null);
    } else if (type == QLatin1String("subscribe_entities")) {
        if (!m_subscribeEntities) {
            error(QStringLiteral("unknown_command"), QStringLiteral("Unknown command."));
            return;
        }
        c->entitySubs.append(id);
        result(QJsonValue::Null);
        sendRaw(socket, QByteArrayLiteral(R"({"id":)") + QByteArray::number(id) +
                            QByteArrayLiteral(R"(,"type":"event","event":)") + compressedAll() + '}');
    } else if (type == QLatin1String("unsubscribe_events")) {
        const int sub = msg.value(QStringLiteral("subscription")).toInt();
        c->eventSubs.removeAll(sub);
        c->entitySubs.removeAll(sub);
        result(QJsonValue::Null);
    } else if (type == QLatin1String("call_service")) {
        const QString domain = msg.value(QStringLiteral("domain")).toString();
        const QString service = msg.value(QStringLiteral("service")).toString();
        QString entityId = msg.value(QStringLiteral("target")).toObject().value(QStringLiteral("entity_id")).toString();
        if (entityId.isEmpty())
            entityId =
                msg.value(QStringLiteral("service_data")).toObject().value(QStringLiteral("entity_id")).toString();
        // Validate now, apply after the result: the state change follows the result, as in Home Assistant.
        if (!m_entities.contains(entityId)) {
            error(QStringLiteral("not_found"), QStringLiteral("Entity %1 not found.").arg(entityId));
            return;
        }
        if (const CallDrop drop = std::exchange(m_nextCallDrop, CallDrop::None); drop != CallDrop::None) {
            if (drop == CallDrop::CarriedOut)
                applyService(domain, service, entityId);
            dropConnections(); // received, maybe carried out, never answered
            return;
        }
        result(
            QJsonObject{{QStringLiteral("context"), QJsonObject{{QStringLiteral("id"), QStringLiteral("01HSIMCALL")}}},
                        {QStringLiteral("response"), QJsonValue::Null}});
        QTimer::singleShot(m_actionDelayMs, this,
                           [this, domain, service, entityId] { applyService(domain, service, entityId); });
    } else if (type == QLatin1String("config/entity_registry/list_for_display")) {
        QJsonArray list;
        for (const QString& eid : m_order) {
            const SimEntity& e = m_entities[eid];
            QJsonObject o{{QStringLiteral("ei"), e.entityId}, {QStringLiteral("pl"), e.platform}};
            if (!e.areaId.isEmpty())
                o.insert(QStringLiteral("ai"), e.areaId);
            list.append(o);
        }
        result(QJsonObject{
            {QStringLiteral("entity_categories"), QJsonObject{{QStringLiteral("0"), QStringLiteral("config")},
                                                              {QStringLiteral("1"), QStringLiteral("diagnostic")}}},
            {QStringLiteral("entities"), list}});
    } else if (type == QLatin1String("config/area_registry/list")) {
        QJsonArray list;
        for (auto it = m_areas.begin(); it != m_areas.end(); ++it)
            list.append(QJsonObject{{QStringLiteral("area_id"), it.key()}, {QStringLiteral("name"), it.value()}});
        result(list);
    } else {
        error(QStringLiteral("unknown_command"), QStringLiteral("Unknown command."));
    }
}

QByteArray SimHomeAssistant::compressedAll() const
{
    QJsonObject a;
    for (const QString& id : m_order)
        a.insert(id, compressed(m_entities.value(id)));
    return QJsonDocument(QJsonObject{{QStringLiteral("a"), a}}).toJson(QJsonDocument::Compact);
}

QString SimHomeAssistant::applyService(const QString& domain, const QString& service, const QString& entityId)
{
    ++m_serviceCalls;
    const auto it = m_entities.constFind(entityId);
    if (it == m_entities.constEnd())
        return QStringLiteral("Entity %1 not found.").arg(entityId);
    const QString target = domainOf(entityId);
    const QString current = it->state;
    static const QStringList s_toggles = {QStringLiteral("light"), QStringLiteral("switch"), QStringLiteral("fan"),
                                          QStringLiteral("input_boolean")};
    if (s_toggles.contains(target) && (domain == target || domain == QLatin1String("homeassistant"))) {
        QString next;
        if (service == QLatin1String("turn_on"))
            next = QStringLiteral("on");
        else if (service == QLatin1String("turn_off"))
            next = QStringLiteral("off");
        else if (service == QLatin1String("toggle"))
            next = current == QLatin1String("on") ? QStringLiteral("off") : QStringLiteral("on");
        else
            return QStringLiteral("Service %1.%2 not found.").arg(domain, service);
        change(entityId, next);
        return {};
    }
    if (target == QLatin1String("scene") && domain == QLatin1String("scene") && service == QLatin1String("turn_on")) {
        change(entityId, isoTime(QDateTime::currentDateTimeUtc()));
        if (entityId == QLatin1String("scene.movie_night")) {
            change(QStringLiteral("light.living_room_ceiling"), QStringLiteral("off"));
        }
        return {};
    }
    if (target == QLatin1String("script") && domain == QLatin1String("script") &&
        (service == QLatin1String("turn_on") || service == QLatin1String("bedtime"))) {
        change(entityId, QStringLiteral("on"));
        QTimer::singleShot(300, this, [this, entityId] { change(entityId, QStringLiteral("off")); });
        return {};
    }
    if (target == QLatin1String("automation") && domain == QLatin1String("automation") &&
        (service == QLatin1String("turn_on") || service == QLatin1String("turn_off") ||
         service == QLatin1String("toggle"))) {
        // An automation's state says whether it is enabled; turning it off keeps it from running.
        const bool on =
            service == QLatin1String("toggle") ? current != QLatin1String("on") : service == QLatin1String("turn_on");
        change(entityId, on ? QStringLiteral("on") : QStringLiteral("off"));
        return {};
    }
    if (target == QLatin1String("automation") && domain == QLatin1String("automation") &&
        service == QLatin1String("trigger")) {
        change(entityId, current,
               QJsonObject{{QStringLiteral("last_triggered"), isoTime(QDateTime::currentDateTimeUtc())}});
        return {};
    }
    return QStringLiteral("Service %1.%2 cannot act on %3.").arg(domain, service, entityId);
}

void SimHomeAssistant::change(const QString& entityId, const QString& state, const QJsonObject& attributes)
{
    auto it = m_entities.find(entityId);
    if (it == m_entities.end())
        return;
    const SimEntity old = *it;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (it->state != state)
        it->lastChanged = now;
    it->lastUpdated = now;
    it->state = state;
    for (auto a = attributes.begin(); a != attributes.end(); ++a)
        it->attributes.insert(a.key(), a.value());
    pushChange(old, *it);
}

void SimHomeAssistant::pushChange(const SimEntity& oldState, const SimEntity& newState)
{
    for (const Client& c : std::as_const(m_clients)) {
        if (!c.socket || !c.authenticated)
            continue;
        for (int sub : c.eventSubs) {
            const QJsonObject ev{
                {QStringLiteral("event_type"), QStringLiteral("state_changed")},
                {QStringLiteral("data"), QJsonObject{{QStringLiteral("entity_id"), newState.entityId},
                                                     {QStringLiteral("old_state"), stateObject(oldState)},
                                                     {QStringLiteral("new_state"), stateObject(newState)}}},
                {QStringLiteral("origin"), QStringLiteral("LOCAL")},
                {QStringLiteral("time_fired"), isoTime(newState.lastUpdated)}};
            sendJson(c.socket, QJsonObject{{QStringLiteral("id"), sub},
                                           {QStringLiteral("type"), QStringLiteral("event")},
                                           {QStringLiteral("event"), ev}});
        }
        for (int sub : c.entitySubs) {
            QJsonObject plus{
                {QStringLiteral("lu"), static_cast<double>(newState.lastUpdated.toMSecsSinceEpoch()) / 1000.0}};
            if (oldState.state != newState.state) {
                plus.insert(QStringLiteral("s"), newState.state);
                plus.insert(QStringLiteral("lc"),
                            static_cast<double>(newState.lastChanged.toMSecsSinceEpoch()) / 1000.0);
            }
            QJsonObject changedAttrs;
            for (auto a = newState.attributes.begin(); a != newState.attributes.end(); ++a) {
                if (oldState.attributes.value(a.key()) != a.value())
                    changedAttrs.insert(a.key(), a.value());
            }
            if (!changedAttrs.isEmpty())
                plus.insert(QStringLiteral("a"), changedAttrs);
            const QJsonObject ev{
                {QStringLiteral("c"), QJsonObject{{newState.entityId, QJsonObject{{QStringLiteral("+"), plus}}}}}};
            sendJson(c.socket, QJsonObject{{QStringLiteral("id"), sub},
                                           {QStringLiteral("type"), QStringLiteral("event")},
                                           {QStringLiteral("event"), ev}});
        }
    }
}

void SimHomeAssistant::setAttribute(const QString& entityId, const QString& key, const QJsonValue& value)
{
    if (const SimEntity* e = entity(entityId))
        change(entityId, e->state, QJsonObject{{key, value}});
}

void SimHomeAssistant::addEntity(const QString& entityId, const QString& state, const QJsonObject& attributes)
{
    if (m_entities.contains(entityId))
        return;
    add(entityId, state, QString(), QStringLiteral("mqtt"), attributes);
    const SimEntity& e = m_entities[entityId];
    for (const Client& c : std::as_const(m_clients)) {
        if (!c.socket || !c.authenticated)
            continue;
        for (int sub : c.eventSubs) // the classic form: old_state null
            sendJson(c.socket, stateChangedMessage(sub, entityId, QJsonValue::Null, stateObject(e)));
        for (int sub : c.entitySubs) // compressed: {"a": {id: compressed state}}
            sendJson(c.socket,
                     QJsonObject{{QStringLiteral("id"), sub},
                                 {QStringLiteral("type"), QStringLiteral("event")},
                                 {QStringLiteral("event"),
                                  QJsonObject{{QStringLiteral("a"), QJsonObject{{entityId, compressed(e)}}}}}});
    }
}

void SimHomeAssistant::removeAttribute(const QString& entityId, const QString& key)
{
    auto it = m_entities.find(entityId);
    if (it == m_entities.end() || !it->attributes.contains(key))
        return;
    const SimEntity old = *it;
    it->attributes.remove(key);
    it->lastUpdated = QDateTime::currentDateTimeUtc();
    for (const Client& c : std::as_const(m_clients)) {
        if (!c.socket || !c.authenticated)
            continue;
        for (int sub : c.eventSubs) // the classic form: the whole new state
            sendJson(c.socket, stateChangedMessage(sub, entityId, stateObject(old), stateObject(*it)));
        for (int sub : c.entitySubs) // compressed: {"c": {id: {"-": {"a": [key]}}}}
            sendJson(
                c.socket,
                QJsonObject{{QStringLiteral("id"), sub},
                            {QStringLiteral("type"), QStringLiteral("event")},
                            {QStringLiteral("event"),
                             QJsonObject{{QStringLiteral("c"),
                                          QJsonObject{{entityId, QJsonObject{{QStringLiteral("-"),
                                                                              QJsonObject{{QStringLiteral("a"),
                                                                                           QJsonArray{key}}}}}}}}}}});
    }
}

void SimHomeAssistant::removeEntity(const QString& entityId)
{
    auto it = m_entities.find(entityId);
    if (it == m_entities.end())
        return;
    const SimEntity old = *it;
    m_entities.erase(it);
    m_order.removeAll(entityId);
    for (const Client& c : std::as_const(m_clients)) {
        if (!c.socket || !c.authenticated)
            continue;
        for (int sub : c.eventSubs) // the classic form: new_state null
            sendJson(c.socket, stateChangedMessage(sub, entityId, stateObject(old), QJsonValue::Null));
        for (int sub : c.entitySubs) // compressed: {"r": [id]}
            sendJson(c.socket,
                     QJsonObject{{QStringLiteral("id"), sub},
                                 {QStringLiteral("type"), QStringLiteral("event")},
                                 {QStringLiteral("event"), QJsonObject{{QStringLiteral("r"), QJsonArray{entityId}}}}});
    }
}

void SimHomeAssistant::tick()
{
    ++m_step;
    const double t = m_step;
    const auto drift = [&](const char* id, double base, double amp, int decimals) {
        const QString eid = QString::fromLatin1(id);
        if (m_entities.contains(eid))
            change(eid, QString::number(base + amp * std::sin(t / 3.0 + static_cast<double>(qHash(eid) % 7)), 'f',
                                        decimals));
    };
    drift("sensor.living_room_temperature", 21.3, 0.6, 1);
    drift("sensor.office_power", 140.0, 35.0, 1);
    if (m_step % 3 == 0)
        drift("sensor.bathroom_humidity", 55.0, 6.0, 0);
    if (m_step % 5 == 0) {
        const QString door = QStringLiteral("binary_sensor.front_door");
        if (const SimEntity* e = entity(door))
            change(door, e->state == QLatin1String("on") ? QStringLiteral("off") : QStringLiteral("on"));
    }
}

} // namespace hlc::sim
