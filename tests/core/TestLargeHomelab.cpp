// The large profile end to end (issue 13): a Homelab on the simulator's 20 nodes in 2 clusters, 6 Portainer
// environments and 5,000 Home Assistant entities, over real sockets, with every secret read back from the real
// Secret Service (scripts/with-keyring) as the app does. Regression test for the blocker of `bench --large`: the 20
// host cards each asked Prometheus for the same batched history, and each of those range queries kept the
// simulator's one thread busy for seconds, so every service that needs a secret (started last) timed out and never
// showed data. Then the guest and container models at that scale: churn gives dataChanged for changed rows only,
// never a reset, and a selected row and the sort order survive a refresh.
#include "DemoSetup.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "core/Homelab.h"
#include "core/SecretStore.h"
#include "guests/GuestInventory.h"
#include "guests/GuestTableModel.h"
#include "guests/StackTreeModel.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeServices.h"
#include "metrics/MetricsMonitor.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace hlc;

namespace {

int countPath(const sim::SimHttpServer* server, const QString& path)
{
    int n = 0;
    for (const sim::SimRequest& r : server->requests()) {
        if (r.path == path)
            ++n;
    }
    return n;
}

} // namespace

class TestLargeHomelab final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::Simulator> m_sim;
    std::unique_ptr<SecretStore> m_secrets;
    QNetworkAccessManager* m_nam = nullptr;
    std::unique_ptr<Homelab> m_homelab;

    [[nodiscard]] QList<GuestInventory*> inventories() const
    {
        QList<GuestInventory*> out;
        for (const HostConfig& h : m_homelab->config().hosts) {
            if (GuestInventory* inv = m_homelab->inventory(h.id))
                out << inv;
        }
        return out;
    }
    [[nodiscard]] int guestCount() const
    {
        int n = 0;
        for (const GuestInventory* inv : inventories())
            n += static_cast<int>(inv->guests().size());
        return n;
    }
    [[nodiscard]] int containerCount() const
    {
        int n = 0;
        for (const GuestInventory* inv : inventories())
            n += static_cast<int>(inv->containers().size());
        return n;
    }
    [[nodiscard]] QList<pve::Resource> allGuests() const
    {
        QList<pve::Resource> out;
        for (const GuestInventory* inv : inventories())
            out += inv->guests();
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        HLC_REQUIRE_REAL(qEnvironmentVariableIsSet("HLC_KEYRING_PRIVATE")
                             ? QString()
                             : QStringLiteral("Needs the real Secret Service in a private session: run it through "
                                              "scripts/with-keyring (ctest does)."));
        m_nam = new QNetworkAccessManager(this);
        m_sim = std::make_unique<sim::Simulator>();
        m_sim->setProfile(sim::Simulator::Profile::Large);
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));

        // The simulator's secrets go into the keychain under the keys the app reads (as scripts/bench stores them);
        // the Homelab gets a second store, so every secret it uses is read back from the Secret Service.
        SecretStore writer;
        int written = 0;
        int stored = 0;
        for (const sim::ServiceEndpoint& ep : m_sim->endpoints()) {
            if (ep.secret.isEmpty())
                continue;
            ++written;
            writer.write(secretKey(ep.hostId, ep.kind), ep.secret, this, [&stored](const SecretResult& r) {
                if (r.ok())
                    ++stored;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(stored, written, 60000);
        QVERIFY(written >= 29); // 20 Proxmox nodes, 6 Portainer environments, AdGuard, Home Assistant, agents

        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 5000; // the app's default, as bench --large runs it
        m_secrets = std::make_unique<SecretStore>();
        m_homelab = std::make_unique<Homelab>(config, QString(), m_secrets.get(), m_nam);
        QCOMPARE(m_homelab->clusterFeeds().size(), 2);
        m_homelab->start();
    }

    void cleanupTestCase()
    {
        if (m_homelab)
            m_homelab->stop();
        m_homelab.reset();
        m_sim.reset();
    }

    /// Every service of the large profile delivers: 2,000 guests, 3,000 containers, 5,000 entities.
    void everyServiceGetsData()
    {
        QTRY_COMPARE_WITH_TIMEOUT(guestCount(), 2000, 90000);
        QTRY_COMPARE_WITH_TIMEOUT(containerCount(), 3000, 90000);
        HomeAssistantLink* ha = m_homelab->home()->homeAssistant(QStringLiteral("host-a"));
        QVERIFY(ha);
        QTRY_VERIFY_WITH_TIMEOUT(ha->entityCount() >= 5000, 90000);
        for (GuestInventory* inv : inventories()) {
            QVERIFY2(inv->guestsStatus().state == SourceStatus::State::Ok, qPrintable(inv->hostId()));
            QCOMPARE(inv->guests().size(), 100);
        }
        test::evidence(QStringLiteral("large homelab, secrets from the real Secret Service: %1 guests on %2 hosts, "
                                      "%3 containers, %4 Home Assistant entities live")
                           .arg(guestCount())
                           .arg(inventories().size())
                           .arg(containerCount())
                           .arg(ha->entityCount()));
    }

    /// The 20 hosts' history (each host card asks for it) is one range query to the one Prometheus.
    void historyIsOneQueryForAllHosts()
    {
        const sim::SimHttpServer* prom = m_sim->server(QStringLiteral("host-a"), QStringLiteral("prometheus"));
        QVERIFY(prom);
        MetricsMonitor* metrics = m_homelab->metrics();
        QSignalSpy updated(metrics, &MetricsMonitor::historyUpdated);
        const int before = countPath(prom, QStringLiteral("/api/v1/query_range"));
        QSet<QString> hosts;
        for (const HostConfig& h : m_homelab->config().hosts) {
            metrics->fetchHistory(h.id, 3600);
            hosts.insert(h.id);
        }
        QCOMPARE(hosts.size(), 20);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QSet<QString> seen;
                for (const QList<QVariant>& args : std::as_const(updated))
                    seen.insert(args.at(0).toString());
                return seen.contains(hosts);
            }(),
            60000);
        const int queries = countPath(prom, QStringLiteral("/api/v1/query_range")) - before;
        QCOMPARE(queries, 1);
        for (const QString& h : std::as_const(hosts))
            QVERIFY2(!metrics->history(h, prom::NodeMetric::CpuPercent).isEmpty(), qPrintable(h));
        // A host asking again right after gets the same answer, without a new query.
        QSignalSpy again(metrics, &MetricsMonitor::historyUpdated);
        metrics->fetchHistory(QStringLiteral("host-b07"), 3600);
        QVERIFY(again.wait(5000));
        QCOMPARE(countPath(prom, QStringLiteral("/api/v1/query_range")) - before, 1);
        test::evidence(
            QStringLiteral("history of 20 hosts from %1 range query to the simulated Prometheus").arg(queries));
    }

    /// All 2,000 guests in one model behind a sorting proxy: refreshes with churn emit dataChanged for changed rows
    /// only, no reset and no insert or remove (no guest came or went); the selection and the sort order survive.
    void guestModelAtScale()
    {
        GuestTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(GuestTableModel::RawRole);
        proxy.sort(GuestTableModel::Name, Qt::DescendingOrder);
        QItemSelectionModel selection(&proxy);
        model.setGuests(allGuests());
        QCOMPARE(model.rowCount(), 2000);

        const QString selectedKey = model.rowAt(1234)->id;
        selection.select(proxy.mapFromSource(model.index(1234, 0)),
                         QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        int refreshes = 0;
        int changedRows = 0;
        int statusFlips = 0;
        // Three refreshes of every cluster (guests start and stop every 5 s in the simulator).
        for (int round = 0; round < 3; ++round) {
            const GuestInventory* first = inventories().constFirst();
            QSignalSpy fresh(first, &GuestInventory::guestsUpdated);
            QVERIFY(fresh.wait(30000));
            QTest::qWait(500); // the other members of the cluster feed in the same turn; the second cluster too

            QHash<QString, pve::Resource> before;
            for (const pve::Resource& g : model.rows())
                before.insert(g.id, g);
            const QList<pve::Resource> incoming = allGuests();
            QSet<QString> differs;
            for (const pve::Resource& g : incoming) {
                const pve::Resource& b = before[g.id];
                if (b.status != g.status)
                    ++statusFlips;
                if (b.status != g.status || b.cpu != g.cpu || b.mem != g.mem || b.uptime != g.uptime ||
                    b.name != g.name || b.tags != g.tags || b.lock != g.lock || b.maxmem != g.maxmem ||
                    b.maxcpu != g.maxcpu || b.node != g.node || b.hastate != g.hastate || b.isTemplate != g.isTemplate)
                    differs.insert(g.id);
            }
            changed.clear();
            model.setGuests(incoming);
            ++refreshes;
            QSet<QString> signalled;
            for (const QList<QVariant>& args : std::as_const(changed)) {
                const auto tl = args.at(0).value<QModelIndex>();
                const auto br = args.at(1).value<QModelIndex>();
                for (int r = tl.row(); r <= br.row(); ++r)
                    signalled.insert(model.rowAt(r)->id);
            }
            QCOMPARE(signalled, differs); // every changed row, and only those
            changedRows += static_cast<int>(signalled.size());
        }
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QVERIFY(statusFlips > 0); // the churn really started or stopped guests in between

        const QModelIndexList sel = selection.selectedRows();
        QCOMPARE(sel.size(), 1);
        QCOMPARE(sel.first().data(GuestTableModel::KeyRole).toString(), selectedKey);
        QCOMPARE(proxy.sortColumn(), int(GuestTableModel::Name));
        for (int r = 1; r < proxy.rowCount(); ++r) {
            QVERIFY(proxy.index(r - 1, GuestTableModel::Name).data(GuestTableModel::RawRole).toString() >=
                    proxy.index(r, GuestTableModel::Name).data(GuestTableModel::RawRole).toString());
        }
        test::evidence(QStringLiteral("2,000-guest model: %1 refreshes with %2 status flips, %3 changed rows each "
                                      "signalled once, 0 resets/inserts/removes, selection and sort kept")
                           .arg(refreshes)
                           .arg(statusFlips)
                           .arg(changedRows));
    }

    /// The 3,000 containers in the six environments' stack trees: restarts give dataChanged only, no reset, no
    /// insert or remove; a selected container survives.
    void containerModelsAtScale()
    {
        QList<GuestInventory*> envs;
        for (GuestInventory* inv : inventories()) {
            if (!inv->containers().isEmpty())
                envs << inv;
        }
        QCOMPARE(envs.size(), 6);
        std::vector<std::unique_ptr<StackTreeModel>> models;
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        int containers = 0;
        for (GuestInventory* inv : std::as_const(envs)) {
            auto m = std::make_unique<StackTreeModel>();
            testers.push_back(std::make_unique<QAbstractItemModelTester>(
                m.get(), QAbstractItemModelTester::FailureReportingMode::QtTest));
            m->setStacks(inv->stacks(), inv->containers());
            containers += static_cast<int>(inv->containers().size());
            models.push_back(std::move(m));
        }
        QCOMPARE(containers, 3000);
        StackTreeModel* first = models.front().get();
        const QModelIndex stack = first->index(3, 0);
        const QModelIndex picked = first->index(4, 0, stack);
        QVERIFY(picked.isValid());
        const QString pickedKey = picked.data(StackTreeModel::KeyRole).toString();
        QItemSelectionModel selection(first);
        selection.select(picked, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        QList<std::shared_ptr<QSignalSpy>> resets;
        QList<std::shared_ptr<QSignalSpy>> inserts;
        QList<std::shared_ptr<QSignalSpy>> removes;
        QList<std::shared_ptr<QSignalSpy>> changes;
        for (const auto& m : models) {
            resets << std::make_shared<QSignalSpy>(m.get(), &QAbstractItemModel::modelReset);
            inserts << std::make_shared<QSignalSpy>(m.get(), &QAbstractItemModel::rowsInserted);
            removes << std::make_shared<QSignalSpy>(m.get(), &QAbstractItemModel::rowsRemoved);
            changes << std::make_shared<QSignalSpy>(m.get(), &QAbstractItemModel::dataChanged);
        }
        for (int round = 0; round < 3; ++round) {
            QSignalSpy fresh(envs.constFirst(), &GuestInventory::portainerUpdated);
            QVERIFY(fresh.wait(30000));
            QTest::qWait(500);
            for (size_t i = 0; i < models.size(); ++i)
                models[i]->setStacks(envs.at(static_cast<qsizetype>(i))->stacks(),
                                     envs.at(static_cast<qsizetype>(i))->containers());
        }
        int changedSignals = 0;
        for (qsizetype i = 0; i < resets.size(); ++i) {
            QCOMPARE(resets.at(i)->count(), 0);
            QCOMPARE(inserts.at(i)->count(), 0);
            QCOMPARE(removes.at(i)->count(), 0);
            changedSignals += static_cast<int>(changes.at(i)->count());
        }
        QVERIFY(changedSignals > 0); // restarted containers changed state or status
        // Far fewer than one per container per refresh: only the changed rows (and their stacks' counts) signal.
        QVERIFY(changedSignals < 3 * 3000 / 4);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data(StackTreeModel::KeyRole).toString(), pickedKey);
        test::evidence(QStringLiteral("3,000 containers in 6 stack trees: 3 refreshes, %1 dataChanged, 0 "
                                      "resets/inserts/removes, selection kept")
                           .arg(changedSignals));
    }
};

QTEST_MAIN(TestLargeHomelab)
#include "TestLargeHomelab.moc"
