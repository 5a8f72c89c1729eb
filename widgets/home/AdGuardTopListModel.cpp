#include "home/AdGuardTopListModel.h"

#include <QLocale>

namespace hlc {

AdGuardTopListModel::AdGuardTopListModel(QString nameHeader, QObject* parent)
    : KeyedTableModel<adguard::TopEntry>(parent)
    , m_nameHeader(std::move(nameHeader))
{}

int AdGuardTopListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdGuardTopListModel::data(const QModelIndex& index, int role) const
{
    const adguard::TopEntry* e = rowAt(index.row());
    if (!e || (role != Qt::DisplayRole && role != RawRole))
        return {};
    if (index.column() == Name)
        return e->name;
    if (index.column() == Count)
        return role == RawRole ? QVariant(e->value) : QVariant(QLocale().toString(qint64(e->value)));
    return {};
}

QVariant AdGuardTopListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Name ? m_nameHeader : tr("Queries");
}

} // namespace hlc
