#include "PrometheusParser.h"

#include "core/Json.h"

#include <QCoreApplication>

#include <charconv>
#include <cmath>
#include <limits>

namespace hlc::prom::parser {

using hlc::json::Json;
namespace J = hlc::json;

namespace {

// The context is the one lupdate gives the tr() calls below (it names it after their enclosing namespace).
QString tr(const char* text)
{
    return QCoreApplication::translate("hlc::prom::parser", text);
}

/// A `[time, "value"]` pair; nullopt when it is not one.
std::optional<Point> pointOf(const Json& pair)
{
    if (!pair.is_array() || pair.size() != 2)
        return std::nullopt;
    const double t = J::toNumber(pair[0], std::nan(""));
    if (std::isnan(t))
        return std::nullopt;
    double v = std::nan("");
    if (pair[1].is_string())
        v = sampleValue(pair[1].get_ref<const std::string&>());
    else if (pair[1].is_number())
        v = pair[1].get<double>();
    return Point{t, v};
}

/// Unwraps the envelope: the `data` member, or the envelope's error, or a Parse error; @p data is the member as it is.
Result<Json> rawDataOf(const QByteArray& body, const QString& what, QStringList* warnings = nullptr,
                       QStringList* infos = nullptr)
{
    auto doc = J::object(body, what);
    if (!doc)
        return doc;
    const Json& d = doc.value();
    if (J::string(d, "status") == QLatin1String("error")) {
        const QString type = J::string(d, "errorType");
        const QString message = J::string(d, "error");
        ApiError err;
        err.kind = ApiError::Kind::Rejected;
        err.message = tr("Prometheus answered with an error (%1): %2").arg(type, message);
        err.detail = QStringLiteral("%1: status error, %2: %3").arg(what, type, message);
        return err;
    }
    if (warnings)
        *warnings = J::strings(d, "warnings");
    if (infos)
        *infos = J::strings(d, "infos");
    return J::take(std::move(doc).value(), "data", what);
}

/// rawDataOf() for the endpoints whose `data` is an object.
Result<Json> dataOf(const QByteArray& body, const QString& what, QStringList* warnings = nullptr,
                    QStringList* infos = nullptr)
{
    return J::objectOf(rawDataOf(body, what, warnings, infos), what, "data");
}

/// rawDataOf() for the endpoints whose `data` is an array (null: empty).
Result<Json> arrayDataOf(const QByteArray& body, const QString& what)
{
    auto data = rawDataOf(body, what);
    if (!data)
        return data;
    if (data.value().is_null())
        return Json::array();
    if (!data.value().is_array())
        return J::shapeError(what, QStringLiteral("data is not an array"));
    return data;
}

Alert alertOf(const Json& a)
{
    Alert out;
    out.labels = J::stringMap(J::member(a, "labels"));
    out.annotations = J::stringMap(J::member(a, "annotations"));
    out.state = J::string(a, "state");
    out.value = J::string(a, "value");
    out.activeAt = J::dateTime(a, "activeAt");
    return out;
}

/// One sample of an instant vector; a native histogram sample (no "value") is not charted.
std::optional<Sample> sampleOf(const Json& s)
{
    const Json* value = J::member(s, "value");
    const auto p = value ? pointOf(*value) : std::nullopt;
    if (!p)
        return std::nullopt;
    return Sample{J::stringMap(J::member(s, "metric")), *p};
}

Series seriesOf(const Json& s)
{
    Series series;
    series.metric = J::stringMap(J::member(s, "metric"));
    const Json& values = J::array(s, "values");
    series.points.reserve(static_cast<qsizetype>(values.size()));
    for (const Json& pair : values) {
        if (const auto p = pointOf(pair))
            series.points.append(*p);
    }
    return series;
}

Target targetOf(const Json& t)
{
    Target target;
    target.labels = J::stringMap(J::member(t, "labels"));
    target.discoveredLabels = J::stringMap(J::member(t, "discoveredLabels"));
    target.scrapePool = J::string(t, "scrapePool");
    target.scrapeUrl = J::string(t, "scrapeUrl");
    target.health = J::string(t, "health", QStringLiteral("unknown"));
    target.lastError = J::string(t, "lastError");
    target.lastScrape = J::dateTime(t, "lastScrape");
    target.lastScrapeDuration = J::number(t, "lastScrapeDuration");
    target.scrapeInterval = J::string(t, "scrapeInterval");
    return target;
}

Rule ruleOf(const Json& r)
{
    Rule rule;
    rule.type = J::string(r, "type");
    rule.name = J::string(r, "name");
    rule.query = J::string(r, "query");
    rule.health = J::string(r, "health");
    rule.lastError = J::string(r, "lastError");
    rule.state = J::string(r, "state");
    rule.duration = J::number(r, "duration");
    rule.labels = J::stringMap(J::member(r, "labels"));
    rule.annotations = J::stringMap(J::member(r, "annotations"));
    rule.alerts = J::objects<Alert>(J::array(r, "alerts"), alertOf);
    return rule;
}

RuleGroup ruleGroupOf(const Json& g)
{
    RuleGroup group;
    group.name = J::string(g, "name");
    group.file = J::string(g, "file");
    group.interval = J::number(g, "interval");
    group.rules = J::objects<Rule>(J::array(g, "rules"), ruleOf);
    return group;
}

} // namespace

double sampleValue(const std::string& text)
{
    // The common case without a QString: a plain decimal number ("12.5", "-3e-05"), read whole by from_chars. The
    // rest (spaces, "+Inf", "NaN", anything odd) goes the QString way below, so both give the same value.
    const char* begin = text.data();
    const char* end = begin + text.size();
    const char first = begin != end ? *begin : '\0';
    const char second = text.size() > 1 ? begin[1] : '\0';
    const auto digit = [](char c) { return (c >= '0' && c <= '9') || c == '.'; };
    if (digit(first) || (first == '-' && digit(second))) {
        double d = 0;
        const auto [ptr, ec] = std::from_chars(begin, end, d);
        if (ec == std::errc() && ptr == end)
            return d;
    }
    return sampleValue(QString::fromStdString(text));
}

double sampleValue(const QString& text)
{
    const QString s = text.trimmed();
    if (s.compare(QLatin1String("NaN"), Qt::CaseInsensitive) == 0)
        return std::numeric_limits<double>::quiet_NaN();
    if (s.compare(QLatin1String("+Inf"), Qt::CaseInsensitive) == 0 ||
        s.compare(QLatin1String("Inf"), Qt::CaseInsensitive) == 0)
        return std::numeric_limits<double>::infinity();
    if (s.compare(QLatin1String("-Inf"), Qt::CaseInsensitive) == 0)
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double d = s.toDouble(&ok);
    return ok ? d : std::numeric_limits<double>::quiet_NaN();
}

std::optional<EnvelopeError> envelopeError(const QByteArray& body)
{
    const Json doc = J::documentOrNull(body);
    if (J::string(doc, "status") != QLatin1String("error"))
        return std::nullopt;
    return EnvelopeError{J::string(doc, "errorType"), J::string(doc, "error")};
}

Result<QueryResult> queryResult(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v1/query");
    QueryResult out;
    const auto data = dataOf(body, what, &out.warnings, &out.infos);
    if (!data)
        return data.error();
    const QString type = J::string(data.value(), "resultType");
    const Json* result = J::member(data.value(), "result");
    if (type == QLatin1String("vector")) {
        out.type = QueryResult::Type::Vector;
        out.vector = J::objects<Sample>(J::array(data.value(), "result"), sampleOf);
    } else if (type == QLatin1String("matrix")) {
        out.type = QueryResult::Type::Matrix;
        out.matrix = J::objects<Series>(J::array(data.value(), "result"), seriesOf);
    } else if (type == QLatin1String("scalar")) {
        out.type = QueryResult::Type::Scalar;
        const auto p = result ? pointOf(*result) : std::nullopt;
        if (!p)
            return J::shapeError(what, QStringLiteral("scalar result is not a [time, value] pair"));
        out.scalar = *p;
    } else if (type == QLatin1String("string")) {
        out.type = QueryResult::Type::String;
        if (!result || !result->is_array() || result->size() != 2)
            return J::shapeError(what, QStringLiteral("string result is not a [time, value] pair"));
        out.scalar.time = J::toNumber((*result)[0]);
        out.string = J::toString((*result)[1]);
    } else {
        return J::shapeError(what, QStringLiteral("unknown resultType \"%1\"").arg(type));
    }
    return out;
}

Result<Targets> targets(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v1/targets");
    const auto data = dataOf(body, what);
    if (!data)
        return data.error();
    const Json& d = data.value();
    Targets out;
    out.active = J::objects<Target>(J::array(d, "activeTargets"), targetOf);
    out.droppedCount = static_cast<int>(J::array(d, "droppedTargets").size());
    return out;
}

Result<QList<Alert>> alerts(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v1/alerts");
    const auto data = dataOf(body, what);
    if (!data)
        return data.error();
    return J::objects<Alert>(J::array(data.value(), "alerts"), alertOf);
}

Result<QList<RuleGroup>> rules(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v1/rules");
    const auto data = dataOf(body, what);
    if (!data)
        return data.error();
    return J::objects<RuleGroup>(J::array(data.value(), "groups"), ruleGroupOf);
}

Result<BuildInfo> buildInfo(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v1/status/buildinfo");
    const auto data = dataOf(body, what);
    if (!data)
        return data.error();
    const Json& d = data.value();
    BuildInfo b;
    b.version = J::string(d, "version");
    b.revision = J::string(d, "revision");
    b.branch = J::string(d, "branch");
    b.buildUser = J::string(d, "buildUser");
    b.buildDate = J::string(d, "buildDate");
    b.goVersion = J::string(d, "goVersion");
    if (b.version.isEmpty())
        return J::shapeError(what, QStringLiteral("no version"));
    return b;
}

} // namespace hlc::prom::parser

namespace hlc::prom::parser {

Result<QStringList> labelValues(const QByteArray& body)
{
    const auto data = arrayDataOf(body, QStringLiteral("/api/v1/label/.../values"));
    if (!data)
        return data.error();
    QStringList out;
    for (const Json& v : data.value()) {
        if (v.is_string())
            out << QString::fromStdString(v.get<std::string>());
    }
    return out;
}

Result<QList<Labels>> series(const QByteArray& body)
{
    const auto data = arrayDataOf(body, QStringLiteral("/api/v1/series"));
    if (!data)
        return data.error();
    QList<Labels> out;
    for (const Json& v : data.value()) {
        if (v.is_object())
            out << J::stringMap(&v);
    }
    return out;
}

} // namespace hlc::prom::parser
