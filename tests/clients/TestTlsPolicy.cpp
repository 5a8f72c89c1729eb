// The one TLS acceptance policy, alone and over real loopback sockets against the simulator's HTTPS server: pin
// comparison, the leaf (never a certificate named in the errors) decides, the verify-name keying of connections, and
// the post-handshake check that refuses a certificate the system trusts when it is not the pinned one.
#include "TestUtil.h"
#include "core/TlsPolicy.h"

#include "SimHttpServer.h"
#include "TlsIdentity.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSslConfiguration>
#include <QStandardPaths>

#include <memory>
#include <optional>

using namespace hlc;
using hlc::sim::SimHttpServer;
using hlc::sim::SimRequest;
using hlc::sim::SimResponse;
using hlc::sim::TlsIdentity;
using hlc::test::waitFor;

namespace {

/// What one request through TlsPolicy::watch() ended with.
struct Outcome
{
    std::optional<TlsRejection> rejection;
    int rejections = 0;
    QList<QSslError> errors; ///< as Qt reported them to sslErrors
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray body;
};

TlsIdentity makeIdentity()
{
    QString err;
    TlsIdentity id = TlsIdentity::generate(QStringLiteral("localhost"), &err);
    if (id.isNull())
        qFatal("cannot generate a certificate: %s", qPrintable(err));
    return id;
}

} // namespace

