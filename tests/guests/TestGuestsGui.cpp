// End to end in-process: simulator (PVE over HTTPS, Portainer over HTTP) -> clients -> GuestInventory/ActionRunner ->
// MainWindow with the per-host Guests and Stacks tabs and the Audit log tab. Clicks buttons, answers confirmations,
// and checks the simulator's state, the panel's result and the audit log.
#include "TestUtil.h"

#include "DemoSetup.h"
#include "PortainerSim.h"
#include "ProxmoxTaskSim.h"
#include "SimDocker.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "core/AuditLog.h"
#include "core/AuditLogView.h"
#include "core/Homelab.h"
#include "core/HostDetailView.h"
#include "core/MainWindow.h"
#include "core/MessageBox.h"
#include "core/NotificationCenter.h"
#include "core/SecretStore.h"
#include "guests/ActionRunner.h"
#include "guests/ContainerLogDialog.h"
#include "guests/GuestInventory.h"
#include "guests/GuestTableModel.h"
#include "guests/GuestsView.h"
#include "guests/StackTreeModel.h"
#include "guests/StacksView.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeView>

using namespace hlc;
using hlc::test::waitFor;

class TestGuestsGui : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Homelab> m_homelab;
    std::unique_ptr<MainWindow> m_window;

    sim::SimDocker* docker(const QString& hostId) const
    {
        const sim::ServiceEndpoint ep = m_sim->endpoint(hostId, QStringLiteral("portainer"));
        for (auto* p : m_sim->findChildren<sim::PortainerSim*>()) {
            if (p->docker() && p->docker()->endpointId() == ep.portainerEnvironment)
                return p->docker();
        }
        return nullptr;
    }
    HostDetailView* detail(const QString& hostId) const
    {
        return m_window->findChild<HostDetailView*>(QStringLiteral("hostDetail_%1").arg(hostId));
    }
    StacksView* stacks(const QString& hostId) const { return detail(hostId)->findChild<StacksView*>(); }
    GuestsView* guests(const QString& hostId) const { return detail(hostId)->findChild<GuestsView*>(); }
    /// Brings @p view (a tab of host @p hostId's detail view) to the front, so that mouse clicks reach it.
    void showView(const QString& hostId, QWidget* view)
    {
        m_window->findChild<QTabWidget*>(QStringLiteral("mainTabs"))->setCurrentWidget(detail(hostId));
        detail(hostId)->tabs()->setCurrentWidget(view);
        QTRY_VERIFY(view->isVisible());
    }
    /// The row of @p v's tree (column 0, through its sort/filter proxy) for the source index @p source.
    static QModelIndex shown(StacksView* v, const QModelIndex& source)
    {
        return static_cast<QSortFilterProxyModel*>(v->tree()->model())->mapFromSource(source);
    }
    template<typename T> static T* child(QWidget* w, const char* name)
    {
        return w->findChild<T*>(QString::fromLatin1(name));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<sim::Simulator>();
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        for (auto* t : m_sim->findChildren<sim::ProxmoxTaskSim*>())
            t->setTaskDurationMs(600);
        QCOMPARE(m_sim->endpoints(QStringLiteral("portainer")).size(), 2);
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        demo::storeSecrets(*m_sim, m_secrets.get());
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 700;
        m_homelab = std::make_unique<Homelab>(config, QString(), m_secrets.get(), m_nam.get());
        m_homelab->actions()->setTaskPollIntervalMs(150);
        m_window = std::make_unique<MainWindow>(m_homelab.get());
        m_window->show();
        m_homelab->start();
        QVERIFY(detail(QStringLiteral("host-a")) && stacks(QStringLiteral("host-a")) &&
                guests(QStringLiteral("host-a")));
        QVERIFY(waitFor([this] {
            return stacks(QStringLiteral("host-a"))->treeModel()->rowCount() > 0 &&
                   guests(QStringLiteral("host-a"))->model()->rowCount() > 0 &&
                   guests(QStringLiteral("host-b"))->model()->rowCount() > 0;
        }));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_homelab.reset();
    }

    void tabsAndCounts()
    {
        auto* tabs = m_window->findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        QStringList names;
        for (int i = 0; i < tabs->count(); ++i)
            names << tabs->tabText(i);
        QVERIFY2(names.contains(QStringLiteral("Audit log")), qPrintable(names.join(',')));
        QTabWidget* hostTabs = detail(QStringLiteral("host-b"))->tabs();
        QStringList sub;
        for (int i = 0; i < hostTabs->count(); ++i)
            sub << hostTabs->tabText(i);
        QVERIFY(sub.contains(QStringLiteral("Guests")) && sub.contains(QStringLiteral("Stacks")));
        GuestsView* gb = guests(QStringLiteral("host-b"));
        QVERIFY(waitFor(
            [gb] { return child<QLabel>(gb, "guestCounts")->text() == QLatin1String("4 running, 1 stopped"); }));
        // The Overview's host cards count the same guests and stacks.
        const auto stackTexts = [this] {
            QStringList texts;
            for (QLabel* l : m_window->findChildren<QLabel*>(QStringLiteral("stacksLink")))
                texts << l->text();
            return texts;
        };
        QVERIFY2(waitFor([&stackTexts] {
                     const QStringList texts = stackTexts();
                     return texts.size() == 2 && std::all_of(texts.cbegin(), texts.cend(), [](const QString& t) {
                                return t.contains(QStringLiteral(" running · "));
                            });
                 }),
                 qPrintable(stackTexts().join(QLatin1String(" | "))));
        auto* guestsB = m_window->findChild<QWidget*>(QStringLiteral("hostCard_host-b"))
                            ->findChild<QLabel*>(QStringLiteral("guestsLink"));
        QVERIFY(waitFor([guestsB] { return guestsB->text() == QStringLiteral("4 running · 1 stopped"); }));
        StacksView* sb = stacks(QStringLiteral("host-b"));
        // prowlarr is "created" and frigate "exited": both count as stopped.
        QVERIFY(waitFor([sb] {
            return child<QLabel>(sb, "containerCounts")->text().endsWith(QLatin1String("9 running, 2 stopped"));
        }));
        hlc::test::evidence(
            QStringLiteral("GUI: Guests/Stacks tabs show the simulated PVE (HTTPS) and Portainer over "
                           "loopback: host-b guests \"%1\", containers \"%2\"")
                .arg(child<QLabel>(gb, "guestCounts")->text(), child<QLabel>(sb, "containerCounts")->text()));
    }

    void screenshotsOnRequest()
    {
        // HLC_GUESTS_SCREENSHOT_DIR=dir saves the Guests and Stacks tabs of host-a there (for the documentation);
        // without it they go to a throw-away folder and are only checked.
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString dir = qEnvironmentVariable("HLC_GUESTS_SCREENSHOT_DIR", scratch.path());
        auto* tabs = m_window->findChild<QTabWidget*>(QStringLiteral("mainTabs"));
        tabs->setCurrentWidget(detail(QStringLiteral("host-a")));
        m_window->resize(1200, 760);
        QTabWidget* hostTabs = detail(QStringLiteral("host-a"))->tabs();
        hostTabs->setCurrentWidget(guests(QStringLiteral("host-a")));
        QTest::qWait(200);
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/guests-host-a.png")));
        hostTabs->setCurrentWidget(stacks(QStringLiteral("host-a")));
        stacks(QStringLiteral("host-a"))->selectStack(QStringLiteral("monitoring"));
        QTest::qWait(200);
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/stacks-host-a.png")));
        tabs->setCurrentIndex(0);
        for (const char* name : {"/guests-host-a.png", "/stacks-host-a.png"}) {
            const QImage shot(dir + QLatin1String(name));
            QVERIFY2(!shot.isNull(), name);
            QVERIFY2(shot.width() >= m_window->width() && shot.height() >= m_window->height(), name);
        }
    }

    void stopStackFromPanel()
    {
        StacksView* v = stacks(QStringLiteral("host-a"));
        showView(QStringLiteral("host-a"), v);
        sim::SimDocker* d = docker(QStringLiteral("host-a"));
        QVERIFY(d);
        QVERIFY(v->selectStack(QStringLiteral("home")));
        auto* stop = child<QPushButton>(v, "stopStackButton");
        QVERIFY(stop->isEnabled());
        QVERIFY(!child<QPushButton>(v, "startStackButton")->isEnabled());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(MessageBox::lastQuestion().contains(QLatin1String("home")));
        QVERIFY(MessageBox::lastQuestion().contains(QLatin1String("pve-thinkpad")));
        QVERIFY(waitFor([d] { return d->stackByName(QStringLiteral("home"))->status == 2; }));
        QVERIFY(waitFor([v] {
            return child<QLabel>(v, "stackActionResult")->text() ==
                   QLatin1String("stack home on pve-thinkpad stopped.");
        }));
        QCOMPARE(d->container(QStringLiteral("zigbee2mqtt"))->state, QStringLiteral("exited"));
        // The panel follows: the stack shows inactive with none of its containers running, and can be started again.
        QVERIFY(waitFor([v] { return child<QPushButton>(v, "startStackButton")->isEnabled(); }));
        const QModelIndex home = v->treeModel()->indexOfStackName(QStringLiteral("home"));
        QCOMPARE(home.siblingAtColumn(StackTreeModel::State).data().toString(), QStringLiteral("inactive"));
        QCOMPARE(home.siblingAtColumn(StackTreeModel::Running).data().toString(), QStringLiteral("0/5 running"));
        QVERIFY(child<QTreeView>(v, "stacksTree")->selectionModel()->isRowSelected(shown(v, home).row(), {}));

        const AuditEntry e = m_homelab->audit()->entries().last();
        QCOMPARE(e.host, QStringLiteral("host-a"));
        QCOMPARE(e.service, QStringLiteral("portainer"));
        QCOMPARE(e.action, QStringLiteral("stop"));
        QCOMPARE(e.outcome, QStringLiteral("ok"));
        QVERIFY(e.target.contains(QLatin1String("stack home")));
        QFile f(m_homelab->audit()->path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray lastLine = f.readAll().trimmed().split('\n').last();
        QVERIFY2(lastLine.contains("\"stop\"") && lastLine.contains("stack home"), lastLine.constData());
        auto* audit = m_window->findChild<AuditLogView*>();
        QVERIFY(audit);
        QCOMPARE(audit->table()->item(0, 4)->text(), QStringLiteral("stop"));
        QCOMPARE(audit->table()->item(0, 5)->text(), QStringLiteral("ok"));

        // Start it again: no confirmation for start.
        const QString asked = MessageBox::lastQuestion();
        QTest::mouseClick(child<QPushButton>(v, "startStackButton"), Qt::LeftButton);
        QCOMPARE(MessageBox::lastQuestion(), asked);
        QVERIFY(waitFor([d] { return d->stackByName(QStringLiteral("home"))->status == 1; }));
    }

    void declinedStopSendsNothing()
    {
        StacksView* v = stacks(QStringLiteral("host-a"));
        showView(QStringLiteral("host-a"), v);
        QVERIFY(v->selectStack(QStringLiteral("proxy")));
        sim::SimHttpServer* server = m_sim->server(QStringLiteral("host-a"), QStringLiteral("portainer"));
        server->clearRequests();
        MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(child<QPushButton>(v, "stopStackButton"), Qt::LeftButton);
        QCOMPARE(child<QLabel>(v, "stackActionResult")->text(), QStringLiteral("Cancelled: nothing was sent."));
        QTest::qWait(300);
        for (const auto& r : server->requests())
            QVERIFY(r.method != "POST");
        QCOMPARE(docker(QStringLiteral("host-a"))->stackByName(QStringLiteral("proxy"))->status, 1);
    }

    void containerLogDialog()
    {
        StacksView* v = stacks(QStringLiteral("host-a"));
        showView(QStringLiteral("host-a"), v);
        QVERIFY(v->selectStack(QStringLiteral("proxy")));
        QVERIFY(v->selectContainer(QStringLiteral("traefik")));
        QTest::mouseClick(child<QPushButton>(v, "containerLogsButton"), Qt::LeftButton);
        auto* dlg = v->findChild<ContainerLogDialog*>(QStringLiteral("containerLogDialog"));
        QVERIFY(dlg);
        QVERIFY(waitFor([dlg] { return dlg->loaded(); }));
        const QStringList lines = dlg->text()->toPlainText().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 200); // the last 200 lines, demultiplexed
        QVERIFY2(lines.last().contains(QLatin1String("traefik: line 249")), qPrintable(lines.last()));
        QCOMPARE(dlg->findChild<QLabel*>(QStringLiteral("containerLogStatus"))->text(), QStringLiteral("200 lines"));
        dlg->close();
    }

    void treeSelectionExpansionAndScrollSurviveRefresh()
    {
        StacksView* v = stacks(QStringLiteral("host-a"));
        showView(QStringLiteral("host-a"), v);
        auto* tree = child<QTreeView>(v, "stacksTree");
        QVERIFY(tree);
        StackTreeModel* model = v->treeModel();
        const QAbstractItemModel* rows = tree->model();
        // Every stack was expanded on first data; the loose portainer container's group comes last.
        QCOMPARE(rows->rowCount(), 7);
        for (int r = 0; r < rows->rowCount(); ++r)
            QVERIFY2(tree->isExpanded(rows->index(r, 0)), qPrintable(rows->index(r, 0).data().toString()));
        QCOMPARE(rows->index(rows->rowCount() - 1, 0).data().toString(), QStringLiteral("Not in a stack"));
        QCOMPARE(rows->rowCount(rows->index(rows->rowCount() - 1, 0)), 1);

        // The user collapses "proxy", selects grafana (in "monitoring") and scrolls down a bit.
        tree->setMaximumHeight(220); // the window's minimum height leaves room for every row: make it scroll
        QTRY_VERIFY(tree->verticalScrollBar()->maximum() > 0);
        tree->collapse(shown(v, model->indexOfStackName(QStringLiteral("proxy"))));
        QVERIFY(v->selectContainer(QStringLiteral("grafana")));
        tree->verticalScrollBar()->setValue(tree->verticalScrollBar()->maximum() / 2);
        const int scroll = tree->verticalScrollBar()->value();
        QVERIFY(scroll > 0);
        QVERIFY(child<QPushButton>(v, "stopContainerButton")->isEnabled());
        QVERIFY(!child<QPushButton>(v, "stopStackButton")->isEnabled()); // a container row, not a stack row

        // Behind the panel's back: loki stops and a new container joins "monitoring".
        sim::SimDocker* d = docker(QStringLiteral("host-a"));
        d->containerAction(QStringLiteral("loki"), QStringLiteral("stop"));
        sim::SimContainer alloy;
        alloy.name = QStringLiteral("alloy");
        alloy.id = sim::SimDocker::idFor(alloy.name);
        alloy.image = QStringLiteral("grafana/alloy:v1.5.0");
        alloy.stack = QStringLiteral("monitoring");
        alloy.startedAt = QDateTime::currentSecsSinceEpoch() - 60;
        d->addContainer(alloy);
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy updated(m_homelab->inventory(QStringLiteral("host-a")), &GuestInventory::portainerUpdated);
        const QPersistentModelIndex monitoring(model->indexOfStackName(QStringLiteral("monitoring")));
        QVERIFY(waitFor([monitoring] {
            return monitoring.sibling(monitoring.row(), StackTreeModel::Running).data().toString() ==
                   QLatin1String("3/4 running");
        }));
        QVERIFY(model->indexOfContainerName(QStringLiteral("alloy")).parent() == QModelIndex(monitoring));
        QCOMPARE(model->indexOfContainerName(QStringLiteral("loki")).siblingAtColumn(StackTreeModel::State).data(),
                 QVariant(QStringLiteral("exited")));
        const auto refreshes = updated.size();
        QVERIFY(waitFor([&updated, refreshes] { return updated.size() > refreshes; })); // and one more refresh

        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        const QModelIndexList sel = tree->selectionModel()->selectedRows();
        QCOMPARE(sel.size(), 1);
        QCOMPARE(sel.first().data().toString(), QStringLiteral("grafana"));
        QVERIFY(!tree->isExpanded(shown(v, model->indexOfStackName(QStringLiteral("proxy")))));
        QVERIFY(tree->isExpanded(shown(v, monitoring)));
        QVERIFY(tree->isExpanded(shown(v, model->indexOfStackName(QStringLiteral("home")))));
        QCOMPARE(tree->verticalScrollBar()->value(), scroll);
        QVERIFY(child<QPushButton>(v, "stopContainerButton")->isEnabled());

        // The filter hides and brings back rows: the user's collapse still holds, the rest is expanded.
        auto* filter = child<QLineEdit>(v, "stackFilter");
        filter->setText(QStringLiteral("grafana/"));
        QCOMPARE(rows->rowCount(), 1);
        QCOMPARE(rows->rowCount(rows->index(0, 0)), 3); // grafana, loki and alloy: their images
        filter->clear();
        QCOMPARE(rows->rowCount(), 7);
        QVERIFY(!tree->isExpanded(shown(v, model->indexOfStackName(QStringLiteral("proxy")))));
        QVERIFY(tree->isExpanded(shown(v, model->indexOfStackName(QStringLiteral("auth")))));

        d->containerAction(QStringLiteral("loki"), QStringLiteral("start"));
        tree->expand(shown(v, model->indexOfStackName(QStringLiteral("proxy"))));
        tree->setMaximumHeight(QWIDGETSIZE_MAX);
        hlc::test::evidence("GUI: stacks tree keeps selection, expansion and scroll over live Portainer refreshes");
    }

    void vmStopAndStartFollowedToExitstatus()
    {
        GuestsView* v = guests(QStringLiteral("host-a"));
        showView(QStringLiteral("host-a"), v);
        QVERIFY(v->selectGuest(QStringLiteral("qemu/101")));
        auto* stop = child<QPushButton>(v, "stopGuestButton");
        QVERIFY(stop->isEnabled());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(MessageBox::lastQuestion().contains(QLatin1String("VM 101 (homeassistant)")));
        QVERIFY(MessageBox::lastQuestion().contains(QLatin1String("pve-thinkpad")));
        // While the task runs: the row shows progress and a second click cannot start it again.
        QVERIFY(waitFor([v] {
            const int row = v->model()->rowOfKey(QStringLiteral("qemu/101"));
            return v->model()
                ->index(row, GuestTableModel::Status)
                .data()
                .toString()
                .contains(QLatin1String("task running"));
        }));
        QVERIFY(!stop->isEnabled());
        QVERIFY(!child<QPushButton>(v, "startGuestButton")->isEnabled());
        QVERIFY(waitFor([v] {
            return child<QLabel>(v, "guestActionResult")->text() ==
                   QLatin1String("VM 101 (homeassistant) on pve-thinkpad: stop finished: OK");
        }));
        QCOMPARE(m_sim->homelab()->guest(101)->status, QStringLiteral("stopped"));
        QVERIFY(waitFor([v] { return child<QPushButton>(v, "startGuestButton")->isEnabled(); }));
        QCOMPARE(m_homelab->audit()->entries().last().taskId.left(18), QStringLiteral("UPID:pve-thinkpad:"));

        QTest::mouseClick(child<QPushButton>(v, "startGuestButton"), Qt::LeftButton);
        QVERIFY(waitFor([v] {
            return child<QLabel>(v, "guestActionResult")->text() ==
                   QLatin1String("VM 101 (homeassistant) on pve-thinkpad: start finished: OK");
        }));
        QCOMPARE(m_sim->homelab()->guest(101)->status, QStringLiteral("running"));
    }

    void failingStartShowsLogLines()
    {
        GuestsView* v = guests(QStringLiteral("host-b"));
        showView(QStringLiteral("host-b"), v);
        QVERIFY(v->selectGuest(QStringLiteral("qemu/112")));
        auto* start = child<QPushButton>(v, "startGuestButton");
        QVERIFY(start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(waitFor(
            [v] { return child<QLabel>(v, "guestActionResult")->text().contains(QLatin1String("TASK ERROR")); }));
        const QString text = child<QLabel>(v, "guestActionResult")->text();
        QVERIFY2(text.startsWith(QLatin1String("VM 112 (win11-test) on pve-ryzen: start failed: ")), qPrintable(text));
        QCOMPARE(m_homelab->notifications()->history().last().severity, Notification::Severity::Warning);
        QVERIFY(m_homelab->audit()->entries().last().outcome.startsWith(QLatin1String("failed: ")));
    }

    void portainerDownLeavesProxmoxLive()
    {
        sim::SimHttpServer* server = m_sim->server(QStringLiteral("host-b"), QStringLiteral("portainer"));
        sim::Fault reset;
        reset.reset = true;
        server->setFault("*", QStringLiteral("*"), reset);
        StacksView* sv = stacks(QStringLiteral("host-b"));
        GuestsView* gv = guests(QStringLiteral("host-b"));
        auto* banner = child<QLabel>(sv, "portainerBanner");
        QVERIFY(waitFor([banner] { return !banner->isHidden(); }, 15000));
        QVERIFY2(banner->text().contains(QLatin1String("closed the connection before answering")),
                 qPrintable(banner->text()));
        QVERIFY2(banner->text().contains(QLatin1String("stale")), qPrintable(banner->text()));
        QVERIFY(sv->treeModel()->rowCount() > 0); // stale data stays visible
        QVERIFY(child<QLabel>(gv, "guestsBanner")->isHidden());
        server->clearFaults();
        QVERIFY(waitFor([banner] { return banner->isHidden(); }, 15000));
    }

    /// A crash-looping container (Docker state "restarting") can be stopped, not started: the buttons follow the
    /// engine's state table, and the stop reaches the simulator.
    void crashLoopingContainerCanBeStopped()
    {
        StacksView* v = stacks(QStringLiteral("host-a"));
        showView(QStringLiteral("host-a"), v);
        sim::SimDocker* d = docker(QStringLiteral("host-a"));
        QVERIFY(d->setContainerState(QStringLiteral("grafana"), QStringLiteral("restarting"), 1));
        QVERIFY(waitFor([v] {
            const QModelIndex i = v->treeModel()->indexOfContainerName(QStringLiteral("grafana"));
            return i.isValid() && v->treeModel()->containerAt(i) &&
                   v->treeModel()->containerAt(i)->state == QLatin1String("restarting");
        }));
        QVERIFY(v->selectContainer(QStringLiteral("grafana")));
        auto* stop = child<QPushButton>(v, "stopContainerButton");
        auto* start = child<QPushButton>(v, "startContainerButton");
        QVERIFY(waitFor([stop] { return stop->isEnabled(); }));
        QVERIFY(!start->isEnabled());
        QVERIFY2(start->toolTip().contains(QLatin1String("already running")), qPrintable(start->toolTip()));
        QVERIFY(child<QPushButton>(v, "restartContainerButton")->isEnabled());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(stop, Qt::LeftButton);
        QVERIFY(waitFor([d] { return d->container(QStringLiteral("grafana"))->state == QLatin1String("exited"); }));
        QVERIFY(waitFor([start] { return start->isEnabled(); }));
        QVERIFY(!stop->isEnabled());
        // paused: stop yes, start no (Docker refuses to start a paused container)
        QVERIFY(d->setContainerState(QStringLiteral("grafana"), QStringLiteral("paused")));
        QVERIFY(waitFor([stop] { return stop->isEnabled(); }));
        QVERIFY(!start->isEnabled());
        QVERIFY(start->toolTip().contains(QLatin1String("paused")));
        // dead: start yes
        QVERIFY(d->setContainerState(QStringLiteral("grafana"), QStringLiteral("dead")));
        QVERIFY(waitFor([start] { return start->isEnabled(); }));
        QVERIFY(!stop->isEnabled());
        QVERIFY(d->containerAction(QStringLiteral("grafana"), QStringLiteral("start")) == sim::SimDocker::Change::Done);
        hlc::test::evidence(QStringLiteral("crash-looping container stopped from the Stacks tab; buttons followed "
                                           "restarting/exited/paused/dead"));
    }

    /// A VM locked by a backup offers no power action (the tooltip says why); a VM in QEMU's "prelaunch" state
    /// resumes or stops; a hibernated VM (lock "suspended") starts.
    void guestButtonsFollowLockAndQemuState()
    {
        GuestsView* v = guests(QStringLiteral("host-a"));
        showView(QStringLiteral("host-a"), v);
        sim::SimHomelab* lab = m_sim->homelab();
        const auto row = [v] { return v->model()->rowAt(v->model()->rowOfKey(QStringLiteral("qemu/100"))); };
        const auto enabled = [v] {
            QStringList on;
            for (const char* b : {"start", "shutdown", "stop", "reboot", "suspend", "resume"}) {
                const QByteArray name = QByteArray(b) + "GuestButton";
                if (child<QPushButton>(v, name.constData())->isEnabled())
                    on << QLatin1String(b);
            }
            return on.join(QLatin1Char(','));
        };
        QVERIFY(lab->setGuestLock(100, QStringLiteral("backup")));
        QVERIFY(waitFor([row] { return row() && row()->lock == QLatin1String("backup"); }));
        QVERIFY(v->selectGuest(QStringLiteral("qemu/100")));
        QCOMPARE(enabled(), QString());
        const QString tip = child<QPushButton>(v, "stopGuestButton")->toolTip();
        QVERIFY2(tip.contains(QLatin1String("locked (backup)")), qPrintable(tip));
        QVERIFY(lab->setGuestLock(100, QString()));
        QVERIFY(lab->setGuestStatus(100, QStringLiteral("prelaunch")));
        QVERIFY(
            waitFor([row] { return row() && row()->lock.isEmpty() && row()->status == QLatin1String("prelaunch"); }));
        QVERIFY(waitFor([&] { return enabled() == QLatin1String("stop,resume"); }));
        QVERIFY(lab->setGuestStatus(100, QStringLiteral("stopped")));
        QVERIFY(lab->setGuestLock(100, QStringLiteral("suspended")));
        QVERIFY(waitFor([row] { return row() && row()->lock == QLatin1String("suspended"); }));
        QVERIFY(waitFor([&] { return enabled() == QLatin1String("start"); }));
        QVERIFY(lab->setGuestLock(100, QString()));
        QVERIFY(lab->setGuestStatus(100, QStringLiteral("running")));
        QVERIFY(waitFor([&] { return enabled() == QLatin1String("shutdown,stop,reboot,suspend"); }));
        hlc::test::evidence(QStringLiteral("guest buttons followed lock=backup (none), prelaunch (%1), "
                                           "hibernated (start), running")
                                .arg(QStringLiteral("stop,resume")));
    }
};

QTEST_MAIN(TestGuestsGui)
#include "TestGuestsGui.moc"
