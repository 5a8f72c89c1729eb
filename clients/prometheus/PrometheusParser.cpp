#include "PrometheusParser.h"

#include "core/Json.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace hlc::prom::parser {

using hlc::json::Json;
namespace J = hlc::json;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("hlc::prom::PrometheusParser", text);
}

Labels labelsOf(const Json* o)
{
    Labels out;
    if (!o || !o->is_object())
        return out;
    for (auto it = o->begin(); it != o->end(); ++it) {
        if (it.value().is_object() || it.value().is_array())
            continue;
        out.insert(QString::fromStdString(it.key()), J::toString(it.value()));
    }
    return out;
}

QDateTime timeOf(const Json& o, const char* key)
{
    const QString s = J::string(o, key);
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    // Go's zero time ("0001-01-01T00:00:00Z") means "never".
    if (t.isValid() && t.date().year() <= 1)
        return {};
    return t;
}

QStringList stringList(const Json& o, const char* key)
{
    QStringList out;
    for (const Json& v : J::array(o, key)) {
        const QString s = J::toString(v);
        if (!s.isEmpty())
            out << s;
    }
    return out;
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
        v = sampleValue(QString::fromStdString(pair[1].get<std::string>()));
    else if (pair[1].is_number())
        v = pair[1].get<double>();
    return Point{t, v};
}

/// Unwraps the envelope: the `data` member, or the envelope's error, or a Parse error.
std::optional<Json> dataOf(const QByteArray& body, const QString& what, ApiError* err, QStringList* warnings = nullptr,
                           QStringList* infos = nullptr)
{
    auto doc = J::parse(body, what, err);
    if (!doc)
        return std::nullopt;
    if (!doc->is_object()) {
        *err = J::shapeError(what, QStringLiteral("not an object"));
        return std::nullopt;
    }
    const QString status = J::string(*doc, "status");
    if (status == QLatin1String("error")) {
        const QString type = J::string(*doc, "errorType");
        const QString message = J::string(*doc, "error");
        err->kind = ApiError::Kind::Rejected;
        err->message = tr("Prometheus answered with an error (%1): %2").arg(type, message);
        err->detail = QStringLiteral("%1: status error, %2: %3").arg(what, type, message);
        return std::nullopt;
    }
    if (warnings)
        *warnings = stringList(*doc, "warnings");
    if (infos)
        *infos = stringList(*doc, "infos");
    const Json* data = J::member(*doc, "data");
    if (!data) {
        *err = J::shapeError(what, QStringLiteral("no \"data\" member"));
        return std::nullopt;
    }
    return *data;
}

Alert alertOf(const Json& a)
{
    Alert out;
    out.labels = labelsOf(J::member(a, "labels"));
    out.annotations = labelsOf(J::member(a, "annotations"));
    out.state = J::string(a, "state");
    out.value = J::string(a, "value");
    out.activeAt = timeOf(a, "activeAt");
    return out;
}

} // namespace

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
    const Json doc = Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return std::nullopt;
    if (J::string(doc, "status") != QLatin1String("error"))
        return std::nullopt;
    return EnvelopeError{J::string(doc, "errorType"), J::string(doc, "error")};
}

