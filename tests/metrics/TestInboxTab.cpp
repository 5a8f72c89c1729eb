// The Inbox tab in the main window against the simulator (offscreen): its empty state says what would appear; an
// alert pushed into the simulated Alertmanager is acknowledged with the Acknowledge button (an exact-label silence
// reaches the simulator and the tray tooltip counts it); the seeded unhealthy container is snoozed through the
// Snooze… dialog with a reason and unsnoozed again; Open shows the container in its host's stacks.
// HLC_INBOX_SCREENSHOT_DIR=dir saves the tab as inbox.png (for the README).
#include "DemoSetup.h"
#include "SimAlertmanager.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "core/AuditLog.h"
#include "core/Homelab.h"
#include "core/HostDetailView.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/TrayIcon.h"
#include "guests/StacksView.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertInbox.h"
#include "metrics/InboxModel.h"
#include "metrics/InboxView.h"
#include "metrics/SnoozeDialog.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
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
};

QTEST_MAIN(TestInboxTab)
#include "TestInboxTab.moc"
