// Request economy: a failing server is polled less often (doubling up to 60 s, back to the refresh interval on the
// first answer), and closing the window to the tray slows the polls only the window needs while the tray's own
// (alerts, probes, agent runs, containers) keep their pace. The pacing arithmetic alone, a HostMonitor against the
// simulated Proxmox answering 500, and the demo homelab behind a real MainWindow that is hidden and shown.
#include "ProxmoxSim.h"
#include "PveSimFixture.h"
#include "TestUtil.h"

#include "AppSession.h"
#include "AppShell.h"
#include "agents/LlmMonitor.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/PollPacer.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"
#include "guests/HostMonitor.h"
#include "home/AdGuardMonitor.h"
#include "home/HomeServices.h"
#include "metrics/MetricsMonitor.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kNode = QStringLiteral("pve-thinkpad");
const QString kTokenUser = QStringLiteral("monitor@pve!hlc");
const QString kTokenSecret = QStringLiteral("5f1b7c2e-0000-4000-8000-pacer0000001");
} // namespace

class TestPollPacer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QStandardPaths::setTestModeEnabled(true);
    }

    void backoffDoublesAndResets()
    {
        QTimer timer;
        PollPacer pacer(&timer, nullptr);
        pacer.setIntervalMs(5000);
        QCOMPARE(pacer.currentMs(), 5000);
        QCOMPARE(timer.interval(), 5000);
        QList<int> waits;
        for (int i = 0; i < 6; ++i) {
            pacer.pollFinished(false);
            waits << timer.interval();
        }
        QCOMPARE(waits, (QList<int>{10000, 20000, 40000, 60000, 60000, 60000}));
        QCOMPARE(pacer.failures(), 6);
        pacer.pollFinished(true);
        QCOMPARE(timer.interval(), 5000);
        QCOMPARE(pacer.failures(), 0);

        // In the background a view's poll waits 6 times its interval; a failure there waits the longer of the two.
        QSignalSpy changed(&pacer, &PollPacer::paceChanged);
        pacer.setBackground(true);
        QCOMPARE(timer.interval(), 30000);
        pacer.pollFinished(false);
        pacer.pollFinished(false);
        QCOMPARE(timer.interval(), 30000); // 20 s of backoff < 30 s of background
        pacer.pollFinished(false);
        QCOMPARE(timer.interval(), 40000);
        pacer.setBackground(false);
        QCOMPARE(timer.interval(), 40000);
        pacer.pollFinished(true);
        QCOMPARE(timer.interval(), 5000);
        QCOMPARE(changed.size(), 3); // 30 s, 40 s, 5 s: only changes are signalled

        // An interval above the limit is never shortened by it.
        pacer.setIntervalMs(120000);
        pacer.pollFinished(false);
        QCOMPARE(timer.interval(), 120000);
    }

    /// A poller with viewers keeps its pace only while one of them is on screen; without viewers it follows the window.
    void viewersPaceThePoll()
    {
        QTimer timer;
        PollPacer pacer(&timer, nullptr);
        pacer.setIntervalMs(5000);
        auto card = std::make_unique<QObject>();
        QObject charts;
        pacer.addViewer(card.get());
        pacer.addViewer(&charts);
        QCOMPARE(pacer.viewerCount(), 2);
        QVERIFY(pacer.inBackground()); // added hidden: nobody sees the data yet
        QCOMPARE(timer.interval(), 5000 * PollPacer::kBackgroundFactor);
        pacer.setViewerVisible(card.get(), true);
        QVERIFY(!pacer.inBackground());
        QCOMPARE(timer.interval(), 5000);
        pacer.setViewerVisible(&charts, true);
        pacer.setViewerVisible(card.get(), false);
        QCOMPARE(timer.interval(), 5000); // one viewer on screen is enough
        pacer.setViewerVisible(&charts, false);
        QCOMPARE(timer.interval(), 5000 * PollPacer::kBackgroundFactor);
        // Destroyed viewers are forgotten: with none left the window alone decides.
        card.reset();
        pacer.removeViewer(&charts);
        QCOMPARE(pacer.viewerCount(), 0);
        QVERIFY(!pacer.inBackground());
        QCOMPARE(timer.interval(), 5000);
        pacer.setBackground(true);
        QCOMPARE(timer.interval(), 5000 * PollPacer::kBackgroundFactor);
        hlc::test::evidence(QStringLiteral("viewers: %1 ms while one is on screen, %2 ms while all are hidden; "
                                           "forgotten when destroyed")
                                .arg(5000)
                                .arg(5000 * PollPacer::kBackgroundFactor));
    }

    void failingProxmoxIsAskedLessOften()
    {
        hlc::test::PveSimFixture pve;
        QVERIFY(pve.start(this, {kNode}, kTokenUser, kTokenSecret));
        Config config;
        HostConfig host;
        host.id = QStringLiteral("host-a");
        host.name = kNode;
        host.services << pve.service(kNode, AuthScheme::PveToken, kTokenUser);
        config.hosts << host;
        QNetworkAccessManager nam;
        SecretStore secrets;
        secrets.setSessionOnly(true);
        bool stored = false;
        secrets.write(secretKey(host.id, host.services.first().id), kTokenSecret, nullptr,
                      [&stored](const SecretResult& r) { stored = r.ok(); });
        QVERIFY(waitFor([&stored] { return stored; }));
        ServiceDirectory services(config, &secrets, &nam);
        QSignalSpy applied(&services, &ServiceDirectory::secretApplied);
        services.start();
        QVERIFY(waitFor([&applied] { return applied.size() == 1; }));
        HostMonitor monitor(services.config().hosts.first(), &services);
        PollPacer* pacer = monitor.pacer();

        const QString route = sim::ProxmoxSim::apiPrefix() + QStringLiteral("/nodes/{node}/status");
        sim::Fault broken;
        broken.status = 500;
        pve.server->setFault("GET", route, broken);
        QList<int> waits;
        connect(pacer, &PollPacer::paceChanged, this, [&waits](int ms) { waits << ms; });
        monitor.start(1000);
        QVERIFY2(waitFor([pacer] { return pacer->failures() >= 3; }, 20000),
                 qPrintable(QString::number(pacer->failures())));
        QCOMPARE(monitor.proxmoxStatus().state, SourceStatus::State::Error);
        QCOMPARE(waits.mid(0, 4), (QList<int>{1000, 2000, 4000, 8000})); // start(1000), then three failures

        pve.server->clearFault("GET", route);
        monitor.refresh(); // the user's F5 (or the next tick) finds it answering again
        QVERIFY(waitFor([&monitor] { return monitor.proxmoxStatus().state == SourceStatus::State::Ok; }));
        QCOMPARE(pacer->failures(), 0);
        QCOMPARE(pacer->currentMs(), 1000);
        monitor.stop();
        hlc::test::evidence(QStringLiteral("Proxmox answering 500: polled after 1 s, then %1 ms between polls; "
                                           "back to 1000 ms on the first answer")
                                .arg([&waits] {
                                    QStringList s;
                                    for (int w : waits.mid(1, 3))
                                        s << QString::number(w);
                                    return s.join(QLatin1String(", "));
                                }()));
    }

    void hiddenWindowSlowsOnlyTheWindowsPolls()
    {
        QNetworkAccessManager nam;
        SecretStore secrets;
        secrets.setSessionOnly(true);
        AppSession session(&secrets, &nam);
        QString why;
        QVERIFY2(session.startDemo(&why), qPrintable(why));
        MainWindow window(session.homelab());
        shell::connectWindow(&session, &window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Homelab* lab = session.homelab();
        QVERIFY(!lab->inBackground());
        const int interval = lab->config().refreshIntervalMs;
        QVERIFY(!lab->hosts().isEmpty() && !lab->home()->adGuards().isEmpty());
        auto paced = [lab] {
            QList<PollPacer*> list{lab->metrics()->pacer(), lab->llm()->pacer()};
            for (HostMonitor* h : lab->hosts())
                list << h->pacer();
            for (AdGuardMonitor* a : lab->home()->adGuards())
                list << a->pacer();
            return list;
        };
        QVERIFY(waitFor([&window] { return window.allPanelsHaveData(); }, 30000));
        for (PollPacer* p : paced())
            QVERIFY2(p->currentMs() < interval * PollPacer::kBackgroundFactor,
                     qPrintable(QString::number(p->currentMs())));

        window.close(); // to the tray
        QVERIFY(lab->inBackground());
        for (PollPacer* p : paced()) {
            QVERIFY(p->inBackground());
            QVERIFY(p->currentMs() >= interval * PollPacer::kBackgroundFactor);
        }
        window.show();
        QVERIFY(!lab->inBackground());
        for (PollPacer* p : paced())
            QVERIFY(!p->inBackground());
        hlc::test::evidence(QStringLiteral("window closed to the tray: %1 view-only polls went from %2 ms to %3 ms, "
                                           "back when shown")
                                .arg(paced().size())
                                .arg(interval)
                                .arg(interval * PollPacer::kBackgroundFactor));
    }
};

QTEST_MAIN(TestPollPacer)
#include "TestPollPacer.moc"
