// The Inbox tab in the main window against the simulator (offscreen): its empty state says what would appear; an
// alert pushed into the simulated Alertmanager is acknowledged with the Acknowledge button (an exact-label silence
// reaches the simulator and the tray tooltip counts it); the seeded unhealthy container is snoozed through the
// Snooze… dialog with a reason and unsnoozed again; Open shows the container in its host's stacks.
// Maintenance… starts a window for the selected item's host from its dialog: the simulator gets the host's silence,
// the host's items and a notification about it are held, End maintenance expires the silence and shows the summary.
// The Maintenance settings page writes weekly windows into the config.
// HLC_INBOX_SCREENSHOT_DIR=dir saves the tab as inbox.png and maintenance.png (1280x800, for the README).
#include "DemoSetup.h"
#include "SimAlertmanager.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "core/AuditLog.h"
#include "core/Homelab.h"
#include "core/HostDetailView.h"
#include "core/MainWindow.h"
#include "core/NotificationCenter.h"
#include "core/SecretStore.h"
#include "core/TrayIcon.h"
#include "guests/StacksView.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertInbox.h"
#include "metrics/InboxModel.h"
#include "metrics/InboxView.h"
#include "metrics/MaintenanceDialog.h"
#include "metrics/MaintenanceManager.h"
#include "metrics/SnoozeDialog.h"
#include "metrics/SuppressDialog.h"
#include "settings/MaintenanceSettingsPage.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimeEdit>
#include <QToolButton>
#include <QtTest>

using namespace hlc;
using hlc::test::waitFor;

