#include "home/HaEntityFilter.h"

#include "home/HaEntityModel.h"

namespace hlc {

HaEntityFilter::HaEntityFilter(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(HaEntityModel::RawRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void HaEntityFilter::setSearch(const QString& text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

void HaEntityFilter::setDomain(const QString& domain)
{
    m_domain = domain;
    invalidateFilter();
}

void HaEntityFilter::setArea(const QString& area)
{
    m_area = area;
    invalidateFilter();
}

bool HaEntityFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* m = sourceModel();
    const auto raw = [&](int column) {
        return m->index(sourceRow, column, sourceParent).data(HaEntityModel::RawRole).toString();
    };
    if (!m_domain.isEmpty() && raw(HaEntityModel::Domain) != m_domain)
        return false;
    if (!m_area.isEmpty() && raw(HaEntityModel::Area) != m_area)
        return false;
    if (!m_search.isEmpty() && !raw(HaEntityModel::Name).contains(m_search, Qt::CaseInsensitive) &&
        !raw(HaEntityModel::EntityId).contains(m_search, Qt::CaseInsensitive))
        return false;
    return true;
}

} // namespace hlc
