// HealthProber against the simulator's health endpoints on 127.0.0.1: every seed service up with a latency,
// one taken down (and back), Redis PING with and without a password, a silent port timing out, and no credential
// ever sent.
#include "TestUtil.h"

#include "SimHealthServices.h"
#include "SimHttpServer.h"
#include "home/HealthProber.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>

using namespace hlc;
using hlc::test::waitFor;

class TestHealthProber : public QObject
{
    Q_OBJECT

private:
    sim::SimHealthServices* m_sim = nullptr;
    QNetworkAccessManager* m_nam = nullptr;

    Config configFromSim() const
    {
        Config c;
        c.healthIntervalMs = 60000;
        c.healthTimeoutMs = 1000;
        for (const QString& hostId : {QStringLiteral("host-a"), QStringLiteral("host-b")}) {
            HostConfig h;
            h.id = hostId;
            h.name = hostId == QLatin1String("host-a") ? QStringLiteral("pve-thinkpad") : QStringLiteral("pve-ryzen");
            for (const sim::SimProbeTarget& t : m_sim->targets(hostId)) {
                ProbeConfig p;
                p.name = t.name;
                if (!ProbeConfig::kindFromName(t.kind, &p.kind))
                    qFatal("unknown probe kind");
                p.url = t.url;
                p.openInBrowser = t.openInBrowser;
                h.probes << p;
            }
            c.hosts << h;
        }
        return c;
    }
    static const ProbeResult* find(const QList<ProbeResult>& list, const QString& name)
    {
        for (const ProbeResult& r : list) {
            if (r.probe.name == name)
                return &r;
        }
        return nullptr;
    }
    static bool allChecked(const HealthProber& p)
    {
        for (const QString& h : p.hostIds()) {
            for (const ProbeResult& r : p.results(h)) {
                if (r.state == ProbeResult::State::Unknown)
                    return false;
            }
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = new sim::SimHealthServices(this);
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        m_nam = new QNetworkAccessManager(this);
        QVERIFY(m_sim->targets(QStringLiteral("host-a")).size() >= 10);
        QVERIFY(m_sim->targets(QStringLiteral("host-b")).size() >= 8);
    }

    void everythingUp()
    {
        HealthProber p(configFromSim(), m_nam);
        p.start();
        QVERIFY(waitFor([&] { return allChecked(p); }, 10000));
        for (const QString& h : p.hostIds()) {
            for (const ProbeResult& r : p.results(h)) {
                QVERIFY2(r.state == ProbeResult::State::Up, qPrintable(r.probe.name + QStringLiteral(": ") + r.detail));
                QVERIFY(r.latencyMs >= 0);
                QVERIFY(r.checkedAt.isValid());
            }
        }
        QCOMPARE(p.totalDown(), 0);
        QCOMPARE(p.downSummary(), QString());
        QCOMPARE(find(p.results(QStringLiteral("host-b")), QStringLiteral("Redis"))->detail, QStringLiteral("PONG"));
        QCOMPARE(find(p.results(QStringLiteral("host-b")), QStringLiteral("PostgreSQL"))->detail,
                 QStringLiteral("port open"));
        QCOMPARE(find(p.results(QStringLiteral("host-a")), QStringLiteral("Grafana"))->detail,
                 QStringLiteral("HTTP 200"));
        QVERIFY(m_sim->requestsSeen() > 0);
        QVERIFY(!m_sim->sawCredentials());
        hlc::test::evidence("HealthProber: HTTP health/login pages, TCP connects and a Redis PING against every "
                            "simulated seed service on 127.0.0.1");
    }

    /// A probe cycle prints no Qt warning (it used to print "QNetworkReplyImplPrivate::error: Internal problem,
    /// this method must only be called once" for plain-HTTP probes: replies aborted twice). Several cycles, so the
    /// probes that answer with headers and a body, a redirect, or nothing are all seen more than once.
    void probeCyclesPrintNoQtWarning()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        HealthProber p(configFromSim(), m_nam);
        QSignalSpy updated(&p, &HealthProber::hostUpdated);
        p.start();
        QVERIFY(waitFor([&] { return allChecked(p); }, 10000));
        for (int round = 0; round < 3; ++round) {
            const qsizetype before = updated.count();
            p.probeAll();
            QVERIFY(waitFor([&] { return updated.count() > before && allChecked(p); }, 10000));
        }
        QTest::qWait(300); // late replies of the last cycle, still under failOnWarning
        hlc::test::evidence("HealthProber: 4 probe cycles over every simulated service without a Qt warning");
    }