class TestInboxTab : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Homelab> m_homelab;
    std::unique_ptr<MainWindow> m_window;
    QMap<QString, QString> m_alertLabels;

    InboxView* view() const { return m_window->inboxView(); }
    template<typename T> T* child(const char* name) const { return view()->findChild<T*>(QString::fromLatin1(name)); }
    void showInbox()
    {
        m_window->tabs()->setCurrentWidget(view());
        QTRY_VERIFY(view()->isVisible());
    }
    /// POSTs one alert to the simulated Alertmanager, as Prometheus would.
    bool pushAlert(const QMap<QString, QString>& labels, const QString& summary)
    {
        QJsonObject l;
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            l.insert(it.key(), it.value());
        const QJsonArray body{
            QJsonObject{{QStringLiteral("labels"), l},
                        {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), summary}}}}};
        QUrl url = m_sim->endpoint(m_alertHost, QStringLiteral("alertmanager")).baseUrl;
        url.setPath(QStringLiteral("/api/v2/alerts"));
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* reply = m_nam->post(req, QJsonDocument(body).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        const bool ok = done.wait(10000) && reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        return ok;
    }
    QString m_alertHost;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<sim::Simulator>();
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        for (const sim::ServiceEndpoint& ep : m_sim->endpoints(QStringLiteral("alertmanager")))
            m_alertHost = ep.hostId;
        QVERIFY(!m_alertHost.isEmpty());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        demo::storeSecrets(*m_sim, m_secrets.get());
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 700;
        m_homelab = std::make_unique<Homelab>(config, QString(), m_secrets.get(), m_nam.get());
        m_homelab->inbox()->setUserName(QStringLiteral("tester"));
        m_window = std::make_unique<MainWindow>(m_homelab.get());
        m_window->resize(1100, 600);
        m_window->show();
        m_homelab->start();
        QVERIFY(view());
        bool tab = false;
        for (int i = 0; i < m_window->tabs()->count(); ++i)
            tab = tab ||
                  (m_window->tabs()->tabText(i) == QLatin1String("Inbox") && m_window->tabs()->widget(i) == view());
        QVERIFY(tab);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_homelab.reset();
        m_sim.reset();
    }

    void emptyInboxSaysWhatWouldAppear()
    {
        AlertInbox empty(nullptr, QString());
        InboxView v(&empty);
        v.show();
        auto* label = v.findChild<QLabel*>(QStringLiteral("inboxEmptyLabel"));
        QVERIFY(label && label->isVisible());
        QVERIFY(!v.table()->isVisible());
        QVERIFY2(label->text().startsWith(QLatin1String("Nothing needs your attention right now.")),
                 qPrintable(label->text()));
        QVERIFY(label->text().contains(QLatin1String("Firing alerts")));
        QVERIFY(label->text().contains(QLatin1String("containers that are unhealthy or keep restarting")));
        QCOMPARE(v.findChild<QLabel*>(QStringLiteral("inboxCounts"))->text(),
                 QStringLiteral("Inbox: nothing needs attention"));
        QVERIFY(!v.findChild<QPushButton*>(QStringLiteral("acknowledgeButton"))->isEnabled());
        hlc::test::evidence(
            QStringLiteral("empty inbox shows: %1").arg(label->text().section(QLatin1Char('\n'), 0, 0)));
    }

    void acknowledgeButtonSilencesTheAlert()
    {
        showInbox();
        m_alertLabels = {{QStringLiteral("alertname"), QStringLiteral("HlcInboxGuiTest")},
                         {QStringLiteral("severity"), QStringLiteral("critical")},
                         {QStringLiteral("instance"), QStringLiteral("pve-ryzen:9100")}};
        QVERIFY(pushAlert(m_alertLabels, QStringLiteral("Inbox test alert")));
        const QString key = QStringLiteral("alert/") + sim::SimAlertmanager::fingerprint(m_alertLabels);
        AlertInbox* inbox = m_homelab->inbox();
        QVERIFY(waitFor(
            [&] {
                m_homelab->alerts()->refresh();
                QTest::qWait(200);
                return inbox->item(key) && inbox->item(key)->state == InboxItem::State::Open;
            },
            15000));
        QVERIFY(view()->table()->isVisible());
        QVERIFY(!child<QLabel>("inboxEmptyLabel")->isVisible());
        QVERIFY(view()->selectItem(key));
        auto* ack = child<QPushButton>("acknowledgeButton");
        QVERIFY(waitFor([ack] { return ack->isEnabled(); }));
        QCOMPARE(child<QComboBox>("ackMaxCombo")->currentData().toLongLong(), qint64(24 * 3600));
        const int silencesBefore = int(m_sim->alertmanager()->silences().size());
        QTest::mouseClick(ack, Qt::LeftButton);
        QVERIFY(waitFor([&] { return inbox->item(key) && inbox->item(key)->state == InboxItem::State::Acknowledged; },
                        15000));
        QCOMPARE(int(m_sim->alertmanager()->silences().size()), silencesBefore + 1);
        const sim::SimSilence s = m_sim->alertmanager()->silences().last();
        QCOMPARE(s.matchers.size(), m_alertLabels.size());
        for (const sim::SimSilence::Matcher& m : s.matchers) {
            QVERIFY(m.isEqual && !m.isRegex);
            QCOMPARE(m.value, m_alertLabels.value(m.name));
        }
        QCOMPARE(s.createdBy, QStringLiteral("tester"));
        QVERIFY(s.comment.contains(QLatin1String("Acknowledged by tester")));
        const qint64 maxSeconds = s.startsAt.secsTo(s.endsAt);
        QVERIFY2(maxSeconds > 24 * 3600 - 60 && maxSeconds <= 24 * 3600, qPrintable(QString::number(maxSeconds)));
        // (Not openCount() - 1: other sources, e.g. the first Portainer poll, may add items meanwhile.)
        QVERIFY(!inbox->item(key)->needsOperator());
        QCOMPARE(inbox->acknowledgedCount(), 1);
        QVERIFY(!ack->isEnabled()); // acknowledged: nothing to acknowledge any more
        QVERIFY(
            waitFor([this] { return child<QLabel>("inboxCounts")->text().contains(QLatin1String("1 acknowledged")); }));
        const int row = view()->model()->rowOfKey(key);
        const QString stateShown = view()->model()->index(row, InboxModel::State).data().toString();
        QVERIFY2(stateShown.startsWith(QLatin1String("acknowledged by tester until it clears")),
                 qPrintable(stateShown));
        QVERIFY2(m_window->trayIcon()->toolTip().contains(QLatin1String("1 acknowledged")),
                 qPrintable(m_window->trayIcon()->toolTip()));
        bool audited = false;
        for (const AuditEntry& e : m_homelab->audit()->entries())
            audited = audited || (e.action == QLatin1String("acknowledge") && e.outcome == QLatin1String("ok") &&
                                  e.taskId == s.id);
        QVERIFY(audited);
        hlc::test::evidence(QStringLiteral("Acknowledge clicked in the Inbox tab: simulator silence %1 with %2 exact "
                                           "matchers for 24 h; row shows \"%3\"; tray tooltip: %4")
                                .arg(s.id)
                                .arg(s.matchers.size())
                                .arg(stateShown, m_window->trayIcon()->toolTip().section(QLatin1Char('\n'), -1)));
    }

    void snoozeDialogAndUnsnoozeOnAContainer()
    {
        showInbox();
        AlertInbox* inbox = m_homelab->inbox();
        // The seed's loki on host-a runs unhealthy.
        const QString key = QStringLiteral("container/host-a/loki");
        QVERIFY(waitFor([&] { return inbox->item(key) != nullptr; }, 15000));
        QVERIFY(view()->selectItem(key));
        auto* snooze = child<QPushButton>("snoozeButton");
        QVERIFY(waitFor([snooze] { return snooze->isEnabled(); }));
        QTest::mouseClick(snooze, Qt::LeftButton);
        SnoozeDialog* d = nullptr;
        QVERIFY(waitFor([&] { return (d = view()->findChild<SnoozeDialog*>()) != nullptr && d->isVisible(); }));
        auto* duration = d->findChild<QComboBox*>(QStringLiteral("snoozeDurationCombo"));
        QCOMPARE(duration->count(), 3);
        QCOMPARE(duration->itemText(2), QStringLiteral("Until tomorrow 08:00"));
        duration->setCurrentIndex(1); // 4 hours
        QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("snoozeReasonEdit")), QStringLiteral("log rotation"));
        const QDateTime clicked = QDateTime::currentDateTimeUtc();
        QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("snoozeOkButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return inbox->item(key)->state == InboxItem::State::Snoozed; }));
        QCOMPARE(inbox->item(key)->reason, QStringLiteral("log rotation"));
        QVERIFY(qAbs(inbox->item(key)->until.secsTo(clicked.addSecs(4 * 3600))) <= 60);
        const QString shown =
            view()->model()->index(view()->model()->rowOfKey(key), InboxModel::State).data().toString();
        QVERIFY2(shown.startsWith(QLatin1String("snoozed until")) && shown.endsWith(QLatin1String(": log rotation")),
                 qPrintable(shown));

        auto* unsnooze = child<QPushButton>("unsnoozeButton");
        QVERIFY(waitFor([unsnooze] { return unsnooze->isEnabled(); }));
        QTest::mouseClick(unsnooze, Qt::LeftButton);
        QVERIFY(waitFor([&] { return inbox->item(key)->state == InboxItem::State::Open; }));
        hlc::test::evidence(
            QStringLiteral("loki snoozed 4 h from the dialog (row: \"%1\"), unsnoozed with the button").arg(shown));
    }

    void suppressDialogNeedsAReasonAndUnsuppressUndoesIt()
    {
        showInbox();
        AlertInbox* inbox = m_homelab->inbox();
        const QString key = QStringLiteral("container/host-a/loki");
        QVERIFY(waitFor([&] { return inbox->item(key) && inbox->item(key)->state == InboxItem::State::Open; }, 15000));
        QVERIFY(view()->selectItem(key));
        auto* suppress = child<QPushButton>("suppressButton");
        QVERIFY(waitFor([suppress] { return suppress->isEnabled(); }));
        QTest::mouseClick(suppress, Qt::LeftButton);
        SuppressDialog* d = nullptr;
        QVERIFY(waitFor([&] { return (d = view()->findChild<SuppressDialog*>()) != nullptr && d->isVisible(); }));
        auto* ok = d->findChild<QPushButton*>(QStringLiteral("suppressOkButton"));
        QVERIFY(!ok->isEnabled()); // a reason is required
        QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("suppressReasonEdit")),
                         QStringLiteral("replacement disk ordered"));
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QVERIFY(waitFor([&] { return inbox->item(key)->state == InboxItem::State::Suppressed; }));
        QVERIFY(qAbs(inbox->item(key)->until.secsTo(QDateTime::currentDateTimeUtc().addDays(7))) <= 60);
        const QString shown =
            view()->model()->index(view()->model()->rowOfKey(key), InboxModel::State).data().toString();
        QVERIFY2(shown.startsWith(QLatin1String("suppressed by tester until")) &&
                     shown.endsWith(QLatin1String(": replacement disk ordered")),
                 qPrintable(shown));
        auto* unsuppress = child<QPushButton>("unsuppressButton");
        QVERIFY(waitFor([unsuppress] { return unsuppress->isEnabled(); }));
        QTest::mouseClick(unsuppress, Qt::LeftButton);
        QVERIFY(waitFor([&] { return inbox->item(key)->state == InboxItem::State::Open; }));
        bool audited = false;
        for (const AuditEntry& e : m_homelab->audit()->entries())
            audited = audited || (e.action == QLatin1String("unsuppress") && e.outcome == QLatin1String("ok"));
        QVERIFY(audited);
        hlc::test::evidence(QStringLiteral("loki suppressed 7 days from the dialog (row: \"%1\"), unsuppressed with "
                                           "the button")
                                .arg(shown));
    }

    void openShowsTheContainerInItsStacks()
    {
        showInbox();
        const QString key = QStringLiteral("container/host-a/loki");
        QVERIFY(view()->selectItem(key));
        auto* open = child<QPushButton>("openItemButton");
        QVERIFY(waitFor([open] { return open->isEnabled(); }));
        const QString shots = qEnvironmentVariable("HLC_INBOX_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            QVERIFY(m_window->grab().save(shots + QStringLiteral("/inbox.png")));
        QTest::mouseClick(open, Qt::LeftButton);
        auto* detail = m_window->findChild<HostDetailView*>(QStringLiteral("hostDetail_host-a"));
        QVERIFY(detail);
        QCOMPARE(m_window->tabs()->currentWidget(), detail);
        auto* stacks = detail->findChild<StacksView*>();
        QVERIFY(stacks);
        QCOMPARE(detail->tabs()->currentWidget(), stacks);
        hlc::test::evidence("Open on the loki item switched to host-a's Stacks tab");
    }

    void maintenanceDialogStartsAndEndMaintenanceEndsAWindow()
    {
        showInbox();
        AlertInbox* inbox = m_homelab->inbox();
        MaintenanceManager* maintenance = m_homelab->maintenance();
        QVERIFY(maintenance);
        const QString loki = QStringLiteral("container/host-a/loki");
        QVERIFY(waitFor([&] { return inbox->item(loki) != nullptr; }, 15000));
        QVERIFY(view()->selectItem(loki));
        const int silencesBefore = int(m_sim->alertmanager()->silences().size());
        QTest::mouseClick(child<QPushButton>("maintenanceButton"), Qt::LeftButton);
        MaintenanceDialog* d = nullptr;
        QVERIFY(waitFor([&] { return (d = view()->findChild<MaintenanceDialog*>()) != nullptr && d->isVisible(); }));
        QCOMPARE(d->hostId(), QStringLiteral("host-a")); // the selected item's host
        d->findChild<QSpinBox*>(QStringLiteral("maintenanceMinutesSpin"))->setValue(90);
        QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("maintenanceReasonEdit")),
                         QStringLiteral("disk swap"));
        QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("maintenanceStartButton")), Qt::LeftButton);

        QVERIFY(waitFor([&] { return maintenance->active().size() == 1; }));
        const MaintenanceManager::Active window = maintenance->active().first();
        QCOMPARE(window.hostId, QStringLiteral("host-a"));
        QCOMPARE(window.reason, QStringLiteral("disk swap"));
        QVERIFY(qAbs(window.start.secsTo(window.end) - 90 * 60) <= 1);
        QVERIFY(waitFor([&] { return int(m_sim->alertmanager()->silences().size()) > silencesBefore; }, 10000));
        const sim::SimSilence s = m_sim->alertmanager()->silences().last();
        QVERIFY2(s.comment.contains(QLatin1String("disk swap")), qPrintable(s.comment));
        QCOMPARE(s.matchers.size(), 1);
        QCOMPARE(s.matchers.first().name, QStringLiteral("instance"));
        QVERIFY(waitFor([&] { return inbox->item(loki) && inbox->item(loki)->state == InboxItem::State::Held; }));
        const QString windowKey = QStringLiteral("maintenance/") + window.key;
        QVERIFY(inbox->item(windowKey));

        // An alert notification about host-a inside the window is held and listed.
        Notification n;
        n.source = QStringLiteral("alerts");
        n.hostId = QStringLiteral("host-a");
        n.severity = Notification::Severity::Success;
        n.title = QStringLiteral("Resolved: Disk almost full on pve-thinkpad");
        const qsizetype shownBefore = m_homelab->notifications()->history().size();
        m_homelab->notifications()->post(n);
        QCOMPARE(m_homelab->notifications()->history().size(), shownBefore);
        QCOMPARE(maintenance->held().size(), 1);
        const QString heldKey = QStringLiteral("held/%1").arg(maintenance->held().first().id);
        QVERIFY(waitFor([&] { return inbox->item(heldKey) != nullptr; }));
        QVERIFY(waitFor([&] { return child<QLabel>("inboxCounts")->text().contains(QLatin1String("held")); }));
        const QString stateShown =
            view()->model()->index(view()->model()->rowOfKey(windowKey), InboxModel::State).data().toString();
        QVERIFY2(stateShown.startsWith(QLatin1String("in maintenance until")), qPrintable(stateShown));

        QVERIFY(view()->selectItem(windowKey));
        auto* end = child<QPushButton>("endMaintenanceButton");
        QVERIFY(waitFor([end] { return end->isEnabled(); }));
        const QString shots = qEnvironmentVariable("HLC_INBOX_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            const QSize before = m_window->size();
            m_window->resize(1280, 800);
            QTest::qWait(300);
            QVERIFY(m_window->grab().save(shots + QStringLiteral("/maintenance.png")));
            m_window->resize(before);
        }
        QTest::mouseClick(end, Qt::LeftButton);
        QVERIFY(maintenance->active().isEmpty());
        QVERIFY(waitFor(
            [&] {
                for (const sim::SimSilence& x : m_sim->alertmanager()->silences()) {
                    if (x.id == s.id)
                        return x.state(QDateTime::currentDateTimeUtc()) == QLatin1String("expired");
                }
                return false;
            },
            10000));
        const Notification summary = m_homelab->notifications()->history().last();
        QCOMPARE(summary.title, QStringLiteral("Maintenance of pve-thinkpad ended"));
        QVERIFY2(summary.body.contains(n.title), qPrintable(summary.body));
        QVERIFY(waitFor([&] { return inbox->item(loki) && inbox->item(loki)->state == InboxItem::State::Open; }));
        QVERIFY(inbox->item(heldKey) == nullptr);
        hlc::test::evidence(
            QStringLiteral("Maintenance… for host-a 90 min: simulator silence %1 {%2=\"%3\"}; window "
                           "row \"%4\"; End maintenance expired it and posted \"%5\": %6")
                .arg(s.id, s.matchers.first().name, s.matchers.first().value, stateShown, summary.title, summary.body));
    }

    void maintenanceSettingsPageWritesWeeklyWindows()
    {
        Config config = m_homelab->config();
        MaintenanceSettingsPage page(&config);
        QCOMPARE(page.table()->rowCount(), 0);
        QTest::mouseClick(page.findChild<QPushButton*>(QStringLiteral("addMaintenanceWindowButton")), Qt::LeftButton);
        QCOMPARE(page.table()->rowCount(), 1);
        auto* host = qobject_cast<QComboBox*>(page.table()->cellWidget(0, 0));
        host->setCurrentIndex(host->findData(QStringLiteral("host-a")));
        auto* day = qobject_cast<QComboBox*>(page.table()->cellWidget(0, 1));
        QCOMPARE(day->currentData().toInt(), 7);                                        // Sunday
        qobject_cast<QTimeEdit*>(page.table()->cellWidget(0, 3))->setTime(QTime(3, 0)); // same as "from"
        QVERIFY(!page.commit(nullptr).isEmpty());
        qobject_cast<QTimeEdit*>(page.table()->cellWidget(0, 3))->setTime(QTime(4, 30));
        QCOMPARE(page.commit(nullptr), QString());
        const QList<MaintenanceWindow> windows = MaintenanceWindow::fromConfig(config);
        QCOMPARE(windows.size(), 1);
        QCOMPARE(windows.first().hostId, QStringLiteral("host-a"));
        QCOMPARE(windows.first().weekday, 7);
        QCOMPARE(windows.first().from, QTime(3, 0));
        QCOMPARE(windows.first().to, QTime(4, 30));
        // Sunday 03:40 local is inside, Monday 03:40 is not.
        QDate sunday(2026, 12, 6);
        QCOMPARE(sunday.dayOfWeek(), 7);
        const auto occ = windows.first().occurrenceAt(QDateTime(sunday, QTime(3, 40), Qt::LocalTime).toUTC());
        QVERIFY(occ);
        QCOMPARE(occ->second.toLocalTime(), QDateTime(sunday, QTime(4, 30), Qt::LocalTime));
        QVERIFY(!windows.first().occurrenceAt(QDateTime(sunday.addDays(1), QTime(3, 40), Qt::LocalTime).toUTC()));
        hlc::test::evidence(
            QStringLiteral("settings page wrote %1")
                .arg(QString::fromUtf8(QJsonDocument(config.extra.value(QStringLiteral("maintenance")).toObject())
                                           .toJson(QJsonDocument::Compact))));
    }

    void scheduledWindowStartsAndEndsByTheInjectedClock()
    {
        Config config = m_homelab->config();
        MaintenanceWindow w;
        w.id = QStringLiteral("backups");
        w.hostId = QStringLiteral("host-a");
        w.weekday = 7;
        w.from = QTime(3, 0);
        w.to = QTime(4, 0);
        w.reason = QStringLiteral("backups");
        MaintenanceWindow::writeTo(&config, {w});
        QDateTime now(QDate(2026, 12, 6), QTime(2, 59), Qt::LocalTime);
        MaintenanceManager m(nullptr, nullptr, QString());
        m.setClock([&] { return now.toUTC(); });
        m.setConfig(config);
        QVERIFY(m.active().isEmpty());
        now = QDateTime(QDate(2026, 12, 6), QTime(3, 1), Qt::LocalTime);
        m.tick();
        QCOMPARE(m.active().size(), 1);
        QVERIFY(m.activeFor(QStringLiteral("host-a")));
        QVERIFY(!m.activeFor(QStringLiteral("host-b")));
        Notification n;
        n.source = QStringLiteral("alerts");
        n.hostId = QStringLiteral("host-a");
        n.title = QStringLiteral("Backup load high");
        QVERIFY(m.hold(n));
        n.hostId = QStringLiteral("host-b");
        QVERIFY(!m.hold(n)); // another host
        n.hostId = QStringLiteral("host-a");
        n.source = QStringLiteral("actions");
        QVERIFY(!m.hold(n)); // the outcome of an action the operator started is never held
        now = QDateTime(QDate(2026, 12, 6), QTime(4, 0), Qt::LocalTime);
        m.tick();
        QVERIFY(m.active().isEmpty());
        QCOMPARE(m.recentlyEnded().size(), 1);
        QCOMPARE(m.recentlyEnded().first().heldCount, 1);
        QVERIFY(m.held().isEmpty());
        hlc::test::evidence("weekly window Sunday 03:00-04:00 started at 03:01 and ended at 04:00 by the injected "
                            "clock; 1 of 3 notifications held (other host and action outcome not)");
    }

    void hostPageHasAMaintenanceEntryForThatHost()
    {
        auto* detail = m_window->findChild<HostDetailView*>(QStringLiteral("hostDetail_host-b"));
        QVERIFY(detail);
        auto* button = detail->findChild<QToolButton*>(QStringLiteral("hostMaintenanceButton"));
        QVERIFY(button);
        m_window->tabs()->setCurrentWidget(detail);
        QTest::mouseClick(button, Qt::LeftButton);
        MaintenanceDialog* d = nullptr;
        QVERIFY(waitFor([&] { return (d = detail->findChild<MaintenanceDialog*>()) != nullptr && d->isVisible(); }));
        QCOMPARE(d->hostId(), QStringLiteral("host-b"));
        const qsizetype before = m_homelab->maintenance()->active().size();
        d->findChild<QSpinBox*>(QStringLiteral("maintenanceMinutesSpin"))->setValue(30);
        QTest::mouseClick(d->findChild<QPushButton*>(QStringLiteral("maintenanceStartButton")), Qt::LeftButton);
        QVERIFY(waitFor([&] { return m_homelab->maintenance()->active().size() == before + 1; }));
        const MaintenanceManager::Active a = m_homelab->maintenance()->active().last();
        QCOMPARE(a.hostId, QStringLiteral("host-b"));
        m_homelab->maintenance()->endNow(a.key);
        QCOMPARE(m_homelab->maintenance()->active().size(), before);
        hlc::test::evidence("host-b's page: Maintenance… opened the dialog with host-b chosen and started 30 minutes");
    }

    void startedWindowAndHeldNotificationsSurviveARestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString state = dir.filePath(QStringLiteral("maintenance.json"));
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        QDateTime now = t0;
        NotificationCenter shown;
        {
            MaintenanceManager first(nullptr, &shown, state);
            first.setClock([&] { return now; });
            first.setConfig(m_homelab->config());
            first.startNow(QStringLiteral("host-a"), 60, QStringLiteral("firmware"));
            QCOMPARE(first.active().size(), 1);
            Notification n;
            n.source = QStringLiteral("inbox");
            n.hostId = QStringLiteral("host-a");
            n.title = QStringLiteral("Container esphome exited");
            shown.post(n);
            QVERIFY(shown.history().isEmpty()); // held
        }                                       // the app quits
        QCOMPARE(QFile(state).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        now = t0.addSecs(30 * 60);
        MaintenanceManager second(nullptr, &shown, state);
        second.setClock([&] { return now; });
        second.setConfig(m_homelab->config());
        QCOMPARE(second.active().size(), 1); // still inside the window
        QCOMPARE(second.active().first().reason, QStringLiteral("firmware"));
        QCOMPARE(second.held().size(), 1);
        now = t0.addSecs(61 * 60);
        second.tick();
        QVERIFY(second.active().isEmpty());
        QCOMPARE(shown.history().size(), 1);
        QVERIFY2(shown.history().first().body.contains(QLatin1String("Container esphome exited")),
                 qPrintable(shown.history().first().body));
        hlc::test::evidence(QStringLiteral("window and held notification read back from the 0600 state file by a new "
                                           "manager; at its end: \"%1\": %2")
                                .arg(shown.history().first().title, shown.history().first().body));
    }
};

QTEST_MAIN(TestInboxTab)
#include "TestInboxTab.moc"
