// The simulator's Prometheus routes checked against the official OpenAPI (prometheus/openapi_3.1_golden.yaml) with
// shared/tools/spec-check, over a real socket.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimPrometheus.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QUrlQuery>

using namespace hlc::sim;

class TestSimPrometheus : public QObject
{
    Q_OBJECT

private:
    SimHomelab* m_lab = nullptr;
    SimHttpServer* m_server = nullptr;
    SimPrometheus* m_prom = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    hlc::test::SpecCheck m_spec;
    const QString m_specFile = QStringLiteral("prometheus/openapi_3.1_golden.yaml");

    struct Reply
    {
        int status = 0;
        QByteArray body;
    };

    Reply get(const QString& path, const QUrlQuery& q = {})
    {
        QUrl url = m_server->baseUrl();
        url.setPath(path);
        url.setQuery(q);
        QNetworkReply* reply = m_nam->get(QNetworkRequest(url));
        Reply out;
        if (!hlc::test::waitFor([reply] { return reply->isFinished(); }, 5000))
            return out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        reply->deleteLater();
        return out;
    }

    /// A batched node query as clients/prometheus/NodeQueries builds it (two metrics, two instances).
    static QString batched()
    {
        return QStringLiteral(
            "label_replace(max by (instance) (node_load1{instance=~\"pve\\\\-thinkpad\\\\:9100|"
            "pve\\\\-ryzen\\\\:9100\"}), \"hlc_metric\", \"load\", \"\", \"\") or "
            "label_replace(100 * (1 - node_memory_MemAvailable_bytes{instance=~\"pve\\\\-ryzen\\\\:9100\"} / "
            "node_memory_MemTotal_bytes{instance=~\"pve\\\\-ryzen\\\\:9100\"}), \"hlc_metric\", \"memory\", "
            "\"\", \"\")");
    }

