// The inbox sources of issue 16 beyond alerts, against the simulator over real HTTP on loopback: a Proxmox guest that
// is stopped although marked onboot, a Proxmox task that failed in the last day, a certificate expiring within 14
// days (injected clock), a container whose Docker restart count rises, and the older container (unhealthy,
// restarting) and probe-down items. Each is one inbox item and one notification, and a "Cleared" notification
// (same item key, so the desktop notification is replaced) when it clears. The Proxmox and Docker extras are read
// economically: a guest's configuration only while it is stopped, once; a container inspected only on a suspected
// restart.
#include "DemoSetup.h"
#include "PortainerSim.h"
#include "ProxmoxSim.h"
#include "ProxmoxTaskSim.h"
#include "SimDocker.h"
#include "SimHealthServices.h"
#include "SimHomelab.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "core/Homelab.h"
#include "core/NotificationCenter.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"
#include "guests/GuestInventory.h"
#include "home/HealthProber.h"
#include "home/HomeServices.h"
#include "metrics/AlertInbox.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

using namespace hlc;
using hlc::test::waitFor;

class TestInboxSources : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Homelab> m_homelab;

    sim::SimDocker* docker(const QString& hostId) const
    {
        const sim::ServiceEndpoint ep = m_sim->endpoint(hostId, QStringLiteral("portainer"));
        for (auto* p : m_sim->findChildren<sim::PortainerSim*>()) {
            if (p->docker() && p->docker()->endpointId() == ep.portainerEnvironment)
                return p->docker();
        }
        return nullptr;
    }
    sim::ProxmoxTaskSim* pveTasks(const QString& node) const
    {
        for (auto* p : m_sim->findChildren<sim::ProxmoxSim*>()) {
            if (p->clusterNodes().contains(node))
                return p->findChild<sim::ProxmoxTaskSim*>();
        }
        return nullptr;
    }
    GuestInventory* inventory() const { return m_homelab->inventory(QStringLiteral("host-a")); }
    static int countKey(const AlertInbox& inbox, const QString& key)
    {
        int n = 0;
        for (const InboxItem& i : inbox.items())
            n += i.key == key ? 1 : 0;
        return n;
    }
    /// Titles of the notifications posted about inbox item @p key, oldest first.
    QStringList notificationsFor(const QString& key) const
    {
        QStringList out;
        for (const Notification& n : m_homelab->notifications()->history()) {
            if (n.source == QLatin1String("inbox") && n.itemKey == key)
                out << n.title;
        }
        return out;
    }
    /// Refreshes host-a's inventory until @p done.
    bool refreshUntil(const std::function<bool()>& done, int timeoutMs = 20000)
    {
        return waitFor(
            [&] {
                inventory()->refresh();
                QTest::qWait(200);
                return done();
            },
            timeoutMs);
    }
    /// Two more polls change nothing: still one item and one notification for @p key.
    void assertSteady(const QString& key, int notifications)
    {
        for (int round = 0; round < 2; ++round) {
            QSignalSpy polled(inventory(), &GuestInventory::portainerUpdated);
            inventory()->refresh();
            QVERIFY(polled.wait(10000));
        }
        QCOMPARE(countKey(*m_homelab->inbox(), key), 1);
        QCOMPARE(notificationsFor(key).size(), notifications);
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
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 700;
        m_homelab = std::make_unique<Homelab>(config, QString(), m_secrets.get(), m_nam.get());
        for (const QString& host : {QStringLiteral("host-a"), QStringLiteral("host-b")}) {
            QVERIFY(m_homelab->inventory(host));
            m_homelab->inventory(host)->setTaskPollIntervalMs(500);
            m_homelab->inventory(host)->setRestartStableSeconds(3);
            m_homelab->inventory(host)->setOnbootGraceSeconds(0);
        }
        m_homelab->start();
        QVERIFY(docker(QStringLiteral("host-a")));
        QVERIFY(pveTasks(QStringLiteral("pve-thinkpad")));
        QVERIFY(waitFor([this] { return !inventory()->containers().isEmpty() && !inventory()->guests().isEmpty(); },
                        15000));
        QVERIFY(waitFor([this] { return inventory()->tasksStatus().state == SourceStatus::State::Ok; }, 15000));
    }

    void cleanupTestCase()
    {
        m_homelab.reset();
        m_sim.reset();
    }

    void stoppedOnbootGuestIsOneItemAndOneNotification()
    {
        AlertInbox* inbox = m_homelab->inbox();
        // The seed's stopped guests (backup, 202) are not onboot: no item for them.
        for (const InboxItem& i : inbox->items())
            QVERIFY2(!i.key.startsWith(QLatin1String("guest/")), qPrintable(i.key));
        const std::optional<sim::SimGuest> g = m_sim->homelab()->guest(101);
        QVERIFY(g && g->onboot && g->node == QLatin1String("pve-thinkpad") && g->status == QLatin1String("running"));
        const QString key = QStringLiteral("guest/host-a/101");
        const int readsBefore = inventory()->guestConfigReads();

        QVERIFY(m_sim->homelab()->setGuestStatus(101, QStringLiteral("stopped")));
        QVERIFY(refreshUntil([&] { return inbox->item(key) != nullptr; }));
        const InboxItem item = *inbox->item(key);
        QCOMPARE(item.source, InboxItem::Source::Proxmox);
        QCOMPARE(item.hostId, QStringLiteral("host-a"));
        QCOMPARE(item.severity, InboxItem::Severity::Warning);
        QCOMPARE(item.state, InboxItem::State::Open);
        QCOMPARE(item.summary, QStringLiteral("Guest 101 (%1) is stopped but marked to start at boot").arg(g->name));
        QVERIFY2(item.detail.contains(QLatin1String("Guests tab")), qPrintable(item.detail));
        QCOMPARE(item.target, QStringLiteral("qemu/101"));
        QVERIFY(item.since.isValid());
        QVERIFY(item.actions() & InboxItem::Open);
        QVERIFY(item.actions() & InboxItem::Acknowledge);
        QCOMPARE(notificationsFor(key), QStringList{item.summary});
        assertSteady(key, 1);
        // Its configuration was read once while it is stopped, not on every poll.
        const int reads = inventory()->guestConfigReads() - readsBefore;
        QCOMPARE(reads, 1);

        // Not onboot any more (the operator cleared "Start at boot"): read again only after the cache's 10 minutes,
        // so here it is started instead and the item clears.
        QVERIFY(m_sim->homelab()->setGuestStatus(101, QStringLiteral("running")));
        QVERIFY(refreshUntil([&] { return inbox->item(key) == nullptr; }));
        const QStringList titles = notificationsFor(key);
        QCOMPARE(titles.size(), 2);
        QCOMPARE(titles.last(), QStringLiteral("Cleared: ") + item.summary);
        hlc::test::evidence(QStringLiteral("guest 101 stopped with onboot=1: 1 item (%1), 1 notification over 3 polls, "
                                           "%2 config read; running: \"%3\"")
                                .arg(item.summary)
                                .arg(reads)
                                .arg(titles.last()));
    }

    void failedTaskOfTheLastDayIsOneItem()
    {
        AlertInbox* inbox = m_homelab->inbox();
        sim::ProxmoxTaskSim* tasks = pveTasks(QStringLiteral("pve-thinkpad"));
        const QString failed =
            tasks->addFinishedTask(QStringLiteral("pve-thinkpad"), QStringLiteral("vzdump"), QStringLiteral("202"),
                                   QStringLiteral("job errors"), 3600,
                                   {QStringLiteral("INFO: starting new backup job: vzdump 202"),
                                    QStringLiteral("ERROR: Backup of VM 202 failed - no space left on device")});
        // An old failure and a successful one: not items.
        const QString old = tasks->addFinishedTask(QStringLiteral("pve-thinkpad"), QStringLiteral("vzdump"),
                                                   QStringLiteral("202"), QStringLiteral("job errors"), 3 * 86400);
        const QString good = tasks->addFinishedTask(QStringLiteral("pve-thinkpad"), QStringLiteral("vzdump"),
                                                    QStringLiteral("201"), QStringLiteral("OK"), 1800);
        QVERIFY(!failed.isEmpty() && !old.isEmpty() && !good.isEmpty());
        const QString key = QStringLiteral("task/host-a/") + failed;
        QVERIFY(refreshUntil([&] { return inbox->item(key) != nullptr; }));
        const InboxItem item = *inbox->item(key);
        QCOMPARE(item.source, InboxItem::Source::Proxmox);
        QCOMPARE(item.hostId, QStringLiteral("host-a"));
        QCOMPARE(item.severity, InboxItem::Severity::Warning);
        QCOMPARE(item.summary, QStringLiteral("Proxmox task vzdump of guest 202 failed on pve-thinkpad"));
        QVERIFY2(item.detail.contains(QLatin1String("job errors")), qPrintable(item.detail));
        QCOMPARE(item.target, failed);
        const qint64 age = item.since.secsTo(QDateTime::currentDateTimeUtc());
        QVERIFY2(age >= 3590 && age <= 3700, qPrintable(QString::number(age)));
        QVERIFY(inbox->item(QStringLiteral("task/host-a/") + old) == nullptr);
        QVERIFY(inbox->item(QStringLiteral("task/host-a/") + good) == nullptr);
        QCOMPARE(notificationsFor(key), QStringList{item.summary});
        assertSteady(key, 1);

        hlc::test::evidence(QStringLiteral("failed vzdump %1 s ago: 1 item (\"%2\"), the 3-day-old failure and the OK "
                                           "task none, 1 notification over 3 polls")
                                .arg(age)
                                .arg(item.summary));
    }

    void certificateExpiringWithin14DaysIsOneItem()
    {
        AlertInbox* inbox = m_homelab->inbox();
        const QString key = QStringLiteral("certificate/host-a/proxmox");
        const CertificateInfo cert =
            m_homelab->services()->peerCertificate(QStringLiteral("host-a"), QStringLiteral("proxmox"));
        QVERIFY(!cert.isNull());
        QVERIFY(inbox->item(key) == nullptr); // the simulator's certificates last 90 days
        // Ten days before the certificate ends (injected clock).
        const QDateTime tenDaysBefore = cert.notAfter.addDays(-10);
        inbox->setClock([tenDaysBefore] { return tenDaysBefore; });
        inbox->refresh();
        QVERIFY(inbox->item(key) != nullptr);
        const InboxItem item = *inbox->item(key);
        QCOMPARE(item.source, InboxItem::Source::Certificate);
        QCOMPARE(item.hostId, QStringLiteral("host-a"));
        QCOMPARE(item.severity, InboxItem::Severity::Warning);
        QCOMPARE(item.summary, QStringLiteral("The certificate of proxmox on pve-thinkpad expires in 10 days"));
        QCOMPARE(item.target, QStringLiteral("proxmox"));
        QCOMPARE(countKey(*inbox, key), 1);
        inbox->refresh();
        QCOMPARE(countKey(*inbox, key), 1);
        QCOMPARE(notificationsFor(key), QStringList{item.summary});
        // Two days before: critical (same item, no second notification).
        const QDateTime twoDaysBefore = cert.notAfter.addDays(-2);
        inbox->setClock([twoDaysBefore] { return twoDaysBefore; });
        inbox->refresh();
        QCOMPARE(inbox->item(key)->severity, InboxItem::Severity::Critical);
        QCOMPARE(notificationsFor(key).size(), 1);

        // Back to today (as after a renewal: more than 14 days left): it clears.
        inbox->setClock([] { return QDateTime::currentDateTimeUtc(); });
        inbox->refresh();
        QVERIFY(inbox->item(key) == nullptr);
        const QStringList titles = notificationsFor(key);
        QCOMPARE(titles.size(), 2);
        QVERIFY2(titles.last().startsWith(QLatin1String("Cleared: The certificate of proxmox")),
                 qPrintable(titles.last()));
        hlc::test::evidence(QStringLiteral("certificate of host-a/proxmox (until %1): 10 days before -> 1 item \"%2\" "
                                           "(warning), 2 days before -> critical, today -> \"%3\"")
                                .arg(cert.notAfter.toString(Qt::ISODate), item.summary, titles.last()));
    }

    void risingRestartCountIsOneItemUntilStable()
    {
        AlertInbox* inbox = m_homelab->inbox();
        const QString key = QStringLiteral("container/host-a/grafana");
        QVERIFY(inbox->item(key) == nullptr);
        // Steady polls inspect nothing.
        const int inspectedBefore = inventory()->containerInspections();
        for (int round = 0; round < 2; ++round) {
            QSignalSpy polled(inventory(), &GuestInventory::portainerUpdated);
            inventory()->refresh();
            QVERIFY(polled.wait(10000));
        }
        QCOMPARE(inventory()->containerInspections(), inspectedBefore);

        // Docker's restart policy restarts it after a crash: "Up 3 hours" becomes "Up 1 seconds".
        QVERIFY(docker(QStringLiteral("host-a"))->restartByPolicy(QStringLiteral("grafana")));
        QVERIFY(refreshUntil([&] { return inbox->item(key) != nullptr; }));
        const InboxItem item = *inbox->item(key);
        QCOMPARE(item.source, InboxItem::Source::Container);
        QCOMPARE(item.severity, InboxItem::Severity::Warning);
        QCOMPARE(item.summary, QStringLiteral("Container grafana was restarted by Docker (restart count 1)"));
        QCOMPARE(notificationsFor(key), QStringList{item.summary});
        const int inspections = inventory()->containerInspections() - inspectedBefore;
        QCOMPARE(inspections, 1);

        // It runs without another restart for the stable time (3 s here): cleared.
        QVERIFY(refreshUntil([&] { return inbox->item(key) == nullptr; }, 30000));
        const QStringList titles = notificationsFor(key);
        QCOMPARE(titles.size(), 2);
        QCOMPARE(titles.last(), QStringLiteral("Cleared: ") + item.summary);
        hlc::test::evidence(QStringLiteral("grafana restarted by policy: %1 inspection, 1 item \"%2\", 1 notification; "
                                           "stable 3 s -> \"%3\"")
                                .arg(inspections)
                                .arg(item.summary, titles.last()));
    }

    void unhealthyAndRestartingContainersNotifyOnceAndClear()
    {
        AlertInbox* inbox = m_homelab->inbox();
        const QString key = QStringLiteral("container/host-a/grafana");
        const int before = int(notificationsFor(key).size());
        QStringList evidence;
        for (const QString& what : {QStringLiteral("unhealthy"), QStringLiteral("restarting")}) {
            if (what == QLatin1String("unhealthy"))
                QVERIFY(docker(QStringLiteral("host-a"))->setContainerHealth(QStringLiteral("grafana"), what));
            else
                QVERIFY(docker(QStringLiteral("host-a"))->setContainerState(QStringLiteral("grafana"), what, 1));
            QVERIFY(refreshUntil([&] { return inbox->item(key) != nullptr; }));
            const QString summary = inbox->item(key)->summary;
            assertSteady(key, before + int(evidence.size()) * 2 + 1);
            QCOMPARE(notificationsFor(key).last(), summary);
            if (what == QLatin1String("unhealthy"))
                QVERIFY(docker(QStringLiteral("host-a"))
                            ->setContainerHealth(QStringLiteral("grafana"), QStringLiteral("healthy")));
            else
                QVERIFY(docker(QStringLiteral("host-a"))
                            ->setContainerState(QStringLiteral("grafana"), QStringLiteral("running")));
            QVERIFY(refreshUntil([&] { return inbox->item(key) == nullptr; }));
            QCOMPARE(notificationsFor(key).last(), QStringLiteral("Cleared: ") + summary);
            evidence << QStringLiteral("%1 -> \"%2\" then cleared").arg(what, summary);
        }
        QCOMPARE(notificationsFor(key).size(), before + 4);
        hlc::test::evidence(QStringLiteral("grafana: %1; 4 notifications").arg(evidence.join(QStringLiteral("; "))));
    }

    void probeDownNotifiesOnceAndClears()
    {
        AlertInbox* inbox = m_homelab->inbox();
        HealthProber* health = m_homelab->home()->health();
        const QString key = QStringLiteral("probe/host-a/Grafana");
        QVERIFY(m_sim->health()->setDown(QStringLiteral("host-a"), QStringLiteral("Grafana"), true));
        QVERIFY(waitFor(
            [&] {
                health->probeAll();
                QTest::qWait(300);
                return inbox->item(key) != nullptr;
            },
            20000));
        const InboxItem item = *inbox->item(key);
        QCOMPARE(item.source, InboxItem::Source::Probe);
        QCOMPARE(item.summary, QStringLiteral("Grafana does not answer"));
        health->probeAll();
        QTest::qWait(500);
        QCOMPARE(countKey(*inbox, key), 1);
        QCOMPARE(notificationsFor(key), QStringList{item.summary});
        QVERIFY(m_sim->health()->setDown(QStringLiteral("host-a"), QStringLiteral("Grafana"), false));
        QVERIFY(waitFor(
            [&] {
                health->probeAll();
                QTest::qWait(300);
                return inbox->item(key) == nullptr;
            },
            20000));
        QCOMPARE(notificationsFor(key).size(), 2);
        QCOMPARE(notificationsFor(key).last(), QStringLiteral("Cleared: ") + item.summary);
        hlc::test::evidence(QStringLiteral("probe Grafana down: 1 item, notifications: %1")
                                .arg(notificationsFor(key).join(QStringLiteral(" | "))));
    }

    /// Runs last: it leaves the inbox's clock a day ahead (the simulator still lists the task for today's clock).
    void failedTaskLeavesTheInboxADayLater()
    {
        AlertInbox* inbox = m_homelab->inbox();
        QString key;
        for (const InboxItem& i : inbox->items()) {
            if (i.key.startsWith(QLatin1String("task/host-a/")))
                key = i.key;
        }
        QVERIFY(!key.isEmpty());
        const QString summary = inbox->item(key)->summary;
        // (The certificate test's clock, months ahead, let it clear and come back: its notifications so far.)
        const qsizetype before = notificationsFor(key).size();
        QCOMPARE(notificationsFor(key).last(), summary);
        // A day after it ended it leaves the inbox (injected clock: no waiting a day).
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(24 * 3600);
        inbox->setClock([later] { return later; });
        inbox->refresh();
        QVERIFY(inbox->item(key) == nullptr);
        const QStringList titles = notificationsFor(key);
        QCOMPARE(titles.size(), before + 1);
        QCOMPARE(titles.last(), QStringLiteral("Cleared: ") + summary);
        hlc::test::evidence(QStringLiteral("24 h after the failed task ended: \"%1\"").arg(titles.last()));
    }
};

QTEST_GUILESS_MAIN(TestInboxSources)
#include "TestInboxSources.moc"
