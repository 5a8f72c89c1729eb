#pragma once

#include "core/KeyedTableModel.h"
#include "metrics/AlertInbox.h"

#include <QPointer>

namespace hlc {

/**
 * @brief The AlertInbox's items as a table, merged by item key (insert/remove/dataChanged, never a reset) so the
 * selection survives every refresh. Items that need the operator sort first (RawRole of State).
 */
class InboxModel final : public KeyedTableModel<InboxItem>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxModel)
public:
    enum Column
    {
        Severity,
        Summary,
        Source,
        Host,
        Since,
        State,
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole, ///< sortable raw value of the column
        KeyRole,                ///< the item's key (any column)
    };

    explicit InboxModel(AlertInbox* inbox, QObject* parent = nullptr);

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] static QString sourceText(InboxItem::Source s);
    [[nodiscard]] static QString severityText(InboxItem::Severity s);
    /// "needs attention", "acknowledged by ann until it clears (at most ...)", "snoozed until ...: reason", ...
    [[nodiscard]] static QString stateText(const InboxItem& item);

protected:
    [[nodiscard]] QString keyOf(const InboxItem& row) const override { return row.key; }

private:
    void merge();

    QPointer<AlertInbox> m_inbox;
};

} // namespace hlc
