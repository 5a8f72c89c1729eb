// MetricsMonitor against the simulated Prometheus over a real socket: ONE batched query per refresh for both hosts
// (values as the per-metric queries give them; missing, NaN, foreign and broken answers), one batched range query
// for the charts within the point budget, target health, and a failing Prometheus shown as such.
#include "MetricsSimFixture.h"
#include "TestUtil.h"
#include "core/ServiceDirectory.h"
#include "metrics/MetricsMonitor.h"
#include "prometheus/PrometheusClient.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>

#include <limits>

using namespace hlc;
using prom::NodeMetric;

class TestMetricsMonitor : public QObject
{
    Q_OBJECT

private:
    hlc::test::MetricsSimFixture m_sim;
    QNetworkAccessManager* m_nam = nullptr;

    /// Recorded requests to /api/v1/query.
    int queryRequests() const
    {
        int n = 0;
        for (const sim::SimRequest& r : m_sim.promServer->requests())
            n += r.path == QStringLiteral("/api/v1/query") ? 1 : 0;
        return n;
    }

    static Endpoint endpointOf(const hlc::test::MetricsSimFixture& sim)
    {
        Endpoint e;
        e.baseUrl = sim.promServer->baseUrl();
        e.timeoutMs = 3000;
        e.maxRetries = 0;
        return e;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sim.start(this));
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanup() { m_sim.promServer->clearFaults(); }

