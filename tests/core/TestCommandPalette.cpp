// The command palette (Ctrl+K) and the toolbar against the simulated homelab: the palette finds and runs one action
// of each kind through the views' own code (confirmations answered in advance), and the simulator sees the request
// or the state changes; F5 refreshes; the toolbar's icon-only buttons have tooltips.
#include "TestUtil.h"

#include "DemoSetup.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "agents/AgentRunner.h"
#include "agents/WebhookActions.h"
#include "core/CommandPalette.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/MessageBox.h"
#include "core/SecretStore.h"
#include "guests/GuestInventory.h"
#include "guests/GuestsView.h"
#include "guests/StacksView.h"
#include "home/AdGuardMonitor.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeServices.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertsView.h"

#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>

using namespace hlc;
using hlc::test::waitFor;

class TestCommandPalette : public QObject
{
    Q_OBJECT

public slots:
    /// QDesktopServices' handler for http(s) in this test: records instead of starting a browser.
    void openUrl(const QUrl& url) { m_opened << url; }

private:
    std::unique_ptr<sim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Homelab> m_homelab;
    std::unique_ptr<MainWindow> m_window;
    QList<QUrl> m_opened;
    hlc::test::PassTally m_tally;

    CommandPalette* palette() const { return m_window->commandPalette(); }

    /// The first entry whose id starts with @p prefix (and contains @p part), or an empty id.
    QString entry(const QString& prefix, const QString& part = {}) const
    {
        for (const PaletteEntry& e : palette()->entries()) {
            if (e.id.startsWith(prefix) && e.id.contains(part))
                return e.id;
        }
        return {};
    }

    /// True when @p server received a request @p method whose path contains @p path.
    static bool saw(sim::SimHttpServer* server, const QByteArray& method, const QString& path)
    {
        for (const sim::SimRequest& r : server->requests()) {
            if (r.method == method && r.path.contains(path))
                return true;
        }
        return false;
    }

