// Notifications you can answer, end to end on a private D-Bus session (dbus-run-session): a test
// org.freedesktop.Notifications server (a QtDBus object on its own connection) records what the app sends and emits
// ActionInvoked like a desktop would. A firing alert from the simulated Alertmanager becomes a notification with
// "Acknowledge", "Snooze 1 h" and "Open"; an update for the same alert reuses its id (replaces_id); invoking
// "acknowledge" creates the exact-label silence in the simulator; "open" asks the window for the item; a server
// without "actions" gets today's plain messages instead. "Restart container" and "Start guest" bring the window up at
// the item and ask there (answered No: nothing is sent; Yes: the action is sent and followed to its outcome).
#include "DemoSetup.h"
#include "PortainerSim.h"
#include "SimAlertmanager.h"
#include "SimDocker.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "core/DesktopNotifier.h"
#include "core/Homelab.h"
#include "core/HostDetailView.h"
#include "core/MainWindow.h"
#include "core/MessageBox.h"
#include "core/NotificationCenter.h"
#include "core/SecretStore.h"
#include "core/TrayIcon.h"
#include "guests/ActionRunner.h"
#include "guests/GuestInventory.h"
#include "guests/GuestsView.h"
#include "guests/StacksView.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertInbox.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QtTest>

using namespace hlc;
using hlc::test::waitFor;

/// What a desktop's notification server does, as far as the test needs it.
class FakeNotificationServer final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call
    {
        uint replacesId = 0;
        uint id = 0;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QStringList caps;
    QList<Call> calls;
    uint nextId = 41;

public slots:
    QStringList GetCapabilities() { return caps; }
    uint Notify(const QString& appName, uint replacesId, const QString& icon, const QString& summary,
                const QString& body, const QStringList& actions, const QVariantMap& hints, int timeout)
    {
        Q_UNUSED(appName)
        Q_UNUSED(icon)
        Q_UNUSED(timeout)
        const uint id = replacesId != 0 ? replacesId : ++nextId;
        calls << Call{replacesId, id, summary, body, actions, hints};
        return id;
    }
    void CloseNotification(uint id) { emit NotificationClosed(id, 3); }
    QString GetServerInformation(QString& vendor, QString& version, QString& specVersion)
    {
        vendor = QStringLiteral("hlc-test");
        version = QStringLiteral("1");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("hlc-test-notifications");
    }

signals:
    void ActionInvoked(uint id, const QString& actionKey);
    void NotificationClosed(uint id, uint reason);
};

