// ProxmoxClient's actions, tasks, ticket login, cluster status and rrddata against the simulated PVE API
// (ProxmoxSim + ProxmoxTaskSim) over HTTPS on 127.0.0.1 with a pinned self-signed certificate.
#include "PveSimFixture.h"
#include "TestUtil.h"
#include "proxmox/ProxmoxClient.h"
#include "proxmox/ProxmoxParser.h"

#include "ProxmoxSim.h"
#include "ProxmoxTaskSim.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace hlc;
using namespace hlc::pve;
using hlc::test::Capture;

namespace {
const QString kUser = QStringLiteral("monitor@pve!homelab-control");
const QString kSecret = QStringLiteral("5f0c8a2e-1b7d-4c3a-9e6f-0a1b2c3d4e5f");
const QString kNode = QStringLiteral("pve-ryzen");
} // namespace

class TestProxmoxActions : public QObject
{
    Q_OBJECT

private:
    hlc::test::PveSimFixture m_sim;
    sim::SimHomelab* m_lab = nullptr;
    sim::SimHttpServer* m_server = nullptr;
    sim::ProxmoxSim* m_pve = nullptr;
    sim::ProxmoxTaskSim* m_tasks = nullptr;
    QNetworkAccessManager* m_nam = nullptr;

    Endpoint endpoint(sim::SimHttpServer* server = nullptr) const
    {
        server = server ? server : m_server;
        Endpoint e;
        QUrl url = server->baseUrl();
        url.setPath(sim::ProxmoxSim::apiPrefix());
        e.baseUrl = url;
        e.credentials = {AuthScheme::PveToken, kUser, kSecret, {}};
        e.pinnedSha256 = server->tlsIdentity().sha256Hex();
        e.timeoutMs = 3000;
        e.maxRetries = 0;
        return e;
    }

    /// Runs @p action on @p vmid and follows its task to the end; returns the final status.
    TaskStatus runToEnd(ProxmoxClient& c, const QString& type, int vmid, GuestAction action, QString* upidOut = nullptr)
    {
        Capture<Result<QString>> upid;
        c.guestAction(kNode, type, vmid, action, this, upid.callback());
        if (!upid.wait() || !upid.value->ok()) {
            qWarning() << "action failed:" << (upid.value ? upid.value->error().detail : QStringLiteral("no answer"));
            return {};
        }
        if (upidOut)
            *upidOut = upid.value->value();
        TaskStatus last;
        bool sawRunning = false;
        hlc::test::waitFor(
            [&] {
                Capture<Result<TaskStatus>> st;
                c.taskStatus(kNode, upid.value->value(), this, st.callback());
                if (!st.wait() || !st.value->ok())
                    return false;
                last = st.value->value();
                sawRunning = sawRunning || last.running();
                return !last.running();
            },
            8000);
        if (!sawRunning)
            qWarning("the task was never seen running");
        return last;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sim.start(this, {kNode}, kUser, kSecret));
        m_lab = m_sim.lab;
        m_server = m_sim.server;
        m_pve = m_sim.pve;
        m_tasks = m_sim.tasks;
        m_tasks->setTaskDurationMs(300);
        m_tasks->failStart(112, QStringLiteral("start failed: QEMU exited with code 1"),
                           {QStringLiteral("kvm: -device vfio-pci,host=0000:01:00.0: vfio 0000:01:00.0: "
                                           "failed to open /dev/vfio/12: Device or resource busy")});
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanup()
    {
        m_server->clearFaults();
        m_tasks->denyPrivilege(QString());
    }

    void stopThenStartFollowedToOk()
    {
        ProxmoxClient c(m_nam, endpoint());
        QCOMPARE(m_lab->guest(211)->status, QStringLiteral("running"));
        QString upid;
        const TaskStatus stop = runToEnd(c, QStringLiteral("lxc"), 211, GuestAction::Stop, &upid);
        static const QRegularExpression s_upid(
            QStringLiteral("^UPID:pve-ryzen:[0-9A-F]{8}:[0-9A-F]{8,9}:[0-9A-F]{8}:vzstop:211:monitor@pve:$"));
        QVERIFY2(s_upid.match(upid).hasMatch(), qPrintable(upid));
        QCOMPARE(stop.status, QStringLiteral("stopped"));
        QCOMPARE(stop.exitstatus, QStringLiteral("OK"));
        QVERIFY(stop.succeeded());
        QCOMPARE(stop.type, QStringLiteral("vzstop"));
        QCOMPARE(m_lab->guest(211)->status, QStringLiteral("stopped"));

        const TaskStatus start = runToEnd(c, QStringLiteral("lxc"), 211, GuestAction::Start);
        QVERIFY(start.succeeded());
        QCOMPARE(m_lab->guest(211)->status, QStringLiteral("running"));
        // The POST carried the token, no cookie.
        bool sawPost = false;
        for (const auto& r : m_server->requests()) {
            if (r.method == "POST") {
                sawPost = true;
                QVERIFY(r.header("authorization").startsWith("PVEAPIToken="));
                QVERIFY(r.header("cookie").isEmpty());
            }
        }
        QVERIFY(sawPost);
        hlc::test::evidence(QStringLiteral("ProxmoxClient stop/start followed task %1 to exitstatus %2 on the "
                                           "simulated PVE over HTTPS (pinned) on %3")
                                .arg(upid, stop.exitstatus, m_server->baseUrl().host()));
    }

