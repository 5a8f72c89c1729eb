#pragma once

class QObject;

namespace hlc::stallwatch {

/// True when HLC_STALL_WATCH=1 is set (scripts/soak; off by default, nothing runs without it).
[[nodiscard]] bool enabled();

/**
 * Measures how late the GUI thread's event loop serves a precise 20 ms timer: the longest stall a user would feel.
 * Every 10 s, and at quit, prints to stderr (flushed, so a killed process still leaves its figures):
 *   "stall-watch: <s> s: window max <ms> ms, <k> over 50 ms; overall max <ms> ms at <s> s, <n> ticks, <k> over 50 ms"
 * Lives as long as @p parent.
 */
void start(QObject* parent);

/// What the watch started last has measured so far (zeros before any was started).
struct Figures
{
    long long maxLateMs = 0; ///< the longest the 20 ms timer came late: the worst stall
    long long ticks = 0;
    long long stalls = 0; ///< ticks more than 50 ms late
};
[[nodiscard]] Figures figures();

} // namespace hlc::stallwatch