class TestNotificationActions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<QDBusConnection> m_serverBus;
    FakeNotificationServer m_server;
    QString m_amHost;

    bool pushAlert(const QMap<QString, QString>& labels, const QString& summary, const QDateTime& endsAt = {})
    {
        QJsonObject l;
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            l.insert(it.key(), it.value());
        QJsonObject alert{{QStringLiteral("labels"), l},
                          {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), summary}}}};
        if (endsAt.isValid())
            alert.insert(QStringLiteral("endsAt"), endsAt.toString(Qt::ISODateWithMs));
        QUrl url = m_sim->endpoint(m_amHost, QStringLiteral("alertmanager")).baseUrl;
        url.setPath(QStringLiteral("/api/v2/alerts"));
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* reply = m_nam->post(req, QJsonDocument(QJsonArray{alert}).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        const bool ok = done.wait(10000) && reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        return ok;
    }
    /// The server's calls whose summary is @p summary.
    QList<FakeNotificationServer::Call> callsFor(const QString& summary) const
    {
        QList<FakeNotificationServer::Call> out;
        for (const auto& c : m_server.calls) {
            if (c.summary == summary)
                out << c;
        }
        return out;
    }
    std::unique_ptr<Homelab> makeHomelab() const
    {
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 700;
        auto h = std::make_unique<Homelab>(config, QString(), m_secrets.get(), m_nam.get());
        h->inbox()->setUserName(QStringLiteral("tester"));
        h->inventory(QStringLiteral("host-a"))->setOnbootGraceSeconds(0); // a stopped onboot guest is an item at once
        NotificationPolicy::Settings s = h->alerts()->policy().settings();
        s.stormThreshold = 100; // one notification per alert, never a summary
        s.resolvedHoldSeconds = 0;
        h->alerts()->policy().setSettings(s);
        return h;
    }

    sim::SimDocker* docker(const QString& hostId) const
    {
        const sim::ServiceEndpoint ep = m_sim->endpoint(hostId, QStringLiteral("portainer"));
        for (auto* p : m_sim->findChildren<sim::PortainerSim*>()) {
            if (p->docker() && p->docker()->endpointId() == ep.portainerEnvironment)
                return p->docker();
        }
        return nullptr;
    }
    /// POST requests the simulator's @p kind server of host-a received whose path ends with @p suffix.
    int posts(const QString& kind, const QString& suffix) const
    {
        int n = 0;
        for (const sim::SimRequest& r : m_sim->server(QStringLiteral("host-a"), kind)->requests())
            n += r.method == "POST" && r.path.endsWith(suffix) ? 1 : 0;
        return n;
    }
    /// The last call for @p summary that offers @p action.
    std::optional<FakeNotificationServer::Call> offering(const QString& summary, const QString& action) const
    {
        std::optional<FakeNotificationServer::Call> out;
        for (const auto& c : callsFor(summary)) {
            if (c.actions.contains(action))
                out = c;
        }
        return out;
    }
    /// Runs a notification's machine action (@p action on the notification for @p summary) in a real MainWindow:
    /// answered No first (nothing may be sent), then Yes (sent and followed to its outcome).
    struct WindowRun
    {
        QString questionNo;
        QString questionYes;
        uint id = 0;
        QString outcome;
    };
    void answerInWindow(MainWindow& window, Homelab& homelab, const QString& summary, const QString& action,
                        const QString& key, const QString& postSuffix, const QString& portKind, WindowRun* run)
    {
        QVERIFY(waitFor([&] { return offering(summary, action).has_value(); }, 30000));
        const FakeNotificationServer::Call call = *offering(summary, action);
        run->id = call.id;
        QVERIFY(waitFor([&] { return window.trayIcon()->desktopNotifier()->notificationId(key) == call.id; }));
        QVERIFY(homelab.inbox()->item(key));
        QSignalSpy started(homelab.actions(), &ActionRunner::actionStarted);
        QSignalSpy finished(homelab.actions(), &ActionRunner::actionFinished);
        m_sim->server(QStringLiteral("host-a"), portKind)->clearRequests();

        // No: the window shows the item and asks; nothing is sent.
        window.tabs()->setCurrentIndex(0);
        MessageBox::setNextAnswer(QMessageBox::No);
        const QString before = MessageBox::lastQuestion();
        emit m_server.ActionInvoked(call.id, action);
        QVERIFY(waitFor([&] { return MessageBox::lastQuestion() != before; }));
        run->questionNo = MessageBox::lastQuestion();
        auto* detail = qobject_cast<HostDetailView*>(window.tabs()->currentWidget());
        QVERIFY(detail);
        QCOMPARE(detail->objectName(), QStringLiteral("hostDetail_host-a"));
        QTest::qWait(500);
        QCOMPARE(started.size(), 0);
        QCOMPARE(posts(portKind, postSuffix), 0);

        // Yes: sent once and followed to its outcome.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        emit m_server.ActionInvoked(call.id, action);
        QVERIFY(waitFor([&] { return !finished.isEmpty(); }, 30000));
        run->questionYes = MessageBox::lastQuestion();
        QCOMPARE(started.size(), 1);
        QCOMPARE(posts(portKind, postSuffix), 1);
        const auto outcome = finished.first().at(1).value<ActionOutcome>();
        QVERIFY2(outcome.ok(), qPrintable(outcome.message));
        run->outcome = outcome.message;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QDBusConnection::sessionBus().isConnected(), "needs a private session bus (dbus-run-session)");
        // The server on its own connection, so that the app's calls really cross the bus.
        m_serverBus = std::make_unique<QDBusConnection>(
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-notification-server")));
        QVERIFY(m_serverBus->isConnected());
        QVERIFY(m_serverBus->registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_server,
                                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals));
        QVERIFY(m_serverBus->registerService(QStringLiteral("org.freedesktop.Notifications")));
        m_sim = std::make_unique<sim::Simulator>();
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        for (const sim::ServiceEndpoint& ep : m_sim->endpoints(QStringLiteral("alertmanager")))
            m_amHost = ep.hostId;
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        demo::storeSecrets(*m_sim, m_secrets.get());
    }

    void cleanupTestCase()
    {
        m_sim.reset();
        if (m_serverBus)
            m_serverBus->unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    }

    void alertNotificationOffersActionsAndAcknowledgeSilences()
    {
        m_server.caps = {QStringLiteral("actions"), QStringLiteral("body")};
        m_server.calls.clear();
        auto homelab = makeHomelab();
        QWidget window;
        TrayIcon tray(homelab.get(), homelab->alerts(), &window);
        QVERIFY(waitFor([&] { return tray.desktopNotifier()->support() != DesktopNotifier::Support::Unknown; }));
        QCOMPARE(tray.desktopNotifier()->support(), DesktopNotifier::Support::Actions);
        QSignalSpy openRequests(&tray, &TrayIcon::openInboxItemRequested);
        homelab->start();

        const QMap<QString, QString> labels{{QStringLiteral("alertname"), QStringLiteral("HlcNotifyTest")},
                                            {QStringLiteral("severity"), QStringLiteral("critical")},
                                            {QStringLiteral("instance"), QStringLiteral("pve-ryzen:9100")}};
        const QString summary = QStringLiteral("Notification action test");
        QVERIFY(pushAlert(labels, summary));
        const QString key = QStringLiteral("alert/") + sim::SimAlertmanager::fingerprint(labels);
        QVERIFY(waitFor([&] { return !callsFor(summary).isEmpty() && tray.desktopNotifier()->notificationId(key); },
                        20000));
        const FakeNotificationServer::Call first = callsFor(summary).first();
        QCOMPARE(first.replacesId, 0u);
        QVERIFY2(first.actions.contains(QStringLiteral("acknowledge")), qPrintable(first.actions.join(',')));
        QCOMPARE(first.actions.at(first.actions.indexOf(QStringLiteral("acknowledge")) + 1),
                 QStringLiteral("Acknowledge"));
        QCOMPARE(first.actions.at(first.actions.indexOf(QStringLiteral("snooze-1h")) + 1),
                 QStringLiteral("Snooze 1 h"));
        QCOMPARE(first.actions.at(first.actions.indexOf(QStringLiteral("open")) + 1), QStringLiteral("Open"));
        QCOMPARE(first.hints.value(QStringLiteral("urgency")).toInt(), 2);

        // "Open" from the notification asks the window for the item.
        emit m_server.ActionInvoked(first.id, QStringLiteral("open"));
        QVERIFY(openRequests.wait(10000));
        QCOMPARE(openRequests.first().first().toString(), key);

        // "Acknowledge" from the notification: the exact-label silence in the (simulated) Alertmanager.
        const int silencesBefore = int(m_sim->alertmanager()->silences().size());
        emit m_server.ActionInvoked(first.id, QStringLiteral("acknowledge"));
        QVERIFY(waitFor([&] {
            const InboxItem* i = homelab->inbox()->item(key);
            return i && i->state == InboxItem::State::Acknowledged;
        }));
        QCOMPARE(int(m_sim->alertmanager()->silences().size()), silencesBefore + 1);
        const sim::SimSilence s = m_sim->alertmanager()->silences().last();
        QCOMPARE(s.matchers.size(), labels.size());
        for (const sim::SimSilence::Matcher& m : s.matchers)
            QVERIFY(m.isEqual && !m.isRegex && labels.value(m.name) == m.value);
        QVERIFY(s.comment.contains(QLatin1String("Acknowledged by tester")));
        homelab->stop();
        hlc::test::evidence(QStringLiteral("notification %1 offered [%2]; ActionInvoked(open) asked the window for %3; "
                                           "ActionInvoked(acknowledge) created silence %4 with %5 exact matchers")
                                .arg(first.id)
                                .arg(first.actions.join(QLatin1Char(',')), key, s.id)
                                .arg(s.matchers.size()));
    }

    void anUpdateReplacesTheNotification()
    {
        m_server.caps = {QStringLiteral("actions"), QStringLiteral("body")};
        m_server.calls.clear();
        auto homelab = makeHomelab();
        QWidget window;
        TrayIcon tray(homelab.get(), homelab->alerts(), &window);
        QVERIFY(waitFor([&] { return tray.desktopNotifier()->canShowActions(); }));
        homelab->start();
        const QMap<QString, QString> labels{{QStringLiteral("alertname"), QStringLiteral("HlcReplaceTest")},
                                            {QStringLiteral("severity"), QStringLiteral("critical")},
                                            {QStringLiteral("instance"), QStringLiteral("replace-test:9100")}};
        const QString summary = QStringLiteral("Replace test");
        QVERIFY(pushAlert(labels, summary));
        QVERIFY(waitFor([&] { return !callsFor(summary).isEmpty(); }, 20000));
        const QString key = QStringLiteral("alert/") + sim::SimAlertmanager::fingerprint(labels);
        QVERIFY(waitFor([&] { return tray.desktopNotifier()->notificationId(key) != 0; }));
        const uint id = tray.desktopNotifier()->notificationId(key);
        // It resolves: the "Resolved" notice replaces the firing one instead of stacking.
        QVERIFY(pushAlert(labels, summary, QDateTime::currentDateTimeUtc().addSecs(-1)));
        const QString resolved = QStringLiteral("Resolved: ") + summary;
        QVERIFY(waitFor([&] { return !callsFor(resolved).isEmpty(); }, 20000));
        QCOMPARE(callsFor(resolved).first().replacesId, id);
        QCOMPARE(callsFor(resolved).first().id, id);
        homelab->stop();
        hlc::test::evidence(
            QStringLiteral("the resolved notice for %1 was sent with replaces_id %2 (same notification)")
                .arg(key)
                .arg(id));
    }

    void restartContainerAsksInTheWindow()
    {
        m_server.caps = {QStringLiteral("actions"), QStringLiteral("body")};
        m_server.calls.clear();
        auto homelab = makeHomelab();
        MainWindow window(homelab.get());
        QVERIFY(waitFor([&] { return window.trayIcon()->desktopNotifier()->canShowActions(); }));
        homelab->start();
        QVERIFY(waitFor([&] { return !homelab->inventory(QStringLiteral("host-a"))->containers().isEmpty(); }, 15000));
        QVERIFY(docker(QStringLiteral("host-a"))
                    ->setContainerHealth(QStringLiteral("grafana"), QStringLiteral("unhealthy")));
        const QString summary = QStringLiteral("Container grafana is unhealthy");
        const QString key = QStringLiteral("container/host-a/grafana");
        const QString id = docker(QStringLiteral("host-a"))->container(QStringLiteral("grafana"))->id;
        WindowRun run;
        answerInWindow(window, *homelab, summary, QStringLiteral("restart-container"), key,
                       QStringLiteral("/containers/%1/restart").arg(id), QStringLiteral("portainer"), &run);
        if (QTest::currentTestFailed())
            return;
        const FakeNotificationServer::Call first = callsFor(summary).first();
        QCOMPARE(first.actions.at(first.actions.indexOf(QStringLiteral("restart-container")) + 1),
                 QStringLiteral("Restart container"));
        QVERIFY(!first.actions.contains(QStringLiteral("start-guest")));
        QCOMPARE(run.questionNo, QStringLiteral("Restart the container grafana on pve-thinkpad?"));
        QCOMPARE(run.questionYes, run.questionNo);
        auto* stacks = window.findChild<HostDetailView*>(QStringLiteral("hostDetail_host-a"))->findChild<StacksView*>();
        QVERIFY(stacks && stacks->isVisibleTo(&window));
        // Restarted: the health check starts over, the item clears and its notification is replaced by "Cleared".
        QVERIFY(waitFor(
            [&] {
                homelab->inventory(QStringLiteral("host-a"))->refresh();
                QTest::qWait(200);
                return homelab->inbox()->item(key) == nullptr;
            },
            20000));
        const QString cleared = QStringLiteral("Cleared: ") + summary;
        QVERIFY(waitFor([&] { return !callsFor(cleared).isEmpty(); }));
        QCOMPARE(callsFor(cleared).first().replacesId, run.id);
        QVERIFY(!callsFor(cleared).first().actions.contains(QStringLiteral("restart-container")));
        homelab->stop();
        hlc::test::evidence(QStringLiteral("notification %1 offered restart-container; No -> asked \"%2\", 0 POSTs; "
                                           "Yes -> 1 POST .../restart, outcome \"%3\"; cleared notice replaced id %1")
                                .arg(run.id)
                                .arg(run.questionNo, run.outcome));
    }

    void startGuestAsksInTheWindow()
    {
        m_server.caps = {QStringLiteral("actions"), QStringLiteral("body")};
        m_server.calls.clear();
        auto homelab = makeHomelab();
        MainWindow window(homelab.get());
        QVERIFY(waitFor([&] { return window.trayIcon()->desktopNotifier()->canShowActions(); }));
        homelab->start();
        QVERIFY(waitFor([&] { return !homelab->inventory(QStringLiteral("host-a"))->guests().isEmpty(); }, 15000));
        const std::optional<sim::SimGuest> g = m_sim->homelab()->guest(101);
        QVERIFY(g && g->onboot);
        QVERIFY(m_sim->homelab()->setGuestStatus(101, QStringLiteral("stopped")));
        const QString summary = QStringLiteral("Guest 101 (%1) is stopped but marked to start at boot").arg(g->name);
        const QString key = QStringLiteral("guest/host-a/101");
        WindowRun run;
        answerInWindow(window, *homelab, summary, QStringLiteral("start-guest"), key,
                       QStringLiteral("/qemu/101/status/start"), QStringLiteral("proxmox"), &run);
        if (QTest::currentTestFailed())
            return;
        const FakeNotificationServer::Call first = callsFor(summary).first();
        QCOMPARE(first.actions.at(first.actions.indexOf(QStringLiteral("start-guest")) + 1),
                 QStringLiteral("Start guest"));
        QVERIFY(!first.actions.contains(QStringLiteral("restart-container")));
        QCOMPARE(run.questionNo, QStringLiteral("Start VM 101 (%1) on pve-thinkpad?").arg(g->name));
        auto* guests = window.findChild<HostDetailView*>(QStringLiteral("hostDetail_host-a"))->findChild<GuestsView*>();
        QVERIFY(guests && guests->isVisibleTo(&window));
        QCOMPARE(m_sim->homelab()->guest(101)->status, QStringLiteral("running"));
        QVERIFY(waitFor(
            [&] {
                homelab->inventory(QStringLiteral("host-a"))->refresh();
                QTest::qWait(200);
                return homelab->inbox()->item(key) == nullptr;
            },
            20000));
        homelab->stop();
        hlc::test::evidence(QStringLiteral("notification %1 offered start-guest; No -> asked \"%2\", 0 POSTs; Yes -> "
                                           "1 POST .../status/start followed to \"%3\"; guest 101 running, item "
                                           "cleared")
                                .arg(run.id)
                                .arg(run.questionNo, run.outcome));
    }

    void serverWithoutActionsGetsPlainMessages()
    {
        m_server.caps = {QStringLiteral("body")};
        m_server.calls.clear();
        auto homelab = makeHomelab();
        QWidget window;
        TrayIcon tray(homelab.get(), homelab->alerts(), &window);
        QVERIFY(waitFor([&] { return tray.desktopNotifier()->support() != DesktopNotifier::Support::Unknown; }));
        QCOMPARE(tray.desktopNotifier()->support(), DesktopNotifier::Support::NoActions);
        QSignalSpy forWindow(&tray, &TrayIcon::messageForWindow); // offscreen: no tray, so the window gets it
        Notification n;
        n.title = QStringLiteral("Plain");
        n.itemKey = QStringLiteral("alert/0123456789abcdef");
        homelab->notifications()->post(n);
        QCOMPARE(forWindow.size(), 1);
        QCOMPARE(forWindow.first().first().toString(), QStringLiteral("Plain"));
        QCOMPARE(tray.desktopNotifier()->sentCount(), 0); // nothing was sent to the server
        hlc::test::evidence("a server without \"actions\" in GetCapabilities: the tray's plain message is used");
    }
};

QTEST_MAIN(TestNotificationActions)
#include "TestNotificationActions.moc"
