// The stack -> containers tree model: QAbstractItemModelTester on every case, merge by stable id under the right
// parent (never a reset), persistent indexes across refreshes, a container moving between stacks, the synthetic
// "Not in a stack" group, running/total counts, progress text, and filtering/sorting through a recursive proxy.
#include "guests/ActionRunner.h"
#include "guests/StackTreeModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>

using namespace hlc;

namespace {
portainer::Stack stack(int id, const QString& name, int status = 1)
{
    portainer::Stack s;
    s.id = id;
    s.name = name;
    s.type = 2;
    s.endpointId = 1;
    s.status = status;
    return s;
}

portainer::Container ctr(const QString& id, const QString& name, const QString& state, const QString& stackName)
{
    portainer::Container c;
    c.id = id;
    c.name = name;
    c.state = state;
    c.stack = stackName;
    c.image = name + QStringLiteral(":latest");
    c.status =
        state == QLatin1String("running") ? QStringLiteral("Up 3 hours") : QStringLiteral("Exited (0) 1 hour ago");
    return c;
}

QString key(const QModelIndex& idx)
{
    return idx.data(StackTreeModel::KeyRole).toString();
}

QString text(const StackTreeModel& m, const QString& k, int column)
{
    const QModelIndex idx = m.indexOfKey(k);
    return idx.siblingAtColumn(column).data().toString();
}

/// Keys of the children of @p parent, in row order.
QStringList childKeys(const QAbstractItemModel& m, const QModelIndex& parent)
{
    QStringList keys;
    for (int r = 0; r < m.rowCount(parent); ++r)
        keys << key(m.index(r, 0, parent));
    return keys;
}

/// The parent keys of the rowsInserted / rowsRemoved signals a spy recorded.
QStringList parentKeys(const QSignalSpy& spy)
{
    QStringList keys;
    for (const QList<QVariant>& args : spy) {
        const auto parent = args.at(0).value<QModelIndex>();
        keys << (parent.isValid() ? key(parent) : QStringLiteral("<root>"));
    }
    return keys;
}

const QList<portainer::Stack> kStacks = {stack(11, QStringLiteral("home")), stack(12, QStringLiteral("nvr"), 2)};
const QList<portainer::Container> kContainers = {
    ctr("c1", "homeassistant", "running", "home"), ctr("c2", "esphome", "exited", "home"),
    ctr("c3", "mosquitto", "running", "home"), ctr("c4", "frigate", "exited", "nvr"),
    ctr("c5", "portainer", "running", "")};
} // namespace

class TestStackTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void layoutCountsAndKinds()
    {
        StackTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStacks(kStacks, kContainers);
        QCOMPARE(childKeys(model, {}),
                 QStringList({"stack/11", "stack/12", StackTreeModel::groupKey()})); // the group stays last
        const QModelIndex home = model.indexOfKey(QStringLiteral("stack/11"));
        QCOMPARE(childKeys(model, home), QStringList({"container/c1", "container/c2", "container/c3"}));
        QCOMPARE(home.siblingAtColumn(StackTreeModel::Running).data().toString(), QStringLiteral("2/3 running"));
        QCOMPARE(home.siblingAtColumn(StackTreeModel::State).data().toString(), QStringLiteral("active"));
        QCOMPARE(text(model, QStringLiteral("stack/12"), StackTreeModel::State), QStringLiteral("inactive"));
        QCOMPARE(text(model, QStringLiteral("stack/12"), StackTreeModel::Running), QStringLiteral("0/1 running"));
        const QModelIndex group = model.indexOfKey(StackTreeModel::groupKey());
        QCOMPARE(group.data().toString(), QStringLiteral("Not in a stack"));
        QCOMPARE(group.siblingAtColumn(StackTreeModel::Running).data().toString(), QStringLiteral("1/1 running"));
        QCOMPARE(childKeys(model, group), QStringList({"container/c5"}));

        QCOMPARE(home.data(StackTreeModel::KindRole).toInt(), static_cast<int>(StackTreeModel::Kind::Stack));
        QCOMPARE(group.data(StackTreeModel::KindRole).toInt(), static_cast<int>(StackTreeModel::Kind::Group));
        const QModelIndex esphome = model.indexOfKey(QStringLiteral("container/c2"));
        QCOMPARE(esphome.data(StackTreeModel::KindRole).toInt(), static_cast<int>(StackTreeModel::Kind::Container));
        QCOMPARE(esphome.parent(), home);
        QCOMPARE(esphome.siblingAtColumn(StackTreeModel::State).data().toString(), QStringLiteral("exited"));
        QCOMPARE(esphome.siblingAtColumn(StackTreeModel::Image).data().toString(), QStringLiteral("esphome:latest"));
        QCOMPARE(esphome.siblingAtColumn(StackTreeModel::Health).data().toString(), QStringLiteral("–"));
        QCOMPARE(esphome.siblingAtColumn(StackTreeModel::Status).data().toString(),
                 QStringLiteral("Exited (0) 1 hour ago"));

        // Typed access: a stack row is no container, a container row no stack, the group neither.
        QVERIFY(model.stackAt(home) && model.stackAt(home)->id == 11);
        QVERIFY(!model.containerAt(home));
        QVERIFY(model.containerAt(esphome) && model.containerAt(esphome)->name == QLatin1String("esphome"));
        QVERIFY(!model.stackAt(esphome));
        QVERIFY(!model.stackAt(group) && !model.containerAt(group));
        QVERIFY(!model.stackAt({}) && !model.containerAt({}));
        QCOMPARE(model.indexOfStackName(QStringLiteral("nvr")), model.indexOfKey(QStringLiteral("stack/12")));
        QCOMPARE(model.indexOfContainerName(QStringLiteral("frigate")),
                 model.indexOfKey(QStringLiteral("container/c4")));
        QVERIFY(!model.indexOfStackName(QStringLiteral("nope")).isValid());
        QVERIFY(!model.indexOfKey(QStringLiteral("container/zz")).isValid());
    }

    void unchangedRefreshEmitsNothing()
    {
        StackTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStacks(kStacks, kContainers);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setStacks(kStacks, kContainers);
        QCOMPARE(reset.size() + inserted.size() + removed.size() + changed.size(), 0);
    }

    void insertRemoveUpdateKeepPersistentIndexes()
    {
        StackTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStacks(kStacks, kContainers);
        const QPersistentModelIndex home(model.indexOfKey(QStringLiteral("stack/11")));
        const QPersistentModelIndex mosquitto(model.indexOfKey(QStringLiteral("container/c3")));
        const QPersistentModelIndex esphome(model.indexOfKey(QStringLiteral("container/c2")));
        const QPersistentModelIndex group(model.indexOfKey(StackTreeModel::groupKey()));
        const QPersistentModelIndex gone(model.indexOfKey(QStringLiteral("container/c1")));

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // homeassistant (c1) gone, esphome started, node-red (c6) new in home; stack nvr gone (with frigate), a new
        // stack "media" (13) with one container; the loose portainer container unchanged.
        model.setStacks({stack(13, QStringLiteral("media")), stack(11, QStringLiteral("home"))},
                        {ctr("c2", "esphome", "running", "home"), ctr("c3", "mosquitto", "running", "home"),
                         ctr("c5", "portainer", "running", ""), ctr("c6", "node-red", "running", "home"),
                         ctr("c7", "jellyfin", "running", "media")});
        QCOMPARE(reset.size(), 0);
        QCOMPARE(parentKeys(removed), QStringList({"<root>", "stack/11"}));  // nvr, then c1 under home
        QCOMPARE(parentKeys(inserted), QStringList({"stack/11", "<root>"})); // c6 under home, then media
        QVERIFY(!gone.isValid());

        // The persistent indexes follow their rows.
        QVERIFY(home.isValid() && mosquitto.isValid() && esphome.isValid() && group.isValid());
        QCOMPARE(key(home), QStringLiteral("stack/11"));
        QCOMPARE(key(mosquitto), QStringLiteral("container/c3"));
        QCOMPARE(key(esphome), QStringLiteral("container/c2"));
        QCOMPARE(key(group), StackTreeModel::groupKey());
        QCOMPARE(QModelIndex(mosquitto).parent(), QModelIndex(home));
        QCOMPARE(esphome.sibling(esphome.row(), StackTreeModel::State).data().toString(), QStringLiteral("running"));
        QCOMPARE(home.sibling(home.row(), StackTreeModel::Running).data().toString(), QStringLiteral("3/3 running"));

        // New stacks go before the group, which stays last.
        QCOMPARE(childKeys(model, {}), QStringList({"stack/11", "stack/13", StackTreeModel::groupKey()}));
        QCOMPARE(childKeys(model, model.indexOfKey(QStringLiteral("stack/13"))), QStringList({"container/c7"}));

        // dataChanged only for the rows that changed: esphome and its stack row (counts), not mosquitto/portainer.
        QStringList changedKeys;
        for (const QList<QVariant>& args : changed)
            changedKeys << key(args.at(0).value<QModelIndex>());
        changedKeys.sort();
        QCOMPARE(changedKeys, QStringList({"container/c2", "stack/11"}));
    }

    void containerMovesBetweenStacks()
    {
        StackTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStacks(kStacks, kContainers);
        const QPersistentModelIndex esphome(model.indexOfKey(QStringLiteral("container/c2")));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QList<portainer::Container> cs = kContainers;
        cs[0].stack = QStringLiteral("nvr"); // homeassistant: home -> nvr
        model.setStacks(kStacks, cs);
        QCOMPARE(parentKeys(removed), QStringList({"stack/11"}));
        QCOMPARE(parentKeys(inserted), QStringList({"stack/12"}));
        QCOMPARE(childKeys(model, model.indexOfKey(QStringLiteral("stack/11"))),
                 QStringList({"container/c2", "container/c3"}));
        QCOMPARE(childKeys(model, model.indexOfKey(QStringLiteral("stack/12"))),
                 QStringList({"container/c4", "container/c1"}));
        QCOMPARE(text(model, QStringLiteral("stack/11"), StackTreeModel::Running), QStringLiteral("1/2 running"));
        QCOMPARE(text(model, QStringLiteral("stack/12"), StackTreeModel::Running), QStringLiteral("1/2 running"));
        QVERIFY(esphome.isValid());
        QCOMPARE(esphome.row(), 0); // shifted up under the same parent
        QCOMPARE(key(esphome), QStringLiteral("container/c2"));

        // Into the loose group and back out again.
        cs[0].stack.clear();
        model.setStacks(kStacks, cs);
        QCOMPARE(childKeys(model, model.indexOfKey(StackTreeModel::groupKey())),
                 QStringList({"container/c5", "container/c1"}));
        QCOMPARE(model.indexOfKey(QStringLiteral("container/c1")).parent(),
                 model.indexOfKey(StackTreeModel::groupKey()));
    }

    void notInAStackGroupAppearsAndDisappears()
    {
        StackTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<portainer::Container> stacked = kContainers.mid(0, 4);
        model.setStacks(kStacks, stacked);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.indexOfKey(StackTreeModel::groupKey()).isValid());

        // A loose container: the group appears, last.
        model.setStacks(kStacks, kContainers);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(key(model.index(2, 0)), StackTreeModel::groupKey());
        // A compose project that no Portainer stack of the host has also lands there, saying so in its tooltip.
        QList<portainer::Container> cs = kContainers;
        cs << ctr("c9", "watchtower", "running", "tools");
        model.setStacks(kStacks, cs);
        const QModelIndex group = model.indexOfKey(StackTreeModel::groupKey());
        QCOMPARE(childKeys(model, group), QStringList({"container/c5", "container/c9"}));
        QVERIFY(model.indexOfKey(QStringLiteral("container/c9")).data(Qt::ToolTipRole).toString().contains("tools"));
        QCOMPARE(group.siblingAtColumn(StackTreeModel::Running).data().toString(), QStringLiteral("2/2 running"));

        // A new stack is inserted before the group, not after it.
        model.setStacks(kStacks + QList<portainer::Stack>{stack(14, QStringLiteral("tools"))}, cs);
        QCOMPARE(childKeys(model, {}), QStringList({"stack/11", "stack/12", "stack/14", StackTreeModel::groupKey()}));
        QCOMPARE(childKeys(model, model.index(3, 0)), QStringList({"container/c5"}));
        QCOMPARE(childKeys(model, model.index(2, 0)), QStringList({"container/c9"}));

        // No loose container left: the group goes.
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setStacks(kStacks, stacked);
        QVERIFY(!model.indexOfKey(StackTreeModel::groupKey()).isValid());
        QCOMPARE(childKeys(model, {}), QStringList({"stack/11", "stack/12"}));
        QVERIFY(!removed.isEmpty());
        model.setStacks({}, {});
        QCOMPARE(model.rowCount(), 0);
    }

    void stoppedCountsAndProgress()
    {
        StackTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<portainer::Container> cs = kContainers;
        cs[2].state = QStringLiteral("created"); // mosquitto: created counts as not running
        model.setStacks(kStacks, cs);
        QCOMPARE(text(model, QStringLiteral("stack/11"), StackTreeModel::Running), QStringLiteral("1/3 running"));
        QCOMPARE(model.indexOfKey(QStringLiteral("stack/11"))
                     .siblingAtColumn(StackTreeModel::Running)
                     .data(StackTreeModel::RawRole),
                 QVariant(1));

        // The stack is stopped: all of its containers exit, the stack goes inactive.
        QList<portainer::Stack> ss = kStacks;
        ss[0].status = 2;
        for (portainer::Container& c : cs) {
            if (c.stack == QLatin1String("home"))
                c.state = QStringLiteral("exited");
        }
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setStacks(ss, cs);
        QCOMPARE(text(model, QStringLiteral("stack/11"), StackTreeModel::Running), QStringLiteral("0/3 running"));
        QCOMPARE(text(model, QStringLiteral("stack/11"), StackTreeModel::State), QStringLiteral("inactive"));
        QCOMPARE(changed.size(), 3); // homeassistant, mosquitto and home; esphome had exited already

        changed.clear();
        model.setProgress(QStringLiteral("stack/11"), QStringLiteral("Starting…"));
        model.setProgress(QStringLiteral("container/c4"), QStringLiteral("Restarting…"));
        QCOMPARE(changed.size(), 2);
        QCOMPARE(text(model, QStringLiteral("stack/11"), StackTreeModel::State), QStringLiteral("Starting…"));
        QCOMPARE(text(model, QStringLiteral("container/c4"), StackTreeModel::State), QStringLiteral("Restarting…"));
        model.setProgress(QStringLiteral("stack/11"), QString());
        QCOMPARE(text(model, QStringLiteral("stack/11"), StackTreeModel::State), QStringLiteral("inactive"));
        model.setProgress(QStringLiteral("container/unknown"), QStringLiteral("x")); // no row: no signal, no crash
        QCOMPARE(changed.size(), 3);
    }

    void recursiveFilterSortAndSelectionThroughProxy()
    {
        StackTreeModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(StackTreeModel::RawRole);
        proxy.setFilterRole(StackTreeModel::FilterRole);
        proxy.setFilterKeyColumn(StackTreeModel::Name);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setRecursiveFilteringEnabled(true);
        proxy.setAutoAcceptChildRows(true);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setStacks(kStacks, kContainers);
        // Sorted on the raw (lower-case) names; a plain proxy sorts the group as "not in a stack".
        proxy.sort(StackTreeModel::Name, Qt::DescendingOrder);
        QCOMPARE(childKeys(proxy, {}), QStringList({"stack/12", StackTreeModel::groupKey(), "stack/11"}));
        proxy.sort(StackTreeModel::Name, Qt::AscendingOrder);
        const QModelIndex home = proxy.index(0, 0);
        QCOMPARE(key(home), QStringLiteral("stack/11"));
        QCOMPARE(childKeys(proxy, home), QStringList({"container/c2", "container/c1", "container/c3"}));

        // A matching container shows its stack (and only itself under it).
        proxy.setFilterFixedString(QStringLiteral("FRIGATE"));
        QCOMPARE(childKeys(proxy, {}), QStringList({"stack/12"}));
        QCOMPARE(childKeys(proxy, proxy.index(0, 0)), QStringList({"container/c4"}));
        // A matching stack shows all of its containers.
        proxy.setFilterFixedString(QStringLiteral("nvr"));
        QCOMPARE(childKeys(proxy, proxy.index(0, 0)), QStringList({"container/c4"}));
        proxy.setFilterFixedString(QStringLiteral("home"));
        QCOMPARE(childKeys(proxy, {}), QStringList({"stack/11"}));
        QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 3);
        // By state and by image.
        proxy.setFilterFixedString(QStringLiteral("exited"));
        QCOMPARE(childKeys(proxy, {}), QStringList({"stack/11", "stack/12"}));
        QCOMPARE(childKeys(proxy, proxy.index(0, 0)), QStringList({"container/c2"}));
        proxy.setFilterFixedString(QStringLiteral("portainer:latest"));
        QCOMPARE(childKeys(proxy, {}), QStringList({StackTreeModel::groupKey()}));
        // "running" is no stack's state and not in the counts column: only running containers match.
        proxy.setFilterFixedString(QStringLiteral("running"));
        QCOMPARE(childKeys(proxy, proxy.index(0, 0)), QStringList({"container/c1", "container/c3"}));
        proxy.setFilterFixedString(QString());

        // A selected container stays selected across a refresh that inserts, removes and changes rows around it.
        QItemSelectionModel selection(&proxy);
        const QModelIndex mosquitto = proxy.mapFromSource(model.indexOfKey(QStringLiteral("container/c3")));
        selection.select(mosquitto, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QList<portainer::Container> cs = kContainers;
        cs.removeAt(0);                                  // homeassistant gone
        cs[0].state = QStringLiteral("running");         // esphome started
        cs << ctr("c0", "appdaemon", "running", "home"); // sorts before mosquitto
        model.setStacks({stack(10, QStringLiteral("aaa")), kStacks.at(0), kStacks.at(1)}, cs);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(key(selection.selectedRows().first()), QStringLiteral("container/c3"));
        QCOMPARE(childKeys(proxy, {}), QStringList({"stack/10", "stack/11", StackTreeModel::groupKey(), "stack/12"}));
        QCOMPARE(childKeys(proxy, proxy.index(1, 0)), QStringList({"container/c0", "container/c2", "container/c3"}));
    }

    /// Two containers whose ids share the first 12 characters get longer short ids; unique ones keep 12.
    void shortIdsGrowWhereTheyCollide()
    {
        StackTreeModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString a = QStringLiteral("4f1c2d3e5a6b") + QStringLiteral("7c8d") + QString(48, QLatin1Char('1'));
        const QString b = QStringLiteral("4f1c2d3e5a6b") + QStringLiteral("7c9e") + QString(48, QLatin1Char('2'));
        const QString c = QStringLiteral("9a9a9a9a9a9a") + QString(52, QLatin1Char('3'));
        m.setStacks({stack(1, QStringLiteral("web"))},
                    {ctr(c, QStringLiteral("solo"), QStringLiteral("running"), QStringLiteral("web"))});
        QCOMPARE(text(m, ActionRunner::containerKey(ctr(c, {}, {}, {})), StackTreeModel::Id), c.left(12));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.setStacks({stack(1, QStringLiteral("web"))},
                    {ctr(c, QStringLiteral("solo"), QStringLiteral("running"), QStringLiteral("web")),
                     ctr(a, QStringLiteral("app-1"), QStringLiteral("running"), QStringLiteral("web")),
                     ctr(b, QStringLiteral("app-2"), QStringLiteral("restarting"), QStringLiteral("web"))});
        QCOMPARE(StackTreeModel::shortIdLength({ctr(a, {}, {}, {}), ctr(b, {}, {}, {})}), 15);
        const QString ta = text(m, ActionRunner::containerKey(ctr(a, {}, {}, {})), StackTreeModel::Id);
        const QString tb = text(m, ActionRunner::containerKey(ctr(b, {}, {}, {})), StackTreeModel::Id);
        QCOMPARE(ta, a.left(15));
        QCOMPARE(tb, b.left(15));
        QVERIFY(ta != tb);
        QVERIFY(changed.count() > 0); // the rows already shown were told their id text changed
        QCOMPARE(StackTreeModel::shortIdLength({ctr(c, {}, {}, {})}), 12);
    }
};

QTEST_MAIN(TestStackTreeModel)
#include "TestStackTreeModel.moc"
