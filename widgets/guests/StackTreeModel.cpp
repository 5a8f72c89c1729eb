#include "guests/StackTreeModel.h"

#include "guests/ActionRunner.h"

#include <QFont>
#include <QSet>

#include <algorithm>

namespace hlc {

namespace {
bool sameStack(const portainer::Stack& a, const portainer::Stack& b)
{
    return a.id == b.id && a.name == b.name && a.type == b.type && a.endpointId == b.endpointId &&
           a.status == b.status && a.updateDate == b.updateDate;
}

bool sameContainer(const portainer::Container& a, const portainer::Container& b)
{
    return a.id == b.id && a.name == b.name && a.image == b.image && a.state == b.state && a.status == b.status &&
           a.health == b.health && a.stack == b.stack && a.created == b.created;
}

QString stackStateText(const portainer::Stack& s)
{
    if (s.active())
        return StackTreeModel::tr("active");
    return s.status == 2 ? StackTreeModel::tr("inactive") : StackTreeModel::tr("unknown");
}
} // namespace

bool StackTreeModel::Node::isGroup() const
{
    return key == groupKey();
}

int StackTreeModel::Node::running() const
{
    return static_cast<int>(std::count_if(containers.cbegin(), containers.cend(),
                                          [](const portainer::Container& c) { return c.running(); }));
}

StackTreeModel::StackTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
{}

StackTreeModel::~StackTreeModel() = default;

QString StackTreeModel::groupKey()
{
    return QStringLiteral("group/not-in-a-stack");
}

void StackTreeModel::setStacks(const QList<portainer::Stack>& stacks, const QList<portainer::Container>& containers)
{
    // The wanted layout: stacks in API order, each with its containers, then the loose containers.
    QList<Node> want;
    QHash<QString, int> wantIndex;
    QHash<QString, int> byName;
    for (const portainer::Stack& s : stacks) {
        const QString key = ActionRunner::stackKey(s);
        if (wantIndex.contains(key))
            continue;
        wantIndex.insert(key, static_cast<int>(want.size()));
        if (!byName.contains(s.name))
            byName.insert(s.name, static_cast<int>(want.size()));
        want.append(Node{key, s, {}});
    }
    Node loose{groupKey(), {}, {}};
    QSet<QString> seen;
    for (const portainer::Container& c : containers) {
        const QString key = ActionRunner::containerKey(c);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        const int i = c.stack.isEmpty() ? -1 : byName.value(c.stack, -1);
        (i < 0 ? loose : want[i]).containers.append(c);
    }
    if (!loose.containers.isEmpty()) {
        wantIndex.insert(loose.key, static_cast<int>(want.size()));
        want.append(loose);
    }

    // Top-level rows that are gone (their children go with them), from the bottom so rows stay valid.
    for (int r = static_cast<int>(m_nodes.size()) - 1; r >= 0; --r) {
        if (!wantIndex.contains(m_nodes[static_cast<size_t>(r)]->key)) {
            beginRemoveRows({}, r, r);
            m_nodes.erase(m_nodes.begin() + r);
            endRemoveRows();
        }
    }

    // The rows that stay: their children removed / updated / appended, then the row itself.
    QSet<QString> present;
    for (int r = 0; r < static_cast<int>(m_nodes.size()); ++r) {
        Node& n = *m_nodes[static_cast<size_t>(r)];
        present.insert(n.key);
        const Node& w = want.at(wantIndex.value(n.key));
        const QModelIndex parent = index(r, 0);
        const int runningBefore = n.running();
        const auto totalBefore = n.containers.size();

        QHash<QString, int> wanted;
        for (int i = 0; i < w.containers.size(); ++i)
            wanted.insert(ActionRunner::containerKey(w.containers.at(i)), i);
        for (int i = static_cast<int>(n.containers.size()) - 1; i >= 0; --i) {
            if (!wanted.contains(ActionRunner::containerKey(n.containers.at(i)))) {
                beginRemoveRows(parent, i, i);
                n.containers.removeAt(i);
                endRemoveRows();
            }
        }
        QSet<QString> kept;
        for (int i = 0; i < n.containers.size(); ++i) {
            const QString key = ActionRunner::containerKey(n.containers.at(i));
            kept.insert(key);
            const portainer::Container& in = w.containers.at(wanted.value(key));
            if (!sameContainer(n.containers.at(i), in)) {
                n.containers[i] = in;
                emitRowChanged(index(i, 0, parent));
            }
        }
        QList<portainer::Container> added;
        for (const portainer::Container& c : w.containers) {
            if (!kept.contains(ActionRunner::containerKey(c)))
                added.append(c);
        }
        if (!added.isEmpty()) {
            const int first = static_cast<int>(n.containers.size());
            beginInsertRows(parent, first, first + static_cast<int>(added.size()) - 1);
            n.containers.append(added);
            endInsertRows();
        }

        const bool stackChanged = !n.isGroup() && !sameStack(n.stack, w.stack);
        if (stackChanged)
            n.stack = w.stack;
        if (stackChanged || runningBefore != n.running() || totalBefore != n.containers.size())
            emitRowChanged(parent);
    }

    // New top-level rows, each with its children; stacks go before the synthetic group, which stays last.
    for (const Node& w : want) {
        if (present.contains(w.key))
            continue;
        auto row = static_cast<int>(m_nodes.size());
        if (!w.isGroup() && !m_nodes.empty() && m_nodes.back()->isGroup())
            --row;
        beginInsertRows({}, row, row);
        m_nodes.insert(m_nodes.begin() + row, std::make_unique<Node>(w));
        endInsertRows();
    }

    // Short ids as long as they must be to tell the containers apart (Docker's 12 characters can collide).
    const int idChars = shortIdLength(containers);
    if (idChars != m_idChars) {
        m_idChars = idChars;
        for (int r = 0; r < static_cast<int>(m_nodes.size()); ++r) {
            const auto n = static_cast<int>(m_nodes[static_cast<size_t>(r)]->containers.size());
            if (n > 0)
                emit dataChanged(index(0, Id, index(r, 0)), index(n - 1, Id, index(r, 0)));
        }
    }
}

int StackTreeModel::shortIdLength(const QList<portainer::Container>& containers)
{
    for (int len = 12; len < 64; ++len) {
        QSet<QString> prefixes;
        bool unique = true;
        for (const portainer::Container& c : containers) {
            const QString p = c.id.left(len);
            if (prefixes.contains(p) && c.id.size() > len) {
                unique = false;
                break;
            }
            prefixes.insert(p);
        }
        if (unique)
            return len;
    }
    return 64;
}

void StackTreeModel::setProgress(const QString& key, const QString& text)
{
    if (text.isEmpty())
        m_progress.remove(key);
    else
        m_progress.insert(key, text);
    const QModelIndex idx = indexOfKey(key);
    if (idx.isValid())
        emitRowChanged(idx);
}

void StackTreeModel::emitRowChanged(const QModelIndex& first)
{
    emit dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
}

const StackTreeModel::Node* StackTreeModel::nodeOf(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalPointer() != nullptr)
        return nullptr;
    return index.row() < static_cast<int>(m_nodes.size()) ? m_nodes[static_cast<size_t>(index.row())].get() : nullptr;
}

