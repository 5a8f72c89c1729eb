#pragma once

#include "core/CommandPalette.h"

namespace hlc {

class MainWindow;

/// Every entry of the command palette for @p window's current homelab: its menu actions, every tab and host, and
/// one entry per action on a guest, stack, container, agent preset, webhook, firing alert, AdGuard Home, Home
/// Assistant entity and service web page. Actions go through the same view code (and confirmations) as their buttons.
[[nodiscard]] QList<PaletteEntry> paletteCommands(MainWindow* window);

} // namespace hlc
