// The simulator's Alertmanager routes checked against the official API (alertmanager/openapi.yaml) with
// shared/tools/spec-check, over a real socket.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "SimAlertmanager.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimPrometheus.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>

using namespace hlc::sim;

class TestSimAlertmanager : public QObject
{
    Q_OBJECT

private:
    SimHomelab* m_lab = nullptr;
    SimHttpServer* m_server = nullptr;
    SimPrometheus* m_prom = nullptr;
    SimAlertmanager* m_am = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    hlc::test::SpecCheck m_spec;
    const QString m_specFile = QStringLiteral("alertmanager/openapi.yaml");

    struct Reply
    {
        int status = 0;
        QByteArray body;
    };

    Reply send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body = {})
    {
        QNetworkRequest req(QUrl(m_server->baseUrl().toString() + pathAndQuery));
        if (!body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply* reply = m_nam->sendCustomRequest(req, method, body);
        Reply out;
        if (!hlc::test::waitFor([reply] { return reply->isFinished(); }, 5000))
            return out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        reply->deleteLater();
        return out;
    }

    void check(const QByteArray& method, const QString& path, const Reply& r)
    {
        const QString v = m_spec.violations(m_specFile, QString::fromLatin1(method), path, r.status, r.body);
        QVERIFY2(v.isEmpty(), qPrintable(v + QStringLiteral("\nbody: ") + QString::fromUtf8(r.body.left(400))));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        HLC_REQUIRE_REAL(m_spec.unavailable(m_specFile));
        m_lab = SimHomelab::createSeeded(this);
        m_server = new SimHttpServer(this);
        QVERIFY(m_server->listen(false));
        m_prom = new SimPrometheus(m_lab, nullptr, this);
        m_prom->setGpuAlertCycle(100, 100, 0);
        m_lab->advance(1);
        m_am = new SimAlertmanager(m_prom, m_server, this);
        m_nam = new QNetworkAccessManager(this);
    }

    void statusAndAlerts()
    {
        Reply r = send("GET", QStringLiteral("/api/v2/status"));
        QCOMPARE(r.status, 200);
        check("GET", QStringLiteral("/api/v2/status"), r);
        r = send("GET", QStringLiteral("/api/v2/alerts"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("GpuTemperatureHigh"));
        check("GET", QStringLiteral("/api/v2/alerts"), r);
        r = send("GET", QStringLiteral("/api/v2/alerts?active=true&silenced=false&inhibited=false"));
        QCOMPARE(r.status, 200);
        check("GET", QStringLiteral("/api/v2/alerts"), r);
        r = send("GET", QStringLiteral("/api/v2/alerts?filter=%7Bbroken"));
        QCOMPARE(r.status, 400);
        check("GET", QStringLiteral("/api/v2/alerts"), r);
        r = send("POST", QStringLiteral("/api/v2/alerts"),
                 R"([{"labels":{"alertname":"Pushed","severity":"critical"},"annotations":{"summary":"s"}}])");
        QCOMPARE(r.status, 200);
        r = send("GET", QStringLiteral("/api/v2/alerts"));
        QVERIFY(r.body.contains("Pushed"));
        check("GET", QStringLiteral("/api/v2/alerts"), r);
    }

    void silences()
    {
        const QString start = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const QString end = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs);
        const QByteArray body = QStringLiteral(R"({"matchers":[{"name":"alertname","value":"GpuTemperatureHigh",)"
                                               R"("isRegex":false,"isEqual":true}],"startsAt":"%1","endsAt":"%2",)"
                                               R"("createdBy":"tester","comment":"test"})")
                                    .arg(start, end)
                                    .toUtf8();
        Reply r = send("POST", QStringLiteral("/api/v2/silences"), body);
        QCOMPARE(r.status, 200);
        check("POST", QStringLiteral("/api/v2/silences"), r);
        const QString id = QString::fromUtf8(r.body).section(QLatin1Char('"'), 3, 3);
        QCOMPARE(m_am->silences().size(), 1);
        QCOMPARE(m_am->silences().first().id, id);

        r = send("GET", QStringLiteral("/api/v2/silences"));
        QCOMPARE(r.status, 200);
        check("GET", QStringLiteral("/api/v2/silences"), r);
        r = send("GET", QStringLiteral("/api/v2/silence/") + id);
        QCOMPARE(r.status, 200);
        check("GET", QStringLiteral("/api/v2/silence/") + id, r);
        r = send("GET", QStringLiteral("/api/v2/alerts"));
        QVERIFY(r.body.contains(id.toUtf8()));
        check("GET", QStringLiteral("/api/v2/alerts"), r);

        r = send("POST", QStringLiteral("/api/v2/silences"), R"({"matchers":[],"startsAt":"x"})");
        QCOMPARE(r.status, 400);
        check("POST", QStringLiteral("/api/v2/silences"), r);

        r = send("DELETE", QStringLiteral("/api/v2/silence/") + id);
        QCOMPARE(r.status, 200);
        check("DELETE", QStringLiteral("/api/v2/silence/") + id, r);
        r = send("GET", QStringLiteral("/api/v2/silence/") + id);
        QVERIFY(r.body.contains("\"expired\""));
        r = send("DELETE", QStringLiteral("/api/v2/silence/00000000-0000-0000-0000-000000000000"));
        QCOMPARE(r.status, 404);
        check("DELETE", QStringLiteral("/api/v2/silence/00000000-0000-0000-0000-000000000000"), r);
        hlc::test::evidence(QStringLiteral("simulated Alertmanager: %1 answers (%2 distinct method/path/status) "
                                           "validated by spec-check against %3")
                                .arg(m_spec.passed())
                                .arg(m_spec.routes())
                                .arg(m_specFile));
    }
};

QTEST_GUILESS_MAIN(TestSimAlertmanager)
#include "TestSimAlertmanager.moc"
