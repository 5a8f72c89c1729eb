#include "overview/OverviewNavigator.h"

#include "agents/GpuLlmTab.h"
#include "core/AttentionBar.h"
#include "core/HostDetailView.h"
#include "core/MainWindow.h"
#include "guests/GuestsView.h"
#include "guests/StacksView.h"
#include "home/AdGuardView.h"
#include "home/HomeAssistantView.h"
#include "home/ServicesHealthView.h"
#include "metrics/AlertsView.h"
#include "metrics/HostChartsView.h"
#include "metrics/InboxView.h"

#include <QTabWidget>

namespace hlc::overview {

namespace {
template<typename Page> bool showPage(QTabWidget* tabs)
{
    for (int i = 0; i < tabs->count(); ++i) {
        if (qobject_cast<Page*>(tabs->widget(i))) {
            tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

template<typename Page> bool showHostPage(QTabWidget* tabs, const QString& hostId)
{
    auto* detail = tabs->findChild<HostDetailView*>(QStringLiteral("hostDetail_%1").arg(hostId));
    if (!detail)
        return false;
    tabs->setCurrentWidget(detail);
    if constexpr (!std::is_same_v<Page, HostDetailView>) {
        if (auto* page = detail->findChild<Page*>())
            detail->tabs()->setCurrentWidget(page);
    }
    return true;
}
} // namespace

bool openTarget(MainWindow* window, const OverviewTarget& target)
{
    QTabWidget* tabs = window ? window->tabs() : nullptr;
    if (!tabs)
        return false;
    switch (target.kind) {
    case OverviewTarget::Kind::Host:
        return showHostPage<HostDetailView>(tabs, target.hostId);
    case OverviewTarget::Kind::Guests:
        return showHostPage<GuestsView>(tabs, target.hostId);
    case OverviewTarget::Kind::Stacks:
        return showHostPage<StacksView>(tabs, target.hostId);
    case OverviewTarget::Kind::Services:
        return showHostPage<ServicesHealthView>(tabs, target.hostId);
    case OverviewTarget::Kind::Charts:
        return showHostPage<HostChartsView>(tabs, target.hostId);
    case OverviewTarget::Kind::Alerts:
        if (!window->alertsView())
            return false;
        window->alertsView()->filterByHost(target.hostId);
        tabs->setCurrentWidget(window->alertsView());
        return true;
    case OverviewTarget::Kind::Gpu:
        return showPage<GpuLlmTab>(tabs);
    case OverviewTarget::Kind::HomeAssistant:
        return showPage<HomeAssistantView>(tabs);
    case OverviewTarget::Kind::AdGuard:
        return showPage<AdGuardView>(tabs);
    case OverviewTarget::Kind::InboxItem:
        if (target.key.isEmpty()) {
            tabs->setCurrentWidget(window->inboxView());
            return true;
        }
        return window->openInboxItem(target.key);
    case OverviewTarget::Kind::Prompt:
        if (AttentionBar* bar = window->attentionBar()) {
            for (const Attention& a : bar->items()) {
                if (a.hostId == target.hostId && a.serviceId == target.key)
                    return bar->openPrompt(a) != nullptr;
            }
        }
        return false;
    }
    return false;
}

} // namespace hlc::overview
