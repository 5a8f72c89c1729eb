#pragma once

#include "adguard/AdGuardTypes.h"
#include "core/KeyedTableModel.h"

namespace hlc {

/// A "top" list of AdGuard Home (clients, queried or blocked domains): name and count, merged by name.
class AdGuardTopListModel final : public KeyedTableModel<adguard::TopEntry>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdGuardTopListModel)
public:
    enum Column
    {
        Name,
        Count,
        ColumnCount
    };
    static constexpr int RawRole = Qt::UserRole;

    AdGuardTopListModel(QString nameHeader, QObject* parent = nullptr);
    void setEntries(const QList<adguard::TopEntry>& entries) { mergeRows(entries); }

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] QString keyOf(const adguard::TopEntry& row) const override { return row.name; }

private:
    QString m_nameHeader;
};

} // namespace hlc
