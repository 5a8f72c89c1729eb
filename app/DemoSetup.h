#pragma once

#include "core/Config.h"

namespace hlc {
class SecretStore;
namespace sim {
class Simulator;
}

/// Wires the app to the built-in simulated homelab: a config pointing at the simulator's loopback endpoints, with
/// its throw-away secrets kept in memory only (the keychain is never touched in demo mode).
namespace demo {
[[nodiscard]] Config configFor(const sim::Simulator& simulator);
void storeSecrets(const sim::Simulator& simulator, SecretStore* secrets);
} // namespace demo

} // namespace hlc
