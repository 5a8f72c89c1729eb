#include "ContainerTableModel.h"

#include "ActionRunner.h"

namespace hlc {

ContainerTableModel::ContainerTableModel(QObject* parent)
    : KeyedTableModel<portainer::Container>(parent)
{}

QString ContainerTableModel::keyOf(const portainer::Container& c) const
{
    return ActionRunner::containerKey(c);
}

void ContainerTableModel::setContainers(const QList<portainer::Container>& containers)
{
    mergeRows(containers);
}

void ContainerTableModel::setProgress(const QString& key, const QString& text)
{
    if (text.isEmpty())
        m_progress.remove(key);
    else
        m_progress.insert(key, text);
    const int row = rowOfKey(key);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int ContainerTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainerTableModel::data(const QModelIndex& index, int role) const
{
    const portainer::Container* c = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!c)
        return {};
    if (role == KeyRole)
        return keyOf(*c);
    if (role == RawRole) {
        switch (index.column()) {
        case Name:
            return c->name.toLower();
        case State:
            return c->state;
        case Health:
            return c->health;
        case Stack:
            return c->stack;
        case Image:
            return c->image;
        case Status:
            return c->status;
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name:
            return c->name;
        case State: {
            const QString p = m_progress.value(keyOf(*c));
            return p.isEmpty() ? c->state : p;
        }
        case Health:
            return c->health.isEmpty() ? QStringLiteral("–") : c->health;
        case Stack:
            return c->stack.isEmpty() ? QStringLiteral("–") : c->stack;
        case Image:
            return c->image;
        case Status:
            return c->status;
        default:
            return {};
        }
    }
    return {};
}

QVariant ContainerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Container");
    case State:
        return tr("State");
    case Health:
        return tr("Health");
    case Stack:
        return tr("Stack");
    case Image:
        return tr("Image");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace hlc
