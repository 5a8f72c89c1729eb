#include "home/AdGuardQueryLogModel.h"
#include "core/StatusColors.h"

#include <QColor>
#include <QLocale>

namespace hlc {

AdGuardQueryLogModel::AdGuardQueryLogModel(QObject* parent)
    : KeyedTableModel<adguard::QueryLogEntry>(parent)
{}

QString AdGuardQueryLogModel::keyOf(const adguard::QueryLogEntry& row) const
{
    return QString::number(row.time.toMSecsSinceEpoch()) + QLatin1Char('|') + row.client + QLatin1Char('|') +
           row.domain + QLatin1Char('|') + row.type;
}

int AdGuardQueryLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AdGuardQueryLogModel::data(const QModelIndex& index, int role) const
{
    const adguard::QueryLogEntry* e = rowAt(index.row());
    if (!e)
        return {};
    if (role == Qt::ForegroundRole && e->isBlocked())
        return StatusColors::color(StatusColors::Role::Critical);
    if (role == Qt::ToolTipRole && !e->rule.isEmpty())
        return tr("Rule: %1").arg(e->rule);
    const bool raw = role == RawRole;
    if (role != Qt::DisplayRole && !raw)
        return {};
    switch (index.column()) {
    case Time:
        return raw ? QVariant(e->time)
                   : QVariant(QLocale().toString(e->time.toLocalTime().time(), QLocale::LongFormat));
    case Client:
        return e->clientName.isEmpty() || raw ? e->client : QStringLiteral("%1 (%2)").arg(e->clientName, e->client);
    case Domain:
        return e->domain;
    case Type:
        return e->type;
    case Result:
        if (raw)
            return e->reason;
        return e->isBlocked() ? tr("Blocked") : tr("Allowed");
    case Elapsed:
        return raw ? QVariant(e->elapsedMs) : QVariant(tr("%1 ms").arg(e->elapsedMs, 0, 'f', 1));
    default:
        return {};
    }
}

QVariant AdGuardQueryLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Client:
        return tr("Client");
    case Domain:
        return tr("Domain");
    case Type:
        return tr("Type");
    case Result:
        return tr("Result");
    case Elapsed:
        return tr("Time taken");
    default:
        return {};
    }
}

} // namespace hlc