    void suspendResumeVm()
    {
        ProxmoxClient c(m_nam, endpoint());
        QVERIFY(runToEnd(c, QStringLiteral("qemu"), 110, GuestAction::Suspend).succeeded());
        QCOMPARE(m_lab->guest(110)->status, QStringLiteral("paused"));
        QVERIFY(runToEnd(c, QStringLiteral("qemu"), 110, GuestAction::Resume).succeeded());
        QCOMPARE(m_lab->guest(110)->status, QStringLiteral("running"));
    }

    void failingStartShowsExitstatusAndLog()
    {
        ProxmoxClient c(m_nam, endpoint());
        QString upid;
        const TaskStatus t = runToEnd(c, QStringLiteral("qemu"), 112, GuestAction::Start, &upid);
        QCOMPARE(t.status, QStringLiteral("stopped"));
        QCOMPARE(t.exitstatus, QStringLiteral("start failed: QEMU exited with code 1"));
        QVERIFY(!t.succeeded());
        QCOMPARE(m_lab->guest(112)->status, QStringLiteral("stopped"));
        Capture<Result<QList<TaskLogLine>>> log;
        c.taskLog(kNode, upid, 50, this, log.callback());
        QVERIFY(log.wait());
        QVERIFY(log.value->ok());
        const auto lines = log.value->value();
        QVERIFY(lines.size() >= 2);
        QVERIFY(lines.first().t.contains(QLatin1String("Device or resource busy")));
        QCOMPARE(lines.last().t, QStringLiteral("TASK ERROR: start failed: QEMU exited with code 1"));
        QCOMPARE(lines.last().n, static_cast<int>(lines.size()));
    }

    void wrongStateEndsInTaskError()
    {
        ProxmoxClient c(m_nam, endpoint());
        const TaskStatus t = runToEnd(c, QStringLiteral("qemu"), 110, GuestAction::Start);
        QCOMPARE(t.exitstatus, QStringLiteral("VM 110 already running"));
    }

    void missingPrivilegeIsNamed()
    {
        m_tasks->denyPrivilege(QStringLiteral("VM.PowerMgmt"));
        ProxmoxClient c(m_nam, endpoint());
        Capture<Result<QString>> r;
        c.guestAction(kNode, QStringLiteral("qemu"), 110, GuestAction::Stop, this, r.callback());
        QVERIFY(r.wait());
        QCOMPARE(r.value->error().kind, ApiError::Kind::Auth);
        QCOMPARE(r.value->error().httpStatus, 403);
        QCOMPARE(r.value->error().message,
                 QStringLiteral("The Proxmox token lacks the privilege VM.PowerMgmt for this action."));
        QCOMPARE(m_lab->guest(110)->status, QStringLiteral("running"));
    }

    void wrongTokenAndUnknownGuest()
    {
        Endpoint e = endpoint();
        e.credentials.secret = QStringLiteral("wrong");
        ProxmoxClient bad(m_nam, e);
        Capture<Result<QString>> r;
        bad.guestAction(kNode, QStringLiteral("qemu"), 110, GuestAction::Stop, this, r.callback());
        QVERIFY(r.wait());
        QCOMPARE(r.value->error().httpStatus, 401);
        QCOMPARE(r.value->error().message, QStringLiteral("Proxmox rejected the API token (HTTP 401 authentication "
                                                          "failure). Check the token ID and secret."));

        ProxmoxClient c(m_nam, endpoint());
        Capture<Result<QString>> missing;
        c.guestAction(kNode, QStringLiteral("qemu"), 999, GuestAction::Start, this, missing.callback());
        QVERIFY(missing.wait());
        QCOMPARE(missing.value->error().kind, ApiError::Kind::Server);
        QVERIFY2(missing.value->error().message.contains(QLatin1String("999.conf' does not exist")),
                 qPrintable(missing.value->error().message));
    }

