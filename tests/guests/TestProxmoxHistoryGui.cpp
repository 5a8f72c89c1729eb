// The history charts under the Guests tab: GuestsView -> ProxmoxHistory (app/) -> ProxmoxClient rrddata -> the
// simulated PVE (HTTPS, pinned) on 127.0.0.1. Selecting a guest fills its CPU/memory series next to the node's; the
// timeframe selector asks PVE for that timeframe.
#include "PveSimFixture.h"
#include "TestUtil.h"

#include "ProxmoxSim.h"
#include "ProxmoxTaskSim.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "core/ServiceDirectory.h"
#include "guests/GuestInventory.h"
#include "guests/GuestsView.h"
#include "guests/ProxmoxHistoryChart.h"
#include "proxmox/ProxmoxClient.h"

#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineSeries>
#include <QNetworkAccessManager>
#include <QStandardPaths>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kUser = QStringLiteral("monitor@pve!homelab-control");
const QString kSecret = QStringLiteral("0d9b7c1a-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
const QString kNode = QStringLiteral("pve-thinkpad");
} // namespace

class TestProxmoxHistoryGui : public QObject
{
    Q_OBJECT

private:
    hlc::test::PveSimFixture m_pve;
    sim::SimHttpServer* m_server = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    GuestInventory* m_inventory = nullptr;
    GuestsView* m_view = nullptr;

    bool sawRrd(const QString& pathEnd, const QString& timeframe) const
    {
        const QList<sim::SimRequest> all = m_server->requests();
        return std::any_of(all.cbegin(), all.cend(), [&](const sim::SimRequest& r) {
            return r.path.endsWith(pathEnd) && r.query.queryItemValue(QStringLiteral("timeframe")) == timeframe;
        });
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_pve.start(this, {kNode}, kUser, kSecret));
        m_server = m_pve.server;

        HostConfig host;
        host.id = QStringLiteral("host-a");
        host.name = kNode;
        host.services = {m_pve.service(kNode, AuthScheme::PveToken, kUser)};

        m_nam = new QNetworkAccessManager(this);
        Config config;
        config.hosts << host;
        auto* services = new ServiceDirectory(config, nullptr, m_nam, this);
        services->applySecret(host.id, host.services.first().id, kSecret);
        m_inventory = new GuestInventory(host, services, this);
        m_view = new GuestsView(m_inventory, nullptr);
        m_view->resize(1000, 800);
        m_view->show();
        m_inventory->start(60000);
        QVERIFY(waitFor([this] { return m_inventory->guestsStatus().hasData(); }));
    }

    void cleanupTestCase() { delete m_view; }

    void nodeHistoryBeforeAnySelection()
    {
        ProxmoxHistoryChart* chart = m_view->historyChart();
        QVERIFY(chart);
        QCOMPARE(chart->timeframe(), QStringLiteral("hour"));
        QVERIFY(waitFor([chart] { return chart->nodeCpuSeries()->count() > 0; }));
        QVERIFY(chart->nodeMemSeries()->count() > 0);
        QCOMPARE(chart->guestCpuSeries()->count(), 0);
        QVERIFY(sawRrd(QStringLiteral("/nodes/pve-thinkpad/rrddata"), QStringLiteral("hour")));
        for (const QPointF& pt : chart->nodeCpuSeries()->points()) {
            QVERIFY(pt.y() >= 0.0 && pt.y() <= 100.0);
            QVERIFY(pt.x() > 1.5e12); // milliseconds since the epoch
        }
    }

    void selectingAGuestFillsItsSeries()
    {
        ProxmoxHistoryChart* chart = m_view->historyChart();
        m_server->clearRequests();
        QVERIFY(m_view->selectGuest(QStringLiteral("qemu/100")));
        QVERIFY(waitFor([chart] { return chart->guestCpuSeries()->count() > 0; }));
        QVERIFY(chart->guestMemSeries()->count() > 0);
        QVERIFY(sawRrd(QStringLiteral("/nodes/pve-thinkpad/qemu/100/rrddata"), QStringLiteral("hour")));
        QCOMPARE(chart->guestCpuSeries()->name(), QStringLiteral("docker-core"));
        for (const QPointF& pt : chart->guestMemSeries()->points())
            QVERIFY(pt.y() >= 0.0 && pt.y() <= 100.0);

        // Hovering shows the nearest sample: its time, and for memory the bytes behind the percentage.
        const QPointF last = chart->guestMemSeries()->points().last();
        const QString mem = chart->hoverText(chart->guestMemSeries(), last.x() + 1.0);
        const QString when = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(last.x())).toString(u"dd.MM HH:mm");
        QVERIFY2(mem.startsWith(QStringLiteral("docker-core · %1: memory ").arg(when)), qPrintable(mem));
        QVERIFY2(mem.contains(QLatin1String(" of ")) && mem.contains(QLatin1String("GiB")), qPrintable(mem));
        const QString cpu = chart->hoverText(chart->guestCpuSeries(), chart->guestCpuSeries()->points().first().x());
        QVERIFY2(cpu.startsWith(QStringLiteral("docker-core · ")) && cpu.contains(QLatin1String(": CPU ")),
                 qPrintable(cpu));
        hlc::test::evidence(QStringLiteral("GuestsView history chart <- ProxmoxHistory <- PVE rrddata (simulated, "
                                           "HTTPS) on %1: %2 memory points of a guest")
                                .arg(m_server->baseUrl().host())
                                .arg(chart->guestMemSeries()->count()));
    }

    void timeframeSelectorAsksPve()
    {
        ProxmoxHistoryChart* chart = m_view->historyChart();
        auto* combo = chart->findChild<QComboBox*>(QStringLiteral("historyTimeframe"));
        QVERIFY(combo);
        QCOMPARE(combo->count(), 3);
        m_server->clearRequests();
        combo->setCurrentIndex(combo->findData(QStringLiteral("week")));
        QCOMPARE(chart->timeframe(), QStringLiteral("week"));
        QVERIFY(waitFor([this] {
            return sawRrd(QStringLiteral("/nodes/pve-thinkpad/rrddata"), QStringLiteral("week")) &&
                   sawRrd(QStringLiteral("/nodes/pve-thinkpad/qemu/100/rrddata"), QStringLiteral("week"));
        }));
        QVERIFY(
            waitFor([chart] { return chart->guestCpuSeries()->count() > 0 && chart->nodeCpuSeries()->count() > 0; }));
    }

    void failureIsShown()
    {
        ProxmoxHistoryChart* chart = m_view->historyChart();
        sim::Fault f;
        f.status = 500;
        m_server->setFault("GET", sim::ProxmoxSim::apiPrefix() + QStringLiteral("/nodes/{node}/rrddata"), f);
        chart->setTimeframe(QStringLiteral("day"));
        auto* status = chart->findChild<QLabel*>(QStringLiteral("historyStatus"));
        QVERIFY(status);
        QVERIFY(waitFor([status] { return status->text().startsWith(QLatin1String("History unavailable: ")); }));
        m_server->clearFaults();
        chart->reload();
        QVERIFY(waitFor([status] { return status->text().isEmpty(); }));
    }
};

QTEST_MAIN(TestProxmoxHistoryGui)
#include "TestProxmoxHistoryGui.moc"
