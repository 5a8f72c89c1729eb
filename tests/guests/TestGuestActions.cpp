// GuestInventory + ActionRunner against the simulated PVE (HTTPS, pinned) and Portainer (HTTP) on 127.0.0.1:
// actions followed to their real outcome, notifications, audit log lines, one source failing alone.
#include "PveSimFixture.h"
#include "TestUtil.h"

#include "PortainerSim.h"
#include "ProxmoxSim.h"
#include "ProxmoxTaskSim.h"
#include "SimDocker.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/NotificationCenter.h"
#include "core/ServiceDirectory.h"
#include "guests/ActionRunner.h"
#include "guests/GuestInventory.h"
#include "proxmox/ProxmoxClient.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kUser = QStringLiteral("monitor@pve!homelab-control");
const QString kSecret = QStringLiteral("0d9b7c1a-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
const QString kKey = QStringLiteral("ptr_Yh3kQ9sLw2vB8nX5cZ1mT7rJ4pD6fG0a");
const QString kNode = QStringLiteral("pve-thinkpad");
} // namespace

class TestGuestActions : public QObject
{
    Q_OBJECT

private:
    hlc::test::PveSimFixture m_pve;
    sim::SimHomelab* m_lab = nullptr;
    sim::SimHttpServer* m_pveServer = nullptr;
    sim::ProxmoxTaskSim* m_tasks = nullptr;
    sim::SimHttpServer* m_ptServer = nullptr;
    sim::SimDocker* m_docker = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    pve::ProxmoxClient* m_pveClient = nullptr;
    GuestInventory* m_inventory = nullptr;
    AuditLog* m_audit = nullptr;
    NotificationCenter* m_notifications = nullptr;
    ActionJournal* m_journal = nullptr;
    ActionRunner* m_runner = nullptr;
    QTemporaryDir m_dir;

    std::optional<pve::Resource> guest(int vmid) const
    {
        for (const pve::Resource& g : m_inventory->guests()) {
            if (g.vmid == vmid)
                return g;
        }
        return std::nullopt;
    }
    std::optional<portainer::Stack> stack(const QString& name) const
    {
        for (const portainer::Stack& s : m_inventory->stacks()) {
            if (s.name == name)
                return s;
        }
        return std::nullopt;
    }
    /// Waits for the action on @p key to finish and returns its outcome.
    std::optional<ActionOutcome> waitOutcome(const QString& key, int timeoutMs = 10000)
    {
        if (!waitFor([&] { return !m_runner->isBusy(QStringLiteral("host-a"), key); }, timeoutMs))
            return std::nullopt;
        return m_runner->lastOutcome(QStringLiteral("host-a"), key);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_pve.start(this, {kNode}, kUser, kSecret));
        m_lab = m_pve.lab;
        m_pveServer = m_pve.server;
        m_tasks = m_pve.tasks;
        m_tasks->setTaskDurationMs(400);
        m_tasks->failStart(202, QStringLiteral("startup for container '202' failed"),
                           {QStringLiteral("mount: /var/lib/lxc/202/rootfs: can't read superblock on /dev/loop3."),
                            QStringLiteral("run_buffer: 571 Script exited with status 32")});
        m_ptServer = new sim::SimHttpServer(this);
        QVERIFY(m_ptServer->listen(false));
        m_docker = sim::SimDocker::createSeeded(QStringLiteral("host-a"), 1, this);
        new sim::PortainerSim(m_docker, m_ptServer, kNode, kKey, this);

        HostConfig host;
        host.id = QStringLiteral("host-a");
        host.name = kNode;
        const ServiceConfig p = m_pve.service(kNode, AuthScheme::PveToken, kUser);
        ServiceConfig pt;
        pt.id = QStringLiteral("portainer");
        pt.kind = ServiceKind::Portainer;
        QUrl purl = m_ptServer->baseUrl();
        purl.setPath(QStringLiteral("/api"));
        pt.baseUrl = purl;
        pt.auth = AuthScheme::ApiKey;
        pt.portainerEndpointId = 1;
        pt.timeoutMs = 1500;
        host.services = {p, pt};

