#pragma once

#include "adguard/AdGuardTypes.h"
#include "core/KeyedTableModel.h"

namespace hlc {

/// AdGuard Home's filter lists: name, enabled, rule count, last update; merged by list id and kind.
class AdGuardFilterListModel final : public KeyedTableModel<adguard::FilterList>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdGuardFilterListModel)
public:
    enum Column
    {
        Name,
        Enabled,
        Rules,
        LastUpdated,
        ColumnCount
    };
    static constexpr int RawRole = Qt::UserRole;

    explicit AdGuardFilterListModel(QObject* parent = nullptr);
    void setLists(const QList<adguard::FilterList>& lists) { mergeRows(lists); }

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] QString keyOf(const adguard::FilterList& row) const override;
};

} // namespace hlc
