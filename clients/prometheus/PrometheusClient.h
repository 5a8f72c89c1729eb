#pragma once

#include "PrometheusTypes.h"
#include "core/ServiceClient.h"

#include <QDateTime>

namespace hlc::prom {

/**
 * @brief Prometheus HTTP API client (`http://HOST:9090`, paths under `/api/v1`), one method per endpoint.
 *
 * Authentication is optional: AuthScheme::None, AuthScheme::Basic (user + password, e.g. behind a reverse proxy or
 * Prometheus' web.config) or AuthScheme::Bearer. The base URL is the server root (a path prefix such as
 * `/prometheus` for a proxied instance is kept). Errors in Prometheus' envelope (`status:"error"`, with HTTP 400,
 * 422, 503, ...) become an ApiError whose message names Prometheus' errorType and error text.
 */
class PrometheusClient final : public ServiceClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusClient)
public:
    PrometheusClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent = nullptr);

    /// Upper bound of points per series that queryRange() callers should ask for (see stepFor()).
    static constexpr int kMaxPointsPerSeries = 600;

    /**
     * GET /api/v1/query: evaluates @p promql at @p time (invalid: the server's "now").
     * @param done receives a vector, scalar or string result (or a matrix for a range selector like `up[5m]`)
     */
    ApiCall* query(const QString& promql, const QDateTime& time, QObject* context,
                   std::function<void(Result<QueryResult>)> done);

    /**
     * GET /api/v1/query_range: evaluates @p promql from @p start to @p end every @p stepSeconds.
     * @param stepSeconds resolution; use stepFor(start, end) to stay within kMaxPointsPerSeries
     * @param done receives a matrix result
     */
    ApiCall* queryRange(const QString& promql, const QDateTime& start, const QDateTime& end, double stepSeconds,
                        QObject* context, std::function<void(Result<QueryResult>)> done);

    /// GET /api/v1/targets?state=active: scrape targets with health and last error.
    ApiCall* targets(QObject* context, std::function<void(Result<Targets>)> done);

    /// GET /api/v1/alerts: pending and firing alerts as Prometheus sees them (before Alertmanager).
    ApiCall* alerts(QObject* context, std::function<void(Result<QList<Alert>>)> done);

    /// GET /api/v1/rules[?type=alert|record]: rule groups with each rule's health, state and alerts.
    /// @param type "alert", "record" or empty for both
    ApiCall* rules(const QString& type, QObject* context, std::function<void(Result<QList<RuleGroup>>)> done);

    /**
     * GET /api/v1/label/<name>/values[?match[]=...]: the values label @p name has (e.g. every `job`).
     * @param name a label name such as "job" or "instance" (percent-encoded into the path)
     * @param match series selectors that limit the answer to their series (none: every series)
     */
    ApiCall* labelValues(const QString& name, const QStringList& match, QObject* context,
                         std::function<void(Result<QStringList>)> done);

    /// GET /api/v1/series?match[]=...: the label sets of the series @p match selects (at least one selector).
    ApiCall* series(const QStringList& match, QObject* context, std::function<void(Result<QList<Labels>>)> done);

    /// GET /api/v1/status/buildinfo: version of the server (also a cheap reachability check).
    ApiCall* buildInfo(QObject* context, std::function<void(Result<BuildInfo>)> done);

    /**
     * A step (seconds) for a range query over [@p start, @p end] that yields at most @p maxPoints points per
     * series, rounded up to a readable value (1 s, 2 s, 5 s, 10 s, 15 s, 30 s, 1 min, ...). At least @p minStep.
     */
    [[nodiscard]] static double stepFor(const QDateTime& start, const QDateTime& end,
                                        int maxPoints = kMaxPointsPerSeries, double minStep = 1.0);

    /// Prometheus' time parameter form: Unix seconds with milliseconds ("1767436620.123").
    [[nodiscard]] static QString timeParam(const QDateTime& t);

    /// Escapes @p value for use inside a PromQL double-quoted label matcher (`"..."`).
    [[nodiscard]] static QString quoteLabelValue(const QString& value);
    /// `a|b|c` with each part regex-escaped, for an `instance=~"..."` matcher (already label-quoted content).
    [[nodiscard]] static QString regexAlternation(const QStringList& values);

protected:
    [[nodiscard]] ApiError refineError(const ApiResponse& response) const override;

private:
    [[nodiscard]] QString apiPath(const QString& rest) const;
};

} // namespace hlc::prom
