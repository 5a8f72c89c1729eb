#include "home/AdGuardFilterListModel.h"

#include <QLocale>

namespace hlc {

AdGuardFilterListModel::AdGuardFilterListModel(QObject* parent)
    : KeyedTableModel<adguard::FilterList>(parent)
{}

QString AdGuardFilterListModel::keyOf(const adguard::FilterList& row) const
{
    return (row.allowlist ? QStringLiteral("allow/") : QStringLiteral("block/")) + QString::number(row.id) +
           QLatin1Char('/') + row.url;
}

int AdGuardFilterListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdGuardFilterListModel::data(const QModelIndex& index, int role) const
{
    const adguard::FilterList* f = rowAt(index.row());
    if (!f)
        return {};
    if (role == Qt::ToolTipRole)
        return f->url;
    const bool raw = role == RawRole;
    if (role != Qt::DisplayRole && !raw)
        return {};
    switch (index.column()) {
    case Name:
        return f->allowlist && !raw ? tr("%1 (allowlist)").arg(f->name) : f->name;
    case Enabled:
        return raw ? QVariant(f->enabled) : QVariant(f->enabled ? tr("on") : tr("off"));
    case Rules:
        return raw ? QVariant(f->rulesCount) : QVariant(QLocale().toString(f->rulesCount));
    case LastUpdated:
        if (raw)
            return f->lastUpdated;
        return f->lastUpdated.isValid() ? QLocale().toString(f->lastUpdated.toLocalTime(), QLocale::ShortFormat)
                                        : tr("never");
    default:
        return {};
    }
}

QVariant AdGuardFilterListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("List");
    case Enabled:
        return tr("Enabled");
    case Rules:
        return tr("Rules");
    case LastUpdated:
        return tr("Last update");
    default:
        return {};
    }
}

} // namespace hlc
