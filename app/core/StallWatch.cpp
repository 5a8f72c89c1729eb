#include "core/StallWatch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace hlc::stallwatch {

namespace {

constexpr qint64 kTickMs = 20;
constexpr qint64 kFrameMs = 16; // one frame at 60 Hz: the steady-state bound
constexpr qint64 kStallMs = 50; // the fault matrix's bound for a GUI stall
constexpr qint64 kWindowMs = 10000;
constexpr int kBuckets = 1001; // lateness histogram in 1 ms steps; the last bucket holds 1000 ms and more

qint64 processCpuMs()
{
    timespec ts{};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
        return 0;
    return static_cast<qint64>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

/// The time this thread has spent runnable but waiting for a CPU, in ns (the second field of
/// /proc/thread-self/schedstat), or -1 where the kernel does not say. Lateness minus this wait is the stall the app
/// caused itself (work or a blocking call on the GUI thread), as opposed to a machine too busy to run it.
class RunQueueWait
{
public:
    RunQueueWait()
        : m_fd(::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC))
    {}
    ~RunQueueWait()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    RunQueueWait(const RunQueueWait&) = delete;
    RunQueueWait& operator=(const RunQueueWait&) = delete;

    [[nodiscard]] long long ns() const
    {
        if (m_fd < 0)
            return -1;
        std::array<char, 128> buf{};
        const ssize_t n = ::pread(m_fd, buf.data(), buf.size() - 1, 0);
        if (n <= 0)
            return -1;
        char* end = nullptr;
        (void)std::strtoll(buf.data(), &end, 10); // time on a CPU
        if (end == buf.data())
            return -1;
        const char* waitStart = end;
        const long long wait = std::strtoll(waitStart, &end, 10);
        return end == waitStart ? -1 : wait;
    }

private:
    int m_fd;
};

/// "Pss" and "Pss_Anon" of this process in kB (0 where /proc is not there).
std::array<qint64, 2> pssKb()
{
    std::array<qint64, 2> out{0, 0};
    QFile f(QStringLiteral("/proc/self/smaps_rollup"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const auto value = [&line] {
            return line.mid(line.indexOf(':') + 1).trimmed().split(' ').value(0).toLongLong();
        };
        if (line.startsWith("Pss:"))
            out[0] = value();
        else if (line.startsWith("Pss_Anon:"))
            out[1] = value();
    }
    return out;
}

struct Phase
{
    QString name = QStringLiteral("startup");
    qint64 startMs = 0;
    qint64 startCpuMs = 0;
    qint64 maxMs = 0;
    qint64 ticks = 0;
    qint64 over16 = 0;
    qint64 over50 = 0;
    qint64 ownMaxMs = 0;
    qint64 ownOver16 = 0;
    qint64 ownOver50 = 0;
    std::array<qint64, kBuckets> histogram{};
    std::array<qint64, kBuckets> ownHistogram{};

    void add(qint64 late, qint64 own)
    {
        ++ticks;
        maxMs = std::max(maxMs, late);
        over16 += late > kFrameMs ? 1 : 0;
        over50 += late > kStallMs ? 1 : 0;
        ++histogram[static_cast<size_t>(std::min<qint64>(late, kBuckets - 1))];
        ownMaxMs = std::max(ownMaxMs, own);
        ownOver16 += own > kFrameMs ? 1 : 0;
        ownOver50 += own > kStallMs ? 1 : 0;
        ++ownHistogram[static_cast<size_t>(std::min<qint64>(own, kBuckets - 1))];
    }
    [[nodiscard]] qint64 percentile(double p, bool own = false) const
    {
        const auto want = static_cast<qint64>(static_cast<double>(ticks) * p + 0.999999);
        const std::array<qint64, kBuckets>& h = own ? ownHistogram : histogram;
        qint64 seen = 0;
        for (int ms = 0; ms < kBuckets; ++ms) {
            seen += h[static_cast<size_t>(ms)];
            if (seen >= want && want > 0)
                return ms;
        }
        return 0;
    }
};

struct State
{
    QElapsedTimer clock;
    qint64 lastTickMs = 0;
    qint64 windowStartMs = 0;
    qint64 windowMaxMs = 0;
    qint64 windowStalls = 0;
    qint64 maxLateMs = 0;
    qint64 maxAtMs = 0;
    qint64 ticks = 0;
    qint64 stalls = 0;
    // The same without the time the thread waited for a CPU (RunQueueWait): what the app's own work cost.
    RunQueueWait runQueue;
    long long lastWaitNs = -1;
    qint64 windowOwnMaxMs = 0;
    qint64 ownMaxMs = 0;
    qint64 ownStalls = 0;
    Phase phase;

    void report(qint64 now)
    {
        std::fprintf(stderr,
                     "stall-watch: %.1f s: window max %lld ms, %lld over %lld ms; overall max %lld ms at %.1f s, "
                     "%lld ticks, %lld over %lld ms; own (not waiting for a CPU): window max %lld ms, overall max "
                     "%lld ms, %lld over %lld ms\n",
                     static_cast<double>(now) / 1000.0, static_cast<long long>(windowMaxMs),
                     static_cast<long long>(windowStalls), static_cast<long long>(kStallMs),
                     static_cast<long long>(maxLateMs), static_cast<double>(maxAtMs) / 1000.0,
                     static_cast<long long>(ticks), static_cast<long long>(stalls), static_cast<long long>(kStallMs),
                     static_cast<long long>(windowOwnMaxMs), static_cast<long long>(ownMaxMs),
                     static_cast<long long>(ownStalls), static_cast<long long>(kStallMs));
        std::fflush(stderr);
        windowStartMs = now;
        windowMaxMs = 0;
        windowOwnMaxMs = 0;
        windowStalls = 0;
    }

    void endPhase(const QString& next)
    {
        const qint64 now = clock.elapsed();
        const std::array<qint64, 2> pss = pssKb();
        std::fprintf(stderr,
                     "stall-watch-phase: name=%s dur_ms=%lld max_ms=%lld p99_ms=%lld ticks=%lld over16=%lld "
                     "over50=%lld cpu_ms=%lld pss_kb=%lld anon_kb=%lld own_max_ms=%lld own_p99_ms=%lld "
                     "own_over16=%lld own_over50=%lld\n",
                     qPrintable(phase.name), static_cast<long long>(now - phase.startMs),
                     static_cast<long long>(phase.maxMs), static_cast<long long>(phase.percentile(0.99)),
                     static_cast<long long>(phase.ticks), static_cast<long long>(phase.over16),
                     static_cast<long long>(phase.over50), static_cast<long long>(processCpuMs() - phase.startCpuMs),
                     static_cast<long long>(pss[0]), static_cast<long long>(pss[1]),
                     static_cast<long long>(phase.ownMaxMs), static_cast<long long>(phase.percentile(0.99, true)),
                     static_cast<long long>(phase.ownOver16), static_cast<long long>(phase.ownOver50));
        std::fflush(stderr);
        phase = Phase{};
        phase.name = next;
        phase.startMs = clock.elapsed();
        phase.startCpuMs = processCpuMs();
    }
};

std::weak_ptr<State> s_state; // the running watch, for phase() and figures() (GUI thread only)

} // namespace

Figures figures()
{
    const std::shared_ptr<State> state = s_state.lock();
    if (!state)
        return {};
    return {state->maxLateMs, state->ticks, state->stalls, state->ownMaxMs, state->ownStalls};
}

bool enabled()
{
    return qEnvironmentVariableIntValue("HLC_STALL_WATCH") == 1;
}

void start(QObject* parent)
{
    auto* timer = new QTimer(parent);
    timer->setTimerType(Qt::PreciseTimer);
    timer->setInterval(static_cast<int>(kTickMs));
    auto state = std::make_shared<State>();
    state->clock.start();
    state->phase.startCpuMs = processCpuMs();
    state->lastWaitNs = state->runQueue.ns();
    s_state = state;
    QObject::connect(timer, &QTimer::timeout, timer, [state] {
        const qint64 now = state->clock.elapsed();
        const qint64 late = std::max<qint64>(0, now - state->lastTickMs - kTickMs);
        state->lastTickMs = now;
        const long long waitNs = state->runQueue.ns();
        const qint64 waitedMs =
            waitNs >= 0 && state->lastWaitNs >= 0 ? static_cast<qint64>((waitNs - state->lastWaitNs) / 1000000) : 0;
        state->lastWaitNs = waitNs;
        const qint64 own = std::max<qint64>(0, late - waitedMs);
        ++state->ticks;
        if (late > kStallMs) {
            ++state->stalls;
            ++state->windowStalls;
        }
        state->ownStalls += own > kStallMs ? 1 : 0;
        state->ownMaxMs = std::max(state->ownMaxMs, own);
        state->windowOwnMaxMs = std::max(state->windowOwnMaxMs, own);
        state->phase.add(late, own);
        state->windowMaxMs = std::max(state->windowMaxMs, late);
        if (late > state->maxLateMs) {
            state->maxLateMs = late;
            state->maxAtMs = now;
        }
        if (now - state->windowStartMs >= kWindowMs)
            state->report(now);
    });
    QObject::connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, timer,
                     [state] { state->report(state->clock.elapsed()); });
    timer->start();
}

void phase(const QString& name)
{
    if (const std::shared_ptr<State> state = s_state.lock())
        state->endPhase(name);
}

} // namespace hlc::stallwatch
