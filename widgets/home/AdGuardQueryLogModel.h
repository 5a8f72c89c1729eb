#pragma once

#include "adguard/AdGuardTypes.h"
#include "core/KeyedTableModel.h"

namespace hlc {

/// The recent AdGuard Home query log, newest first, merged by (time, client, domain, type).
class AdGuardQueryLogModel final : public KeyedTableModel<adguard::QueryLogEntry>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdGuardQueryLogModel)
public:
    enum Column
    {
        Time,
        Client,
        Domain,
        Type,
        Result,
        Elapsed,
        ColumnCount
    };
    static constexpr int RawRole = Qt::UserRole;

    explicit AdGuardQueryLogModel(QObject* parent = nullptr);
    void setEntries(const QList<adguard::QueryLogEntry>& entries) { mergeRows(entries); }

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    [[nodiscard]] QString keyOf(const adguard::QueryLogEntry& row) const override;
};

} // namespace hlc
