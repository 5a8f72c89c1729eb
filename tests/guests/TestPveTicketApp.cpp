// The app with `auth: pve-ticket`: HostMonitor logs in with the password (POST /access/ticket), GuestInventory and
// ActionRunner use the ticket (cookie, CSRF token on writes), renewal and one re-login on a 401, against the
// simulated PVE (ProxmoxSim + ProxmoxTaskSim over HTTPS, pinned) on 127.0.0.1. The password never leaves the login
// body.
#include "PveSimFixture.h"
#include "TestUtil.h"

#include "DemoSetup.h"
#include "ProxmoxSim.h"
#include "ProxmoxTaskSim.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/Homelab.h"
#include "core/NotificationCenter.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"
#include "guests/ActionRunner.h"
#include "guests/GuestInventory.h"
#include "guests/HostMonitor.h"
#include "proxmox/ProxmoxClient.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kTokenUser = QStringLiteral("monitor@pve!homelab-control");
const QString kTokenSecret = QStringLiteral("0d9b7c1a-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
const QString kUser = QStringLiteral("root@pam");
const QString kPassword = QStringLiteral("Zq8!pw&unique Pass");
const QString kNode = QStringLiteral("pve-thinkpad");
const QString kHost = QStringLiteral("host-a");
} // namespace

class TestPveTicketApp : public QObject
{
    Q_OBJECT

private:
    hlc::test::PveSimFixture m_pve;
    sim::SimHomelab* m_lab = nullptr;
    sim::SimHttpServer* m_server = nullptr;
    sim::ProxmoxTaskSim* m_tasks = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    ServiceDirectory* m_services = nullptr;
    HostMonitor* m_monitor = nullptr;
    GuestInventory* m_inventory = nullptr;
    AuditLog* m_audit = nullptr;
    NotificationCenter* m_notifications = nullptr;
    ActionJournal* m_journal = nullptr;
    ActionRunner* m_runner = nullptr;
    QTemporaryDir m_dir;

