// Home Assistant payloads: the docs' examples (websocket.md, rest.md), the subscribe_entities compressed format,
// registry answers, and what must not crash.
#include "homeassistant/HomeAssistantParser.h"

#include <QStandardPaths>
#include <QTest>

using namespace hlc;
using namespace hlc::ha;

namespace {
std::function<Expect(int, bool)> expecting(Expect result, Expect event)
{
    return [=](int, bool isEvent) { return isEvent ? event : result; };
}
} // namespace

class TestHomeAssistantParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void authMessages()
    {
        auto m = parser::message(R"({"type":"auth_required","ha_version":"2021.5.3"})", {});
        QVERIFY(m.ok());
        QCOMPARE(m.value().type, WsMessage::Type::AuthRequired);
        QCOMPARE(m.value().haVersion, QStringLiteral("2021.5.3"));
        m = parser::message(R"({"type":"auth_ok","ha_version":"2021.5.3"})", {});
        QCOMPARE(m.value().type, WsMessage::Type::AuthOk);
        m = parser::message(R"({"type":"auth_invalid","message":"Invalid password"})", {});
        QCOMPARE(m.value().type, WsMessage::Type::AuthInvalid);
        QCOMPARE(m.value().errorMessage, QStringLiteral("Invalid password"));
        m = parser::message(R"({"id":19,"type":"pong"})", {});
        QCOMPARE(m.value().type, WsMessage::Type::Pong);
        QCOMPARE(m.value().id, 19);
    }

    void resultError()
    {
        // websocket.md "Error handling".
        const auto m = parser::message(R"({"id":12,"type":"result","success":false,"error":{"code":"invalid_format",
            "message":"Message incorrectly formatted: expected str for dictionary value @ data['event_type']. Got 100"}})",
                                       {});
        QVERIFY(m.ok());
        QCOMPARE(m.value().type, WsMessage::Type::Result);
        QVERIFY(!m.value().success);
        QCOMPARE(m.value().errorCode, QStringLiteral("invalid_format"));
    }

    void stateChangedEvent()
    {
        // websocket.md "Subscribe to events" example.
        const QByteArray body = R"({"id":18,"type":"event","event":{"data":{"entity_id":"light.bed_light",
            "new_state":{"entity_id":"light.bed_light","last_changed":"2016-11-26T01:37:24.265390+00:00",
            "state":"on","attributes":{"rgb_color":[254,208,0],"color_temp":380,"supported_features":147,
            "xy_color":[0.5,0.5],"brightness":180,"white_value":200,"friendly_name":"Bed Light"},
            "last_updated":"2016-11-26T01:37:24.265390+00:00","context":{"id":"326ef27d19415c60c492fe330945f954",
            "parent_id":null,"user_id":"31ddb597e03147118cf8d2f8fbea5553"}},"old_state":{"entity_id":"light.bed_light",
            "last_changed":"2016-11-26T01:37:10.466994+00:00","state":"off","attributes":{"supported_features":147,
            "friendly_name":"Bed Light"},"last_updated":"2016-11-26T01:37:10.466994+00:00"}},
            "event_type":"state_changed","time_fired":"2016-11-26T01:37:24.265429+00:00","origin":"LOCAL"}})";
        const auto m = parser::message(body, expecting(Expect::Nothing, Expect::StateChangedEvent));
        QVERIFY(m.ok());
        QVERIFY(m.value().hasDelta);
        QCOMPARE(m.value().delta.changed.size(), 1);
        const EntityState& s = m.value().delta.changed.first();
        QCOMPARE(s.entityId, QStringLiteral("light.bed_light"));
        QCOMPARE(s.domain(), QStringLiteral("light"));
        QCOMPARE(s.state, QStringLiteral("on"));
        QCOMPARE(s.friendlyName(), QStringLiteral("Bed Light"));
        // Compact: only the attributes the app uses are kept; the rest was never built.
        QCOMPARE(s.attribute(u"brightness"), QString());
        QCOMPARE(s.attribute(u"friendly_name"), QStringLiteral("Bed Light"));
        QCOMPARE(s.lastChanged, QDateTime(QDate(2016, 11, 26), QTime(1, 37, 24, 265), Qt::UTC));
        // An entity that was removed: new_state null.
        const auto r = parser::message(
            R"({"id":18,"type":"event","event":{"data":{"entity_id":"light.gone","new_state":null},"event_type":"state_changed"}})",
            expecting(Expect::Nothing, Expect::StateChangedEvent));
        QCOMPARE(r.value().delta.removed, QStringList{QStringLiteral("light.gone")});
    }

    void getStatesResult()
    {
        const auto m = parser::message(R"({"id":19,"type":"result","success":true,"result":[
            {"entity_id":"sun.sun","state":"below_horizon","attributes":{"next_rising":"2016-05-31T03:39:14+00:00"},
             "last_changed":"2016-05-30T21:43:29.204838+00:00","last_updated":"2016-05-30T21:50:30.529465+00:00"},
            {"entity_id":"no_dot","state":"x"}, {"state":"missing id"}, 5, null,
            {"entity_id":"sensor.t","state":21.5,"attributes":null}]})",
                                       expecting(Expect::States, Expect::Nothing));
        QVERIFY(m.ok());
        QVERIFY(m.value().delta.full);
        QCOMPARE(m.value().delta.changed.size(), 2);
        QCOMPARE(m.value().delta.changed[1].state, QStringLiteral("21.5"));
        QVERIFY(m.value().delta.changed[1].name.isEmpty());
        QCOMPARE(m.value().delta.changed[1].friendlyName(), QStringLiteral("sensor.t"));
    }

    void restStates()
    {
        // rest.md GET /api/states.
        const auto r = parser::states(R"([{"attributes":{},"entity_id":"sun.sun",
            "last_changed":"2016-05-30T21:43:32.418320+00:00","state":"below_horizon"},
            {"attributes":{},"entity_id":"process.Dropbox","last_changed":"22016-05-30T21:43:32.418320+00:00",
            "state":"on"}])");
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 2);
        QVERIFY(r.value()[0].lastChanged.isValid());
        QVERIFY(r.value()[0].lastUpdated.isValid());  // falls back to last_changed
        QVERIFY(!r.value()[1].lastChanged.isValid()); // the docs' typo "22016": no crash, no date
        QVERIFY(parser::states("null").ok());
        QVERIFY(!parser::states(R"({"message":"x"})").ok());
        QCOMPARE(parser::errorMessage(R"({"message":"Entity not found."})"), QStringLiteral("Entity not found."));
    }

    void compressedEntities()
    {
        const auto first = parser::message(R"({"id":3,"type":"event","event":{"a":{"light.k":{"s":"on",
            "a":{"friendly_name":"K","brightness":3},"c":"01H","lc":1700000000.5},"bad":{"s":"x"}}}})",
                                           expecting(Expect::Nothing, Expect::EntitiesEvent));
        QVERIFY(first.ok());
        QCOMPARE(first.value().delta.changed.size(), 1);
        const EntityState k = first.value().delta.changed.first();
        QCOMPARE(k.state, QStringLiteral("on"));
        QCOMPARE(k.lastChanged.toMSecsSinceEpoch(), qint64(1700000000500));
        QCOMPARE(k.lastUpdated, k.lastChanged);

        const auto diff = parser::message(R"({"id":3,"type":"event","event":{"c":{"light.k":{"+":{"s":"off",
            "lc":1700000100,"a":{"brightness":0}},"-":{"a":["friendly_name"]}}},"r":["light.old"]}})",
                                          expecting(Expect::Nothing, Expect::EntitiesEvent));
        QVERIFY(diff.ok());
        QCOMPARE(diff.value().delta.patches.size(), 1);
        QCOMPARE(diff.value().delta.removed, QStringList{QStringLiteral("light.old")});
        EntityState merged = k;
        diff.value().delta.patches.first().applyTo(merged);
        QCOMPARE(merged.state, QStringLiteral("off"));
        QCOMPARE(k.name, QStringLiteral("K"));
        QVERIFY(merged.name.isEmpty()); // "-" removed friendly_name
        QCOMPARE(merged.friendlyName(), QStringLiteral("light.k"));
        QCOMPARE(merged.lastChanged.toMSecsSinceEpoch(), qint64(1700000100000));

        // Attribute-only update: the state and last_changed stay.
        const auto attrs = parser::message(R"({"id":3,"type":"event","event":{"c":{"light.k":{"+":{"lu":1700000200,
            "a":{"brightness":9}}}}}})",
                                           expecting(Expect::Nothing, Expect::EntitiesEvent));
        EntityState m2 = merged;
        attrs.value().delta.patches.first().applyTo(m2);
        QCOMPARE(m2.state, QStringLiteral("off"));
        QCOMPARE(m2.lastChanged, merged.lastChanged);
        QCOMPARE(m2.lastUpdated.toMSecsSinceEpoch(), qint64(1700000200000));
    }

    /// Only friendly_name, unit_of_measurement and last_triggered are kept, in every form a state arrives in
    /// (get_states, compressed "a", "+" and "-" diffs, state_changed); everything else is dropped while reading,
    /// including nested objects and an "a" or "attributes" key inside them. The map of added entities (event "a") is
    /// kept whole.
    void keepsOnlyUsedAttributes()
    {
        const auto all = parser::message(R"({"id":2,"type":"result","success":true,"result":[
            {"entity_id":"sensor.t","state":"21.5","attributes":{"unit_of_measurement":"°C","friendly_name":"T",
             "options":["a","b"],"nested":{"friendly_name":"no","a":{"x":1}},"attributes":{"unit_of_measurement":"x"}}},
            {"entity_id":"automation.a","state":"on","attributes":{"last_triggered":"2026-01-02T03:04:05+00:00",
             "friendly_name":7}},
            {"entity_id":"sensor.u","state":"3","attributes":{"unit_of_measurement":"°C"}}]})",
                                         expecting(Expect::States, Expect::Nothing));
        QVERIFY(all.ok());
        const QList<EntityState>& c = all.value().delta.changed;
        QCOMPARE(c.size(), 3);
        QCOMPARE(c[0].name, QStringLiteral("T"));
        QCOMPARE(c[0].unit(), QStringLiteral("°C"));
        QCOMPARE(c[1].lastTriggered, QStringLiteral("2026-01-02T03:04:05+00:00"));
        QCOMPARE(c[1].name, QStringLiteral("7")); // a number written out
        // One unit string shared by both sensors (interned), not two copies.
        QVERIFY(c[0].unitOfMeasurement.constData() == c[2].unitOfMeasurement.constData());

        const auto ev = parser::message(R"({"id":3,"type":"event","event":{"a":{
            "light.a":{"s":"on","a":{"friendly_name":"A","effect_list":["x","y"],"brightness":3}},
            "automation.b":{"s":"on","a":{"last_triggered":null,"friendly_name":"B"}}},
            "c":{"automation.b":{"+":{"a":{"last_triggered":"2026-01-02T03:04:05+00:00","brightness":1}},
                 "-":{"a":["friendly_name","brightness"]}}}}})",
                                        expecting(Expect::Nothing, Expect::EntitiesEvent));
        QVERIFY(ev.ok());
        const EntityDelta& d = ev.value().delta;
        QCOMPARE(d.changed.size(), 2);
        const int ia = d.changed[0].entityId == QLatin1String("light.a") ? 0 : 1;
        QCOMPARE(d.changed[ia].entityId, QStringLiteral("light.a"));
        QCOMPARE(d.changed[ia].name, QStringLiteral("A"));
        QCOMPARE(d.changed[1 - ia].entityId, QStringLiteral("automation.b"));
        QVERIFY(d.changed[1 - ia].lastTriggered.isEmpty()); // null: none
        QCOMPARE(d.patches.size(), 1);
        const EntityPatch& p = d.patches.first();
        QCOMPARE(p.setAttributes.size(), 1); // brightness is not kept
        QCOMPARE(p.setAttributes.first().first, QStringLiteral("last_triggered"));
        QCOMPARE(p.removeAttributes, QStringList{QStringLiteral("friendly_name")});
        EntityState b = d.changed[1 - ia];
        p.applyTo(b);
        QCOMPARE(b.lastTriggered, QStringLiteral("2026-01-02T03:04:05+00:00"));
        QVERIFY(b.name.isEmpty());
        QCOMPARE(b.state, QStringLiteral("on")); // no "s" in the diff: unchanged
    }

    void registries()
    {
        // websocket.md "Get Entity Registry entries for display" (with string keys, as JSON requires).
        const auto ents = parser::message(R"({"id":1,"type":"result","success":true,"result":{"entity_categories":
            {"0":"config","1":"diagnostic"},"entities":[{"ei":"light.living_room","pl":"hue","ai":"living_room",
            "di":"abc123def456","en":"Living Room","hn":true},{"ei":"switch.setting","pl":"esphome","di":"cde83923",
            "en":"Setting for something","hn":true,"ec":0}]}})",
                                          expecting(Expect::EntityRegistry, Expect::Nothing));
        QVERIFY(ents.ok());
        QVERIFY(ents.value().hasRegistry);
        QCOMPARE(ents.value().registry.entityArea.size(), 1);
        QCOMPARE(ents.value().registry.entityArea.value(QStringLiteral("light.living_room")),
                 QStringLiteral("living_room"));
        const auto areas = parser::message(
            R"({"id":2,"type":"result","success":true,"result":[{"area_id":"living_room","name":"Living Room"},{"name":"x"}]})",
            expecting(Expect::AreaRegistry, Expect::Nothing));
        QCOMPARE(areas.value().registry.areaNames.size(), 1);
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("truncated") << QByteArray("{\"type\":\"result\",\"result\":[{\"entity_id\":");
        QTest::newRow("wrong types") << QByteArray(R"({"type":"event","id":"x","event":{"a":[1],"c":5,"r":{}}})");
        QTest::newRow("deep") << QByteArray(5000, '[');
    }

    void garbage()
    {
        QFETCH(QByteArray, body);
        for (Expect e : {Expect::States, Expect::EntitiesEvent, Expect::StateChangedEvent, Expect::EntityRegistry,
                         Expect::AreaRegistry}) {
            const auto m = parser::message(body, expecting(e, e));
            if (m.ok())
                QVERIFY(m.value().delta.changed.isEmpty());
        }
        QVERIFY(!parser::states(body).ok() || parser::states(body).value().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHomeAssistantParser)
#include "TestHomeAssistantParser.moc"
