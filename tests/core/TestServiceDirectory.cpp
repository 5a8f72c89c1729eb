// The service directory against the simulator over real sockets: one client per (host, service) whoever uses it,
// secrets read once and applied there, and every kind of "needs the user" item emitted once with its fields.

#include "TestUtil.h"

#include "MetricsSimFixture.h"
#include "ProxmoxSim.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "TlsIdentity.h"
#include "agents/LlmMonitor.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"
#include "guests/HostMonitor.h"
#include "metrics/AlertCenter.h"
#include "metrics/MetricsMonitor.h"
#include "prometheus/PrometheusClient.h"
#include "proxmox/ProxmoxClient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kTokenUser = QStringLiteral("monitor@pve!homelab-control");
const QString kTokenSecret = QStringLiteral("0d9b7c1a-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
const QString kNode = QStringLiteral("pve-thinkpad");
const QString kHost = QStringLiteral("host-a");
const QString kPve = QStringLiteral("proxmox");
const QByteArray kPromAuth = "Bearer prom-tok-42";

Attention attentionAt(const QSignalSpy& spy, qsizetype i)
{
    return spy.at(i).at(0).value<Attention>();
}
} // namespace

class TestServiceDirectory : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager* m_nam = nullptr;
    sim::SimHomelab* m_lab = nullptr;
    sim::SimHttpServer* m_pveServer = nullptr;
    test::MetricsSimFixture m_metrics;

    /// host-a with a Proxmox service on the simulator's HTTPS server (token auth), pinned to @p pin.
    [[nodiscard]] Config proxmoxConfig(const QByteArray& pin, sim::SimHttpServer* server = nullptr) const
    {
        HostConfig host;
        host.id = kHost;
        host.name = kNode;
        ServiceConfig p;
        p.id = kPve;
        p.kind = ServiceKind::Proxmox;
        QUrl url = (server ? server : m_pveServer)->baseUrl();
        url.setPath(sim::ProxmoxSim::apiPrefix());
        p.baseUrl = url;
        p.auth = AuthScheme::PveToken;
        p.user = kTokenUser;
        p.pinnedSha256 = pin;
        p.proxmoxNode = kNode;
        p.timeoutMs = 3000;
        host.services = {p};
        Config c;
        c.hosts << host;
        return c;
    }

    /// The metrics fixture's two hosts, sharing one Prometheus (Bearer auth) and no Alertmanager, so that the alert
    /// list falls back to that Prometheus too.
    [[nodiscard]] Config prometheusConfig() const
    {
        Config c = m_metrics.config(false);
        for (HostConfig& h : c.hosts) {
            for (ServiceConfig& s : h.services) {
                s.auth = AuthScheme::Bearer;
            }
        }
        return c;
    }

    static void keep(SecretStore& store, const QString& key, const QString& secret)
    {
        bool done = false;
        store.write(key, secret, nullptr, [&done](const SecretResult& r) { done = r.ok(); });
        QVERIFY(waitFor([&done] { return done; }));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<Attention>("hlc::Attention");
        // No session bus: a SecretStore that is not session-only finds no keychain (see keychainUnavailable()).
        // The other cases keep their secrets in memory (session-only), as the app does when the user chose it.
        for (const char* name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"})
            qunsetenv(name);
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hlc-test-no-bus");
        m_nam = new QNetworkAccessManager(this);
        m_lab = sim::SimHomelab::createSeeded(this);
        m_pveServer = new sim::SimHttpServer(this);
        QVERIFY(m_pveServer->listen(true));
        new sim::ProxmoxSim(m_lab, m_pveServer, {kNode}, kTokenUser, kTokenSecret, this);
        QVERIFY(m_metrics.start(this));
        m_metrics.prom->setRequiredAuthorization(kPromAuth);
    }

    void init()
    {
        m_pveServer->clearRequests();
        m_metrics.promServer->clearRequests();
    }

    void oneClientPerServiceForEveryUser()
    {
        SecretStore secrets;
        secrets.setSessionOnly(true);
        keep(secrets, secretKey(QStringLiteral("host-a"), QStringLiteral("prometheus")),
             QString::fromLatin1(kPromAuth.mid(7)));
        keep(secrets, secretKey(QStringLiteral("host-b"), QStringLiteral("prometheus")),
             QString::fromLatin1(kPromAuth.mid(7)));

        ServiceDirectory services(prometheusConfig(), &secrets, m_nam);
        QCOMPARE(services.clients().size(), 2); // host-a/prometheus, host-b/prometheus
        QCOMPARE(services.findChildren<prom::PrometheusClient*>().size(), 2);
        prom::PrometheusClient* a = services.prometheus(QStringLiteral("host-a"), QStringLiteral("prometheus"));
        QVERIFY(a);
        QCOMPARE(services.client<prom::PrometheusClient>(QStringLiteral("host-a"), QStringLiteral("prometheus")), a);
        QVERIFY(!services.proxmox(QStringLiteral("host-a"), QStringLiteral("prometheus")));

        // Every call of every client, to compare with what the simulator received.
        int calls = 0;
        for (ServiceClient* c : services.clients())
            connect(c->api(), &ApiClient::callFinished, this, [&calls] { ++calls; });
        QSignalSpy applied(&services, &ServiceDirectory::secretApplied);
        services.start();
        services.start(); // once is enough: nothing is read twice
        QVERIFY(waitFor([&applied] { return applied.size() == 2; }));
        QTest::qWait(50);
        QCOMPARE(applied.size(), 2);

        // Three subsystems on the same Prometheus: node metrics, the alert list (fallback) and the GPU charts.
        MetricsMonitor metrics(&services);
        AlertCenter alerts(&services, nullptr, nullptr);
        LlmMonitor llm(&services, nullptr, nullptr);
        QVERIFY(alerts.usingPrometheusFallback());
        QVERIFY(llm.hasPrometheus());
        QCOMPARE(metrics.findChildren<prom::PrometheusClient*>().size(), 0);
        QCOMPARE(alerts.findChildren<prom::PrometheusClient*>().size(), 0);
        QCOMPARE(llm.findChildren<prom::PrometheusClient*>().size(), 0);
        QSignalSpy latest(&metrics, &MetricsMonitor::latestUpdated);
        metrics.refresh();
        alerts.refresh();
        llm.refresh();
        QVERIFY(waitFor([&] { return latest.size() > 0 && alerts.status().lastAttempt.isValid(); }));
        QVERIFY(waitFor([&] { return calls >= 3 && calls == m_metrics.promServer->requests().size(); }));
        QTest::qWait(200);
        QCOMPARE(services.findChildren<prom::PrometheusClient*>().size(), 2);
        // Every request the simulator saw came through one of the directory's two clients, with the secret.
        QCOMPARE(calls, m_metrics.promServer->requests().size());
        for (const sim::SimRequest& r : m_metrics.promServer->requests())
            QCOMPARE(r.header("authorization"), kPromAuth);
        QCOMPARE(metrics.status(QStringLiteral("host-a")).state, SourceStatus::State::Ok);
        QCOMPARE(alerts.status().state, SourceStatus::State::Ok);
        QVERIFY(services.pendingAttention().isEmpty());
        hlc::test::evidence("one Prometheus client per (host, service) served MetricsMonitor, AlertCenter and "
                            "LlmMonitor; every request the simulated Prometheus received carried the one secret");
    }

    void secretMissingThenEntered()
    {
        SecretStore secrets;
        secrets.setSessionOnly(true); // holds nothing yet
        ServiceDirectory services(prometheusConfig(), &secrets, m_nam);
        QSignalSpy attention(&services, &ServiceDirectory::needsAttention);
        QSignalSpy unavailable(&services, &ServiceDirectory::secretUnavailable);
        services.start();
        QVERIFY(waitFor([&] { return unavailable.size() == 2; }));
        QCOMPARE(attention.size(), 2);
        const Attention a = attentionAt(attention, 0);
        QCOMPARE(a.kind, Attention::Kind::SecretMissing);
        QCOMPARE(a.hostId, QStringLiteral("host-a"));
        QCOMPARE(a.serviceId, QStringLiteral("prometheus"));
        QCOMPARE(a.serviceKind, ServiceKind::Prometheus);
        QVERIFY(!a.message.isEmpty());
        QCOMPARE(attentionAt(attention, 1).hostId, QStringLiteral("host-b"));
        QCOMPARE(services.pendingAttention().size(), 2);
        QCOMPARE(services.secretState(QStringLiteral("host-a"), QStringLiteral("prometheus")),
                 ServiceDirectory::SecretState::Unavailable);

        // A poll without the secret is refused (401) and does not add a second item for the same service.
        MetricsMonitor metrics(&services);
        QSignalSpy status(&metrics, &MetricsMonitor::statusChanged);
        metrics.refresh();
        QVERIFY(waitFor([&] { return metrics.status(QStringLiteral("host-a")).state == SourceStatus::State::Error; }));
        QCOMPARE(attention.size(), 2);

        QSignalSpy cleared(&services, &ServiceDirectory::attentionCleared);
        QSignalSpy applied(&services, &ServiceDirectory::secretApplied);
        services.setSecret(QStringLiteral("host-a"), QStringLiteral("prometheus"),
                           QString::fromLatin1(kPromAuth.mid(7)));
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(cleared.first().at(0).toString(), QStringLiteral("host-a"));
        QCOMPARE(applied.size(), 1);
        QCOMPARE(services.pendingAttention().size(), 1);
        metrics.refresh();
        QVERIFY(waitFor([&] { return metrics.status(QStringLiteral("host-a")).state == SourceStatus::State::Ok; }));
        // Stored for the session: a directory made later reads it.
        bool read = false;
        secrets.read(secretKey(QStringLiteral("host-a"), QStringLiteral("prometheus")), nullptr,
                     [&read](const SecretResult& r) { read = r.ok() && r.secret == QLatin1String("prom-tok-42"); });
        QVERIFY(waitFor([&read] { return read; }));
    }

    void secretRejected()
    {
        SecretStore secrets;
        secrets.setSessionOnly(true);
        keep(secrets, secretKey(kHost, kPve), QStringLiteral("wrong-token"));
        ServiceDirectory services(proxmoxConfig(m_pveServer->tlsIdentity().sha256Hex()), &secrets, m_nam);
        QSignalSpy attention(&services, &ServiceDirectory::needsAttention);
        QSignalSpy applied(&services, &ServiceDirectory::secretApplied);
        services.start();
        QVERIFY(waitFor([&] { return applied.size() == 1; }));
        HostMonitor monitor(services.config().hosts.first(), &services);
        monitor.refresh();
        QVERIFY(waitFor([&] { return monitor.proxmoxStatus().state == SourceStatus::State::Error; }));
        QCOMPARE(monitor.proxmoxStatus().error.httpStatus, 401);
        monitor.refresh();
        QVERIFY(waitFor([&] { return m_pveServer->requests().size() == 2; }));
        QTest::qWait(100);
        QCOMPARE(attention.size(), 1); // once, however often the poll is refused
        const Attention a = attentionAt(attention, 0);
        QCOMPARE(a.kind, Attention::Kind::SecretRejected);
        QCOMPARE(a.hostId, kHost);
        QCOMPARE(a.serviceId, kPve);
        QCOMPARE(a.serviceKind, ServiceKind::Proxmox);
        QVERIFY(!a.message.contains(QLatin1String("wrong-token")));

        QSignalSpy cleared(&services, &ServiceDirectory::attentionCleared);
        services.setSecret(kHost, kPve, kTokenSecret);
        QCOMPARE(cleared.size(), 1);
        QVERIFY(services.pendingAttention().isEmpty());
        monitor.refresh();
        QVERIFY(waitFor([&] { return monitor.proxmoxStatus().state == SourceStatus::State::Ok; }));
        QCOMPARE(attention.size(), 1);
    }

    void certificateUntrustedThenTrusted()
    {
        SecretStore secrets;
        secrets.setSessionOnly(true);
        keep(secrets, secretKey(kHost, kPve), kTokenSecret);
        ServiceDirectory services(proxmoxConfig({}), &secrets, m_nam);
        QSignalSpy attention(&services, &ServiceDirectory::needsAttention);
        QSignalSpy applied(&services, &ServiceDirectory::secretApplied);
        services.start();
        QVERIFY(waitFor([&] { return applied.size() == 1; }));
        HostMonitor monitor(services.config().hosts.first(), &services);
        monitor.refresh();
        QVERIFY(waitFor([&] { return monitor.proxmoxStatus().state == SourceStatus::State::Error; }));
        QCOMPARE(monitor.proxmoxStatus().error.kind, ApiError::Kind::Tls);
        monitor.refresh();
        QTest::qWait(300);
        QCOMPARE(attention.size(), 1);
        const Attention a = attentionAt(attention, 0);
        QCOMPARE(a.kind, Attention::Kind::CertificateUntrusted);
        QCOMPARE(a.hostId, kHost);
        QCOMPARE(a.serviceId, kPve);
        QCOMPARE(a.certificate.sha256, m_pveServer->tlsIdentity().sha256Hex());
        QVERIFY(!a.certificate.subject.isEmpty());
        QVERIFY(a.certificate.notAfter.isValid());
        QVERIFY(a.pinnedSha256.isEmpty());
        QCOMPARE(a.hostPort, QStringLiteral("127.0.0.1:%1").arg(m_pveServer->baseUrl().port()));
        QCOMPARE(services.pendingAttention(), QList<Attention>{a});
        QVERIFY(m_pveServer->requests().isEmpty()); // refused before any request

        QSignalSpy cleared(&services, &ServiceDirectory::attentionCleared);
        QSignalSpy changed(&services, &ServiceDirectory::configChanged);
        services.trustCertificate(kHost, kPve, a.certificate.sha256);
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).value<Config>().hosts.first().services.first().pinnedSha256,
                 m_pveServer->tlsIdentity().sha256Hex());
        QVERIFY(services.pendingAttention().isEmpty());
        monitor.refresh();
        QVERIFY(waitFor([&] { return monitor.proxmoxStatus().state == SourceStatus::State::Ok; }));
        QCOMPARE(attention.size(), 1);
    }

    void certificateChangedSendsNothing()
    {
        QString error;
        const sim::TlsIdentity other = sim::TlsIdentity::generate(QStringLiteral("other"), &error);
        QVERIFY2(!other.sha256Hex().isEmpty(), qPrintable(error));
        SecretStore secrets;
        secrets.setSessionOnly(true);
        keep(secrets, secretKey(kHost, kPve), kTokenSecret);
        ServiceDirectory services(proxmoxConfig(other.sha256Hex()), &secrets, m_nam);
        QSignalSpy attention(&services, &ServiceDirectory::needsAttention);
        QSignalSpy applied(&services, &ServiceDirectory::secretApplied);
        services.start();
        QVERIFY(waitFor([&] { return applied.size() == 1; }));
        HostMonitor monitor(services.config().hosts.first(), &services);
        monitor.refresh();
        QVERIFY(waitFor([&] { return monitor.proxmoxStatus().state == SourceStatus::State::Error; }));
        monitor.refresh();
        QTest::qWait(300);
        QCOMPARE(attention.size(), 1);
        const Attention a = attentionAt(attention, 0);
        QCOMPARE(a.kind, Attention::Kind::CertificateChanged);
        QCOMPARE(a.pinnedSha256, other.sha256Hex());
        QCOMPARE(a.certificate.sha256, m_pveServer->tlsIdentity().sha256Hex());
        QVERIFY(!a.message.isEmpty());
        // Neither a request nor the token went out to the certificate that is not the pinned one.
        QVERIFY(m_pveServer->requests().isEmpty());

        services.trustCertificate(kHost, kPve, a.certificate.sha256);
        monitor.refresh();
        QVERIFY(waitFor([&] { return monitor.proxmoxStatus().state == SourceStatus::State::Ok; }));
        QVERIFY(!m_pveServer->requests().isEmpty());
        QVERIFY(services.pendingAttention().isEmpty());
    }

    // The certificate of every HTTPS answer is kept (once per new certificate), and one that expires within 14 days
    // is listed (the attention strip and the inbox say "renew it"): the pinned simulator's is valid for 90 days,
    // another simulator's for 5.
    void peerCertificateExpiry()
    {
        const sim::TlsIdentity original = m_pveServer->tlsIdentity();
        SecretStore secrets;
        secrets.setSessionOnly(true);
        keep(secrets, secretKey(kHost, kPve), kTokenSecret);
        ServiceDirectory services(proxmoxConfig(original.sha256Hex()), &secrets, m_nam);
        QSignalSpy applied(&services, &ServiceDirectory::secretApplied);
        QSignalSpy seen(&services, &ServiceDirectory::peerCertificateChanged);
        services.start();
        QVERIFY(waitFor([&] { return applied.size() == 1; }));
        QVERIFY(services.peerCertificate(kHost, kPve).isNull()); // nothing answered yet
        HostMonitor monitor(services.config().hosts.first(), &services);
        monitor.refresh();
        QVERIFY(waitFor([&] { return monitor.proxmoxStatus().state == SourceStatus::State::Ok; }));
        QVERIFY(waitFor([&] { return seen.size() == 1; }));
        const CertificateInfo first = services.peerCertificate(kHost, kPve);
        QCOMPARE(first.sha256, original.sha256Hex());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const qint64 daysLeft = now.daysTo(first.notAfter);
        QVERIFY2(daysLeft >= 89 && daysLeft <= 90, qPrintable(QString::number(daysLeft)));
        QVERIFY(services.expiringCertificates(now).isEmpty());
        QCOMPARE(services.expiringCertificates(now.addDays(80)).size(), 1); // 10 days left then
        monitor.refresh();
        QVERIFY(waitFor([&] { return m_pveServer->requests().size() >= 2; }));
        QCOMPARE(seen.size(), 1); // the same certificate again is no news

        // A service whose certificate expires in 5 days.
        QString error;
        const sim::TlsIdentity soon = sim::TlsIdentity::generate(QStringLiteral("pve-soon"), &error, 5);
        QVERIFY2(!soon.isNull(), qPrintable(error));
        sim::SimHttpServer soonServer;
        soonServer.setTlsIdentity(soon);
        QVERIFY(soonServer.listen(true));
        sim::ProxmoxSim soonPve(m_lab, &soonServer, {kNode}, kTokenUser, kTokenSecret);
        ServiceDirectory soonServices(proxmoxConfig(soon.sha256Hex(), &soonServer), &secrets, m_nam);
        QSignalSpy soonApplied(&soonServices, &ServiceDirectory::secretApplied);
        soonServices.start();
        QVERIFY(waitFor([&] { return soonApplied.size() == 1; }));
        HostMonitor soonMonitor(soonServices.config().hosts.first(), &soonServices);
        soonMonitor.refresh();
        QVERIFY2(waitFor([&] { return soonMonitor.proxmoxStatus().state == SourceStatus::State::Ok; }),
                 qPrintable(soonMonitor.proxmoxStatus().error.detail));
        const QList<ServiceDirectory::PeerCertificate> expiring = soonServices.expiringCertificates(now);
        QCOMPARE(expiring.size(), 1);
        QCOMPARE(expiring.first().hostId, kHost);
        QCOMPARE(expiring.first().serviceId, kPve);
        QCOMPARE(expiring.first().certificate.sha256, soon.sha256Hex());
        QVERIFY(expiring.first().certificate.subject.contains(QStringLiteral("pve-soon")));
        const qint64 left = now.daysTo(expiring.first().certificate.notAfter);
        QVERIFY2(left >= 4 && left <= 5, qPrintable(QString::number(left)));
        hlc::test::evidence(QStringLiteral("peer certificates over real TLS: %1 days left on the simulator's, not "
                                           "expiring; another with %2 days left listed as expiring within 14")
                                .arg(daysLeft)
                                .arg(left));
    }

    void keychainUnavailable()
    {
        SecretStore secrets; // not session-only, and no session bus in this process
        secrets.setRetryDelay(50);
        ServiceDirectory services(prometheusConfig(), &secrets, m_nam);
        QSignalSpy attention(&services, &ServiceDirectory::needsAttention);
        QSignalSpy unavailable(&services, &ServiceDirectory::secretUnavailable);
        services.start();
        QVERIFY(waitFor([&] { return unavailable.size() == 2; }, 30000));
        QCOMPARE(attention.size(), 1); // one item for the keychain, not one per service
        const Attention a = attentionAt(attention, 0);
        QCOMPARE(a.kind, Attention::Kind::KeychainUnavailable);
        QVERIFY(a.hostId.isEmpty());
        QVERIFY(a.serviceId.isEmpty());
        QVERIFY(!a.message.isEmpty());

        // Keeping secrets for this session only: the keychain item goes, each service now lacks its secret.
        QSignalSpy cleared(&services, &ServiceDirectory::attentionCleared);
        services.useSessionOnlySecrets();
        QCOMPARE(cleared.size(), 1);
        QVERIFY(waitFor([&] { return attention.size() == 3; }));
        QCOMPARE(attentionAt(attention, 1).kind, Attention::Kind::SecretMissing);
        QCOMPARE(attentionAt(attention, 2).kind, Attention::Kind::SecretMissing);
        services.setSecret(QStringLiteral("host-b"), QStringLiteral("prometheus"), QStringLiteral("x"));
        QCOMPARE(services.pendingAttention().size(), 1);
        QCOMPARE(services.pendingAttention().first().hostId, QStringLiteral("host-a"));
    }

    void dismissedItemIsNotRaisedAgain()
    {
        SecretStore secrets;
        secrets.setSessionOnly(true);
        keep(secrets, secretKey(kHost, kPve), kTokenSecret);
        ServiceDirectory services(proxmoxConfig({}), &secrets, m_nam);
        QSignalSpy attention(&services, &ServiceDirectory::needsAttention);
        QSignalSpy cleared(&services, &ServiceDirectory::attentionCleared);
        QSignalSpy applied(&services, &ServiceDirectory::secretApplied);
        services.start();
        QVERIFY(waitFor([&] { return applied.size() == 1; }));
        HostMonitor monitor(services.config().hosts.first(), &services);
        monitor.refresh();
        QVERIFY(waitFor([&] { return attention.size() == 1; }));
        services.dismiss(attentionAt(attention, 0));
        QCOMPARE(cleared.size(), 1);
        QVERIFY(services.pendingAttention().isEmpty());
        monitor.refresh();
        QTest::qWait(300);
        QCOMPARE(attention.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestServiceDirectory)
#include "TestServiceDirectory.moc"