    /// The password in every form it could travel in (plain, percent-encoded, form-encoded).
    static QList<QByteArray> passwordForms()
    {
        QByteArray form = QUrl::toPercentEncoding(kPassword);
        return {kPassword.toUtf8(), QUrl::toPercentEncoding(kPassword), form.replace("%20", "+")};
    }
    static bool isLogin(const sim::SimRequest& r)
    {
        return r.method == "POST" && r.path.endsWith(QLatin1String("/access/ticket"));
    }
    /// Where the password appears in @p r outside a login body (empty: nowhere).
    static QString leak(const sim::SimRequest& r)
    {
        for (const QByteArray& p : passwordForms()) {
            for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it) {
                if (it.value().contains(p))
                    return QStringLiteral("header ") + QString::fromLatin1(it.key());
            }
            if (r.path.toUtf8().contains(p) || r.query.toString(QUrl::FullyEncoded).toUtf8().contains(p))
                return QStringLiteral("url ") + r.path;
            if (!isLogin(r) && r.body.contains(p))
                return QStringLiteral("body of ") + r.path;
        }
        return {};
    }
    void checkNoLeaks()
    {
        for (const sim::SimRequest& r : m_server->requests()) {
            const QString where = leak(r);
            QVERIFY2(where.isEmpty(), qPrintable(where));
            QVERIFY(r.header("authorization").isEmpty()); // no token, no Basic: ticket only
        }
    }
    [[nodiscard]] int logins() const
    {
        const QList<sim::SimRequest> all = m_server->requests();
        return static_cast<int>(std::count_if(all.cbegin(), all.cend(), isLogin));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_pve.start(this, {kNode}, kTokenUser, kTokenSecret));
        m_lab = m_pve.lab;
        m_server = m_pve.server;
        m_tasks = m_pve.tasks;
        m_tasks->setTaskDurationMs(300);
        m_tasks->setLogin(kUser, kPassword);

        HostConfig host;
        host.id = kHost;
        host.name = kNode;
        host.services = {m_pve.service(kNode, AuthScheme::PveTicket, kUser)};

        m_nam = new QNetworkAccessManager(this);
        Config config;
        config.hosts << host;
        m_services = new ServiceDirectory(config, nullptr, m_nam, this);
        m_monitor = new HostMonitor(host, m_services, this);
        m_inventory = new GuestInventory(host, m_services, this);
        connect(m_monitor, &HostMonitor::proxmoxAuthenticated, m_inventory, &GuestInventory::refresh);
        m_audit = new AuditLog(m_dir.filePath(QStringLiteral("audit.jsonl")), this);
        m_notifications = new NotificationCenter(this);
        m_journal = new ActionJournal(m_audit, m_notifications, this);
        m_runner = new ActionRunner([this](const QString& id) { return id == kHost ? m_inventory : nullptr; },
                                    m_journal, this);
        m_runner->setTaskPollIntervalMs(100);
    }

    void wrongPasswordIsReportedWithoutThePassword()
    {
        m_services->applySecret(kHost, QStringLiteral("proxmox"), QStringLiteral("wrong-Pw-77"));
        m_monitor->start(60000);
        QVERIFY(waitFor([this] { return m_monitor->proxmoxStatus().state == SourceStatus::State::Error; }));
        const ApiError e = m_monitor->proxmoxStatus().error;
        QCOMPARE(e.kind, ApiError::Kind::Auth);
        QCOMPARE(e.httpStatus, 401);
        QVERIFY(!e.message.contains(QLatin1String("wrong-Pw-77")));
        QVERIFY(!e.detail.contains(QLatin1String("wrong-Pw-77")));
        // No data request went out without a ticket, and none carried the password as a cookie.
        for (const sim::SimRequest& r : m_server->requests()) {
            QVERIFY2(isLogin(r), qPrintable(r.path));
            QVERIFY(r.header("cookie").isEmpty());
        }
        QVERIFY(!m_inventory->guestsStatus().hasData());
        m_monitor->stop();
    }

    void loginThenDataWithTheTicket()
    {
        m_server->clearRequests();
        m_services->applySecret(kHost, QStringLiteral("proxmox"), kPassword);
        m_monitor->start(60000);
        m_inventory->start(60000);
        QVERIFY(waitFor([this] { return m_monitor->nodeStatus().has_value(); }));
        QVERIFY(waitFor([this] { return m_inventory->guestsStatus().hasData(); }));
        QCOMPARE(m_monitor->proxmoxStatus().state, SourceStatus::State::Ok);
        QVERIFY(!m_inventory->guests().isEmpty());
        QCOMPARE(logins(), 1);

        const QList<sim::SimRequest> all = m_server->requests();
        QVERIFY(isLogin(all.first()));
        QVERIFY(all.first().header("cookie").isEmpty());
        QVERIFY(all.first().body.contains("username=root%40pam"));
        bool sawStatus = false;
        bool sawResources = false;
        for (const sim::SimRequest& r : all) {
            if (isLogin(r))
                continue;
            QVERIFY2(r.header("cookie").startsWith("PVEAuthCookie=PVE%3Aroot%40pam%3A"),
                     r.header("cookie").constData());
            sawStatus = sawStatus || r.path.endsWith(QLatin1String("/nodes/pve-thinkpad/status"));
            sawResources = sawResources || r.path.endsWith(QLatin1String("/cluster/resources"));
        }
        QVERIFY(sawStatus);
        QVERIFY(sawResources);
        checkNoLeaks();
        QCOMPARE(m_monitor->proxmoxClient()->endpoint().credentials.scheme, AuthScheme::PveTicket);
        QVERIFY(m_monitor->proxmoxClient()->endpoint().credentials.secret != kPassword);
        hlc::test::evidence(
            QStringLiteral("HostMonitor/GuestInventory with PVE ticket auth <-> simulated PVE over HTTPS "
                           "(pinned) on %1: %2 login, %3 requests with the ticket cookie")
                .arg(m_server->baseUrl().host())
                .arg(logins())
                .arg(all.size() - 1));
    }

    void writeCarriesCsrfToken()
    {
        std::optional<pve::Resource> stopped;
        for (const pve::Resource& g : m_inventory->guests()) {
            if (g.status == QLatin1String("stopped"))
                stopped = g;
        }
        QVERIFY(stopped.has_value());
        m_server->clearRequests();
        const QString key = ActionRunner::guestKey(*stopped);
        QVERIFY(m_runner->runGuestAction(kHost, *stopped, pve::GuestAction::Start));
        QVERIFY(waitFor([&] { return !m_runner->isBusy(kHost, key); }, 10000));
        const auto o = m_runner->lastOutcome(kHost, key);
        QVERIFY(o.has_value());
        QVERIFY2(o->result == ActionOutcome::Result::Ok, qPrintable(o->message));
        QCOMPARE(m_lab->guest(stopped->vmid)->status, QStringLiteral("running"));

        const QByteArray csrf = m_monitor->proxmoxClient()->endpoint().credentials.extra.toUtf8();
        QVERIFY(!csrf.isEmpty());
        bool sawWrite = false;
        for (const sim::SimRequest& r : m_server->requests()) {
            if (r.method == "POST" && r.path.endsWith(QLatin1String("/status/start"))) {
                QVERIFY(r.header("cookie").startsWith("PVEAuthCookie="));
                QCOMPARE(r.header("csrfpreventiontoken"), csrf);
                sawWrite = true;
            } else if (r.method == "GET") {
                QVERIFY(r.header("csrfpreventiontoken").isEmpty());
            }
        }
        QVERIFY(sawWrite);
        checkNoLeaks();
        // The audit line carries the task, never a credential.
        const AuditEntry e = m_audit->entries().last();
        QCOMPARE(e.outcome, QStringLiteral("ok"));
        QVERIFY(!e.taskId.isEmpty());
        QVERIFY(!m_audit->entries().isEmpty());
        QFile f(m_dir.filePath(QStringLiteral("audit.jsonl")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray audit = f.readAll();
        QVERIFY(!audit.contains("PVEAuthCookie"));
        QVERIFY(!audit.contains("PVE:root@pam:"));
        for (const QByteArray& p : passwordForms())
            QVERIFY(!audit.contains(p));
    }

    void ticketRenewedBeforeExpiry()
    {
        const QString before = m_monitor->proxmoxClient()->endpoint().credentials.secret;
        m_server->clearRequests();
        m_monitor->setTicketRenewAfterSecs(-1); // every poll finds the ticket "old"
        QSignalSpy authenticated(m_monitor, &HostMonitor::proxmoxAuthenticated);
        QSignalSpy updated(m_monitor, &HostMonitor::proxmoxUpdated);
        m_monitor->refresh();
        QVERIFY(waitFor([&] { return authenticated.size() >= 1; }));
        m_monitor->setTicketRenewAfterSecs(90 * 60);
        QVERIFY(waitFor([this] {
            const QList<sim::SimRequest> all = m_server->requests();
            return std::any_of(all.cbegin(), all.cend(), [](const sim::SimRequest& r) {
                return r.path.endsWith(QLatin1String("/nodes/pve-thinkpad/status"));
            });
        }));
        const QString after = m_monitor->proxmoxClient()->endpoint().credentials.secret;
        QVERIFY(!after.isEmpty());
        QVERIFY(after != before);
        // The renewal sent the old ticket as the password, not the user's password.
        const QList<sim::SimRequest> all = m_server->requests();
        const auto it = std::find_if(all.cbegin(), all.cend(), isLogin);
        QVERIFY(it != all.cend());
        const sim::SimRequest login = *it;
        QCOMPARE(logins(), 1);
        QVERIFY(login.body.contains(QByteArray(QByteArray("password=") + QUrl::toPercentEncoding(before))));
        checkNoLeaks();
        QVERIFY(waitFor([&] { return updated.size() >= 1; })); // the poll with the new ticket has finished
        QCOMPARE(m_monitor->proxmoxStatus().state, SourceStatus::State::Ok);
    }

    void reloginOnceOn401()
    {
        m_server->clearRequests();
        sim::Fault f;
        f.status = 401;
        f.times = 1;
        m_server->setFault("GET", sim::ProxmoxSim::apiPrefix() + QStringLiteral("/nodes/{node}/status"), f);
        QSignalSpy updated(m_monitor, &HostMonitor::proxmoxUpdated);
        // A poll still in flight may have passed before the fault was set: poll until the 401 made it log in.
        QVERIFY(waitFor([&] {
            m_monitor->refresh();
            return logins() >= 1;
        }));
        updated.clear();
        QVERIFY(waitFor([&] { return updated.size() >= 1; })); // the poll after the re-login
        QCOMPARE(m_monitor->proxmoxStatus().state, SourceStatus::State::Ok);
        QCOMPARE(logins(), 1); // logged in again with the password ...
        const QList<sim::SimRequest> all = m_server->requests();
        const sim::SimRequest login = *std::find_if(all.cbegin(), all.cend(), isLogin);
        QVERIFY(login.body.contains(QByteArray(QByteArray("password=") + QUrl::toPercentEncoding(kPassword))));
        checkNoLeaks();

        // ... but only once: a server that keeps refusing is reported, not hammered.
        m_server->clearRequests();
        f.times = -1;
        m_server->setFault("GET", sim::ProxmoxSim::apiPrefix() + QStringLiteral("/nodes/{node}/status"), f);
        updated.clear();
        m_monitor->refresh();
        QVERIFY(waitFor([&] { return updated.size() >= 1; }));
        QCOMPARE(m_monitor->proxmoxStatus().state, SourceStatus::State::Error);
        QCOMPARE(m_monitor->proxmoxStatus().error.httpStatus, 401);
        QCOMPARE(logins(), 1);
        m_server->clearFaults();
        m_monitor->stop();
        m_inventory->stop();
    }

    /// An action that meets an expired ticket (401) logs in again once and re-sends; it never loops.
    void actionLogsInAgainWhenTheTicketExpired()
    {
        m_runner->setReauthenticator([this](const QString& hostId, QObject* context, auto done) {
            return hostId == kHost && m_monitor->reauthenticate(context, std::move(done));
        });
        std::optional<pve::Resource> vm;
        for (const pve::Resource& g : m_inventory->guests()) {
            if (g.type == QLatin1String("qemu") && g.status == QLatin1String("running"))
                vm = g;
        }
        QVERIFY(vm.has_value());
        const QString route = sim::ProxmoxSim::apiPrefix() + QStringLiteral("/nodes/{node}/qemu/{vmid}/status/reboot");
        const auto reboots = [this] {
            const QList<sim::SimRequest> all = m_server->requests();
            return std::count_if(all.cbegin(), all.cend(), [](const sim::SimRequest& r) {
                return r.method == "POST" && r.path.endsWith(QLatin1String("/status/reboot"));
            });
        };
        const QString key = ActionRunner::guestKey(*vm);
        QStringList progress;
        connect(m_runner, &ActionRunner::actionProgress, this,
                [&progress](const ActionTarget&, const QString& text) { progress << text; });

        // 1. The ticket is refused once: one login with the password, the POST re-sent, the task followed to OK.
        m_server->clearRequests();
        sim::Fault f;
        f.status = 401;
        f.times = 1;
        m_server->setFault("POST", route, f);
        QVERIFY(m_runner->runGuestAction(kHost, *vm, pve::GuestAction::Reboot));
        QVERIFY(waitFor([&] { return !m_runner->isBusy(kHost, key); }, 10000));
        auto o = m_runner->lastOutcome(kHost, key);
        QVERIFY(o.has_value());
        QVERIFY2(o->result == ActionOutcome::Result::Ok, qPrintable(o->message));
        QCOMPARE(reboots(), 2);
        QCOMPARE(logins(), 1);
        QVERIFY2(progress.join(QLatin1Char('|')).contains(QLatin1String("logging in again")),
                 qPrintable(progress.join(QLatin1Char('|'))));
        checkNoLeaks();

        // 2. Refused again after the fresh login: reported as failed after exactly one login and one re-send.
        m_server->clearRequests();
        f.times = -1;
        m_server->setFault("POST", route, f);
        QVERIFY(m_runner->runGuestAction(kHost, *vm, pve::GuestAction::Reboot));
        QVERIFY(waitFor([&] { return !m_runner->isBusy(kHost, key); }, 10000));
        o = m_runner->lastOutcome(kHost, key);
        QVERIFY(o.has_value());
        QCOMPARE(o->result, ActionOutcome::Result::Failed);
        QVERIFY2(o->message.contains(QLatin1String("login ticket")), qPrintable(o->message));
        QCOMPARE(reboots(), 2);
        QCOMPARE(logins(), 1);
        checkNoLeaks();
        // Both attempts are on record: "requested", then the outcome, never a credential.
        const QList<AuditEntry> entries = m_audit->entries();
        QVERIFY(entries.size() >= 2);
        QCOMPARE(entries.at(entries.size() - 2).outcome, QStringLiteral("requested"));
        QVERIFY(entries.last().outcome.startsWith(QLatin1String("failed: ")));
        m_server->clearFaults();
    }

    /// The demo: Host B logs in with a password (ticket), Host A uses its API token. Both show data; an action on
    /// Host B whose ticket the server refuses (401) logs in again through the Homelab's wiring and succeeds.
    void demoLogsInWithPasswordOnHostB()
    {
        sim::Simulator simulator;
        simulator.setTickIntervalMs(0);
        simulator.setProxmoxTicketLogin(QStringLiteral("host-b"));
        QString error;
        QVERIFY2(simulator.start(&error), qPrintable(error));
        const sim::ServiceEndpoint b = simulator.endpoint(QStringLiteral("host-b"), QStringLiteral("proxmox"));
        QCOMPARE(b.auth, QStringLiteral("pve-ticket"));
        QCOMPARE(simulator.endpoint(QStringLiteral("host-a"), QStringLiteral("proxmox")).auth,
                 QStringLiteral("pve-token"));
        Config config = demo::configFor(simulator);
        config.refreshIntervalMs = 60000; // refreshes come from the login and the action
        const auto authOf = [&config](const QString& hostId) {
            for (const ServiceConfig& s : config.host(hostId)->services) {
                if (s.kind == ServiceKind::Proxmox)
                    return s.auth;
            }
            return AuthScheme::None;
        };
        QCOMPARE(authOf(QStringLiteral("host-b")), AuthScheme::PveTicket);
        QCOMPARE(authOf(QStringLiteral("host-a")), AuthScheme::PveToken);
        SecretStore secrets;
        demo::storeSecrets(simulator, &secrets);
        Homelab lab(config, QString(), &secrets, m_nam);
        lab.start();
        GuestInventory* inv = lab.inventory(QStringLiteral("host-b"));
        QVERIFY(inv);
        QVERIFY(waitFor([&] { return inv->guestsStatus().hasData() && !inv->guests().isEmpty(); }, 10000));
        QVERIFY(waitFor([&] { return lab.inventory(QStringLiteral("host-a"))->guestsStatus().hasData(); }, 10000));
        QVERIFY(waitFor([&] { return lab.host(QStringLiteral("host-b"))->nodeStatus().has_value(); }, 10000));

        sim::SimHttpServer* server = simulator.server(QStringLiteral("host-b"), QStringLiteral("proxmox"));
        const auto loginsOnB = [server] {
            const QList<sim::SimRequest> all = server->requests();
            return std::count_if(all.cbegin(), all.cend(), isLogin);
        };
        QCOMPARE(loginsOnB(), 1);
        for (const sim::SimRequest& r : server->requests()) {
            QVERIFY(r.header("authorization").isEmpty()); // ticket only, no token on Host B
            QVERIFY(!r.path.contains(b.secret) && !r.header("cookie").contains(b.secret.toUtf8()));
        }

        std::optional<pve::Resource> vm;
        for (const pve::Resource& g : inv->guests()) {
            if (g.type == QLatin1String("qemu") && g.status == QLatin1String("running"))
                vm = g;
        }
        QVERIFY(vm.has_value());
        sim::Fault f;
        f.status = 401;
        f.times = 1;
        server->setFault("POST",
                         sim::ProxmoxSim::apiPrefix() + QStringLiteral("/nodes/{node}/qemu/{vmid}/status/reboot"), f);
        const QString key = ActionRunner::guestKey(*vm);
        QVERIFY(lab.actions()->runGuestAction(QStringLiteral("host-b"), *vm, pve::GuestAction::Reboot));
        QVERIFY(waitFor([&] { return !lab.actions()->isBusy(QStringLiteral("host-b"), key); }, 15000));
        const auto o = lab.actions()->lastOutcome(QStringLiteral("host-b"), key);
        QVERIFY(o.has_value());
        QVERIFY2(o->result == ActionOutcome::Result::Ok, qPrintable(o->message));
        QCOMPARE(loginsOnB(), 2);
        lab.stop();
    }
};

QTEST_GUILESS_MAIN(TestPveTicketApp)
#include "TestPveTicketApp.moc"
