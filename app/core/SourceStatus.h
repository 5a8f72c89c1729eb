#pragma once

#include "core/ApiError.h"

#include <QDateTime>

namespace hlc {

/// Health of one data source of a host (e.g. its Proxmox API): what failed, when data was last fresh.
struct SourceStatus
{
    enum class State
    {
        Unknown,
        Ok,
        Error
    };
    State state = State::Unknown;
    ApiError error;        ///< the last error (State::Error only)
    QDateTime lastSuccess; ///< when data was last fresh; null: never
    QDateTime lastAttempt;

    [[nodiscard]] bool hasData() const { return lastSuccess.isValid(); }
    /// Data is shown but no longer fresh: the last refresh failed after an earlier success.
    [[nodiscard]] bool isStale() const { return state == State::Error && hasData(); }
};

} // namespace hlc
