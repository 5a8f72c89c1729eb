// The metrics and alert widgets on the simulated Prometheus/Alertmanager: per-host charts (ranges, axes, hover),
// the Alerts tab (model merge, filters, silence buttons) and the tray icon (state, menu, no-tray fallback).
#include "DemoSetup.h"
#include "MetricsSimFixture.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "core/AuditLog.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/NotificationCenter.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"
#include "core/TrayIcon.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertsFilterModel.h"
#include "metrics/AlertsModel.h"
#include "metrics/AlertsView.h"
#include "metrics/HostChartsView.h"
#include "metrics/MetricsMonitor.h"

#include <QAbstractItemModelTester>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QValueAxis>

using namespace hlc;
using hlc::test::waitFor;

class TestMetricsWidgets : public QObject
{
    Q_OBJECT

private:
    hlc::test::MetricsSimFixture m_sim;
    QNetworkAccessManager* m_nam = nullptr;
    QTemporaryDir m_dir;

    static QLineSeries* seriesOf(QChartView* v, int i = 0)
    {
        return qobject_cast<QLineSeries*>(v->chart()->series().value(i));
    }
    static QValueAxis* yOf(QChartView* v) { return qobject_cast<QValueAxis*>(v->chart()->axes(Qt::Vertical).value(0)); }
    static QDateTimeAxis* xOf(QChartView* v)
    {
        return qobject_cast<QDateTimeAxis*>(v->chart()->axes(Qt::Horizontal).value(0));
    }
    void gpuFiring(bool on)
    {
        const double t = m_sim.lab->elapsed();
        m_sim.prom->setGpuAlertCycle(1000, 500, on ? t - 1 : t + 100);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sim.start(this));
        m_nam = new QNetworkAccessManager(this);
    }

    void chartsShowHistoryWithSensibleAxes()
    {
        ServiceDirectory metricsServices(m_sim.config(), nullptr, m_nam);
        MetricsMonitor metrics(&metricsServices);
        HostChartsView view(&metrics, QStringLiteral("host-b"));
        view.resize(1000, 800);
        view.show(); // showing fetches the history
        auto* cpu = view.findChild<QChartView*>(QStringLiteral("chart_cpu"));
        auto* net = view.findChild<QChartView*>(QStringLiteral("chart_network"));
        auto* load = view.findChild<QChartView*>(QStringLiteral("chart_load"));
        QVERIFY(cpu && net && load);
        QVERIFY(view.findChild<QChartView*>(QStringLiteral("chart_memory")));
        QVERIFY(view.findChild<QChartView*>(QStringLiteral("chart_disk")));
        QVERIFY(view.findChild<QChartView*>(QStringLiteral("chart_diskio")));
        QVERIFY(waitFor([&] { return seriesOf(cpu)->count() > 100; }));
        QCOMPARE(view.rangeSeconds(), 3600);
        QCOMPARE(yOf(cpu)->min(), 0.0);
        QCOMPARE(yOf(cpu)->max(), 100.0);
        QCOMPARE(seriesOf(net)->name(), QStringLiteral("In"));
        QCOMPARE(seriesOf(net, 1)->name(), QStringLiteral("Out"));
        QVERIFY2(yOf(net)->titleText().endsWith(QStringLiteral("iB/s")), qPrintable(yOf(net)->titleText()));
        // The values fit the axis in its unit.
        for (const QPointF& p : seriesOf(net)->points())
            QVERIFY(p.y() >= 0 && p.y() <= yOf(net)->max());
        QVERIFY(yOf(load)->max() >= 1.0);
        QVERIFY(qAbs(xOf(cpu)->min().secsTo(xOf(cpu)->max()) - 3600) < 5);
        if (const QString dir = qEnvironmentVariable("HLC_SCREENSHOT_DIR"); !dir.isEmpty())
            view.grab().save(dir + QStringLiteral("/charts.png")); // for looking at it, not an assertion

        // Range 7 d: at most 600 points, x axis over 7 days.
        QSignalSpy history(&metrics, &MetricsMonitor::historyUpdated);
        view.setRangeSeconds(7 * 86400);
        QVERIFY(waitFor([&] { return metrics.historySpan(QStringLiteral("host-b")) == 7 * 86400; }));
        QVERIFY(waitFor([&] { return xOf(cpu)->min().daysTo(xOf(cpu)->max()) == 7; }));
        QVERIFY(seriesOf(cpu)->count() <= 600);
        QVERIFY(seriesOf(cpu)->count() > 300);

        // Hovering shows the value with its unit.
        const QPointF p = seriesOf(net)->points().last();
        emit seriesOf(net)->hovered(p, true);
        QVERIFY2(view.hoverText().startsWith(QStringLiteral("In: ")), qPrintable(view.hoverText()));
        QVERIFY2(view.hoverText().contains(QStringLiteral("/s at ")), qPrintable(view.hoverText()));
        emit seriesOf(cpu)->hovered(seriesOf(cpu)->points().first(), true);
        QVERIFY2(view.hoverText().contains(QStringLiteral(" % at ")), qPrintable(view.hoverText()));
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("chartHoverLabel"))->text(), view.hoverText());

        // Target health.
        metrics.refresh();
        auto* targets = view.findChild<QLabel*>(QStringLiteral("targetHealthLabel"));
        QVERIFY(waitFor(
            [&] { return targets->text().contains(QStringLiteral("pve-ryzen:9100 (node-exporter-hostB): up")); }));
        QCOMPARE(HostChartsView::valueText(1536, prom::MetricUnit::BytesPerSecond), QStringLiteral("1.5 KiB/s"));
        hlc::test::evidence("Qt Charts per-host charts fed by the simulated Prometheus (query_range over HTTP)");
    }

    void chartsShowPrometheusErrors()
    {
        sim::Fault f;
        f.status = 503;
        m_sim.promServer->setFault("*", QStringLiteral("*"), f);
        ServiceDirectory metricsServices(m_sim.config(), nullptr, m_nam);
        MetricsMonitor metrics(&metricsServices);
        HostChartsView view(&metrics, QStringLiteral("host-a"));
        view.show();
        auto* status = view.findChild<QLabel*>(QStringLiteral("chartStatusLabel"));
        QVERIFY(waitFor([&] { return status->text().contains(QStringLiteral("503")); }));
        QVERIFY(status->text().startsWith(QStringLiteral("Prometheus: ")));
        m_sim.promServer->clearFaults();
    }

    /// Prometheus `warnings` in the answer envelope are shown with the charts, not dropped.
    void chartsShowPrometheusWarnings()
    {
        m_sim.prom->setWarnings({QStringLiteral("remote read: partial response from store eu-2")});
        ServiceDirectory metricsServices(m_sim.config(), nullptr, m_nam);
        MetricsMonitor metrics(&metricsServices);
        HostChartsView view(&metrics, QStringLiteral("host-a"));
        view.show();
        metrics.refresh();
        auto* status = view.findChild<QLabel*>(QStringLiteral("chartStatusLabel"));
        QVERIFY(waitFor([&] { return status->text().contains(QStringLiteral("partial response")); }));
        QCOMPARE(status->text(), QStringLiteral("Prometheus warns: remote read: partial response from store eu-2"));
        QVERIFY(status->isVisible());
        m_sim.prom->setWarnings({});
        // An answer already on its way (the charts' range query, or a refresh coalesced with one in flight) may still
        // carry the warning: ask again until a clean answer arrives; the charts' own reload is every 15 s.
        QVERIFY(waitFor(
            [&] {
                metrics.refresh();
                return !status->text().contains(QStringLiteral("partial response"));
            },
            40000));
        hlc::test::evidence("Prometheus warnings shown on the host charts and cleared when the next answer has none");
    }

    void alertsTabFiltersAndSilences()
    {
        gpuFiring(true);
        m_sim.lab->setNodeOnline(QStringLiteral("pve-thinkpad"), false); // NodeExporterDown, critical, host-a
        SecretStore secrets;
        secrets.setSessionOnly(true);
        Homelab homelab(m_sim.config(), QString(), &secrets, m_nam);
        AlertCenter* center = homelab.alerts();
        center->setUserName(QStringLiteral("bob"));
        AlertsView view(&homelab, center);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.show();
        center->refresh();
        QVERIFY(waitFor([&] { return view.model()->rowCount() == 2; }));
        auto* table = view.findChild<QTableView*>(QStringLiteral("alertsTable"));
        QCOMPARE(table->model()->rowCount(), 2);
        // Sorted by severity, critical first.
        QCOMPARE(table->model()->index(0, AlertsModel::Severity).data().toString(), QStringLiteral("critical"));
        QCOMPARE(table->model()->index(0, AlertsModel::Host).data().toString(), QStringLiteral("pve-thinkpad"));
        QVERIFY(table->model()
                    ->index(1, AlertsModel::Labels)
                    .data()
                    .toString()
                    .contains(QStringLiteral("alertname=GpuTemperatureHigh")));

        auto* host = view.findChild<QComboBox*>(QStringLiteral("alertHostFilter"));
        auto* sev = view.findChild<QComboBox*>(QStringLiteral("alertSeverityFilter"));
        host->setCurrentIndex(host->findData(QStringLiteral("host-b")));
        QCOMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, AlertsModel::Summary).data().toString(),
                 QStringLiteral("GPU temperature high on pve-ryzen:9100"));
        sev->setCurrentIndex(sev->findData(int(AlertEntry::Severity::Critical)));
        QCOMPARE(table->model()->rowCount(), 0);
        host->setCurrentIndex(0);
        QCOMPARE(table->model()->rowCount(), 1);
        sev->setCurrentIndex(0);
        QCOMPARE(table->model()->rowCount(), 2);

        // Select the GPU alert and silence it for 1 h: a real silence; the selection survives the refresh.
        auto* button = view.findChild<QPushButton*>(QStringLiteral("silence1hButton"));
        QVERIFY(!button->isEnabled());
        table->selectRow(1);
        QVERIFY(button->isEnabled());
        const QString fp = table->model()->index(1, 0).data(AlertsModel::FingerprintRole).toString();
        QSignalSpy removed(view.model(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(view.model(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(view.model(), &QAbstractItemModel::dataChanged);
        const int before = int(m_sim.am->silences().size());
        button->click();
        QVERIFY(waitFor([&] { return m_sim.am->silences().size() == before + 1; }));
        QCOMPARE(m_sim.am->silences().last().comment,
                 QStringLiteral("Silenced for 1 h from Homelab Control Center by bob"));
        auto* result = view.findChild<QLabel*>(QStringLiteral("alertsResultLabel"));
        QVERIFY(waitFor([&] { return result->text().startsWith(QStringLiteral("Silenced \"GPU temperature")); }));
        QVERIFY(waitFor([&] {
            return table->model()->index(1, AlertsModel::State).data().toString() == QStringLiteral("silenced");
        }));
        QCOMPARE(table->selectionModel()->selectedRows().value(0).data(AlertsModel::FingerprintRole).toString(), fp);
        // Only the silenced alert's row was signalled, not the whole table.
        const int silencedRow = view.model()->rowOfKey(fp);
        QVERIFY(silencedRow >= 0);
        QVERIFY(!changed.isEmpty());
        for (const auto& args : std::as_const(changed)) {
            QCOMPARE(args.at(0).toModelIndex().row(), silencedRow);
            QCOMPARE(args.at(1).toModelIndex().row(), silencedRow);
        }
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QVERIFY(!button->isEnabled()); // already silenced
        QCOMPARE(homelab.audit()->entries().last().action, QStringLiteral("silence"));
        m_sim.lab->setNodeOnline(QStringLiteral("pve-thinkpad"), true);
        center->expireSilence(m_sim.am->silences().last().id);
        QVERIFY(waitFor([&] {
            return m_sim.am->silences().last().state(QDateTime::currentDateTimeUtc()) == QStringLiteral("expired");
        }));
    }

    void trayIconWithoutSystemTray()
    {
        // offscreen has no system tray: the app runs, and notifications go to the window.
        gpuFiring(true);
        SecretStore secrets;
        secrets.setSessionOnly(true);
        Homelab homelab(m_sim.config(), QString(), &secrets, m_nam);
        QWidget window;
        TrayIcon tray(&homelab, homelab.alerts(), &window);
        QVERIFY(!tray.isAvailable());
        QCOMPARE(tray.toolTip(), QStringLiteral("Homelab Control Center: no firing alerts"));
        QSignalSpy forWindow(&tray, &TrayIcon::messageForWindow);
        homelab.alerts()->refresh();
        QVERIFY(forWindow.wait(5000));
        QCOMPARE(forWindow.first().first().toString(),
                 QStringLiteral("GPU temperature high on pve-ryzen:9100: NVIDIA GeForce GTX 1080 is at 86 °C "
                                "(threshold 83 °C). (pve-ryzen:9100)"));
        QVERIFY2(tray.toolTip().contains(QStringLiteral("1 firing alert")), qPrintable(tray.toolTip()));
        QVERIFY(tray.toolTip().contains(QStringLiteral("warning")));
        QCOMPARE(tray.color(), TrayIcon::colorFor(AlertEntry::Severity::Warning, 1));
        QVERIFY(tray.color() != TrayIcon::colorFor(AlertEntry::Severity::Critical, 1));

        // Every app notification goes through, not only alerts.
        Notification n;
        n.title = QStringLiteral("Agent run finished");
        homelab.notifications()->post(n);
        QCOMPARE(forWindow.last().first().toString(), QStringLiteral("Agent run finished"));

        // Menu: open, firing alerts, silence submenu, extra menus before Quit.
        QMenu* menu = tray.menu();
        QVERIFY(menu->findChild<QAction*>(QStringLiteral("trayOpenAction")));
        QVERIFY(menu->findChild<QAction*>(QStringLiteral("trayQuitAction")));
        auto* firing = menu->findChild<QMenu*>(QStringLiteral("trayFiringMenu"));
        QCOMPARE(firing->actions().size(), 1);
        QVERIFY(firing->actions().first()->text().contains(QStringLiteral("GPU temperature high")));
        // Refreshes with the same firing alert neither rebuild the menus nor leave objects behind (the "Silence"
        // submenus of every rebuild used to stay alive: the large profile's 300 alerts grew the app by ~250 MB a
        // minute).
        auto* silenceMenu = menu->findChild<QMenu*>(QStringLiteral("traySilenceMenu"));
        QVERIFY(silenceMenu);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        const int builds = tray.alertMenuBuilds();
        const qsizetype objects = menu->findChildren<QObject*>().size();
        for (int i = 0; i < 3; ++i) {
            const QDateTime last = homelab.alerts()->status().lastSuccess;
            QTest::qWait(20); // a new millisecond for lastSuccess
            homelab.alerts()->refresh();
            QVERIFY(waitFor([&] { return homelab.alerts()->status().lastSuccess > last; }));
        }
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(tray.alertMenuBuilds(), builds);
        QCOMPARE(menu->findChildren<QObject*>().size(), objects);
        QCOMPARE(silenceMenu->findChildren<QMenu*>(Qt::FindDirectChildrenOnly).size(), 1);
        QMenu extra(QStringLiteral("Run agent"));
        tray.addMenu(&extra);
        const QList<QAction*> acts = menu->actions();
        QCOMPARE(acts.last()->objectName(), QStringLiteral("trayQuitAction"));
        QCOMPARE(acts.at(acts.size() - 3)->menu(), &extra);

        menu->findChild<QAction*>(QStringLiteral("trayOpenAction"))->trigger();
        QVERIFY(window.isVisible());

        const QString fp = homelab.alerts()->alerts().first().fingerprint;
        auto* silence4h = menu->findChild<QAction*>(QStringLiteral("traySilence_%1_4h").arg(fp));
        QVERIFY(silence4h);
        const int before = int(m_sim.am->silences().size());
        silence4h->trigger();
        QVERIFY(waitFor([&] { return m_sim.am->silences().size() == before + 1; }));
        QVERIFY(waitFor([&] { return tray.toolTip() == QStringLiteral("Homelab Control Center: no firing alerts"); }));
        homelab.alerts()->expireSilence(m_sim.am->silences().last().id);
        QVERIFY(waitFor([&] { return homelab.alerts()->firingCount() == 1; }));
        QCOMPARE(m_sim.am->silences().last().state(QDateTime::currentDateTimeUtc()), QStringLiteral("expired"));
        // Silenced, then firing again: two rebuilds, and only the current alert's submenu is left.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QVERIFY(tray.alertMenuBuilds() >= builds + 2);
        QCOMPARE(silenceMenu->findChildren<QMenu*>(Qt::FindDirectChildrenOnly).size(), 1);
        hlc::test::evidence(QStringLiteral("tray menus: %1 builds over the alert's changes, none for 3 unchanged "
                                           "refreshes; 1 Silence submenu left for 1 firing alert")
                                .arg(tray.alertMenuBuilds()));
    }

    void mainWindowHasChartsAndAlerts()
    {
        sim::Simulator simulator;
        simulator.setTickIntervalMs(0);
        QString err;
        QVERIFY2(simulator.start(&err), qPrintable(err));
        SecretStore secrets;
        demo::storeSecrets(simulator, &secrets);
        const Config config = demo::configFor(simulator);
        int prometheusServices = 0;
        for (const HostConfig& h : config.hosts) {
            for (const ServiceConfig& s : h.services)
                prometheusServices += s.kind == ServiceKind::Prometheus ? 1 : 0;
        }
        QCOMPARE(prometheusServices, 2); // one Prometheus, listed by both hosts with their instance
        Homelab homelab(config, QString(), &secrets, m_nam);
        MainWindow window(&homelab);
        window.show();
        QTabWidget* tabs = window.tabs();
        QStringList names;
        for (int i = 0; i < tabs->count(); ++i)
            names << tabs->tabText(i);
        QVERIFY2(names.contains(QStringLiteral("Alerts")), qPrintable(names.join(QLatin1Char(','))));
        for (const QString& host : {QStringLiteral("host-a"), QStringLiteral("host-b")})
            QVERIFY(window.findChild<HostChartsView*>(QStringLiteral("hostCharts_%1").arg(host)));
        QVERIFY(window.trayIcon());
        QVERIFY(!window.trayIcon()->isAvailable());
        QVERIFY(!window.findChild<QLabel*>(QStringLiteral("alertsTrayLabel"))->isHidden());
        QVERIFY(homelab.metrics()->hasMetrics(QStringLiteral("host-b")));
        QCOMPARE(homelab.metrics()->instanceOf(QStringLiteral("host-b")), QStringLiteral("pve-ryzen:9100"));
        QVERIFY(homelab.alerts()->canSilence());
    }
};

QTEST_MAIN(TestMetricsWidgets)
#include "TestMetricsWidgets.moc"
