// The alert inbox against the simulator (real HTTP on loopback): a container that goes unhealthy or crash-loops is
// one inbox item and leaves when it recovers; snooze runs on an injected clock (no waiting for hours); a local
// acknowledgement is kept in the state file (0600) across a new inbox instance and dropped once the item clears. A
// container that exits with an error while its stack is active, and a Proxmox node the cluster reports offline, are
// one item and one notification each, and a "Cleared" notification when they clear.
#include "DemoSetup.h"
#include "PortainerSim.h"
#include "SimDocker.h"
#include "SimHomelab.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/Homelab.h"
#include "core/NotificationCenter.h"
#include "core/SecretStore.h"
#include "guests/GuestInventory.h"
#include "metrics/AlertInbox.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace hlc;
using hlc::test::waitFor;

class TestAlertInbox : public QObject
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
    static int countKey(const AlertInbox& inbox, const QString& key)
    {
        int n = 0;
        for (const InboxItem& i : inbox.items())
            n += i.key == key ? 1 : 0;
        return n;
    }
    /// The audit lines of the inbox with @p action for @p key, oldest first.
    QList<AuditEntry> auditLines(const QString& key, const QString& action) const
    {
        QList<AuditEntry> out;
        for (const AuditEntry& e : m_homelab->audit()->entries()) {
            if (e.service == QLatin1String("inbox") && e.action == action && e.target.startsWith(key))
                out << e;
        }
        return out;
    }
    /// Refreshes the inventory of host-a until @p done.
    bool refreshUntil(const std::function<bool()>& done)
    {
        return waitFor(
            [&] {
                m_homelab->inventory(QStringLiteral("host-a"))->refresh();
                QTest::qWait(200);
                return done();
            },
            15000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(AuditLog::defaultDir() + QStringLiteral("/demo-audit.jsonl"));
        m_sim = std::make_unique<sim::Simulator>();
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        demo::storeSecrets(*m_sim, m_secrets.get());
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 700;
        m_homelab = std::make_unique<Homelab>(config, QString(), m_secrets.get(), m_nam.get());
        m_homelab->start();
        QVERIFY(docker(QStringLiteral("host-a")));
        QVERIFY(
            waitFor([this] { return !m_homelab->inventory(QStringLiteral("host-a"))->containers().isEmpty(); }, 15000));
    }

    void cleanupTestCase()
    {
        m_homelab.reset();
        m_sim.reset();
    }

    void unhealthyAndRestartingContainersAreOneItemEach()
    {
        AlertInbox* inbox = m_homelab->inbox();
        const QString key = QStringLiteral("container/host-a/grafana");
        QCOMPARE(countKey(*inbox, key), 0); // seeded healthy

        QVERIFY(docker(QStringLiteral("host-a"))
                    ->setContainerHealth(QStringLiteral("grafana"), QStringLiteral("unhealthy")));
        QVERIFY(refreshUntil([&] { return inbox->item(key) != nullptr; }));
        QCOMPARE(countKey(*inbox, key), 1);
        const InboxItem unhealthy = *inbox->item(key);
        QCOMPARE(unhealthy.source, InboxItem::Source::Container);
        QCOMPARE(unhealthy.hostId, QStringLiteral("host-a"));
        QCOMPARE(unhealthy.severity, InboxItem::Severity::Warning);
        QCOMPARE(unhealthy.state, InboxItem::State::Open);
        QCOMPARE(unhealthy.summary, QStringLiteral("Container grafana is unhealthy"));
        QVERIFY2(unhealthy.detail.contains(QLatin1String("(unhealthy)")), qPrintable(unhealthy.detail));
        QVERIFY(unhealthy.since.isValid());
        QVERIFY(unhealthy.actions() & InboxItem::Acknowledge);
        QVERIFY(unhealthy.actions() & InboxItem::Snooze);
        QVERIFY(!(unhealthy.actions() & InboxItem::Unsnooze));
        // Further polls keep it one item, with the same "since".
        QSignalSpy polled(m_homelab->inventory(QStringLiteral("host-a")), &GuestInventory::portainerUpdated);
        m_homelab->inventory(QStringLiteral("host-a"))->refresh();
        QVERIFY(polled.wait(10000));
        QCOMPARE(countKey(*inbox, key), 1);
        QCOMPARE(inbox->item(key)->since, unhealthy.since);

        // A crash loop (Docker state "restarting") is the same item, critical now.
        QVERIFY(docker(QStringLiteral("host-a"))
                    ->setContainerState(QStringLiteral("grafana"), QStringLiteral("restarting"), 1));
        QVERIFY(refreshUntil([&] {
            const InboxItem* i = inbox->item(key);
            return i && i->severity == InboxItem::Severity::Critical;
        }));
        QCOMPARE(countKey(*inbox, key), 1);
        QCOMPARE(inbox->item(key)->summary, QStringLiteral("Container grafana is restarting over and over"));

        // Healthy and running again: the item leaves the inbox.
        QVERIFY(
            docker(QStringLiteral("host-a"))->setContainerState(QStringLiteral("grafana"), QStringLiteral("running")));
        QVERIFY(
            docker(QStringLiteral("host-a"))->setContainerHealth(QStringLiteral("grafana"), QStringLiteral("healthy")));
        QVERIFY(refreshUntil([&] { return inbox->item(key) == nullptr; }));
        hlc::test::evidence(QStringLiteral("simulator container grafana: unhealthy -> 1 inbox item (warning), "
                                           "restarting -> same item (critical), healthy -> %1 items for it")
                                .arg(countKey(*inbox, key)));
    }

    void snoozeFollowsTheInjectedClock()
    {
        AlertInbox* inbox = m_homelab->inbox();
        inbox->setUserName(QStringLiteral("tester"));
        QDateTime now = QDateTime::currentDateTimeUtc();
        inbox->setClock([&now] { return now; });
        const QString key = QStringLiteral("container/host-a/grafana");
        QVERIFY(docker(QStringLiteral("host-a"))
                    ->setContainerHealth(QStringLiteral("grafana"), QStringLiteral("unhealthy")));
        QVERIFY(refreshUntil([&] { return inbox->item(key) != nullptr; }));

        QSignalSpy done(inbox, &AlertInbox::actionFinished);
        inbox->snooze(key, now.addSecs(3600), QStringLiteral("upgrading grafana"));
        QCOMPARE(done.size(), 1); // local: answered at once
        QVERIFY(done.first().at(1).toBool());
        QCOMPARE(inbox->item(key)->state, InboxItem::State::Snoozed);
        QCOMPARE(inbox->item(key)->reason, QStringLiteral("upgrading grafana"));
        QCOMPARE(inbox->item(key)->until, now.addSecs(3600));
        QCOMPARE(inbox->item(key)->by, QStringLiteral("tester"));
        QVERIFY(inbox->item(key)->actions() & InboxItem::Unsnooze);
        QVERIFY(!inbox->item(key)->needsOperator());
        QCOMPARE(inbox->snoozedCount(), 1);
        QCOMPARE(auditLines(key, QStringLiteral("snooze")).size(), 1);
        QVERIFY2(auditLines(key, QStringLiteral("snooze")).first().detail.contains(QLatin1String("upgrading grafana")),
                 qPrintable(auditLines(key, QStringLiteral("snooze")).first().detail));

        // Half an hour later it still sleeps; reversible at any time.
        now = now.addSecs(1800);
        inbox->refresh();
        QCOMPARE(inbox->item(key)->state, InboxItem::State::Snoozed);
        inbox->unsnooze(key);
        QCOMPARE(inbox->item(key)->state, InboxItem::State::Open);
        QCOMPARE(auditLines(key, QStringLiteral("unsnooze")).size(), 1);

        // Snoozed again for an hour: one minute past the hour it needs the operator again, audited.
        inbox->snooze(key, now.addSecs(3600), QStringLiteral("still upgrading"));
        QCOMPARE(inbox->item(key)->state, InboxItem::State::Snoozed);
        now = now.addSecs(3600 + 60);
        inbox->refresh();
        QCOMPARE(inbox->item(key)->state, InboxItem::State::Open);
        QCOMPARE(auditLines(key, QStringLiteral("snooze-ended")).size(), 1);

        // "Until tomorrow 08:00" is local time on the next day.
        const QDateTime evening(QDate(2026, 12, 7), QTime(22, 30), Qt::LocalTime);
        const QDateTime morning = AlertInbox::tomorrowMorning(evening).toLocalTime();
        QCOMPARE(morning.date(), QDate(2026, 12, 8));
        QCOMPARE(morning.time(), QTime(8, 0));
        const QDateTime early(QDate(2026, 12, 7), QTime(0, 15), Qt::LocalTime);
        QCOMPARE(AlertInbox::tomorrowMorning(early).toLocalTime().date(), QDate(2026, 12, 8));

        inbox->setClock([] { return QDateTime::currentDateTimeUtc(); });
        QVERIFY(
            docker(QStringLiteral("host-a"))->setContainerHealth(QStringLiteral("grafana"), QStringLiteral("healthy")));
        QVERIFY(refreshUntil([&] { return inbox->item(key) == nullptr; }));
        hlc::test::evidence(QStringLiteral("snooze 1 h on an injected clock: snoozed at +30 min, unsnoozed, "
                                           "snoozed again and open at +61 min; audit lines snooze=%1 unsnooze=%2 "
                                           "snooze-ended=%3")
                                .arg(auditLines(key, QStringLiteral("snooze")).size())
                                .arg(auditLines(key, QStringLiteral("unsnooze")).size())
                                .arg(auditLines(key, QStringLiteral("snooze-ended")).size()));
    }

    void localAcknowledgementSurvivesARestartAndEndsWhenCleared()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("state/inbox.json"));
        GuestInventory* inv = m_homelab->inventory(QStringLiteral("host-a"));
        const QString key = QStringLiteral("container/host-a/grafana");
        QVERIFY(docker(QStringLiteral("host-a"))
                    ->setContainerHealth(QStringLiteral("grafana"), QStringLiteral("unhealthy")));
        auto first = std::make_unique<AlertInbox>(m_homelab->journal(), path);
        first->setUserName(QStringLiteral("tester"));
        first->addInventory(inv);
        QVERIFY(refreshUntil([&] { return first->item(key) != nullptr; }));
        first->acknowledge(key);
        QCOMPARE(first->item(key)->state, InboxItem::State::Acknowledged);
        QVERIFY(!first->item(key)->needsOperator());
        QCOMPARE(first->acknowledgedCount(), 1);
        QVERIFY(first->stateError().isEmpty());
        QVERIFY(QFile::exists(path));
        const QFileDevice::Permissions perms = QFile::permissions(path);
        QVERIFY(perms.testFlag(QFileDevice::ReadOwner) && perms.testFlag(QFileDevice::WriteOwner));
        QCOMPARE(int(perms & 0x0077), 0); // nothing for group and others
        QCOMPARE(auditLines(key, QStringLiteral("acknowledge")).size(), 1);
        first.reset();

        // A new instance (the app started again) reads the acknowledgement back.
        AlertInbox second(m_homelab->journal(), path);
        second.addInventory(inv);
        QVERIFY(refreshUntil([&] { return second.item(key) != nullptr; }));
        QCOMPARE(second.item(key)->state, InboxItem::State::Acknowledged);
        QCOMPARE(second.item(key)->by, QStringLiteral("tester"));

        // The container recovers: the item leaves and the acknowledgement ends with it (file and audit).
        QVERIFY(
            docker(QStringLiteral("host-a"))->setContainerHealth(QStringLiteral("grafana"), QStringLiteral("healthy")));
        QVERIFY(refreshUntil([&] { return second.item(key) == nullptr; }));
        QCOMPARE(auditLines(key, QStringLiteral("ack-cleared")).size(), 1);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray saved = f.readAll();
        QVERIFY2(!saved.contains(key.toUtf8()), saved.constData());
        // Unhealthy again later: a new item, open (the acknowledgement does not carry over).
        QVERIFY(docker(QStringLiteral("host-a"))
                    ->setContainerHealth(QStringLiteral("grafana"), QStringLiteral("unhealthy")));
        QVERIFY(refreshUntil([&] { return second.item(key) != nullptr; }));
        QCOMPARE(second.item(key)->state, InboxItem::State::Open);
        QVERIFY(
            docker(QStringLiteral("host-a"))->setContainerHealth(QStringLiteral("grafana"), QStringLiteral("healthy")));
        hlc::test::evidence(
            QStringLiteral(
                "local acknowledgement of grafana kept in 0600 state, read "
                "back by a new inbox, ended when healthy (ack-cleared audited, state file now %1 bytes without it)")
                .arg(saved.size()));
    }

    /// Notifications posted about inbox item @p key, with their titles.
    QStringList notificationsFor(const QString& key) const
    {
        QStringList out;
        for (const Notification& n : m_homelab->notifications()->history()) {
            if (n.source == QLatin1String("inbox") && n.itemKey == key)
                out << n.title;
        }
        return out;
    }

    void containerExitedWithAnErrorInAnActiveStackIsOneItemAndOneNotification()
    {
        AlertInbox* inbox = m_homelab->inbox();
        GuestInventory* inv = m_homelab->inventory(QStringLiteral("host-a"));
        // A running container of an active stack.
        QString name, stack;
        for (const portainer::Container& c : inv->containers()) {
            if (!c.running() || c.stack.isEmpty() || c.health == QLatin1String("unhealthy"))
                continue;
            for (const portainer::Stack& st : inv->stacks()) {
                if (st.name == c.stack && st.active() && name.isEmpty()) {
                    name = c.name;
                    stack = c.stack;
                }
            }
        }
        QVERIFY(!name.isEmpty());
        const QString key = QStringLiteral("container/host-a/") + name;
        QVERIFY(inbox->item(key) == nullptr);

        // Exit code 0 is a clean stop: nothing.
        QVERIFY(docker(QStringLiteral("host-a"))->setContainerState(name, QStringLiteral("exited"), 0));
        QVERIFY(refreshUntil([&] {
            for (const portainer::Container& c : inv->containers()) {
                if (c.name == name)
                    return c.state == QLatin1String("exited");
            }
            return false;
        }));
        QVERIFY(inbox->item(key) == nullptr);

        QVERIFY(docker(QStringLiteral("host-a"))->setContainerState(name, QStringLiteral("exited"), 137));
        QVERIFY(refreshUntil([&] { return inbox->item(key) != nullptr; }));
        const InboxItem item = *inbox->item(key);
        QCOMPARE(item.severity, InboxItem::Severity::Critical);
        QCOMPARE(item.summary,
                 QStringLiteral("Container %1 exited with code 137 while stack %2 is active").arg(name, stack));
        QSignalSpy polled(inv, &GuestInventory::portainerUpdated);
        inv->refresh();
        QVERIFY(polled.wait(10000));
        QCOMPARE(countKey(*inbox, key), 1);
        QCOMPARE(notificationsFor(key), QStringList{item.summary}); // one, not one per poll

        QVERIFY(docker(QStringLiteral("host-a"))->setContainerState(name, QStringLiteral("running")));
        QVERIFY(refreshUntil([&] { return inbox->item(key) == nullptr; }));
        const QStringList titles = notificationsFor(key);
        QCOMPARE(titles.size(), 2);
        QCOMPARE(titles.last(), QStringLiteral("Cleared: ") + item.summary);
        hlc::test::evidence(QStringLiteral("simulator container %1 (stack %2): exit 0 -> no item; exit 137 -> 1 item "
                                           "and 1 notification over 2 polls; running -> cleared, notifications: %3")
                                .arg(name, stack, titles.join(QStringLiteral(" | "))));
    }

    void proxmoxNodeOfflineIsOneItemAndClearsWhenItIsBack()
    {
        AlertInbox* inbox = m_homelab->inbox();
        GuestInventory* a = m_homelab->inventory(QStringLiteral("host-a"));
        GuestInventory* b = m_homelab->inventory(QStringLiteral("host-b"));
        QVERIFY(a && b);
        const QString node = b->proxmoxNode();
        QVERIFY(!node.isEmpty());
        const QString key = QStringLiteral("node/") + node;
        QVERIFY(inbox->item(key) == nullptr);
        m_sim->homelab()->setNodeOnline(node, false);
        QVERIFY(waitFor(
            [&] {
                a->refresh();
                QTest::qWait(200);
                return inbox->item(key) != nullptr;
            },
            15000));
        const InboxItem item = *inbox->item(key);
        QCOMPARE(item.source, InboxItem::Source::Proxmox);
        QCOMPARE(item.hostId, QStringLiteral("host-b"));
        QCOMPARE(item.severity, InboxItem::Severity::Critical);
        QCOMPARE(item.summary, QStringLiteral("Proxmox node %1 is offline").arg(node));
        QCOMPARE(countKey(*inbox, key), 1);
        QCOMPARE(notificationsFor(key).size(), 1);

        m_sim->homelab()->setNodeOnline(node, true);
        QVERIFY(waitFor(
            [&] {
                a->refresh();
                QTest::qWait(200);
                return inbox->item(key) == nullptr;
            },
            15000));
        QCOMPARE(notificationsFor(key).size(), 2);
        QCOMPARE(notificationsFor(key).last(), QStringLiteral("Cleared: ") + item.summary);
        hlc::test::evidence(QStringLiteral("simulator node %1 offline: 1 inbox item (host-b, critical) and 1 "
                                           "notification; online again: cleared (\"%2\")")
                                .arg(node, notificationsFor(key).last()));
    }
};

QTEST_GUILESS_MAIN(TestAlertInbox)
#include "TestAlertInbox.moc"
