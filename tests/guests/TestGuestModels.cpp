// The guest table model: QAbstractItemModelTester, merge by stable id (no reset), selection surviving a refresh,
// sorting on raw values and filtering through the proxy. (The stack -> containers tree: TestStackTreeModel.)
#include "guests/GuestTableModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>

using namespace hlc;

namespace {
pve::Resource vm(int vmid, const QString& name, const QString& status, const QStringList& tags = {},
                 const QString& type = QStringLiteral("qemu"))
{
    pve::Resource r;
    r.id = QStringLiteral("%1/%2").arg(type).arg(vmid);
    r.type = type;
    r.vmid = vmid;
    r.name = name;
    r.status = status;
    r.tags = tags;
    r.maxmem = 4ll << 30;
    r.mem = status == QLatin1String("running") ? (1ll << 30) : 0;
    r.cpu = 0.05 * vmid / 100.0;
    r.uptime = status == QLatin1String("running") ? 3600 * vmid : 0;
    return r;
}
} // namespace

class TestGuestModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void guestsMergeKeepsSelection()
    {
        GuestTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(GuestTableModel::RawRole);
        proxy.sort(GuestTableModel::VmId);
        QItemSelectionModel selection(&proxy);

        model.setGuests({vm(100, "docker-core", "running"), vm(101, "homeassistant", "running", {"iot"}),
                         vm(9, "router", "running")});
        QCOMPARE(model.rowCount(), 3);
        // Numeric sort on the raw value: 9 before 100.
        QCOMPARE(proxy.index(0, GuestTableModel::VmId).data().toInt(), 9);
        const QModelIndex ha =
            proxy.match(proxy.index(0, GuestTableModel::Name), Qt::DisplayRole, QStringLiteral("homeassistant"))
                .value(0);
        QVERIFY(ha.isValid());
        selection.select(ha, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // 100 gone, 101 stopped, 300 new.
        model.setGuests({vm(101, "homeassistant", "stopped", {"iot"}), vm(9, "router", "running"),
                         vm(300, "new-ct", "running", {}, QStringLiteral("lxc"))});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.rowCount(), 3);
        const QModelIndexList sel = selection.selectedRows();
        QCOMPARE(sel.size(), 1);
        QCOMPARE(sel.first().sibling(sel.first().row(), GuestTableModel::Name).data().toString(),
                 QStringLiteral("homeassistant"));
        QCOMPARE(sel.first().sibling(sel.first().row(), GuestTableModel::Status).data().toString(),
                 QStringLiteral("stopped"));
        QCOMPARE(model.index(model.rowOfKey(QStringLiteral("lxc/300")), GuestTableModel::Type).data().toString(),
                 QStringLiteral("LXC"));
    }

    void guestsDisplayAndProgress()
    {
        GuestTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setGuests({vm(100, "docker-core", "running", {"docker", "core"}), vm(112, "win11", "stopped")});
        const int r100 = model.rowOfKey(QStringLiteral("qemu/100"));
        const int r112 = model.rowOfKey(QStringLiteral("qemu/112"));
        QCOMPARE(model.index(r100, GuestTableModel::Tags).data().toString(), QStringLiteral("docker, core"));
        QCOMPARE(model.index(r112, GuestTableModel::Cpu).data().toString(), QStringLiteral("–")); // never NaN
        QCOMPARE(model.index(r112, GuestTableModel::Memory).data(GuestTableModel::RawRole).toLongLong(), -1);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setProgress(QStringLiteral("qemu/100"), QStringLiteral("Stopping… task running 2 s"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(model.index(r100, GuestTableModel::Status).data().toString(),
                 QStringLiteral("Stopping… task running 2 s"));
        model.setProgress(QStringLiteral("qemu/100"), QString());
        QCOMPARE(model.index(r100, GuestTableModel::Status).data().toString(), QStringLiteral("running"));
    }

    void guestsFilterByNameStateTag()
    {
        GuestTableModel model;
        model.setGuests({vm(100, "docker-core", "running", {"docker"}), vm(101, "homeassistant", "running", {"iot"}),
                         vm(112, "win11", "stopped", {"test"})});
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setFilterFixedString(QStringLiteral("iot"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterFixedString(QStringLiteral("STOPPED"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterFixedString(QStringLiteral("docker"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterFixedString(QString());
        QCOMPARE(proxy.rowCount(), 3);
    }
};

QTEST_MAIN(TestGuestModels)
#include "TestGuestModels.moc"
