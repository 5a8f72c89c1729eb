#include "core/StallWatch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace hlc::stallwatch {

namespace {

constexpr qint64 kTickMs = 20;
constexpr qint64 kStallMs = 50; // the fault matrix's bound for a GUI stall
constexpr qint64 kWindowMs = 10000;

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

    void report(qint64 now)
    {
        std::fprintf(stderr,
                     "stall-watch: %.1f s: window max %lld ms, %lld over %lld ms; overall max %lld ms at %.1f s, "
                     "%lld ticks, %lld over %lld ms\n",
                     static_cast<double>(now) / 1000.0, static_cast<long long>(windowMaxMs),
                     static_cast<long long>(windowStalls), static_cast<long long>(kStallMs),
                     static_cast<long long>(maxLateMs), static_cast<double>(maxAtMs) / 1000.0,
                     static_cast<long long>(ticks), static_cast<long long>(stalls), static_cast<long long>(kStallMs));
        std::fflush(stderr);
        windowStartMs = now;
        windowMaxMs = 0;
        windowStalls = 0;
    }
};

std::weak_ptr<State> s_last; // the watch figures() reads (GUI thread only)

} // namespace

Figures figures()
{
    const std::shared_ptr<State> state = s_last.lock();
    if (!state)
        return {};
    return {state->maxLateMs, state->ticks, state->stalls};
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
    s_last = state;
    QObject::connect(timer, &QTimer::timeout, timer, [state] {
        const qint64 now = state->clock.elapsed();
        const qint64 late = std::max<qint64>(0, now - state->lastTickMs - kTickMs);
        state->lastTickMs = now;
        ++state->ticks;
        if (late > kStallMs) {
            ++state->stalls;
            ++state->windowStalls;
        }
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

} // namespace hlc::stallwatch
