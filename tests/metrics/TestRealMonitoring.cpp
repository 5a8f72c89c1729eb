// The app's metrics and alert code against the REAL Prometheus, node_exporter and Alertmanager from Debian
// (bookworm: Prometheus 2.42, Alertmanager 0.25), started on free loopback ports: chart queries return node_exporter
// data, an always-firing rule reaches the alert center, a textfile-driven rule fires and resolves, and a silence made
// by the app is real and suppresses the notification.
#include "RealMonitoringStack.h"
#include "TestUtil.h"
#include "alertmanager/AlertmanagerClient.h"
#include "core/ActionJournal.h"
#include "core/NotificationCenter.h"
#include "core/ServiceDirectory.h"
#include "metrics/AlertCenter.h"
#include "metrics/MetricsMonitor.h"
#include "prometheus/NodeQueries.h"
#include "prometheus/PrometheusClient.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QStandardPaths>

using namespace hlc;
using hlc::test::Capture;
using hlc::test::RealMonitoringStack;
using hlc::test::waitFor;

class TestRealMonitoring : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RealMonitoringStack> m_stack;
    QNetworkAccessManager* m_nam = nullptr;

    Config config(bool withAlertmanager = true) const
    {
        Config c;
        HostConfig h;
        h.id = QStringLiteral("host-a");
        h.name = QStringLiteral("this-machine");
        h.address = QStringLiteral("127.0.0.1");
        ServiceConfig p;
        p.id = QStringLiteral("prometheus");
        p.kind = ServiceKind::Prometheus;
        p.baseUrl = m_stack->prometheusUrl();
        p.prometheusInstance = m_stack->nodeInstance();
        p.timeoutMs = 5000;
        h.services << p;
        if (withAlertmanager) {
            ServiceConfig a;
            a.id = QStringLiteral("alertmanager");
            a.kind = ServiceKind::Alertmanager;
            a.baseUrl = m_stack->alertmanagerUrl();
            a.timeoutMs = 5000;
            h.services << a;
        }
        c.hosts << h;
        return c;
    }

    static Endpoint endpointFor(const QUrl& url)
    {
        Endpoint e;
        e.baseUrl = url;
        e.timeoutMs = 5000;
        e.maxRetries = 0;
        return e;
    }

    static const AlertEntry* byName(const AlertCenter& c, const QString& name)
    {
        for (const AlertEntry& a : c.alerts()) {
            if (a.name == name)
                return &a;
        }
        return nullptr;
    }

    /// Polls @p c every 500 ms until @p done or @p timeoutMs.
    static bool pollUntil(AlertCenter& c, const std::function<bool()>& done, int timeoutMs)
    {
        return waitFor(
            [&] {
                c.refresh();
                QTest::qWait(500);
                return done();
            },
            timeoutMs);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        HLC_REQUIRE_REAL(RealMonitoringStack::unavailable());
        m_stack = std::make_unique<RealMonitoringStack>();
        QString error;
        QVERIFY2(m_stack->start(&error), qPrintable(error));
        m_nam = new QNetworkAccessManager(this);
        Capture<Result<prom::BuildInfo>> info;
        prom::PrometheusClient client(m_nam, endpointFor(m_stack->prometheusUrl()));
        client.buildInfo(this, info.callback());
        QVERIFY(info.wait());
        QVERIFY2(info.value->ok(), hlc::test::why(*info.value).constData());
        // The version the app's client read must be the one the server reported to the starter.
        QCOMPARE(info.value->value().version, m_stack->prometheusVersion());
    }

    void cleanupTestCase() { m_stack.reset(); }

    void chartQueriesReturnRealNodeExporterData()
    {
        ServiceDirectory mServices(config(), nullptr, m_nam);
        MetricsMonitor m(&mServices);
        // rate() needs two scrapes (2 s apart) inside its window.
        QVERIFY2(waitFor(
                     [&] {
                         m.refresh();
                         QTest::qWait(500);
                         return m.latest(QStringLiteral("host-a"), prom::NodeMetric::CpuPercent).has_value() &&
                                m.latest(QStringLiteral("host-a"), prom::NodeMetric::NetReceive).has_value();
                     },
                     20000),
                 qPrintable(m_stack->logs()));
        const QString h = QStringLiteral("host-a");
        const double cpu = *m.latest(h, prom::NodeMetric::CpuPercent);
        QVERIFY(cpu >= 0 && cpu <= 100);
        const auto mem = m.latest(h, prom::NodeMetric::MemoryPercent);
        QVERIFY(mem && *mem > 0 && *mem < 100);
        const auto disk = m.latest(h, prom::NodeMetric::RootDiskPercent);
        QVERIFY(disk && *disk > 0 && *disk <= 100);
        QVERIFY(m.latest(h, prom::NodeMetric::Load1).has_value());
        QVERIFY(m.latest(h, prom::NodeMetric::NetTransmit).has_value());
        QCOMPARE(m.status(h).state, SourceStatus::State::Ok);
        // Target health: the real node_exporter target is up.
        bool up = false;
        for (const TargetHealth& t : m.targets())
            up = up || (t.hostId == h && t.up && t.job == QLatin1String(RealMonitoringStack::kNodeJob));
        QVERIFY(up);
        // History for the charts.
        QSignalSpy spy(&m, &MetricsMonitor::historyUpdated);
        m.fetchHistory(h, 15 * 60);
        QVERIFY(spy.wait(10000));
        QVERIFY(m.history(h, prom::NodeMetric::MemoryPercent).size() >= 2);
        QVERIFY(m.history(h, prom::NodeMetric::CpuPercent).size() >= 1);
        hlc::test::evidence(
            QStringLiteral("MetricsMonitor queries a real Prometheus %1 (version from /api/v1/status/buildinfo) "
                           "scraping a real node_exporter on loopback: %2 memory points in 15 min")
                .arg(m_stack->prometheusVersion())
                .arg(m.history(h, prom::NodeMetric::MemoryPercent).size()));
    }

    /// The seed's Prometheus names its node_exporter jobs per host: the real server offers that job in its label
    /// values and `up` series, and a host matched by `job` (its configured instance wrong on purpose) gets its
    /// metrics, history and target from the real server.
    void hostMatchedByJobOnTheRealServer()
    {
        const QString job = QLatin1String(RealMonitoringStack::kNodeJob);
        prom::PrometheusClient client(m_nam, endpointFor(m_stack->prometheusUrl()));
        Capture<Result<QStringList>> jobs;
        // Right after the start the first scrape may not have happened yet: ask until the job is there.
        QVERIFY2(waitFor(
                     [&] {
                         jobs.value.reset();
                         client.labelValues(QStringLiteral("job"), {}, this, jobs.callback());
                         return jobs.wait() && jobs.value->ok() && jobs.value->value().contains(job);
                     },
                     20000),
                 jobs.value ? hlc::test::why(*jobs.value).constData() : "no answer");
        Capture<Result<QList<prom::Labels>>> up;
        QVERIFY(waitFor(
            [&] {
                up.value.reset();
                client.series({QStringLiteral("up")}, this, up.callback());
                return up.wait() && up.value->ok() && !up.value->value().isEmpty();
            },
            20000));
        bool pair = false;
        for (const prom::Labels& l : up.value->value())
            pair = pair || (l.value(QStringLiteral("job")) == job &&
                            l.value(QStringLiteral("instance")) == m_stack->nodeInstance());
        QVERIFY(pair);

        Config c = config(false);
        c.hosts[0].services[0].prometheusInstance = QStringLiteral("192.0.2.1:9100"); // matches nothing
        c.hosts[0].services[0].prometheusMatch = {{QStringLiteral("job"), job}};
        ServiceDirectory mServices(c, nullptr, m_nam);
        MetricsMonitor m(&mServices);
        const QString h = QStringLiteral("host-a");
        QVERIFY2(waitFor(
                     [&] {
                         m.refresh();
                         QTest::qWait(500);
                         return m.latest(h, prom::NodeMetric::CpuPercent).has_value() &&
                                m.latest(h, prom::NodeMetric::MemoryPercent).has_value();
                     },
                     20000),
                 qPrintable(m_stack->logs()));
        const double mem = *m.latest(h, prom::NodeMetric::MemoryPercent);
        QVERIFY(mem > 0 && mem < 100);
        QCOMPARE(m.status(h).state, SourceStatus::State::Ok);
        bool target = false;
        for (const TargetHealth& t : m.targets())
            target = target || (t.hostId == h && t.job == job);
        QVERIFY(target);
        QSignalSpy spy(&m, &MetricsMonitor::historyUpdated);
        m.fetchHistory(h, 15 * 60);
        QVERIFY(spy.wait(10000));
        QVERIFY(m.history(h, prom::NodeMetric::MemoryPercent).size() >= 1);
        hlc::test::evidence(QStringLiteral("real Prometheus %1: job values %2; host matched by job=\"%3\": memory "
                                           "%4 %, cpu %5 %, %6 history points")
                                .arg(m_stack->prometheusVersion(), jobs.value->value().join(QLatin1Char(',')), job)
                                .arg(mem, 0, 'f', 1)
                                .arg(*m.latest(h, prom::NodeMetric::CpuPercent), 0, 'f', 1)
                                .arg(m.history(h, prom::NodeMetric::MemoryPercent).size()));
    }

    void batchedQueryReturnsEveryMetricLikeSingleQueries()
    {
        // The batched query (label_replace + or) on the real PromQL engine: every metric for the real instance, with
        // exactly the values of the single queries at the same evaluation time.
        prom::PrometheusClient client(m_nam, endpointFor(m_stack->prometheusUrl()));
        const QStringList instances{m_stack->nodeInstance(), QStringLiteral("absent-host:9100")};
        const QList<prom::NodeMetric> all = prom::nodequeries::all();
        QHash<int, double> batched;
        QDateTime t;
        QVERIFY2(waitFor(
                     [&] {
                         t = QDateTime::currentDateTimeUtc().addSecs(-1);
                         Capture<Result<prom::QueryResult>> cap;
                         client.query(prom::nodequeries::batchQuery(all, instances), t, this, cap.callback());
                         if (!cap.wait() || !cap.value->ok())
                             return false;
                         batched.clear();
                         for (const prom::Sample& s : cap.value->value().vector) {
                             const auto key = prom::nodequeries::keyOfSeries(s.metric);
                             if (key && key->instance == m_stack->nodeInstance())
                                 batched.insert(int(key->metric), s.point.value);
                         }
                         QTest::qWait(500);
                         return batched.size() == all.size(); // rate() needs two scrapes
                     },
                     20000),
                 qPrintable(QStringLiteral("%1 of %2 metrics").arg(batched.size()).arg(all.size())));
        for (prom::NodeMetric m : all) {
            Capture<Result<prom::QueryResult>> single;
            client.query(prom::nodequeries::query(m, instances), t, this, single.callback());
            QVERIFY(single.wait());
            QVERIFY(single.value->ok());
            QCOMPARE(single.value->value().vector.size(), 1);
            QCOMPARE(batched.value(int(m)), single.value->value().vector.first().point.value);
        }
        // Without the distinct hlc_metric label `or` would drop series: both sides have the label set {instance}.
        Capture<Result<prom::QueryResult>> plain;
        client.query(prom::nodequeries::query(prom::NodeMetric::NetReceive, instances) + QStringLiteral(" or ") +
                         prom::nodequeries::query(prom::NodeMetric::NetTransmit, instances),
                     t, this, plain.callback());
        QVERIFY(plain.wait());
        QVERIFY(plain.value->ok());
        QCOMPARE(plain.value->value().vector.size(), 1);

        // The same as a range query for the charts.
        Capture<Result<prom::QueryResult>> range;
        client.queryRange(prom::nodequeries::batchQuery(all, instances), t.addSecs(-30), t, 5, this, range.callback());
        QVERIFY(range.wait());
        QVERIFY(range.value->ok());
        QCOMPARE(range.value->value().type, prom::QueryResult::Type::Matrix);
        QSet<int> rangeMetrics;
        for (const prom::Series& s : range.value->value().matrix) {
            const auto key = prom::nodequeries::keyOfSeries(s.metric);
            QVERIFY(key.has_value());
            QCOMPARE(key->instance, m_stack->nodeInstance());
            QVERIFY(!s.points.isEmpty());
            rangeMetrics.insert(int(key->metric));
        }
        QCOMPARE(rangeMetrics.size(), all.size());
        hlc::test::evidence(QStringLiteral("the batched node query returns all %1 metrics of a real node_exporter "
                                           "through a real Prometheus %2, equal to the %1 single queries")
                                .arg(all.size())
                                .arg(m_stack->prometheusVersion()));
    }

    void alwaysFiringRuleReachesTheAlertCenter()
    {
        NotificationCenter notes;
        ActionJournal cJournal(nullptr, &notes);
        ServiceDirectory cServices(config(), nullptr, m_nam);
        AlertCenter c(&cServices, &cJournal);
        QVERIFY2(pollUntil(
                     c, [&] { return byName(c, QLatin1String(RealMonitoringStack::kAlwaysFiring)) != nullptr; }, 30000),
                 qPrintable(c.status().error.detail));
        const AlertEntry* a = byName(c, QLatin1String(RealMonitoringStack::kAlwaysFiring));
        QCOMPARE(a->state, AlertEntry::State::Firing);
        QCOMPARE(a->severity, AlertEntry::Severity::Warning);
        QCOMPARE(a->summary, QStringLiteral("Always firing test alert"));
        // Our FNV-1a fingerprint equals the real Alertmanager's.
        QCOMPARE(a->fingerprint, am::fingerprintOf(a->labels));
        bool notified = false;
        for (const Notification& n : notes.history())
            notified = notified || n.title == QStringLiteral("Always firing test alert");
        QVERIFY(notified);

        // Without Alertmanager the same alert comes from Prometheus with the same key.
        ActionJournal fallbackJournal(nullptr, nullptr);
        ServiceDirectory fallbackServices(config(false), nullptr, m_nam);
        AlertCenter fallback(&fallbackServices, &fallbackJournal);
        QVERIFY(pollUntil(
            fallback, [&] { return byName(fallback, QLatin1String(RealMonitoringStack::kAlwaysFiring)) != nullptr; },
            10000));
        QCOMPARE(byName(fallback, QLatin1String(RealMonitoringStack::kAlwaysFiring))->fingerprint, a->fingerprint);
        hlc::test::evidence(QStringLiteral("AlertCenter reads alerts from a real Alertmanager %1 (version from "
                                           "/api/v2/status) fed by a real Prometheus %2")
                                .arg(m_stack->alertmanagerVersion(), m_stack->prometheusVersion()));
    }

    void textfileRuleFiresThenResolves()
    {
        NotificationCenter notes;
        ActionJournal cJournal(nullptr, &notes);
        ServiceDirectory cServices(config(), nullptr, m_nam);
        AlertCenter c(&cServices, &cJournal);
        NotificationPolicy::Settings s;
        s.resolvedHoldSeconds = 0;
        s.stormThreshold = 100;
        c.policy().setSettings(s);
        const QString name = QLatin1String(RealMonitoringStack::kTextfileHigh);
        m_stack->setTextfileValue(10);
        QVERIFY(pollUntil(
            c,
            [&] {
                const AlertEntry* a = byName(c, name);
                return a && a->state == AlertEntry::State::Firing;
            },
            30000));
        QCOMPARE(byName(c, name)->severity, AlertEntry::Severity::Critical);
        QCOMPARE(byName(c, name)->hostId, QStringLiteral("host-a")); // via its instance label
        QCOMPARE(byName(c, name)->summary, QStringLiteral("Test value is high on %1").arg(m_stack->nodeInstance()));
        m_stack->setTextfileValue(1);
        QVERIFY(pollUntil(
            c,
            [&] {
                const AlertEntry* a = byName(c, name);
                return a && a->state == AlertEntry::State::Resolved;
            },
            30000));
        QVERIFY(waitFor([&] {
            for (const Notification& n : notes.history()) {
                if (n.title == QStringLiteral("Resolved: Test value is high on %1").arg(m_stack->nodeInstance()))
                    return true;
            }
            c.refresh();
            QTest::qWait(300);
            return false;
        }));
        hlc::test::evidence("a node_exporter textfile value drives a real alert rule that fires and resolves");
    }

    void silenceFromTheAppIsRealAndSuppressesTheNotification()
    {
        const QString name = QLatin1String(RealMonitoringStack::kAlwaysFiring);
        ActionJournal cJournal(nullptr, nullptr);
        ServiceDirectory cServices(config(), nullptr, m_nam);
        AlertCenter c(&cServices, &cJournal);
        c.setUserName(QStringLiteral("tester"));
        QVERIFY(pollUntil(
            c, [&] { return byName(c, name) != nullptr; }, 30000));
        const QString fp = byName(c, name)->fingerprint;
        QSignalSpy done(&c, &AlertCenter::silenceFinished);
        c.silence(fp, 3600);
        QVERIFY(done.wait(10000));
        QVERIFY2(done.first().at(1).toBool(), qPrintable(done.first().at(3).toString()));
        const QString id = done.first().at(2).toString();

        // Visible in Alertmanager's /api/v2/silences, with the app and the user in the comment.
        am::AlertmanagerClient client(m_nam, endpointFor(m_stack->alertmanagerUrl()));
        Capture<Result<QList<am::Silence>>> list;
        client.silences(this, list.callback());
        QVERIFY(list.wait());
        QVERIFY(list.value->ok());
        const am::Silence* found = nullptr;
        for (const am::Silence& s : list.value->value()) {
            if (s.id == id)
                found = &s;
        }
        QVERIFY(found);
        QVERIFY(found->active());
        QCOMPARE(found->createdBy, QStringLiteral("tester"));
        QCOMPARE(found->comment, QStringLiteral("Silenced for 1 h from Homelab Control Center by tester"));

        // A fresh app instance sees it silenced and does not notify it.
        NotificationCenter notes;
        ActionJournal freshJournal(nullptr, &notes);
        ServiceDirectory freshServices(config(), nullptr, m_nam);
        AlertCenter fresh(&freshServices, &freshJournal);
        QVERIFY(pollUntil(
            fresh,
            [&] {
                const AlertEntry* a = fresh.alert(fp);
                return a && a->state == AlertEntry::State::Silenced;
            },
            15000));
        for (const Notification& n : notes.history())
            QVERIFY2(n.title != QStringLiteral("Always firing test alert"), "a silenced alert was notified");
        QCOMPARE(fresh.alert(fp)->silenceIds, QStringList{id});

        // Expire it again (leaves the server as found).
        Capture<Result<bool>> del;
        client.deleteSilence(id, this, del.callback());
        QVERIFY(del.wait());
        QVERIFY(del.value->ok());
        hlc::test::evidence(QStringLiteral("a silence created by the app is stored by a real Alertmanager %1 and "
                                           "suppresses the alert")
                                .arg(m_stack->alertmanagerVersion()));
    }
};

QTEST_GUILESS_MAIN(TestRealMonitoring)
#include "TestRealMonitoring.moc"
