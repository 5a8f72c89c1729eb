#include "HomeAssistantParser.h"

#include "core/Json.h"

#include <QMutex>
#include <QSet>

namespace hlc::ha::parser {

using hlc::json::Json;
namespace J = hlc::json;

namespace {

/// The attribute keys EntityState keeps; every other attribute is dropped while the JSON is read (never built).
bool keptAttribute(const std::string& key)
{
    return key == EntityState::kFriendlyName || key == EntityState::kUnit || key == EntityState::kLastTriggered;
}

/// Which members the JSON reader builds: in an entity's attributes (an object under "attributes", or under "a"
/// below an entity in subscribe_entities' compressed states) only the kept ones. The "a" directly in an event is the
/// map of added entities, kept whole. A 5,000-entity dump (~20 MB, ~4 kB of attributes each) so never becomes a
/// full JSON tree: that tree took several times the payload.
bool keepMember(const std::vector<std::string>& openers, const std::string& key)
{
    if (openers.empty())
        return true;
    const std::string& in = openers.back();
    const bool attributes =
        in == "attributes" || (in == "a" && openers.size() >= 2 && openers[openers.size() - 2] != "event");
    return !attributes || keptAttribute(key);
}

/// Short strings repeated across entities (states "on"/"off"/"unavailable", units, domains) shared: one copy each.
/// Thread-safe (decoding runs on the client's worker thread); bounded, so odd input cannot grow it without end.
QString intern(QString s)
{
    constexpr qsizetype kMaxLength = 24;
    constexpr qsizetype kMaxEntries = 4096;
    if (s.isEmpty() || s.size() > kMaxLength)
        return s;
    static QMutex s_mutex;
    static QSet<QString> s_pool;
    const QMutexLocker lock(&s_mutex);
    if (const auto it = s_pool.constFind(s); it != s_pool.constEnd())
        return *it;
    if (s_pool.size() < kMaxEntries)
        s_pool.insert(s);
    return s;
}

/// The value of a kept attribute as text: strings as they are, numbers and booleans written out, null and objects
/// empty (= none).
QString attributeText(const std::string& key, const Json& v)
{
    QString text = J::toString(v);
    return key == EntityState::kUnit ? intern(std::move(text)) : text;
}

/// Sets the kept attributes of the object @p a on @p s (what the reader built of it is only those).
void setAttributes(const Json& a, EntityState* s)
{
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (keptAttribute(it.key()))
            s->setAttribute(QString::fromStdString(it.key()), attributeText(it.key(), it.value()));
    }
}

QDateTime unixTime(const Json& v)
{
    const double secs = J::toNumber(v, -1.0);
    if (secs < 0.0 || secs > 1.0e11)
        return {};
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(secs * 1000.0), Qt::UTC);
}

/// An entity's state object; nullopt when it is none or its entity_id is no "domain.object".
std::optional<EntityState> stateOf(const Json& o)
{
    if (!o.is_object())
        return std::nullopt;
    EntityState s;
    s.entityId = J::string(o, "entity_id");
    if (!s.entityId.contains(QLatin1Char('.')))
        return std::nullopt;
    s.state = intern(J::string(o, "state"));
    if (const Json* a = J::member(o, "attributes"); a && a->is_object())
        setAttributes(*a, &s);
    s.lastChanged = J::dateTime(o, "last_changed");
    s.lastUpdated = J::dateTime(o, "last_updated");
    if (!s.lastUpdated.isValid())
        s.lastUpdated = s.lastChanged;
    return s;
}

/// A compressed state of subscribe_entities: {"s": state, "a": attributes, "lc": secs, "lu": secs}.
void applyCompressed(const Json& c, EntityState* s)
{
    if (const Json* st = J::member(c, "s"))
        s->state = intern(J::toString(*st));
    if (const Json* a = J::member(c, "a"); a && a->is_object())
        setAttributes(*a, s);
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
                    p.state = intern(J::toString(*st));
                applyCompressed(*plus, &s);
                if (const Json* a = J::member(*plus, "a"); a && a->is_object()) {
                    for (auto at = a->begin(); at != a->end(); ++at) {
                        if (keptAttribute(at.key()))
                            p.setAttributes.append(
                                {QString::fromStdString(at.key()), attributeText(at.key(), at.value())});
                    }
                }
                p.lastChanged = s.lastChanged;
                p.lastUpdated = s.lastUpdated;
            }
            if (const Json* minus = J::member(it.value(), "-")) {
                for (const Json& k : J::array(*minus, "a")) {
                    if (k.is_string() && keptAttribute(k.get<std::string>()))
                        p.removeAttributes << J::toString(k);
                }
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
    return J::list<EntityState>(J::document(body, what, keepMember), what, nullptr, stateOf);
}

QString errorMessage(const QByteArray& body)
{
    return J::string(J::documentOrNull(body), "message");
}

Result<WsMessage> message(const QByteArray& body, const std::function<Expect(int id, bool event)>& expect)
{
    const QString what = QStringLiteral("/api/websocket");
    const auto doc = J::objectOf(J::document(body, what, keepMember), what, "message");
    if (!doc)
        return doc.error();
    const Json& o = doc.value();
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
            m.delta.changed = J::objects<EntityState>(*result, stateOf);
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
                const Json* ns = J::member(*data, "new_state");
                if (auto s = ns ? stateOf(*ns) : std::nullopt)
                    m.delta.changed.append(std::move(*s));
                else if (const QString id = J::string(*data, "entity_id"); !id.isEmpty())
                    m.delta.removed << id; // new_state null: the entity was removed
            }
        }
    }
    return m;
}

} // namespace hlc::ha::parser
