#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace hlc {

class MaintenanceManager;

/**
 * @brief "Maintenance…" from the Inbox tab: start maintenance of one host (or the whole homelab) now for some
 * minutes, with a reason, and the Home Assistant automations to turn off until it ends. Shows the scheduled weekly
 * windows (edited in Settings → Maintenance).
 */
class MaintenanceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaintenanceDialog)
public:
    /// @param hostId the host chosen first (empty: the whole homelab)
    MaintenanceDialog(MaintenanceManager* maintenance, const QString& hostId, QWidget* parent = nullptr);

    [[nodiscard]] QString hostId() const;
    [[nodiscard]] int minutes() const;
    [[nodiscard]] QString reason() const;
    /// The automations checked (entity ids), turned off for the window.
    [[nodiscard]] QStringList automations() const;

signals:
    /// "Edit scheduled windows…": the window opens the settings at the Maintenance page.
    void editScheduleRequested();

private:
    QComboBox* m_host;
    QSpinBox* m_minutes;
    QLineEdit* m_reason;
    QListWidget* m_automations;
};

} // namespace hlc
