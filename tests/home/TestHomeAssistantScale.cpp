// Home Assistant at scale: 2,000 entities with ~4 kB of attributes each from the simulator, loaded into
// HomeAssistantLink and HaEntityModel, then changed with every diff form the server pushes (subscribe_entities'
// compressed "+" state and attribute, "-" attribute removal, "r" removal, "a" addition; and the same changes as
// state_changed events on servers without subscribe_entities). Checks the compact storage (only the attributes the
// app uses, shared unit strings) and that the model follows by entity id. Memory and time figures are not asserted
// here: scripts/bench --ha-entities N prints them.
#include "TestUtil.h"

#include "SimHomeAssistant.h"
#include "SimHttpServer.h"
#include "core/ActionJournal.h"
#include "core/ServiceDirectory.h"
#include "home/HaEntityModel.h"
#include "home/HomeAssistantLink.h"
#include "homeassistant/HomeAssistantClient.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>

#include <memory>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kToken = QStringLiteral("scale-test-token");
constexpr int kEntities = 2000;
} // namespace

class TestHomeAssistantScale : public QObject
{
    Q_OBJECT

private:
    sim::SimHttpServer* m_rest = nullptr;
    sim::SimHomeAssistant* m_sim = nullptr;
    QNetworkAccessManager* m_nam = nullptr;

    /// The model's text in @p column for @p entityId ("" when it has no row).
    static QString cell(const HaEntityModel& model, const QString& entityId, int column)
    {
        const int row = model.rowOf(entityId);
        return row < 0 ? QString() : model.index(row, column).data().toString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_nam = new QNetworkAccessManager(this);
    }

    void init()
    {
        m_rest = new sim::SimHttpServer(this);
        QVERIFY(m_rest->listen(false));
        m_sim = new sim::SimHomeAssistant(m_rest, kToken, sim::SimHomeAssistant::Profile::Seed, this);
        m_sim->addBulkEntities(kEntities);
        QVERIFY(m_sim->listenWebSocket());
        m_sim->setActionDelay(50);
    }

    void cleanup()
    {
        delete m_sim;
        delete m_rest;
    }

    void diffsOnACompactStore_data()
    {
        QTest::addColumn<bool>("entitySubscription");
        QTest::newRow("subscribe_entities") << true;
        QTest::newRow("state_changed") << false;
    }