    void serviceTakenDown_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("name");
        QTest::newRow("http") << QStringLiteral("host-a") << QStringLiteral("Grafana");
        QTest::newRow("tcp") << QStringLiteral("host-b") << QStringLiteral("PostgreSQL");
        QTest::newRow("redis") << QStringLiteral("host-b") << QStringLiteral("Redis");
    }

    void serviceTakenDown()
    {
        QFETCH(QString, host);
        QFETCH(QString, name);
        HealthProber p(configFromSim(), m_nam);
        QVERIFY(m_sim->setDown(host, name, true));
        p.probeAll();
        QVERIFY(waitFor([&] { return allChecked(p); }, 10000));
        const ProbeResult* r = find(p.results(host), name);
        QCOMPARE(r->state, ProbeResult::State::Down);
        QCOMPARE(r->latencyMs, -1);
        QVERIFY(r->detail.contains(QStringLiteral("refused"), Qt::CaseInsensitive));
        QCOMPARE(p.downCount(host), 1);
        QCOMPARE(p.totalDown(), 1);
        QVERIFY(p.downSummary().contains(name));
        QVERIFY(m_sim->setDown(host, name, false));
        p.probeAll();
        QVERIFY(waitFor([&] { return find(p.results(host), name)->state == ProbeResult::State::Up; }, 10000));
        QCOMPARE(p.totalDown(), 0);
    }

    void redisWithPassword()
    {
        m_sim->setRedisPasswordRequired(true);
        HealthProber p(configFromSim(), m_nam);
        p.probeAll();
        QVERIFY(waitFor([&] { return allChecked(p); }, 10000));
        const ProbeResult* r = find(p.results(QStringLiteral("host-b")), QStringLiteral("Redis"));
        QCOMPARE(r->state, ProbeResult::State::Up);
        QCOMPARE(r->detail, QStringLiteral("answers (password required, PING not authorised)"));
        m_sim->setRedisPasswordRequired(false);
    }

    void silentPortTimesOut()
    {
        // A listener that accepts but never answers an HTTP request.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        Config c;
        c.healthTimeoutMs = 300;
        HostConfig h;
        h.id = QStringLiteral("host-x");
        ProbeConfig web;
        web.name = QStringLiteral("Hanging UI");
        web.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort()));
        ProbeConfig redis;
        redis.name = QStringLiteral("Hanging Redis");
        redis.kind = ProbeConfig::Kind::Redis;
        redis.url = QUrl(QStringLiteral("redis://127.0.0.1:%1").arg(silent.serverPort()));
        h.probes << web << redis;
        c.hosts << h;
        HealthProber p(c, m_nam);
        p.probeAll();
        QVERIFY(waitFor([&] { return allChecked(p); }, 5000));
        for (const ProbeResult& r : p.results(QStringLiteral("host-x"))) {
            QCOMPARE(r.state, ProbeResult::State::Down);
            QCOMPARE(r.detail, QStringLiteral("no answer within 300 ms"));
        }
    }

    void selfSignedHttpsAnswers()
    {
        // A web UI with a self-signed certificate answers: up, with a note, and the request is never sent.
        sim::SimHttpServer tls;
        tls.route("GET", QStringLiteral("/"), [](const sim::SimRequest&) { return sim::SimResponse::text(200, "ok"); });
        QVERIFY(tls.listen(true));
        Config c;
        HostConfig h;
        h.id = QStringLiteral("host-x");
        ProbeConfig web;
        web.name = QStringLiteral("Proxmox VE");
        web.url = tls.baseUrl();
        h.probes << web;
        c.hosts << h;
        HealthProber p(c, m_nam);
        p.probeAll();
        QVERIFY(waitFor([&] { return allChecked(p); }, 5000));
        const ProbeResult r = p.results(QStringLiteral("host-x")).first();
        QCOMPARE(r.state, ProbeResult::State::Up);
        QCOMPARE(r.detail, QStringLiteral("answers (certificate not trusted)"));
        QVERIFY(r.latencyMs >= 0);
        QVERIFY(tls.requests().isEmpty());
    }

    void fallsBackToServiceUrls()
    {
        HostConfig h;
        h.id = QStringLiteral("host-a");
        ServiceConfig s;
        s.id = QStringLiteral("grafana-like");
        s.kind = ServiceKind::Prometheus;
        s.baseUrl = m_sim->targets(QStringLiteral("host-a")).first().url;
        h.services << s;
        const QList<ProbeConfig> probes = HealthProber::probesFor(h);
        QCOMPARE(probes.size(), 1);
        QCOMPARE(probes.first().name, QStringLiteral("Prometheus"));
        QCOMPARE(probes.first().url, s.baseUrl);
    }
};

QTEST_GUILESS_MAIN(TestHealthProber)
#include "TestHealthProber.moc"
