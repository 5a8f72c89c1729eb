// SimHttpServer over real loopback sockets: routing, keep-alive, request parsing, every fault, TLS, streaming.
#include "SimHttpServer.h"
#include "SimStream.h"
#include "TlsIdentity.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using hlc::sim::Fault;
using hlc::sim::SimHttpServer;
using hlc::sim::SimRequest;
using hlc::sim::SimResponse;
using hlc::sim::SimStream;
using hlc::sim::TlsIdentity;

namespace {

struct Result
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray reason;
    QByteArray body;
    QList<QSslError> sslErrors;
    QSslCertificate peer;
    bool finished = false;
};

/// Runs one request to completion (or until @p timeoutMs, then aborts it).
Result fetch(QNetworkAccessManager* nam, QNetworkRequest request, const QByteArray& method = "GET",
             const QByteArray& body = {}, const QByteArray& pinSha256 = {}, int timeoutMs = 10000)
{
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply* reply = nam->sendCustomRequest(request, method, body);
    Result r;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&r, reply, pinSha256](const QList<QSslError>& errors) {
        r.sslErrors = errors;
        if (!pinSha256.isEmpty() && !errors.isEmpty() &&
            errors.first().certificate().digest(QCryptographicHash::Sha256).toHex() == pinSha256)
            reply->ignoreSslErrors(errors);
    });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    r.finished = finished.wait(timeoutMs);
    if (!r.finished) {
        reply->abort();
        if (finished.isEmpty())
            finished.wait(1000);
    }
    r.error = reply->error();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    r.body = reply->isOpen() ? reply->readAll() : QByteArray();
    r.peer = reply->sslConfiguration().peerCertificate();
    reply->deleteLater();
    return r;
}

QNetworkRequest req(const SimHttpServer& server, const QString& pathAndQuery)
{
    return QNetworkRequest(QUrl(server.baseUrl().toString() + pathAndQuery));
}

bool isJson(const QByteArray& body)
{
    QJsonParseError e{};
    QJsonDocument::fromJson(body, &e);
    return e.error == QJsonParseError::NoError;
}

/// Sends @p pieces as separate TCP writes on one raw connection and collects the answers (without blocking the
/// event loop, which the in-process server needs).
QByteArray rawExchange(quint16 port, const QList<QByteArray>& pieces, int expectedResponses,
                       const QByteArray& lastBytes = "}")
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray all;
    QElapsedTimer t;
    t.start();
    while (socket.state() != QAbstractSocket::ConnectedState && t.elapsed() < 3000)
        QTest::qWait(10);
    for (const QByteArray& piece : pieces) {
        socket.write(piece);
        socket.flush();
        QTest::qWait(30); // separate TCP segments, so the server sees several reads
        all += socket.readAll();
    }
    while ((all.count("HTTP/1.1 ") < expectedResponses || !all.endsWith(lastBytes)) && t.elapsed() < 5000) {
        QTest::qWait(10);
        all += socket.readAll();
    }
    return all;
}

} // namespace

class TestSimServer final : public QObject
{
    Q_OBJECT

private:
    SimHttpServer* m_server = nullptr;
    QNetworkAccessManager* m_nam = nullptr;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_server = new SimHttpServer(this);
        m_server->route("GET", QStringLiteral("/items/{id}/detail"), [](const SimRequest& r) {
            const QJsonObject o{{QStringLiteral("id"), r.params.value(QStringLiteral("id"))},
                                {QStringLiteral("q"), r.query.queryItemValue(QStringLiteral("q"))}};
            return SimResponse::json(200, QJsonDocument(o).toJson(QJsonDocument::Compact));
        });
        m_server->route("GET", QStringLiteral("/items/special/detail"),
                        [](const SimRequest&) { return SimResponse::text(200, "literal wins"); });
        m_server->route("POST", QStringLiteral("/echo"), [](const SimRequest& r) {
            SimResponse resp = SimResponse::json(201, r.body);
            resp.headers.append({"X-Body-Size", QByteArray::number(r.body.size())});
            return resp;
        });
        m_server->route("GET", QStringLiteral("/data"), [](const SimRequest&) {
            return SimResponse::json(200, R"({"data":{"name":"pve","values":[1,2,3,4,5,6,7,8,9,10]}})");
        });
        QVERIFY(m_server->listen());
        QVERIFY(m_server->port() > 0);
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanup()
    {
        delete m_nam;
        m_nam = nullptr;
        delete m_server;
        m_server = nullptr;
    }

