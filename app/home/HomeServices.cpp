#include "home/HomeServices.h"

#include "core/ServiceDirectory.h"
#include "home/AdGuardMonitor.h"
#include "home/HealthProber.h"
#include "home/HomeAssistantLink.h"

#include <algorithm>
#include <tuple>

namespace hlc {

HomeServices::HomeServices(ServiceDirectory* services, ActionJournal* journal, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_health(new HealthProber(services->config(), services->networkManager(), this))
{
    for (const HostConfig& h : services->config().hosts) {
        for (const ServiceConfig& s : h.services) {
            if (s.kind == ServiceKind::AdGuard)
                m_adguards << new AdGuardMonitor(h, s, services, journal, this);
            else if (s.kind == ServiceKind::HomeAssistant)
                m_homeAssistants << new HomeAssistantLink(h, s, services, journal, this);
        }
    }
    connect(services, &ServiceDirectory::secretApplied, this, [this](const QString& hostId, const QString& serviceId) {
        for (AdGuardMonitor* m : std::as_const(m_adguards)) {
            if (m_started && m->hostId() == hostId && m->service().id == serviceId)
                m->start(m_intervalMs);
        }
    });
    connect(services, &ServiceDirectory::secretUnavailable, this, &HomeServices::setSourceError);
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
        // Without a secret the first poll would only earn a 401: wait for the directory's secretApplied() unless
        // none is needed or it is there already.
        if (m->service().auth == AuthScheme::None ||
            m_services->secretState(m->hostId(), m->service().id) == ServiceDirectory::SecretState::Applied)
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

QList<AutomationInfo> HomeServices::automations() const
{
    QList<AutomationInfo> out;
    for (HomeAssistantLink* link : m_homeAssistants) {
        for (const QString& id : link->entityIds()) {
            if (!id.startsWith(QLatin1String("automation.")))
                continue;
            const ha::EntityState* e = link->entity(id);
            out.append({id, e ? e->friendlyName() : id, link->hostId(), link->hostName(), e ? e->state : QString()});
        }
    }
    std::sort(out.begin(), out.end(), [](const AutomationInfo& a, const AutomationInfo& b) {
        return std::tie(a.hostName, a.name, a.entityId) < std::tie(b.hostName, b.name, b.entityId);
    });
    return out;
}

QString HomeServices::automationState(const QString& entityId) const
{
    for (HomeAssistantLink* link : m_homeAssistants) {
        const bool reachable =
            link->mode() == HomeAssistantLink::Mode::Live || link->mode() == HomeAssistantLink::Mode::RestFallback;
        if (!reachable || link->sourceStatus().isStale())
            continue;
        if (const ha::EntityState* e = link->entity(entityId))
            return e->state;
    }
    return {};
}

void HomeServices::setAutomationEnabled(const QString& entityId, bool on, Done done)
{
    for (HomeAssistantLink* link : m_homeAssistants) {
        if (link->entity(entityId)) {
            link->setAutomationEnabled(entityId, on, std::move(done));
            return;
        }
    }
    if (done)
        done(false, tr("No Home Assistant of this homelab has the automation %1.").arg(entityId));
}

} // namespace hlc
