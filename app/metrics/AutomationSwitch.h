#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace hlc {

/// A Home Assistant automation as a maintenance window lists it.
struct AutomationInfo
{
    QString entityId; ///< "automation.frigate_person_alert"
    QString name;     ///< its friendly name
    QString hostId;   ///< the host whose Home Assistant has it
    QString hostName;
    QString state; ///< "on", "off", or "unavailable"/"unknown" as Home Assistant says
};

/**
 * @brief Turns Home Assistant automations off for a maintenance window and back on after it (MaintenanceManager).
 * HomeServices is the app's; tests may bring their own.
 */
class AutomationSwitch
{
public:
    using Done = std::function<void(bool ok, const QString& message)>;

    AutomationSwitch() = default;
    virtual ~AutomationSwitch() = default;
    AutomationSwitch(const AutomationSwitch&) = delete;
    AutomationSwitch& operator=(const AutomationSwitch&) = delete;
    AutomationSwitch(AutomationSwitch&&) = delete;
    AutomationSwitch& operator=(AutomationSwitch&&) = delete;

    /// Every automation known now (from the Home Assistants that answered).
    [[nodiscard]] virtual QList<AutomationInfo> automations() const = 0;
    /// The automation's state, "on" or "off"; empty while no reachable Home Assistant knows it (then ask again later).
    [[nodiscard]] virtual QString automationState(const QString& entityId) const = 0;
    /// Turns it on or off; @p done once Home Assistant's state shows it (ok), or with why not (audited by the link).
    virtual void setAutomationEnabled(const QString& entityId, bool on, Done done) = 0;
};

} // namespace hlc
