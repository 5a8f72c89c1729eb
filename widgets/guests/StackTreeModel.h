#pragma once

#include "portainer/PortainerTypes.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>
#include <vector>

namespace hlc {

/**
 * @brief The Portainer stacks of one host as a tree: one top-level row per stack with its containers as children,
 * plus a synthetic "Not in a stack" group for the containers that belong to no stack of the host.
 *
 * Fed by polling: setStacks() merges by stable id (stack id, container id) with remove / insert / dataChanged under
 * the right parent, never a reset, so selection, expansion and scroll position survive a refresh. A container that
 * moves to another stack is removed under the old parent and inserted under the new one.
 */
class StackTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StackTreeModel)
public:
    enum Column
    {
        Name,
        State,
        Running,
        Health,
        Image,
        Status,
        Id,
        ColumnCount
    };
    /// What a row stands for (KindRole).
    enum class Kind
    {
        Stack,
        Group,
        Container
    };
    static constexpr int RawRole = Qt::UserRole;        ///< the raw value for sorting
    static constexpr int KeyRole = Qt::UserRole + 1;    ///< "stack/<id>", "container/<id>" or groupKey()
    static constexpr int KindRole = Qt::UserRole + 2;   ///< Kind as int
    static constexpr int FilterRole = Qt::UserRole + 3; ///< column Name: name, state and image, for the filter

    explicit StackTreeModel(QObject* parent = nullptr);
    ~StackTreeModel() override;

    /// The key of the synthetic "Not in a stack" group.
    [[nodiscard]] static QString groupKey();

    /// Merges the host's stacks and containers; a container belongs to the stack whose name is its compose project.
    void setStacks(const QList<portainer::Stack>& stacks, const QList<portainer::Container>& containers);
    /// Per-row progress text shown in the State column instead of the state (empty text: back to the state).
    void setProgress(const QString& key, const QString& text);

    /// The stack of a top-level row, or nullptr (a container, the synthetic group, an invalid index).
    [[nodiscard]] const portainer::Stack* stackAt(const QModelIndex& index) const;
    /// The container of a child row, or nullptr.
    [[nodiscard]] const portainer::Container* containerAt(const QModelIndex& index) const;
    /// The index (column 0) of the row with @p key, or an invalid index.
    [[nodiscard]] QModelIndex indexOfKey(const QString& key) const;
    /// The top-level row of the stack named @p name, or an invalid index.
    [[nodiscard]] QModelIndex indexOfStackName(const QString& name) const;
    /// The first container row named @p name, or an invalid index.
    [[nodiscard]] QModelIndex indexOfContainerName(const QString& name) const;

    /// The shortest id prefix (at least Docker's 12 characters) that tells every one of @p containers apart.
    [[nodiscard]] static int shortIdLength(const QList<portainer::Container>& containers);

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex& child) const override;
    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Node
    {
        QString key;            ///< "stack/<id>" or groupKey()
        portainer::Stack stack; ///< unused for the synthetic group
        QList<portainer::Container> containers;
        [[nodiscard]] bool isGroup() const;
        [[nodiscard]] int running() const;
    };

    [[nodiscard]] const Node* nodeOf(const QModelIndex& index) const;
    [[nodiscard]] int rowOfNode(const Node* node) const;
    [[nodiscard]] QVariant nodeData(const Node& n, int column, int role) const;
    [[nodiscard]] QVariant containerData(const Node& parent, const portainer::Container& c, int column, int role) const;
    void emitRowChanged(const QModelIndex& first);

    std::vector<std::unique_ptr<Node>> m_nodes; ///< top-level rows; children point at their Node (stable address)
    QHash<QString, QString> m_progress;
    int m_idChars = 12; ///< length of the short ids shown (longer where 12 characters collide)
};

} // namespace hlc
