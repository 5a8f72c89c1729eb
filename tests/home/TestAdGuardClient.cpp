// AdGuardClient against the simulator's AdGuard Home API over a real socket on 127.0.0.1 (Basic auth), its faults,
// a protection pause that really expires, and every simulator route checked against the official OpenAPI spec.
#include "SpecCheck.h"
#include "TestUtil.h"
#include "adguard/AdGuardClient.h"

#include "SimAdGuard.h"
#include "SimHttpServer.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>

using namespace hlc;
using namespace hlc::adguard;
using hlc::test::Capture;

class TestAdGuardClient : public QObject
{
    Q_OBJECT

private:
    hlc::test::SpecCheck m_spec;
    const QString m_specFile = QStringLiteral("adguardhome/openapi.yaml");
    sim::SimHttpServer* m_server = nullptr;
    sim::SimAdGuard* m_sim = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    const QString m_password = QStringLiteral("s3cret-adguard");

    Endpoint endpoint(const QString& password) const
    {
        Endpoint e;
        QUrl u = m_server->baseUrl();
        u.setPath(sim::SimAdGuard::apiPrefix());
        e.baseUrl = u;
        e.credentials = {AuthScheme::Basic, QStringLiteral("admin"), password, {}};
        e.timeoutMs = 1500;
        e.maxRetries = 0;
        return e;
    }
    Endpoint endpoint() const { return endpoint(m_password); }

    template<typename T, typename F> Result<T> run(F&& start)
    {
        Capture<Result<T>> cap;
        start(cap.callback());
        if (!cap.wait(8000)) {
            ApiError e;
            e.kind = ApiError::Kind::Timeout;
            e.message = QStringLiteral("test: no callback");
            return e;
        }
        return *cap.value;
    }

    QString specViolations(const QByteArray& method, const QString& path, int status, const QByteArray& body)
    {
        return m_spec.violations(m_specFile, QString::fromLatin1(method), path, status, body);
    }