int StackTreeModel::rowOfNode(const Node* node) const
{
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].get() == node)
            return static_cast<int>(i);
    }
    return -1;
}

const portainer::Stack* StackTreeModel::stackAt(const QModelIndex& index) const
{
    const Node* n = nodeOf(index);
    return n && !n->isGroup() ? &n->stack : nullptr;
}

const portainer::Container* StackTreeModel::containerAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.internalPointer() == nullptr)
        return nullptr;
    const auto* n = static_cast<const Node*>(index.internalPointer());
    return index.row() < n->containers.size() ? &n->containers.at(index.row()) : nullptr;
}

QModelIndex StackTreeModel::indexOfKey(const QString& key) const
{
    for (size_t r = 0; r < m_nodes.size(); ++r) {
        const Node& n = *m_nodes[r];
        if (n.key == key)
            return index(static_cast<int>(r), 0);
        for (int i = 0; i < n.containers.size(); ++i) {
            if (ActionRunner::containerKey(n.containers.at(i)) == key)
                return createIndex(i, 0, const_cast<Node*>(&n));
        }
    }
    return {};
}

QModelIndex StackTreeModel::indexOfStackName(const QString& name) const
{
    for (size_t r = 0; r < m_nodes.size(); ++r) {
        if (!m_nodes[r]->isGroup() && m_nodes[r]->stack.name == name)
            return index(static_cast<int>(r), 0);
    }
    return {};
}

