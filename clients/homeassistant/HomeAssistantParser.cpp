#include "HomeAssistantParser.h"

#include "core/Json.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace hlc::ha::parser {

using hlc::json::Json;
namespace J = hlc::json;

namespace {

QJsonValue toQt(const Json& v, int depth = 0)
{
    if (depth > 32)
        return {};
    switch (v.type()) {
    case Json::value_t::boolean:
        return v.get<bool>();
    case Json::value_t::number_integer:
        return static_cast<double>(v.get<qint64>());
    case Json::value_t::number_unsigned:
        return static_cast<double>(v.get<quint64>());
    case Json::value_t::number_float: {
        const double d = v.get<double>();
        return std::isfinite(d) ? QJsonValue(d) : QJsonValue();
    }
    case Json::value_t::string:
        return QString::fromStdString(v.get<std::string>());
    case Json::value_t::array: {
        QJsonArray a;
        for (const Json& e : v)
            a.append(toQt(e, depth + 1));
        return a;
    }
    case Json::value_t::object: {
        QJsonObject o;
        for (auto it = v.begin(); it != v.end(); ++it)
            o.insert(QString::fromStdString(it.key()), toQt(it.value(), depth + 1));
        return o;
    }
    default:
        return {};
    }
}

QDateTime isoTime(const QString& s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid()) {
        // Python's isoformat() has microseconds: "2016-11-26T01:37:24.265390+00:00".
        static const QRegularExpression s_frac(QStringLiteral("\\.(\\d{3})\\d+"));
        QString trimmed = s;
        trimmed.replace(s_frac, QStringLiteral(".\\1"));
        t = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    }
    return t;
}

QDateTime unixTime(const Json& v)
{
    const double secs = J::toNumber(v, -1.0);
    if (secs < 0.0 || secs > 1.0e11)
        return {};
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(secs * 1000.0), Qt::UTC);
}

bool stateFrom(const Json& o, EntityState* out)
{
    if (!o.is_object())
        return false;
    out->entityId = J::string(o, "entity_id");
    if (!out->entityId.contains(QLatin1Char('.')))
        return false;
    out->state = J::string(o, "state");
    if (const Json* a = J::member(o, "attributes"); a && a->is_object())
        out->attributes = toQt(*a).toObject();
    out->lastChanged = isoTime(J::string(o, "last_changed"));
    out->lastUpdated = isoTime(J::string(o, "last_updated"));
    if (!out->lastUpdated.isValid())
        out->lastUpdated = out->lastChanged;
    return true;
}

QList<EntityState> statesOf(const Json& arr)
{
    QList<EntityState> out;
    if (!arr.is_array())
        return out;
    out.reserve(static_cast<qsizetype>(arr.size()));
    for (const Json& e : arr) {
        EntityState s;
        if (stateFrom(e, &s))
            out.append(std::move(s));
    }
    return out;
}

/// A compressed state of subscribe_entities: {"s": state, "a": attributes, "lc": secs, "lu": secs}.
void applyCompressed(const Json& c, EntityState* s)
{
    if (const Json* st = J::member(c, "s"))
        s->state = J::toString(*st);
    if (const Json* a = J::member(c, "a"); a && a->is_object()) {
        const QJsonObject add = toQt(*a).toObject();
        for (auto it = add.begin(); it != add.end(); ++it)
            s->attributes.insert(it.key(), it.value());
    }
    if (const Json* lc = J::member(c, "lc")) {
        s->lastChanged = unixTime(*lc);
        s->lastUpdated = s->lastChanged;
    }
    if (const Json* lu = J::member(c, "lu"))
        s->lastUpdated = unixTime(*lu);
}

/// subscribe_entities event: {"a": {id: compressed}, "c": {id: {"+": compressed, "-": {"a": [keys]}}}, "r": [ids]}.
EntityDelta entitiesEvent(const Json& ev)
{
    EntityDelta d;
    if (const Json* add = J::member(ev, "a"); add && add->is_object()) {
        for (auto it = add->begin(); it != add->end(); ++it) {
            EntityState s;
            s.entityId = QString::fromStdString(it.key());
            applyCompressed(it.value(), &s);
            if (s.entityId.contains(QLatin1Char('.')))
                d.changed.append(std::move(s));
        }
    }
    if (const Json* ch = J::member(ev, "c"); ch && ch->is_object()) {
        for (auto it = ch->begin(); it != ch->end(); ++it) {
            EntityState s;
            EntityPatch p;
            p.entityId = QString::fromStdString(it.key());
            if (const Json* plus = J::member(it.value(), "+")) {
                if (const Json* st = J::member(*plus, "s"))
                    p.state = J::toString(*st);
                applyCompressed(*plus, &s);
                p.setAttributes = s.attributes;
                p.lastChanged = s.lastChanged;
                p.lastUpdated = s.lastUpdated;
            }
            if (const Json* minus = J::member(it.value(), "-")) {
                for (const Json& k : J::array(*minus, "a"))
                    p.removeAttributes << J::toString(k);
            }
            d.patches.append(std::move(p));
        }
    }
    for (const Json& r : J::array(ev, "r"))
        d.removed << J::toString(r);
    return d;
}

} // namespace

