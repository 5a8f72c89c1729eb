// The Overview tab against the simulator (offscreen, in-process): every element of a host card shows the simulator's
// values; its links lead to their detail (the alert badge to the Alerts tab filtered by that host); the "needs
// attention" strip lists a service that went down and a critical alert, clears them, and says all is well in one
// line when nothing is left; a dark palette recolours the status elements.
// HLC_OVERVIEW_SCREENSHOT_DIR=dir saves overview.png (1280x800), overview-wide.png (1920x1080) and
// overview-dark.png (for the README).
#include "DemoSetup.h"
#include "SimHealthServices.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "agents/GpuLlmTab.h"
#include "agents/LlmMonitor.h"
#include "core/Homelab.h"
#include "core/HostDetailView.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/StatusColors.h"
#include "guests/GuestInventory.h"
#include "guests/GuestsView.h"
#include "guests/HostMonitor.h"
#include "home/HealthProber.h"
#include "home/HomeServices.h"
#include "home/ServicesHealthView.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertInbox.h"
#include "metrics/AlertsFilterModel.h"
#include "metrics/AlertsModel.h"
#include "metrics/AlertsView.h"
#include "overview/AttentionStrip.h"
#include "overview/HostCard.h"
#include "overview/OverviewPage.h"
#include "overview/Sparkline.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTabWidget>
#include <QtTest>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kHostB = QStringLiteral("host-b");

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7a, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Mid, QColor(0x80, 0x80, 0x80));
    return p;
}
} // namespace

