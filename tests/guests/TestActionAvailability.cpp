// Every Docker container state and every Proxmox guest state (status/qmpstatus, lock, template, LXC frozen) against
// the power actions it accepts: the one table the Stacks and Guests tabs enable their buttons from.
#include "TestUtil.h"
#include "guests/ActionAvailability.h"

#include <QStandardPaths>
#include <QTest>

using namespace hlc;

namespace {
/// The allowed actions as "start,stop,restart" (in that order).
QString containerActions(const QString& state)
{
    QStringList on;
    for (auto a :
         {portainer::ContainerAction::Start, portainer::ContainerAction::Stop, portainer::ContainerAction::Restart}) {
        const ActionAvailability r = ActionAvailability::forContainer(a, state);
        if (r.allowed)
            on << portainer::containerActionName(a);
        else if (r.reason.isEmpty())
            return QStringLiteral("refused without a reason");
    }
    return on.join(QLatin1Char(','));
}

QString guestActions(const QString& type, const QString& status, const QString& lock, bool isTemplate, bool frozen)
{
    pve::Resource g;
    g.type = type;
    g.status = status;
    g.lock = lock;
    g.isTemplate = isTemplate;
    QStringList on;
    for (auto a : {pve::GuestAction::Start, pve::GuestAction::Shutdown, pve::GuestAction::Stop,
                   pve::GuestAction::Reboot, pve::GuestAction::Suspend, pve::GuestAction::Resume}) {
        const ActionAvailability r = ActionAvailability::forGuest(a, g, frozen);
        if (r.allowed)
            on << pve::guestActionName(a);
        else if (r.reason.isEmpty())
            return QStringLiteral("refused without a reason");
    }
    return on.join(QLatin1Char(','));
}
} // namespace

class TestActionAvailability : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void containerStates_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("allowed");
        // the Docker Engine spec's ContainerSummary.State enum, every value
        QTest::newRow("created") << "created"
                                 << "start,restart";
        QTest::newRow("running") << "running"
                                 << "stop,restart";
        QTest::newRow("paused") << "paused"
                                << "stop,restart";
        QTest::newRow("restarting (crash loop)") << "restarting"
                                                 << "stop,restart";
        QTest::newRow("exited") << "exited"
                                << "start,restart";
        QTest::newRow("removing") << "removing"
                                  << "";
        QTest::newRow("dead") << "dead"
                              << "start,restart";
        QTest::newRow("unknown future state") << "hibernating"
                                              << "";
        QTest::newRow("missing state") << ""
                                       << "";
    }
    void containerStates()
    {
        QFETCH(QString, state);
        QFETCH(QString, allowed);
        QCOMPARE(containerActions(state), allowed);
    }

    void restartingContainerSaysWhyNotStart()
    {
        const ActionAvailability r =
            ActionAvailability::forContainer(portainer::ContainerAction::Start, QStringLiteral("restarting"));
        QVERIFY(!r.allowed);
        QCOMPARE(r.reason, QStringLiteral("The container is already running."));
        QVERIFY(ActionAvailability::forContainer(portainer::ContainerAction::Start, QStringLiteral("paused"))
                    .reason.contains(QLatin1String("paused")));
    }

    void guestStates_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("lock");
        QTest::addColumn<bool>("isTemplate");
        QTest::addColumn<bool>("frozen");
        QTest::addColumn<QString>("allowed");
        QTest::newRow("vm stopped") << "qemu"
                                    << "stopped"
                                    << "" << false << false << "start";
        QTest::newRow("vm running") << "qemu"
                                    << "running"
                                    << "" << false << false << "shutdown,stop,reboot,suspend";
        QTest::newRow("vm paused") << "qemu"
                                   << "paused"
                                   << "" << false << false << "stop,resume";
        QTest::newRow("vm prelaunch") << "qemu"
                                      << "prelaunch"
                                      << "" << false << false << "stop,resume";
        QTest::newRow("vm S3 suspended") << "qemu"
                                         << "suspended"
                                         << "" << false << false << "stop,resume";
        QTest::newRow("vm io-error") << "qemu"
                                     << "io-error"
                                     << "" << false << false << "stop,resume";
        QTest::newRow("vm internal-error") << "qemu"
                                           << "internal-error"
                                           << "" << false << false << "stop";
        QTest::newRow("vm guest-panicked") << "qemu"
                                           << "guest-panicked"
                                           << "" << false << false << "stop";
        QTest::newRow("vm postmigrate") << "qemu"
                                        << "postmigrate"
                                        << "" << false << false << "stop";
        QTest::newRow("vm node offline") << "qemu"
                                         << "unknown"
                                         << "" << false << false << "";
        QTest::newRow("vm no status") << "qemu"
                                      << ""
                                      << "" << false << false << "";
        QTest::newRow("vm running, backup lock") << "qemu"
                                                 << "running"
                                                 << "backup" << false << false << "";
        QTest::newRow("vm stopped, migrate lock") << "qemu"
                                                  << "stopped"
                                                  << "migrate" << false << false << "";
        QTest::newRow("vm hibernated") << "qemu"
                                       << "stopped"
                                       << "suspended" << false << false << "start";
        QTest::newRow("vm template") << "qemu"
                                     << "stopped"
                                     << "" << true << false << "";
        QTest::newRow("ct stopped") << "lxc"
                                    << "stopped"
                                    << "" << false << false << "start";
        QTest::newRow("ct running") << "lxc"
                                    << "running"
                                    << "" << false << false << "shutdown,stop,reboot,suspend";
        QTest::newRow("ct frozen by this app") << "lxc"
                                               << "running"
                                               << "" << false << true << "stop,resume";
        QTest::newRow("ct snapshot lock") << "lxc"
                                          << "running"
                                          << "snapshot" << false << false << "";
        QTest::newRow("ct template") << "lxc"
                                     << "stopped"
                                     << "" << true << false << "";
    }
    void guestStates()
    {
        QFETCH(QString, type);
        QFETCH(QString, status);
        QFETCH(QString, lock);
        QFETCH(bool, isTemplate);
        QFETCH(bool, frozen);
        QFETCH(QString, allowed);
        QCOMPARE(guestActions(type, status, lock, isTemplate, frozen), allowed);
    }

    void lockAndTemplateSayWhy()
    {
        pve::Resource g;
        g.type = QStringLiteral("qemu");
        g.status = QStringLiteral("running");
        g.lock = QStringLiteral("backup");
        QCOMPARE(ActionAvailability::forGuest(pve::GuestAction::Stop, g, false).reason,
                 QStringLiteral("The guest is locked (backup) until that operation ends."));
        g.lock.clear();
        g.isTemplate = true;
        QVERIFY(
            ActionAvailability::forGuest(pve::GuestAction::Start, g, false).reason.contains(QLatin1String("template")));
    }
};

QTEST_GUILESS_MAIN(TestActionAvailability)
#include "TestActionAvailability.moc"
