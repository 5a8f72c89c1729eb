#pragma once

#include "core/KeyedTableModel.h"
#include "homeassistant/HomeAssistantTypes.h"

#include <QPointer>
#include <QStringList>

namespace hlc {

class HomeAssistantLink;

/// What one row of HaEntityModel shows: the entity as last seen, its area and whether a call waits for it.
struct HaEntityRow
{
    ha::EntityState entity;
    QString area;
    bool pending = false;
    bool operator==(const HaEntityRow&) const = default;
};

/**
 * @brief The entities of one Home Assistant, one row each, merged by entity_id from the link's change batches
 * (insert / remove / dataChanged for the rows that really changed, never a reset). Qt::UserRole gives the raw value
 * of a cell for sorting.
 */
class HaEntityModel final : public KeyedTableModel<HaEntityRow>
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

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    [[nodiscard]] int rowOf(const QString& entityId) const { return rowOfKey(entityId); }
    [[nodiscard]] QString entityIdAt(int row) const
    {
        const HaEntityRow* r = rowAt(row);
        return r ? r->entity.entityId : QString();
    }

protected:
    [[nodiscard]] QString keyOf(const HaEntityRow& row) const override { return row.entity.entityId; }

private:
    void apply(const QStringList& upserted, const QStringList& removed);

    QPointer<HomeAssistantLink> m_link;
};

} // namespace hlc
