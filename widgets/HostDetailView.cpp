#include "HostDetailView.h"

#include "Homelab.h"
#include "HostMonitor.h"

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
}

bool HostDetailView::isEmpty() const
{
    return m_tabs->count() == 0;
}

} // namespace hlc
