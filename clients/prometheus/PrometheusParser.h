#pragma once

#include "PrometheusTypes.h"
#include "core/Result.h"

#include <QByteArray>

#include <string>

namespace hlc::prom {

/**
 * Bytes -> plain structs for the Prometheus HTTP API (`/api/v1/...`). Every answer is the envelope
 * `{status, data, errorType, error, warnings, infos}`; `status:"error"` becomes an ApiError naming Prometheus'
 * errorType and message. Never throws, never crashes; tolerant of nulls for arrays, numbers as strings and missing
 * fields.
 */
namespace parser {

/// `data` of /query and /query_range: vector, matrix, scalar or string.
Result<QueryResult> queryResult(const QByteArray& body);
Result<Targets> targets(const QByteArray& body);
Result<QList<Alert>> alerts(const QByteArray& body);
Result<QList<RuleGroup>> rules(const QByteArray& body);
Result<BuildInfo> buildInfo(const QByteArray& body);
/// `data` of /label/<name>/values: the values as strings (non-string elements are skipped).
Result<QStringList> labelValues(const QByteArray& body);
/// `data` of /series: one label set per series.
Result<QList<Labels>> series(const QByteArray& body);

/// The error of an envelope with `status:"error"` (also for HTTP 4xx/5xx bodies); nullopt when there is none.
struct EnvelopeError
{
    QString errorType; ///< "bad_data", "execution", "timeout", "canceled", "internal", "unavailable", "not_found"
    QString error;     ///< Prometheus' message, English
};
std::optional<EnvelopeError> envelopeError(const QByteArray& body);

/// A sample value as Prometheus writes it: "1.5", "NaN", "+Inf", "-Inf" (or a JSON number). NaN when unreadable.
double sampleValue(const QString& text);
/// The same for the UTF-8 text of a JSON string (no QString for a plain number: 30,000 of them in a range query).
double sampleValue(const std::string& text);

} // namespace parser

} // namespace hlc::prom
