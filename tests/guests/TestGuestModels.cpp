// The guest, stack and container table models: QAbstractItemModelTester, merge by stable id (no reset), selection
// surviving a refresh, sorting on raw values and filtering through the proxy.
#include "ContainerTableModel.h"
#include "GuestTableModel.h"
#include "StackTableModel.h"

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

portainer::Container ctr(const QString& id, const QString& name, const QString& state, const QString& stack)
{
    portainer::Container c;
    c.id = id;
    c.name = name;
    c.state = state;
    c.stack = stack;
    c.image = name + QStringLiteral(":latest");
    return c;
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

    void stacksCountContainers()
    {
        StackTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        portainer::Stack a;
        a.id = 11;
        a.name = QStringLiteral("home");
        a.status = 1;
        portainer::Stack b;
        b.id = 12;
        b.name = QStringLiteral("nvr");
        b.status = 2;
        const QList<portainer::Container> cs = {
            ctr("1", "homeassistant", "running", "home"), ctr("2", "esphome", "exited", "home"),
            ctr("3", "mosquitto", "running", "home"), ctr("4", "frigate", "exited", "nvr"),
            ctr("5", "portainer", "running", "")};
        model.setStacks({a, b}, cs);
        QCOMPARE(model.rowCount(), 2);
        const int home = model.rowOfKey(QStringLiteral("stack/11"));
        QCOMPARE(model.index(home, StackTableModel::Containers).data().toString(), QStringLiteral("2 of 3 running"));
        QCOMPARE(model.index(model.rowOfKey(QStringLiteral("stack/12")), StackTableModel::Status).data().toString(),
                 QStringLiteral("inactive"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        a.status = 2;
        model.setStacks({a, b}, cs);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.index(home, StackTableModel::Status).data().toString(), QStringLiteral("inactive"));
        model.setProgress(QStringLiteral("stack/11"), QStringLiteral("Starting…"));
        QCOMPARE(model.index(home, StackTableModel::Status).data().toString(), QStringLiteral("Starting…"));
    }

    void containersMergeAndStackFilter()
    {
        ContainerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContainers({ctr("1", "homeassistant", "running", "home"), ctr("2", "esphome", "exited", "home"),
                             ctr("4", "frigate", "exited", "nvr")});
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterRole(ContainerTableModel::RawRole);
        proxy.setFilterKeyColumn(ContainerTableModel::Stack);
        proxy.setFilterRegularExpression(QStringLiteral("^home$"));
        QCOMPARE(proxy.rowCount(), 2);
        QItemSelectionModel selection(&proxy);
        selection.select(proxy.index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        const QString selectedKey = selection.selectedRows().first().data(ContainerTableModel::KeyRole).toString();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setContainers({ctr("2", "esphome", "running", "home"), ctr("1", "homeassistant", "running", "home"),
                             ctr("4", "frigate", "exited", "nvr"), ctr("6", "node-red", "running", "home")});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(proxy.rowCount(), 3);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(selection.selectedRows().first().data(ContainerTableModel::KeyRole).toString(), selectedKey);
        QCOMPARE(
            model.index(model.rowOfKey(QStringLiteral("container/2")), ContainerTableModel::State).data().toString(),
            QStringLiteral("running"));
    }
};

QTEST_MAIN(TestGuestModels)
#include "TestGuestModels.moc"
