// The simulator's Prometheus routes checked against the official OpenAPI (prometheus/openapi_3.1_golden.yaml) with
// shared/tools/spec-check, over a real socket.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimPrometheus.h"

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

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString why = m_spec.unavailable(m_specFile);
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
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
        hlc::test::evidence("simulated Prometheus routes validated by spec-check against openapi_3.1_golden.yaml");
    }
};

QTEST_GUILESS_MAIN(TestSimPrometheus)
#include "TestSimPrometheus.moc"
