#pragma once

#include <QString>

namespace hlc::adguard {

/**
 * @brief An AdGuard Home version as GET /control/status reports it, and what the API of that version offers.
 *
 * Release builds say "v0.107.55" (also "v0.108.0-b.5" for betas); builds from the development channels say "edge"
 * or "dev". Development builds are treated as the newest version.
 */
struct AdGuardVersion
{
    QString text;             ///< as reported, e.g. "v0.105.2"
    int major = 0;            ///< 0 for every release so far
    int minor = 0;            ///< e.g. 107
    int patch = 0;            ///< e.g. 55
    bool known = false;       ///< the numbers were read
    bool development = false; ///< "edge", "dev", or another build without a release number

    [[nodiscard]] static AdGuardVersion parse(const QString& text);

    /// Whether this version is at least @p maj.@p min.@p pat (development builds: always; unreadable ones: never).
    [[nodiscard]] bool atLeast(int maj, int min, int pat) const;

    /// POST /control/protection with a `duration` (a pause the server ends itself) exists since v0.107.27. Older
    /// servers only switch protection with POST /control/dns_config {"protection_enabled": ...}. An unreadable
    /// version is assumed to have it (the app falls back when the server answers 404).
    [[nodiscard]] bool hasTimedPause() const { return (!known && !development) || atLeast(0, 107, 27); }
};

} // namespace hlc::adguard
