#pragma once

#include "core/KeyedTableModel.h"
#include "metrics/AlertCenter.h"

#include <QPointer>

namespace hlc {

/**
 * @brief The AlertCenter's alerts as a table, merged by fingerprint (insert/remove/dataChanged, never a reset) so
 * selection and scroll position survive a poll.
 */
class AlertsModel final : public KeyedTableModel<AlertEntry>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsModel)
public:
    enum Column
    {
        Severity,
        Summary,
        Host,
        State,
        Since,
        Labels,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< sortable raw value of the column
        FingerprintRole,        ///< the alert's fingerprint (any column)
        HostIdRole,             ///< the host id (any column)
        SeverityRole,           ///< int(AlertEntry::Severity) (any column)
        StateRole,              ///< int(AlertEntry::State) (any column)
    };

    /// How often the relative "Since" texts are refreshed.
    static constexpr int kSinceRefreshMs = 30000;

    /// @param hostNames host id -> name shown
    AlertsModel(AlertCenter* center, QHash<QString, QString> hostNames, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] const AlertEntry& entry(int row) const { return rows().at(row); }
    [[nodiscard]] static QString severityText(AlertEntry::Severity s);
    [[nodiscard]] static QString stateText(AlertEntry::State s);

protected:
    [[nodiscard]] QString keyOf(const AlertEntry& row) const override { return row.fingerprint; }

private:
    void merge();

    QPointer<AlertCenter> m_center;
    QHash<QString, QString> m_hostNames;
};

} // namespace hlc
