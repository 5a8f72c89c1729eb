// Two hosts configured as the nodes of one PVE cluster ("cluster" key): the Homelab builds one ProxmoxClusterFeed, so
// one GET /cluster/resources per refresh serves both GuestInventories, with failover to the other node when one is
// down, against two simulated PVE APIs of one cluster (ProxmoxSim over HTTPS, pinned) on 127.0.0.1.
#include "TestUtil.h"

#include "ProxmoxSim.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "core/ConfigStore.h"
#include "core/Homelab.h"
#include "core/SecretStore.h"
#include "guests/GuestInventory.h"
#include "guests/GuestsView.h"
#include "guests/HostMonitor.h"
#include "guests/ProxmoxClusterFeed.h"
#include "overview/HostCard.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTcpServer>

#include <cmath>
#include <memory>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kUser = QStringLiteral("monitor@pve!homelab-control");
const QString kSecret = QStringLiteral("7c4e2a90-3b1d-4f6e-a8c5-9d0e1f2a3b4c");
const QString kNodeA = QStringLiteral("pve-thinkpad");
const QString kNodeB = QStringLiteral("pve-ryzen");
const QString kHostA = QStringLiteral("host-a");
const QString kHostB = QStringLiteral("host-b");
const QString kCluster = QStringLiteral("homelab");
constexpr int kMinAgeMs = 800;

int resourceRequests(const sim::SimHttpServer* s)
{
    const QList<sim::SimRequest> all = s->requests();
    return static_cast<int>(std::count_if(all.cbegin(), all.cend(), [](const sim::SimRequest& r) {
        return r.path == QLatin1String("/api2/json/cluster/resources");
    }));
}

/// A port on 127.0.0.1 that nothing listens on (connection refused).
quint16 closedPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = s.serverPort();
    s.close();
    return port;
}
} // namespace

class TestClusterFeed : public QObject
{
    Q_OBJECT

private:
    sim::SimHomelab* m_lab = nullptr;
    sim::SimHttpServer* m_a = nullptr; ///< the PVE API of node pve-thinkpad
    sim::SimHttpServer* m_b = nullptr; ///< the PVE API of node pve-ryzen
    QNetworkAccessManager* m_nam = nullptr;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Homelab> m_homelab;

    static ServiceConfig pveService(const QUrl& server, const QByteArray& pin, const QString& node,
                                    const QString& cluster)
    {
        ServiceConfig p;
        p.id = QStringLiteral("proxmox");
        p.kind = ServiceKind::Proxmox;
        QUrl url = server;
        url.setPath(sim::ProxmoxSim::apiPrefix());
        p.baseUrl = url;
        p.auth = AuthScheme::PveToken;
        p.user = kUser;
        p.pinnedSha256 = pin;
        p.timeoutMs = 3000;
        p.proxmoxNode = node;
        p.proxmoxCluster = cluster;
        return p;
    }
    static HostConfig host(const QString& id, const QString& node, const ServiceConfig& pve)
    {
        HostConfig h;
        h.id = id;
        h.name = node;
        h.services = {pve};
        return h;
    }
    [[nodiscard]] HostConfig hostA(const QString& cluster, std::optional<QUrl> url = std::nullopt) const
    {
        return host(kHostA, kNodeA,
                    pveService(url.value_or(m_a->baseUrl()), m_a->tlsIdentity().sha256Hex(), kNodeA, cluster));
    }
    [[nodiscard]] HostConfig hostB(const QString& cluster) const
    {
        return host(kHostB, kNodeB, pveService(m_b->baseUrl(), m_b->tlsIdentity().sha256Hex(), kNodeB, cluster));
    }

