#pragma once

#include <QtGlobal>

namespace hlc {

class Homelab;

/// Opt-in start-up timing for scripts/bench (environment HLC_TIMING=1; off by default, nothing runs without it).
namespace timing {

/// True when HLC_TIMING=1 is set.
[[nodiscard]] bool enabled();

/**
 * Watches every configured data source of @p homelab and prints to stderr, once each:
 *   "timing: main <epoch ms>"             when called with the epoch of main()'s start
 *   "first data: <source> <ms>"           ms from main()'s start to the source's first successful answer
 *   "all panels: <ms>"                    when every source has data (or "all panels: missing <list>" after 60 s)
 * Sources: proxmox/<host>, guests/<host>, portainer/<host>, metrics/<host>, alerts, ollama, gpu, agents,
 * adguard/<host>, homeassistant/<host>, health/<host>. Polls the sources' SourceStatus every 25 ms and stops once
 * done, so it costs nothing afterwards.
 */
void watch(Homelab* homelab, qint64 mainStartEpochMs);

} // namespace timing
} // namespace hlc