        m_nam = new QNetworkAccessManager(this);
        Config config;
        config.hosts << host;
        auto* services = new ServiceDirectory(config, nullptr, m_nam, this);
        services->applySecret(host.id, p.id, kSecret);
        services->applySecret(host.id, pt.id, kKey);
        m_pveClient = services->proxmox(host.id, p.id);
        Endpoint e = m_pveClient->endpoint();
        e.maxRetries = 0;
        m_pveClient->api()->setEndpoint(e);
        m_inventory = new GuestInventory(host, services, this);
        m_audit = new AuditLog(m_dir.filePath(QStringLiteral("audit.jsonl")), this);
        m_notifications = new NotificationCenter(this);
        m_journal = new ActionJournal(m_audit, m_notifications, this);
        m_runner = new ActionRunner(
            [this](const QString& id) { return id == m_inventory->hostId() ? m_inventory : nullptr; }, m_journal, this);
        m_runner->setTaskPollIntervalMs(100);
        m_inventory->start(60000); // refreshes come from the test and from finished actions
        QVERIFY(waitFor(
            [this] { return m_inventory->guestsStatus().hasData() && m_inventory->portainerStatus().hasData(); }));
    }

    void cleanup()
    {
        m_pveServer->clearFaults();
        m_ptServer->clearFaults();
    }

    void inventoryFromOneClusterRequest()
    {
        QCOMPARE(m_inventory->guests().size(), 5);
        QCOMPARE(m_inventory->runningGuests(), 4);
        QCOMPARE(m_inventory->stoppedGuests(), 1);
        QCOMPARE(m_inventory->containers().size(), 14);
        QCOMPARE(m_inventory->stoppedContainers(), 1);
        QVERIFY(stack(QStringLiteral("home")).has_value());
        // One GET /cluster/resources per refresh, no per-guest calls: the task list (once a minute) and the stopped
        // guest's configuration (once per stop) were read after the first poll.
        QVERIFY(waitFor([this] {
            return m_inventory->tasksStatus().state == SourceStatus::State::Ok && m_inventory->guestConfigReads() == 1;
        }));
        QTest::qWait(200);
        m_pveServer->clearRequests();
        m_inventory->refresh();
        QVERIFY(waitFor([this] { return !m_pveServer->requests().isEmpty(); }));
        QTest::qWait(200);
        QCOMPARE(m_pveServer->requests().size(), 1);
        QCOMPARE(m_pveServer->requests().first().path, QStringLiteral("/api2/json/cluster/resources"));
    }

    void guestStopFollowedToExitstatus()
    {
        const pve::Resource vm = *guest(100);
        QSignalSpy finished(m_runner, &ActionRunner::actionFinished);
        QSignalSpy posted(m_notifications, &NotificationCenter::posted);
        QVERIFY(m_runner->runGuestAction(QStringLiteral("host-a"), vm, pve::GuestAction::Shutdown));
        // A second click while it runs does nothing.
        QVERIFY(!m_runner->runGuestAction(QStringLiteral("host-a"), vm, pve::GuestAction::Shutdown));
        QVERIFY(m_runner->isBusy(QStringLiteral("host-a"), QStringLiteral("qemu/100")));
        QVERIFY(waitFor([this] {
            return m_runner->progress(QStringLiteral("host-a"), QStringLiteral("qemu/100"))
                .contains(QLatin1String("task running"));
        }));
        const auto o = waitOutcome(QStringLiteral("qemu/100"));
        QVERIFY(o);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(o->result, ActionOutcome::Result::Ok);
        QVERIFY(o->taskId.startsWith(QLatin1String("UPID:pve-thinkpad:")));
        QCOMPARE(o->message, QStringLiteral("VM 100 (docker-core) on pve-thinkpad: shutdown finished: OK"));
        QCOMPARE(m_lab->guest(100)->status, QStringLiteral("stopped"));
        QVERIFY(waitFor([this] { return guest(100)->status == QLatin1String("stopped"); }));
        QCOMPARE(posted.size(), 1);
        QCOMPARE(posted.first().first().value<Notification>().severity, Notification::Severity::Success);

        const AuditEntry e = m_audit->entries().last();
        QCOMPARE(e.host, QStringLiteral("host-a"));
        QCOMPARE(e.service, QStringLiteral("proxmox"));
        QCOMPARE(e.target, QStringLiteral("qemu/100 VM 100 (docker-core)"));
        QCOMPARE(e.action, QStringLiteral("shutdown"));
        QCOMPARE(e.outcome, QStringLiteral("ok"));
        QCOMPARE(e.taskId, o->taskId);

        QVERIFY(m_runner->runGuestAction(QStringLiteral("host-a"), *guest(100), pve::GuestAction::Start));
        QCOMPARE(waitOutcome(QStringLiteral("qemu/100"))->result, ActionOutcome::Result::Ok);
        QCOMPARE(m_lab->guest(100)->status, QStringLiteral("running"));
        hlc::test::evidence(QStringLiteral("ActionRunner followed PVE task %1 to its exitstatus over HTTPS on %2")
                                .arg(o->taskId, m_pveServer->baseUrl().host()));
    }

    /// LXC suspend freezes the container; PVE keeps reporting it "running", so the runner remembers it for Resume.
    void containerSuspendAndResume()
    {
        const QString key = QStringLiteral("lxc/201");
        QCOMPARE(guest(201)->status, QStringLiteral("running"));
        QVERIFY(m_runner->runGuestAction(QStringLiteral("host-a"), *guest(201), pve::GuestAction::Suspend));
        auto o = waitOutcome(key);
        QVERIFY(o);
        QVERIFY2(o->result == ActionOutcome::Result::Ok, qPrintable(o->message));
        QCOMPARE(o->action, QStringLiteral("suspend"));
        QVERIFY(m_lab->guest(201)->frozen);
        QCOMPARE(m_lab->guest(201)->status, QStringLiteral("running"));
        QVERIFY(m_runner->isSuspendedContainer(QStringLiteral("host-a"), key));
        QCOMPARE(m_audit->entries().last().action, QStringLiteral("suspend"));
        QCOMPARE(m_audit->entries().at(m_audit->entries().size() - 2).outcome, QStringLiteral("requested"));

        // A second suspend of a frozen container is refused by PVE and shown as such.
        QVERIFY(m_runner->runGuestAction(QStringLiteral("host-a"), *guest(201), pve::GuestAction::Suspend));
        o = waitOutcome(key);
        QVERIFY(o);
        QCOMPARE(o->result, ActionOutcome::Result::Failed);
        QVERIFY2(o->message.contains(QLatin1String("already frozen")), qPrintable(o->message));
        QVERIFY(m_runner->isSuspendedContainer(QStringLiteral("host-a"), key));

        QVERIFY(m_runner->runGuestAction(QStringLiteral("host-a"), *guest(201), pve::GuestAction::Resume));
        o = waitOutcome(key);
        QVERIFY(o);
        QVERIFY2(o->result == ActionOutcome::Result::Ok, qPrintable(o->message));
        QVERIFY(!m_lab->guest(201)->frozen);
        QVERIFY(!m_runner->isSuspendedContainer(QStringLiteral("host-a"), key));
    }

    void failingStartShowsTaskLog()
    {
        QVERIFY(m_runner->runGuestAction(QStringLiteral("host-a"), *guest(202), pve::GuestAction::Start));
        const auto o = waitOutcome(QStringLiteral("lxc/202"));
        QVERIFY(o);
        QCOMPARE(o->result, ActionOutcome::Result::Failed);
        QCOMPARE(o->message,
                 QStringLiteral("CT 202 (backup) on pve-thinkpad: start failed: startup for container '202' failed"));
        QCOMPARE(o->log.last(), QStringLiteral("TASK ERROR: startup for container '202' failed"));
        QVERIFY(o->log.join('\n').contains(QLatin1String("can't read superblock")));
        const AuditEntry e = m_audit->entries().last();
        QVERIFY(e.outcome.startsWith(QLatin1String("failed: ")));
        QVERIFY(e.detail.contains(QLatin1String("TASK ERROR")));
        QCOMPARE(m_notifications->history().last().severity, Notification::Severity::Warning);
    }

    void refusedActionIsReportedNotFollowed()
    {
        m_tasks->denyPrivilege(QStringLiteral("VM.PowerMgmt"));
        QVERIFY(m_runner->runGuestAction(QStringLiteral("host-a"), *guest(201), pve::GuestAction::Reboot));
        const auto o = waitOutcome(QStringLiteral("lxc/201"));
        m_tasks->denyPrivilege(QString());
        QVERIFY(o);
        QCOMPARE(o->result, ActionOutcome::Result::Failed);
        QCOMPARE(o->message, QStringLiteral("The Proxmox token lacks the privilege VM.PowerMgmt for this action."));
        QVERIFY(o->taskId.isEmpty());
    }

    void stackStopAndAlreadyStopped()
    {
        const portainer::Stack s = *stack(QStringLiteral("monitoring"));
        QVERIFY(m_runner->runStackAction(QStringLiteral("host-a"), s, false));
        QVERIFY(!m_runner->runStackAction(QStringLiteral("host-a"), s, false));
        auto o = waitOutcome(ActionRunner::stackKey(s));
        QVERIFY(o);
        QCOMPARE(o->result, ActionOutcome::Result::Ok);
        QCOMPARE(o->message, QStringLiteral("stack monitoring on pve-thinkpad stopped."));
        QCOMPARE(m_docker->stackByName(QStringLiteral("monitoring"))->status, 2);
        QCOMPARE(m_audit->entries().last().outcome, QStringLiteral("ok"));
        QCOMPARE(m_audit->entries().last().service, QStringLiteral("portainer"));

        QVERIFY(m_runner->runStackAction(QStringLiteral("host-a"), s, false));
        o = waitOutcome(ActionRunner::stackKey(s));
        QCOMPARE(o->result, ActionOutcome::Result::AlreadyInState);
        QCOMPARE(o->message, QStringLiteral("stack monitoring on pve-thinkpad is already stopped."));
        QCOMPARE(m_audit->entries().last().outcome, QStringLiteral("already stopped"));
        QVERIFY(waitFor([this] { return !stack(QStringLiteral("monitoring"))->active(); }));

        QVERIFY(m_runner->runStackAction(QStringLiteral("host-a"), s, true));
        QCOMPARE(waitOutcome(ActionRunner::stackKey(s))->result, ActionOutcome::Result::Ok);
        QCOMPARE(m_docker->container(QStringLiteral("grafana"))->state, QStringLiteral("running"));
        hlc::test::evidence(QStringLiteral("ActionRunner stopped and started a Portainer stack (and saw it already "
                                           "stopped) over HTTP on %1")
                                .arg(m_ptServer->baseUrl().host()));
    }

    void containerRestartAndAlready()
    {
        portainer::Container c;
        for (const auto& x : m_inventory->containers()) {
            if (x.name == QLatin1String("mosquitto"))
                c = x;
        }
        QVERIFY(!c.id.isEmpty());
        QVERIFY(m_runner->runContainerAction(QStringLiteral("host-a"), c, portainer::ContainerAction::Start));
        auto o = waitOutcome(ActionRunner::containerKey(c));
        QCOMPARE(o->result, ActionOutcome::Result::AlreadyInState);
        QCOMPARE(o->message, QStringLiteral("container mosquitto on pve-thinkpad is already running."));
        QVERIFY(m_runner->runContainerAction(QStringLiteral("host-a"), c, portainer::ContainerAction::Restart));
        o = waitOutcome(ActionRunner::containerKey(c));
        QCOMPARE(o->result, ActionOutcome::Result::Ok);
    }

    void portainerFailsAlone()
    {
        sim::Fault reset;
        reset.reset = true;
        m_ptServer->setFault("*", QStringLiteral("*"), reset);
        const int stacksBefore = static_cast<int>(m_inventory->stacks().size());
        // A poll started before the fault (e.g. the refresh after the last action) may still succeed: wait for
        // the state, polling again while none is in flight.
        QVERIFY(waitFor([this] {
            m_inventory->refresh();
            return m_inventory->portainerStatus().state == SourceStatus::State::Error;
        }));
        QCOMPARE(m_inventory->portainerStatus().state, SourceStatus::State::Error);
        QVERIFY(m_inventory->portainerStatus().isStale());
        QCOMPARE(m_inventory->portainerStatus().error.message,
                 QStringLiteral("127.0.0.1:%1 closed the connection before answering.").arg(m_ptServer->port()));
        QCOMPARE(m_inventory->stacks().size(), stacksBefore); // stale data stays
        QCOMPARE(m_inventory->guestsStatus().state, SourceStatus::State::Ok);
        m_ptServer->clearFaults();
        m_inventory->refresh();
        QVERIFY(waitFor([this] { return m_inventory->portainerStatus().state == SourceStatus::State::Ok; }));
    }

    void auditHoldsNoSecret()
    {
        QFile f(m_audit->path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        QVERIFY(all.count('\n') >= 6);
        QVERIFY(!all.contains(kSecret.toUtf8()));
        QVERIFY(!all.contains(kKey.toUtf8()));
        QVERIFY(!all.contains("PVEAPIToken"));
    }
};

QTEST_GUILESS_MAIN(TestGuestActions)
#include "TestGuestActions.moc"
