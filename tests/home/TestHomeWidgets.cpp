// The AdGuard, Home Assistant and Services views and their models, driven by the real app objects against the
// simulators on 127.0.0.1: incremental model updates (QAbstractItemModelTester, no resets), filters, a toggle whose
// result is shown when the state change arrives, a confirmed pause with its countdown, a service taken down.
#include "TestUtil.h"

#include "SimAdGuard.h"
#include "SimHealthServices.h"
#include "SimHomeAssistant.h"
#include "SimHttpServer.h"
#include "core/ActionJournal.h"
#include "core/Homelab.h"
#include "core/MessageBox.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"
#include "guests/HostMonitor.h"
#include "home/AdGuardMonitor.h"
#include "home/AdGuardQueryLogModel.h"
#include "home/AdGuardView.h"
#include "home/HaEntityFilter.h"
#include "home/HaEntityModel.h"
#include "home/HealthProber.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeAssistantView.h"
#include "home/HomeServices.h"
#include "home/ServiceHealthModel.h"
#include "home/ServicesHealthView.h"
#include "homeassistant/HomeAssistantClient.h"
#include "overview/HostCard.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kToken = QStringLiteral("widgets-token");
}

class TestHomeWidgets : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager* m_nam = nullptr;
    sim::SimHttpServer* m_agServer = nullptr;
    sim::SimAdGuard* m_ag = nullptr;
    sim::SimHttpServer* m_haRest = nullptr;
    sim::SimHomeAssistant* m_ha = nullptr;
    sim::SimHealthServices* m_health = nullptr;
    ServiceDirectory* m_directory = nullptr;
    HomeServices* m_services = nullptr;

    Config config() const
    {
        Config c;
        c.healthIntervalMs = 60000;
        c.healthTimeoutMs = 1000;
        HostConfig a;
        a.id = QStringLiteral("host-a");
        a.name = QStringLiteral("pve-thinkpad");
        ServiceConfig ag;
        ag.id = QStringLiteral("adguard");
        ag.kind = ServiceKind::AdGuard;
        QUrl u = m_agServer->baseUrl();
        u.setPath(QStringLiteral("/control"));
        ag.baseUrl = u;
        ag.auth = AuthScheme::Basic;
        ag.user = QStringLiteral("admin");
        ag.timeoutMs = 2000;
        ServiceConfig ha;
        ha.id = QStringLiteral("homeassistant");
        ha.kind = ServiceKind::HomeAssistant;
        ha.baseUrl = m_haRest->baseUrl();
        ha.auth = AuthScheme::Bearer;
        ha.timeoutMs = 2000;
        ha.extra.insert(QStringLiteral("websocketUrl"), m_ha->webSocketUrl().toString());
        ha.extra.insert(QStringLiteral("favourites"), QJsonArray{QStringLiteral("light.kitchen")});
        a.services << ag << ha;
        for (const sim::SimProbeTarget& t : m_health->targets(a.id)) {
            ProbeConfig p;
            p.name = t.name;
            if (!ProbeConfig::kindFromName(t.kind, &p.kind))
                qFatal("unknown probe kind");
            p.url = t.url;
            p.openInBrowser = t.openInBrowser;
            a.probes << p;
        }
        c.hosts << a;
        return c;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_nam = new QNetworkAccessManager(this);
        m_agServer = new sim::SimHttpServer(this);
        QVERIFY(m_agServer->listen(false));
        m_ag = new sim::SimAdGuard(m_agServer, QStringLiteral("admin"), QStringLiteral("pw"), this);
        m_haRest = new sim::SimHttpServer(this);
        QVERIFY(m_haRest->listen(false));
        m_ha = new sim::SimHomeAssistant(m_haRest, kToken, sim::SimHomeAssistant::Profile::Seed, this);
        QVERIFY(m_ha->listenWebSocket());
        m_ha->setActionDelay(100);
        m_health = new sim::SimHealthServices(this);
        QVERIFY(m_health->start());
        m_directory = new ServiceDirectory(config(), nullptr, m_nam, this);
        m_services = new HomeServices(m_directory, new ActionJournal(nullptr, nullptr, this), this);
        m_services->start(60000);
        m_directory->applySecret(QStringLiteral("host-a"), QStringLiteral("adguard"), QStringLiteral("pw"));
        m_directory->applySecret(QStringLiteral("host-a"), QStringLiteral("homeassistant"), kToken);
        QCOMPARE(m_services->adGuards().size(), 1);
        QCOMPARE(m_services->homeAssistants().size(), 1);
    }

    void homeAssistantView()
    {
        HomeAssistantLink* link = m_services->homeAssistant(QStringLiteral("host-a"));
        HomeAssistantView view(m_services);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(view.model(), &QAbstractItemModel::modelReset);
        QVERIFY(waitFor([&] { return view.model()->rowCount() == m_ha->entityCount(); }, 8000));
        auto* table = view.findChild<QTableView*>(QStringLiteral("entityTable"));
        auto* search = view.findChild<QLineEdit*>(QStringLiteral("entitySearch"));
        auto* domain = view.findChild<QComboBox*>(QStringLiteral("domainFilter"));
        auto* area = view.findChild<QComboBox*>(QStringLiteral("areaFilter"));
        auto* action = view.findChild<QPushButton*>(QStringLiteral("entityActionButton"));
        auto* result = view.findChild<QLabel*>(QStringLiteral("haActionResult"));
        QVERIFY(table && search && domain && area && action && result);
        QVERIFY(view.findChild<QLabel*>(QStringLiteral("haModeLabel"))->text().contains(QStringLiteral("Live")));

        search->setText(QStringLiteral("kitchen"));
        QCOMPARE(view.filter()->rowCount(), 1); // "Kitchen Light"
        search->clear();
        domain->setCurrentIndex(domain->findData(QStringLiteral("light")));
        QCOMPARE(view.filter()->rowCount(), 3);
        domain->setCurrentIndex(0);
        QVERIFY(waitFor([&] { return area->findData(QStringLiteral("Office")) >= 0; }));
        area->setCurrentIndex(area->findData(QStringLiteral("Office")));
        QCOMPARE(view.filter()->rowCount(), 2);
        area->setCurrentIndex(0);

        // A pushed change is a dataChanged, the row stays selected.
        QVERIFY(view.selectEntity(QStringLiteral("light.bedroom_lamp")));
        QCOMPARE(action->text(), QStringLiteral("Toggle"));
        QSignalSpy changed(view.model(), &QAbstractItemModel::dataChanged);
        m_ha->tick();
        QVERIFY(changed.wait(3000));
        // Only the rows that changed are signalled, not the whole table.
        QTest::qWait(200);
        int signalledRows = 0;
        for (const auto& args : std::as_const(changed))
            signalledRows += args.at(1).toModelIndex().row() - args.at(0).toModelIndex().row() + 1;
        QVERIFY2(signalledRows < view.model()->rowCount(),
                 qPrintable(QStringLiteral("%1 of %2 rows").arg(signalledRows).arg(view.model()->rowCount())));
        QCOMPARE(table->selectionModel()->selectedRows().first().data(HaEntityModel::EntityIdRole).toString(),
                 QStringLiteral("light.bedroom_lamp"));

        action->click();
        QVERIFY(result->text().contains(QStringLiteral("waiting for the state change")));
        QVERIFY(!action->isEnabled());
        QVERIFY(waitFor([&] { return result->text() == QLatin1String("Bedroom Lamp is now on."); }, 5000));
        QCOMPARE(link->entity(QStringLiteral("light.bedroom_lamp"))->state, QStringLiteral("on"));
        QVERIFY(action->isEnabled());
        QVERIFY(view.selectEntity(QStringLiteral("scene.movie_night")));
        QCOMPARE(action->text(), QStringLiteral("Activate"));
        QVERIFY(view.selectEntity(QStringLiteral("sensor.office_power")));
        QVERIFY(!action->isEnabled());
        QCOMPARE(resets.size(), 0);
        hlc::test::evidence("Home Assistant tab: entity browser over a live WebSocket, toggle confirmed by the pushed "
                            "state change");
    }

    /// A host without Proxmox (here: AdGuard, Home Assistant and probes only) does not wait for data forever: its
    /// card on the Overview says what it has, hides the Proxmox numbers and shows the Home Assistant favourites.
    void hostCardWithoutProxmoxSaysWhatItHas()
    {
        SecretStore secrets;
        secrets.setSessionOnly(true);
        const auto ignore = [](const SecretResult&) {};
        secrets.write(secretKey(QStringLiteral("host-a"), QStringLiteral("adguard")), QStringLiteral("pw"), nullptr,
                      ignore);
        secrets.write(secretKey(QStringLiteral("host-a"), QStringLiteral("homeassistant")), kToken, nullptr, ignore);
        Homelab lab(config(), QString(), &secrets, m_nam);
        HostCard card(&lab, lab.host(QStringLiteral("host-a")));
        card.show();
        lab.start();
        auto* freshness = card.findChild<QLabel*>(QStringLiteral("freshnessLabel"));
        QVERIFY(freshness);
        QVERIFY(
            waitFor([freshness] { return freshness->text().startsWith(QLatin1String("No Proxmox on this host")); }));
        QVERIFY(!freshness->text().contains(QLatin1String("Waiting")));
        // What it has, by name; the Proxmox numbers (which would say "–" forever) are hidden.
        QVERIFY2(freshness->text().contains(QLatin1String("AdGuard Home")) &&
                     freshness->text().contains(QLatin1String("Home Assistant")),
                 qPrintable(freshness->text()));
        QVERIFY(card.findChild<QLabel*>(QStringLiteral("cpuValue"))->isHidden());
        QVERIFY(card.findChild<QLabel*>(QStringLiteral("memoryValue"))->isHidden());
        // The favourite from the config, with its live state.
        auto* fav = card.findChild<QLabel*>(QStringLiteral("haFavouritesLink"));
        QVERIFY(fav);
        QVERIFY(waitFor([fav] { return fav->text().startsWith(QStringLiteral("★ Kitchen Light: ")); }, 8000));
        const QString favourites = fav->text();
        lab.stop();
        hlc::test::evidence(QStringLiteral("host without Proxmox: card says \"%1\", Proxmox numbers hidden, "
                                           "favourites \"%2\"")
                                .arg(freshness->text(), favourites));
    }

    void adGuardView()
    {
        AdGuardMonitor* m = m_services->adGuards().first();
        AdGuardView view(m_services);
        QVERIFY(waitFor([&] { return m->stats().has_value() && m->status().has_value(); }, 8000));
        auto* protection = view.findChild<QLabel*>(QStringLiteral("protectionLabel"));
        auto* remaining = view.findChild<QLabel*>(QStringLiteral("pauseRemainingLabel"));
        auto* pause = view.findChild<QPushButton*>(QStringLiteral("pauseButton"));
        auto* resume = view.findChild<QPushButton*>(QStringLiteral("resumeButton"));
        auto* duration = view.findChild<QComboBox*>(QStringLiteral("pauseDuration"));
        auto* queries = view.findChild<QLabel*>(QStringLiteral("dnsQueriesLabel"));
        auto* percent = view.findChild<QLabel*>(QStringLiteral("blockedPercentLabel"));
        QVERIFY(protection && remaining && pause && resume && duration && queries && percent);
        QCOMPARE(protection->text(), QStringLiteral("Protection: on"));
        QVERIFY(queries->text() != QStringLiteral("–"));
        QVERIFY2(percent->text().contains(QStringLiteral(" % (")), qPrintable(percent->text())); // share + raw counts
        QVERIFY(view.findChild<QTableView*>(QStringLiteral("topClientsTable"))->model()->rowCount() > 0);
        QCOMPARE(view.findChild<QTableView*>(QStringLiteral("filterListsTable"))->model()->rowCount(), 3);

        // Declined: nothing happens.
        MessageBox::setNextAnswer(QMessageBox::No);
        pause->click();
        QVERIFY(m_ag->protectionEnabled());

        MessageBox::setNextAnswer(QMessageBox::Yes);
        duration->setCurrentIndex(duration->findData(60'000));
        pause->click();
        QVERIFY(MessageBox::lastQuestion().contains(QStringLiteral("for 1 minute")));
        QVERIFY(waitFor([&] { return protection->text() == QLatin1String("Protection: paused"); }, 5000));
        QVERIFY2(remaining->text().endsWith(QStringLiteral(" left")), qPrintable(remaining->text()));
        QVERIFY(!m_ag->protectionEnabled());
        QVERIFY(m_ag->pauseRemainingMs() > 50'000);
        QVERIFY(resume->isEnabled());
        QVERIFY(!pause->isEnabled());
        // The source text of the %n form (tests load no translation; the English one says "1 minute").
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("adguardActionResult"))->text(),
                 QStringLiteral("DNS protection on pve-thinkpad is paused for 1 minutes."));
        resume->click();
        QVERIFY(waitFor([&] { return protection->text() == QLatin1String("Protection: on"); }, 5000));
        QVERIFY(m_ag->protectionEnabled());

        // Query log filter: blocked only.
        auto* log = view.findChild<QTableView*>(QStringLiteral("queryLogTable"));
        QAbstractItemModelTester tester(log->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(waitFor([&] { return log->model()->rowCount() > 0; }));
        view.findChild<QCheckBox*>(QStringLiteral("blockedOnlyCheck"))->setChecked(true);
        QVERIFY(waitFor([&] {
            const auto& q = m->queryLog();
            return !q.isEmpty() && std::all_of(q.begin(), q.end(), [](const auto& e) { return e.isBlocked(); });
        }));
        QVERIFY(waitFor([&] {
            for (int r = 0; r < log->model()->rowCount(); ++r) {
                if (log->model()->index(r, AdGuardQueryLogModel::Result).data().toString() != QLatin1String("Blocked"))
                    return false;
            }
            return log->model()->rowCount() > 0;
        }));
        hlc::test::evidence("AdGuard tab: stats, top lists, query log filter and a confirmed pause/resume against the "
                            "simulated AdGuard Home");
    }

    // Idle cost: a hidden AdGuard tab neither redraws nor fetches the 200-entry query log; shown, it catches up at
    // once with the latest state.
    void adGuardHiddenTabWaits()
    {
        AdGuardMonitor* m = m_services->adGuards().first();
        QTabWidget tabs;
        tabs.addTab(new QLabel(QStringLiteral("other page")), QStringLiteral("Other"));
        auto* view = new AdGuardView(m_services);
        tabs.addTab(view, QStringLiteral("AdGuard"));
        tabs.show();
        QVERIFY(tabs.isVisible());
        QVERIFY(!view->isVisible());
        auto* protection = view->findChild<QLabel*>(QStringLiteral("protectionLabel"));
        QVERIFY(protection);
        const QString before = protection->text();
        QCOMPARE(before, QStringLiteral("Protection: on"));

        // One whole poll round that starts now: wait for a round already in flight (refresh() would be a no-op),
        // then refresh and wait for that round's updated(), not for the first of its three replies.
        const auto freshRound = [&] {
            if (!waitFor([&] { return !m->polling(); }, 5000))
                return false;
            QSignalSpy done(m, &AdGuardMonitor::updated);
            m->refresh();
            return waitFor([&] { return !done.isEmpty(); }, 5000);
        };

        // The server's state changes while the tab is hidden: the monitor sees it, the hidden tab does not draw it.
        m_ag->setProtection(false, 0);
        QVERIFY(freshRound());
        QVERIFY(m->status() && !m->status()->protectionEnabled);
        QCOMPARE(protection->text(), before);
        QVERIFY(!m->queryLogWanted());
        QVERIFY(waitFor([&] { return !m->polling(); }, 5000));
        QTest::qWait(100); // a query-log reply from before the tab was hidden may still be on its way
        m_agServer->clearRequests();
        QVERIFY(freshRound());
        QTest::qWait(300);
        const auto paths = [&] {
            QStringList p;
            for (const sim::SimRequest& r : m_agServer->requests())
                p << r.path;
            return p;
        };
        QVERIFY2(!paths().contains(QStringLiteral("/control/querylog")), qPrintable(paths().join(u' ')));

        // Shown: the latest state at once (no wait for the next poll), and the query log is fetched again.
        m_agServer->clearRequests();
        tabs.setCurrentWidget(view);
        QVERIFY(view->isVisible());
        QCOMPARE(protection->text(), QStringLiteral("Protection: paused"));
        QVERIFY(view->chartPoints() > 0);
        QVERIFY(m->queryLogWanted());
        QVERIFY(waitFor([&] { return paths().contains(QStringLiteral("/control/querylog")); }, 5000));

        m_ag->setProtection(true, 0);
        QVERIFY(freshRound());
        QCOMPARE(protection->text(), QStringLiteral("Protection: on"));
        hlc::test::evidence("AdGuard tab hidden: no redraw and no query-log request; shown: latest state at once");
    }

    void servicesView()
    {
        HealthProber* prober = m_services->health();
        ServicesHealthView view(prober, QStringLiteral("host-a"));
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* summary = view.findChild<QLabel*>(QStringLiteral("healthSummary"));
        QVERIFY(waitFor([&] { return summary->text().contains(QStringLiteral("all answering")); }, 8000));
        QVERIFY(m_health->setDown(QStringLiteral("host-a"), QStringLiteral("Grafana"), true));
        prober->probeAll();
        QVERIFY(waitFor([&] { return prober->downCount(QStringLiteral("host-a")) == 1; }, 8000));
        QVERIFY2(summary->text().startsWith(QStringLiteral("1 of ")), qPrintable(summary->text()));
        QVERIFY(prober->downSummary().contains(QStringLiteral("Grafana")));

        auto* table = view.findChild<QTableView*>(QStringLiteral("servicesTable"));
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            if (table->model()->index(r, 0).data().toString() == QLatin1String("Grafana")) {
                table->selectRow(r);
                QCOMPARE(table->model()->index(r, 1).data().toString(), QStringLiteral("down"));
            }
        }
        QVERIFY(view.selectedUrl().toString().endsWith(QStringLiteral("/api/health")));
        QVERIFY(view.findChild<QPushButton*>(QStringLiteral("openServiceButton"))->isEnabled());
        QVERIFY(m_health->setDown(QStringLiteral("host-a"), QStringLiteral("Grafana"), false));
    }
};

QTEST_MAIN(TestHomeWidgets)
#include "TestHomeWidgets.moc"
