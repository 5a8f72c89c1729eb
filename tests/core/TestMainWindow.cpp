// The first vertical slice, in-process: simulator -> clients -> Homelab -> MainWindow, over real loopback sockets.
#include "TestUtil.h"

#include "DemoSetup.h"
#include "SimHomeAssistant.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "core/AttentionBar.h"
#include "core/CertificateTrustDialog.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"
#include "guests/ActionRunner.h"
#include "guests/GuestInventory.h"
#include "guests/HostMonitor.h"
#include "overview/HostCard.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kStatusRoute = QStringLiteral("/api2/json/nodes/{node}/status");
}

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Homelab> m_homelab;
    std::unique_ptr<MainWindow> m_window;
    hlc::test::PassTally m_tally;

    HostCard* panel(const QString& hostId) const
    {
        return m_window->findChild<HostCard*>(QStringLiteral("hostCard_%1").arg(hostId));
    }
    static QFrame* banner(HostCard* p) { return p->findChild<QFrame*>(QStringLiteral("proxmoxErrorBanner")); }
    static QString bannerText(HostCard* p) { return p->findChild<QLabel*>(QStringLiteral("proxmoxErrorText"))->text(); }

    void startApp(const Config& config)
    {
        m_homelab = std::make_unique<Homelab>(config, QString(), m_secrets.get(), m_nam.get());
        m_window = std::make_unique<MainWindow>(m_homelab.get());
        m_window->show();
        m_homelab->start();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<sim::Simulator>();
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        demo::storeSecrets(*m_sim, m_secrets.get());
    }

    void cleanup()
    {
        m_tally.count();
        m_window.reset();
        m_homelab.reset();
        for (const auto& ep : m_sim->endpoints())
            m_sim->server(ep.hostId, ep.kind)->clearFaults();
    }

    void panelsShowLiveNumbers()
    {
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 500;
        startApp(config);
        QCOMPARE(m_window->hostPanels().size(), 2);
        QSignalSpy first(m_window.get(), &MainWindow::firstDataShown);
        QVERIFY(waitFor([this] { return m_window->allPanelsHaveData(); }));
        for (const QString& id : {QStringLiteral("host-a"), QStringLiteral("host-b")}) {
            HostCard* p = panel(id);
            QVERIFY(p);
            const auto* cpu = p->findChild<QLabel*>(QStringLiteral("cpuValue"));
            QVERIFY2(cpu->text().contains(QStringLiteral("%")), qPrintable(cpu->text()));
            QVERIFY(p->findChild<QLabel*>(QStringLiteral("memoryValue"))->text().contains(QStringLiteral("%")));
            QVERIFY(p->findChild<QLabel*>(QStringLiteral("uptimeLabel"))->text() != QStringLiteral("–"));
            QCOMPARE(p->findChild<QLabel*>(QStringLiteral("nodeStatus"))->text(), QStringLiteral("online"));
            QVERIFY(!banner(p)->isVisible());
        }
        QCOMPARE(panel(QStringLiteral("host-a"))->findChild<QLabel*>(QStringLiteral("hostTitle"))->text(),
                 QStringLiteral("pve-thinkpad"));
        // Live: the uptime moves between refreshes.
        HostMonitor* a = m_homelab->host(QStringLiteral("host-a"));
        const qint64 up1 = a->nodeStatus()->uptime.value_or(-1);
        QVERIFY(up1 >= 0);
        QVERIFY(waitFor([a, up1] { return a->nodeStatus()->uptime.value_or(-1) > up1; }, 5000));
    }

    void failingSourceShowsBannerAndRecovers()
    {
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 500;
        startApp(config);
        QVERIFY(waitFor([this] { return m_window->allPanelsHaveData(); }));

        sim::Fault f;
        f.status = 500;
        auto* server = m_sim->server(QStringLiteral("host-a"), QStringLiteral("proxmox"));
        server->setFault("GET", kStatusRoute, f);
        HostCard* a = panel(QStringLiteral("host-a"));
        HostCard* b = panel(QStringLiteral("host-b"));
        // Fresh: the clock time of the last answer (changes once per poll, not every second).
        QVERIFY2(
            b->findChild<QLabel*>(QStringLiteral("freshnessLabel"))->text().startsWith(QStringLiteral("Updated at ")),
            qPrintable(b->findChild<QLabel*>(QStringLiteral("freshnessLabel"))->text()));
        QVERIFY(waitFor([a] { return banner(a)->isVisible(); }));
        QVERIFY2(bannerText(a).contains(QStringLiteral("HTTP 500")), qPrintable(bannerText(a)));
        QCOMPARE(a->findChild<QLabel*>(QStringLiteral("nodeStatus"))->text(),
                 QStringLiteral("unreachable (stale data)"));
        QVERIFY(a->findChild<QLabel*>(QStringLiteral("freshnessLabel"))->text().startsWith(QStringLiteral("Stale")));
        // The numbers stay visible (stale), and the other host is unaffected.
        QVERIFY(a->findChild<QLabel*>(QStringLiteral("memoryValue"))->text().contains(QStringLiteral("%")));
        QVERIFY(!banner(b)->isVisible());

        // The route hangs: a timeout is reported as such.
        server->clearFaults();
        sim::Fault hang;
        hang.hang = true;
        server->setFault("GET", kStatusRoute, hang);
        QVERIFY(waitFor([a] { return bannerText(a).contains(QStringLiteral("did not answer")); }, 15000));

        server->clearFaults();
        QVERIFY(waitFor([a] { return !banner(a)->isVisible(); }, 15000));
        QCOMPARE(a->findChild<QLabel*>(QStringLiteral("nodeStatus"))->text(), QStringLiteral("online"));
    }

    void untrustedCertificateCanBeTrusted()
    {
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 500;
        for (HostConfig& h : config.hosts) {
            for (ServiceConfig& s : h.services)
                s.pinnedSha256.clear();
        }
        startApp(config);
        HostCard* a = panel(QStringLiteral("host-a"));
        QVERIFY(waitFor([a] { return banner(a)->isVisible(); }));
        QVERIFY2(bannerText(a).contains(QStringLiteral("not trusted")), qPrintable(bannerText(a)));
        auto* trust = a->findChild<QPushButton*>(QStringLiteral("trustCertificateButton"));
        QVERIFY(trust->isVisible());

        QByteArray expected;
        for (const auto& ep : m_sim->endpoints()) {
            if (ep.hostId == QLatin1String("host-a") && ep.kind == QLatin1String("proxmox"))
                expected = ep.tlsSha256;
        }

        // Declining keeps it rejected.
        trust->click();
        auto* dialog = qobject_cast<CertificateTrustDialog*>(m_window->attentionBar()->openDialog());
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        auto* fingerprint = dialog->findChild<QLabel*>(QStringLiteral("certificateFingerprint"));
        QVERIFY(fingerprint);
        QCOMPARE(fingerprint->text().replace(QLatin1Char('\n'), QLatin1Char(':')),
                 CertificateInfo::groupFingerprint(expected));
        dialog->findChild<QPushButton*>(QStringLiteral("cancelButton"))->click();
        QVERIFY(!m_window->attentionBar()->openDialog());
        QTest::qWait(700);
        QVERIFY(!a->hasData());

        trust->click();
        dialog = qobject_cast<CertificateTrustDialog*>(m_window->attentionBar()->openDialog());
        QVERIFY(dialog);
        dialog->findChild<QPushButton*>(QStringLiteral("trustCertificateButton"))->click();
        QVERIFY(waitFor([a] { return a->hasData() && !banner(a)->isVisible(); }));
        const QByteArray pinned = m_homelab->host(QStringLiteral("host-a"))->proxmoxService()->pinnedSha256;
        QCOMPARE(pinned, expected);
        // The other host still asks: trust is per endpoint.
        QVERIFY(!panel(QStringLiteral("host-b"))->hasData());
    }

    void wrongSecretOffersToEnterIt()
    {
        auto secrets = std::make_unique<SecretStore>();
        secrets->setSessionOnly(true);
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 500;
        for (const HostConfig& h : config.hosts)
            secrets->write(secretKey(h.id, QStringLiteral("proxmox")), QStringLiteral("wrong"), nullptr,
                           [](const SecretResult&) {});
        m_homelab = std::make_unique<Homelab>(config, QString(), secrets.get(), m_nam.get());
        m_window = std::make_unique<MainWindow>(m_homelab.get());
        m_window->show();
        m_homelab->start();
        HostCard* a = panel(QStringLiteral("host-a"));
        QVERIFY(waitFor([a] { return banner(a)->isVisible(); }));
        QVERIFY2(bannerText(a).contains(QStringLiteral("401")), qPrintable(bannerText(a)));
        QVERIFY(a->findChild<QPushButton*>(QStringLiteral("enterSecretButton"))->isVisible());
        QVERIFY(!bannerText(a).contains(QStringLiteral("wrong")));
        // The right secret, as the user would type it, recovers the panel.
        QString right;
        for (const auto& ep : m_sim->endpoints()) {
            if (ep.hostId == QLatin1String("host-a") && ep.kind == QLatin1String("proxmox"))
                right = ep.secret;
        }
        m_homelab->setSecret(QStringLiteral("host-a"), QStringLiteral("proxmox"), right);
        QVERIFY(waitFor([a] { return a->hasData() && !banner(a)->isVisible(); }));
        m_window.reset();
        m_homelab.reset();
    }

    // The Overview's "all answering" is the probes AND the API clients: a Portainer API answering 403 or unreadable
    // JSON, or a Home Assistant refusing the token, shows on the host card although every probe answers.
    void overviewShowsApiFailures()
    {
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 500;
        startApp(config);
        const QString hostId = QStringLiteral("host-a");
        auto* summary = m_window->findChild<QWidget*>(QStringLiteral("hostCard_%1").arg(hostId));
        QVERIFY(summary);
        auto* down = summary->findChild<QLabel*>(QStringLiteral("servicesLink"));
        auto* api = summary->findChild<QLabel*>(QStringLiteral("apiFailuresLabel"));
        QVERIFY(down && api);
        QVERIFY(waitFor([down] { return down->text().startsWith(QLatin1String("all ")); }, 20000));
        const QString allAnswering = down->text();
        QVERIFY(api->isHidden());
        QString portainerId, haId;
        for (const ServiceConfig& sc : config.host(hostId)->services) {
            if (sc.kind == ServiceKind::Portainer)
                portainerId = sc.id;
            if (sc.kind == ServiceKind::HomeAssistant)
                haId = sc.id;
        }
        QVERIFY(!portainerId.isEmpty() && !haId.isEmpty());
        ServiceDirectory* services = m_homelab->services();
        auto* portainer = m_sim->server(hostId, QStringLiteral("portainer"));

        // Portainer's API refuses the token (403) while its health probe still answers.
        sim::Fault forbidden;
        forbidden.status = 403;
        portainer->setFault("GET", QStringLiteral("*"), forbidden);
        QVERIFY(
            waitFor([api] { return api->isVisible() && api->text().startsWith(QLatin1String("Portainer API: ")); }));
        QVERIFY2(services->apiFailure(hostId, portainerId)->kind == ApiError::Kind::Auth, qPrintable(api->text()));
        QVERIFY2(down->text().contains(QLatin1String("answering")) && !down->text().contains(QLatin1String("all ")),
                 qPrintable(down->text()));
        const QString forbiddenText = api->text();
        const QString downFailing = down->text();

        // Answers that cannot be read.
        sim::Fault garbage;
        garbage.body = sim::Fault::Body::Malformed;
        portainer->clearFaults();
        portainer->setFault("GET", QStringLiteral("*"), garbage);
        QVERIFY(waitFor([&] {
            const auto f = services->apiFailure(hostId, portainerId);
            return f && f->kind == ApiError::Kind::Parse && api->text().startsWith(QLatin1String("Portainer API: "));
        }));
        portainer->clearFaults();
        QVERIFY(waitFor([api] { return api->isHidden(); }));
        QCOMPARE(down->text(), allAnswering);

        // Home Assistant rejects the token (the connection drops; the client comes back with a token that is wrong).
        auto* ha = m_sim->findChild<sim::SimHomeAssistant*>();
        QVERIFY(ha);
        services->applySecret(hostId, haId, QStringLiteral("not-the-token"));
        ha->dropConnections();
        QVERIFY(
            waitFor([api] { return api->isVisible() && api->text().contains(QLatin1String("Home Assistant API: ")); }));
        QVERIFY(!down->text().contains(QLatin1String("all ")));
        const QString haText = api->text();
        services->applySecret(hostId, haId, m_sim->endpoint(hostId, QStringLiteral("homeassistant")).secret);
        QVERIFY(waitFor([api] { return api->isHidden(); }));
        QCOMPARE(down->text(), allAnswering);
        hlc::test::evidence(QStringLiteral("host card with every probe up: \"%1\" / \"%2\"; with HA's token "
                                           "rejected: \"%3\"; after recovery: \"%4\"")
                                .arg(downFailing, forbiddenText, haText, allAnswering));
    }

    void actionResultInStatusBarOnceWithHostName()
    {
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 500;
        startApp(config);
        GuestInventory* inv = m_homelab->inventory(QStringLiteral("host-a"));
        QVERIFY(waitFor([inv] { return !inv->guests().isEmpty(); }));
        std::optional<pve::Resource> guest;
        for (const pve::Resource& g : inv->guests()) {
            if (g.type == QLatin1String("qemu") && g.status == QLatin1String("running"))
                guest = g;
        }
        QVERIFY(guest);
        const QString label = ActionRunner::guestTarget(QStringLiteral("host-a"), *guest).label;
        // Offscreen there is no tray: the action's notification goes to the window's status bar.
        QVERIFY(m_homelab->actions()->runGuestAction(QStringLiteral("host-a"), *guest, pve::GuestAction::Stop));
        QVERIFY(waitFor([this] { return m_window->statusBar()->currentMessage().contains(QLatin1String("stop")); }));
        const QString text = m_window->statusBar()->currentMessage();
        QCOMPARE(text, QStringLiteral("%1 on pve-thinkpad: stop finished: OK").arg(label));
        QCOMPARE(text.count(label), 1);
        QVERIFY2(!text.contains(QLatin1String("host-a")), qPrintable(text));
        hlc::test::evidence(QStringLiteral("status bar after a stop: \"%1\"").arg(text));
        QVERIFY(m_homelab->actions()->runGuestAction(QStringLiteral("host-a"), *guest, pve::GuestAction::Start));
        QVERIFY(waitFor([this] { return m_window->statusBar()->currentMessage().contains(QLatin1String("start")); }));
    }

    void cleanupTestCase()
    {
        if (m_tally.allPassed())
            hlc::test::evidence(QStringLiteral("main window: two host panels fed live by the simulator over HTTPS; "
                                               "error banner on a failing route (500, hang) and recovery; certificate "
                                               "trust and secret entry flows: all %1 cases passed")
                                    .arg(m_tally.passed()));
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
