#include "home/HomeServices.h"

#include "home/AdGuardMonitor.h"
#include "home/HealthProber.h"
#include "home/HomeAssistantLink.h"

namespace hlc {

HomeServices::HomeServices(const Config& config, QNetworkAccessManager* nam, ActionJournal* journal, QObject* parent)
    : QObject(parent)
    , m_health(new HealthProber(config, nam, this))
{
    for (const HostConfig& h : config.hosts) {
        for (const ServiceConfig& s : h.services) {
            if (s.kind == ServiceKind::AdGuard)
                m_adguards << new AdGuardMonitor(h, s, nam, journal, this);
            else if (s.kind == ServiceKind::HomeAssistant)
                m_homeAssistants << new HomeAssistantLink(h, s, nam, journal, this);
        }
    }
}

HomeServices::~HomeServices() = default;

HomeAssistantLink* HomeServices::homeAssistant(const QString& hostId) const
{
    for (HomeAssistantLink* l : m_homeAssistants) {
        if (l->hostId() == hostId)
            return l;
    }
    return nullptr;
}

void HomeServices::setSecret(const QString& hostId, const QString& serviceId, const QString& secret)
{
    for (AdGuardMonitor* m : m_adguards) {
        if (m->hostId() == hostId && m->service().id == serviceId) {
            m->setSecret(secret);
            if (m_started)
                m->start(m_intervalMs);
        }
    }
    for (HomeAssistantLink* l : m_homeAssistants) {
        if (l->hostId() == hostId && l->service().id == serviceId)
            l->setSecret(secret);
    }
}

void HomeServices::setSourceError(const QString& hostId, const QString& serviceId, const ApiError& error)
{
    for (AdGuardMonitor* m : m_adguards) {
        if (m->hostId() == hostId && m->service().id == serviceId)
            m->setSourceError(error);
    }
    for (HomeAssistantLink* l : m_homeAssistants) {
        if (l->hostId() == hostId && l->service().id == serviceId)
            l->setSourceError(error);
    }
}

void HomeServices::start(int refreshIntervalMs)
{
    m_started = true;
    m_intervalMs = refreshIntervalMs;
    for (AdGuardMonitor* m : m_adguards) {
        // Without a secret the first poll would only earn a 401: wait for
        // setSecret() unless none is needed.
        if (m->service().auth == AuthScheme::None)
            m->start(refreshIntervalMs);
    }
    for (HomeAssistantLink* l : m_homeAssistants)
        l->start(refreshIntervalMs);
    m_health->start();
}

void HomeServices::stop()
{
    m_started = false;
    for (AdGuardMonitor* m : m_adguards)
        m->stop();
    for (HomeAssistantLink* l : m_homeAssistants)
        l->stop();
    m_health->stop();
}

void HomeServices::refresh()
{
    for (AdGuardMonitor* m : m_adguards)
        m->refresh();
    for (HomeAssistantLink* l : m_homeAssistants)
        l->refresh();
    m_health->probeAll();
}

} // namespace hlc