    /// A Homelab of @p hosts (polling every 60 s: the refreshes come from the test), started with the secrets of
    /// @p withSecret in a session-only store. Returns when every host with a secret has guest data.
    bool startHomelab(const QList<HostConfig>& hosts, const QStringList& withSecret = {kHostA, kHostB},
                      int refreshIntervalMs = 60000)
    {
        m_homelab.reset();
        m_secrets = std::make_unique<SecretStore>(QStringLiteral("homelab-control-test"));
        m_secrets->setSessionOnly(true);
        for (const QString& id : withSecret)
            m_secrets->write(secretKey(id, QStringLiteral("proxmox")), kSecret, nullptr, [](const SecretResult&) {});
        Config c;
        c.refreshIntervalMs = refreshIntervalMs;
        c.hosts = hosts;
        if (const auto err = ConfigStore::validate(c)) {
            qWarning() << "config does not validate:" << err->toString();
            return false;
        }
        m_homelab = std::make_unique<Homelab>(c, QString(), m_secrets.get(), m_nam);
        m_a->clearRequests();
        m_b->clearRequests();
        m_homelab->start();
        return waitFor([this] {
            for (const HostConfig& h : m_homelab->config().hosts) {
                if (!m_homelab->inventory(h.id)->guestsStatus().hasData())
                    return false;
            }
            return true;
        });
    }
    [[nodiscard]] GuestInventory* inv(const QString& hostId) const { return m_homelab->inventory(hostId); }
    [[nodiscard]] int totalResourceRequests() const { return resourceRequests(m_a) + resourceRequests(m_b); }

