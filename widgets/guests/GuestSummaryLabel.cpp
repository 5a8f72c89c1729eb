#include "guests/GuestSummaryLabel.h"

#include "guests/GuestInventory.h"

namespace hlc {

GuestSummaryLabel::GuestSummaryLabel(GuestInventory* inventory, QWidget* parent)
    : QLabel(parent)
    , m_inventory(inventory)
{
    setObjectName(QStringLiteral("guestSummaryLabel"));
    setWordWrap(true);
    if (m_inventory) {
        connect(m_inventory, &GuestInventory::guestsUpdated, this, &GuestSummaryLabel::refresh);
        connect(m_inventory, &GuestInventory::portainerUpdated, this, &GuestSummaryLabel::refresh);
    }
    refresh();
}

void GuestSummaryLabel::refresh()
{
    if (!m_inventory) {
        hide();
        return;
    }
    QStringList parts;
    if (m_inventory->hasProxmox() && m_inventory->guestsStatus().hasData())
        parts
            << tr("Guests: %1 running, %2 stopped").arg(m_inventory->runningGuests()).arg(m_inventory->stoppedGuests());
    if (m_inventory->hasPortainer() && m_inventory->portainerStatus().hasData()) {
        parts << tr("Stacks: %1 of %2 active").arg(m_inventory->activeStacks()).arg(m_inventory->stacks().size());
        parts << tr("containers stopped: %1").arg(m_inventory->stoppedContainers());
    }
    QStringList offline;
    for (const auto& n : m_inventory->clusterNodes()) {
        if (n.status != QLatin1String("online"))
            offline << n.node;
    }
    if (!offline.isEmpty())
        parts << tr("%n cluster nodes offline: %1", nullptr, static_cast<int>(offline.size()))
                     .arg(offline.join(QStringLiteral(", ")));
    setText(parts.join(QStringLiteral(" · ")));
    setVisible(!parts.isEmpty());
}

} // namespace hlc