    void latestForBothHostsInOneQuery()
    {
        ServiceDirectory mServices(m_sim.config(), nullptr, m_nam);
        MetricsMonitor m(&mServices);
        QVERIFY(m.hasMetrics(QStringLiteral("host-a")));
        QCOMPARE(m.instanceOf(QStringLiteral("host-b")), QStringLiteral("pve-ryzen:9100"));
        QSignalSpy spy(&m, &MetricsMonitor::latestUpdated);
        m_sim.promServer->clearRequests();
        m.refresh();
        QVERIFY(spy.wait(5000));
        // The first refresh: one batched query for all 8 metrics of both hosts + the scrape targets.
        QCOMPARE(m_sim.promServer->requests().size(), 2);
        QCOMPARE(queryRequests(), 1);
        const QString promql =
            m_sim.promServer->requests().first().query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
        QVERIFY2(promql.contains(QStringLiteral("pve\\\\-thinkpad")) &&
                     promql.contains(QStringLiteral("pve\\\\-ryzen")),
                 "both instances in the one query");
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
                QVERIFY2(t.job.startsWith(QStringLiteral("node-exporter-host")), qPrintable(t.job)); // as the seed
            }
        }
        QCOMPARE(hostTargets, 2);

        // Later refreshes within targetsIntervalMs(): exactly ONE request each.
        for (int i = 0; i < 3; ++i) {
            m_sim.promServer->clearRequests();
            m.refresh();
            QVERIFY(spy.wait(5000));
            QCOMPARE(m_sim.promServer->requests().size(), 1);
            QCOMPARE(queryRequests(), 1);
        }
        const int targetsEverySeconds = m.targetsIntervalMs() / 1000;
        // When the targets are due again they come along.
        m.setTargetsIntervalMs(0);
        m_sim.promServer->clearRequests();
        QSignalSpy targetsSpy(&m, &MetricsMonitor::targetsUpdated);
        m.refresh();
        QVERIFY(spy.wait(5000));
        QCOMPARE(m_sim.promServer->requests().size(), 2);
        QCOMPARE(targetsSpy.size(), 1);
        hlc::test::evidence(QStringLiteral("MetricsMonitor <-> simulated Prometheus over HTTP on %1: 1 request per "
                                           "refresh for 2 hosts (+1 targets every %2 s); before: 8 + 1")
                                .arg(m_sim.promServer->baseUrl().host())
                                .arg(targetsEverySeconds));
    }

    void batchedValuesEqualPerMetricQueries()
    {
        // Deterministic handlers (value = 100 * metric + node) so that each value names where it must land.
        QObject scope;
        hlc::test::MetricsSimFixture sim;
        QVERIFY(sim.start(&scope));
        const QStringList names{QStringLiteral("node_cpu_seconds_total"),
                                QStringLiteral("node_memory_MemAvailable_bytes"),
                                QStringLiteral("node_filesystem_avail_bytes"),
                                QStringLiteral("node_network_receive_bytes_total"),
                                QStringLiteral("node_network_transmit_bytes_total"),
                                QStringLiteral("node_load1"),
                                QStringLiteral("node_disk_read_bytes_total"),
                                QStringLiteral("node_disk_written_bytes_total")};
        for (int i = 0; i < names.size(); ++i)
            sim.prom->addQueryHandler(
                QRegularExpression(QStringLiteral("(?s)^.*\\b%1\\b.*$").arg(names.at(i))),
                [i](const QRegularExpressionMatch& match, double) {
                    QList<sim::PromSample> out;
                    int node = 0;
                    for (const QString& n : {QStringLiteral("pve-thinkpad"), QStringLiteral("pve-ryzen")}) {
                        const QString inst = sim::SimPrometheus::instanceOf(n);
                        ++node;
                        // The matcher holds the escaped name: pve\\-ryzen.
                        if (match.captured(0).contains(n.mid(4)))
                            out.append({{{QStringLiteral("instance"), inst}}, 100.0 * i + node});
                    }
                    return out;
                });
        ServiceDirectory mServices(sim.config(), nullptr, m_nam);
        MetricsMonitor m(&mServices);
        QSignalSpy spy(&m, &MetricsMonitor::latestUpdated);
        m.refresh();
        QVERIFY(spy.wait(5000));
        prom::PrometheusClient client(m_nam, endpointOf(sim));
        const QList<NodeMetric> all = prom::nodequeries::all();
        for (int i = 0; i < all.size(); ++i) {
            const QStringList instances{m.instanceOf(QStringLiteral("host-a")), m.instanceOf(QStringLiteral("host-b"))};
            hlc::test::Capture<Result<prom::QueryResult>> cap;
            client.query(prom::nodequeries::query(all.at(i), instances), {}, this, cap.callback());
            QVERIFY(cap.wait());
            QVERIFY(cap.value->ok());
            QCOMPARE(cap.value->value().vector.size(), 2);
            for (const prom::Sample& smp : cap.value->value().vector) {
                const QString inst = smp.metric.value(QStringLiteral("instance"));
                const QString host = inst == instances.at(0) ? QStringLiteral("host-a") : QStringLiteral("host-b");
                QCOMPARE(m.latest(host, all.at(i)), std::optional<double>(smp.point.value));
            }
        }
        QCOMPARE(*m.latest(QStringLiteral("host-b"), NodeMetric::Load1), 502.0);
    }

    void metricMissingForOneHostIsUnknown()
    {
        QObject scope;
        hlc::test::MetricsSimFixture sim;
        QVERIFY(sim.start(&scope));
        ServiceDirectory mServices(sim.config(), nullptr, m_nam);
        MetricsMonitor m(&mServices);
        QSignalSpy spy(&m, &MetricsMonitor::latestUpdated);
        m.refresh();
        QVERIFY(spy.wait(5000));
        QVERIFY(m.latest(QStringLiteral("host-b"), NodeMetric::Load1).has_value());
        // From now on pve-ryzen has no node_load1 series, and its disk read rate is NaN.
        sim.prom->addQueryHandler(QRegularExpression(QStringLiteral("\\bnode_load1\\b")),
                                  [](const QRegularExpressionMatch&, double) {
                                      return QList<sim::PromSample>{
                                          {{{QStringLiteral("instance"), QStringLiteral("pve-thinkpad:9100")}}, 1.5}};
                                  });
        sim.prom->addQueryHandler(QRegularExpression(QStringLiteral("\\bnode_disk_read_bytes_total\\b")),
                                  [](const QRegularExpressionMatch&, double) {
                                      return QList<sim::PromSample>{
                                          {{{QStringLiteral("instance"), QStringLiteral("pve-thinkpad:9100")}}, 7.0},
                                          {{{QStringLiteral("instance"), QStringLiteral("pve-ryzen:9100")}},
                                           std::numeric_limits<double>::quiet_NaN()}};
                                  });
        m.refresh();
        QVERIFY(spy.wait(5000));
        QCOMPARE(m.latest(QStringLiteral("host-a"), NodeMetric::Load1), std::optional<double>(1.5));
        QCOMPARE(m.latest(QStringLiteral("host-a"), NodeMetric::DiskRead), std::optional<double>(7.0));
        QVERIFY2(!m.latest(QStringLiteral("host-b"), NodeMetric::Load1).has_value(), "no stale value");
        QVERIFY(!m.latest(QStringLiteral("host-b"), NodeMetric::DiskRead).has_value());
        for (NodeMetric metric : prom::nodequeries::all()) {
            if (metric != NodeMetric::Load1 && metric != NodeMetric::DiskRead)
                QVERIFY2(m.latest(QStringLiteral("host-b"), metric).has_value(),
                         qPrintable(prom::nodequeries::keyOf(metric)));
        }
        QCOMPARE(m.status(QStringLiteral("host-b")).state, SourceStatus::State::Ok);
    }

    void foreignAndMalformedSeriesAreIgnored()
    {
        QObject scope;
        hlc::test::MetricsSimFixture sim;
        QVERIFY(sim.start(&scope));
        // node_load1 answers with series that cannot be mapped: no instance, an unknown instance, an empty one.
        sim.prom->addQueryHandler(
            QRegularExpression(QStringLiteral("\\bnode_load1\\b")), [](const QRegularExpressionMatch&, double) {
                return QList<sim::PromSample>{{{{QStringLiteral("job"), QStringLiteral("node")}}, 1.0},
                                              {{{QStringLiteral("instance"), QStringLiteral("elsewhere:9100")}}, 2.0},
                                              {{{QStringLiteral("instance"), QString()}}, 3.0}};
            });
        ServiceDirectory mServices(sim.config(), nullptr, m_nam);
        MetricsMonitor m(&mServices);
        QSignalSpy spy(&m, &MetricsMonitor::latestUpdated);
        m.refresh();
        QVERIFY(spy.wait(5000));
        QCOMPARE(m.status(QStringLiteral("host-a")).state, SourceStatus::State::Ok);
        QVERIFY(!m.latest(QStringLiteral("host-a"), NodeMetric::Load1).has_value());
        QVERIFY(!m.latest(QStringLiteral("host-b"), NodeMetric::Load1).has_value());
        QVERIFY(m.latest(QStringLiteral("host-a"), NodeMetric::CpuPercent).has_value());
        QVERIFY(m.latest(QStringLiteral("host-b"), NodeMetric::MemoryPercent).has_value());

        // The demux itself: series without or with an unknown hlc_metric label are not ours.
        using prom::nodequeries::keyOfSeries;
        QVERIFY(!keyOfSeries({{QStringLiteral("instance"), QStringLiteral("a:9100")}}));
        QVERIFY(!keyOfSeries({{QStringLiteral("instance"), QStringLiteral("a:9100")},
                              {QStringLiteral("hlc_metric"), QStringLiteral("temperature")}}));
        QVERIFY(!keyOfSeries({{QStringLiteral("hlc_metric"), QStringLiteral("cpu")}}));
        const auto k = keyOfSeries({{QStringLiteral("instance"), QStringLiteral("a:9100")},
                                    {QStringLiteral("hlc_metric"), QStringLiteral("net-in")}});
        QVERIFY(k.has_value());
        QCOMPARE(k->metric, NodeMetric::NetReceive);
        QCOMPARE(k->instance, QStringLiteral("a:9100"));
    }

    /// The seed's Prometheus scrapes node_exporter as a job per host: host-a matched by `job`, host-b by instance,
    /// in the one batched query; the values, history and target are host-a's own, not host-b's.
    void hostMatchedByJob()
    {
        QObject scope;
        hlc::test::MetricsSimFixture sim;
        QVERIFY(sim.start(&scope));
        Config c = sim.config(false);
        ServiceConfig& pa = c.hosts[0].services[0];
        pa.prometheusInstance = QStringLiteral("192.168.16.7:9100"); // not what Prometheus calls it: no instance match
        pa.prometheusMatch = {{QStringLiteral("job"), sim::SimPrometheus::jobOf(QStringLiteral("pve-thinkpad"))}};
        const double loadA = sim.lab->node(QStringLiteral("pve-thinkpad"))->loadavg[0];
        const double loadB = sim.lab->node(QStringLiteral("pve-ryzen"))->loadavg[0];
        QVERIFY(std::abs(loadA - loadB) > 0.01);

        ServiceDirectory dir(c, nullptr, m_nam);
        MetricsMonitor m(&dir);
        QCOMPARE(m.selectorOf(QStringLiteral("host-a")), QStringLiteral("job=\"node-exporter-hostA\""));
        QSignalSpy spy(&m, &MetricsMonitor::latestUpdated);
        sim.promServer->clearRequests();
        m.refresh();
        QVERIFY(spy.wait(5000));
        int queries = 0;
        QString promql;
        for (const sim::SimRequest& r : sim.promServer->requests()) {
            if (r.path == QStringLiteral("/api/v1/query")) {
                ++queries;
                promql = r.query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
            }
        }
        QCOMPARE(queries, 1);
        QVERIFY2(promql.contains(QStringLiteral("job=\"node-exporter-hostA\"")), qPrintable(promql));
        QVERIFY(!promql.contains(QStringLiteral("192.168.16.7")));
        QVERIFY(m.latest(QStringLiteral("host-a"), NodeMetric::Load1).has_value());
        QVERIFY2(qAbs(*m.latest(QStringLiteral("host-a"), NodeMetric::Load1) - loadA) < 0.01,
                 qPrintable(QStringLiteral("%1 vs %2 (B %3)")
                                .arg(*m.latest(QStringLiteral("host-a"), NodeMetric::Load1))
                                .arg(loadA)
                                .arg(loadB)));
        QVERIFY(qAbs(*m.latest(QStringLiteral("host-b"), NodeMetric::Load1) - loadB) < 0.01);
        for (NodeMetric metric : prom::nodequeries::all())
            QVERIFY2(m.latest(QStringLiteral("host-a"), metric).has_value(),
                     qPrintable(prom::nodequeries::keyOf(metric)));
        bool targetOfA = false;
        for (const TargetHealth& t : m.targets())
            targetOfA =
                targetOfA || (t.hostId == QStringLiteral("host-a") && t.job == QStringLiteral("node-exporter-hostA"));
        QVERIFY(targetOfA);

        QSignalSpy history(&m, &MetricsMonitor::historyUpdated);
        m.fetchHistory(QStringLiteral("host-a"), 900);
        QVERIFY(hlc::test::waitFor([&] { return history.count() >= 2; }, 10000));
        QVERIFY(!m.history(QStringLiteral("host-a"), NodeMetric::Load1).isEmpty());
        QVERIFY(qAbs(m.history(QStringLiteral("host-a"), NodeMetric::Load1).last().value - loadA) < 1.0);
        QVERIFY(!m.history(QStringLiteral("host-b"), NodeMetric::Load1).isEmpty());

        // The same host without the label matcher finds nothing: it is the job that matched.
        pa.prometheusMatch.clear();
        ServiceDirectory dir2(c, nullptr, m_nam);
        MetricsMonitor byInstance(&dir2);
        QSignalSpy spy2(&byInstance, &MetricsMonitor::latestUpdated);
        byInstance.refresh();
        QVERIFY(spy2.wait(5000));
        QVERIFY(!byInstance.latest(QStringLiteral("host-a"), NodeMetric::Load1).has_value());
        hlc::test::evidence(QStringLiteral("host-a matched by job=\"node-exporter-hostA\": load %1 (node %2), host-b "
                                           "by instance: load %3; by the unscraped instance alone: no value")
                                .arg(*m.latest(QStringLiteral("host-a"), NodeMetric::Load1))
                                .arg(loadA)
                                .arg(*m.latest(QStringLiteral("host-b"), NodeMetric::Load1)));
    }

    void brokenAnswerIsAnErrorAndKeepsTheLastValues_data()
    {
        QTest::addColumn<int>("body");
        QTest::addColumn<int>("errorKind");
        QTest::newRow("malformed") << int(sim::Fault::Body::Malformed) << int(ApiError::Kind::Parse);
        QTest::newRow("truncated") << int(sim::Fault::Body::Truncated) << int(ApiError::Kind::Network);
    }

    void brokenAnswerIsAnErrorAndKeepsTheLastValues()
    {
        QFETCH(int, body);
        QFETCH(int, errorKind);
        ServiceDirectory mServices(m_sim.config(), nullptr, m_nam);
        MetricsMonitor m(&mServices);
        QSignalSpy spy(&m, &MetricsMonitor::latestUpdated);
        m.refresh();
        QVERIFY(spy.wait(5000));
        const auto before = m.latest(QStringLiteral("host-a"), NodeMetric::MemoryPercent);
        QVERIFY(before.has_value());
        sim::Fault f;
        f.body = sim::Fault::Body(body);
        m_sim.promServer->setFault("GET", QStringLiteral("/api/v1/query"), f);
        m.refresh();
        QVERIFY(spy.wait(10000));
        const SourceStatus s = m.status(QStringLiteral("host-a"));
        QCOMPARE(s.state, SourceStatus::State::Error);
        QCOMPARE(int(s.error.kind), errorKind);
        QVERIFY(!s.error.message.isEmpty());
        QCOMPARE(m.latest(QStringLiteral("host-a"), NodeMetric::MemoryPercent), before); // shown as stale, not lost
    }

    void targetDownShowsLastError()
    {
        ServiceDirectory mServices(m_sim.config(), nullptr, m_nam);
        MetricsMonitor m(&mServices);
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

    void hostGoingDownRefreshesTargetsAtOnce()
    {
        ServiceDirectory mServices(m_sim.config(), nullptr, m_nam);
        MetricsMonitor m(&mServices);
        QSignalSpy spy(&m, &MetricsMonitor::latestUpdated);
        m.refresh();
        QVERIFY(spy.wait(5000));
        m_sim.promServer->clearRequests();
        m.refresh();
        QVERIFY(spy.wait(5000));
        QCOMPARE(m_sim.promServer->requests().size(), 1); // targets not due

        // pve-ryzen's series vanish from the answer: the targets are asked in the same refresh.
        m_sim.lab->setNodeOnline(QStringLiteral("pve-ryzen"), false);
        m_sim.promServer->clearRequests();
        m.refresh();
        QVERIFY(spy.wait(5000));
        QCOMPARE(m_sim.promServer->requests().size(), 2);
        for (NodeMetric metric : prom::nodequeries::all()) {
            QVERIFY(!m.latest(QStringLiteral("host-b"), metric).has_value());
            QVERIFY(m.latest(QStringLiteral("host-a"), metric).has_value());
        }
        bool down = false;
        for (const TargetHealth& t : m.targets())
            down = down || (t.hostId == QStringLiteral("host-b") && !t.up);
        QVERIFY(down);
        m_sim.promServer->clearRequests();
        m.refresh();
        QVERIFY(spy.wait(5000));
        QCOMPARE(m_sim.promServer->requests().size(), 1); // nothing changed

        // ... and when it comes back.
        m_sim.lab->setNodeOnline(QStringLiteral("pve-ryzen"), true);
        m_sim.promServer->clearRequests();
        m.refresh();
        QVERIFY(spy.wait(5000));
        QCOMPARE(m_sim.promServer->requests().size(), 2);
        QVERIFY(m.latest(QStringLiteral("host-b"), NodeMetric::Load1).has_value());
        for (const TargetHealth& t : m.targets()) {
            if (t.hostId == QStringLiteral("host-b"))
                QVERIFY(t.up);
        }
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
        ServiceDirectory mServices(m_sim.config(), nullptr, m_nam);
        MetricsMonitor m(&mServices);
        QSignalSpy spy(&m, &MetricsMonitor::historyUpdated);
        m_sim.promServer->clearRequests();
        m.fetchHistory(QStringLiteral("host-a"), span);
        QVERIFY(hlc::test::waitFor([&] { return spy.size() >= 2; }, 10000)); // both hosts of that Prometheus
        QCOMPARE(m_sim.promServer->requests().size(), 1); // one batched query_range for all metrics and hosts
        QCOMPARE(m_sim.promServer->requests().first().path, QStringLiteral("/api/v1/query_range"));
        QCOMPARE(m.historySpan(QStringLiteral("host-b")), span);
        for (NodeMetric metric : prom::nodequeries::all()) {
            const auto pts = m.history(QStringLiteral("host-a"), metric);
            QVERIFY(pts.size() > 100);
            QVERIFY(pts.size() <= 600);
            QVERIFY(pts.last().time - pts.first().time >= span * 0.95);
            QCOMPARE(m.history(QStringLiteral("host-b"), metric).size(), pts.size());
        }
    }

    void failingPrometheusIsShown()
    {
        sim::Fault f;
        f.status = 503;
        m_sim.promServer->setFault("*", QStringLiteral("*"), f);
        ServiceDirectory mServices(m_sim.config(), nullptr, m_nam);
        MetricsMonitor m(&mServices);
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
