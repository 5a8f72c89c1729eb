#pragma once

#include "metrics/AutomationSwitch.h"
#include "settings/SettingsPage.h"

class QPushButton;
class QTableWidget;

namespace hlc {

/// Weekly maintenance windows (per host or the whole homelab): day, from, to, reason, and the Home Assistant
/// automations turned off meanwhile. Kept in the config's "maintenance" object; matchers written there by hand are
/// kept for windows that stay.
class MaintenanceSettingsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaintenanceSettingsPage)
public:
    explicit MaintenanceSettingsPage(Config* config, QWidget* parent = nullptr);

    void reload() override;
    QString commit(QHash<QString, QString>* secrets) override;
    /// Adds a row (Sunday 03:00-04:00 for the whole homelab), as "Add window" does.
    void addWindow();
    [[nodiscard]] QTableWidget* table() const { return m_table; }
    /// The automations offered in each row's "Automations" menu (the window passes what Home Assistant has).
    void setKnownAutomations(const QList<AutomationInfo>& automations);
    /// The automations chosen in @p row (entity ids).
    [[nodiscard]] QStringList automationsOf(int row) const;

private:
    enum Column
    {
        Host,
        Day,
        From,
        To,
        Reason,
        Automations,
        ColumnCount
    };
    void addRow(const QString& id, const QString& hostId, int weekday, const QTime& from, const QTime& to,
                const QString& reason, const QStringList& automations);
    void fillAutomationMenu(int row, const QStringList& chosen);

    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_remove;
    QList<AutomationInfo> m_knownAutomations;
};

} // namespace hlc
