#pragma once

#include "core/Config.h"
#include "metrics/AutomationSwitch.h"

#include <QList>
#include <QObject>

namespace hlc {

class ActionJournal;
class AdGuardMonitor;
class HealthProber;
class HomeAssistantLink;
class ServiceDirectory;
struct ApiError;

/**
 * @brief The homelab's home-network services: one AdGuardMonitor per AdGuard
 * Home, one HomeAssistantLink per Home Assistant, and the HealthProber of every
 * service. Owned by Homelab, which hands it the secrets it reads. Turns automations off and on for maintenance
 * windows (AutomationSwitch) through the Home Assistant that has them.
 */
class HomeServices final : public QObject, public AutomationSwitch
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HomeServices)
public:
    /// The AdGuard and Home Assistant services of @p services' config; their clients come from @p services, which
    /// also says when a secret arrives (an AdGuard with auth starts polling then) or cannot be read.
    HomeServices(ServiceDirectory* services, ActionJournal* journal, QObject* parent = nullptr);
    ~HomeServices() override;

    [[nodiscard]] const QList<AdGuardMonitor*>& adGuards() const { return m_adguards; }
    [[nodiscard]] const QList<HomeAssistantLink*>& homeAssistants() const { return m_homeAssistants; }
    /// The Home Assistant of @p hostId, or nullptr.
    [[nodiscard]] HomeAssistantLink* homeAssistant(const QString& hostId) const;
    [[nodiscard]] HealthProber* health() const { return m_health; }
    /// The service clients and their API state (ServiceDirectory::apiFailure()).
    [[nodiscard]] ServiceDirectory* directory() const { return m_services; }

    /// The secret of a service could not be read.
    [[nodiscard]] QList<AutomationInfo> automations() const override;
    [[nodiscard]] QString automationState(const QString& entityId) const override;
    void setAutomationEnabled(const QString& entityId, bool on, Done done) override;

    void setSourceError(const QString& hostId, const QString& serviceId, const ApiError& error);
    void start(int refreshIntervalMs);
    void stop();
    void refresh();

private:
    ServiceDirectory* m_services;
    QList<AdGuardMonitor*> m_adguards;
    QList<HomeAssistantLink*> m_homeAssistants;
    HealthProber* m_health;
    int m_intervalMs = 5000;
    bool m_started = false;
};

} // namespace hlc
