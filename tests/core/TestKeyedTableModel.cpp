// KeyedTableModel merges polls incrementally: nothing changed -> no signal; one row changed -> dataChanged for that
// row only; rows that come and go are inserted and removed as such; selection survives.
#include "core/KeyedTableModel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace hlc;

namespace {
struct Item
{
    QString id;
    QString name;
    int value = 0;
    bool operator==(const Item&) const = default;
};

class ItemModel final : public KeyedTableModel<Item>
{
public:
    using KeyedTableModel<Item>::KeyedTableModel;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : 2; }
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override
    {
        const Item* r = index.isValid() ? rowAt(index.row()) : nullptr;
        if (!r || role != Qt::DisplayRole)
            return {};
        return index.column() == 0 ? QVariant(r->name) : QVariant(r->value);
    }
    void set(const QList<Item>& items) { mergeRows(items); }
    void upsert(const QList<Item>& items) { upsertRows(items); }
    void remove(const QStringList& keys) { removeKeys(keys); }

protected:
    [[nodiscard]] QString keyOf(const Item& row) const override { return row.id; }
};

QList<Item> items(int n)
{
    QList<Item> out;
    for (int i = 0; i < n; ++i)
        out << Item{QStringLiteral("id%1").arg(i), QStringLiteral("item %1").arg(i), i};
    return out;
}

/// (first row, last row) of each dataChanged.
QList<QPair<int, int>> ranges(const QSignalSpy& spy)
{
    QList<QPair<int, int>> out;
    for (const auto& args : spy)
        out << qMakePair(args.at(0).toModelIndex().row(), args.at(1).toModelIndex().row());
    return out;
}
} // namespace

class TestKeyedTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void unchangedRefreshEmitsNothing()
    {
        ItemModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.set(items(50));
        QCOMPARE(m.rowCount(), 50);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.set(items(50));
        m.set(items(50));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
    }

    void oneChangedRowEmitsThatRow()
    {
        ItemModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.set(items(20));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QList<Item> next = items(20);
        next[7].value = 700;
        m.set(next);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(ranges(changed).first(), qMakePair(7, 7));
        QCOMPARE(changed.first().at(0).toModelIndex().column(), 0);
        QCOMPARE(changed.first().at(1).toModelIndex().column(), 1);
        QCOMPARE(m.index(7, 1).data().toInt(), 700);
    }

    void separateRowsSeparateSignalsAdjacentRowsOne()
    {
        ItemModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.set(items(20));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QList<Item> next = items(20);
        next[2].name = QStringLiteral("two");
        next[3].name = QStringLiteral("three");
        next[15].value = -1;
        m.set(next);
        QCOMPARE(ranges(changed), (QList<QPair<int, int>>{{2, 3}, {15, 15}}));
    }

    void insertsAndRemovesAsSuch()
    {
        ItemModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.set(items(10));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QList<Item> next = items(10);
        next.removeAt(8);
        next.removeAt(4);
        next.removeAt(3);
        next << Item{QStringLiteral("new1"), QStringLiteral("new 1"), 1}
             << Item{QStringLiteral("new2"), QStringLiteral("new 2"), 2};
        m.set(next);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(reset.size(), 0);
        // Rows 8, then 3..4 as one block.
        QCOMPARE(removed.size(), 2);
        QCOMPARE(removed.at(0).at(1).toInt(), 8);
        QCOMPARE(removed.at(0).at(2).toInt(), 8);
        QCOMPARE(removed.at(1).at(1).toInt(), 3);
        QCOMPARE(removed.at(1).at(2).toInt(), 4);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 7);
        QCOMPARE(inserted.at(0).at(2).toInt(), 8);
        QCOMPARE(m.rowCount(), 9);
        QCOMPARE(m.rowOfKey(QStringLiteral("id9")), 6);
        QCOMPARE(m.rowOfKey(QStringLiteral("new2")), 8);
        QCOMPARE(m.rowOfKey(QStringLiteral("id4")), -1);
        QCOMPARE(m.index(8, 0).data().toString(), QStringLiteral("new 2"));
    }

    void batchUpsertAndRemove()
    {
        ItemModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.set(items(5));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        // A batch with one unchanged, one changed and one new row.
        m.upsert({items(5).at(1), Item{QStringLiteral("id3"), QStringLiteral("item 3"), 33},
                  Item{QStringLiteral("id9"), QStringLiteral("nine"), 9}});
        QCOMPARE(ranges(changed), (QList<QPair<int, int>>{{3, 3}}));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(m.rowCount(), 6);
        m.remove({QStringLiteral("id0"), QStringLiteral("unknown")});
        QCOMPARE(m.rowCount(), 5);
        QCOMPARE(m.rowOfKey(QStringLiteral("id9")), 4);
    }

    void selectionSurvivesRefresh()
    {
        ItemModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.set(items(10));
        QItemSelectionModel selection(&m);
        selection.select(m.index(6, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selection.setCurrentIndex(m.index(6, 0), QItemSelectionModel::NoUpdate);
        QList<Item> next = items(10);
        next[6].value = 600; // the selected row changes
        next.removeAt(1);    // a row above it goes
        next << Item{QStringLiteral("x"), QStringLiteral("x"), 0};
        m.set(next);
        const QModelIndexList rows = selection.selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().row(), 5);
        QCOMPARE(m.index(rows.first().row(), 0).data().toString(), QStringLiteral("item 6"));
        QCOMPARE(m.index(rows.first().row(), 1).data().toInt(), 600);
        QCOMPARE(selection.currentIndex().row(), 5);
    }
};

QTEST_GUILESS_MAIN(TestKeyedTableModel)
#include "TestKeyedTableModel.moc"
