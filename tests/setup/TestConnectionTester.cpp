// "Test connection" against the simulator on 127.0.0.1: every kind's success with its version and fact, and each
// failure kind with the step that failed and what it carries (certificate, pin, privilege, URL tried).

#include "DemoSetup.h"
#include "PveSimFixture.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "setup/ConnectionTester.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace hlc;

namespace {

const QString kUser = QStringLiteral("monitor@pve!setup");
const QString kSecret = QStringLiteral("3f1c2b7a-0d5e-4c8b-9a61-setup-secret");

quint16 closedPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

const TestStep* stepOf(const TestReport& r, TestStep::Kind kind)
{
    for (const TestStep& s : r.steps) {
        if (s.kind == kind)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestConnectionTester final : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    test::PveSimFixture m_pve;
    const QString m_node = QStringLiteral("pve-thinkpad");

    TestReport run(const ServiceConfig& s, const QString& secret)
    {
        ConnectionTester tester(&m_nam);
        QSignalSpy spy(&tester, &ConnectionTester::finished);
        tester.test(s, secret);
        if (!test::waitForCount(spy, 1, 30000))
            return TestReport{s, {}, TestReport::Failure::Unexpected, {}, {}, {}, QStringLiteral("no report")};
        const auto report = spy.first().first().value<TestReport>();
        // No secret in anything the report says.
        if (!secret.isEmpty())
            QTest::qVerify(!report.toText().contains(secret), "secret in report", "", __FILE__, __LINE__);
        return report;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<TestReport>();
        QVERIFY(m_pve.start(this, {m_node}, kUser, kSecret));
    }

    void cleanup() { m_pve.pve->denyPrivilege(QStringLiteral("/nodes/%1/status").arg(m_node), {}); }

    void proxmoxSuccess()
    {
        const TestReport r = run(m_pve.service(m_node, AuthScheme::PveToken, kUser), kSecret);
        QVERIFY2(r.ok(), qPrintable(r.toText()));
        QCOMPARE(r.steps.size(), 4); // address, connect, TLS, API
        QCOMPARE(stepOf(r, TestStep::Kind::Resolve)->detail, QStringLiteral("127.0.0.1"));
        QCOMPARE(stepOf(r, TestStep::Kind::Tls)->status, TestStep::Status::Ok);
        QVERIFY(!r.version.isEmpty());
        QVERIFY2(r.fact.contains(QLatin1String("1 node")), qPrintable(r.fact));
        test::evidence(QStringLiteral("Proxmox test over TLS: version %1, %2").arg(r.version, r.fact));
    }

    void refused()
    {
        ServiceConfig s = m_pve.service(m_node, AuthScheme::PveToken, kUser);
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        QUrl u = s.baseUrl;
        u.setPort(port);
        s.baseUrl = u;
        const TestReport r = run(s, kSecret);
        QCOMPARE(r.failure, TestReport::Failure::Refused);
        QCOMPARE(stepOf(r, TestStep::Kind::Connect)->status, TestStep::Status::Failed);
        QCOMPARE(stepOf(r, TestStep::Kind::Tls)->status, TestStep::Status::Skipped);
        QCOMPARE(stepOf(r, TestStep::Kind::Http)->status, TestStep::Status::Skipped);
        test::evidence(QStringLiteral("refused port %1: %2").arg(port).arg(stepOf(r, TestStep::Kind::Connect)->detail));
    }

    void timeout()
    {
        // Listens (the kernel completes the handshake) but never reads or answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        ServiceConfig s;
        s.id = QStringLiteral("prometheus");
        s.kind = ServiceKind::Prometheus;
        s.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
        s.timeoutMs = 1500;
        const TestReport r = run(s, {});
        QCOMPARE(r.failure, TestReport::Failure::Timeout);
        QCOMPARE(stepOf(r, TestStep::Kind::Connect)->status, TestStep::Status::Ok);
        QCOMPARE(stepOf(r, TestStep::Kind::Http)->status, TestStep::Status::Failed);
        test::evidence(QStringLiteral("silent port: %1").arg(stepOf(r, TestStep::Kind::Http)->detail));
    }

    void tlsUntrustedThenTrusted()
    {
        ServiceConfig s = m_pve.service(m_node, AuthScheme::PveToken, kUser);
        s.pinnedSha256.clear();
        const int requestsBefore = static_cast<int>(m_pve.server->requests().size());
        const TestReport r = run(s, kSecret);
        QCOMPARE(r.failure, TestReport::Failure::TlsUntrusted);
        QCOMPARE(r.certificate.sha256, m_pve.server->tlsIdentity().sha256Hex());
        QCOMPARE(stepOf(r, TestStep::Kind::Http)->status, TestStep::Status::Skipped);
        QCOMPARE(static_cast<int>(m_pve.server->requests().size()), requestsBefore); // no request, no secret sent
        // The user trusts it: the pin from the report makes the retry succeed.
        s.pinnedSha256 = r.certificate.sha256;
        const TestReport again = run(s, kSecret);
        QVERIFY2(again.ok(), qPrintable(again.toText()));
        test::evidence(QStringLiteral("untrusted self-signed certificate %1 reported, trusted on retry")
                           .arg(r.certificate.groupedFingerprint().left(23)));
    }

    void tlsChanged()
    {
        ServiceConfig s = m_pve.service(m_node, AuthScheme::PveToken, kUser);
        s.pinnedSha256 = QByteArray(64, 'a');
        const int requestsBefore = static_cast<int>(m_pve.server->requests().size());
        const TestReport r = run(s, kSecret);
        QCOMPARE(r.failure, TestReport::Failure::TlsChanged);
        QCOMPARE(r.pinnedSha256, QByteArray(64, 'a'));
        QCOMPARE(r.certificate.sha256, m_pve.server->tlsIdentity().sha256Hex());
        QCOMPARE(static_cast<int>(m_pve.server->requests().size()), requestsBefore);
        test::evidence(
            QStringLiteral("changed certificate: pin %1... vs %2...")
                .arg(QString::fromLatin1(r.pinnedSha256.left(8)), QString::fromLatin1(r.certificate.sha256.left(8))));
    }

    void hostnameMismatch()
    {
        // A certificate this system trusts (added as a CA for this process) that names another host only.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess openssl;
        openssl.setWorkingDirectory(dir.path());
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                       QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("key.pem"),
                       QStringLiteral("-out"), QStringLiteral("cert.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=pve.example.invalid"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=DNS:pve.example.invalid")});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile certFile(dir.filePath(QStringLiteral("cert.pem")));
        QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        sim::TlsIdentity id;
        id.certificate = QSslCertificate(certFile.readAll());
        id.key = QSslKey(keyFile.readAll(), QSsl::Ec);
        QVERIFY(!id.isNull());

        auto* server = new sim::SimHttpServer(this);
        server->setTlsIdentity(id);
        QVERIFY(server->listen(true));
        const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusted = before;
        trusted.addCaCertificate(id.certificate);
        QSslConfiguration::setDefaultConfiguration(trusted);

        ServiceConfig s;
        s.id = QStringLiteral("prometheus");
        s.kind = ServiceKind::Prometheus;
        s.baseUrl = server->baseUrl();
        const TestReport r = run(s, {});
        QSslConfiguration::setDefaultConfiguration(before);
        QCOMPARE(r.failure, TestReport::Failure::TlsHostname);
        QVERIFY2(stepOf(r, TestStep::Kind::Tls)->detail.contains(QLatin1String("pve.example.invalid")),
                 qPrintable(r.toText()));
        test::evidence(QStringLiteral("hostname mismatch: %1").arg(stepOf(r, TestStep::Kind::Tls)->detail));
    }

    void unauthorized()
    {
        const QString wrong = QStringLiteral("wrong-secret-0000");
        const TestReport r = run(m_pve.service(m_node, AuthScheme::PveToken, kUser), wrong);
        QCOMPARE(r.failure, TestReport::Failure::Unauthorized);
        QCOMPARE(stepOf(r, TestStep::Kind::Tls)->status, TestStep::Status::Ok);
        QCOMPARE(stepOf(r, TestStep::Kind::Http)->status, TestStep::Status::Failed);
        QVERIFY(stepOf(r, TestStep::Kind::Http)->detail.contains(QLatin1String("401")));
        test::evidence(QStringLiteral("wrong secret: %1").arg(stepOf(r, TestStep::Kind::Http)->detail));
    }

    void forbiddenNamesPrivilege()
    {
        m_pve.pve->denyPrivilege(QStringLiteral("/nodes/%1/status").arg(m_node), QStringLiteral("Sys.Audit"));
        const TestReport r = run(m_pve.service(m_node, AuthScheme::PveToken, kUser), kSecret);
        QCOMPARE(r.failure, TestReport::Failure::Forbidden);
        QCOMPARE(r.missingPrivilege, QStringLiteral("Sys.Audit"));
        QVERIFY(stepOf(r, TestStep::Kind::Http)->next.contains(QLatin1String("Sys.Audit")));
        test::evidence(QStringLiteral("403 names the privilege: %1").arg(stepOf(r, TestStep::Kind::Http)->detail));
    }

    void wrongPath()
    {
        ServiceConfig s = m_pve.service(m_node, AuthScheme::PveToken, kUser);
        QUrl u = s.baseUrl;
        u.setPath(QStringLiteral("/api2"));
        s.baseUrl = u;
        const TestReport r = run(s, kSecret);
        QCOMPARE(r.failure, TestReport::Failure::WrongPath);
        QCOMPARE(r.expectedPath, QStringLiteral("/api2/json"));
        QCOMPARE(r.triedUrl.path(), QStringLiteral("/api2/version"));
        QVERIFY(stepOf(r, TestStep::Kind::Http)->next.contains(QLatin1String("/api2/json")));
        test::evidence(QStringLiteral("wrong path: tried %1, expected %2").arg(r.triedUrl.path(), r.expectedPath));
    }

    void replacedTestReportsOnlyTheNewOne()
    {
        QTcpServer silent; // the first test would hang here
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        ServiceConfig hanging;
        hanging.id = QStringLiteral("prometheus");
        hanging.kind = ServiceKind::Prometheus;
        hanging.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort()));
        hanging.timeoutMs = 1500;
        ConnectionTester tester(&m_nam);
        QSignalSpy spy(&tester, &ConnectionTester::finished);
        tester.test(hanging, {});
        QVERIFY(test::waitFor([&silent] { return silent.hasPendingConnections(); }));
        tester.test(m_pve.service(m_node, AuthScheme::PveToken, kUser), kSecret);
        QVERIFY(test::waitForCount(spy, 1, 30000));
        QTest::qWait(2500); // past the first test's timeout: it must not report
        QCOMPARE(spy.count(), 1);
        const auto report = spy.first().first().value<TestReport>();
        QVERIFY2(report.ok(), qPrintable(report.toText()));
        QCOMPARE(report.service.kind, ServiceKind::Proxmox);
        test::evidence(QStringLiteral("a replaced test stays silent; the new one: %1").arg(report.fact));
    }

    void eachKindWithTheSimulator()
    {
        sim::Simulator simulator;
        simulator.setTickIntervalMs(0);
        QString error;
        QVERIFY2(simulator.start(&error), qPrintable(error));
        const Config config = demo::configFor(simulator);
        QSet<int> seen;
        QStringList facts;
        for (const HostConfig& h : config.hosts) {
            for (const ServiceConfig& s : h.services) {
                const QString secret = s.kind == ServiceKind::N8n ? QString() : simulator.endpoint(h.id, s.id).secret;
                const TestReport r = run(s, secret);
                QVERIFY2(r.ok(), qPrintable(h.id + QLatin1Char('/') + s.id + QLatin1Char('\n') + r.toText()));
                QVERIFY2(!r.fact.isEmpty(), qPrintable(s.id));
                seen.insert(static_cast<int>(s.kind));
                facts << QStringLiteral("%1/%2: %3%4")
                             .arg(h.id, s.id, r.version.isEmpty() ? QString() : r.version + QStringLiteral(", "),
                                  r.fact);
            }
        }
        QCOMPARE(seen.size(), 9);
        test::evidence(QStringLiteral("all nine kinds tested OK: ") + facts.join(QStringLiteral("; ")));
    }

    void cleartextRefusedSendsNothing()
    {
        sim::Simulator simulator;
        simulator.setTickIntervalMs(0);
        QVERIFY(simulator.start());
        const Config config = demo::configFor(simulator);
        const ServiceConfig* adguard = config.service(QStringLiteral("host-a"), QStringLiteral("adguard"));
        QVERIFY(adguard);
        ServiceConfig s = *adguard;
        QVERIFY(cleartextAuth(s));
        QVERIFY(s.allowCleartextAuth); // the demo allows it (loopback)
        s.allowCleartextAuth = false;
        sim::SimHttpServer* server = simulator.server(QStringLiteral("host-a"), QStringLiteral("adguard"));
        const int accepted = server->connectionsAccepted();
        const QString secret = simulator.endpoint(QStringLiteral("host-a"), QStringLiteral("adguard")).secret;
        const TestReport r = run(s, secret);
        QCOMPARE(r.failure, TestReport::Failure::CleartextRefused);
        QCOMPARE(r.steps.first().kind, TestStep::Kind::Cleartext);
        QCOMPARE(server->connectionsAccepted(), accepted); // not even a connection
        s.allowCleartextAuth = true;
        const TestReport allowed = run(s, secret);
        QVERIFY2(allowed.ok(), qPrintable(allowed.toText()));
        QCOMPARE(allowed.steps.first().kind, TestStep::Kind::Cleartext);
        QCOMPARE(allowed.steps.first().status, TestStep::Status::Ok);
        test::evidence(QStringLiteral("cleartext refused with 0 connections; allowed: %1").arg(allowed.fact));
    }
};

QTEST_GUILESS_MAIN(TestConnectionTester)
#include "TestConnectionTester.moc"
