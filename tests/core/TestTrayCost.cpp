// The cost of a window nobody looks at (issue 13): with MainWindow::setReleaseWhenHidden() (what main() turns on) a
// window that was never shown has no pages, closing it to the tray deletes them (the tray, its menu and the polls
// the tray needs stay), and showing it again, or opening an inbox item from a notification, builds them with the
// open tabs and the typed filters as they were. The requests the simulator counts show what the pages cost while
// they are not seen: Prometheus is asked less than 12 times a minute (at the default refresh) with the charts
// hidden, on another tab or closed to the tray, no chart range query is sent while closed, and the alerts are
// polled all the while.
#include "TestUtil.h"

#include "DemoSetup.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "core/Homelab.h"
#include "core/HostDetailView.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/TrayIcon.h"
#include "guests/GuestsView.h"
#include "metrics/AlertInbox.h"
#include "metrics/AlertsView.h"
#include "metrics/InboxView.h"
#include "metrics/MetricsMonitor.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace hlc;
using hlc::test::waitFor;

namespace {

constexpr int kRefreshMs = 1000;        ///< the test's refresh interval: 5 times the default
constexpr int kDefaultRefreshMs = 5000; ///< Config's default, for "per minute at the default refresh"

int countGets(const sim::SimHttpServer* server, const QString& path = QString())
{
    int n = 0;
    for (const sim::SimRequest& r : server->requests())
        n += r.method == "GET" && (path.isEmpty() || r.path == path) ? 1 : 0;
    return n;
}

int indexOfPage(const QTabWidget* tabs, const QString& text)
{
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i) == text)
            return i;
    }
    return -1;
}

struct Counts
{
    int prometheus = 0;
    int ranges = 0;
    int alerts = 0;
    qint64 ms = 0;
    /// Prometheus requests per minute scaled to the default refresh interval.
    [[nodiscard]] double prometheusPerMinute() const
    {
        return ms > 0 ? prometheus * 60000.0 / double(ms) * kRefreshMs / kDefaultRefreshMs : 0.0;
    }
};

} // namespace

class TestTrayCost final : public QObject
{
    Q_OBJECT

    sim::Simulator m_sim;
    SecretStore m_secrets;
    QNetworkAccessManager m_nam;

    [[nodiscard]] Config config() const
    {
        Config c = demo::configFor(m_sim);
        c.refreshIntervalMs = kRefreshMs;
        return c;
    }

    /// Clears the simulator's counts, waits until Alertmanager has been asked @p alertPolls more times (the tray's
    /// poll keeps its pace) and returns what Prometheus and Alertmanager received meanwhile.
    Counts countWhile(int alertPolls)
    {
        sim::SimHttpServer* prom = m_sim.server(QStringLiteral("host-a"), QStringLiteral("prometheus"));
        sim::SimHttpServer* am = m_sim.server(QStringLiteral("host-a"), QStringLiteral("alertmanager"));
        prom->clearRequests();
        am->clearRequests();
        QElapsedTimer clock;
        clock.start();
        Counts c;
        if (!waitFor([&] { return countGets(am) >= alertPolls; }, 60000))
            return c;
        c.ms = clock.elapsed();
        c.prometheus = countGets(prom);
        c.ranges = countGets(prom, QStringLiteral("/api/v1/query_range"));
        c.alerts = countGets(am);
        return c;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString err;
        QVERIFY2(m_sim.start(&err), qPrintable(err));
        m_secrets.setSessionOnly(true);
        demo::storeSecrets(m_sim, &m_secrets);
    }

    void pagesReleasedAndRestored()
    {
        Homelab lab(config(), QString(), &m_secrets, &m_nam);
        MainWindow window(nullptr);
        window.setReleaseWhenHidden(true, 0);
        window.setHomelab(&lab);
        QVERIFY(window.pagesReleased()); // never shown: no pages (a start in the tray)
        QVERIFY(!window.tabs());
        QVERIFY(window.trayIcon());
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.pagesReleased());
        lab.start();
        QVERIFY(waitFor([&] { return window.allPanelsHaveData(); }, 30000));

        // The user's view: host A's page, its last inner tab, a filter typed into its guests.
        QTabWidget* tabs = window.tabs();
        const int hostPage = indexOfPage(tabs, QStringLiteral("pve-thinkpad"));
        QVERIFY(hostPage > 0);
        tabs->setCurrentIndex(hostPage);
        auto* detail = window.findChild<HostDetailView*>(QStringLiteral("hostDetail_host-a"));
        QVERIFY(detail);
        auto* guests = detail->findChild<GuestsView*>();
        QVERIFY(guests);
        QVERIFY(detail->tabs()->count() > 1);
        const int innerTab = detail->tabs()->count() - 1; // not the default
        detail->tabs()->setCurrentIndex(innerTab);
        auto* filter = guests->findChild<QLineEdit*>();
        QVERIFY(filter);
        filter->setText(QStringLiteral("web"));
        const auto widgetsBefore = window.findChildren<QWidget*>().size();