class TestOverview : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Homelab> m_homelab;
    std::unique_ptr<MainWindow> m_window;
    QString m_alertHost;
    QString m_shots;

    OverviewPage* page() const { return m_window->findChild<OverviewPage*>(QStringLiteral("overviewPage")); }
    HostCard* card(const QString& hostId) const
    {
        return m_window->findChild<HostCard*>(QStringLiteral("hostCard_%1").arg(hostId));
    }
    QLabel* label(const QString& hostId, const char* name) const
    {
        HostCard* c = card(hostId);
        return c ? c->findChild<QLabel*>(QString::fromLatin1(name)) : nullptr;
    }
    QString text(const QString& hostId, const char* name) const
    {
        QLabel* l = label(hostId, name);
        return l ? l->text() : QString();
    }
    void showOverview()
    {
        m_window->tabs()->setCurrentIndex(0);
        QTRY_VERIFY(page()->isVisible());
    }
    void click(QWidget* w) { QTest::mouseClick(w, Qt::LeftButton, {}, QPoint(4, w->height() / 2)); }
    QStringList entries() const
    {
        QStringList out;
        for (const AttentionStrip::Entry& e : page()->attentionStrip()->entries())
            out << e.text;
        return out;
    }
    bool pushAlert(const QMap<QString, QString>& labels, const QString& summary, bool resolve = false)
    {
        QJsonObject l;
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            l.insert(it.key(), it.value());
        QJsonObject alert{{QStringLiteral("labels"), l},
                          {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("summary"), summary}}}};
        if (resolve)
            alert.insert(QStringLiteral("endsAt"),
                         QDateTime::currentDateTimeUtc().addSecs(-1).toString(Qt::ISODateWithMs));
        QUrl url = m_sim->endpoint(m_alertHost, QStringLiteral("alertmanager")).baseUrl;
        url.setPath(QStringLiteral("/api/v2/alerts"));
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* reply = m_nam->post(req, QJsonDocument(QJsonArray{alert}).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        const bool ok = done.wait(10000) && reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        return ok;
    }
    void shoot(const QString& name, QSize size)
    {
        if (m_shots.isEmpty())
            return;
        m_window->resize(size);
        showOverview();
        QTest::qWait(300); // one more repaint at the new size (not asserted)
        QVERIFY(m_window->grab().save(m_shots + QLatin1Char('/') + name));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_shots = qEnvironmentVariable("HLC_OVERVIEW_SCREENSHOT_DIR");
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        m_sim = std::make_unique<sim::Simulator>();
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        for (const sim::ServiceEndpoint& ep : m_sim->endpoints(QStringLiteral("alertmanager")))
            m_alertHost = ep.hostId;
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        m_secrets->setSessionOnly(true);
        demo::storeSecrets(*m_sim, m_secrets.get());
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 700;
        m_homelab = std::make_unique<Homelab>(config, QString(), m_secrets.get(), m_nam.get());
        m_homelab->setDemo(true);
        m_window = std::make_unique<MainWindow>(m_homelab.get());
        m_window->resize(1280, 800);
        m_window->show();
        m_homelab->start();
        QVERIFY(page());
        QVERIFY(waitFor([this] { return m_window->allPanelsHaveData(); }, 30000));
    }

    void cleanupTestCase()
    {
        QApplication::setPalette(QApplication::style()->standardPalette());
        m_window.reset();
        m_homelab.reset();
        m_sim.reset();
    }

    void cardsShowTheSimulatorsValues()
    {
        showOverview();
        QCOMPARE(m_window->hostPanels().size(), 2);
        QCOMPARE(page()->columns(), 2); // 1280 px: two cards side by side
        GuestInventory* inv = m_homelab->inventory(kHostB);
        QVERIFY(waitFor([inv] { return inv->guestsStatus().hasData() && inv->portainerStatus().hasData(); }, 20000));
        QVERIFY(waitFor([&] {
            return text(kHostB, "guestsLink") ==
                   QStringLiteral("%1 running · %2 stopped").arg(inv->runningGuests()).arg(inv->stoppedGuests());
        }));
        QVERIFY(waitFor([&] {
            return text(kHostB, "stacksLink") == QStringLiteral("%1 running · %2 stopped")
                                                     .arg(inv->activeStacks())
                                                     .arg(inv->stacks().size() - inv->activeStacks());
        }));
        QVERIFY2(text(kHostB, "containersLink").contains(QStringLiteral("%1 stopped").arg(inv->stoppedContainers())),
                 qPrintable(text(kHostB, "containersLink")));
        const auto& ns = m_homelab->host(kHostB)->nodeStatus();
        QVERIFY(ns && ns->cpu);
        QVERIFY(waitFor([&] { return text(kHostB, "cpuValue").endsWith(QLatin1String(" %")); }));
        QCOMPARE(text(kHostB, "cpuDetail"), QStringLiteral("%1 CPUs").arg(ns->cpus));
        QVERIFY2(text(kHostB, "memoryDetail").contains(QLatin1String(" of ")),
                 qPrintable(text(kHostB, "memoryDetail")));
        QVERIFY(text(kHostB, "rootDiskValue").endsWith(QLatin1String(" %")));
        QVERIFY(text(kHostB, "uptimeLabel").startsWith(QLatin1String("up ")));
        QCOMPARE(text(kHostB, "nodeStatus"), QStringLiteral("online"));
        QVERIFY(waitFor([&] { return text(kHostB, "networkValue").endsWith(QLatin1String("/s")); }, 20000));
        // The hour behind each number (Prometheus' range query in the demo): more than one point per line.
        for (const char* spark : {"cpuSpark", "memorySpark", "rootDiskSpark", "networkSpark"}) {
            QVERIFY(waitFor(
                [&] {
                    auto* s = card(kHostB)->findChild<Sparkline*>(QString::fromLatin1(spark));
                    return s && s->points().size() > 5;
                },
                20000));
        }
        // Services, GPU and models, Home Assistant favourites, AdGuard.
        HealthProber* health = m_homelab->home()->health();
        QVERIFY(waitFor([&] { return text(kHostB, "servicesLink").startsWith(QLatin1String("all ")); }, 20000));
        QCOMPARE(text(kHostB, "servicesLink"), QStringLiteral("all %1 answering").arg(health->results(kHostB).size()));
        QVERIFY(waitFor([&] { return text(kHostB, "gpuLink").contains(QLatin1String("VRAM ")); }, 20000));
        QVERIFY(label(kHostB, "gpuLink")->isVisibleTo(card(kHostB)));
        // Temperature and power as the GPU tab's gauges show them.
        {
            const QList<gpu::GpuStats> gpus = m_homelab->llm()->gpusOfHost(kHostB);
            QVERIFY(!gpus.isEmpty() && gpus.first().temperatureC && gpus.first().powerWatts);
            QVERIFY(waitFor([&] {
                const QList<gpu::GpuStats> now = m_homelab->llm()->gpusOfHost(kHostB);
                return !now.isEmpty() && now.first().powerWatts &&
                       text(kHostB, "gpuLink")
                           .contains(QStringLiteral(" · %1 W").arg(qRound(*now.first().powerWatts))) &&
                       text(kHostB, "gpuLink").contains(QStringLiteral(" °C"));
            }));
        }
        QString favourites;
        QString adguard;
        for (const QString& id : {QStringLiteral("host-a"), kHostB}) {
            if (label(id, "haFavouritesLink")->isVisibleTo(card(id)))
                favourites = text(id, "haFavouritesLink");
            if (label(id, "adguardLink")->isVisibleTo(card(id)))
                adguard = text(id, "adguardLink");
        }
        QVERIFY(waitFor(
            [&] {
                for (const QString& id : {QStringLiteral("host-a"), kHostB}) {
                    if (label(id, "haFavouritesLink")->isVisibleTo(card(id)))
                        favourites = text(id, "haFavouritesLink");
                    if (label(id, "adguardLink")->isVisibleTo(card(id)))
                        adguard = text(id, "adguardLink");
                }
                return favourites.startsWith(QStringLiteral("★ ")) && !favourites.contains(QLatin1String("unknown")) &&
                       adguard.contains(QLatin1String("blocked today"));
            },
            20000));
        hlc::test::evidence(QStringLiteral("host-b card: cpu %1, memory %2 (%3), guests \"%4\", stacks \"%5\", "
                                           "containers \"%6\", services \"%7\", gpu \"%8\"; favourites \"%9\"; %10")
                                .arg(text(kHostB, "cpuValue"), text(kHostB, "memoryValue"),
                                     text(kHostB, "memoryDetail"), text(kHostB, "guestsLink"),
                                     text(kHostB, "stacksLink"), text(kHostB, "containersLink"),
                                     text(kHostB, "servicesLink"),
                                     text(kHostB, "gpuLink").replace(QLatin1Char('\n'), QLatin1String(" / ")),
                                     favourites.replace(QLatin1Char('\n'), QLatin1String(" / ")))
                                .arg(adguard));
    }

    void linksLeadToTheirDetail()
    {
        QVERIFY(!m_alertHost.isEmpty());
        const QMap<QString, QString> labels{{QStringLiteral("alertname"), QStringLiteral("HlcOverviewTest")},
                                            {QStringLiteral("severity"), QStringLiteral("critical")},
                                            {QStringLiteral("instance"), QStringLiteral("pve-ryzen:9100")}};
        QVERIFY(pushAlert(labels, QStringLiteral("Overview test alert")));
        showOverview();
        QVERIFY(waitFor([&] { return text(kHostB, "alertsBadge").contains(QLatin1String("1 critical")); }, 20000));
        // The badge wears the worst severity's colour.
        QVERIFY2(label(kHostB, "alertsBadge")
                     ->styleSheet()
                     .contains(StatusColors::color(StatusColors::Role::Critical).name()),
                 qPrintable(label(kHostB, "alertsBadge")->styleSheet()));
        // The strip lists it too.
        QVERIFY(waitFor([&] { return entries().contains(QStringLiteral("Alert: Overview test alert")); }, 20000));

        click(label(kHostB, "alertsBadge"));
        AlertsView* alerts = m_window->alertsView();
        QCOMPARE(m_window->tabs()->currentWidget(), alerts);
        QCOMPARE(alerts->findChild<QComboBox*>(QStringLiteral("alertHostFilter"))->currentData().toString(), kHostB);
        QVERIFY(alerts->proxy()->rowCount() >= 1);
        for (int r = 0; r < alerts->proxy()->rowCount(); ++r) {
            QCOMPARE(alerts->proxy()->index(r, 0).data(AlertsModel::HostIdRole).toString(), kHostB);
        }

        showOverview();
        click(label(kHostB, "guestsLink"));
        auto* detail = qobject_cast<HostDetailView*>(m_window->tabs()->currentWidget());
        QVERIFY(detail);
        QCOMPARE(detail->objectName(), QStringLiteral("hostDetail_%1").arg(kHostB));
        QVERIFY(qobject_cast<GuestsView*>(detail->tabs()->currentWidget()));

        showOverview();
        click(label(kHostB, "servicesLink"));
        QVERIFY(qobject_cast<ServicesHealthView*>(detail->tabs()->currentWidget()));

        showOverview();
        click(label(kHostB, "gpuLink"));
        QVERIFY(qobject_cast<GpuLlmTab*>(m_window->tabs()->currentWidget()));

        // An entry of the strip opens its item: the alert, selected in the Alerts tab.
        showOverview();
        QLabel* entry = nullptr;
        for (QLabel* l : page()->attentionStrip()->findChildren<QLabel*>(QStringLiteral("attentionEntry"))) {
            if (l->text().endsWith(QLatin1String("Alert: Overview test alert")))
                entry = l;
        }
        QVERIFY(entry);
        click(entry);
        QCOMPARE(m_window->tabs()->currentWidget(), alerts);
        hlc::test::evidence(QStringLiteral("alert badge \"%1\" -> Alerts tab filtered by %2 (%3 rows); guests -> "
                                           "host tab Guests; services -> Services; GPU -> GPU / LLM; strip entry -> "
                                           "Alerts")
                                .arg(text(kHostB, "alertsBadge"), kHostB)
                                .arg(alerts->proxy()->rowCount()));
        shoot(QStringLiteral("overview.png"), QSize(1280, 800));
        shoot(QStringLiteral("overview-wide.png"), QSize(1920, 1080));
        m_window->resize(1280, 800);

        // Resolved: the badge calms down and the strip lets it go.
        QVERIFY(pushAlert(labels, QStringLiteral("Overview test alert"), true));
        QVERIFY(waitFor([&] { return !entries().contains(QStringLiteral("Alert: Overview test alert")); }, 30000));
        QVERIFY(waitFor([&] { return !text(kHostB, "alertsBadge").contains(QLatin1String("critical")); }, 30000));
    }

    void attentionStripListsAndClears()
    {
        showOverview();
        HealthProber* health = m_homelab->home()->health();
        QVERIFY(m_sim->health()->setDown(kHostB, QStringLiteral("Jellyfin"), true));
        health->probeAll();
        QVERIFY(waitFor([&] { return entries().contains(QStringLiteral("Service down: Jellyfin")); }, 20000));
        QVERIFY(page()->attentionStrip()->calmText().isEmpty());
        const QString listed = entries().join(QLatin1String("; "));
        QVERIFY(waitFor([&] { return text(kHostB, "servicesLink").endsWith(QLatin1String("down: Jellyfin")); }));
        QCOMPARE(label(kHostB, "servicesLink")->toolTip(), QStringLiteral("Down: Jellyfin"));

        QVERIFY(m_sim->health()->setDown(kHostB, QStringLiteral("Jellyfin"), false));
        health->probeAll();
        QVERIFY(waitFor([&] { return !entries().contains(QStringLiteral("Service down: Jellyfin")); }, 20000));

        // What else needs the operator (the demo's unhealthy container, ...) is acknowledged: all is well then.
        AlertInbox* inbox = m_homelab->inbox();
        for (const InboxItem& i : inbox->items()) {
            if (i.needsOperator())
                inbox->acknowledge(i.key);
        }
        QVERIFY2(waitFor([&] { return entries().isEmpty(); }, 30000), qPrintable(entries().join(QLatin1String("; "))));
        auto* calm = page()->attentionStrip()->findChild<QLabel*>(QStringLiteral("attentionCalmLine"));
        QVERIFY(calm->isVisible());
        QVERIFY2(calm->text().contains(QLatin1String("All is well: 2 hosts, ")), qPrintable(calm->text()));
        hlc::test::evidence(
            QStringLiteral("strip listed \"%1\"; after recovery and acknowledging: \"%2\"").arg(listed, calm->text()));
    }

    void darkPaletteRecoloursStatusElements()
    {
        showOverview();
        const QString lightOk = StatusColors::color(StatusColors::Role::Ok).name();
        QVERIFY2(label(kHostB, "statusDot")->styleSheet().contains(lightOk),
                 qPrintable(label(kHostB, "statusDot")->styleSheet()));
        QApplication::setPalette(darkPalette());
        QVERIFY(StatusColors::isDark());
        const QString darkOk = StatusColors::color(StatusColors::Role::Ok).name();
        QVERIFY(darkOk != lightOk);
        // The window rebuilds its pages for the dark palette: the new card's dot and the calm line wear dark colours.
        QVERIFY(waitFor([&] {
            QLabel* dot = label(kHostB, "statusDot");
            return dot && dot->styleSheet().contains(darkOk);
        }));
        QVERIFY(waitFor([&] { return text(kHostB, "servicesLink").startsWith(QLatin1String("all ")); }, 20000));
        QVERIFY(label(kHostB, "servicesLink")->styleSheet().contains(darkOk));
        shoot(QStringLiteral("overview-dark.png"), QSize(1280, 800));
        hlc::test::evidence(
            QStringLiteral("status dot %1 on the light palette, %2 on the dark one").arg(lightOk, darkOk));
        QApplication::setPalette(QApplication::style()->standardPalette());
        QVERIFY(waitFor([&] {
            QLabel* dot = label(kHostB, "statusDot");
            return dot && dot->styleSheet().contains(lightOk);
        }));
    }
};

QTEST_MAIN(TestOverview)
#include "TestOverview.moc"