    void diffsOnACompactStore()
    {
        QFETCH(bool, entitySubscription);
        m_sim->setSubscribeEntitiesSupported(entitySubscription);
        QCOMPARE(m_sim->entityCount(), kEntities);
        QVERIFY2(m_sim->statesDumpBytes() > kEntities * 3000LL, qPrintable(QString::number(m_sim->statesDumpBytes())));

        HostConfig h;
        h.id = QStringLiteral("host-a");
        ServiceConfig s;
        s.id = QStringLiteral("homeassistant");
        s.kind = ServiceKind::HomeAssistant;
        s.baseUrl = m_rest->baseUrl();
        s.auth = AuthScheme::Bearer;
        s.timeoutMs = 5000;
        s.extra.insert(QStringLiteral("websocketUrl"), m_sim->webSocketUrl().toString());
        h.services << s;
        Config c;
        c.hosts << h;
        ServiceDirectory directory(c, nullptr, m_nam);
        ActionJournal journal(nullptr, nullptr);
        HomeAssistantLink link(h, s, &directory, &journal);
        link.client()->setReconnectDelays(50, 400);
        link.client()->setPingInterval(1000);
        link.setConfirmTimeoutMs(8000);
        HaEntityModel model(&link);
        directory.applySecret(h.id, s.id, kToken);
        link.start(1000);
        QVERIFY(waitFor([&] { return link.mode() == HomeAssistantLink::Mode::Live; }, 30000));
        QCOMPARE(link.client()->usesEntitySubscription(), entitySubscription);
        QCOMPARE(link.entityCount(), kEntities);
        QCOMPARE(model.rowCount(), kEntities);

        // Compact storage: what a row shows, nothing of the ~4 kB of other attributes.
        const QString lamp = QStringLiteral("light.bulk_1000");
        const QString sensor = QStringLiteral("sensor.bulk_999");
        const ha::EntityState* l = link.entity(lamp);
        const ha::EntityState* t = link.entity(sensor);
        QVERIFY(l && t);
        QCOMPARE(l->friendlyName(), QStringLiteral("Bulk Device 1000"));
        QCOMPARE(l->state, QStringLiteral("off"));
        QVERIFY(l->unit().isEmpty());
        QCOMPARE(l->attribute(u"effect_list"), QString());
        QCOMPARE(l->attribute(u"brightness"), QString());
        QCOMPARE(t->unit(), QStringLiteral("°C"));
        QCOMPARE(t->attribute(u"options"), QString());
        // One copy of "°C" and of "off" for all entities (interned), not one per entity.
        QVERIFY(t->unitOfMeasurement.constData() ==
                link.entity(QStringLiteral("sensor.bulk_1002"))->unit().constData());
        QVERIFY(l->state.constData() == link.entity(QStringLiteral("light.bulk_1001"))->state.constData());
        QCOMPARE(cell(model, lamp, HaEntityModel::Name), QStringLiteral("Bulk Device 1000"));
        QCOMPARE(cell(model, sensor, HaEntityModel::State), t->state + QStringLiteral(" °C"));
        QCOMPARE(cell(model, sensor, HaEntityModel::Domain), QStringLiteral("sensor"));

        // "+" with a state.
        m_sim->setState(lamp, QStringLiteral("on"));
        QVERIFY(waitFor([&] { return cell(model, lamp, HaEntityModel::State) == QLatin1String("on"); }));
        QCOMPARE(link.entity(lamp)->state, QStringLiteral("on"));
        // "+" with kept attributes: the row's name and unit follow.
        m_sim->setAttribute(sensor, QStringLiteral("friendly_name"), QStringLiteral("Renamed Sensor"));
        m_sim->setAttribute(sensor, QStringLiteral("unit_of_measurement"), QStringLiteral("K"));
        QVERIFY(waitFor([&] { return cell(model, sensor, HaEntityModel::Name) == QLatin1String("Renamed Sensor"); }));
        QVERIFY(waitFor([&] { return cell(model, sensor, HaEntityModel::State).endsWith(QLatin1String(" K")); }));
        // "+" with an attribute the app does not keep: the entity stays as it was, nothing is added to it.
        const ha::EntityState before = *link.entity(lamp);
        m_sim->setAttribute(lamp, QStringLiteral("brightness"), 77);
        m_sim->setState(QStringLiteral("light.bulk_1001"), QStringLiteral("on")); // a marker after it
        QVERIFY(waitFor([&] { return link.entity(QStringLiteral("light.bulk_1001"))->state == QLatin1String("on"); }));
        QCOMPARE(link.entity(lamp)->state, before.state);
        QCOMPARE(link.entity(lamp)->name, before.name);
        QCOMPARE(link.entity(lamp)->attribute(u"brightness"), QString());
        // "-": the name attribute goes, the row falls back to the entity id.
        m_sim->removeAttribute(sensor, QStringLiteral("friendly_name"));
        QVERIFY(waitFor([&] { return cell(model, sensor, HaEntityModel::Name) == sensor; }));
        QVERIFY(link.entity(sensor)->name.isEmpty());
        QCOMPARE(link.entity(sensor)->unit(), QStringLiteral("K"));
        // "r": the entity and its row go.
        QVERIFY(model.rowOf(QStringLiteral("light.bulk_1003")) >= 0);
        m_sim->removeEntity(QStringLiteral("light.bulk_1003"));
        QVERIFY(waitFor([&] { return model.rowOf(QStringLiteral("light.bulk_1003")) < 0; }));
        QVERIFY(!link.entity(QStringLiteral("light.bulk_1003")));
        QCOMPARE(model.rowCount(), kEntities - 1);
        // "a" while live: a new entity and its row.
        m_sim->addEntity(QStringLiteral("switch.new_plug"), QStringLiteral("on"),
                         QJsonObject{{QStringLiteral("friendly_name"), QStringLiteral("New Plug")},
                                     {QStringLiteral("icon"), QStringLiteral("mdi:power-plug")},
                                     {QStringLiteral("options"), QJsonArray{1, 2, 3}}});
        QVERIFY(waitFor([&] { return model.rowOf(QStringLiteral("switch.new_plug")) >= 0; }));
        QCOMPARE(cell(model, QStringLiteral("switch.new_plug"), HaEntityModel::Name), QStringLiteral("New Plug"));
        QCOMPARE(model.rowCount(), kEntities);
        QCOMPARE(link.entityCount(), kEntities);

        // The attribute an action is confirmed by: an automation's last_triggered, set by the trigger.
        const QString automation = QStringLiteral("automation.hallway_sunset");
        QVERIFY(link.entity(automation)->lastTriggered.isEmpty()); // null in the seed
        QSignalSpy finished(&link, &HomeAssistantLink::actionFinished);
        link.act(automation);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(!link.entity(automation)->lastTriggered.isEmpty());
        // And a toggle, confirmed by the state.
        finished.clear();
        link.act(QStringLiteral("switch.new_plug"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QCOMPARE(cell(model, QStringLiteral("switch.new_plug"), HaEntityModel::State), QStringLiteral("off"));

        hlc::test::evidence(
            QStringLiteral("Home Assistant %1 entities (%2 MB of states) over %3: compact store and model "
                           "follow state +, attribute + and -, r and a diffs; automation confirmed by "
                           "last_triggered")
                .arg(kEntities)
                .arg(static_cast<double>(m_sim->statesDumpBytes()) / 1e6, 0, 'f', 1)
                .arg(entitySubscription ? QStringLiteral("subscribe_entities")
                                        : QStringLiteral("state_changed events")));
    }
};

QTEST_MAIN(TestHomeAssistantScale)
#include "TestHomeAssistantScale.moc"
