#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace hlc::prom {

/// A label set (`{__name__="up", instance="..."}`), sorted by name.
using Labels = QMap<QString, QString>;

/// One value at one time. `value` may be NaN or infinite (Prometheus sends "NaN", "+Inf").
struct Point
{
    double time = 0.0; ///< Unix seconds
    double value = 0.0;
};

/// One element of an instant vector.
struct Sample
{
    Labels metric;
    Point point;
};

/// One series of a range query (matrix).
struct Series
{
    Labels metric;
    QList<Point> points; ///< ascending time
};

/// The `data` of a query or query_range answer.
struct QueryResult
{
    enum class Type
    {
        Vector,
        Matrix,
        Scalar,
        String
    };
    Type type = Type::Vector;
    QList<Sample> vector; ///< Type::Vector
    QList<Series> matrix; ///< Type::Matrix
    Point scalar;         ///< Type::Scalar
    QString string;       ///< Type::String
    QStringList warnings; ///< the envelope's warnings (data is still valid)
    QStringList infos;    ///< the envelope's info annotations
};

/// One active scrape target of GET /api/v1/targets.
struct Target
{
    Labels labels;
    Labels discoveredLabels;
    QString scrapePool;
    QString scrapeUrl;
    QString health; ///< "up", "down" or "unknown"
    QString lastError;
    QDateTime lastScrape; ///< invalid when never scraped
    double lastScrapeDuration = 0.0;
    QString scrapeInterval;

    [[nodiscard]] QString job() const { return labels.value(QStringLiteral("job"), scrapePool); }
    [[nodiscard]] QString instance() const { return labels.value(QStringLiteral("instance")); }
    [[nodiscard]] bool up() const { return health == QLatin1String("up"); }
};

struct Targets
{
    QList<Target> active;
    int droppedCount = 0;
};

/// An alert as Prometheus itself reports it (GET /api/v1/alerts, or inside a rule).
struct Alert
{
    Labels labels;
    Labels annotations;
    QString state; ///< "pending", "firing" or "inactive"
    QString value; ///< the expression's value as sent
    QDateTime activeAt;

    [[nodiscard]] QString name() const { return labels.value(QStringLiteral("alertname")); }
};

/// One rule of GET /api/v1/rules.
struct Rule
{
    QString type; ///< "alerting" or "recording"
    QString name;
    QString query;
    QString health; ///< "ok", "err", "unknown"
    QString lastError;
    QString state;         ///< alerting rules: "inactive", "pending", "firing"
    double duration = 0.0; ///< alerting rules: the `for` in seconds
    Labels labels;
    Labels annotations;
    QList<Alert> alerts;
};

struct RuleGroup
{
    QString name;
    QString file;
    double interval = 0.0;
    QList<Rule> rules;
};

/// GET /api/v1/status/buildinfo.
struct BuildInfo
{
    QString version;
    QString revision;
    QString branch;
    QString buildUser;
    QString buildDate;
    QString goVersion;
};

} // namespace hlc::prom
