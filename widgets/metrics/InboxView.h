#pragma once

#include <QWidget>

class QComboBox;
class QDialog;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hlc {

class AlertInbox;
class InboxModel;
struct InboxItem;

/**
 * @brief The "Inbox" tab: everything that needs the operator (alerts, unhealthy or restarting containers, services
 * that do not answer, failed agent runs) in one list, with Acknowledge (until it clears, at most for the time
 * chosen), Snooze… (1 h / 4 h / until tomorrow 08:00 with a reason), Unsnooze, Suppress… (with a reason, for a day to a
 * month), Unsuppress and Open; Maintenance… starts a maintenance window and End maintenance ends the selected one.
 */
class InboxView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InboxView)
public:
    explicit InboxView(AlertInbox* inbox, QWidget* parent = nullptr);

    [[nodiscard]] InboxModel* model() const { return m_model; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    /// Selects the item @p key; false when it is not listed.
    bool selectItem(const QString& key);
    /// The key of the selected item (empty: none).
    [[nodiscard]] QString selectedKey() const;

signals:
    /// "Open": show @p key's item where it lives (the window decides: alert list, host's stacks, ...).
    void openRequested(const QString& key);
    /// "Edit weekly windows…" in the maintenance dialog: open the settings at the Maintenance page.
    void editMaintenanceScheduleRequested();

public:
    /// Opens the maintenance dialog with @p hostId chosen (empty: the whole homelab); returns it (deletes itself).
    QDialog* openMaintenanceDialog(const QString& hostId);

private:
    void updateState();
    void acknowledgeSelected();
    void snoozeSelected();
    void suppressSelected();

    AlertInbox* m_inbox;
    InboxModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLabel* m_counts;
    QLabel* m_empty;
    QLabel* m_result;
    QComboBox* m_ackMax;
    QPushButton* m_ack;
    QPushButton* m_snooze;
    QPushButton* m_unsnooze;
    QPushButton* m_open;
    QPushButton* m_suppress;
    QPushButton* m_unsuppress;
    QPushButton* m_maintenance;
    QPushButton* m_endMaintenance;
};

} // namespace hlc