    /// Refreshes every host the way the app's refresh button does, waits until both inventories got the answer.
    bool refreshAllAndWait()
    {
        const QDateTime a = inv(kHostA)->guestsStatus().lastAttempt;
        const QDateTime b = inv(kHostB)->guestsStatus().lastAttempt;
        QSignalSpy updatedA(inv(kHostA), &GuestInventory::guestsUpdated);
        QSignalSpy updatedB(inv(kHostB), &GuestInventory::guestsUpdated);
        m_homelab->refreshAll();
        const bool ok = waitFor([&] { return !updatedA.isEmpty() && !updatedB.isEmpty(); });
        QTest::qWait(150); // a second request, if any, would be recorded by now
        return ok && inv(kHostA)->guestsStatus().lastAttempt > a && inv(kHostB)->guestsStatus().lastAttempt > b;
    }
    /// The guests of @p node in the simulated homelab.
    [[nodiscard]] int simGuests(const QString& node) const { return static_cast<int>(m_lab->guests(node).size()); }
    static std::optional<pve::Resource> nodeIn(const GuestInventory* i, const QString& node)
    {
        for (const pve::Resource& n : i->clusterNodes()) {
            if (n.node == node)
                return n;
        }
        return std::nullopt;
    }
    static bool allOnNode(const GuestInventory* i, const QString& node)
    {
        return std::all_of(i->guests().cbegin(), i->guests().cend(),
                           [&](const pve::Resource& g) { return g.node == node; });
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_lab = sim::SimHomelab::createSeeded(this);
        QVERIFY(simGuests(kNodeA) > 0);
        QVERIFY(simGuests(kNodeB) > 0);
        // One cluster of two nodes: every node's API answers for the whole cluster, as PVE does.
        m_a = new sim::SimHttpServer(this);
        QVERIFY(m_a->listen(true));
        new sim::ProxmoxSim(m_lab, m_a, {kNodeA, kNodeB}, kUser, kSecret, this);
        m_b = new sim::SimHttpServer(this);
        QVERIFY(m_b->listen(true));
        new sim::ProxmoxSim(m_lab, m_b, {kNodeA, kNodeB}, kUser, kSecret, this);
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanup()
    {
        m_homelab.reset();
        m_a->clearFaults();
        m_b->clearFaults();
        m_lab->setNodeOnline(kNodeA, true);
        m_lab->setNodeOnline(kNodeB, true);
    }

    void cleanupTestCase() { m_homelab.reset(); }

    void standaloneHostsPollSeparately()
    {
        // Before: no "cluster" key, each host polls its own API (today's behaviour): 2 requests per refresh.
        QVERIFY(startHomelab({hostA({}), hostB({})}));
        QVERIFY(m_homelab->clusterFeeds().isEmpty());
        QVERIFY(!inv(kHostA)->clusterFeed());
        QVERIFY(!inv(kHostB)->clusterFeed());
        const int refreshes = 3;
        m_a->clearRequests();
        m_b->clearRequests();
        for (int i = 0; i < refreshes; ++i)
            QVERIFY(refreshAllAndWait());
        QCOMPARE(resourceRequests(m_a), refreshes);
        QCOMPARE(resourceRequests(m_b), refreshes);
        std::printf("figure: standalone (no cluster key), 2 hosts: %d GET /cluster/resources in %d refreshes = %.1f "
                    "per refresh\n",
                    totalResourceRequests(), refreshes, double(totalResourceRequests()) / refreshes);
        QCOMPARE(inv(kHostA)->guests().size(), simGuests(kNodeA));
        QCOMPARE(inv(kHostB)->guests().size(), simGuests(kNodeB));
        QVERIFY(allOnNode(inv(kHostA), kNodeA));
        QVERIFY(allOnNode(inv(kHostB), kNodeB));
    }

    void oneRequestPerRefreshForTheCluster()
    {
        QVERIFY(startHomelab({hostA(kCluster), hostB(kCluster)}));
        QCOMPARE(m_homelab->clusterFeeds().size(), 1);
        ProxmoxClusterFeed* feed = m_homelab->clusterFeed(kCluster);
        QVERIFY(feed);
        QCOMPARE(inv(kHostA)->clusterFeed(), feed);
        QCOMPARE(inv(kHostB)->clusterFeed(), feed);
        QCOMPARE(feed->members().size(), 2);
        // Both hosts started (each after its own secret was read): still one request.
        QTest::qWait(200);
        QCOMPARE(totalResourceRequests(), 1);
        QCOMPARE(feed->requestsSent(), 1);

        feed->setMinimumAgeMs(kMinAgeMs);
        const int refreshes = 3;
        m_a->clearRequests();
        m_b->clearRequests();
        for (int i = 0; i < refreshes; ++i) {
            QTest::qWait(kMinAgeMs + 50);
            QVERIFY(refreshAllAndWait());
            QCOMPARE(totalResourceRequests(), i + 1);
        }
        std::printf("figure: cluster \"%s\", 2 hosts: %d GET /cluster/resources in %d refreshes = %.1f per refresh\n",
                    qPrintable(kCluster), totalResourceRequests(), refreshes,
                    double(totalResourceRequests()) / refreshes);

        // Each inventory keeps its own node's guests, and both know every node of the cluster.
        QCOMPARE(inv(kHostA)->guests().size(), simGuests(kNodeA));
        QCOMPARE(inv(kHostB)->guests().size(), simGuests(kNodeB));
        QVERIFY(allOnNode(inv(kHostA), kNodeA));
        QVERIFY(allOnNode(inv(kHostB), kNodeB));
        for (const QString& h : {kHostA, kHostB}) {
            QCOMPARE(inv(h)->clusterNodes().size(), 2);
            QCOMPARE(nodeIn(inv(h), kNodeA)->status, QStringLiteral("online"));
            QCOMPARE(nodeIn(inv(h), kNodeB)->status, QStringLiteral("online"));
            QCOMPARE(inv(h)->guestsStatus().state, SourceStatus::State::Ok);
        }
        QCOMPARE(inv(kHostA)->runningGuests() + inv(kHostA)->stoppedGuests(), simGuests(kNodeA));
        hlc::test::evidence(QStringLiteral("Homelab + ProxmoxClusterFeed + GuestInventory <-> two simulated PVE nodes "
                                           "of one cluster over HTTPS (pinned) on %1: %2 GET /cluster/resources in %3 "
                                           "refreshes, %4 + %5 guests")
                                .arg(m_a->baseUrl().host())
                                .arg(totalResourceRequests())
                                .arg(refreshes)
                                .arg(inv(kHostA)->guests().size())
                                .arg(inv(kHostB)->guests().size()));
    }

    void timerPollsOncePerIntervalForTheCluster()
    {
        // The feed's timer polls for both hosts; the hosts' own timers no longer poll guests.
        QElapsedTimer t;
        t.start();
        QVERIFY(startHomelab({hostA(kCluster), hostB(kCluster)}, {kHostA, kHostB}, 1000));
        QCOMPARE(inv(kHostA)->clusterFeed()->minimumAgeMs(), 500);
        // Wait for the timer's polls (however slow the machine), then count: at most one at the start plus one per
        // elapsed interval; standalone hosts would send twice that. A Qt coarse timer may fire up to 5 % early, never
        // more, so the bound below holds under any load.
        QVERIFY(waitFor([this] { return totalResourceRequests() >= 5; }, 30000));
        const int requests = totalResourceRequests();
        const qint64 elapsed = t.elapsed();
        std::printf("figure: cluster, 2 hosts, 1 s interval: %d GET /cluster/resources in %lld ms\n", requests,
                    static_cast<long long>(elapsed));
        QVERIFY2(requests <= elapsed / 950 + 1, qPrintable(QString::number(requests)));
        // The timer's polls feed both hosts: each sees a success newer than the count above.
        const QDateTime counted = QDateTime::currentDateTimeUtc();
        QVERIFY(waitFor(
            [&] {
                return inv(kHostA)->guestsStatus().lastSuccess > counted &&
                       inv(kHostB)->guestsStatus().lastSuccess > counted;
            },
            20000));
    }

    void refreshesWithinTheMinimumAgeAreCoalesced()
    {
        QVERIFY(startHomelab({hostA(kCluster), hostB(kCluster)}));
        ProxmoxClusterFeed* feed = inv(kHostA)->clusterFeed();
        feed->setMinimumAgeMs(6000); // far above one answer's time on loopback, even on a busy CI machine
        QTest::qWait(6100);
        m_a->clearRequests();
        m_b->clearRequests();

        // Host A asks; host B asks after that answer arrived but within the minimum age: one request for both.
        QSignalSpy updatedB(inv(kHostB), &GuestInventory::guestsUpdated);
        inv(kHostA)->refresh();
        QVERIFY(waitFor([&] { return !updatedB.isEmpty(); }));
        QCOMPARE(totalResourceRequests(), 1);
        inv(kHostB)->refresh();
        QTest::qWait(200);
        QCOMPARE(totalResourceRequests(), 1);

        // Host A asks again (e.g. an action finished): it wants newer data, so one follow-up request comes once the
        // minimum age is reached, not at once and not one per call.
        inv(kHostA)->refresh();
        inv(kHostA)->refresh();
        QTest::qWait(100);
        QCOMPARE(totalResourceRequests(), 1);
        QVERIFY(waitFor([this] { return totalResourceRequests() == 2; }, 15000));
        QTest::qWait(300);
        QCOMPARE(totalResourceRequests(), 2);
    }

    void offlineNodeIsShownOfflineAndItsGuestsStay()
    {
        QVERIFY(startHomelab({hostA(kCluster), hostB(kCluster)}));
        ProxmoxClusterFeed* feed = inv(kHostA)->clusterFeed();
        feed->setMinimumAgeMs(kMinAgeMs);
        // pve-ryzen goes down: its API does not answer any more (connection reset), the cluster knows it offline.
        m_lab->setNodeOnline(kNodeB, false);
        sim::Fault down;
        down.reset = true;
        m_b->setFault("*", QStringLiteral("*"), down);
        QTest::qWait(kMinAgeMs + 50);
        QVERIFY(refreshAllAndWait());
        for (const QString& h : {kHostA, kHostB}) {
            QCOMPARE(inv(h)->guestsStatus().state, SourceStatus::State::Ok);
            const auto b = nodeIn(inv(h), kNodeB);
            QVERIFY(b);
            QCOMPARE(b->status, QStringLiteral("offline"));
            QVERIFY(!b->cpu.has_value()); // an offline node reports no cpu: unknown, never NaN or 0
            QVERIFY(!b->uptime.has_value());
            QCOMPARE(nodeIn(inv(h), kNodeA)->status, QStringLiteral("online"));
        }
        // Host A's guests as usual; host B's guests are still listed, in the state the cluster reports (unknown).
        QCOMPARE(inv(kHostA)->guests().size(), simGuests(kNodeA));
        QCOMPARE(inv(kHostA)->runningGuests() + inv(kHostA)->stoppedGuests(), simGuests(kNodeA));
        QCOMPARE(inv(kHostB)->guests().size(), simGuests(kNodeB));
        for (const pve::Resource& g : inv(kHostB)->guests())
            QCOMPARE(g.status, QStringLiteral("unknown"));
        QCOMPARE(feed->lastSource(), inv(kHostA));

        // The node that answered is asked first from now on: one request per refresh again, no timeout on B.
        QTest::qWait(kMinAgeMs + 50);
        m_a->clearRequests();
        m_b->clearRequests();
        QVERIFY(refreshAllAndWait());
        QCOMPARE(resourceRequests(m_a), 1);
        QCOMPARE(resourceRequests(m_b), 0);
    }

    // A node's own card on the Overview: "offline" when the cluster reports the node down, "unreachable" when only the
    // app cannot reach it (the cluster, asked through the other node, still has it online).
    void offlineNodePanelSaysWhatTheClusterReports()
    {
        QVERIFY(startHomelab({hostA(kCluster), hostB(kCluster)}, {kHostA, kHostB}, 1000));
        inv(kHostA)->clusterFeed()->setMinimumAgeMs(200);
        HostCard panelA(m_homelab.get(), m_homelab->host(kHostA));
        HostCard panelB(m_homelab.get(), m_homelab->host(kHostB));
        auto statusOf = [](const HostCard& p) { return p.findChild<QLabel*>(QStringLiteral("nodeStatus"))->text(); };
        QVERIFY(waitFor([&] { return statusOf(panelB) == QLatin1String("online"); }));

        // Only the app cannot reach pve-ryzen (its API resets connections); the cluster still reports it online.
        sim::Fault down;
        down.reset = true;
        m_b->setFault("*", QStringLiteral("*"), down);
        QVERIFY(waitFor([&] { return statusOf(panelB).startsWith(QLatin1String("unreachable")); }));
        QVERIFY(waitFor([this] { return inv(kHostB)->guestsStatus().state == SourceStatus::State::Ok; }));
        QVERIFY(!m_homelab->host(kHostB)->clusterReportsOffline());
        const QString unreachable = statusOf(panelB);

        // Now the node is down as far as the cluster knows.
        m_lab->setNodeOnline(kNodeB, false);
        QVERIFY(waitFor([&] { return statusOf(panelB) == QLatin1String("offline (cluster reports node down)"); }));
        QCOMPARE(statusOf(panelA), QStringLiteral("online"));

        // Back online: the node answers again and says so.
        m_lab->setNodeOnline(kNodeB, true);
        m_b->clearFaults();
        QVERIFY(waitFor([&] { return statusOf(panelB) == QLatin1String("online"); }));
        hlc::test::evidence(QStringLiteral("pve-ryzen's card: \"%1\" while only the app could not reach it, \"offline "
                                           "(cluster reports node down)\" once the cluster reported it offline, "
                                           "\"online\" again after")
                                .arg(unreachable));
    }

    void failoverWhenTheFirstNodeIsUnreachable()
    {
        // Host A's API is a closed port (refused): host B delivers to both.
        QUrl dead;
        dead.setScheme(QStringLiteral("https"));
        dead.setHost(QStringLiteral("127.0.0.1"));
        const quint16 port = closedPort();
        QVERIFY(port != 0);
        dead.setPort(port);
        QVERIFY(startHomelab({hostA(kCluster, dead), hostB(kCluster)}));
        ProxmoxClusterFeed* feed = inv(kHostA)->clusterFeed();
        QCOMPARE(feed->lastSource(), inv(kHostB));
        QCOMPARE(inv(kHostA)->guestsStatus().state, SourceStatus::State::Ok);
        QCOMPARE(inv(kHostA)->guests().size(), simGuests(kNodeA));
        QVERIFY(allOnNode(inv(kHostA), kNodeA));
        QCOMPARE(inv(kHostB)->guests().size(), simGuests(kNodeB));
        QCOMPARE(resourceRequests(m_b), 1);

        feed->setMinimumAgeMs(kMinAgeMs);
        m_b->clearRequests();
        for (int i = 0; i < 2; ++i) {
            QTest::qWait(kMinAgeMs + 50);
            QVERIFY(refreshAllAndWait());
        }
        QCOMPARE(resourceRequests(m_b), 2);
    }

    void failoverWhenTheFirstNodeAnswers5xx()
    {
        QVERIFY(startHomelab({hostA(kCluster), hostB(kCluster)}));
        ProxmoxClusterFeed* feed = inv(kHostA)->clusterFeed();
        QCOMPARE(feed->lastSource(), inv(kHostA)); // the first member is asked first
        feed->setMinimumAgeMs(kMinAgeMs);
        sim::Fault broken;
        broken.status = 500;
        m_a->setFault("GET", QStringLiteral("/api2/json/cluster/resources"), broken);
        QTest::qWait(kMinAgeMs + 50);
        m_a->clearRequests();
        m_b->clearRequests();
        QVERIFY(refreshAllAndWait());
        QVERIFY(resourceRequests(m_a) >= 1); // tried (and retried once by the client) first
        QCOMPARE(resourceRequests(m_b), 1);
        QCOMPARE(feed->lastSource(), inv(kHostB));
        for (const QString& h : {kHostA, kHostB})
            QCOMPARE(inv(h)->guestsStatus().state, SourceStatus::State::Ok);
        QCOMPARE(inv(kHostA)->guests().size(), simGuests(kNodeA));
    }

    void memberWithoutSecretIsSkipped()
    {
        // Host A has no secret yet: the feed does not send A's request without a token, B serves both.
        QVERIFY(startHomelab({hostA(kCluster), hostB(kCluster)}, {kHostB}));
        QCOMPARE(resourceRequests(m_a), 0);
        QCOMPARE(resourceRequests(m_b), 1);
        QCOMPARE(inv(kHostA)->guests().size(), simGuests(kNodeA));
        QVERIFY(allOnNode(inv(kHostA), kNodeA));
    }

    void everyNodeFailingShowsTheErrorAndKeepsTheData()
    {
        QVERIFY(startHomelab({hostA(kCluster), hostB(kCluster)}));
        ProxmoxClusterFeed* feed = inv(kHostA)->clusterFeed();
        feed->setMinimumAgeMs(kMinAgeMs);
        const qsizetype guestsA = inv(kHostA)->guests().size();
        const qsizetype guestsB = inv(kHostB)->guests().size();
        sim::Fault unavailable;
        unavailable.status = 503;
        m_a->setFault("GET", QStringLiteral("/api2/json/cluster/resources"), unavailable);
        m_b->setFault("GET", QStringLiteral("/api2/json/cluster/resources"), unavailable);
        QTest::qWait(kMinAgeMs + 50);
        QVERIFY(refreshAllAndWait());
        for (const QString& h : {kHostA, kHostB}) {
            const SourceStatus& s = inv(h)->guestsStatus();
            QCOMPARE(s.state, SourceStatus::State::Error);
            QVERIFY(s.isStale());
            QCOMPARE(s.error.kind, ApiError::Kind::Server);
            QCOMPARE(s.error.httpStatus, 503);
            QVERIFY(!s.error.message.isEmpty());
            QVERIFY2(s.error.detail.contains(QLatin1String("every node failed")), qPrintable(s.error.detail));
            QVERIFY(!s.error.detail.contains(kSecret));
            QVERIFY(!s.error.message.contains(kSecret));
        }
        QCOMPARE(inv(kHostA)->guests().size(), guestsA);
        QCOMPARE(inv(kHostB)->guests().size(), guestsB);
        QCOMPARE(inv(kHostA)->clusterNodes().size(), 2);

        // Back: both fresh again.
        m_a->clearFaults();
        m_b->clearFaults();
        QTest::qWait(kMinAgeMs + 50);
        QVERIFY(refreshAllAndWait());
        for (const QString& h : {kHostA, kHostB})
            QCOMPARE(inv(h)->guestsStatus().state, SourceStatus::State::Ok);
    }

    void stopCancelsWithoutFailover()
    {
        QVERIFY(startHomelab({hostA(kCluster), hostB(kCluster)}));
        ProxmoxClusterFeed* feed = inv(kHostA)->clusterFeed();
        QCOMPARE(feed->lastSource(), inv(kHostA));
        feed->setMinimumAgeMs(kMinAgeMs);
        sim::Fault hang;
        hang.hang = true;
        m_a->setFault("GET", QStringLiteral("/api2/json/cluster/resources"), hang);
        QTest::qWait(kMinAgeMs + 50);
        m_a->clearRequests();
        m_b->clearRequests();
        QSignalSpy updatedA(inv(kHostA), &GuestInventory::guestsUpdated);
        QSignalSpy updatedB(inv(kHostB), &GuestInventory::guestsUpdated);
        m_homelab->refreshAll();
        QVERIFY(waitFor([this] { return resourceRequests(m_a) == 1; }));
        const int sent = feed->requestsSent();
        // Stopping cancels the request in flight: a cancel is no failure, so no other node is asked and nothing is
        // reported (the 3 s timeout would have been an error and a failover).
        m_homelab->stop();
        QTest::qWait(3500);
        QCOMPARE(feed->requestsSent(), sent);
        QCOMPARE(resourceRequests(m_b), 0);
        QCOMPARE(updatedA.size(), 0);
        QCOMPARE(updatedB.size(), 0);
        QCOMPARE(inv(kHostA)->guestsStatus().state, SourceStatus::State::Ok);
    }

    /// GET /cluster/status (after a successful /cluster/resources, at most once per interval): name, quorum and
    /// nodes online, shown above the guests; a config that names another cluster is called out.
    void clusterStatusShownAndCheckedAgainstTheConfig()
    {
        QVERIFY(startHomelab({hostA(kCluster), hostB(kCluster)}));
        ProxmoxClusterFeed* feed = inv(kHostA)->clusterFeed();
        GuestsView view(inv(kHostB), m_homelab->actions());
        auto* line = view.findChild<QLabel*>(QStringLiteral("clusterLine"));
        QVERIFY(line);
        QVERIFY(waitFor([feed] { return feed->clusterSummary().has_value(); }));
        QCOMPARE(feed->clusterSummary()->name, kCluster);
        QVERIFY(feed->clusterSummary()->quorate);
        QCOMPARE(feed->clusterSummary()->nodesOnline, 2);
        QCOMPARE(feed->clusterSummary()->nodesTotal, 2);
        QVERIFY(feed->configMismatch().isEmpty());
        QCOMPARE(line->text(), QStringLiteral("Cluster homelab: quorate · 2 of 2 nodes online"));
        QVERIFY(!line->isHidden());
        const auto statusRequests = [this] {
            const QList<sim::SimRequest> all = m_a->requests() + m_b->requests();
            return std::count_if(all.cbegin(), all.cend(), [](const sim::SimRequest& r) {
                return r.path == QLatin1String("/api2/json/cluster/status");
            });
        };
        // Not asked again on every refresh: once per interval (default 60 s).
        feed->setMinimumAgeMs(kMinAgeMs);
        QTest::qWait(kMinAgeMs + 50);
        const auto before = statusRequests();
        QVERIFY(refreshAllAndWait());
        QCOMPARE(statusRequests(), before);

        // A node goes offline: quorum is lost (1 of 2), and the line says so.
        feed->setClusterStatusIntervalMs(0);
        m_lab->setNodeOnline(kNodeB, false);
        QTest::qWait(kMinAgeMs + 50);
        QVERIFY(refreshAllAndWait());
        QVERIFY(waitFor([feed] { return feed->clusterSummary()->nodesOnline == 1; }));
        QVERIFY(!feed->clusterSummary()->quorate);
        QCOMPARE(line->text(), QStringLiteral("Cluster homelab: NOT quorate · 1 of 2 nodes online"));
        m_lab->setNodeOnline(kNodeB, true);

        // The config calls the cluster something else: said plainly.
        QVERIFY(startHomelab({hostA(QStringLiteral("lab")), hostB(QStringLiteral("lab"))}));
        ProxmoxClusterFeed* lab = inv(kHostA)->clusterFeed();
        QVERIFY(waitFor([lab] { return lab->clusterSummary().has_value(); }));
        QCOMPARE(lab->configMismatch(),
                 QStringLiteral("The configuration names the cluster \"lab\", but Proxmox calls it \"homelab\"."));
    }
};

QTEST_MAIN(TestClusterFeed)
#include "TestClusterFeed.moc"
