#pragma once

#include "AdGuardTypes.h"
#include "core/Result.h"

#include <QByteArray>

/// Pure functions from AdGuard Home response bodies to plain structs. They never throw and never crash; real
/// servers send nulls for arrays and numbers as strings, and older versions name some fields differently.
namespace hlc::adguard::parser {

/// GET /control/status. Accepts the pre-0.107.27 `protection_disabled_until` (a timestamp) as well.
Result<ServerStatus> status(const QByteArray& body);
/// GET /control/stats.
Result<Stats> stats(const QByteArray& body);
/// GET /control/filtering/status.
Result<FilteringStatus> filteringStatus(const QByteArray& body);
/// GET /control/querylog.
Result<QueryLog> queryLog(const QByteArray& body);
/// Any 2xx answer whose body does not matter (POST /control/protection answers "OK" as text).
Result<bool> accepted(const QByteArray& body);

} // namespace hlc::adguard::parser