Result<QueryResult> queryResult(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v1/query");
    ApiError err;
    QueryResult out;
    const auto data = dataOf(body, what, &err, &out.warnings, &out.infos);
    if (!data)
        return err;
    if (!data->is_object())
        return J::shapeError(what, QStringLiteral("data is not an object"));
    const QString type = J::string(*data, "resultType");
    const Json* result = J::member(*data, "result");
    if (type == QLatin1String("vector")) {
        out.type = QueryResult::Type::Vector;
        if (result && result->is_array()) {
            for (const Json& s : *result) {
                if (!s.is_object())
                    continue;
                const Json* value = J::member(s, "value");
                if (!value)
                    continue; // a native histogram sample: not charted
                const auto p = pointOf(*value);
                if (!p)
                    continue;
                out.vector.append(Sample{labelsOf(J::member(s, "metric")), *p});
            }
        }
    } else if (type == QLatin1String("matrix")) {
        out.type = QueryResult::Type::Matrix;
        if (result && result->is_array()) {
            for (const Json& s : *result) {
                if (!s.is_object())
                    continue;
                Series series;
                series.metric = labelsOf(J::member(s, "metric"));
                for (const Json& pair : J::array(s, "values")) {
                    if (const auto p = pointOf(pair))
                        series.points.append(*p);
                }
                out.matrix.append(series);
            }
        }
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
    ApiError err;
    const auto data = dataOf(body, what, &err);
    if (!data)
        return err;
    if (!data->is_object())
        return J::shapeError(what, QStringLiteral("data is not an object"));
    Targets out;
    for (const Json& t : J::array(*data, "activeTargets")) {
        if (!t.is_object())
            continue;
        Target target;
        target.labels = labelsOf(J::member(t, "labels"));
        target.discoveredLabels = labelsOf(J::member(t, "discoveredLabels"));
        target.scrapePool = J::string(t, "scrapePool");
        target.scrapeUrl = J::string(t, "scrapeUrl");
        target.health = J::string(t, "health", QStringLiteral("unknown"));
        target.lastError = J::string(t, "lastError");
        target.lastScrape = timeOf(t, "lastScrape");
        target.lastScrapeDuration = J::number(t, "lastScrapeDuration");
        target.scrapeInterval = J::string(t, "scrapeInterval");
        out.active.append(target);
    }
    out.droppedCount = static_cast<int>(J::array(*data, "droppedTargets").size());
    return out;
}

Result<QList<Alert>> alerts(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v1/alerts");
    ApiError err;
    const auto data = dataOf(body, what, &err);
    if (!data)
        return err;
    QList<Alert> out;
    if (!data->is_object())
        return J::shapeError(what, QStringLiteral("data is not an object"));
    for (const Json& a : J::array(*data, "alerts")) {
        if (a.is_object())
            out.append(alertOf(a));
    }
    return out;
}

Result<QList<RuleGroup>> rules(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v1/rules");
    ApiError err;
    const auto data = dataOf(body, what, &err);
    if (!data)
        return err;
    if (!data->is_object())
        return J::shapeError(what, QStringLiteral("data is not an object"));
    QList<RuleGroup> out;
    for (const Json& g : J::array(*data, "groups")) {
        if (!g.is_object())
            continue;
        RuleGroup group;
        group.name = J::string(g, "name");
        group.file = J::string(g, "file");
        group.interval = J::number(g, "interval");
        for (const Json& r : J::array(g, "rules")) {
            if (!r.is_object())
                continue;
            Rule rule;
            rule.type = J::string(r, "type");
            rule.name = J::string(r, "name");
            rule.query = J::string(r, "query");
            rule.health = J::string(r, "health");
            rule.lastError = J::string(r, "lastError");
            rule.state = J::string(r, "state");
            rule.duration = J::number(r, "duration");
            rule.labels = labelsOf(J::member(r, "labels"));
            rule.annotations = labelsOf(J::member(r, "annotations"));
            for (const Json& a : J::array(r, "alerts")) {
                if (a.is_object())
                    rule.alerts.append(alertOf(a));
            }
            group.rules.append(rule);
        }
        out.append(group);
    }
    return out;
}

Result<BuildInfo> buildInfo(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v1/status/buildinfo");
    ApiError err;
    const auto data = dataOf(body, what, &err);
    if (!data)
        return err;
    if (!data->is_object())
        return J::shapeError(what, QStringLiteral("data is not an object"));
    BuildInfo b;
    b.version = J::string(*data, "version");
    b.revision = J::string(*data, "revision");
    b.branch = J::string(*data, "branch");
    b.buildUser = J::string(*data, "buildUser");
    b.buildDate = J::string(*data, "buildDate");
    b.goVersion = J::string(*data, "goVersion");
    if (b.version.isEmpty())
        return J::shapeError(what, QStringLiteral("no version"));
    return b;
}

} // namespace hlc::prom::parser
