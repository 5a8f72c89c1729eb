#pragma once

#include "core/Config.h"

#include <QList>
#include <QObject>

class QNetworkAccessManager;

namespace hlc {

class ActionJournal;
class AdGuardMonitor;
class HealthProber;
class HomeAssistantLink;
struct ApiError;

/**
 * @brief The homelab's home-network services: one AdGuardMonitor per AdGuard
 * Home, one HomeAssistantLink per Home Assistant, and the HealthProber of every
 * service. Owned by Homelab, which hands it the secrets it reads.
 */
class HomeServices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HomeServices)
public:
    HomeServices(const Config& config, QNetworkAccessManager* nam, ActionJournal* journal, QObject* parent = nullptr);
    ~HomeServices() override;

    [[nodiscard]] const QList<AdGuardMonitor*>& adGuards() const { return m_adguards; }
    [[nodiscard]] const QList<HomeAssistantLink*>& homeAssistants() const { return m_homeAssistants; }
    /// The Home Assistant of @p hostId, or nullptr.
    [[nodiscard]] HomeAssistantLink* homeAssistant(const QString& hostId) const;
    [[nodiscard]] HealthProber* health() const { return m_health; }

    /// Secret of a service, as read from the keychain or typed in; ignored for
    /// services that are not ours.
    void setSecret(const QString& hostId, const QString& serviceId, const QString& secret);
    /// The secret of a service could not be read.
    void setSourceError(const QString& hostId, const QString& serviceId, const ApiError& error);
    void start(int refreshIntervalMs);
    void stop();
    void refresh();

private:
    QList<AdGuardMonitor*> m_adguards;
    QList<HomeAssistantLink*> m_homeAssistants;
    HealthProber* m_health;
    int m_intervalMs = 5000;
    bool m_started = false;
};

} // namespace hlc
