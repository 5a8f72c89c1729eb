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
#include "metrics/MaintenanceDialog.h"
#include "metrics/MaintenanceManager.h"
#include "metrics/MetricsMonitor.h"

#include <QTabWidget>
#include <QToolButton>
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
    // Maintenance of this host, from its own page (the Inbox tab has the same dialog for any host).
    if (MaintenanceManager* maintenance = homelab->maintenance()) {
        auto* button = new QToolButton;
        button->setObjectName(QStringLiteral("hostMaintenanceButton"));
        button->setText(tr("Maintenance…"));
        button->setToolTip(tr("Start maintenance of this host now: its notifications are held and its alerts "
                              "silenced until the window ends."));
        button->setAutoRaise(true);
        m_tabs->setCornerWidget(button, Qt::TopRightCorner);
        const QString hostId = host->hostId();
        connect(button, &QToolButton::clicked, this, [this, maintenance, hostId] {
            auto* d = new MaintenanceDialog(maintenance, hostId, this);
            d->setAttribute(Qt::WA_DeleteOnClose);
            connect(d, &QDialog::accepted, maintenance, [maintenance, d] {
                maintenance->startNow(d->hostId(), d->minutes(), d->reason(), d->automations());
            });
            d->open();
        });
    }
}

bool HostDetailView::isEmpty() const
{
    return m_tabs->count() == 0;
}

} // namespace hlc
