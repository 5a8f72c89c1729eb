#pragma once

#include "portainer/PortainerTypes.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QModelIndex;
class QTreeView;

namespace hlc {

class ActionRunner;
class GuestInventory;
class StackTreeModel;
struct ActionOutcome;
struct ActionTarget;

/// The Portainer stacks of one host as a tree with their containers (plus a "Not in a stack" group), with
/// start/stop (stack rows) and start/stop/restart/logs (container rows). Every stack is expanded unless the user
/// collapsed it; selection, expansion and scroll position survive each refresh.
class StacksView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StacksView)
public:
    StacksView(GuestInventory* inventory, ActionRunner* actions, QWidget* parent = nullptr);

    [[nodiscard]] StackTreeModel* treeModel() const { return m_model; }
    [[nodiscard]] QTreeView* tree() const { return m_tree; }
    bool selectStack(const QString& name);
    bool selectContainer(const QString& name);
    void triggerStack(bool start);
    void triggerContainer(portainer::ContainerAction action);
    void showLogs();

private:
    void updateFromInventory();
    void updateButtons();
    /// An action on a target this view shows (this host, the right kind) finished.
    void onFinished(const ActionTarget& target, const ActionOutcome& outcome);
    [[nodiscard]] bool isMine(const ActionTarget& target) const;
    [[nodiscard]] const portainer::Stack* selectedStack() const;
    [[nodiscard]] const portainer::Container* selectedContainer() const;
    [[nodiscard]] QModelIndex selectedSourceRow() const;
    bool selectSourceRow(const QModelIndex& sourceIndex);
    void expandNewTopLevelRows(int first, int last);
    void showContextMenu(const QPoint& pos);

    QPointer<GuestInventory> m_inventory;
    QPointer<ActionRunner> m_actions;
    StackTreeModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTreeView* m_tree = nullptr;
    QLineEdit* m_filter;
    QLabel* m_banner;
    QLabel* m_result;
    QLabel* m_counts;
    QPushButton* m_startStack;
    QPushButton* m_stopStack;
    QPushButton* m_startContainer;
    QPushButton* m_stopContainer;
    QPushButton* m_restartContainer;
    QPushButton* m_logs;
    QSet<QString> m_collapsed; ///< keys of the top-level rows the user collapsed; all others are kept expanded
    bool m_columnsSized = false;
};

} // namespace hlc
