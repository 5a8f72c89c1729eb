#pragma once

// Small helpers shared by the tests.

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>
#include <functional>
#include <optional>

namespace hlc::test {

/// Runs the event loop until @p done() or @p timeoutMs; returns done().
inline bool waitFor(const std::function<bool()>& done, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QTest::qWait(10);
    return done();
}

/// One line that ./scripts/test collects, saying which real component a test exercised.
inline void evidence(const char* what)
{
    std::printf("evidence: %s\n", what);
    std::fflush(stdout);
}

/// Captures the one result an async API hands to its callback.
template<typename T> struct Capture
{
    std::optional<T> value;
    auto callback()
    {
        return [this](T v) { value.emplace(std::move(v)); };
    }
    bool wait(int timeoutMs = 10000)
    {
        return waitFor([this] { return value.has_value(); }, timeoutMs);
    }
};

} // namespace hlc::test
