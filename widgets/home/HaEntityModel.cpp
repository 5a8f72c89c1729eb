#include "home/HaEntityModel.h"

#include "home/HomeAssistantLink.h"

#include "core/StatusColors.h"

#include <QColor>
#include <QLocale>

namespace hlc {

HaEntityModel::HaEntityModel(HomeAssistantLink* link, QObject* parent)
    : KeyedTableModel<HaEntityRow>(parent)
    , m_link(link)
{
    if (!m_link)
        return;
    connect(m_link, &HomeAssistantLink::entitiesChanged, this, &HaEntityModel::apply);
    apply(m_link->entityIds(), {});
}

int HaEntityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void HaEntityModel::apply(const QStringList& upserted, const QStringList& removed)
{
    removeKeys(removed);
    if (!m_link)
        return;
    QList<HaEntityRow> rows;
    rows.reserve(upserted.size());
    for (const QString& id : upserted) {
        if (const ha::EntityState* e = m_link->entity(id)) {
            rows << HaEntityRow{*e, m_link->areaOf(id), m_link->isPending(id)};
            rows.last().entity.entityId = id; // the key, whatever the payload said
        }
    }
    upsertRows(rows);
}

QVariant HaEntityModel::data(const QModelIndex& index, int role) const
{
    const HaEntityRow* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row)
        return {};
    const ha::EntityState* e = &row->entity;
    const QString& id = e->entityId;
    if (role == EntityIdRole)
        return id;
    const bool display = role == Qt::DisplayRole;
    if (!display && role != RawRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole)
        return {};
    switch (index.column()) {
    case Name:
        if (role == Qt::ToolTipRole)
            return id;
        if (display || role == RawRole)
            return e->friendlyName();
        break;
    case EntityId:
        if (display || role == RawRole)
            return id;
        break;
    case Domain:
        if (display || role == RawRole)
            return e->domain();
        break;
    case Area:
        if (display || role == RawRole)
            return row->area;
        break;
    case State:
        if (role == Qt::ForegroundRole && row->pending)
            return StatusColors::color(StatusColors::Role::Stale);
        if (role == RawRole)
            return e->state;
        if (display) {
            const QString unit = e->unit();
            const QString s = unit.isEmpty() ? e->state : e->state + QLatin1Char(' ') + unit;
            return row->pending ? tr("%1 (waiting for Home Assistant…)").arg(s) : s;
        }
        break;
    case LastChanged:
        if (role == RawRole)
            return e->lastChanged;
        if (display)
            return QLocale().toString(e->lastChanged.toLocalTime(), QLocale::ShortFormat);
        break;
    default:
        break;
    }
    return {};
}

QVariant HaEntityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case EntityId:
        return tr("Entity");
    case Domain:
        return tr("Domain");
    case Area:
        return tr("Area");
    case State:
        return tr("State");
    case LastChanged:
        return tr("Last change");
    default:
        return {};
    }
}

} // namespace hlc
