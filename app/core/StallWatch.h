#pragma once

class QObject;
class QString;

namespace hlc::stallwatch {

/// True when HLC_STALL_WATCH=1 is set (scripts/soak, scripts/bench --large; off by default, nothing runs without it).
[[nodiscard]] bool enabled();

/**
 * Measures how late the GUI thread's event loop serves a precise 20 ms timer: the longest stall a user would feel.
 * Every 10 s, and at quit, prints to stderr (flushed, so a killed process still leaves its figures):
 *   "stall-watch: <s> s: window max <ms> ms, <k> over 50 ms; overall max <ms> ms at <s> s, <n> ticks, <k> over 50 ms;
 *    own (not waiting for a CPU): window max <ms> ms, overall max <ms> ms, <k> over 50 ms"
 * "Own" lateness is the lateness minus the time the kernel kept the runnable GUI thread waiting for a CPU
 * (/proc/thread-self/schedstat): on a loaded machine the plain figure also measures the other processes.
 * Lives as long as @p parent.
 */
void start(QObject* parent);

/**
 * Ends the current phase (the first one, "startup", begins with start()) and begins one named @p name (no spaces).
 * Prints the ended phase's figures to stderr in one line of key=value pairs:
 *   "stall-watch-phase: name=<name> dur_ms=<ms> max_ms=<ms> p99_ms=<ms> ticks=<n> over16=<k> over50=<k>
 *    cpu_ms=<process CPU time in the phase> pss_kb=<kB> anon_kb=<kB> own_max_ms=<ms> own_p99_ms=<ms> own_over16=<k>
 *    own_over50=<k>"
 * (PSS and its anonymous part from /proc/self/smaps_rollup at the phase's end). An empty @p name only ends the
 * current phase. Does nothing unless start() ran.
 */
void phase(const QString& name);

/// What the watch started last has measured so far (zeros before any was started).
struct Figures
{
    long long maxLateMs = 0; ///< the longest the 20 ms timer came late: the worst stall
    long long ticks = 0;
    long long stalls = 0; ///< ticks more than 50 ms late
    /// The same without the time the GUI thread waited for a CPU (/proc/thread-self/schedstat): the stall the app's
    /// own work or a blocking call caused, as opposed to a machine too busy to run it.
    long long ownMaxLateMs = 0;
    long long ownStalls = 0;
};
[[nodiscard]] Figures figures();

} // namespace hlc::stallwatch