    /// Opens the palette (the entries are taken from the live homelab at that moment).
    void open()
    {
        m_window->openCommandPalette();
        QVERIFY(palette()->isVisible());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<sim::Simulator>();
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        demo::storeSecrets(*m_sim, m_secrets.get());
        QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "openUrl");
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");

        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 1000;
        m_homelab = std::make_unique<Homelab>(config, QString(), m_secrets.get(), m_nam.get());
        m_homelab->setDemo(true);
        m_window = std::make_unique<MainWindow>(m_homelab.get());
        m_window->resize(1280, 800);
        m_window->show();
        m_homelab->start();
        // Everything the palette lists comes from the live models: wait until each has data.
        Homelab* h = m_homelab.get();
        QVERIFY(waitFor(
            [h] {
                for (const HostConfig& host : h->config().hosts) {
                    GuestInventory* inv = h->inventory(host.id);
                    if (inv && inv->hasProxmox() && inv->guests().isEmpty())
                        return false;
                    if (inv && inv->hasPortainer() && inv->containers().isEmpty())
                        return false;
                }
                return true;
            },
            20000));
        QVERIFY(waitFor([h] { return !h->agents()->agents().isEmpty(); }, 20000));
        QVERIFY(waitFor([h] { return h->alerts()->firingCount() > 0; }, 30000));
        QVERIFY(waitFor([h] { return !h->home()->adGuards().isEmpty() && h->home()->adGuards().first()->status(); },
                        20000));
        QVERIFY(waitFor(
            [h] {
                return !h->home()->homeAssistants().isEmpty() && h->home()->homeAssistants().first()->entityCount() > 0;
            },
            20000));
    }

    void cleanup()
    {
        m_tally.count();
        if (palette())
            palette()->hide();
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        m_window.reset();
        m_homelab.reset();
    }

    void ctrlKOpensThePaletteAndTypingRanks()
    {
        QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
        QVERIFY(waitFor([this] { return palette()->isVisible(); }));
        const qsizetype all = palette()->entries().size();
        QVERIFY2(all > 20, qPrintable(QString::number(all)));
        QCOMPARE(palette()->results()->count(), static_cast<int>(qMin<qsizetype>(all, 200)));
        // Typing filters; Enter runs the best result: "alerts" goes to the Alerts tab.
        QTest::keyClicks(palette()->searchField(), QStringLiteral("alerts"));
        QVERIFY(palette()->results()->count() < all);
        QCOMPARE(palette()->shownIds().first(), QStringLiteral("goto/alertsView"));
        QTest::keyClick(palette()->searchField(), Qt::Key_Return);
        QVERIFY(!palette()->isVisible());
        QCOMPARE(m_window->tabs()->currentWidget(), m_window->alertsView());
        // Nothing matches: an empty list and a hint saying so.
        open();
        QTest::keyClicks(palette()->searchField(), QStringLiteral("qqqzzzxx"));
        QCOMPARE(palette()->results()->count(), 0);
        QVERIFY(
            palette()->findChild<QLabel*>(QStringLiteral("paletteHint"))->text().contains(QStringLiteral("qqqzzzxx")));
        hlc::test::evidence(QStringLiteral("palette: %1 entries from the simulated homelab; 'alerts' ranks the Alerts "
                                           "tab first, Enter opened it")
                                .arg(all));
    }

    /// docs/palette.png when HLC_PALETTE_SCREENSHOT_DIR is set: the window at 1280x800 with the palette open on
    /// a query (the palette is its own popup window: painted onto the window's image where it stands).
    void paletteScreenshot()
    {
        m_window->tabs()->setCurrentIndex(0);
        open();
        QTest::keyClicks(palette()->searchField(), QStringLiteral("stop"));
        QVERIFY(palette()->results()->count() > 0);
        QImage image = m_window->grab().toImage();
        {
            QPainter painter(&image);
            const QPoint at = m_window->mapFromGlobal(palette()->mapToGlobal(QPoint(0, 0)));
            painter.drawPixmap(at, palette()->grab());
        }
        QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
        const QString dir = qEnvironmentVariable("HLC_PALETTE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(image.save(dir + QStringLiteral("/palette.png")));
        hlc::test::evidence(QStringLiteral("palette on 'stop': %1 results, first '%2'")
                                .arg(palette()->results()->count())
                                .arg(palette()->results()->item(0)->text()));
    }

    void jumpsToAHost()
    {
        open();
        const QString id = entry(QStringLiteral("goto/hostDetail_host-b"));
        QVERIFY2(!id.isEmpty(), qPrintable(palette()->shownIds().join(u' ')));
        QVERIFY(palette()->runEntry(id));
        QCOMPARE(m_window->tabs()->currentWidget()->objectName(), QStringLiteral("hostDetail_host-b"));
        hlc::test::evidence(QStringLiteral("palette %1 showed Host B's page").arg(id));
    }

    void guestActionAsksThenRuns()
    {
        open();
        const QString id = entry(QStringLiteral("guest/"), QStringLiteral("/reboot"));
        QVERIFY2(!id.isEmpty(), "no running guest to reboot");
        const QStringList parts = id.split(u'/'); // guest/<host>/<type>/<vmid>/reboot
        sim::SimHttpServer* pve = m_sim->server(parts.at(1), QStringLiteral("proxmox"));
        pve->clearRequests();
        // "No" first: nothing is sent.
        MessageBox::setNextAnswer(QMessageBox::No);
        QVERIFY(palette()->runEntry(id));
        QVERIFY(MessageBox::lastQuestion().startsWith(QStringLiteral("Reboot")));
        auto* guests = m_window->tabs()->currentWidget()->findChild<GuestsView*>();
        QVERIFY(guests);
        QCOMPARE(guests->findChild<QLabel*>(QStringLiteral("guestActionResult"))->text(),
                 QStringLiteral("Cancelled: nothing was sent."));
        open();
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(palette()->runEntry(id));
        QVERIFY(waitFor([pve] { return saw(pve, "POST", QStringLiteral("/status/reboot")); }, 10000));
        QVERIFY(m_window->tabs()->currentWidget()->objectName() == QStringLiteral("hostDetail_%1").arg(parts.at(1)));
        hlc::test::evidence(QStringLiteral("palette %1: asked '%2', No sent nothing, Yes sent POST …/status/reboot")
                                .arg(id, MessageBox::lastQuestion().left(40)));
    }

    void stackActionRuns()
    {
        open();
        const QString id = entry(QStringLiteral("stack/"), QStringLiteral("/stop"));
        QVERIFY(!id.isEmpty());
        const QStringList parts = id.split(u'/'); // stack/<host>/<name>/stop
        sim::SimHttpServer* portainer = m_sim->server(parts.at(1), QStringLiteral("portainer"));
        portainer->clearRequests();
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(palette()->runEntry(id));
        QVERIFY(MessageBox::lastQuestion().contains(parts.at(2)));
        QVERIFY(waitFor([portainer] { return saw(portainer, "POST", QStringLiteral("/stop")); }, 10000));
        hlc::test::evidence(QStringLiteral("palette %1: confirmed, Portainer got POST …/stop").arg(id));
        // And back: the stack becomes startable, its start entry runs without a question.
        GuestInventory* inv = m_homelab->inventory(parts.at(1));
        QVERIFY(waitFor(
            [inv, name = parts.at(2)] {
                for (const portainer::Stack& s : inv->stacks()) {
                    if (s.name == name)
                        return !s.active();
                }
                return false;
            },
            15000));
        open();
        const QString start = QStringLiteral("stack/%1/%2/start").arg(parts.at(1), parts.at(2));
        QVERIFY(palette()->entries().size() > 0 && !entry(start).isEmpty());
        QVERIFY(palette()->runEntry(start));
        QVERIFY(waitFor([portainer] { return saw(portainer, "POST", QStringLiteral("/start")); }, 10000));
        hlc::test::evidence(QStringLiteral("palette %1: Portainer got POST …/start").arg(start));
    }

    void containerRestartRuns()
    {
        open();
        const QString id = entry(QStringLiteral("container/"), QStringLiteral("/restart"));
        QVERIFY(!id.isEmpty());
        const QStringList parts = id.split(u'/');
        sim::SimHttpServer* portainer = m_sim->server(parts.at(1), QStringLiteral("portainer"));
        portainer->clearRequests();
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(palette()->runEntry(id));
        QVERIFY(MessageBox::lastQuestion().startsWith(QStringLiteral("Restart the container %1").arg(parts.at(2))));
        QVERIFY(waitFor([portainer] { return saw(portainer, "POST", QStringLiteral("/restart")); }, 10000));
        hlc::test::evidence(QStringLiteral("palette %1: confirmed, Portainer got POST …/restart").arg(id));
    }

    void agentPresetRuns()
    {
        open();
        const QString id = entry(QStringLiteral("agent/"));
        QVERIFY(!id.isEmpty());
        QSignalSpy started(m_homelab->agents(), &AgentRunner::runStarted);
        QVERIFY(palette()->runEntry(id));
        QVERIFY(waitFor([&started] { return started.count() > 0; }, 10000));
        QCOMPARE(started.first().at(1).toString(), id.section(u'/', 1, 1));
        hlc::test::evidence(
            QStringLiteral("palette %1: the agent platform started run %2").arg(id, started.first().at(0).toString()));
    }

    void webhookRuns()
    {
        open();
        const QString id = entry(QStringLiteral("webhook/"));
        QVERIFY(!id.isEmpty());
        QSignalSpy finished(m_homelab->webhooks(), &WebhookActions::finished);
        QVERIFY(palette()->runEntry(id));
        QVERIFY(waitFor([&finished] { return finished.count() > 0; }, 10000));
        QCOMPARE(QStringLiteral("webhook/") + finished.first().at(0).toString(), id);
        QVERIFY2(finished.first().at(1).toBool(), qPrintable(finished.first().at(2).toString()));
        hlc::test::evidence(QStringLiteral("palette %1: n8n answered '%2'").arg(id, finished.first().at(2).toString()));
    }

    void alertSilenced()
    {
        open();
        const QString id = entry(QStringLiteral("silence/"), QStringLiteral("/1h"));
        QVERIFY(!id.isEmpty());
        QSignalSpy done(m_homelab->alerts(), &AlertCenter::silenceFinished);
        QVERIFY(palette()->runEntry(id));
        QVERIFY(waitFor([&done] { return done.count() > 0; }, 10000));
        QVERIFY2(done.first().at(1).toBool(), qPrintable(done.first().at(3).toString()));
        QCOMPARE(done.first().at(0).toString(), id.section(u'/', 1, 1));
        QCOMPARE(m_window->tabs()->currentWidget(), m_window->alertsView());
        hlc::test::evidence(
            QStringLiteral("palette %1: Alertmanager created silence %2").arg(id, done.first().at(2).toString()));
    }

    void adGuardPauseAsksThenPauses()
    {
        open();
        const QString id = entry(QStringLiteral("adguard/"), QStringLiteral("/pause"));
        QVERIFY(!id.isEmpty());
        AdGuardMonitor* m = m_homelab->home()->adGuards().first();
        QVERIFY(m->status()->protectionEnabled);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QVERIFY(palette()->runEntry(id));
        QVERIFY(MessageBox::lastQuestion().startsWith(QStringLiteral("Pause ad and tracker blocking")));
        QVERIFY(waitFor([m] { return m->status() && !m->status()->protectionEnabled; }, 10000));
        hlc::test::evidence(QStringLiteral("palette %1: confirmed, AdGuard reports protection off").arg(id));
        m->resume();
        QVERIFY(waitFor([m] { return m->status() && m->status()->protectionEnabled; }, 10000));
    }

    void homeAssistantEntityToggles()
    {
        open();
        const QString id = entry(QStringLiteral("ha/"), QStringLiteral("/light."));
        QVERIFY(!id.isEmpty());
        HomeAssistantLink* link = m_homelab->home()->homeAssistants().first();
        const QString entityId = id.section(u'/', 2);
        const QString before = link->entity(entityId)->state;
        QVERIFY(palette()->runEntry(id));
        QVERIFY(waitFor([link, entityId, before] { return link->entity(entityId)->state != before; }, 10000));
        hlc::test::evidence(
            QStringLiteral("palette %1: %2 went %3 -> %4").arg(id, entityId, before, link->entity(entityId)->state));
    }

    void servicePageOpensInTheBrowser()
    {
        open();
        const QString id = entry(QStringLiteral("open/host-a/proxmox"));
        QVERIFY(!id.isEmpty());
        m_opened.clear();
        QVERIFY(palette()->runEntry(id));
        QCOMPARE(m_opened.size(), 1);
        const QUrl expected = m_homelab->config().service(QStringLiteral("host-a"), QStringLiteral("proxmox"))->baseUrl;
        QCOMPARE(m_opened.first().host(), expected.host());
        QCOMPARE(m_opened.first().port(), expected.port());
        QCOMPARE(m_opened.first().path(), QStringLiteral("/"));
        hlc::test::evidence(QStringLiteral("palette %1 opened %2").arg(id, m_opened.first().toString()));
    }

    void f5Refreshes()
    {
        sim::SimHttpServer* pve = m_sim->server(QStringLiteral("host-a"), QStringLiteral("proxmox"));
        // With polling stopped, only the refresh can make a request.
        m_homelab->stop();
        pve->clearRequests();
        // The node status and the cluster's resources are read by polls and the refresh only (an action still being
        // followed reads its task, not these).
        const QRegularExpression nodeStatus(QStringLiteral("^/api2/json/(nodes/[^/]+/status|cluster/resources)$"));
        const auto seen = [pve, &nodeStatus] {
            for (const sim::SimRequest& r : pve->requests()) {
                if (nodeStatus.match(r.path).hasMatch())
                    return true;
            }
            return false;
        };
        // A poll still in flight when polling stopped makes a refresh a no-op (one call at a time): press F5 again
        // until it reaches the server. Nothing else asks for the node status now.
        int presses = 0;
        const auto refreshed = [this, &seen, &presses] {
            if (seen())
                return true;
            QTest::keyClick(m_window.get(), Qt::Key_F5);
            ++presses;
            return false;
        };
        const bool ok = waitFor(refreshed, 10000);
        QVERIFY(ok);
        hlc::test::evidence(QStringLiteral("F5 with polling stopped (%1 presses): Proxmox got %2 requests, a poll of "
                                           "the node or cluster among them")
                                .arg(presses)
                                .arg(pve->requests().size()));
        m_homelab->start();
    }

    void toolbarAndActionsMenu()
    {
        QToolBar* bar = m_window->mainToolBar();
        QVERIFY(bar && bar->isVisible());
        int buttons = 0;
        for (QAction* a : bar->actions()) {
            if (a->isSeparator())
                continue;
            ++buttons;
            QVERIFY2(!a->icon().isNull(), qPrintable(a->text()));
            auto* b = qobject_cast<QToolButton*>(bar->widgetForAction(a));
            QVERIFY(b);
            QVERIFY2(!b->toolTip().isEmpty() && b->toolTip() != a->text().remove(u'&'), qPrintable(a->text()));
        }
        QCOMPARE(buttons, 5);
        auto* actions = m_window->findChild<QMenu*>(QStringLiteral("actionsMenu"));
        QVERIFY(actions);
        QStringList names;
        for (QAction* a : actions->actions()) {
            if (!a->isSeparator())
                names << a->objectName();
        }
        QCOMPARE(names, (QStringList{QStringLiteral("commandPaletteAction"), QStringLiteral("refreshAction"),
                                     QStringLiteral("settingsAction"), QStringLiteral("previousHostAction"),
                                     QStringLiteral("nextHostAction")}));
        hlc::test::evidence(QStringLiteral("toolbar: %1 icon buttons, each with a tooltip; Actions menu: %2")
                                .arg(buttons)
                                .arg(names.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestCommandPalette)
#include "TestCommandPalette.moc"
