// Request economy (issue 13), counted by the simulator over refresh cycles the test drives itself (the app's own
// timers are set to an hour, so wall time plays no part): per cycle exactly one GET /cluster/resources per Proxmox
// API (a standalone host is its own cluster), no Home Assistant REST call while its WebSocket is up, and no GET sent
// while an identical one is still in flight (every answer is held back 150 ms so overlaps would show).
#include "TestUtil.h"

#include "DemoSetup.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "core/Homelab.h"
#include "core/SecretStore.h"
#include "guests/GuestInventory.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeServices.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QStandardPaths>

using namespace hlc;
using hlc::test::waitFor;

namespace {

constexpr int kCycles = 5;
constexpr int kLatencyMs = 150;

int countPath(const sim::SimHttpServer* server, const QString& path)
{
    int n = 0;
    for (const sim::SimRequest& r : server->requests())
        n += r.method == "GET" && r.path == path ? 1 : 0;
    return n;
}

} // namespace

class TestRequestEconomy final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void demoProfile()
    {
        sim::Simulator simulator;
        QString err;
        QVERIFY2(simulator.start(&err), qPrintable(err));
        SecretStore secrets;
        demo::storeSecrets(simulator, &secrets);
        QNetworkAccessManager nam;
        Config config = demo::configFor(simulator);
        config.refreshIntervalMs = 3600000; // only the test's refreshAll() polls
        config.healthIntervalMs = 3600000;
        Homelab lab(config, QString(), &secrets, &nam);
        lab.start();

        // Every distinct server once (Prometheus is shared by the hosts; cluster members share their API).
        QList<sim::SimHttpServer*> servers;
        QList<sim::SimHttpServer*> pveServers;
        for (const sim::ServiceEndpoint& ep : simulator.endpoints()) {
            sim::SimHttpServer* s = simulator.server(ep.hostId, ep.kind);
            if (s && !servers.contains(s))
                servers << s;
            if (s && ep.kind == QLatin1String("proxmox") && !pveServers.contains(s))
                pveServers << s;
        }
        QCOMPARE(pveServers.size(), 2);
        sim::SimHttpServer* haRest = simulator.server(QStringLiteral("host-a"), QStringLiteral("homeassistant"));
        QVERIFY(haRest);

        // First data everywhere, and the Home Assistant WebSocket live.
        HomeAssistantLink* link = lab.home()->homeAssistant(QStringLiteral("host-a"));
        QVERIFY(link);
        QVERIFY(waitFor(
            [&] {
                for (const sim::ServiceEndpoint& ep : simulator.endpoints(QStringLiteral("proxmox"))) {
                    const GuestInventory* inv = lab.inventory(ep.hostId);
                    if (!inv || inv->guests().isEmpty())
                        return false;
                }
                return link->mode() == HomeAssistantLink::Mode::Live;
            },
            20000));
        QTest::qWait(500); // the start-up polls' answers arrive

        sim::Fault slow;
        slow.latencyMs = kLatencyMs;
        for (sim::SimHttpServer* s : std::as_const(servers)) {
            s->setFault("*", QStringLiteral("*"), slow);
            s->clearRequests();
        }

        const QString resources = QStringLiteral("/api2/json/cluster/resources");
        for (int cycle = 1; cycle <= kCycles; ++cycle) {
            lab.refreshAll();
            // The cycle is over when every Proxmox API has answered its one /cluster/resources of this cycle and
            // the guests are back: then the next refreshAll() finds nothing in flight there.
            QVERIFY2(waitFor(
                         [&] {
                             for (sim::SimHttpServer* s : std::as_const(pveServers)) {
                                 if (countPath(s, resources) < cycle)
                                     return false;
                             }
                             return true;
                         },
                         20000),
                     qPrintable(QStringLiteral("cycle %1").arg(cycle)));
            QTest::qWait(kLatencyMs * 3); // the cycle's other answers, held back as long, arrive too
        }
        QTest::qWait(kLatencyMs * 4); // nothing more is on its way

        for (sim::SimHttpServer* s : std::as_const(pveServers))
            QCOMPARE(countPath(s, resources), kCycles);
        QStringList haPaths;
        for (const sim::SimRequest& r : haRest->requests())
            haPaths << QString::fromLatin1(r.method) + QLatin1Char(' ') + r.path;
        QVERIFY2(haPaths.isEmpty(), qPrintable(haPaths.join(QStringLiteral(", "))));
        QCOMPARE(link->mode(), HomeAssistantLink::Mode::Live);
        QStringList duplicates;
        int total = 0;
        for (const sim::SimHttpServer* s : std::as_const(servers)) {
            duplicates << s->duplicateGets();
            total += static_cast<int>(s->requests().size());
        }
        QVERIFY2(duplicates.isEmpty(), qPrintable(duplicates.join(QStringLiteral("\n"))));
        hlc::test::evidence(QStringLiteral("request economy over %1 driven refresh cycles of the demo homelab (answers "
                                           "held %2 ms): %3 /cluster/resources per Proxmox API (%4 APIs), 0 Home "
                                           "Assistant REST calls with the WebSocket live, 0 duplicate GETs in flight "
                                           "among %5 requests")
                                .arg(kCycles)
                                .arg(kLatencyMs)
                                .arg(kCycles)
                                .arg(pveServers.size())
                                .arg(total));
        lab.stop();
    }
};

QTEST_MAIN(TestRequestEconomy)
#include "TestRequestEconomy.moc"
