#pragma once

#include "proxmox/ProxmoxTypes.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hlc {

class ActionRunner;
class GuestInventory;
class GuestTableModel;
class ProxmoxHistory;
class ProxmoxHistoryChart;
struct ActionOutcome;
struct ActionTarget;

/// The Proxmox guests of one host: a sortable, filterable table with power actions (buttons and context menu).
class GuestsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestsView)
public:
    GuestsView(GuestInventory* inventory, ActionRunner* actions, QWidget* parent = nullptr);

    [[nodiscard]] GuestTableModel* model() const { return m_model; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    /// The node's and the selected guest's history (PVE rrddata).
    [[nodiscard]] ProxmoxHistoryChart* historyChart() const { return m_chart; }
    /// Selects the guest with key "qemu/100"; false when it is not shown.
    bool selectGuest(const QString& key);
    /// Runs @p action on the selected guest, asking first where the action is disruptive, or always with
    /// @p alwaysAsk (an action requested from outside the window, e.g. a notification's "Start guest").
    void trigger(pve::GuestAction action, bool alwaysAsk = false);

private:
    void updateFromInventory();
    /// The cluster line: name, quorum, nodes online, and a warning when PVE contradicts the config.
    void updateClusterLine();
    void updateButtons();
    /// An action on a target this view shows (this host, the right kind) finished.
    void onFinished(const ActionTarget& target, const ActionOutcome& outcome);
    [[nodiscard]] bool isMine(const ActionTarget& target) const;
    [[nodiscard]] const pve::Resource* selectedGuest() const;
    /// An LXC container this app suspended: PVE still says "running", so Resume applies.
    [[nodiscard]] bool isFrozen(const pve::Resource& g) const;

    QLabel* m_cluster = nullptr;
    QPointer<GuestInventory> m_inventory;
    QPointer<ActionRunner> m_actions;
    GuestTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLineEdit* m_filter;
    QLabel* m_banner;
    QLabel* m_result;
    QLabel* m_counts;
    QList<QPair<pve::GuestAction, QPushButton*>> m_buttons;
    bool m_columnsSized = false;
    ProxmoxHistory* m_history;
    ProxmoxHistoryChart* m_chart;
    bool m_historyLoaded = false;
};

} // namespace hlc
