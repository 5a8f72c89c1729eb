#pragma once

#include "overview/OverviewTarget.h"

namespace hlc {

class MainWindow;

namespace overview {

/// Shows @p target in @p window: a host's tab (and its Guests, Stacks, Services or Charts page), the Alerts tab
/// filtered by the host, GPU / LLM, Home Assistant, AdGuard, an inbox item where it lives, or a service's prompt.
/// False when the window has no such page.
bool openTarget(MainWindow* window, const OverviewTarget& target);

} // namespace overview
} // namespace hlc
