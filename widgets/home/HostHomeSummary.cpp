#include "home/HostHomeSummary.h"

#include "core/IdleCost.h"
#include "core/ServiceDirectory.h"
#include "core/ServiceText.h"
#include "core/StatusColors.h"
#include "home/HealthProber.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeServices.h"

#include <QLabel>
#include <QVBoxLayout>

namespace hlc {

HostHomeSummary::HostHomeSummary(HomeServices* services, QString hostId, QWidget* parent)
    : QWidget(parent)
    , m_services(services)
    , m_hostId(std::move(hostId))
    , m_down(new QLabel)
    , m_api(new QLabel)
    , m_favourites(new QLabel)
{
    setObjectName(QStringLiteral("hostHomeSummary_%1").arg(m_hostId));
    m_down->setObjectName(QStringLiteral("servicesDownLabel"));
    m_down->setWordWrap(true);
    m_api->setObjectName(QStringLiteral("apiFailuresLabel"));
    m_api->setWordWrap(true);
    m_api->setTextFormat(Qt::PlainText);
    m_api->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Critical));
    m_api->hide();
    m_favourites->setObjectName(QStringLiteral("haFavourites"));
    m_favourites->setWordWrap(true);
    m_favourites->setTextFormat(Qt::PlainText);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addWidget(m_down);
    v->addWidget(m_api);
    v->addWidget(m_favourites);
    if (!m_services)
        return;
    connect(m_services->health(), &HealthProber::hostUpdated, this, [this](const QString& id) {
        if (id == m_hostId)
            updateHealth();
    });
    if (ServiceDirectory* d = m_services->directory()) {
        connect(d, &ServiceDirectory::apiStateChanged, this, [this](const QString& id, const QString&) {
            if (id == m_hostId)
                updateHealth();
        });
    }
    if (HomeAssistantLink* l = m_services->homeAssistant(m_hostId)) {
        connect(l, &HomeAssistantLink::favouritesChanged, this, &HostHomeSummary::updateFavourites);
        connect(l, &HomeAssistantLink::entitiesChanged, this,
                [this](const QStringList& upserted, const QStringList& removed) {
                    HomeAssistantLink* link = m_services ? m_services->homeAssistant(m_hostId) : nullptr;
                    if (!link)
                        return;
                    for (const QString& f : link->favourites()) {
                        if (upserted.contains(f) || removed.contains(f)) {
                            updateFavourites();
                            return;
                        }
                    }
                });
    }
    updateHealth();
    updateFavourites();
}

QStringList HostHomeSummary::apiFailures(const ServiceDirectory* services, const QString& hostId)
{
    QStringList lines;
    const HostConfig* host = services ? services->config().host(hostId) : nullptr;
    if (!host)
        return lines;
    for (const ServiceConfig& s : host->services) {
        if (const std::optional<ApiError> f = services->apiFailure(hostId, s.id))
            lines << tr("%1 API: %2").arg(serviceKindTitle(s.kind), f->message);
    }
    return lines;
}

void HostHomeSummary::updateHealth()
{
    // A service's health is its probe AND its API client's state: a Portainer answering 403 or unreadable JSON, or a
    // Home Assistant refusing the token, answers the probe but does not work.
    const QStringList api = apiFailures(m_services ? m_services->directory() : nullptr, m_hostId);
    m_api->setText(api.join(QLatin1Char('\n')));
    m_api->setVisible(!api.isEmpty());
    HealthProber* p = m_services ? m_services->health() : nullptr;
    const int total = p ? static_cast<int>(p->results(m_hostId).size()) : 0;
    if (total == 0) {
        m_down->hide();
        return;
    }
    QStringList names;
    bool checked = false;
    for (const ProbeResult& r : p->results(m_hostId)) {
        checked = checked || r.state != ProbeResult::State::Unknown;
        if (r.state == ProbeResult::State::Down)
            names << r.probe.name;
    }
    m_down->show();
    if (!checked)
        m_down->setText(tr("Services: checking…"));
    else if (names.isEmpty() && api.isEmpty())
        m_down->setText(tr("Services: all %n answering", nullptr, total));
    else if (names.isEmpty())
        m_down->setText(tr("Services: %n answering, but not every API works:", nullptr, total));
    else
        m_down->setText(tr("Services: %n down (%1)", nullptr, static_cast<int>(names.size()))
                            .arg(names.join(QStringLiteral(", "))));
    idle::setStyleSheet(m_down, !names.isEmpty() ? StatusColors::labelStyle(StatusColors::Role::Critical) +
                                                       QStringLiteral(" font-weight: bold;")
                                : !api.isEmpty() ? StatusColors::labelStyle(StatusColors::Role::Warning)
                                                 : QString());
}

void HostHomeSummary::updateFavourites()
{
    HomeAssistantLink* link = m_services ? m_services->homeAssistant(m_hostId) : nullptr;
    if (!link || link->favourites().isEmpty()) {
        m_favourites->hide();
        return;
    }
    QStringList lines;
    for (const QString& id : link->favourites()) {
        const ha::EntityState* e = link->entity(id);
        lines << (e ? tr("★ %1: %2")
                          .arg(e->friendlyName(),
                               e->unit().isEmpty() ? e->state : e->state + QLatin1Char(' ') + e->unit())
                    : tr("★ %1: unknown").arg(id));
    }
    m_favourites->setText(lines.join(QLatin1Char('\n')));
    m_favourites->show();
}

} // namespace hlc
