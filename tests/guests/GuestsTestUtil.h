#pragma once

// Helpers of the issue-3 tests (guests, stacks, actions).

#include "core/Result.h"

#include <QByteArray>

namespace hlc::guesttest {

/// The error detail of a failed Result (empty when it succeeded): safe inside QVERIFY2, which evaluates its message
/// even when the check passes.
template<typename T> QByteArray why(const Result<T>& r)
{
    return r.ok() ? QByteArray() : (r.error().detail + QStringLiteral(" / ") + r.error().message).toUtf8();
}

} // namespace hlc::guesttest
