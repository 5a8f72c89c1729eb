#include "metrics/AlertsFilterModel.h"

#include "metrics/AlertsModel.h"

namespace hlc {

AlertsFilterModel::AlertsFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AlertsModel::RawRole);
}

void AlertsFilterModel::setHostId(const QString& hostId)
{
    m_hostId = hostId;
    invalidateFilter();
}

void AlertsFilterModel::setMinimumSeverity(int severity)
{
    m_minSeverity = severity;
    invalidateFilter();
}

bool AlertsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_hostId.isEmpty() && i.data(AlertsModel::HostIdRole).toString() != m_hostId)
        return false;
    return m_minSeverity < 0 || i.data(AlertsModel::SeverityRole).toInt() >= m_minSeverity;
}

} // namespace hlc
