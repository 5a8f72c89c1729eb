// The transport over real loopback sockets against the simulator's HTTP(S) server: auth decoration, timeouts,
// bounded retries, error mapping, TLS pinning, redirects, cancellation.
#include "TestUtil.h"
#include "core/ApiClient.h"

#include "SimHttpServer.h"
#include "TlsIdentity.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>

#include <memory>

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
    hlc::test::PassTally m_tally;

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

    static void addThingRoutes(SimHttpServer& server)
    {
        server.route("GET", QStringLiteral("/api/thing"),
                     [](const SimRequest&) { return SimResponse::json(200, R"({"data":{"ok":true}})"); });
        server.route("POST", QStringLiteral("/api/thing"),
                     [](const SimRequest& r) { return SimResponse::json(200, "{\"got\":" + r.body + "}"); });
        server.route("DELETE", QStringLiteral("/api/thing"),
                     [](const SimRequest&) { return SimResponse::json(200, R"({"deleted":true})"); });
    }

    static int countOf(const SimHttpServer& server, const QByteArray& method)
    {
        int n = 0;
        for (const SimRequest& r : server.requests())
            n += r.method == method ? 1 : 0;
        return n;
    }

    static ApiRequest postThing(const QByteArray& body = "{\"action\":\"start\"}")
    {
        ApiRequest req;
        req.method = "POST";
        req.path = QStringLiteral("/thing");
        req.body = body;
        req.contentType = "application/json";
        return req;
    }

    /// A plain or a TLS server with the thing routes; for TLS, @p pin receives the certificate's SHA-256.
    std::unique_ptr<SimHttpServer> makeServer(bool tls, QByteArray* pin)
    {
        auto server = std::make_unique<SimHttpServer>();
        addThingRoutes(*server);
        if (tls) {
            QString err;
            const auto id = sim::TlsIdentity::generate(QStringLiteral("localhost"), &err);
            if (id.isNull()) {
                qWarning() << "no TLS identity:" << err;
                return nullptr;
            }
            server->setTlsIdentity(id);
            *pin = id.sha256Hex();
        }
        if (!server->listen(tls))
            return nullptr;
        return server;
    }

    void init()
    {
        m_nam = new QNetworkAccessManager(this);
        m_server = new SimHttpServer(this);
        addThingRoutes(*m_server);
        m_server->route("GET", QStringLiteral("/api/status/{code}"), [](const SimRequest& r) {
            return SimResponse::json(r.params.value(QStringLiteral("code")).toInt(), R"({"message":"nope"})");
        });
        QVERIFY(m_server->listen(false));
    }

    void cleanup()
    {
        m_tally.count();
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
        QVERIFY(t.elapsed() < 8000); // the 0.3 s timeout fired, not the 10 s default
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

    /// Request economy: a GET sent while an identical one is in flight joins it; the server sees one request and
    /// every caller gets the answer. Other URLs, other methods and a cancelled caller do not change that.
    void identicalGetsInFlightJoin()
    {
        ApiClient client(m_nam, endpointFor(*m_server));
        Fault slow;
        slow.latencyMs = 400; // long enough for the later calls to find the first one in flight
        m_server->setFault("GET", QStringLiteral("/api/thing"), slow);
        ApiRequest thing;
        thing.path = QStringLiteral("/thing");
        Capture<ApiResponse> a, b, c;
        client.send(thing, this, a.callback());
        client.send(thing, this, b.callback());
        client.send(thing, this, c.callback());
        QCOMPARE(client.joinedRequests(), 2);
        QVERIFY(a.wait(10000) && b.wait(10000) && c.wait(10000));
        QVERIFY(a.value->ok() && b.value->ok() && c.value->ok());
        QCOMPARE(b.value->body, a.value->body);
        QCOMPARE(c.value->status, a.value->status);
        QCOMPARE(countOf(*m_server, "GET"), 1);
        const int joinedGets = countOf(*m_server, "GET");

        // Another query is another request; a POST never joins (it changes state).
        m_server->setFault("GET", QStringLiteral("/api/thing"), slow);
        ApiRequest other = thing;
        other.query.addQueryItem(QStringLiteral("x"), QStringLiteral("1"));
        ApiRequest post;
        post.method = "POST";
        post.path = QStringLiteral("/thing");
        post.body = "{}";
        post.contentType = "application/json";
        Capture<ApiResponse> d, e, p1, p2;
        client.send(thing, this, d.callback());
        client.send(other, this, e.callback());
        client.send(post, this, p1.callback());
        client.send(post, this, p2.callback());
        QVERIFY(d.wait(10000) && e.wait(10000) && p1.wait(10000) && p2.wait(10000));
        QCOMPARE(countOf(*m_server, "GET"), 3);
        QCOMPARE(countOf(*m_server, "POST"), 2);
        QCOMPARE(client.joinedRequests(), 2);

        // The first caller cancels: the one that joined it still gets its answer (its request goes on the wire).
        m_server->setFault("GET", QStringLiteral("/api/thing"), slow);
        Capture<ApiResponse> first, second;
        ApiCall* leader = client.send(thing, this, first.callback());
        client.send(thing, this, second.callback());
        QCOMPARE(client.joinedRequests(), 3);
        leader->cancel();
        QVERIFY(first.wait(10000));
        QCOMPARE(first.value->error.kind, ApiError::Kind::Cancelled);
        QVERIFY(second.wait(10000));
        QVERIFY2(second.value->ok(), qPrintable(second.value->error.detail));
        // A caller that joined and cancels leaves alone; the request it joined is answered for the others.
        m_server->setFault("GET", QStringLiteral("/api/thing"), slow);
        Capture<ApiResponse> g, h;
        client.send(thing, this, g.callback());
        ApiCall* joiner = client.send(thing, this, h.callback());
        joiner->cancel();
        QVERIFY(h.wait(10000));
        QCOMPARE(h.value->error.kind, ApiError::Kind::Cancelled);
        QVERIFY(g.wait(10000));
        QVERIFY(g.value->ok());
        QCOMPARE(client.pending(), 0);
        hlc::test::evidence(QStringLiteral("ApiClient: 3 identical GETs in flight -> %1 request at the server; "
                                           "another query and 2 POSTs not joined (%2 POST requests); cancel of "
                                           "either side leaves the other answered")
                                .arg(joinedGets)
                                .arg(countOf(*m_server, "POST")));
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

    void transport_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https-pinned") << true;
    }

    /// What Qt 6.4 itself does, without ApiClient: a keep-alive GET, then a POST that the server receives and
    /// answers by dropping the connection. Printed as evidence (the reason for ApiClient's one-shot bodies).
    /// What Qt 6.4 itself does, without ApiClient: a POST that the server receives and answers by dropping the
    /// connection, (a) on the reused keep-alive connection of a GET, (b) on a fresh connection of its own
    /// (`Connection: close`, own pool). Printed as evidence: the reason for ApiClient's one-shot bodies.
    void qtAloneResendsPost()
    {
        SimHttpServer& server = *m_server;
        const QUrl url(server.baseUrl().toString() + QStringLiteral("/api/thing"));
        QNetworkReply* g = m_nam->get(QNetworkRequest(url));
        QVERIFY(hlc::test::waitFor([g] { return g->isFinished(); }));
        QCOMPARE(g->error(), QNetworkReply::NoError);
        g->deleteLater();
        Fault drop;
        drop.reset = true;
        drop.times = 1;
        for (const bool fresh : {false, true}) {
            server.clearRequests();
            server.setFault("POST", QStringLiteral("/api/thing"), drop);
            const int connectionsBefore = server.connectionsAccepted();
            QNetworkRequest post(url);
            post.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            if (fresh) {
                post.setRawHeader("Connection", "close");
                post.setPeerVerifyName(QStringLiteral("own-pool"));
            }
            QNetworkReply* p = m_nam->post(post, QByteArray("{\"action\":\"start\"}"));
            QVERIFY(hlc::test::waitFor([p] { return p->isFinished(); }));
            QTest::qWait(200);
            const int posts = countOf(server, "POST");
            QVERIFY(posts >= 1);
            hlc::test::evidence(
                QStringLiteral("Qt %1 alone, POST on %2, dropped once by the server after receipt: the "
                               "server saw it %3 time(s) on %4 new connection(s); reply error %5, HTTP %6")
                    .arg(QString::fromLatin1(qVersion()),
                         QLatin1String(fresh ? "a fresh connection" : "the reused keep-alive connection"))
                    .arg(posts)
                    .arg(server.connectionsAccepted() - connectionsBefore)
                    .arg(int(p->error()))
                    .arg(p->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()));
            p->deleteLater();
        }
    }

    /// The server receives the action and drops the connection without answering: the action went out exactly
    /// once, and the caller learns that it may or may not have been carried out.
    void actionSentAtMostOnceWhenConnectionDrops_data() { transport_data(); }
    void actionSentAtMostOnceWhenConnectionDrops()
    {
        QFETCH(bool, tls);
        QByteArray pin;
        auto server = makeServer(tls, &pin);
        QVERIFY(server);
        Endpoint ep = endpointFor(*server);
        ep.pinnedSha256 = pin;
        ep.maxRetries = 3;
        ApiClient client(m_nam, ep);

        // A keep-alive connection exists (the poll before the action).
        ApiResponse r = get(client, QStringLiteral("/thing"));
        QVERIFY2(r.ok(), qPrintable(r.error.detail));

        Fault drop;
        drop.reset = true;
        drop.times = 1; // a second send would succeed silently: exactly the double action to rule out
        server->setFault("POST", QStringLiteral("/api/thing"), drop);
        r = run(client, postThing());
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY(r.error.outcomeUnknown);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(r.error.message,
                 QStringLiteral("The connection to 127.0.0.1:%1 was lost after the request was sent, before an "
                                "answer came. The action may or may not have been carried out: check its current "
                                "state before trying again.")
                     .arg(server->port()));
        assertNoSecret(r.error);
        QTest::qWait(300); // a late re-send by the network stack would show up here
        QCOMPARE(countOf(*server, "POST"), 1);

        // Without a body (DELETE) too.
        server->setFault("DELETE", QStringLiteral("/api/thing"), drop);
        ApiRequest del;
        del.method = "DELETE";
        del.path = QStringLiteral("/thing");
        r = run(client, del);
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY(r.error.outcomeUnknown);
        QTest::qWait(300);
        QCOMPARE(countOf(*server, "DELETE"), 1);

        // The endpoint still works afterwards, for reads and for actions.
        r = get(client, QStringLiteral("/thing"));
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        r = run(client, postThing());
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        QCOMPARE(countOf(*server, "POST"), 2);
        hlc::test::evidence(QStringLiteral("%1: POST and DELETE dropped after receipt reached the server exactly "
                                           "once each and ended in an 'outcome unknown' error")
                                .arg(QLatin1String(tls ? "https (pinned)" : "http")));
    }

    /// A GET whose connection drops is still sent again (by Qt's channel or by ApiClient's bounded retries).
    void getStillRetriedWhenConnectionDrops()
    {
        Endpoint ep = endpointFor(*m_server);
        ep.maxRetries = 2;
        ApiClient client(m_nam, ep);
        ApiResponse r = get(client, QStringLiteral("/thing"));
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        Fault drop;
        drop.reset = true;
        drop.times = 1;
        m_server->setFault("GET", QStringLiteral("/api/thing"), drop);
        r = get(client, QStringLiteral("/thing"));
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        QVERIFY(!r.error.outcomeUnknown);
        QCOMPARE(countOf(*m_server, "GET"), 3); // the first poll, the dropped one, the one answered
        hlc::test::evidence(QStringLiteral("GET dropped once after receipt: answered on the next send (attempts "
                                           "counted by ApiClient: %1)")
                                .arg(r.attempts));
    }

    /// Actions work normally, each on a fresh connection; reads keep sharing the keep-alive connection.
    void actionsWorkAndReadsKeepAlive_data() { transport_data(); }
    void actionsWorkAndReadsKeepAlive()
    {
        QFETCH(bool, tls);
        QByteArray pin;
        auto server = makeServer(tls, &pin);
        QVERIFY(server);
        Endpoint ep = endpointFor(*server, AuthScheme::PveTicket);
        ep.pinnedSha256 = pin;
        ApiClient client(m_nam, ep);

        for (int i = 0; i < 3; ++i) {
            const ApiResponse r = get(client, QStringLiteral("/thing"));
            QVERIFY2(r.ok(), qPrintable(r.error.detail));
        }
        const int afterReads = server->connectionsAccepted();
        QCOMPARE(afterReads, 1);

        for (int i = 0; i < 2; ++i) {
            const ApiResponse r = run(client, postThing("{\"n\":" + QByteArray::number(i) + "}"));
            QVERIFY2(r.ok(), qPrintable(r.error.detail));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, "{\"got\":{\"n\":" + QByteArray::number(i) + "}}");
        }
        ApiRequest del;
        del.method = "DELETE";
        del.path = QStringLiteral("/thing");
        ApiResponse r = run(client, del);
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        QCOMPARE(r.body, QByteArray(R"({"deleted":true})"));

        const QList<SimRequest> seen = server->requests();
        QCOMPARE(countOf(*server, "POST"), 2);
        QCOMPARE(countOf(*server, "DELETE"), 1);
        for (const SimRequest& q : seen) {
            if (q.method == "GET")
                continue;
            QCOMPARE(q.header("connection").toLower(), QByteArray("close"));
            QCOMPARE(q.header("cookie"), "PVEAuthCookie=" + QUrl::toPercentEncoding(kSecret)); // auth unchanged
            QCOMPARE(q.header("csrfpreventiontoken"), QByteArray("csrf-token-value"));
        }
        QCOMPARE(seen.at(3).header("content-length"), QByteArray("7")); // {"n":0}
        QCOMPARE(seen.at(5).header("content-length"), QByteArray("0"));
        const int afterActions = server->connectionsAccepted();
        QCOMPARE(afterActions, afterReads + 3); // one fresh connection per action

        r = get(client, QStringLiteral("/thing"));
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        QCOMPARE(server->connectionsAccepted(), afterActions); // the read reused the keep-alive connection
        hlc::test::evidence(QStringLiteral("%1: 3 reads on 1 connection, 3 actions on 3 fresh connections, then a "
                                           "read on the kept-alive one")
                                .arg(QLatin1String(tls ? "https (pinned)" : "http")));
    }

    /// Against a TLS server that prefers HTTP/2 in ALPN (as Portainer's Go server does), a read negotiates h2 (Qt's
    /// default) while an action stays on HTTP/1.1, where at-most-once is proven above; the action arrives once.
    void actionsNeverNegotiateHttp2()
    {
        QByteArray pin;
        auto server = std::make_unique<SimHttpServer>();
        addThingRoutes(*server);
        QString err;
        const auto id = sim::TlsIdentity::generate(QStringLiteral("localhost"), &err);
        QVERIFY2(!id.isNull(), qPrintable(err));
        server->setTlsIdentity(id);
        server->setAlpnProtocols({QByteArrayLiteral("h2"), QByteArrayLiteral("http/1.1")});
        QVERIFY(server->listen(true));
        Endpoint ep = endpointFor(*server);
        ep.pinnedSha256 = id.sha256Hex();
        ep.maxRetries = 0;
        ep.timeoutMs = 3000; // the h2 read below gets no answer from the HTTP/1.1-only simulator
        ApiClient client(m_nam, ep);

        // The action first: its connection must not offer h2, so the server settles on http/1.1 and answers.
        ApiResponse r = run(client, postThing());
        QVERIFY2(r.ok(), qPrintable(r.error.detail));
        QCOMPARE(countOf(*server, "POST"), 1);
        QVERIFY(hlc::test::waitFor([&] { return !server->negotiatedProtocols().isEmpty(); }));
        // Qt offers no ALPN at all once HTTP/2 is not allowed (""), or http/1.1 alone: never h2.
        const QByteArray actionProtocol = server->negotiatedProtocols().first();
        QVERIFY2(actionProtocol.isEmpty() || actionProtocol == "http/1.1", actionProtocol.constData());

        // A read on the same server: Qt offers h2 and the server picks it (the simulator then cannot answer it,
        // which does not matter here: the negotiation is what this proves possible).
        const int before = static_cast<int>(server->negotiatedProtocols().size());
        (void)get(client, QStringLiteral("/thing"));
        QVERIFY(hlc::test::waitFor([&] { return server->negotiatedProtocols().size() > before; }));
        QCOMPARE(server->negotiatedProtocols().at(before), QByteArray("h2"));
        QCOMPARE(countOf(*server, "POST"), 1);
        hlc::test::evidence(QStringLiteral("TLS server offering ALPN h2: an action negotiated %1 and arrived once; a "
                                           "read on the same server negotiated %2")
                                .arg(actionProtocol.isEmpty() ? QStringLiteral("no ALPN protocol (HTTP/1.1)")
                                                              : QString::fromLatin1(actionProtocol),
                                     QString::fromLatin1(server->negotiatedProtocols().at(before))));
    }

    /// Answers that make Qt want to rewind the body (307/308 redirect, an authentication challenge) keep their
    /// HTTP meaning for actions: the one-shot body must not turn them into "outcome unknown".
    void actionRedirectAndChallengeKeepTheirStatus_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("307") << 307 << int(ApiError::Kind::Rejected);
        QTest::newRow("308") << 308 << int(ApiError::Kind::Rejected);
        QTest::newRow("401 Basic challenge") << 401 << int(ApiError::Kind::Auth);
    }
    void actionRedirectAndChallengeKeepTheirStatus()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        const QByteArray target = m_server->baseUrl().toString().toUtf8() + "/elsewhere";
        m_server->route("POST", QStringLiteral("/api/answer"), [status, target](const SimRequest&) {
            SimResponse r = SimResponse::json(status, R"({"message":"nope"})");
            if (status == 401)
                r.headers << qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Basic realm=\"sim\""));
            else
                r.headers << qMakePair(QByteArray("Location"), target);
            return r;
        });
        ApiClient client(m_nam, endpointFor(*m_server));
        ApiRequest req = postThing();
        req.path = QStringLiteral("/answer");
        const ApiResponse r = run(client, req);
        QCOMPARE(int(r.error.kind), kind);
        QCOMPARE(r.status, status);
        QVERIFY(!r.error.outcomeUnknown);
        QTest::qWait(100);
        QCOMPARE(countOf(*m_server, "POST"), 1);
    }

    /// TLS policy for actions is unchanged: an unpinned untrusted certificate rejects the action before any byte.
    void actionOverUntrustedTlsIsNotSent()
    {
        QByteArray pin;
        auto server = makeServer(true, &pin);
        QVERIFY(server);
        ApiClient client(m_nam, endpointFor(*server)); // no pin
        const ApiResponse r = run(client, postThing());
        QCOMPARE(r.error.kind, ApiError::Kind::Tls);
        QCOMPARE(r.error.tlsFingerprint, pin);
        QVERIFY(!r.error.outcomeUnknown);
        QCOMPARE(server->requests().size(), 0);

        client.setPinnedSha256(QByteArray(64, 'b')); // wrong pin
        const ApiResponse wrong = run(client, postThing());
        QCOMPARE(wrong.error.kind, ApiError::Kind::Tls);
        QCOMPARE(server->requests().size(), 0);
    }

    void actionTimeoutAndRefusedSayWhetherItWasSent()
    {
        Endpoint ep = endpointFor(*m_server);
        ep.timeoutMs = 300;
        ep.maxRetries = 2;
        ApiClient client(m_nam, ep);
        Fault hang;
        hang.hang = true;
        m_server->setFault("POST", QStringLiteral("/api/thing"), hang);
        ApiResponse r = run(client, postThing());
        QCOMPARE(r.error.kind, ApiError::Kind::Timeout);
        QVERIFY(r.error.outcomeUnknown);
        QCOMPARE(r.error.message, QStringLiteral("127.0.0.1:%1 did not answer within 0.3 s. The action may or may "
                                                 "not have been carried out: check its current state before "
                                                 "trying again.")
                                      .arg(m_server->port()));
        QCOMPARE(countOf(*m_server, "POST"), 1);

        m_server->close(); // nothing listens: the action provably never left
        r = run(client, postThing());
        QCOMPARE(r.error.kind, ApiError::Kind::Network);
        QVERIFY(!r.error.outcomeUnknown);
        QVERIFY2(r.error.message.contains(QStringLiteral("connection refused")), qPrintable(r.error.message));
    }

    void cleanupTestCase()
    {
        if (m_tally.allPassed())
            hlc::test::evidence(
                QStringLiteral("transport fault paths (hang/timeout, reset, refused, 4xx/5xx, truncated, "
                               "oversized, redirect) against the simulator over real sockets on "
                               "127.0.0.1: all %1 cases passed")
                    .arg(m_tally.passed()));
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "TestApiClient.moc"
