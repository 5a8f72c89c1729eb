#pragma once

// Helpers every test shares: waiting on conditions, capturing callback results, the missing-component rule and the
// evidence lines ./scripts/test collects.

#include "core/Result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QString>
#include <QTest>

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

/// Waits until @p spy has seen at least @p count signals (QSignalSpy::wait only waits for the next one).
inline bool waitForCount(QSignalSpy& spy, int count, int timeoutMs = 10000)
{
    return waitFor([&spy, count] { return spy.count() >= count; }, timeoutMs);
}

/// One line that ./scripts/test collects (from tests that passed), saying which real component a test exercised and
/// what it measured. Call it only after the assertions that prove the line.
void evidence(const QString& what);
void evidence(const char* what);

/// True when the test command demands every real component (HLC_REQUIRE_REAL=1, set by ./scripts/test): a missing
/// one then fails the test instead of skipping it.
[[nodiscard]] bool realRequired();

/// For evidence that a whole test class proves together: count() from cleanup() after every test function (and data
/// row); cleanupTestCase() prints the line only if allPassed().
class PassTally
{
public:
    void count()
    {
        if (QTest::currentTestFailed())
            ++m_failed;
        else
            ++m_passed;
    }
    [[nodiscard]] bool allPassed() const { return m_failed == 0 && m_passed > 0; }
    [[nodiscard]] int passed() const { return m_passed; }

private:
    int m_passed = 0;
    int m_failed = 0;
};

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

/// The error detail of a failed Result (empty when it succeeded): safe inside QVERIFY2, which evaluates its message
/// even when the check passes.
template<typename T> QByteArray why(const Result<T>& r)
{
    return r.ok() ? QByteArray() : (r.error().detail + QStringLiteral(" / ") + r.error().message).toUtf8();
}

} // namespace hlc::test

/// A real component (a server binary, the API specs, a desktop session...) is missing when @p missing is not empty:
/// the test fails under HLC_REQUIRE_REAL=1 and is skipped otherwise (ctest then shows it as Skipped, never Passed).
/// A macro because QFAIL/QSKIP return from the calling test function.
#define HLC_REQUIRE_REAL(missing)                                                                                      \
    do {                                                                                                               \
        const QString hlcMissing_ = (missing);                                                                         \
        if (!hlcMissing_.isEmpty()) {                                                                                  \
            if (::hlc::test::realRequired())                                                                           \
                QFAIL(qPrintable(                                                                                      \
                    QString(QStringLiteral("HLC_REQUIRE_REAL=1 and a real component is missing: ") + hlcMissing_)));   \
            QSKIP(qPrintable(hlcMissing_));                                                                            \
        }                                                                                                              \
    } while (false)