    void taskPollFaults()
    {
        ProxmoxClient c(m_nam, endpoint());
        Capture<Result<QString>> upid;
        c.guestAction(kNode, QStringLiteral("lxc"), 210, GuestAction::Reboot, this, upid.callback());
        QVERIFY(upid.wait());
        QVERIFY(upid.value->ok());
        sim::Fault m;
        m.body = sim::Fault::Body::Malformed;
        m_server->setFault("GET", QStringLiteral("/api2/json/nodes/{node}/tasks/{upid}/status"), m);
        Capture<Result<TaskStatus>> bad;
        c.taskStatus(kNode, upid.value->value(), this, bad.callback());
        QVERIFY(bad.wait());
        QCOMPARE(bad.value->error().kind, ApiError::Kind::Parse);

        Endpoint e = endpoint();
        e.timeoutMs = 300;
        ProxmoxClient slow(m_nam, e);
        sim::Fault hang;
        hang.hang = true;
        m_server->setFault("GET", QStringLiteral("/api2/json/nodes/{node}/tasks/{upid}/status"), hang);
        Capture<Result<TaskStatus>> t;
        slow.taskStatus(kNode, upid.value->value(), this, t.callback());
        QVERIFY(t.wait());
        QCOMPARE(t.value->error().kind, ApiError::Kind::Timeout);
        m_server->clearFaults();
        QVERIFY(hlc::test::waitFor([&] {
            Capture<Result<TaskStatus>> st;
            c.taskStatus(kNode, upid.value->value(), this, st.callback());
            return st.wait() && st.value->ok() && st.value->value().succeeded();
        }));
    }

    void ticketLoginCsrfAndRenewal()
    {
        m_tasks->setLogin(QStringLiteral("root@pam"), QStringLiteral("s3cret pass&word"));
        Endpoint e = endpoint();
        e.credentials = {AuthScheme::PveTicket, QStringLiteral("root@pam"), {}, {}};
        ProxmoxClient c(m_nam, e);
        Capture<Result<Ticket>> wrong;
        c.login(QStringLiteral("root@pam"), QStringLiteral("nope"), this, wrong.callback());
        QVERIFY(wrong.wait());
        QCOMPARE(wrong.value->error().httpStatus, 401);

        m_server->clearRequests();
        Capture<Result<Ticket>> login;
        c.login(QStringLiteral("root@pam"), QStringLiteral("s3cret pass&word"), this, login.callback());
        QVERIFY(login.wait());
        QVERIFY2(login.value->ok(), hlc::test::why(*login.value).constData());
        const Ticket t = login.value->value();
        QVERIFY(t.ticket.startsWith(QLatin1String("PVE:root@pam:")));
        QVERIFY(!t.csrfToken.isEmpty());
        QCOMPARE(c.endpoint().credentials.scheme, AuthScheme::PveTicket);
        QCOMPARE(c.endpoint().credentials.extra, t.csrfToken);
        // The password went in the form body only: no Authorization header, no cookie.
        const sim::SimRequest lr = m_server->requests().last();
        QVERIFY(lr.header("authorization").isEmpty());
        QVERIFY(lr.header("cookie").isEmpty());
        QVERIFY(lr.body.contains("password=s3cret%20pass%26word"));
        QVERIFY(!c.ticketNeedsRenewal());
        QVERIFY(c.ticketNeedsRenewal(-1));

        // The ticket opens the read routes too (cookie, no CSRF token needed for GET).
        Capture<Result<NodeStatus>> ns;
        c.nodeStatus(kNode, this, ns.callback());
        QVERIFY(ns.wait());
        QVERIFY2(ns.value->ok(), hlc::test::why(*ns.value).constData());

        // A write with the ticket: cookie + CSRF header.
        QString upid;
        const TaskStatus st = runToEnd(c, QStringLiteral("lxc"), 210, GuestAction::Reboot, &upid);
        QVERIFY(st.succeeded());
        bool checked = false;
        for (const auto& r : m_server->requests()) {
            if (r.method == "POST" && r.path.endsWith(QLatin1String("/status/reboot"))) {
                QVERIFY(r.header("cookie").startsWith("PVEAuthCookie="));
                QCOMPARE(r.header("csrfpreventiontoken"), t.csrfToken.toUtf8());
                QVERIFY(r.header("authorization").isEmpty());
                checked = true;
            }
            if (r.method == "GET")
                QVERIFY(r.header("csrfpreventiontoken").isEmpty()); // only writes carry it
        }
        QVERIFY(checked);

        // Without the CSRF token a write is refused.
        Endpoint noCsrf = e;
        noCsrf.credentials = {AuthScheme::PveTicket, QStringLiteral("root@pam"), t.ticket, {}};
        ProxmoxClient c2(m_nam, noCsrf);
        Capture<Result<QString>> refused;
        c2.guestAction(kNode, QStringLiteral("lxc"), 210, GuestAction::Reboot, this, refused.callback());
        QVERIFY(refused.wait());
        QCOMPARE(refused.value->error().httpStatus, 401);

        // Renewal posts the ticket as the password and gets a fresh one.
        Capture<Result<Ticket>> renewed;
        c.renewTicket(this, renewed.callback());
        QVERIFY(renewed.wait());
        QVERIFY2(renewed.value->ok(), hlc::test::why(*renewed.value).constData());
        QVERIFY(renewed.value->value().ticket != t.ticket);
        QCOMPARE(c.endpoint().credentials.secret, renewed.value->value().ticket);
    }