        window.close(); // to the tray
        QVERIFY(!window.isVisible());
        QVERIFY(waitFor([&] { return window.pagesReleased(); }, 10000));
        QVERIFY(!window.tabs() && !window.alertsView() && !window.inboxView() && window.hostPanels().isEmpty());
        const auto widgetsReleased = window.findChildren<QWidget*>().size();
        QVERIFY2(widgetsReleased * 4 < widgetsBefore,
                 qPrintable(QStringLiteral("%1 widgets before, %2 after").arg(widgetsBefore).arg(widgetsReleased)));
        // The tray keeps its icon, its menu and the alerts it counts.
        QVERIFY(window.trayIcon() && window.trayIcon()->menu());
        QVERIFY(window.trayIcon()->menu()->findChild<QAction*>(QStringLiteral("trayOpenAction")));
        hlc::test::evidence(
            QStringLiteral("closed to the tray: %1 widgets released (%2 before, %3 after); tray and its menu kept")
                .arg(widgetsBefore - widgetsReleased)
                .arg(widgetsBefore)
                .arg(widgetsReleased));

        // Shown again: the pages come back as the user left them.
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.pagesReleased());
        tabs = window.tabs();
        QCOMPARE(tabs->currentIndex(), hostPage);
        detail = window.findChild<HostDetailView*>(QStringLiteral("hostDetail_host-a"));
        QVERIFY(detail);
        QCOMPARE(detail->tabs()->currentIndex(), innerTab);
        filter = detail->findChild<GuestsView*>()->findChild<QLineEdit*>();
        QCOMPARE(filter->text(), QStringLiteral("web"));
        QVERIFY(waitFor([&] { return window.allPanelsHaveData(); }, 10000));
        hlc::test::evidence(
            QStringLiteral("shown again: pages rebuilt on page %1 (pve-thinkpad), inner tab %2, filter \"%3\"")
                .arg(tabs->currentIndex())
                .arg(detail->tabs()->currentIndex())
                .arg(filter->text()));

        // Closed again, then a notification's "Open" on an alert: the window comes back on the Alerts tab with it.
        window.close();
        QVERIFY(waitFor([&] { return window.pagesReleased(); }, 10000));
        QString alertKey;
        QVERIFY(waitFor(
            [&] {
                for (const InboxItem& item : lab.inbox()->items()) {
                    if (item.source == InboxItem::Source::Alert) {
                        alertKey = item.key;
                        return true;
                    }
                }
                return false;
            },
            20000));
        QVERIFY(window.pagesReleased()); // the inbox kept its items without the pages
        emit window.trayIcon()->openInboxItemRequested(alertKey);
        QVERIFY(window.isVisible());
        QVERIFY(!window.pagesReleased());
        QCOMPARE(window.tabs()->currentWidget(), window.alertsView());
        QVERIFY(waitFor([&] { return window.alertsView()->table()->selectionModel()->hasSelection(); }, 5000));
        hlc::test::evidence(
            QStringLiteral("\"Open\" on inbox item %1 with the pages released: window shown on the Alerts tab, "
                           "row selected")
                .arg(alertKey));
        lab.stop();
    }

    void closedWindowPollsWhatTheTrayNeeds()
    {
        Homelab lab(config(), QString(), &m_secrets, &m_nam);
        lab.metrics()->setTargetsIntervalMs(MetricsMonitor::kTargetsIntervalMs * kRefreshMs / kDefaultRefreshMs);
        MainWindow window(nullptr);
        window.setReleaseWhenHidden(true, 0);
        window.setHomelab(&lab);
        window.resize(1100, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        lab.start();
        QVERIFY(waitFor([&] { return window.allPanelsHaveData(); }, 30000));
        QTest::qWait(2 * kRefreshMs); // the start-up fetches (history, targets) are over

        constexpr int kAlertPolls = 18;
        // Overview open: the host cards' figures and sparklines are on screen.
        QCOMPARE(window.tabs()->currentIndex(), 0);
        const Counts overview = countWhile(kAlertPolls);
        QVERIFY(overview.ms > 0);

        // Another tab (the Inbox): no chart is seen, the metrics and GPU polls wait.
        window.tabs()->setCurrentWidget(window.inboxView());
        QTest::qWait(kRefreshMs);
        const Counts inbox = countWhile(kAlertPolls);
        QVERIFY(inbox.ms > 0);
        QVERIFY2(inbox.prometheusPerMinute() < 12.0, qPrintable(QString::number(inbox.prometheusPerMinute())));

        // Closed to the tray: the pages go; alerts keep being polled, no chart asks for a range.
        window.close();
        QVERIFY(waitFor([&] { return window.pagesReleased(); }, 10000));
        QTest::qWait(kRefreshMs);
        const Counts closed = countWhile(kAlertPolls);
        QVERIFY2(closed.ms > 0, "Alertmanager was not polled while the window was closed");
        QCOMPARE(closed.ranges, 0);
        QVERIFY2(closed.prometheusPerMinute() < 12.0, qPrintable(QString::number(closed.prometheusPerMinute())));
        hlc::test::evidence(
            QStringLiteral("Prometheus requests per minute at the default refresh: %1 with the Overview open "
                           "(%2 range queries), %3 on the Inbox tab, %4 closed to the tray (%5 range queries); "
                           "Alertmanager polled %6, %7 and %8 times in %9, %10 and %11 ms")
                .arg(overview.prometheusPerMinute(), 0, 'f', 1)
                .arg(overview.ranges)
                .arg(inbox.prometheusPerMinute(), 0, 'f', 1)
                .arg(closed.prometheusPerMinute(), 0, 'f', 1)
                .arg(closed.ranges)
                .arg(overview.alerts)
                .arg(inbox.alerts)
                .arg(closed.alerts)
                .arg(overview.ms)
                .arg(inbox.ms)
                .arg(closed.ms));
        lab.stop();
    }
};

QTEST_MAIN(TestTrayCost)
#include "TestTrayCost.moc"