    /// The last response the simulator sent for @p path, fetched again with a plain request.
    QPair<int, QByteArray> rawGet(const QString& pathAndQuery)
    {
        QNetworkRequest req(QUrl(m_server->baseUrl().toString() + pathAndQuery));
        req.setRawHeader("Authorization", "Basic " + ("admin:" + m_password).toUtf8().toBase64());
        QNetworkReply* reply = m_nam->get(req);
        hlc::test::waitFor([reply] { return reply->isFinished(); }, 5000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return {status, body};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = new sim::SimHttpServer(this);
        QVERIFY(m_server->listen(false));
        m_sim = new sim::SimAdGuard(m_server, QStringLiteral("admin"), m_password, this);
        m_nam = new QNetworkAccessManager(this);
        QCOMPARE(m_server->baseUrl().host(), QStringLiteral("127.0.0.1"));
    }

    void cleanup()
    {
        m_server->clearFaults();
        m_sim->setProtection(true, 0);
    }

    void status()
    {
        AdGuardClient c(m_nam, endpoint());
        const auto r = run<ServerStatus>([&](auto cb) { c.status(this, cb); });
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().detail));
        QCOMPARE(r.value().version, QStringLiteral("v0.107.52"));
        QVERIFY(r.value().protectionEnabled);
        QVERIFY(r.value().running);
        QCOMPARE(r.value().dnsAddresses, QStringList({QStringLiteral("127.0.0.1"), QStringLiteral("::1")}));
        QCOMPARE(r.value().protectionDisabledDurationMs, 0);
        // Basic auth, exactly once, in the Authorization header.
        const auto reqs = m_server->requests();
        QVERIFY(!reqs.isEmpty());
        QCOMPARE(reqs.last().header("authorization"), "Basic " + QByteArray("admin:s3cret-adguard").toBase64());
    }

    void stats()
    {
        m_sim->tick();
        AdGuardClient c(m_nam, endpoint());
        const auto r = run<Stats>([&](auto cb) { c.stats(this, cb); });
        QVERIFY(r.ok());
        const Stats& s = r.value();
        QVERIFY(s.dnsQueries > 1000);
        QVERIFY(s.blockedFiltering > 0);
        QVERIFY(s.blockedPercent() > 1.0 && s.blockedPercent() < 50.0);
        QCOMPARE(s.dnsQueriesSeries.size(), 24);
        QCOMPARE(s.blockedSeries.size(), 24);
        QVERIFY(!s.topQueriedDomains.isEmpty());
        QVERIFY(!s.topBlockedDomains.isEmpty());
        QVERIFY(!s.topClients.isEmpty());
        QVERIFY(s.topClients.first().value >= s.topClients.last().value);
        QVERIFY(s.avgProcessingTimeSec > 0.0);
        QCOMPARE(s.replacedSafebrowsing, 7);
        QCOMPARE(s.replacedParental, 2);
    }

    void filteringStatus()
    {
        AdGuardClient c(m_nam, endpoint());
        const auto r = run<FilteringStatus>([&](auto cb) { c.filteringStatus(this, cb); });
        QVERIFY(r.ok());
        QCOMPARE(r.value().filters.size(), 3);
        QCOMPARE(r.value().filters.first().name, QStringLiteral("AdGuard DNS filter"));
        QCOMPARE(r.value().filters.first().rulesCount, 61123);
        QVERIFY(r.value().filters.first().lastUpdated.isValid());
        QVERIFY(!r.value().filters.last().lastUpdated.isValid());
        QCOMPARE(r.value().userRules, 1);
        QCOMPARE(r.value().totalRules(), 61123 + 6540 + 1);
    }

    void queryLogFilters()
    {
        AdGuardClient c(m_nam, endpoint());
        QueryLogFilter f;
        f.limit = 20;
        const auto all = run<QueryLog>([&](auto cb) { c.queryLog(f, this, cb); });
        QVERIFY(all.ok());
        QCOMPARE(all.value().entries.size(), 20);
        bool anyAllowed = false;
        for (const auto& e : all.value().entries)
            anyAllowed = anyAllowed || !e.isBlocked();
        QVERIFY(anyAllowed);
        QVERIFY(all.value().entries.first().time.isValid());

        f.blockedOnly = true;
        const auto blocked = run<QueryLog>([&](auto cb) { c.queryLog(f, this, cb); });
        QVERIFY(blocked.ok());
        QVERIFY(!blocked.value().entries.isEmpty());
        for (const auto& e : blocked.value().entries) {
            QVERIFY2(e.isBlocked(), qPrintable(e.domain));
            QVERIFY(!e.rule.isEmpty());
        }
        QCOMPARE(m_server->requests().last().query.queryItemValue(QStringLiteral("response_status")),
                 QStringLiteral("blocked"));

        f.blockedOnly = false;
        f.search = QStringLiteral("10.10.0.34");
        const auto client = run<QueryLog>([&](auto cb) { c.queryLog(f, this, cb); });
        QVERIFY(client.ok());
        QVERIFY(!client.value().entries.isEmpty());
        for (const auto& e : client.value().entries) {
            QCOMPARE(e.client, QStringLiteral("10.10.0.34"));
            QCOMPARE(e.clientName, QStringLiteral("living-room-tv"));
        }
    }

    void pauseExpires()
    {
        AdGuardClient c(m_nam, endpoint());
        const auto set = run<bool>([&](auto cb) { c.setProtection(false, 4000, this, cb); });
        QVERIFY(set.ok());
        const sim::SimRequest post = m_server->requests().last();
        QCOMPARE(post.method, QByteArray("POST"));
        QCOMPARE(post.body, QByteArray(R"({"duration":4000,"enabled":false})"));
        QCOMPARE(post.header("content-type"), QByteArray("application/json"));

        const auto paused = run<ServerStatus>([&](auto cb) { c.status(this, cb); });
        QVERIFY(paused.ok());
        QVERIFY(!paused.value().protectionEnabled);
        QVERIFY(paused.value().protectionDisabledDurationMs > 0);
        QVERIFY(paused.value().protectionDisabledDurationMs <= 4000);

        // The pause ends on its own: protection is on again without any request from us.
        QVERIFY(hlc::test::waitFor([&] { return m_sim->protectionEnabled(); }, 15000));
        const auto resumed = run<ServerStatus>([&](auto cb) { c.status(this, cb); });
        QVERIFY(resumed.ok());
        QVERIFY(resumed.value().protectionEnabled);
        QCOMPARE(resumed.value().protectionDisabledDurationMs, 0);
        hlc::test::evidence("AdGuard client read /control/status, /stats, /filtering/status, /querylog and paused "
                            "protection via POST /control/protection against the simulator on 127.0.0.1; the pause "
                            "expired on its own");
    }

    void pauseUntilReenabled()
    {
        AdGuardClient c(m_nam, endpoint());
        QVERIFY(run<bool>([&](auto cb) { c.setProtection(false, 0, this, cb); }).ok());
        QCOMPARE(m_server->requests().last().body, QByteArray(R"({"enabled":false})"));
        const auto st = run<ServerStatus>([&](auto cb) { c.status(this, cb); });
        QVERIFY(!st.value().protectionEnabled);
        QCOMPARE(st.value().protectionDisabledDurationMs, 0);
        QVERIFY(run<bool>([&](auto cb) { c.setProtection(true, 0, this, cb); }).ok());
        QVERIFY(m_sim->protectionEnabled());
    }

    void wrongPassword()
    {
        AdGuardClient c(m_nam, endpoint(QStringLiteral("wrong")));
        const auto r = run<ServerStatus>([&](auto cb) { c.status(this, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Auth);
        QCOMPARE(r.error().httpStatus, 401);
        QCOMPARE(r.error().message, QStringLiteral("AdGuard Home rejected the user name or password (HTTP 401)."));
        QVERIFY(!r.error().message.contains(QStringLiteral("wrong")));
        QVERIFY(!r.error().detail.contains(QStringLiteral("wrong")));
        // A rejected write is not retried and changes nothing.
        const int before = m_server->requests().size();
        const auto w = run<bool>([&](auto cb) { c.setProtection(false, 60000, this, cb); });
        QCOMPARE(w.error().kind, ApiError::Kind::Auth);
        QCOMPARE(m_server->requests().size(), before + 1);
        QVERIFY(m_sim->protectionEnabled());
    }

    void faults_data()
    {
        QTest::addColumn<int>("faultKind");
        QTest::addColumn<int>("expectedKind");
        QTest::newRow("hang") << 0 << static_cast<int>(ApiError::Kind::Timeout);
        QTest::newRow("reset") << 1 << static_cast<int>(ApiError::Kind::Network);
        QTest::newRow("500") << 2 << static_cast<int>(ApiError::Kind::Server);
        QTest::newRow("malformed") << 3 << static_cast<int>(ApiError::Kind::Parse);
        QTest::newRow("truncated") << 4 << static_cast<int>(ApiError::Kind::Network);
    }

    void faults()
    {
        QFETCH(int, faultKind);
        QFETCH(int, expectedKind);
        sim::Fault f;
        f.hang = faultKind == 0;
        f.reset = faultKind == 1;
        f.status = faultKind == 2 ? 500 : 0;
        f.body = faultKind == 3   ? sim::Fault::Body::Malformed
                 : faultKind == 4 ? sim::Fault::Body::Truncated
                                  : sim::Fault::Body::AsIs;
        m_server->setFault("GET", QStringLiteral("/control/stats"), f);
        AdGuardClient c(m_nam, endpoint());
        const auto r = run<Stats>([&](auto cb) { c.stats(this, cb); });
        QVERIFY(!r.ok());
        QCOMPARE(static_cast<int>(r.error().kind), expectedKind);
        QVERIFY(!r.error().message.isEmpty());
        if (faultKind == 3)
            QCOMPARE(r.error().message, QStringLiteral("The answer for /control/stats is not valid JSON."));
    }

    void badPauseRejected()
    {
        // The simulator validates like AdGuard Home: a duration with enabled=true is a 400 with a text reason.
        QNetworkRequest req(QUrl(m_server->baseUrl().toString() + "/control/protection"));
        req.setRawHeader("Authorization", "Basic " + ("admin:" + m_password).toUtf8().toBase64());
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply* reply = m_nam->post(req, QByteArray(R"({"enabled":true,"duration":5})"));
        QVERIFY(hlc::test::waitFor([reply] { return reply->isFinished(); }, 5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        reply->deleteLater();
    }

    void specConformance()
    {
        HLC_REQUIRE_REAL(m_spec.unavailable(m_specFile));
        m_sim->setProtection(false, 60000);
        for (const QString& path :
             {QStringLiteral("/control/status"), QStringLiteral("/control/stats"),
              QStringLiteral("/control/filtering/status"), QStringLiteral("/control/querylog?limit=50"),
              QStringLiteral("/control/querylog?response_status=blocked"),
              QStringLiteral("/control/querylog?search=10.10.0.45")}) {
            const auto [status, body] = rawGet(path);
            QCOMPARE(status, 200);
            const QString v = specViolations("GET", path, status, body);
            QVERIFY2(v.isEmpty(), qPrintable(path + QStringLiteral(": ") + v));
        }
        hlc::test::evidence(QStringLiteral("AdGuard simulator: %1 answers of /control/status, /stats, "
                                           "/filtering/status, /querylog validated against %2 with spec-check")
                                .arg(m_spec.passed())
                                .arg(m_specFile));
    }
};

QTEST_GUILESS_MAIN(TestAdGuardClient)
#include "TestAdGuardClient.moc"
