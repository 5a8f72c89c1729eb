#include "home/HaEntityModel.h"

#include "home/HomeAssistantLink.h"

#include <QColor>
#include <QLocale>

namespace hlc {

HaEntityModel::HaEntityModel(HomeAssistantLink* link, QObject* parent)
    : QAbstractTableModel(parent)
    , m_link(link)
{
    if (!m_link)
        return;
    connect(m_link, &HomeAssistantLink::entitiesChanged, this, &HaEntityModel::apply);
    apply(m_link->entityIds(), {});
}

int HaEntityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int HaEntityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void HaEntityModel::apply(const QStringList& upserted, const QStringList& removed)
{
    // Removals one contiguous block at a time, from the bottom, so indexes stay valid.
    QList<int> gone;
    for (const QString& id : removed) {
        const int row = m_rowOf.value(id, -1);
        if (row >= 0)
            gone << row;
    }
    std::sort(gone.begin(), gone.end(), std::greater<>());
    for (int i = 0; i < gone.size();) {
        int last = gone[i];
        int first = last;
        int j = i + 1;
        while (j < gone.size() && gone[j] == first - 1)
            first = gone[j++];
        beginRemoveRows({}, first, last);
        m_ids.remove(first, last - first + 1);
        endRemoveRows();
        i = j;
    }
    if (!gone.isEmpty()) {
        m_rowOf.clear();
        for (int r = 0; r < m_ids.size(); ++r)
            m_rowOf.insert(m_ids[r], r);
    }
    QStringList added;
    int minChanged = INT_MAX;
    int maxChanged = -1;
    for (const QString& id : upserted) {
        const int row = m_rowOf.value(id, -1);
        if (row < 0) {
            if (m_link && m_link->entity(id))
                added << id;
        } else {
            minChanged = std::min(minChanged, row);
            maxChanged = std::max(maxChanged, row);
        }
    }
    if (maxChanged >= 0)
        emit dataChanged(index(minChanged, 0), index(maxChanged, ColumnCount - 1));
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_ids.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const QString& id : added) {
            m_rowOf.insert(id, static_cast<int>(m_ids.size()));
            m_ids << id;
        }
        endInsertRows();
    }
}

QVariant HaEntityModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || !m_link || index.row() >= m_ids.size())
        return {};
    const QString id = m_ids.at(index.row());
    if (role == EntityIdRole)
        return id;
    const ha::EntityState* e = m_link->entity(id);
    if (!e)
        return {};
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
            return m_link->areaOf(id);
        break;
    case State:
        if (role == Qt::ForegroundRole && m_link->isPending(id))
            return QColor(Qt::gray);
        if (role == RawRole)
            return e->state;
        if (display) {
            const QString unit = e->unit();
            const QString s = unit.isEmpty() ? e->state : e->state + QLatin1Char(' ') + unit;
            return m_link->isPending(id) ? tr("%1 (waiting for Home Assistant…)").arg(s) : s;
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
