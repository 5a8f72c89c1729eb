// MetricsMonitor against the simulated Prometheus over a real socket: batched queries for both hosts, latest values,
// history for charts within the point budget, target health, and a failing Prometheus shown as such.
#include "MetricsMonitor.h"
#include "MetricsSimFixture.h"
#include "TestUtil.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>

using namespace hlc;
using prom::NodeMetric;

class TestMetricsMonitor : public QObject
{
    Q_OBJECT

private:
    hlc::test::MetricsSimFixture m_sim;
    QNetworkAccessManager* m_nam = nullptr;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sim.start(this));
        m_nam = new QNetworkAccessManager(this);
        hlc::test::evidence("MetricsMonitor <-> simulated Prometheus over HTTP on 127.0.0.1");
    }

    void cleanup() { m_sim.promServer->clearFaults(); }

    void latestForBothHostsInOneQueryPerMetric()
    {
        MetricsMonitor m(m_sim.config(), m_nam);
        QVERIFY(m.hasMetrics(QStringLiteral("host-a")));
        QCOMPARE(m.instanceOf(QStringLiteral("host-b")), QStringLiteral("pve-ryzen:9100"));
        QSignalSpy spy(&m, &MetricsMonitor::latestUpdated);
        m_sim.promServer->clearRequests();
        m.refresh();
        QVERIFY(spy.wait(5000));
        // 8 metrics + targets for two hosts: batched, not per host.
        QCOMPARE(m_sim.promServer->requests().size(), int(prom::nodequeries::all().size()) + 1);
        for (const QString& h : {QStringLiteral("host-a"), QStringLiteral("host-b")}) {
            for (NodeMetric metric : prom::nodequeries::all())
                QVERIFY2(m.latest(h, metric).has_value(), qPrintable(h + prom::nodequeries::keyOf(metric)));
            QVERIFY(*m.latest(h, NodeMetric::CpuPercent) >= 0 && *m.latest(h, NodeMetric::CpuPercent) <= 100);
            QCOMPARE(m.status(h).state, SourceStatus::State::Ok);
        }
        QCOMPARE(m.targets().size(), 3);
        int hostTargets = 0;
        for (const TargetHealth& t : m.targets()) {
            if (!t.hostId.isEmpty()) {
                ++hostTargets;
                QVERIFY(t.up);
                QCOMPARE(t.job, QStringLiteral("node"));
            }
        }
        QCOMPARE(hostTargets, 2);
    }

    void targetDownShowsLastError()
    {
        MetricsMonitor m(m_sim.config(), m_nam);
        m_sim.lab->setNodeOnline(QStringLiteral("pve-ryzen"), false);
        QSignalSpy spy(&m, &MetricsMonitor::targetsUpdated);
        m.refresh();
        QVERIFY(spy.wait(5000));
        bool found = false;
        for (const TargetHealth& t : m.targets()) {
            if (t.hostId == QStringLiteral("host-b")) {
                found = true;
                QVERIFY(!t.up);
                QCOMPARE(t.health, QStringLiteral("down"));
                QVERIFY(t.lastError.contains(QStringLiteral("no route to host")));
            }
        }
        QVERIFY(found);
        m_sim.lab->setNodeOnline(QStringLiteral("pve-ryzen"), true);
    }

    void historyWithinPointBudget_data()
    {
        QTest::addColumn<qint64>("span");
        QTest::newRow("15m") << qint64(15 * 60);
        QTest::newRow("1h") << qint64(3600);
        QTest::newRow("6h") << qint64(6 * 3600);
        QTest::newRow("24h") << qint64(86400);
        QTest::newRow("7d") << qint64(7 * 86400);
    }

    void historyWithinPointBudget()
    {
        QFETCH(qint64, span);
        MetricsMonitor m(m_sim.config(), m_nam);
        QSignalSpy spy(&m, &MetricsMonitor::historyUpdated);
        m_sim.promServer->clearRequests();
        m.fetchHistory(QStringLiteral("host-a"), span);
        QVERIFY(hlc::test::waitFor([&] { return spy.size() >= 2; }, 10000)); // both hosts of that Prometheus
        QCOMPARE(m_sim.promServer->requests().size(), int(prom::nodequeries::all().size()));
        QCOMPARE(m.historySpan(QStringLiteral("host-b")), span);
        for (NodeMetric metric : prom::nodequeries::all()) {
            const auto pts = m.history(QStringLiteral("host-a"), metric);
            QVERIFY(pts.size() > 100);
            QVERIFY(pts.size() <= 600);
            QVERIFY(pts.last().time - pts.first().time >= span * 0.95);
        }
    }

    void failingPrometheusIsShown()
    {
        sim::Fault f;
        f.status = 503;
        m_sim.promServer->setFault("*", QStringLiteral("*"), f);
        MetricsMonitor m(m_sim.config(), m_nam);
        QSignalSpy spy(&m, &MetricsMonitor::statusChanged);
        m.refresh();
        QVERIFY(spy.wait(5000));
        const SourceStatus s = m.status(QStringLiteral("host-a"));
        QCOMPARE(s.state, SourceStatus::State::Error);
        QCOMPARE(s.error.httpStatus, 503);
        QVERIFY(!s.error.message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMetricsMonitor)
#include "TestMetricsMonitor.moc"
