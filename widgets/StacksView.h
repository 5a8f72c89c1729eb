#pragma once

#include "portainer/PortainerTypes.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hlc {

class ActionRunner;
class ContainerTableModel;
class GuestInventory;
class StackTableModel;
struct ActionOutcome;

/// The Portainer stacks of one host and their containers, with start/stop (stacks) and start/stop/restart/logs
/// (containers). Selecting a stack shows its containers; with none selected every container is shown.
class StacksView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StacksView)
public:
    StacksView(GuestInventory* inventory, ActionRunner* actions, QWidget* parent = nullptr);

    [[nodiscard]] StackTableModel* stackModel() const { return m_stacks; }
    [[nodiscard]] ContainerTableModel* containerModel() const { return m_containers; }
    bool selectStack(const QString& name);
    bool selectContainer(const QString& name);
    void triggerStack(bool start);
    void triggerContainer(portainer::ContainerAction action);
    void showLogs();

private:
    void updateFromInventory();
    void updateButtons();
    void onFinished(const QString& hostId, const QString& key, const ActionOutcome& outcome);
    [[nodiscard]] const portainer::Stack* selectedStack() const;
    [[nodiscard]] const portainer::Container* selectedContainer() const;

    QPointer<GuestInventory> m_inventory;
    QPointer<ActionRunner> m_actions;
    StackTableModel* m_stacks;
    ContainerTableModel* m_containers;
    QSortFilterProxyModel* m_stackProxy;
    QSortFilterProxyModel* m_containerProxy;
    QTableView* m_stackTable;
    QTableView* m_containerTable;
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
    bool m_columnsSized = false;
};

} // namespace hlc
