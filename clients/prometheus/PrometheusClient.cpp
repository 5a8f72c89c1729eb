#include "PrometheusClient.h"

#include "PrometheusParser.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <array>
#include <cmath>

Q_LOGGING_CATEGORY(lcProm, "hlc.clients.prometheus")

namespace hlc::prom {

PrometheusClient::PrometheusClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent)
    : ServiceClient(nam, endpoint, parent)
{}

QString PrometheusClient::apiPath(const QString& rest) const
{
    // Accept a base URL configured with or without the /api/v1 suffix.
    QString base = endpoint().baseUrl.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.endsWith(QLatin1String("/api/v1")))
        return rest;
    return QStringLiteral("/api/v1") + rest;
}

QString PrometheusClient::timeParam(const QDateTime& t)
{
    return QString::number(static_cast<double>(t.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
}

QString PrometheusClient::quoteLabelValue(const QString& value)
{
    QString out = value;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    out.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    out.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    return out;
}

QString PrometheusClient::regexAlternation(const QStringList& values)
{
    QStringList parts;
    for (const QString& v : values)
        parts << quoteLabelValue(QRegularExpression::escape(v));
    return parts.join(QLatin1Char('|'));
}

double PrometheusClient::stepFor(const QDateTime& start, const QDateTime& end, int maxPoints, double minStep)
{
    const double span = std::max(0.0, static_cast<double>(start.msecsTo(end)) / 1000.0);
    const int points = std::max(2, maxPoints);
    // n points cover span / step + 1 timestamps: keep (span / step + 1) <= points.
    const double raw = std::max(minStep, span / (points - 1));
    static constexpr std::array<double, 19> s_nice{1,   2,    5,    10,   15,    30,    60,    120,   300,   600,
                                                   900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800};
    for (double n : s_nice) {
        if (n >= raw - 1e-9)
            return n;
    }
    return std::ceil(raw / 86400.0) * 86400.0;
}

ApiCall* PrometheusClient::query(const QString& promql, const QDateTime& time, QObject* context,
                                 std::function<void(Result<QueryResult>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), QString::fromLatin1(QUrl::toPercentEncoding(promql)));
    if (time.isValid())
        q.addQueryItem(QStringLiteral("time"), timeParam(time));
    qCDebug(lcProm) << "query" << promql;
    return get<QueryResult>(apiPath(QStringLiteral("/query")), q, context, &parser::queryResult, std::move(done));
}

ApiCall* PrometheusClient::queryRange(const QString& promql, const QDateTime& start, const QDateTime& end,
                                      double stepSeconds, QObject* context,
                                      std::function<void(Result<QueryResult>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), QString::fromLatin1(QUrl::toPercentEncoding(promql)));
    q.addQueryItem(QStringLiteral("start"), timeParam(start));
    q.addQueryItem(QStringLiteral("end"), timeParam(end));
    q.addQueryItem(QStringLiteral("step"), QString::number(stepSeconds, 'g', 10));
    qCDebug(lcProm) << "query_range" << promql << "step" << stepSeconds;
    return get<QueryResult>(apiPath(QStringLiteral("/query_range")), q, context, &parser::queryResult, std::move(done));
}

ApiCall* PrometheusClient::targets(QObject* context, std::function<void(Result<Targets>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("active"));
    return get<Targets>(apiPath(QStringLiteral("/targets")), q, context, &parser::targets, std::move(done));
}

ApiCall* PrometheusClient::alerts(QObject* context, std::function<void(Result<QList<Alert>>)> done)
{
    return get<QList<Alert>>(apiPath(QStringLiteral("/alerts")), {}, context, &parser::alerts, std::move(done));
}

ApiCall* PrometheusClient::rules(const QString& type, QObject* context,
                                 std::function<void(Result<QList<RuleGroup>>)> done)
{
    QUrlQuery q;
    if (!type.isEmpty())
        q.addQueryItem(QStringLiteral("type"), type);
    return get<QList<RuleGroup>>(apiPath(QStringLiteral("/rules")), q, context, &parser::rules, std::move(done));
}

ApiCall* PrometheusClient::labelValues(const QString& name, const QStringList& match, QObject* context,
                                       std::function<void(Result<QStringList>)> done)
{
    QUrlQuery q;
    for (const QString& m : match)
        q.addQueryItem(QStringLiteral("match[]"), QString::fromLatin1(QUrl::toPercentEncoding(m)));
    return get<QStringList>(
        apiPath(QStringLiteral("/label/%1/values").arg(QString::fromLatin1(QUrl::toPercentEncoding(name)))), q, context,
        &parser::labelValues, std::move(done));
}

ApiCall* PrometheusClient::series(const QStringList& match, QObject* context,
                                  std::function<void(Result<QList<Labels>>)> done)
{
    QUrlQuery q;
    for (const QString& m : match)
        q.addQueryItem(QStringLiteral("match[]"), QString::fromLatin1(QUrl::toPercentEncoding(m)));
    return get<QList<Labels>>(apiPath(QStringLiteral("/series")), q, context, &parser::series, std::move(done));
}

ApiCall* PrometheusClient::buildInfo(QObject* context, std::function<void(Result<BuildInfo>)> done)
{
    return get<BuildInfo>(apiPath(QStringLiteral("/status/buildinfo")), {}, context, &parser::buildInfo,
                          std::move(done));
}

ApiError PrometheusClient::refineError(const ApiResponse& response) const
{
    ApiError e = response.error;
    // 400 bad_data, 422 execution, 503 timeout/unavailable: Prometheus explains in its envelope.
    if (const auto env = parser::envelopeError(response.body)) {
        e.message =
            QCoreApplication::translate("hlc::prom::PrometheusClient", "Prometheus answered with an error (%1): %2")
                .arg(env->errorType, env->error);
        e.detail += QStringLiteral(" [%1: %2]").arg(env->errorType, env->error);
    }
    return e;
}

} // namespace hlc::prom
