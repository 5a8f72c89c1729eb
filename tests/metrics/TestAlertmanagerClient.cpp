// AlertmanagerClient against the simulator's Alertmanager (fed by the simulated Prometheus) over a real socket:
// alerts with their flags, silences created, listed, fetched and expired, errors shown with Alertmanager's text.
#include "TestUtil.h"
#include "alertmanager/AlertmanagerClient.h"

#include "SimAlertmanager.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimPrometheus.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>

using namespace hlc;
using namespace hlc::am;
using hlc::test::Capture;

class TestAlertmanagerClient : public QObject
{
    Q_OBJECT

private:
    sim::SimHomelab* m_lab = nullptr;
    sim::SimHttpServer* m_promServer = nullptr;
    sim::SimHttpServer* m_amServer = nullptr;
    sim::SimPrometheus* m_prom = nullptr;
    sim::SimAlertmanager* m_am = nullptr;
    QNetworkAccessManager* m_nam = nullptr;

    Endpoint endpoint(int timeoutMs = 3000) const
    {
        Endpoint e;
        e.baseUrl = m_amServer->baseUrl();
        e.timeoutMs = timeoutMs;
        e.maxRetries = 0;
        return e;
    }

    QList<Alert> fetch(const AlertFilter& f = {})
    {
        AlertmanagerClient c(m_nam, endpoint());
        Capture<Result<QList<Alert>>> cap;
        c.alerts(f, this, cap.callback());
        if (!cap.wait() || !cap.value->ok())
            return {};
        return cap.value->value();
    }

