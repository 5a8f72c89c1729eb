// PrometheusClient against the simulator's Prometheus API over a real socket on 127.0.0.1: every endpoint, optional
// auth, the error envelope, and the transport faults (hang, reset, status, malformed, truncated).
#include "TestUtil.h"
#include "prometheus/NodeQueries.h"
#include "prometheus/PrometheusClient.h"

#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimPrometheus.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>

using namespace hlc;
using namespace hlc::prom;
using hlc::test::Capture;

class TestPrometheusClient : public QObject
{
    Q_OBJECT

private:
    sim::SimHomelab* m_lab = nullptr;
    sim::SimHttpServer* m_server = nullptr;
    sim::SimPrometheus* m_prom = nullptr;
    QNetworkAccessManager* m_nam = nullptr;

    Endpoint endpoint(int timeoutMs = 3000) const
    {
        Endpoint e;
        e.baseUrl = m_server->baseUrl();
        e.timeoutMs = timeoutMs;
        e.maxRetries = 0;
        return e;
    }

    QStringList instances() const
    {
        return {sim::SimPrometheus::instanceOf(QStringLiteral("pve-thinkpad")),
                sim::SimPrometheus::instanceOf(QStringLiteral("pve-ryzen"))};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_lab = sim::SimHomelab::createSeeded(this);
        m_server = new sim::SimHttpServer(this);
        QVERIFY(m_server->listen(false));
        m_prom = new sim::SimPrometheus(m_lab, m_server, this);
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanup()
    {
        m_server->clearFaults();
        m_prom->setRequiredAuthorization({});
    }

    void buildInfo()
    {
        PrometheusClient c(m_nam, endpoint());
        Capture<Result<BuildInfo>> cap;
        c.buildInfo(this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(cap.value->ok());
        QCOMPARE(cap.value->value().version, QStringLiteral("2.42.0"));
        hlc::test::evidence(QStringLiteral("PrometheusClient <-> simulated Prometheus API (reports %1) over HTTP on %2")
                                .arg(cap.value->value().version, m_server->baseUrl().host()));
    }

    void instantNodeQueries()
    {
        PrometheusClient c(m_nam, endpoint());
        for (NodeMetric m : nodequeries::all()) {
            Capture<Result<QueryResult>> cap;
            c.query(nodequeries::query(m, instances()), {}, this, cap.callback());
            QVERIFY(cap.wait());
            QVERIFY2(cap.value->ok(), qPrintable(nodequeries::keyOf(m)));
            const QueryResult& r = cap.value->value();
            QCOMPARE(r.type, QueryResult::Type::Vector);
            QCOMPARE(r.vector.size(), 2);
            for (const Sample& s : r.vector) {
                QVERIFY(instances().contains(s.metric.value(QStringLiteral("instance"))));
                QVERIFY(s.point.value >= 0.0);
                if (nodequeries::unitOf(m) == MetricUnit::Percent)
                    QVERIFY(s.point.value <= 100.0);
            }
        }
    }

    void batchedQueryEqualsPerMetricQueries_data()
    {
        // The sim's values depend on the evaluation time and on its clock: rates (B/s) only on a time in the past,
        // gauges (percent, load) only on "now", which a time in the future is clamped to. Each row compares the
        // metrics that do not move between two requests at its evaluation time.
        QTest::addColumn<int>("offsetSeconds");
        QTest::addColumn<bool>("rates");
        QTest::newRow("rates, 10 min ago") << -600 << true;
        QTest::newRow("gauges, now") << 600 << false;
    }

    void batchedQueryEqualsPerMetricQueries()
    {
        QFETCH(int, offsetSeconds);
        QFETCH(bool, rates);
        const QDateTime t = QDateTime::currentDateTimeUtc().addSecs(offsetSeconds);
        PrometheusClient c(m_nam, endpoint());
        Capture<Result<QueryResult>> batch;
        m_server->clearRequests();
        c.query(nodequeries::batchQuery(nodequeries::all(), instances()), t, this, batch.callback());
        QVERIFY(batch.wait());
        QVERIFY(batch.value->ok());
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(batch.value->value().type, QueryResult::Type::Vector);
        QHash<QString, double> batched; // "metric instance" -> value
        for (const Sample& s : batch.value->value().vector) {
            const auto key = nodequeries::keyOfSeries(s.metric);
            QVERIFY2(key.has_value(), "every series of the answer maps to a metric and an instance");
            const QString k = nodequeries::keyOf(key->metric) + QLatin1Char(' ') + key->instance;
            QVERIFY2(!batched.contains(k), qPrintable(k));
            batched.insert(k, s.point.value);
        }
        QCOMPARE(batched.size(), int(nodequeries::all().size()) * 2);
        int compared = 0;
        for (NodeMetric m : nodequeries::all()) {
            if ((nodequeries::unitOf(m) == MetricUnit::BytesPerSecond) != rates)
                continue;
            Capture<Result<QueryResult>> single;
            c.query(nodequeries::query(m, instances()), t, this, single.callback());
            QVERIFY(single.wait());
            QVERIFY(single.value->ok());
            QCOMPARE(single.value->value().vector.size(), 2);
            for (const Sample& s : single.value->value().vector) {
                const QString k = nodequeries::keyOf(m) + QLatin1Char(' ') + s.metric.value(QStringLiteral("instance"));
                QVERIFY2(batched.contains(k), qPrintable(k));
                QCOMPARE(batched.value(k), s.point.value);
                ++compared;
            }
        }
        QCOMPARE(compared, 8); // 4 metrics x 2 instances
    }

    void batchedRangeQuery()
    {
        PrometheusClient c(m_nam, endpoint());
        const QDateTime end = QDateTime::currentDateTimeUtc();
        const QDateTime start = end.addSecs(-3600);
        const double step = PrometheusClient::stepFor(start, end);
        Capture<Result<QueryResult>> cap;
        c.queryRange(nodequeries::batchQuery(nodequeries::all(), instances(), 120), start, end, step, this,
                     cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(cap.value->ok());
        const QueryResult& r = cap.value->value();
        QCOMPARE(r.type, QueryResult::Type::Matrix);
        QCOMPARE(r.matrix.size(), int(nodequeries::all().size()) * 2);
        for (const Series& s : r.matrix) {
            QVERIFY(nodequeries::keyOfSeries(s.metric).has_value());
            QVERIFY(s.points.size() > 300);
            QVERIFY(s.points.size() <= PrometheusClient::kMaxPointsPerSeries);
        }
    }

    void batchQueryText()
    {
        const QString q =
            nodequeries::batchQuery({NodeMetric::Load1, NodeMetric::MemoryPercent}, {QStringLiteral("a:9100")});
        QCOMPARE(q, QStringLiteral("label_replace(max by (instance) (node_load1{instance=~\"a\\\\:9100\"}), "
                                   "\"hlc_metric\", \"load\", \"\", \"\") or label_replace(100 * (1 - "
                                   "node_memory_MemAvailable_bytes{instance=~\"a\\\\:9100\"} / "
                                   "node_memory_MemTotal_bytes{instance=~\"a\\\\:9100\"}), \"hlc_metric\", "
                                   "\"memory\", \"\", \"\")"));
        QVERIFY(nodequeries::batchQuery({}, {QStringLiteral("a:9100")}).isEmpty());
        for (NodeMetric m : nodequeries::all())
            QCOMPARE(nodequeries::metricOfKey(nodequeries::keyOf(m)), std::optional<NodeMetric>(m));
        QVERIFY(!nodequeries::metricOfKey(QStringLiteral("nope")).has_value());
    }

    /// The setup flow's questions: which jobs exist, and which instance/job pairs `up` has (the seed's job names).
    void labelValuesAndSeries()
    {
        PrometheusClient c(m_nam, endpoint());
        Capture<Result<QStringList>> jobs;
        c.labelValues(QStringLiteral("job"), {}, this, jobs.callback());
        QVERIFY(jobs.wait());
        QVERIFY2(jobs.value->ok(), jobs.value->ok() ? "" : qPrintable(jobs.value->error().detail));
        QCOMPARE(jobs.value->value(),
                 (QStringList{QStringLiteral("node-exporter-hostA"), QStringLiteral("node-exporter-hostB"),
                              QStringLiteral("prometheus")}));
        Capture<Result<QStringList>> limited;
        c.labelValues(QStringLiteral("instance"), {QStringLiteral("up{job=\"node-exporter-hostB\"}")}, this,
                      limited.callback());
        QVERIFY(limited.wait());
        QCOMPARE(limited.value->value(), QStringList{sim::SimPrometheus::instanceOf(QStringLiteral("pve-ryzen"))});

        Capture<Result<QList<Labels>>> up;
        c.series({QStringLiteral("up")}, this, up.callback());
        QVERIFY(up.wait());
        QVERIFY2(up.value->ok(), up.value->ok() ? "" : qPrintable(up.value->error().detail));
        QCOMPARE(up.value->value().size(), 3);
        bool hostA = false;
        for (const Labels& l : up.value->value()) {
            QCOMPARE(l.value(QStringLiteral("__name__")), QStringLiteral("up"));
            hostA = hostA || (l.value(QStringLiteral("job")) == QStringLiteral("node-exporter-hostA") &&
                              l.value(QStringLiteral("instance")) == instances().at(0));
        }
        QVERIFY(hostA);
        // A query selecting by job answers that host only.
        Capture<Result<QueryResult>> byJob;
        c.query(
            nodequeries::hostQuery(NodeMetric::Load1, {{QStringLiteral("job"), QStringLiteral("node-exporter-hostA")}}),
            {}, this, byJob.callback());
        QVERIFY(byJob.wait());
        QCOMPARE(byJob.value->value().vector.size(), 1);
        QCOMPARE(byJob.value->value().vector[0].metric.value(QStringLiteral("instance")), instances().at(0));
        // No match[]: Prometheus refuses; the envelope's error is the message.
        Capture<Result<QList<Labels>>> none;
        c.series({}, this, none.callback());
        QVERIFY(none.wait());
        QVERIFY(!none.value->ok());
        QVERIFY(none.value->error().message.contains(QStringLiteral("match[]")));
        hlc::test::evidence(QStringLiteral("label values of job: %1; up series: %2")
                                .arg(jobs.value->value().join(QStringLiteral(", ")))
                                .arg(up.value->value().size()));
    }

    void instanceMatcherSelects()
    {
        PrometheusClient c(m_nam, endpoint());
        Capture<Result<QueryResult>> cap;
        c.query(nodequeries::query(NodeMetric::CpuPercent, {instances().at(1)}), {}, this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(cap.value->ok());
        QCOMPARE(cap.value->value().vector.size(), 1);
        QCOMPARE(cap.value->value().vector[0].metric.value(QStringLiteral("instance")), instances().at(1));
    }

    void rangeQuery()
    {
        PrometheusClient c(m_nam, endpoint());
        const QDateTime end = QDateTime::currentDateTimeUtc();
        const QDateTime start = end.addSecs(-3600);
        const double step = PrometheusClient::stepFor(start, end);
        Capture<Result<QueryResult>> cap;
        c.queryRange(nodequeries::query(NodeMetric::MemoryPercent, instances()), start, end, step, this,
                     cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(cap.value->ok());
        const QueryResult& r = cap.value->value();
        QCOMPARE(r.type, QueryResult::Type::Matrix);
        QCOMPARE(r.matrix.size(), 2);
        for (const Series& s : r.matrix) {
            QVERIFY(s.points.size() > 300);
            QVERIFY(s.points.size() <= PrometheusClient::kMaxPointsPerSeries);
            QVERIFY(s.points.first().time < s.points.last().time);
        }
        // The values move over time.
        const auto& pts = r.matrix[0].points;
        QVERIFY(pts.first().value != pts.at(pts.size() / 2).value);
    }

    void tooManyPointsIsShownAsPrometheusError()
    {
        PrometheusClient c(m_nam, endpoint());
        const QDateTime end = QDateTime::currentDateTimeUtc();
        Capture<Result<QueryResult>> cap;
        c.queryRange(QStringLiteral("up"), end.addDays(-7), end, 1.0, this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(!cap.value->ok());
        QCOMPARE(cap.value->error().httpStatus, 400);
        QCOMPARE(cap.value->error().message,
                 QStringLiteral("Prometheus answered with an error (bad_data): exceeded maximum resolution of 11,000 "
                                "points per timeseries. Try decreasing the query resolution (?step=XX)"));
    }

    void emptyQueryIsBadData()
    {
        PrometheusClient c(m_nam, endpoint());
        Capture<Result<QueryResult>> cap;
        c.query(QStringLiteral("  "), {}, this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(!cap.value->ok());
        QVERIFY(cap.value->error().message.startsWith(QStringLiteral("Prometheus answered with an error (bad_data)")));
    }

    void specialCharactersSurviveEncoding()
    {
        // '+' and '&' in PromQL must reach the server intact (Go decodes '+' in a query string as a space).
        PrometheusClient c(m_nam, endpoint());
        const QString q = QStringLiteral("sum(foo{a=\"x&y\"}) + 1");
        m_server->clearRequests();
        Capture<Result<QueryResult>> cap;
        c.query(q, QDateTime::currentDateTimeUtc(), this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(cap.value->ok());
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded), q);
    }

    void queryHandlerRegistry()
    {
        m_prom->addQueryHandler(
            QRegularExpression(QStringLiteral("^my_gpu_util\\{gpu=\"(\\d)\"\\}$")),
            [](const QRegularExpressionMatch& m, double t) {
                return QList<sim::PromSample>{{{{QStringLiteral("gpu"), m.captured(1)}}, std::fmod(t, 100.0)}};
            });
        PrometheusClient c(m_nam, endpoint());
        Capture<Result<QueryResult>> cap;
        const QDateTime t = QDateTime::fromSecsSinceEpoch(1767436642, Qt::UTC);
        c.query(QStringLiteral("my_gpu_util{gpu=\"3\"}"), t, this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(cap.value->ok());
        QCOMPARE(cap.value->value().vector.size(), 1);
        QCOMPARE(cap.value->value().vector[0].metric.value(QStringLiteral("gpu")), QStringLiteral("3"));
        QCOMPARE(cap.value->value().vector[0].point.value, 42.0);
        QCOMPARE(cap.value->value().vector[0].point.time, 1767436642.0);
    }

    void targetsAlertsRules()
    {
        PrometheusClient c(m_nam, endpoint());
        Capture<Result<Targets>> t;
        c.targets(this, t.callback());
        QVERIFY(t.wait());
        QVERIFY(t.value->ok());
        QCOMPARE(t.value->value().active.size(), 3);
        m_lab->setNodeOnline(QStringLiteral("pve-ryzen"), false);
        Capture<Result<Targets>> t2;
        c.targets(this, t2.callback());
        QVERIFY(t2.wait());
        bool sawDown = false;
        for (const Target& x : t2.value->value().active) {
            if (x.instance() == instances().at(1)) {
                sawDown = true;
                QCOMPARE(x.health, QStringLiteral("down"));
                QVERIFY(x.lastError.contains(QStringLiteral("no route to host")));
            }
        }
        QVERIFY(sawDown);

        Capture<Result<QList<Alert>>> a;
        c.alerts(this, a.callback());
        QVERIFY(a.wait());
        QVERIFY(a.value->ok());
        bool down = false;
        for (const Alert& x : a.value->value())
            down = down || (x.name() == QStringLiteral("NodeExporterDown") && x.state == QStringLiteral("firing"));
        QVERIFY(down);

        Capture<Result<QList<RuleGroup>>> r;
        c.rules(QStringLiteral("alert"), this, r.callback());
        QVERIFY(r.wait());
        QVERIFY(r.value->ok());
        QCOMPARE(r.value->value().size(), 1);
        QVERIFY(r.value->value()[0].rules.size() >= 2);
        m_lab->setNodeOnline(QStringLiteral("pve-ryzen"), true);
    }

    void gpuAlertFiresNowAndThen()
    {
        m_prom->setGpuAlertCycle(100, 30, 10);
        auto gpuFiring = [this] {
            for (const auto& a : m_prom->firingAlerts()) {
                if (a.labels.value(QStringLiteral("alertname")) == QStringLiteral("GpuTemperatureHigh"))
                    return true;
            }
            return false;
        };
        const double base = m_lab->elapsed();
        m_lab->advance(110 - std::fmod(base, 100)); // phase 10 of a period: firing
        QVERIFY(gpuFiring());
        m_lab->advance(40); // phase 50: resolved
        QVERIFY(!gpuFiring());
        m_lab->advance(65); // phase 15 of the next period: firing again
        QVERIFY(gpuFiring());
    }

    void bearerAndBasicAuth()
    {
        m_prom->setRequiredAuthorization("Bearer s3cret");
        Endpoint e = endpoint();
        {
            PrometheusClient c(m_nam, e);
            Capture<Result<BuildInfo>> cap;
            c.buildInfo(this, cap.callback());
            QVERIFY(cap.wait());
            QVERIFY(!cap.value->ok());
            QCOMPARE(cap.value->error().kind, ApiError::Kind::Auth);
        }
        e.credentials = {AuthScheme::Bearer, {}, QStringLiteral("s3cret"), {}};
        {
            PrometheusClient c(m_nam, e);
            Capture<Result<BuildInfo>> cap;
            c.buildInfo(this, cap.callback());
            QVERIFY(cap.wait());
            QVERIFY(cap.value->ok());
        }
        m_prom->setRequiredAuthorization("Basic " + QByteArray("admin:pw").toBase64());
        e.credentials = {AuthScheme::Basic, QStringLiteral("admin"), QStringLiteral("pw"), {}};
        PrometheusClient c(m_nam, e);
        Capture<Result<BuildInfo>> cap;
        c.buildInfo(this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(cap.value->ok());
    }

    void faults_data()
    {
        QTest::addColumn<int>("kind"); // 0 hang, 1 reset, 2 status 503, 3 malformed, 4 truncated
        QTest::addColumn<int>("errorKind");
        QTest::newRow("hang") << 0 << int(ApiError::Kind::Timeout);
        QTest::newRow("reset") << 1 << int(ApiError::Kind::Network);
        QTest::newRow("503") << 2 << int(ApiError::Kind::Server);
        QTest::newRow("malformed") << 3 << int(ApiError::Kind::Parse);
        QTest::newRow("truncated") << 4 << int(ApiError::Kind::Network);
    }

    void faults()
    {
        QFETCH(int, kind);
        QFETCH(int, errorKind);
        sim::Fault f;
        f.hang = kind == 0;
        f.reset = kind == 1;
        f.status = kind == 2 ? 503 : 0;
        f.body = kind == 3 ? sim::Fault::Body::Malformed
                           : (kind == 4 ? sim::Fault::Body::Truncated : sim::Fault::Body::AsIs);
        m_server->setFault("GET", QStringLiteral("/api/v1/query"), f);
        PrometheusClient c(m_nam, endpoint(600));
        Capture<Result<QueryResult>> cap;
        c.query(QStringLiteral("up"), {}, this, cap.callback());
        QVERIFY(cap.wait(5000));
        QVERIFY(!cap.value->ok());
        QCOMPARE(int(cap.value->error().kind), errorKind);
        QVERIFY(!cap.value->error().message.isEmpty());
        if (kind == 3)
            QCOMPARE(cap.value->error().message, QStringLiteral("The answer for /api/v1/query is not valid JSON."));
        const QString host = QStringLiteral("127.0.0.1:%1").arg(m_server->port());
        if (kind == 0)
            QCOMPARE(cap.value->error().message, host + QStringLiteral(" did not answer within 0.6 s."));
        if (kind == 2)
            QVERIFY2(cap.value->error().message.contains(QStringLiteral("HTTP 503")),
                     qPrintable(cap.value->error().message));
    }

    void baseUrlWithApiPrefix()
    {
        Endpoint e = endpoint();
        QUrl u = e.baseUrl;
        u.setPath(QStringLiteral("/api/v1/"));
        e.baseUrl = u;
        PrometheusClient c(m_nam, e);
        Capture<Result<BuildInfo>> cap;
        c.buildInfo(this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(cap.value->ok());
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "TestPrometheusClient.moc"