class TestTlsPolicy : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager* m_nam = nullptr;
    TlsIdentity m_a;
    TlsIdentity m_b;

    /// A fresh HTTPS server presenting @p identity, answering GET /thing.
    std::unique_ptr<SimHttpServer> serve(const TlsIdentity& identity)
    {
        auto server = std::make_unique<SimHttpServer>();
        server->route("GET", QStringLiteral("/thing"),
                      [](const SimRequest&) { return SimResponse::json(200, R"({"ok":true})"); });
        server->setTlsIdentity(identity);
        if (!server->listen(true))
            qFatal("cannot listen: %s", qPrintable(server->errorString()));
        return server;
    }

    Outcome fetch(const QNetworkRequest& request, const TlsPolicy& policy)
    {
        Outcome o;
        QNetworkReply* reply = m_nam->get(request);
        connect(reply, &QNetworkReply::sslErrors, this, [&o](const QList<QSslError>& e) { o.errors = e; });
        policy.watch(reply, this, [&o](const TlsRejection& r) {
            o.rejection = r;
            ++o.rejections;
        });
        bool done = false;
        connect(reply, &QNetworkReply::finished, this, [&done] { done = true; });
        if (!waitFor([&] { return done; }, 10000))
            qFatal("request did not finish");
        o.error = reply->error();
        o.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        o.body = reply->readAll();
        reply->deleteLater();
        return o;
    }

    static QNetworkRequest requestFor(const SimHttpServer& server, const TlsPolicy& policy)
    {
        QNetworkRequest req(QUrl(server.baseUrl().toString() + QStringLiteral("/thing")));
        policy.prepare(req);
        return req;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_a = makeIdentity();
        m_b = makeIdentity();
        QVERIFY(m_a.sha256Hex() != m_b.sha256Hex());
    }

    void init()
    {
        // A fresh manager per case: no encrypted connection is reused from an earlier case.
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanup()
    {
        delete m_nam;
        m_nam = nullptr;
    }

    void pinComparison()
    {
        const TlsPolicy pinned(m_a.sha256Hex().toUpper());
        QVERIFY(pinned.isPinned());
        QCOMPARE(pinned.pin(), m_a.sha256Hex()); // stored lower-case
        QVERIFY(pinned.pinMatches(m_a.sha256Hex()));
        QVERIFY(pinned.pinMatches(m_a.sha256Hex().toUpper()));
        QVERIFY(!pinned.pinMatches(m_b.sha256Hex()));
        QVERIFY(!pinned.pinMatches(QByteArray()));
        QVERIFY(pinned.acceptsUnverified(m_a.certificate));
        QVERIFY(!pinned.acceptsUnverified(m_b.certificate));
        QVERIFY(!pinned.acceptsUnverified(QSslCertificate()));
        QVERIFY(pinned.acceptsEstablished(m_a.certificate));
        QVERIFY(!pinned.acceptsEstablished(m_b.certificate));
        QVERIFY(!pinned.acceptsEstablished(QSslCertificate()));

        const TlsPolicy unpinned;
        QVERIFY(!unpinned.isPinned());
        QVERIFY(!unpinned.pinMatches(m_a.sha256Hex()));
        QVERIFY(!unpinned.pinMatches(QByteArray()));
        QVERIFY(!unpinned.acceptsUnverified(m_a.certificate)); // without a pin, errors are never ignored
        QVERIFY(unpinned.acceptsEstablished(m_a.certificate)); // a chain the system verified is fine
    }

    void rejectionNamesCertificateAndPin()
    {
        const TlsRejection changed = TlsPolicy(m_b.sha256Hex()).rejection(m_a.certificate);
        QVERIFY(changed.pinMismatch());
        QCOMPARE(changed.pin, m_b.sha256Hex());
        QCOMPARE(changed.certificate.sha256, m_a.sha256Hex());
        QCOMPARE(changed.certificate.subject, QStringLiteral("localhost"));
        QVERIFY(changed.certificate.selfSigned);
        QVERIFY(changed.certificate.subjectAlternativeNames.contains(QStringLiteral("127.0.0.1")));
        QVERIFY(changed.certificate.notAfter > QDateTime::currentDateTimeUtc());
        const ApiError e = changed.toError(QStringLiteral("127.0.0.1:8443"), QStringLiteral("GET /thing"));
        QCOMPARE(e.kind, ApiError::Kind::Tls);
        QCOMPARE(e.tlsFingerprint, m_a.sha256Hex());
        QCOMPARE(e.tlsCertificate.sha256, m_a.sha256Hex());
        QCOMPARE(e.tlsPinnedSha256, m_b.sha256Hex());
        QCOMPARE(e.message, QStringLiteral("The certificate of 127.0.0.1:8443 changed: it is not the one you trusted. "
                                           "New SHA-256 fingerprint: %1")
                                .arg(QString::fromLatin1(m_a.sha256Hex())));

        const ApiError untrusted =
            TlsPolicy().rejection(m_a.certificate).toError(QStringLiteral("127.0.0.1:8443"), QStringLiteral("GET /"));
        QVERIFY(untrusted.tlsPinnedSha256.isEmpty());
        QCOMPARE(untrusted.message,
                 QStringLiteral("The certificate of 127.0.0.1:8443 is not trusted (self-signed or unknown issuer). "
                                "SHA-256 fingerprint: %1")
                     .arg(QString::fromLatin1(m_a.sha256Hex())));
    }

    void prepareKeysConnectionsByPin()
    {
        const QUrl url(QStringLiteral("https://127.0.0.1:8006/api2/json"));
        QNetworkRequest unpinned(url);
        TlsPolicy().prepare(unpinned);
        QCOMPARE(unpinned.sslConfiguration().peerVerifyMode(), QSslSocket::VerifyPeer);
        QVERIFY(unpinned.peerVerifyName().isEmpty()); // the host itself: hostname verification as usual
        QNetworkRequest unpinnedAction(url);
        TlsPolicy().prepare(unpinnedAction, true);
        QCOMPARE(unpinnedAction.peerVerifyName(), QStringLiteral("127.0.0.1"));

        const TlsPolicy pinned(m_a.sha256Hex());
        QNetworkRequest get(url);
        pinned.prepare(get);
        QCOMPARE(get.sslConfiguration().peerVerifyMode(), QSslSocket::VerifyPeer);
        QCOMPARE(get.peerVerifyName(),
                 QStringLiteral("127.0.0.1.pin-") + QString::fromLatin1(m_a.sha256Hex().left(16)));
        QNetworkRequest action(url);
        pinned.prepare(action, true);
        QCOMPARE(action.peerVerifyName(), get.peerVerifyName() + QStringLiteral(".action"));
        QNetworkRequest other(url);
        TlsPolicy(m_b.sha256Hex()).prepare(other);
        QVERIFY(other.peerVerifyName() != get.peerVerifyName());
    }

    void unpinnedSelfSignedIsRefused()
    {
        auto server = serve(m_a);
        const TlsPolicy policy;
        const Outcome o = fetch(requestFor(*server, policy), policy);
        QVERIFY(o.rejection.has_value());
        QVERIFY(!o.rejection->pinMismatch());
        QVERIFY(!o.rejection->afterHandshake);
        QCOMPARE(o.rejection->certificate.sha256, m_a.sha256Hex());
        QCOMPARE(o.error, QNetworkReply::SslHandshakeFailedError);
        QVERIFY(server->connectionsAccepted() >= 1);
        QCOMPARE(server->requests().size(), 0);
    }

    void pinnedSelfSignedIsAccepted()
    {
        auto server = serve(m_a);
        const TlsPolicy policy(m_a.sha256Hex());
        const Outcome o = fetch(requestFor(*server, policy), policy);
        QVERIFY(!o.rejection.has_value());
        QVERIFY(!o.errors.isEmpty()); // self-signed: errors were raised, and ignored for the pinned leaf
        QCOMPARE(o.error, QNetworkReply::NoError);
        QCOMPARE(o.status, 200);
        QCOMPARE(o.body, QByteArray(R"({"ok":true})"));
        QCOMPARE(server->requests().size(), 1);
    }

    /// The server presents another leaf with the pinned certificate further down its chain: only the leaf counts.
    void pinnedCertificateInTheChainIsNotTheLeaf()
    {
        TlsIdentity impostor = m_b;
        impostor.chain = {m_a.certificate};
        auto server = serve(impostor);
        const TlsPolicy policy(m_a.sha256Hex());
        const Outcome o = fetch(requestFor(*server, policy), policy);
        QVERIFY(o.rejection.has_value());
        QVERIFY(o.rejection->pinMismatch());
        QCOMPARE(o.rejection->certificate.sha256, m_b.sha256Hex());
        QCOMPARE(o.rejection->pin, m_a.sha256Hex());
        QVERIFY(o.error != QNetworkReply::NoError);
        QCOMPARE(server->requests().size(), 0);
        QStringList named;
        for (const QSslError& e : o.errors)
            named << QString::fromLatin1(TlsPolicy::sha256Hex(e.certificate()).left(12));
        hlc::test::evidence(
            qPrintable(QStringLiteral("chain [leaf %1, pinned %2]: errors name %3; refused, leaf reported")
                           .arg(QString::fromLatin1(m_b.sha256Hex().left(12)),
                                QString::fromLatin1(m_a.sha256Hex().left(12)), named.join(QLatin1Char(',')))));
    }

    /// A chain the system trusts passes verification without a single error; the pin still decides afterwards.
    void trustedChainButNotThePinIsRefusedAfterTheHandshake()
    {
        auto server = serve(m_a);
        QNetworkRequest req(QUrl(server->baseUrl().toString() + QStringLiteral("/thing")));
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setPeerVerifyMode(QSslSocket::VerifyPeer);
        trusting.addCaCertificate(m_a.certificate); // as if a public CA had issued it: the name 127.0.0.1 matches
        req.setSslConfiguration(trusting);

        // Unpinned, the trusted chain is accepted as it is.
        const Outcome plain = fetch(req, TlsPolicy());
        QVERIFY(plain.errors.isEmpty());
        QVERIFY(!plain.rejection.has_value());
        QCOMPARE(plain.status, 200);
        QCOMPARE(server->requests().size(), 1);

        // Pinned to another certificate: refused once encrypted, before the request is sent.
        server->clearRequests();
        delete m_nam; // no reuse of the connection accepted above
        m_nam = new QNetworkAccessManager(this);
        const Outcome changed = fetch(req, TlsPolicy(m_b.sha256Hex()));
        QVERIFY(changed.errors.isEmpty());
        QVERIFY(changed.rejection.has_value());
        QCOMPARE(changed.rejections, 1);
        QVERIFY(changed.rejection->afterHandshake);
        QVERIFY(changed.rejection->pinMismatch());
        QCOMPARE(changed.rejection->certificate.sha256, m_a.sha256Hex());
        QCOMPARE(changed.error, QNetworkReply::OperationCanceledError);
        QCOMPARE(changed.status, 0);
        QCOMPARE(server->requests().size(), 0);

        // Pinned to it: accepted.
        delete m_nam;
        m_nam = new QNetworkAccessManager(this);
        const Outcome same = fetch(req, TlsPolicy(m_a.sha256Hex()));
        QVERIFY(!same.rejection.has_value());
        QCOMPARE(same.status, 200);
        hlc::test::evidence("TlsPolicy over loopback TLS: a system-trusted chain with another pin is refused after "
                            "the handshake, before any request byte");
    }
};

QTEST_GUILESS_MAIN(TestTlsPolicy)
#include "TestTlsPolicy.moc"