Result<QList<EntityState>> states(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/states");
    ApiError err;
    const auto doc = J::parse(body, what, &err);
    if (!doc)
        return err;
    if (doc->is_null())
        return QList<EntityState>{};
    if (!doc->is_array())
        return J::shapeError(what, QStringLiteral("not an array"));
    return statesOf(*doc);
}

QString errorMessage(const QByteArray& body)
{
    ApiError ignored;
    const auto doc = J::parse(body, QString(), &ignored);
    return doc ? J::string(*doc, "message") : QString();
}

Result<WsMessage> message(const QByteArray& body, const std::function<Expect(int id, bool event)>& expect)
{
    const QString what = QStringLiteral("/api/websocket");
    ApiError err;
    const auto doc = J::parse(body, what, &err);
    if (!doc)
        return err;
    if (!doc->is_object())
        return J::shapeError(what, QStringLiteral("message is not an object"));
    const Json& o = *doc;
    WsMessage m;
    const QString type = J::string(o, "type");
    m.id = static_cast<int>(J::integer(o, "id"));
    m.haVersion = J::string(o, "ha_version");
    const Expect kind = expect ? expect(m.id, type == QLatin1String("event")) : Expect::Nothing;
    if (type == QLatin1String("auth_required")) {
        m.type = WsMessage::Type::AuthRequired;
    } else if (type == QLatin1String("auth_ok")) {
        m.type = WsMessage::Type::AuthOk;
    } else if (type == QLatin1String("auth_invalid")) {
        m.type = WsMessage::Type::AuthInvalid;
        m.errorMessage = J::string(o, "message");
    } else if (type == QLatin1String("pong")) {
        m.type = WsMessage::Type::Pong;
    } else if (type == QLatin1String("result")) {
        m.type = WsMessage::Type::Result;
        m.success = J::boolean(o, "success");
        if (const Json* e = J::member(o, "error")) {
            m.errorCode = J::string(*e, "code");
            m.errorMessage = J::string(*e, "message");
        }
        const Json* result = J::member(o, "result");
        if (m.success && result && kind == Expect::States) {
            m.delta.changed = statesOf(*result);
            m.delta.full = true;
            m.hasDelta = true;
        } else if (m.success && result && kind == Expect::EntityRegistry) {
            m.hasRegistry = true;
            const Json& list = result->is_array() ? *result : J::array(*result, "entities");
            for (const Json& e : list) {
                // list_for_display uses short keys ("ei", "ai"); entity_registry/list the long ones.
                QString id = J::string(e, "ei");
                QString area = J::string(e, "ai");
                if (id.isEmpty()) {
                    id = J::string(e, "entity_id");
                    area = J::string(e, "area_id");
                }
                if (!id.isEmpty() && !area.isEmpty())
                    m.registry.entityArea.insert(id, area);
            }
        } else if (m.success && result && kind == Expect::AreaRegistry) {
            m.hasRegistry = true;
            for (const Json& a : result->is_array() ? *result : Json::array()) {
                const QString id = J::string(a, "area_id");
                if (!id.isEmpty())
                    m.registry.areaNames.insert(id, J::string(a, "name", id));
            }
        }
    } else if (type == QLatin1String("event")) {
        m.type = WsMessage::Type::Event;
        const Json* ev = J::member(o, "event");
        if (ev && kind == Expect::EntitiesEvent) {
            m.delta = entitiesEvent(*ev);
            m.hasDelta = true;
        } else if (ev && kind == Expect::StateChangedEvent) {
            m.hasDelta = true;
            if (const Json* data = J::member(*ev, "data")) {
                EntityState s;
                if (const Json* ns = J::member(*data, "new_state"); ns && stateFrom(*ns, &s))
                    m.delta.changed.append(std::move(s));
                else if (const QString id = J::string(*data, "entity_id"); !id.isEmpty())
                    m.delta.removed << id; // new_state null: the entity was removed
            }
        }
    }
    return m;
}

} // namespace hlc::ha::parser
