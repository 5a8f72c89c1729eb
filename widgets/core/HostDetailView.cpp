#include "core/HostDetailView.h"

#include "core/Homelab.h"
#include "guests/GuestInventory.h"
#include "guests/GuestsView.h"
#include "guests/HostMonitor.h"
#include "guests/StacksView.h"
#include "home/HealthProber.h"
#include "home/HomeServices.h"
#include "home/ServicesHealthView.h"
#include "metrics/HostChartsView.h"
#include "metrics/MetricsMonitor.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace hlc {

HostDetailView::HostDetailView(Homelab* homelab, HostMonitor* host, QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
{
    Q_UNUSED(homelab);
    setObjectName(QStringLiteral("hostDetail_%1").arg(host->hostId()));
    m_tabs->setObjectName(QStringLiteral("hostTabs"));
    m_tabs->setDocumentMode(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    // Feature tabs are added here, one line each (guests, stacks, charts, services, ...).
    if (GuestInventory* inv = homelab->inventory(host->hostId()); inv && inv->hasProxmox())
        m_tabs->addTab(new GuestsView(inv, homelab->actions()), tr("Guests"));
    if (GuestInventory* inv = homelab->inventory(host->hostId()); inv && inv->hasPortainer())
        m_tabs->addTab(new StacksView(inv, homelab->actions()), tr("Stacks"));
    if (homelab->metrics() && homelab->metrics()->hasMetrics(host->hostId()))
        m_tabs->addTab(new HostChartsView(homelab->metrics(), host->hostId()), tr("Charts"));
    if (homelab->home() && !homelab->home()->health()->results(host->hostId()).isEmpty()) {
        auto* services = new ServicesHealthView(homelab->home()->health(), host->hostId());
        services->setServiceDirectory(homelab->services());
        m_tabs->addTab(services, tr("Services"));
    }
}

bool HostDetailView::isEmpty() const
{
    return m_tabs->count() == 0;
}

} // namespace hlc