    void baseUrl()
    {
        QCOMPARE(m_server->baseUrl().toString(), QStringLiteral("http://127.0.0.1:%1").arg(m_server->port()));
        QVERIFY(!m_server->isTls());
    }

    void routesAndParams()
    {
        Result r = fetch(m_nam, req(*m_server, QStringLiteral("/items/a%20b/detail?q=x%26y")));
        QCOMPARE(r.error, QNetworkReply::NoError);
        QCOMPARE(r.status, 200);
        const QJsonObject o = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("a b"));
        QCOMPARE(o.value(QStringLiteral("q")).toString(), QStringLiteral("x&y"));
        QCOMPARE(m_server->requests().size(), 1);
        QCOMPARE(m_server->requests().first().params.value(QStringLiteral("id")), QStringLiteral("a b"));
        QCOMPARE(m_server->requests().first().path, QStringLiteral("/items/a b/detail"));

        r = fetch(m_nam, req(*m_server, QStringLiteral("/items/special/detail")));
        QCOMPARE(r.body, QByteArray("literal wins"));
    }

    void notFoundAndMethodNotAllowed()
    {
        Result r = fetch(m_nam, req(*m_server, QStringLiteral("/nothing/here")));
        QCOMPARE(r.status, 404);
        QVERIFY(isJson(r.body));
        r = fetch(m_nam, req(*m_server, QStringLiteral("/items/1/detail")), "DELETE");
        QCOMPARE(r.status, 405);
        QVERIFY(isJson(r.body));
        r = fetch(m_nam, req(*m_server, QStringLiteral("/echo")), "GET");
        QCOMPARE(r.status, 405);
    }

    void keepAliveReusesOneConnection()
    {
        for (int i = 0; i < 5; ++i) {
            const Result r = fetch(m_nam, req(*m_server, QStringLiteral("/items/%1/detail").arg(i)));
            QCOMPARE(r.status, 200);
        }
        QCOMPARE(m_server->requests().size(), 5);
        QCOMPARE(m_server->connectionsAccepted(), 1);
    }

    void pipelinedAndSplitRequests()
    {
        const QByteArray one = "GET /items/1/detail HTTP/1.1\r\nHost: x\r\n\r\n";
        const QByteArray two = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                               "Content-Length: 13\r\n\r\n{\"k\":\"vvvv\"}\n";
        // both requests in one write, then one split across several writes (headers and body in pieces)
        QByteArray all = rawExchange(m_server->port(), {one + two}, 2, "\n");
        QCOMPARE(all.count("HTTP/1.1 "), 2);
        QVERIFY(all.contains("HTTP/1.1 201"));
        all = rawExchange(m_server->port(), {two.left(10), two.mid(10, 40), two.mid(50, 30), two.mid(80)}, 1, "\n");
        QVERIFY2(all.startsWith("HTTP/1.1 201 Created\r\n"), all.constData());
        QVERIFY(all.contains("X-Body-Size: 13"));
        QCOMPARE(m_server->requests().size(), 3);
        QCOMPARE(m_server->requests().last().body, QByteArray("{\"k\":\"vvvv\"}\n"));
    }

    void postBodyAndHeadersRecorded()
    {
        QNetworkRequest rq = req(*m_server, QStringLiteral("/echo"));
        rq.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        rq.setRawHeader("X-Custom-Thing", "Value-1");
        const QByteArray body = R"({"hello":"world","n":42})";
        QSignalSpy spy(m_server, &SimHttpServer::requestReceived);
        const Result r = fetch(m_nam, rq, "POST", body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.body, body);
        QCOMPARE(spy.size(), 1);
        const SimRequest got = m_server->requests().last();
        QCOMPARE(got.method, QByteArray("POST"));
        QCOMPARE(got.body, body);
        QCOMPARE(got.header("x-custom-thing"), QByteArray("Value-1"));
        QCOMPARE(got.header("content-type"), QByteArray("application/json"));
        QCOMPARE(got.header("content-length"), QByteArray::number(body.size()));
        m_server->clearRequests();
        QVERIFY(m_server->requests().isEmpty());
    }

    void faultLatency()
    {
        Fault f;
        f.latencyMs = 300;
        m_server->setFault("GET", QStringLiteral("/data"), f);
        QElapsedTimer t;
        t.start();
        const Result r = fetch(m_nam, req(*m_server, QStringLiteral("/data")));
        QVERIFY2(t.elapsed() >= 300, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(r.status, 200);
        QVERIFY(isJson(r.body));
    }

    void faultHangDoesNotBlock()
    {
        Fault f;
        f.hang = true;
        m_server->setFault("GET", QStringLiteral("/data"), f);
        QNetworkRequest rq = req(*m_server, QStringLiteral("/data"));
        rq.setTransferTimeout(400);
        QElapsedTimer t;
        t.start();
        const Result r = fetch(m_nam, rq);
        QVERIFY(t.elapsed() >= 350);
        QVERIFY(r.error == QNetworkReply::OperationCanceledError || r.error == QNetworkReply::TimeoutError);
        QCOMPARE(m_server->requests().size(), 1); // it was received and recorded
        // the event loop kept running: other routes answer meanwhile
        const Result ok = fetch(m_nam, req(*m_server, QStringLiteral("/items/7/detail")));
        QCOMPARE(ok.status, 200);
    }

    void faultReset()
    {
        Fault f;
        f.reset = true;
        m_server->setFault("GET", QStringLiteral("/data"), f);
        const Result r = fetch(m_nam, req(*m_server, QStringLiteral("/data")));
        QVERIFY2(r.error == QNetworkReply::RemoteHostClosedError || r.error == QNetworkReply::ConnectionRefusedError ||
                     r.error == QNetworkReply::UnknownNetworkError,
                 qPrintable(QString::number(r.error)));
        QCOMPARE(r.status, 0);
        // QNAM resends an idempotent request once when the connection drops before any answer byte
        QVERIFY(!m_server->requests().isEmpty());
        QVERIFY(m_server->requests().size() <= 2);
    }

    void faultStatusOverride()
    {
        Fault f;
        f.status = 503;
        m_server->setFault("GET", QStringLiteral("/data"), f);
        const Result r = fetch(m_nam, req(*m_server, QStringLiteral("/data")));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.error, QNetworkReply::ServiceUnavailableError);
        QVERIFY(isJson(r.body));
        QVERIFY(QJsonDocument::fromJson(r.body).object().contains(QStringLiteral("error")));
    }

    void faultMalformed()
    {
        Fault f;
        f.body = Fault::Body::Malformed;
        m_server->setFault("GET", QStringLiteral("/data"), f);
        const Result r = fetch(m_nam, req(*m_server, QStringLiteral("/data")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.error, QNetworkReply::NoError);
        QVERIFY(!r.body.isEmpty());
        QVERIFY(!isJson(r.body));
    }

    void faultTruncated()
    {
        Fault f;
        f.body = Fault::Body::Truncated;
        m_server->setFault("GET", QStringLiteral("/data"), f);
        const Result r = fetch(m_nam, req(*m_server, QStringLiteral("/data")));
        QVERIFY2(r.error != QNetworkReply::NoError, r.body.constData());
        QVERIFY(r.body.size() < 60);
        QVERIFY(!isJson(r.body));
    }

    void faultOversized()
    {
        Fault f;
        f.body = Fault::Body::Oversized;
        f.oversizedBytes = 3 * 1024 * 1024 + 7;
        m_server->setFault("GET", QStringLiteral("/data"), f);
        const Result r = fetch(m_nam, req(*m_server, QStringLiteral("/data")));
        QCOMPARE(r.error, QNetworkReply::NoError);
        QCOMPARE(r.body.size(), f.oversizedBytes);
        QVERIFY(isJson(r.body));
        // keep-alive still works after the big body
        QCOMPARE(fetch(m_nam, req(*m_server, QStringLiteral("/items/1/detail"))).status, 200);
    }

    void clientGoesAwayMidResponse()
    {
        Fault f; // default 80 MiB: the client stops after the first MiB
        f.body = Fault::Body::Oversized;
        m_server->setFault("GET", QStringLiteral("/data"), f);
        QNetworkReply* reply = m_nam->get(req(*m_server, QStringLiteral("/data")));
        qint64 received = 0;
        connect(reply, &QNetworkReply::readyRead, this, [&] {
            received += reply->readAll().size();
            if (received > 1024 * 1024)
                reply->abort();
        });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError);
        reply->deleteLater();
        QTRY_COMPARE(m_server->openConnections(), 0);
        m_server->clearFaults();
        QCOMPARE(fetch(m_nam, req(*m_server, QStringLiteral("/data"))).status, 200);
    }

    void faultTimesCountsDown()
    {
        Fault f;
        f.status = 500;
        f.times = 2;
        m_server->setFault("GET", QStringLiteral("/items/{id}/detail"), f);
        QCOMPARE(fetch(m_nam, req(*m_server, QStringLiteral("/items/1/detail"))).status, 500);
        QCOMPARE(fetch(m_nam, req(*m_server, QStringLiteral("/items/2/detail"))).status, 500);
        QCOMPARE(fetch(m_nam, req(*m_server, QStringLiteral("/items/3/detail"))).status, 200);
        QCOMPARE(fetch(m_nam, req(*m_server, QStringLiteral("/items/4/detail"))).status, 200);
    }

    void faultWildcardAndClear()
    {
        Fault f;
        f.status = 502;
        m_server->setFault("GET", QStringLiteral("*"), f);
        QCOMPARE(fetch(m_nam, req(*m_server, QStringLiteral("/data"))).status, 502);
        QCOMPARE(fetch(m_nam, req(*m_server, QStringLiteral("/items/1/detail"))).status, 502);
        QCOMPARE(fetch(m_nam, req(*m_server, QStringLiteral("/echo")), "POST", "{}").status, 201); // other method
        m_server->clearFault("GET", QStringLiteral("*"));
        QCOMPARE(fetch(m_nam, req(*m_server, QStringLiteral("/data"))).status, 200);
        m_server->setFault("GET", QStringLiteral("/data"), f);
        m_server->clearFaults();
        QCOMPARE(fetch(m_nam, req(*m_server, QStringLiteral("/data"))).status, 200);
    }

    void tlsPinning()
    {
        QString error;
        const TlsIdentity id = TlsIdentity::generate(QStringLiteral("localhost"), &error);
        QVERIFY2(!id.isNull(), qPrintable(error));
        QCOMPARE(id.sha256Hex().size(), 64);
        QCOMPARE(id.sha256Hex(), id.sha256Hex().toLower());
        QVERIFY(id.certificate.subjectAlternativeNames()
                    .values(QSsl::IpAddressEntry)
                    .contains(QStringLiteral("127.0.0.1")));

        SimHttpServer server;
        server.setTlsIdentity(id);
        server.route("GET", QStringLiteral("/ping"), [](const SimRequest&) { return SimResponse::json(200, "{}"); });
        QVERIFY(server.listen(true));
        QVERIFY(server.isTls());
        QCOMPARE(server.baseUrl().scheme(), QStringLiteral("https"));

        // unpinned: the self-signed certificate is rejected before any HTTP byte
        Result r = fetch(m_nam, req(server, QStringLiteral("/ping")));
        QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
        QVERIFY(!r.sslErrors.isEmpty());
        QVERIFY(server.requests().isEmpty());
        QCOMPARE(server.connectionsAccepted(), 1);

        // pinned: ignore exactly the reported errors when the digest matches
        r = fetch(m_nam, req(server, QStringLiteral("/ping")), "GET", {}, id.sha256Hex());
        QCOMPARE(r.error, QNetworkReply::NoError);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.peer.digest(QCryptographicHash::Sha256).toHex(), id.sha256Hex());

        // a wrong pin fails
        m_nam->clearConnectionCache();
        r = fetch(m_nam, req(server, QStringLiteral("/ping")), "GET", {}, QByteArray(64, 'a'));
        QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
    }

    void tlsIdentityChangeWhileListening()
    {
        SimHttpServer server;
        server.route("GET", QStringLiteral("/ping"), [](const SimRequest&) { return SimResponse::json(200, "{}"); });
        QVERIFY(server.listen(true)); // generates its own identity
        const TlsIdentity first = server.tlsIdentity();
        QVERIFY(!first.isNull());
        Result r = fetch(m_nam, req(server, QStringLiteral("/ping")), "GET", {}, first.sha256Hex());
        QCOMPARE(r.status, 200);

        const TlsIdentity second = TlsIdentity::generate();
        QVERIFY(!second.isNull());
        QVERIFY(second.sha256Hex() != first.sha256Hex());
        server.setTlsIdentity(second);
        m_nam->clearConnectionCache(); // a new connection sees the new certificate
        r = fetch(m_nam, req(server, QStringLiteral("/ping")), "GET", {}, first.sha256Hex());
        QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(r.sslErrors.first().certificate().digest(QCryptographicHash::Sha256).toHex(), second.sha256Hex());
        r = fetch(m_nam, req(server, QStringLiteral("/ping")), "GET", {}, second.sha256Hex());
        QCOMPARE(r.status, 200);
    }

    void streamServerSentEvents()
    {
        QPointer<SimStream> live;
        m_server->routeStream("GET", QStringLiteral("/events"), [&live](const SimRequest&, SimStream* stream) {
            live = stream;
            stream->writeHead(200, "text/event-stream");
            stream->write("data: 1\n\n");
            auto* timer = new QTimer(stream);
            timer->setInterval(80);
            QObject::connect(timer, &QTimer::timeout, stream, [stream, n = 1]() mutable {
                ++n;
                stream->write("data: " + QByteArray::number(n) + "\n\n");
                if (n == 4)
                    stream->end();
            });
            timer->start();
        });
        QNetworkRequest rq = req(*m_server, QStringLiteral("/events"));
        QNetworkReply* reply = m_nam->get(rq);
        QList<QByteArray> pieces;
        connect(reply, &QNetworkReply::readyRead, this, [&] { pieces.append(reply->readAll()); });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QTRY_VERIFY(!pieces.isEmpty());
        QVERIFY(finished.isEmpty()); // the first event arrived while the response is still open
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), QStringLiteral("text/event-stream"));
        QVERIFY2(pieces.size() >= 2, qPrintable(QString::number(pieces.size())));
        QCOMPARE(pieces.join(), QByteArray("data: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\n"));
        reply->deleteLater();
        // on the wire: chunked framing, and the same connection serves the next request after the stream ended
        const QByteArray raw = rawExchange(
            m_server->port(),
            {"GET /events HTTP/1.1\r\nHost: x\r\n\r\n", "GET /items/1/detail HTTP/1.1\r\nHost: x\r\n\r\n"}, 2);
        QVERIFY2(raw.contains("Transfer-Encoding: chunked\r\n"), raw.constData());
        QVERIFY(raw.contains("9\r\ndata: 1\n\n\r\n"));
        QVERIFY(raw.contains("0\r\n\r\nHTTP/1.1 200 OK\r\n"));
        QVERIFY(raw.endsWith("}"));
    }

    void streamClosedWhenClientGoesAway()
    {
        QPointer<SimStream> live;
        m_server->routeStream("GET", QStringLiteral("/forever"), [&live](const SimRequest&, SimStream* stream) {
            live = stream;
            stream->write("event: hello\ndata: {}\n\n");
        });
        QNetworkReply* reply = m_nam->get(req(*m_server, QStringLiteral("/forever")));
        QSignalSpy readyRead(reply, &QNetworkReply::readyRead);
        QVERIFY(readyRead.wait(5000));
        QVERIFY(live);
        QSignalSpy closed(live.data(), &SimStream::closed);
        reply->abort();
        reply->deleteLater();
        QVERIFY(closed.wait(5000) || !closed.isEmpty());
        QTRY_VERIFY(!live); // deleted with its connection
        live.clear();
        // writing to a closed stream is harmless (the handler may still hold the pointer via QPointer)
    }
};

QTEST_GUILESS_MAIN(TestSimServer)
#include "TestSimServer.moc"
