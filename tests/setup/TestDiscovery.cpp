// Discovery over loopback: the simulator's services are found on their ports by their unauthenticated answers,
// nothing else answers as a service, and no credential is sent.

#include "SimHttpServer.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "setup/Discovery.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace hlc;

class TestDiscovery final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<QList<DiscoveredService>>();
    }

    void defaultsAreTheUsualPorts()
    {
        QList<quint16> ports;
        for (const DiscoveryCandidate& c : Discovery::defaultCandidates())
            ports << c.port;
        const QList<quint16> expected{8006, 9443, 9000, 9090, 9093, 80, 3000, 8123, 11434, 5678, 8000};
        QCOMPARE(ports, expected);
    }

    void otherPortsAreParsedAndTriedForEveryKind()
    {
        QString error;
        const auto ports = Discovery::parsePorts(QStringLiteral(" 9001, 8443;3001  9001 "), &error);
        QVERIFY(ports);
        QCOMPARE(*ports, (QList<quint16>{9001, 8443, 3001}));
        QVERIFY(Discovery::parsePorts(QString(), &error)->isEmpty());
        for (const QString& bad : {QStringLiteral("0"), QStringLiteral("70000"), QStringLiteral("9o90")}) {
            QVERIFY(!Discovery::parsePorts(QStringLiteral("8006, ") + bad, &error));
            QVERIFY2(error.contains(bad), qPrintable(error));
        }
        const QList<DiscoveryCandidate> c = Discovery::candidatesForPort(9001);
        QCOMPARE(c.size(), 18); // nine kinds, https and http
        QCOMPARE(c.first().scheme, QStringLiteral("https"));
        QCOMPARE(c.last().kind, ServiceKind::AdGuard); // recognised by a bare 401: tried last
        for (const DiscoveryCandidate& x : c)
            QCOMPARE(x.port, quint16(9001));
    }

    void findsTheSimulatorsServices()
    {
        sim::Simulator simulator;
        simulator.setTickIntervalMs(0);
        QString error;
        QVERIFY2(simulator.start(&error), qPrintable(error));

        // host-a's services at their (random) ports, plus a port where nothing listens and one with a stranger.
        QList<DiscoveryCandidate> candidates;
        QHash<int, quint16> expectedPorts; // kind -> port
        for (const sim::ServiceEndpoint& ep : simulator.endpoints()) {
            const auto kind = serviceKindFromName(ep.kind);
            QVERIFY(kind);
            if (ep.hostId != QLatin1String("host-a") && *kind != ServiceKind::Ollama && *kind != ServiceKind::Agents)
                continue;
            candidates << DiscoveryCandidate{*kind, static_cast<quint16>(ep.baseUrl.port()), ep.baseUrl.scheme()};
            expectedPorts.insert(static_cast<int>(*kind), static_cast<quint16>(ep.baseUrl.port()));
        }
        QCOMPARE(expectedPorts.size(), 9);
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = closed.serverPort();
        closed.close();
        candidates << DiscoveryCandidate{ServiceKind::Ollama, closedPort, QStringLiteral("http")};
        // Prometheus's port probed as if Home Assistant were expected there: it must not be taken for it.
        candidates << DiscoveryCandidate{ServiceKind::HomeAssistant,
                                         expectedPorts.value(static_cast<int>(ServiceKind::Prometheus)),
                                         QStringLiteral("http")};

        QList<sim::SimHttpServer*> servers;
        for (const sim::ServiceEndpoint& ep : simulator.endpoints()) {
            if (auto* s = simulator.server(ep.hostId, ep.kind))
                s->clearRequests(), servers << s;
        }

        Discovery discovery;
        discovery.setCandidates(candidates);
        QSignalSpy done(&discovery, &Discovery::finished);
        discovery.discover(QStringLiteral("127.0.0.1"));
        QVERIFY(test::waitForCount(done, 1, 30000));
        const auto found = done.first().first().value<QList<DiscoveredService>>();

        QHash<int, DiscoveredService> byKind;
        QStringList lines;
        for (const DiscoveredService& d : found) {
            QVERIFY2(!byKind.contains(static_cast<int>(d.config.kind)), qPrintable(d.config.id));
            byKind.insert(static_cast<int>(d.config.kind), d);
            lines << QStringLiteral("%1@%2").arg(d.config.id).arg(d.config.baseUrl.port());
        }
        QVERIFY2(found.size() == 9, qPrintable(lines.join(QLatin1Char(' '))));
        for (auto it = expectedPorts.cbegin(); it != expectedPorts.cend(); ++it) {
            QVERIFY2(byKind.contains(it.key()), qPrintable(lines.join(QLatin1Char(' '))));
            const DiscoveredService& d = byKind.value(it.key());
            QCOMPARE(d.config.baseUrl.port(), int(it.value()));
            QCOMPARE(d.config.baseUrl.host(), QStringLiteral("127.0.0.1"));
        }
        // Pre-filled for setup: the API path and the usual auth.
        const DiscoveredService pve = byKind.value(static_cast<int>(ServiceKind::Proxmox));
        QCOMPARE(pve.config.baseUrl.path(), QStringLiteral("/api2/json"));
        QCOMPARE(pve.config.auth, AuthScheme::PveToken);
        QVERIFY(!pve.certificate.isNull()); // shown later by the trust dialog
        QVERIFY(pve.config.pinnedSha256.isEmpty());
        QCOMPARE(byKind.value(static_cast<int>(ServiceKind::Portainer)).config.baseUrl.path(), QStringLiteral("/api"));
        QVERIFY(!byKind.value(static_cast<int>(ServiceKind::Ollama)).version.isEmpty());

        // No request carried a credential.
        int requests = 0;
        for (sim::SimHttpServer* s : servers) {
            for (const sim::SimRequest& r : s->requests()) {
                ++requests;
                QVERIFY2(r.header("authorization").isEmpty() && r.header("x-api-key").isEmpty() &&
                             r.header("cookie").isEmpty(),
                         qPrintable(r.path));
            }
        }
        QVERIFY(requests >= 9);
        test::evidence(QStringLiteral("discovery on 127.0.0.1 found %1 of 9 kinds with %2 credential-free requests: %3")
                           .arg(found.size())
                           .arg(requests)
                           .arg(lines.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "TestDiscovery.moc"
