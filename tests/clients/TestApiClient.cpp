// The transport over real loopback sockets against the simulator's HTTP(S) server: auth decoration, timeouts,
// bounded retries, error mapping, TLS pinning, redirects, cancellation.
#include "TestUtil.h"
#include "core/ApiClient.h"

#include "SimHttpServer.h"
#include "TlsIdentity.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>

using namespace hlc;
using hlc::sim::Fault;
using hlc::sim::SimHttpServer;
using hlc::sim::SimRequest;
using hlc::sim::SimResponse;
using hlc::test::Capture;

namespace {
const QString kSecret = QStringLiteral("s3cr3t-7f1e2d3c4b5a");

Endpoint endpointFor(const SimHttpServer& server, AuthScheme scheme = AuthScheme::Bearer)
{
    Endpoint e;
    e.baseUrl = server.baseUrl();
    e.baseUrl.setPath(QStringLiteral("/api"));
    e.credentials.scheme = scheme;
    e.credentials.user = scheme == AuthScheme::PveToken ? QStringLiteral("monitor@pve!hlc") : QStringLiteral("admin");
    e.credentials.secret = kSecret;
    e.credentials.extra = QStringLiteral("csrf-token-value");
    e.timeoutMs = 3000;
    e.maxRetries = 0;
    e.retryBaseDelayMs = 20;
    return e;
}

void assertNoSecret(const ApiError& e)
{
    QVERIFY2(!e.message.contains(kSecret), qPrintable(e.message));
    QVERIFY2(!e.detail.contains(kSecret), qPrintable(e.detail));
}
} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager* m_nam = nullptr;
    SimHttpServer* m_server = nullptr;

    ApiResponse run(ApiClient& client, ApiRequest req, int waitMs = 10000)
    {
        Capture<ApiResponse> cap;
        client.send(std::move(req), this, cap.callback());
        if (!cap.wait(waitMs))
            return ApiResponse{};
        return *cap.value;
    }
    ApiResponse get(ApiClient& client, const QString& path)
    {
        ApiRequest r;
        r.path = path;
        return run(client, r);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_nam = new QNetworkAccessManager(this);
        m_server = new SimHttpServer(this);
        m_server->route("GET", QStringLiteral("/api/thing"),
                        [](const SimRequest&) { return SimResponse::json(200, R"({"data":{"ok":true}})"); });
        m_server->route("POST", QStringLiteral("/api/thing"),
                        [](const SimRequest& r) { return SimResponse::json(200, "{\"got\":" + r.body + "}"); });
        m_server->route("GET", QStringLiteral("/api/status/{code}"), [](const SimRequest& r) {
            return SimResponse::json(r.params.value(QStringLiteral("code")).toInt(), R"({"message":"nope"})");
        });
        QVERIFY(m_server->listen(false));
    }

    void cleanup()
    {
        delete m_server;
        m_server = nullptr;
        delete m_nam;
        m_nam = nullptr;
    }

    void authHeaders_data()
    {
        QTest::addColumn<int>("scheme");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("pve-token") << int(AuthScheme::PveToken) << QByteArray("GET") << QByteArray("authorization")
                                   << ("PVEAPIToken=monitor@pve!hlc=" + kSecret.toUtf8());
        QTest::newRow("api-key") << int(AuthScheme::ApiKey) << QByteArray("GET") << QByteArray("x-api-key")
                                 << kSecret.toUtf8();
        QTest::newRow("bearer") << int(AuthScheme::Bearer) << QByteArray("GET") << QByteArray("authorization")
                                << ("Bearer " + kSecret.toUtf8());
        QTest::newRow("basic") << int(AuthScheme::Basic) << QByteArray("GET") << QByteArray("authorization")
                               << ("Basic " + ("admin:" + kSecret).toUtf8().toBase64());
        QTest::newRow("pve-ticket cookie") << int(AuthScheme::PveTicket) << QByteArray("GET") << QByteArray("cookie")
                                           << ("PVEAuthCookie=" + QUrl::toPercentEncoding(kSecret));
        QTest::newRow("pve-ticket csrf on POST") << int(AuthScheme::PveTicket) << QByteArray("POST")
                                                 << QByteArray("csrfpreventiontoken") << QByteArray("csrf-token-value");
        QTest::newRow("pve-ticket no csrf on GET")
            << int(AuthScheme::PveTicket) << QByteArray("GET") << QByteArray("csrfpreventiontoken") << QByteArray();
    }

    void authHeaders()
    {
        QFETCH(int, scheme);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, expected);
        ApiClient client(m_nam, endpointFor(*m_server, AuthScheme(scheme)));
        ApiRequest req;
        req.method = method;
        req.path = QStringLiteral("/thing");
        if (method == "POST") {
            req.body = "1";
            req.contentType = "application/json";
        }
        const ApiResponse r = run(client, req);
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().header(header), expected);
    }

    void statusMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("401") << 401 << int(ApiError::Kind::Auth) << QStringLiteral("rejected the credentials");
        QTest::newRow("403") << 403 << int(ApiError::Kind::Auth) << QStringLiteral("denied access");
        QTest::newRow("404") << 404 << int(ApiError::Kind::NotFound) << QStringLiteral("HTTP 404");
        QTest::newRow("409") << 409 << int(ApiError::Kind::Rejected) << QStringLiteral("HTTP 409");
        QTest::newRow("429") << 429 << int(ApiError::Kind::RateLimited) << QStringLiteral("rate limiting");
        QTest::newRow("500") << 500 << int(ApiError::Kind::Server) << QStringLiteral("server error (HTTP 500");
    }

    void statusMapping()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        QFETCH(QString, fragment);
        ApiClient client(m_nam, endpointFor(*m_server));
        const ApiResponse r = get(client, QStringLiteral("/status/%1").arg(status));
        QCOMPARE(int(r.error.kind), kind);
        QCOMPARE(r.error.httpStatus, status);
        QCOMPARE(r.status, status);
        QVERIFY2(r.error.message.contains(fragment), qPrintable(r.error.message));
        QVERIFY(r.error.message.contains(QStringLiteral("127.0.0.1:%1").arg(m_server->port())));
        QCOMPARE(r.error.body, QByteArray(R"({"message":"nope"})"));
        assertNoSecret(r.error);
    }

    void timeoutOnHang()
    {
        Endpoint ep = endpointFor(*m_server);
        ep.timeoutMs = 300;
        ApiClient client(m_nam, ep);
        Fault f;
        f.hang = true;
        m_server->setFault("GET", QStringLiteral("/api/thing"), f);
        QElapsedTimer t;
        t.start();
        const ApiResponse r = get(client, QStringLiteral("/thing"));
        QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
        QVERIFY2(r.error.message.contains(QStringLiteral("did not answer within 0.3 s")), qPrintable(r.error.message));
        QVERIFY(t.elapsed() >= 290);
        QVERIFY(t.elapsed() < 3000);
        assertNoSecret(r.error);
    }

    void retriesIdempotentGetOn503()
    {
        Endpoint ep = endpointFor(*m_server);
        ep.maxRetries = 2;
        ApiClient client(m_nam, ep);
        Fault f;
        f.status = 503;
        f.times = 2;
        m_server->setFault("GET", QStringLiteral("/api/thing"), f);
        const ApiResponse r = get(client, QStringLiteral("/thing"));
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        QCOMPARE(r.attempts, 3);
        QCOMPARE(m_server->requests().size(), 3);
    }

    void retriesAreBounded()
    {
        Endpoint ep = endpointFor(*m_server);
        ep.maxRetries = 2;
        ApiClient client(m_nam, ep);
        Fault f;
        f.status = 503;
        m_server->setFault("GET", QStringLiteral("/api/thing"), f);
        const ApiResponse r = get(client, QStringLiteral("/thing"));
        QCOMPARE(r.error.kind, ApiError::Kind::Server);
        QCOMPARE(r.attempts, 3);
        QCOMPARE(m_server->requests().size(), 3);
    }

    void neverRetriesPost()
    {
        Endpoint ep = endpointFor(*m_server);
        ep.maxRetries = 3;
        ApiClient client(m_nam, ep);
        Fault f;
        f.status = 503;
        m_server->setFault("POST", QStringLiteral("/api/thing"), f);
        ApiRequest req;
        req.method = "POST";
        req.path = QStringLiteral("/thing");
        req.body = "{}";
        req.contentType = "application/json";
        const ApiResponse r = run(client, req);
        QCOMPARE(r.error.kind, ApiError::Kind::Server);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void noRetryOn500()
    {
        Endpoint ep = endpointFor(*m_server);
        ep.maxRetries = 3;
        ApiClient client(m_nam, ep);
        const ApiResponse r = get(client, QStringLiteral("/status/500"));
        QCOMPARE(r.attempts, 1);
    }

    void connectionRefused()
    {
        const quint16 port = m_server->port();
        Endpoint ep = endpointFor(*m_server);
        m_server->close();
        ep.maxRetries = 1;
        ApiClient client(m_nam, ep);
        const ApiResponse r = get(client, QStringLiteral("/thing"));
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QCOMPARE(r.attempts, 2);
        QVERIFY2(r.error.message.contains(QStringLiteral("127.0.0.1:%1: connection refused").arg(port)),
                 qPrintable(r.error.message));
    }

    void connectionReset()
    {
        ApiClient client(m_nam, endpointFor(*m_server));
        Fault f;
        f.reset = true;
        m_server->setFault("GET", QStringLiteral("/api/thing"), f);
        const ApiResponse r = get(client, QStringLiteral("/thing"));
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        assertNoSecret(r.error);
    }

    void truncatedBodyIsAnError()
    {
        ApiClient client(m_nam, endpointFor(*m_server));
        Fault f;
        f.body = Fault::Body::Truncated;
        m_server->setFault("GET", QStringLiteral("/api/thing"), f);
        const ApiResponse r = get(client, QStringLiteral("/thing"));
        QVERIFY2(r.error.isError(), r.body.constData());
    }

    void oversizedBodyIsAborted()
    {
        Endpoint ep = endpointFor(*m_server);
        ep.maxBodyBytes = 1024 * 1024;
        ApiClient client(m_nam, ep);
        Fault f;
        f.body = Fault::Body::Oversized;
        f.oversizedBytes = 8 * 1024 * 1024;
        m_server->setFault("GET", QStringLiteral("/api/thing"), f);
        const ApiResponse r = get(client, QStringLiteral("/thing"));
        QCOMPARE(r.error.kind, ApiError::Kind::Parse);
        QVERIFY2(r.error.message.contains(QStringLiteral("larger than 1 MB")), qPrintable(r.error.message));
        QVERIFY(r.body.isEmpty());
    }

    void latencyWithinTimeoutSucceeds()
    {
        ApiClient client(m_nam, endpointFor(*m_server));
        Fault f;
        f.latencyMs = 200;
        m_server->setFault("GET", QStringLiteral("/api/thing"), f);
        QElapsedTimer t;
        t.start();
        const ApiResponse r = get(client, QStringLiteral("/thing"));
        QVERIFY(r.ok());
        QVERIFY(t.elapsed() >= 190);
    }

    void redirectsAreNotFollowed()
    {
        SimHttpServer other;
        other.route("GET", QStringLiteral("/steal"), [](const SimRequest&) { return SimResponse::json(200, "{}"); });
        QVERIFY(other.listen(false));
        const QByteArray target = other.baseUrl().toString().toUtf8() + "/steal";
        m_server->route("GET", QStringLiteral("/api/moved"), [target](const SimRequest&) {
            SimResponse r = SimResponse::json(302, "{}");
            r.headers << qMakePair(QByteArray("Location"), target);
            return r;
        });
        ApiClient client(m_nam, endpointFor(*m_server));
        const ApiResponse r = get(client, QStringLiteral("/moved"));
        QCOMPARE(r.error.kind, ApiError::Kind::Rejected);
        QVERIFY(r.error.message.contains(QStringLiteral("redirect")));
        QTest::qWait(100);
        QCOMPARE(other.requests().size(), 0);
    }

    void cancel()
    {
        ApiClient client(m_nam, endpointFor(*m_server));
        Fault f;
        f.hang = true;
        m_server->setFault("GET", QStringLiteral("/api/thing"), f);
        Capture<ApiResponse> cap;
        ApiRequest req;
        req.path = QStringLiteral("/thing");
        ApiCall* call = client.send(req, this, cap.callback());
        QVERIFY(hlc::test::waitFor([this] { return m_server->requests().size() == 1; }));
        call->cancel();
        QVERIFY(cap.wait());
        QCOMPARE(cap.value->error.kind, ApiError::Kind::Cancelled);
    }

    void destroyedContextDropsCallback()
    {
        ApiClient client(m_nam, endpointFor(*m_server));
        Fault f;
        f.latencyMs = 100;
        m_server->setFault("GET", QStringLiteral("/api/thing"), f);
        bool called = false;
        auto* ctx = new QObject;
        ApiRequest req;
        req.path = QStringLiteral("/thing");
        client.send(req, ctx, [&called](const ApiResponse&) { called = true; });
        delete ctx;
        QVERIFY(hlc::test::waitFor([&client] { return client.pending() == 0; }));
        QTest::qWait(50);
        QVERIFY(!called);
    }

    void missingSecretIsAConfigError()
    {
        Endpoint ep = endpointFor(*m_server);
        ep.credentials.secret.clear();
        ApiClient client(m_nam, ep);
        const ApiResponse r = get(client, QStringLiteral("/thing"));
        QCOMPARE(r.error.kind, ApiError::Kind::Config);
        QCOMPARE(m_server->requests().size(), 0);
    }

    /// The core of TLS trust: untrusted -> rejected before any HTTP byte; pinned -> accepted; changed -> rejected.
    void tlsPinning()
    {
        SimHttpServer tls;
        tls.route("GET", QStringLiteral("/api/thing"), [](const SimRequest&) { return SimResponse::json(200, "{}"); });
        QString err;
        const auto first = sim::TlsIdentity::generate(QStringLiteral("localhost"), &err);
        QVERIFY2(!first.isNull(), qPrintable(err));
        tls.setTlsIdentity(first);
        QVERIFY(tls.listen(true));
        QVERIFY(tls.baseUrl().scheme() == QLatin1String("https"));

        // 1. No pin: a TLS error carrying the fingerprint, and the token never reached the server.
        ApiClient client(m_nam, endpointFor(tls, AuthScheme::PveToken));
        QSignalSpy untrusted(&client, &ApiClient::untrustedCertificate);
        ApiResponse r = get(client, QStringLiteral("/thing"));
        QCOMPARE(r.error.kind, ApiError::Kind::Tls);
        QCOMPARE(r.error.tlsFingerprint, first.sha256Hex());
        QVERIFY2(r.error.message.contains(QString::fromLatin1(first.sha256Hex())), qPrintable(r.error.message));
        QVERIFY(tls.connectionsAccepted() >= 1);
        QCOMPARE(tls.requests().size(), 0);
        QCOMPARE(untrusted.size(), 1);
        QCOMPARE(untrusted.first().at(0).toByteArray(), first.sha256Hex());
        assertNoSecret(r.error);

        // 2. A wrong pin: still rejected, still nothing sent.
        client.setPinnedSha256(QByteArray(64, 'a'));
        r = get(client, QStringLiteral("/thing"));
        QCOMPARE(r.error.kind, ApiError::Kind::Tls);
        QCOMPARE(tls.requests().size(), 0);

        // 3. The right pin: accepted, and the token arrives.
        client.setPinnedSha256(first.sha256Hex().toUpper()); // pins compare case-insensitively
        r = get(client, QStringLiteral("/thing"));
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        QCOMPARE(tls.requests().size(), 1);
        QCOMPARE(tls.requests().first().header("authorization"), "PVEAPIToken=monitor@pve!hlc=" + kSecret.toUtf8());

        // 4. The server's certificate changes: rejected again, nothing sent, the new fingerprint reported.
        const auto second = sim::TlsIdentity::generate(QStringLiteral("localhost"), &err);
        QVERIFY(!second.isNull());
        tls.setTlsIdentity(second);
        m_nam->clearConnectionCache(); // a fresh handshake, as after a server restart
        tls.clearRequests();
        r = get(client, QStringLiteral("/thing"));
        QCOMPARE(r.error.kind, ApiError::Kind::Tls);
        QCOMPARE(r.error.tlsFingerprint, second.sha256Hex());
        QVERIFY2(r.error.message.contains(QStringLiteral("changed")), qPrintable(r.error.message));
        QCOMPARE(tls.requests().size(), 0);
        hlc::test::evidence("TLS pinning over real loopback sockets: unpinned and wrong-pin certificates rejected "
                            "before any request byte, pinned one accepted, changed one rejected");
    }

    void cleanupTestCase()
    {
        hlc::test::evidence("transport fault paths (hang/timeout, reset, refused, 4xx/5xx, truncated, oversized, "
                            "redirect) ran against the simulator over real sockets on 127.0.0.1");
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "TestApiClient.moc"
