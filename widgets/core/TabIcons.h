#pragma once

class QTabWidget;

namespace hlc::tabicons {

/**
 * Gives every tab of the main window its icon: the desktop theme's (freedesktop icon names, so the tabs match the
 * rest of the desktop) with a bundled SVG as the fallback (:/icons/tabs/). The page is recognised by its object name
 * (overviewPage, hostDetail_<id>, inboxView, alertsView, gpuLlmTab, agentsTab, adguardView, homeAssistantView,
 * auditLogView); the first tab is the Overview. A page it does not know keeps no icon.
 * @return how many tabs got an icon
 */
int apply(QTabWidget* tabs);

} // namespace hlc::tabicons