    /// The `result` of a successful /api/v1/query as (labels without values, value) pairs.
    QList<QPair<QVariantMap, QString>> vectorOf(const QString& promql)
    {
        const Reply r = get(QStringLiteral("/api/v1/query"),
                            QUrlQuery{{QStringLiteral("query"), QString::fromLatin1(QUrl::toPercentEncoding(promql))}});
        QList<QPair<QVariantMap, QString>> out;
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        if (r.status != 200 || o.value(QStringLiteral("status")).toString() != QStringLiteral("success"))
            return out;
        for (const QJsonValue& v :
             o.value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toArray()) {
            const QJsonObject e = v.toObject();
            out.append({e.value(QStringLiteral("metric")).toObject().toVariantMap(),
                        e.value(QStringLiteral("value")).toArray().at(1).toString()});
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        HLC_REQUIRE_REAL(m_spec.unavailable(m_specFile));
        m_lab = SimHomelab::createSeeded(this);
        m_server = new SimHttpServer(this);
        QVERIFY(m_server->listen(false));
        m_prom = new SimPrometheus(m_lab, m_server, this);
        m_prom->setGpuAlertCycle(100, 100, 0); // always firing
        m_lab->advance(5);
        m_nam = new QNetworkAccessManager(this);
    }

    void routesMatchSpec_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        const QString now = QString::number(QDateTime::currentSecsSinceEpoch());
        const QString hourAgo = QString::number(QDateTime::currentSecsSinceEpoch() - 3600);
        QTest::newRow("query vector") << QStringLiteral("/api/v1/query") << QStringLiteral("query=node_load1") << 200;
        QTest::newRow("query up") << QStringLiteral("/api/v1/query") << QStringLiteral("query=up&time=") + now << 200;
        QTest::newRow("query batched") << QStringLiteral("/api/v1/query")
                                       << QStringLiteral("query=") +
                                              QString::fromLatin1(QUrl::toPercentEncoding(batched()))
                                       << 200;
        QTest::newRow("range batched") << QStringLiteral("/api/v1/query_range")
                                       << QStringLiteral("query=%1&start=%2&end=%3&step=60")
                                              .arg(QString::fromLatin1(QUrl::toPercentEncoding(batched())), hourAgo,
                                                   now)
                                       << 200;
        QTest::newRow("query empty result")
            << QStringLiteral("/api/v1/query") << QStringLiteral("query=nothing_here") << 200;
        QTest::newRow("query missing") << QStringLiteral("/api/v1/query") << QString() << 400;
        QTest::newRow("query bad time") << QStringLiteral("/api/v1/query") << QStringLiteral("query=up&time=x") << 400;
        QTest::newRow("range matrix") << QStringLiteral("/api/v1/query_range")
                                      << QStringLiteral("query=node_load1&start=%1&end=%2&step=60").arg(hourAgo, now)
                                      << 200;
        QTest::newRow("range duration step")
            << QStringLiteral("/api/v1/query_range")
            << QStringLiteral("query=up&start=%1&end=%2&step=1m30s").arg(hourAgo, now) << 200;
        QTest::newRow("range too many points")
            << QStringLiteral("/api/v1/query_range")
            << QStringLiteral("query=up&start=%1&end=%2&step=0.1").arg(hourAgo, now) << 400;
        QTest::newRow("range end before start")
            << QStringLiteral("/api/v1/query_range")
            << QStringLiteral("query=up&start=%1&end=%2&step=10").arg(now, hourAgo) << 400;
        QTest::newRow("targets") << QStringLiteral("/api/v1/targets") << QString() << 200;
        QTest::newRow("alerts") << QStringLiteral("/api/v1/alerts") << QString() << 200;
        QTest::newRow("rules") << QStringLiteral("/api/v1/rules") << QString() << 200;
        QTest::newRow("rules alert") << QStringLiteral("/api/v1/rules") << QStringLiteral("type=alert") << 200;
        QTest::newRow("buildinfo") << QStringLiteral("/api/v1/status/buildinfo") << QString() << 200;
        // What the setup flow asks: the jobs there are, and the instance/job pairs of `up`.
        QTest::newRow("label values job") << QStringLiteral("/api/v1/label/job/values") << QString() << 200;
        QTest::newRow("label values matched")
            << QStringLiteral("/api/v1/label/instance/values")
            << QStringLiteral("match[]=") +
                   QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("up{job=\"node-exporter-hostA\"}")))
            << 200;
        QTest::newRow("series up") << QStringLiteral("/api/v1/series") << QStringLiteral("match%5B%5D=up") << 200;
        QTest::newRow("series missing match") << QStringLiteral("/api/v1/series") << QString() << 400;
        QTest::newRow("series bad selector")
            << QStringLiteral("/api/v1/series") << QStringLiteral("match[]=%7Bjob%3D") << 400;
    }

    void routesMatchSpec()
    {
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(int, status);
        const Reply r = get(path, QUrlQuery(query));
        QCOMPARE(r.status, status);
        const QString v = m_spec.violations(m_specFile, QStringLiteral("GET"), path, r.status, r.body);
        QVERIFY2(v.isEmpty(), qPrintable(v + QStringLiteral("\nbody: ") + QString::fromUtf8(r.body.left(400))));
    }

    /// Real servers answer partial queries with data plus `warnings` in the envelope; the mode stays in the spec.
    void warningsModeMatchesSpec()
    {
        m_prom->setWarnings({QStringLiteral("remote read: partial response from store eu-2")});
        const Reply r =
            get(QStringLiteral("/api/v1/query"), QUrlQuery{{QStringLiteral("query"), QStringLiteral("up")}});
        m_prom->setWarnings({});
        QCOMPARE(r.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(QStringLiteral("warnings")).toArray().at(0).toString(),
                 QStringLiteral("remote read: partial response from store eu-2"));
        QVERIFY(!o.value(QStringLiteral("data")).toObject().value(QStringLiteral("result")).toArray().isEmpty());
        const QString v =
            m_spec.violations(m_specFile, QStringLiteral("GET"), QStringLiteral("/api/v1/query"), r.status, r.body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        hlc::test::evidence("SimPrometheus warnings mode: /api/v1/query with data and warnings passes spec-check");
    }

    void orAndLabelReplaceLikePrometheus()
    {
        // The batched query: each operand evaluated, tagged, none dropped.
        const auto batch = vectorOf(batched());
        QCOMPARE(batch.size(), 3); // load of both nodes, memory of pve-ryzen
        QMap<QString, int> perMetric;
        for (const auto& [labels, value] : batch) {
            ++perMetric[labels.value(QStringLiteral("hlc_metric")).toString()];
            QVERIFY(labels.value(QStringLiteral("instance")).toString().endsWith(QStringLiteral(":9100")));
            QVERIFY(!value.isEmpty());
        }
        QCOMPARE(perMetric.value(QStringLiteral("load")), 2);
        QCOMPARE(perMetric.value(QStringLiteral("memory")), 1);

        // `or` drops an element whose label set an earlier operand has (as the real server: nothing is doubled).
        QCOMPARE(vectorOf(QStringLiteral("node_load1 or node_load1")).size(), 2);
        QCOMPARE(vectorOf(QStringLiteral("(node_load1) or label_replace(node_load1, \"x\", \"1\", \"\", \"\")")).size(),
                 4);
        // An empty operand does not hide the others; `or` inside a quoted matcher does not split.
        QCOMPARE(vectorOf(QStringLiteral("nothing_here or node_load1{instance=~\"pve-ryzen:9100|x or y\"}")).size(), 1);
        // Captures are expanded; a regex that does not match leaves the series as it was; an empty value removes.
        const auto host = vectorOf(QStringLiteral("label_replace(node_load1{instance=\"pve-ryzen:9100\"}, \"host\", "
                                                  "\"$1\", \"instance\", \"(.*):9100\")"));
        QCOMPARE(host.size(), 1);
        QCOMPARE(host.first().first.value(QStringLiteral("host")).toString(), QStringLiteral("pve-ryzen"));
        const auto untouched =
            vectorOf(QStringLiteral("label_replace(node_load1{instance=\"pve-ryzen:9100\"}, \"host\", "
                                    "\"$1\", \"instance\", \"nomatch(.*)\")"));
        QCOMPARE(untouched.size(), 1);
        QVERIFY(!untouched.first().first.contains(QStringLiteral("host")));
        const auto removed = vectorOf(QStringLiteral("label_replace(node_load1{instance=\"pve-ryzen:9100\"}, \"job\", "
                                                     "\"\", \"\", \"\")"));
        QCOMPARE(removed.size(), 1);
        QVERIFY(!removed.first().first.contains(QStringLiteral("job")));
        // A label_replace with a bad destination label selects nothing (a real server refuses the query).
        QCOMPARE(vectorOf(QStringLiteral("label_replace(node_load1, \"1bad\", \"x\", \"\", \"\")")).size(), 0);
    }

    /// node_exporter jobs are named like the seed's scrape jobs, and a `job` matcher selects one node.
    void seedJobNames()
    {
        const Reply jobs = get(QStringLiteral("/api/v1/label/job/values"));
        QCOMPARE(jobs.status, 200);
        const QJsonArray values = QJsonDocument::fromJson(jobs.body).object().value(QStringLiteral("data")).toArray();
        QVERIFY(values.contains(QStringLiteral("node-exporter-hostA")));
        QVERIFY(values.contains(QStringLiteral("node-exporter-hostB")));
        const Reply up =
            get(QStringLiteral("/api/v1/series"),
                QUrlQuery{{QStringLiteral("match[]"),
                           QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("up{job=~\".*hostB\"}")))}});
        const QJsonArray series = QJsonDocument::fromJson(up.body).object().value(QStringLiteral("data")).toArray();
        QCOMPARE(series.size(), 1);
        QCOMPARE(series.at(0).toObject().value(QStringLiteral("instance")).toString(),
                 QStringLiteral("pve-ryzen:9100"));
        const auto byJob = vectorOf(QStringLiteral("max (node_load1{job=\"node-exporter-hostA\"})"));
        QCOMPARE(byJob.size(), 1);
        QCOMPARE(byJob.first().first.value(QStringLiteral("instance")).toString(), QStringLiteral("pve-thinkpad:9100"));
        QCOMPARE(vectorOf(QStringLiteral("node_load1{job=\"node-exporter-hostC\"}")).size(), 0);
        hlc::test::evidence(QStringLiteral("simulated jobs: %1")
                                .arg(QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact))));
    }

    void alertsAreFiringAndTargetsDown()
    {
        m_lab->setNodeOnline(QStringLiteral("pve-thinkpad"), false);
        const Reply t = get(QStringLiteral("/api/v1/targets"));
        QVERIFY(t.body.contains("\"health\":\"down\""));
        QVERIFY(
            m_spec.violations(m_specFile, QStringLiteral("GET"), QStringLiteral("/api/v1/targets"), t.status, t.body)
                .isEmpty());
        const Reply a = get(QStringLiteral("/api/v1/alerts"));
        QVERIFY(a.body.contains("NodeExporterDown"));
        QVERIFY(a.body.contains("GpuTemperatureHigh"));
        QVERIFY(m_spec.violations(m_specFile, QStringLiteral("GET"), QStringLiteral("/api/v1/alerts"), a.status, a.body)
                    .isEmpty());
        m_lab->setNodeOnline(QStringLiteral("pve-thinkpad"), true);
        hlc::test::evidence(QStringLiteral("simulated Prometheus: %1 answers (%2 distinct method/path/status) "
                                           "validated by spec-check against %3")
                                .arg(m_spec.passed())
                                .arg(m_spec.routes())
                                .arg(m_specFile));
    }
};

QTEST_GUILESS_MAIN(TestSimPrometheus)
#include "TestSimPrometheus.moc"
