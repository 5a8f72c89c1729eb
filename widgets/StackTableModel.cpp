#include "StackTableModel.h"

#include "ActionRunner.h"

namespace hlc {

StackTableModel::StackTableModel(QObject* parent)
    : KeyedTableModel<portainer::Stack>(parent)
{}

QString StackTableModel::keyOf(const portainer::Stack& s) const
{
    return ActionRunner::stackKey(s);
}

void StackTableModel::setStacks(const QList<portainer::Stack>& stacks, const QList<portainer::Container>& containers)
{
    m_counts.clear();
    for (const portainer::Container& c : containers) {
        if (c.stack.isEmpty())
            continue;
        auto& [running, total] = m_counts[c.stack];
        ++total;
        if (c.running())
            ++running;
    }
    mergeRows(stacks);
}

void StackTableModel::setProgress(const QString& key, const QString& text)
{
    if (text.isEmpty())
        m_progress.remove(key);
    else
        m_progress.insert(key, text);
    const int row = rowOfKey(key);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int StackTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StackTableModel::data(const QModelIndex& index, int role) const
{
    const portainer::Stack* s = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!s)
        return {};
    if (role == KeyRole)
        return keyOf(*s);
    const auto counts = m_counts.value(s->name);
    if (role == RawRole) {
        switch (index.column()) {
        case Name:
            return s->name.toLower();
        case Status:
            return s->status;
        case Containers:
            return counts.first;
        case Id:
            return s->id;
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return s->name;
        case Status: {
            const QString p = m_progress.value(keyOf(*s));
            if (!p.isEmpty())
                return p;
            return s->active() ? tr("active") : s->status == 2 ? tr("inactive") : tr("unknown");
        }
        case Containers:
            return tr("%1 of %2 running").arg(counts.first).arg(counts.second);
        case Id:
            return s->id;
        default:
            return {};
        }
    }
    return {};
}

QVariant StackTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Stack");
    case Status:
        return tr("Status");
    case Containers:
        return tr("Containers");
    case Id:
        return tr("ID");
    default:
        return {};
    }
}

} // namespace hlc
