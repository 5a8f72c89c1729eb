// The home feature's demo end to end: the whole simulator -> DemoSetup -> Homelab -> MainWindow, as `--demo` runs it:
// the AdGuard tab with stats and a working pause, Home Assistant entities that change on their own and respond to a
// toggle, and every seed service with its health on its host's Services tab.
#include "TestUtil.h"

#include "DemoSetup.h"
#include "SimHealthServices.h"
#include "Simulator.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/MessageBox.h"
#include "core/SecretStore.h"
#include "home/AdGuardMonitor.h"
#include "home/HaEntityModel.h"
#include "home/HealthProber.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeAssistantView.h"
#include "home/HomeServices.h"
#include "home/ServicesHealthView.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>

using namespace hlc;
using hlc::test::waitFor;

class TestHomeDemo : public QObject
{
    Q_OBJECT

private:
    static QWidget* tab(QTabWidget* tabs, const QString& title)
    {
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i) == title)
                return tabs->widget(i);
        }
        return nullptr;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void demo()
    {
        sim::Simulator simulator;
        QString err;
        QVERIFY2(simulator.start(&err), qPrintable(err));
        QVERIFY(simulator.endpoint(QStringLiteral("host-a"), QStringLiteral("adguard")).baseUrl.isValid());
        QVERIFY(simulator.endpoint(QStringLiteral("host-a"), QStringLiteral("homeassistant")).webSocketUrl.isValid());
        SecretStore secrets;
        demo::storeSecrets(simulator, &secrets);
        QNetworkAccessManager nam;
        const Config config = demo::configFor(simulator);
        Homelab lab(config, QString(), &secrets, &nam);
        MainWindow window(&lab);
        lab.start();
        auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        QVERIFY(tabs);

        // AdGuard: stats shown, pause works.
        QWidget* adguard = tab(tabs, QStringLiteral("AdGuard"));
        QVERIFY(adguard);
        auto* protection = adguard->findChild<QLabel*>(QStringLiteral("protectionLabel"));
        QVERIFY(waitFor([&] { return protection->text() == QLatin1String("Protection: on"); }, 15000));
        QVERIFY(adguard->findChild<QLabel*>(QStringLiteral("dnsQueriesLabel"))->text() != QStringLiteral("–"));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        adguard->findChild<QPushButton*>(QStringLiteral("pauseButton"))->click();
        QVERIFY(waitFor([&] { return protection->text() == QLatin1String("Protection: paused"); }, 5000));
        adguard->findChild<QPushButton*>(QStringLiteral("resumeButton"))->click();
        QVERIFY(waitFor([&] { return protection->text() == QLatin1String("Protection: on"); }, 5000));

        // Home Assistant: live, entities change on their own, a toggle is confirmed.
        auto* ha = qobject_cast<HomeAssistantView*>(tab(tabs, QStringLiteral("Home Assistant")));
        QVERIFY(ha);
        HomeAssistantLink* link = lab.home()->homeAssistant(QStringLiteral("host-a"));
        QVERIFY(link);
        QVERIFY(waitFor([&] { return link->mode() == HomeAssistantLink::Mode::Live; }, 15000));
        QVERIFY(ha->model()->rowCount() > 15);
        const QString before = link->entity(QStringLiteral("sensor.office_power"))->state;
        QVERIFY(waitFor([&] { return link->entity(QStringLiteral("sensor.office_power"))->state != before; }, 8000));
        QVERIFY(ha->selectEntity(QStringLiteral("switch.coffee_machine")));
        ha->findChild<QPushButton*>(QStringLiteral("entityActionButton"))->click();
        auto* result = ha->findChild<QLabel*>(QStringLiteral("haActionResult"));
        QVERIFY(
            waitFor([&] { return result->text() == QLatin1String("Coffee Machine (Zigbee2MQTT) is now on."); }, 5000));

        // Every seed service with its health, on its host's Services tab; the host panel counts the down ones.
        HealthProber* health = lab.home()->health();
        for (const QString& hostId : {QStringLiteral("host-a"), QStringLiteral("host-b")}) {
            QCOMPARE(health->results(hostId).size(), simulator.health()->targets(hostId).size());
            QVERIFY(waitFor(
                [&] {
                    const auto results = health->results(hostId);
                    return std::all_of(results.begin(), results.end(),
                                       [](const ProbeResult& r) { return r.state == ProbeResult::State::Up; });
                },
                10000));
        }
        QVERIFY(window.findChild<ServicesHealthView*>(QStringLiteral("servicesHealthView")));
        simulator.health()->setDown(QStringLiteral("host-b"), QStringLiteral("Jellyfin"), true);
        health->probeAll();
        QVERIFY(waitFor([&] { return health->totalDown() == 1; }, 5000));
        // The host card says how many are down and which (names in the tooltip too).
        auto* card = window.findChild<QWidget*>(QStringLiteral("hostCard_host-b"));
        QVERIFY(card);
        auto* servicesLink = card->findChild<QLabel*>(QStringLiteral("servicesLink"));
        QVERIFY(waitFor([&] { return servicesLink->text().endsWith(QLatin1String(" down: Jellyfin")); }));
        QCOMPARE(servicesLink->toolTip(), QStringLiteral("Down: Jellyfin"));
        QVERIFY(health->downSummary().startsWith(QStringLiteral("pve-ryzen: ")));
        if (!qEnvironmentVariableIsEmpty("HLC_HOME_SHOTS")) {
            const QString dir = qEnvironmentVariable("HLC_HOME_SHOTS");
            window.resize(1400, 900);
            for (const QString& t :
                 {QStringLiteral("Overview"), QStringLiteral("AdGuard"), QStringLiteral("Home Assistant")}) {
                tabs->setCurrentWidget(tab(tabs, t));
                window.grab().save(dir + QLatin1Char('/') + QString(t).replace(QLatin1Char(' '), QLatin1Char('-')) +
                                   QStringLiteral(".png"));
            }
        }
        lab.stop();
        hlc::test::evidence("Demo (home): simulator -> Homelab -> MainWindow with AdGuard pause, live Home "
                            "Assistant toggle and the health of every seed service over loopback");
    }
};

QTEST_MAIN(TestHomeDemo)
#include "TestHomeDemo.moc"
