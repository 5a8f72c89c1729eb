#pragma once

#include <QByteArray>
#include <QDateTime>

namespace hlc {

class ApiClient;

/// A service's request for a pause (HTTP 429 with `Retry-After`), kept per ApiClient: while it lasts, the client
/// answers polls (idempotent requests) at once with ApiError::Kind::RateLimited ("the next request goes out in N s")
/// and sends nothing. Actions still go out: the user asked for them just now.
namespace retryafter {

/// The wait a `Retry-After` header value asks for, in ms: delay-seconds or an HTTP-date (relative to @p now); 0 when
/// absent or unreadable; at most one hour (a broken header must not silence a service for days).
[[nodiscard]] qint64 parseMs(const QByteArray& value, const QDateTime& now = QDateTime::currentDateTimeUtc());

/// How long polls of @p client still wait (rounded up to the ms); 0: no pause.
[[nodiscard]] qint64 remainingMs(const ApiClient* client);

} // namespace retryafter
} // namespace hlc