    static const Alert* find(const QList<Alert>& list, const QString& name)
    {
        for (const Alert& a : list) {
            if (a.name() == name)
                return &a;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_lab = sim::SimHomelab::createSeeded(this);
        m_promServer = new sim::SimHttpServer(this);
        m_amServer = new sim::SimHttpServer(this);
        QVERIFY(m_promServer->listen(false));
        QVERIFY(m_amServer->listen(false));
        m_prom = new sim::SimPrometheus(m_lab, m_promServer, this);
        m_prom->setGpuAlertCycle(100, 100, 0); // the GPU alert fires all the time
        m_lab->advance(1);
        m_am = new sim::SimAlertmanager(m_prom, m_amServer, this);
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanup() { m_amServer->clearFaults(); }

    void status()
    {
        AlertmanagerClient c(m_nam, endpoint());
        Capture<Result<Status>> cap;
        c.status(this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(cap.value->ok());
        QCOMPARE(cap.value->value().version, QStringLiteral("0.25.0"));
        QCOMPARE(cap.value->value().clusterStatus, QStringLiteral("disabled"));
        hlc::test::evidence(
            QStringLiteral("AlertmanagerClient <-> simulated Alertmanager API v2 (reports %1) over HTTP on %2")
                .arg(cap.value->value().version, m_amServer->baseUrl().host()));
    }

    void alertsCarryFingerprintAndState()
    {
        const QList<Alert> list = fetch();
        const Alert* gpu = find(list, QStringLiteral("GpuTemperatureHigh"));
        QVERIFY(gpu);
        QCOMPARE(gpu->state, QStringLiteral("active"));
        QCOMPARE(gpu->fingerprint, fingerprintOf(gpu->labels));
        QCOMPARE(gpu->labels.value(QStringLiteral("severity")), QStringLiteral("warning"));
        QVERIFY(gpu->annotations.value(QStringLiteral("summary")).contains(QStringLiteral("pve-ryzen")));
        QVERIFY(gpu->startsAt.isValid());
    }

    void silenceLifecycle()
    {
        const Alert* gpu = nullptr;
        QList<Alert> list = fetch();
        gpu = find(list, QStringLiteral("GpuTemperatureHigh"));
        QVERIFY(gpu);
        Silence s;
        for (auto it = gpu->labels.cbegin(); it != gpu->labels.cend(); ++it)
            s.matchers.append({it.key(), it.value(), false, true});
        s.startsAt = QDateTime::currentDateTimeUtc();
        s.endsAt = s.startsAt.addSecs(3600);
        s.createdBy = QStringLiteral("tester");
        s.comment = QStringLiteral("Silenced for 1 h from Homelab Control Center by tester");

        AlertmanagerClient c(m_nam, endpoint());
        Capture<Result<QString>> created;
        c.createSilence(s, this, created.callback());
        QVERIFY(created.wait());
        QVERIFY2(created.value->ok(), created.value->ok() ? "" : qPrintable(created.value->error().message));
        const QString id = created.value->value();
        QVERIFY(!id.isEmpty());

        list = fetch();
        gpu = find(list, QStringLiteral("GpuTemperatureHigh"));
        QVERIFY(gpu);
        QVERIFY(gpu->silenced());
        QCOMPARE(gpu->silencedBy, QStringList{id});
        QCOMPARE(gpu->state, QStringLiteral("suppressed"));
        AlertFilter noSilenced;
        noSilenced.silenced = false;
        QVERIFY(!find(fetch(noSilenced), QStringLiteral("GpuTemperatureHigh")));

        Capture<Result<QList<Silence>>> all;
        c.silences(this, all.callback());
        QVERIFY(all.wait());
        QVERIFY(all.value->ok());
        QCOMPARE(all.value->value().size(), 1);
        QCOMPARE(all.value->value()[0].comment, s.comment);
        QVERIFY(all.value->value()[0].active());

        Capture<Result<Silence>> one;
        c.silence(id, this, one.callback());
        QVERIFY(one.wait());
        QVERIFY(one.value->ok());
        QCOMPARE(one.value->value().createdBy, QStringLiteral("tester"));

        Capture<Result<bool>> deleted;
        c.deleteSilence(id, this, deleted.callback());
        QVERIFY(deleted.wait());
        QVERIFY(deleted.value->ok());
        gpu = nullptr;
        list = fetch();
        gpu = find(list, QStringLiteral("GpuTemperatureHigh"));
        QVERIFY(gpu);
        QVERIFY(!gpu->silenced());

        // Expiring it again: Alertmanager's own error text is shown.
        Capture<Result<bool>> again;
        c.deleteSilence(id, this, again.callback());
        QVERIFY(again.wait());
        QVERIFY(!again.value->ok());
        QCOMPARE(again.value->error().message,
                 QStringLiteral("Alertmanager refused (HTTP 500): silence %1 already expired").arg(id));
    }

    void invalidSilenceShowsReason()
    {
        Silence s;
        s.matchers = {{QStringLiteral("alertname"), QStringLiteral("X"), false, true}};
        s.startsAt = QDateTime::currentDateTimeUtc();
        s.endsAt = s.startsAt.addSecs(60);
        s.createdBy = QStringLiteral("tester");
        AlertmanagerClient c(m_nam, endpoint());
        Capture<Result<QString>> cap;
        c.createSilence(s, this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(!cap.value->ok());
        QCOMPARE(cap.value->error().kind, ApiError::Kind::Rejected);
        QCOMPARE(cap.value->error().message,
                 QStringLiteral("Alertmanager refused (HTTP 400): silence invalid: comment missing"));
    }

    void unknownSilence()
    {
        AlertmanagerClient c(m_nam, endpoint());
        Capture<Result<Silence>> cap;
        c.silence(QStringLiteral("00000000-0000-0000-0000-000000000000"), this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(!cap.value->ok());
        QCOMPARE(cap.value->error().kind, ApiError::Kind::NotFound);
    }

    void inhibitedByCritical()
    {
        // host-b goes down: NodeExporterDown (critical) ... and the GPU rule stops (node offline), so push a warning
        // alert for the same instance to see inhibition.
        m_lab->setNodeOnline(QStringLiteral("pve-thinkpad"), false);
        const QByteArray push =
            R"([{"labels":{"alertname":"DiskSlow","severity":"warning","instance":"pve-thinkpad:9100"},
                 "annotations":{"summary":"slow"}}])";
        QNetworkRequest req(QUrl(m_amServer->baseUrl().toString() + QStringLiteral("/api/v2/alerts")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply* reply = m_nam->post(req, push);
        QVERIFY(hlc::test::waitFor([reply] { return reply->isFinished(); }));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        const QList<Alert> list = fetch();
        const Alert* slow = find(list, QStringLiteral("DiskSlow"));
        QVERIFY(slow);
        QVERIFY(slow->inhibited());
        QVERIFY(!slow->silenced());
        AlertFilter f;
        f.inhibited = false;
        QVERIFY(!find(fetch(f), QStringLiteral("DiskSlow")));
        f = {};
        f.matchers = {QStringLiteral("alertname=\"DiskSlow\"")};
        QCOMPARE(fetch(f).size(), 1);
        m_lab->setNodeOnline(QStringLiteral("pve-thinkpad"), true);
    }

    void faults_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("errorKind");
        QTest::newRow("hang") << 0 << int(ApiError::Kind::Timeout);
        QTest::newRow("reset") << 1 << int(ApiError::Kind::Network);
        QTest::newRow("500") << 2 << int(ApiError::Kind::Server);
        QTest::newRow("malformed") << 3 << int(ApiError::Kind::Parse);
    }

    void faults()
    {
        QFETCH(int, kind);
        QFETCH(int, errorKind);
        sim::Fault f;
        f.hang = kind == 0;
        f.reset = kind == 1;
        f.status = kind == 2 ? 500 : 0;
        f.body = kind == 3 ? sim::Fault::Body::Malformed : sim::Fault::Body::AsIs;
        m_amServer->setFault("GET", QStringLiteral("/api/v2/alerts"), f);
        AlertmanagerClient c(m_nam, endpoint(600));
        Capture<Result<QList<Alert>>> cap;
        c.alerts({}, this, cap.callback());
        QVERIFY(cap.wait(5000));
        QVERIFY(!cap.value->ok());
        QCOMPARE(int(cap.value->error().kind), errorKind);
        const QString host = QStringLiteral("127.0.0.1:%1").arg(m_amServer->port());
        if (kind == 0)
            QCOMPARE(cap.value->error().message, host + QStringLiteral(" did not answer within 0.6 s."));
        if (kind == 3)
            QCOMPARE(cap.value->error().message, QStringLiteral("The answer for /api/v2/alerts is not valid JSON."));
    }
};

QTEST_GUILESS_MAIN(TestAlertmanagerClient)
#include "TestAlertmanagerClient.moc"
