#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QStringList>

namespace hlc {

class HomeAssistantLink;

/**
 * @brief The entities of one Home Assistant, one row each, merged by entity_id from the link's change batches
 * (insert / remove / dataChanged, never a reset). Qt::UserRole gives the raw value of a cell for sorting.
 */
class HaEntityModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HaEntityModel)
public:
    enum Column
    {
        Name,
        EntityId,
        Domain,
        Area,
        State,
        LastChanged,
        ColumnCount
    };
    static constexpr int RawRole = Qt::UserRole;
    static constexpr int EntityIdRole = Qt::UserRole + 1;

    explicit HaEntityModel(HomeAssistantLink* link, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    [[nodiscard]] int rowOf(const QString& entityId) const { return m_rowOf.value(entityId, -1); }
    [[nodiscard]] QString entityIdAt(int row) const { return m_ids.value(row); }

private:
    void apply(const QStringList& upserted, const QStringList& removed);

    QPointer<HomeAssistantLink> m_link;
    QStringList m_ids;
    QHash<QString, int> m_rowOf;
};

} // namespace hlc