QModelIndex StackTreeModel::indexOfContainerName(const QString& name) const
{
    for (const auto& n : m_nodes) {
        for (int i = 0; i < n->containers.size(); ++i) {
            if (n->containers.at(i).name == name)
                return createIndex(i, 0, n.get());
        }
    }
    return {};
}

QModelIndex StackTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < static_cast<int>(m_nodes.size()) ? createIndex(row, column) : QModelIndex();
    const Node* n = nodeOf(parent);
    if (!n || parent.column() != 0 || row >= n->containers.size())
        return {};
    return createIndex(row, column, const_cast<Node*>(n));
}

QModelIndex StackTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalPointer() == nullptr)
        return {};
    const int row = rowOfNode(static_cast<const Node*>(child.internalPointer()));
    return row < 0 ? QModelIndex() : createIndex(row, 0);
}

int StackTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_nodes.size());
    const Node* n = nodeOf(parent);
    return n && parent.column() == 0 ? static_cast<int>(n->containers.size()) : 0;
}

int StackTreeModel::columnCount(const QModelIndex& /*parent*/) const
{
    return ColumnCount;
}

QVariant StackTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (const Node* n = nodeOf(index))
        return nodeData(*n, index.column(), role);
    if (const portainer::Container* c = containerAt(index))
        return containerData(*static_cast<const Node*>(index.internalPointer()), *c, index.column(), role);
    return {};
}

QVariant StackTreeModel::nodeData(const Node& n, int column, int role) const
{
    const bool group = n.isGroup();
    switch (role) {
    case KeyRole:
        return n.key;
    case KindRole:
        return static_cast<int>(group ? Kind::Group : Kind::Stack);
    case FilterRole:
        return group ? tr("Not in a stack") : n.stack.name + QLatin1Char(' ') + stackStateText(n.stack);
    case Qt::FontRole:
        if (column == Name) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        return group ? tr("Containers that belong to no Portainer stack of this host") : QVariant();
    case RawRole:
        switch (column) {
        case Name:
            return group ? tr("Not in a stack").toLower() : n.stack.name.toLower();
        case State:
            return group ? 0 : n.stack.status;
        case Running:
            return n.running();
        case Id:
            return group ? 0 : n.stack.id;
        default:
            return QString();
        }
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return group ? tr("Not in a stack") : n.stack.name;
        case State: {
            if (group)
                return QString();
            const QString p = m_progress.value(n.key);
            return p.isEmpty() ? stackStateText(n.stack) : p;
        }
        case Running:
            return tr("%1/%2 running").arg(n.running()).arg(n.containers.size());
        case Id:
            return group ? QVariant() : QVariant(n.stack.id);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant StackTreeModel::containerData(const Node& parent, const portainer::Container& c, int column, int role) const
{
    switch (role) {
    case KeyRole:
        return ActionRunner::containerKey(c);
    case KindRole:
        return static_cast<int>(Kind::Container);
    case FilterRole:
        return QStringList{c.name, c.state, c.image}.join(QLatin1Char(' '));
    case Qt::ToolTipRole:
        // A compose project that Portainer does not manage lands in the synthetic group: say which one it is.
        if (parent.isGroup() && !c.stack.isEmpty())
            return tr("Compose project %1 (not a Portainer stack of this host)").arg(c.stack);
        return {};
    case RawRole:
        switch (column) {
        case Name:
            return c.name.toLower();
        case State:
            return c.state;
        case Running:
            return c.running() ? 1 : 0;
        case Health:
            return c.health;
        case Image:
            return c.image;
        case Status:
            return c.status;
        case Id:
            return c.id;
        default:
            return {};
        }
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return c.name;
        case State: {
            const QString p = m_progress.value(ActionRunner::containerKey(c));
            return p.isEmpty() ? c.state : p;
        }
        case Health:
            return c.health.isEmpty() ? QStringLiteral("–") : c.health;
        case Image:
            return c.image;
        case Status:
            return c.status;
        case Id:
            return c.id.left(m_idChars);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant StackTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Stack / container");
    case State:
        return tr("State");
    case Running:
        return tr("Containers");
    case Health:
        return tr("Health");
    case Image:
        return tr("Image");
    case Status:
        return tr("Status");
    case Id:
        return tr("ID");
    default:
        return {};
    }
}

} // namespace hlc