    void clusterWithOfflineNode()
    {
        auto* server = new sim::SimHttpServer(this);
        QVERIFY(server->listen(true));
        auto* pve = new sim::ProxmoxSim(m_lab, server, {QStringLiteral("pve-thinkpad"), kNode}, kUser, kSecret, this);
        Q_UNUSED(pve);
        m_lab->setNodeOnline(kNode, false);
        ProxmoxClient c(m_nam, endpoint(server));
        Capture<Result<QList<ClusterStatusEntry>>> cs;
        c.clusterStatus(this, cs.callback());
        QVERIFY(cs.wait());
        QVERIFY2(cs.value->ok(), hlc::test::why(*cs.value).constData());
        int nodes = 0;
        for (const ClusterStatusEntry& e : cs.value->value()) {
            if (e.type == QLatin1String("cluster"))
                QVERIFY(!e.quorate); // 1 of 2 votes
            if (e.type == QLatin1String("node")) {
                ++nodes;
                QCOMPARE(e.online, e.name != kNode);
            }
        }
        QCOMPARE(nodes, 2);
        Capture<Result<QList<Resource>>> res;
        c.clusterResources(QStringLiteral("node"), this, res.callback());
        QVERIFY(res.wait());
        for (const Resource& r : res.value->value()) {
            if (r.node == kNode)
                QCOMPARE(r.status, QStringLiteral("offline"));
        }
        m_lab->setNodeOnline(kNode, true);
    }

    void rrdData()
    {
        ProxmoxClient c(m_nam, endpoint());
        Capture<Result<QList<RrdPoint>>> node;
        c.nodeRrd(kNode, QStringLiteral("hour"), this, node.callback());
        QVERIFY(node.wait());
        QVERIFY2(node.value->ok(), hlc::test::why(*node.value).constData());
        QCOMPARE(node.value->value().size(), 70);
        QVERIFY(node.value->value().last().cpu.has_value());
        QVERIFY(node.value->value().last().maxmem.value_or(0) > 0);
        QCOMPARE(m_server->requests().last().query.queryItemValue(QStringLiteral("timeframe")), QStringLiteral("hour"));

        Capture<Result<QList<RrdPoint>>> stopped;
        c.guestRrd(kNode, QStringLiteral("qemu"), 112, QStringLiteral("hour"), this, stopped.callback());
        QVERIFY(stopped.wait());
        QVERIFY(stopped.value->ok());
        QCOMPARE(stopped.value->value().size(), 70);
        QVERIFY(!stopped.value->value().first().cpu.has_value()); // a stopped guest has no samples, not zeros
    }

    /// A failed task with a log of 600 lines: the tail is read (PVE's `total`, then start=total-50), so the error at
    /// the end is seen, not lines 0-499.
    void longTaskLogIsReadFromItsEnd()
    {
        QStringList lines;
        for (int i = 1; i <= 600; ++i)
            lines << QStringLiteral("restore progress %1/600").arg(i);
        m_tasks->failStart(112, QStringLiteral("start failed: disk image corrupt"), lines);
        ProxmoxClient c(m_nam, endpoint());
        QString upid;
        const TaskStatus t = runToEnd(c, QStringLiteral("qemu"), 112, GuestAction::Start, &upid);
        QCOMPARE(t.exitstatus, QStringLiteral("start failed: disk image corrupt"));
        Capture<Result<QList<TaskLogLine>>> log;
        c.taskLogTail(kNode, upid, 50, this, log.callback());
        QVERIFY(log.wait());
        QVERIFY(log.value->ok());
        const QList<TaskLogLine> tail = log.value->value();
        QCOMPARE(tail.size(), 50);
        QCOMPARE(tail.last().t, QStringLiteral("TASK ERROR: start failed: disk image corrupt"));
        QVERIFY(tail.last().n > 600);
        QCOMPARE(tail.first().n, tail.last().n - 49);
        // a short log comes in one request
        QCOMPARE(pve::parser::taskLogPage(R"({"data":[{"n":1,"t":"a"}],"total":"1"})").value().total, 1);
        QCOMPARE(pve::parser::taskLogPage(R"({"data":[{"n":1,"t":"a"}]})").value().total, -1);
        hlc::test::evidence(QStringLiteral("600-line task log: tail lines %1-%2 read, ending with the TASK ERROR")
                                .arg(tail.first().n)
                                .arg(tail.last().n));
    }
};

QTEST_GUILESS_MAIN(TestProxmoxActions)
#include "TestProxmoxActions.moc"
