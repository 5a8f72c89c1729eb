#include "guests/GuestTableModel.h"

#include "core/Format.h"

namespace hlc {

GuestTableModel::GuestTableModel(QObject* parent)
    : KeyedTableModel<pve::Resource>(parent)
{}

void GuestTableModel::setGuests(const QList<pve::Resource>& guests)
{
    mergeRows(guests);
}

bool GuestTableModel::rowChanged(const pve::Resource& a, const pve::Resource& b) const
{
    return a.id != b.id || a.type != b.type || a.node != b.node || a.vmid != b.vmid || a.name != b.name ||
           a.status != b.status || a.cpu != b.cpu || a.maxcpu != b.maxcpu || a.mem != b.mem || a.maxmem != b.maxmem ||
           a.uptime != b.uptime || a.tags != b.tags || a.isTemplate != b.isTemplate || a.lock != b.lock ||
           a.hastate != b.hastate;
}

void GuestTableModel::setProgress(const QString& key, const QString& text)
{
    if (text.isEmpty())
        m_progress.remove(key);
    else
        m_progress.insert(key, text);
    const int row = rowOfKey(key);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int GuestTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GuestTableModel::data(const QModelIndex& index, int role) const
{
    const pve::Resource* g = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!g)
        return {};
    if (role == KeyRole)
        return g->id;
    const bool running = g->status == QLatin1String("running");
    if (role == RawRole) {
        switch (index.column()) {
        case VmId:
            return g->vmid;
        case Name:
            return g->name.toLower();
        case Type:
            return g->type;
        case Status:
            return g->status;
        case Cpu:
            return running && g->cpu ? *g->cpu : -1.0;
        case Memory:
            return running && g->mem ? *g->mem : qint64(-1);
        case Uptime:
            return g->uptime.value_or(-1);
        case Tags:
            return g->tags.join(QLatin1Char(';'));
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case VmId:
            return g->vmid;
        case Name: // unnamed guests as Proxmox's own UI shows them
            return g->name.isEmpty() ? (g->type == QLatin1String("qemu") ? tr("VM %1") : tr("CT %1")).arg(g->vmid)
                                     : g->name;
        case Type:
            return g->type == QLatin1String("qemu") ? tr("VM") : tr("LXC");
        case Status: {
            const QString p = m_progress.value(g->id);
            if (!p.isEmpty())
                return p;
            if (g->status == QLatin1String("running"))
                return tr("running");
            if (g->status == QLatin1String("stopped"))
                return tr("stopped");
            if (g->status == QLatin1String("paused"))
                return tr("paused");
            return g->status.isEmpty() ? tr("unknown") : g->status;
        }
        // A value the server did not report is "–", never 0.
        case Cpu:
            return running && g->cpu ? QStringLiteral("%1 %").arg(*g->cpu * 100.0, 0, 'f', 1) : QStringLiteral("–");
        case Memory:
            return running && g->mem && g->maxmem > 0
                       ? QStringLiteral("%1 / %2").arg(format::bytes(*g->mem), format::bytes(g->maxmem))
                       : QStringLiteral("–");
        case Uptime:
            return running && g->uptime ? format::duration(*g->uptime) : QStringLiteral("–");
        case Tags:
            return g->tags.join(QStringLiteral(", "));
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (index.column() == VmId || index.column() == Cpu))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant GuestTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VmId:
        return tr("ID");
    case Name:
        return tr("Name");
    case Type:
        return tr("Type");
    case Status:
        return tr("Status");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    case Uptime:
        return tr("Uptime");
    case Tags:
        return tr("Tags");
    default:
        return {};
    }
}

} // namespace hlc
