#include "SimPrometheus.h"

#include "SimHomelab.h"

#include <QElapsedTimer>
#include <QHash>
#include <QLocale>
#include <QSet>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>

namespace hlc::sim {

using nlohmann::json;

namespace {

constexpr int kMaxPoints = 11000; // Prometheus' own limit per series

std::string str(const QString& s)
{
    return s.toStdString();
}

double nowSeconds()
{
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

QString isoTime(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

/// Go's strconv.FormatFloat(v, 'f', -1, 64), as Prometheus writes sample values.
std::string sampleString(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    return QString::number(v, 'f', QLocale::FloatingPointShortest).toStdString();
}

/// Go's FormatFloat(v, 'e', -1, 64), as Prometheus writes an alert's value ("8.6e+01").
std::string alertValueString(double v)
{
    if (std::isnan(v))
        return "NaN";
    QString s = QString::number(v, 'e', QLocale::FloatingPointShortest);
    return s.toStdString();
}

json labelsJson(const QMap<QString, QString>& labels)
{
    json o = json::object();
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        o[str(it.key())] = str(it.value());
    return o;
}

QString labelKey(const QMap<QString, QString>& labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value();
    return parts.join(QLatin1Char(','));
}

SimResponse ok(const json& data)
{
    return SimResponse::json(200, QByteArray::fromStdString(json{{"status", "success"}, {"data", data}}.dump()));
}

SimResponse promError(int status, const char* type, const QString& message)
{
    return SimResponse::json(
        status,
        QByteArray::fromStdString(json{{"status", "error"}, {"errorType", type}, {"error", str(message)}}.dump()));
}

/// The parameters of a GET query string or a POST form body.
QUrlQuery paramsOf(const SimRequest& r)
{
    QUrlQuery q = r.query;
    if (r.method == "POST" && !r.body.isEmpty()) {
        QByteArray body = r.body;
        body.replace('+', "%20"); // form encoding: '+' is a space
        const QUrlQuery form(QString::fromLatin1(body));
        for (const auto& [k, v] : form.queryItems(QUrl::FullyEncoded))
            q.addQueryItem(k, v);
    }
    return q;
}

QString param(const QUrlQuery& q, const char* name)
{
    return q.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

/// A Prometheus time parameter: Unix seconds (float) or RFC3339.
std::optional<double> parseTime(const QString& s)
{
    bool ok = false;
    const double d = s.toDouble(&ok);
    if (ok && std::isfinite(d))
        return d;
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (t.isValid())
        return static_cast<double>(t.toMSecsSinceEpoch()) / 1000.0;
    return std::nullopt;
}

/// A Prometheus duration parameter: float seconds or "1h30m", "15s", "500ms".
std::optional<double> parseDuration(const QString& s)
{
    bool ok = false;
    const double d = s.toDouble(&ok);
    if (ok && std::isfinite(d))
        return d;
    static const QRegularExpression s_part(QStringLiteral("(\\d+)(ms|y|w|d|h|m|s)"));
    double total = 0.0;
    qsizetype pos = 0;
    auto it = s_part.globalMatch(s);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != pos)
            return std::nullopt;
        pos = m.capturedEnd();
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        if (unit == QLatin1String("ms"))
            total += n / 1000.0;
        else if (unit == QLatin1String("s"))
            total += n;
        else if (unit == QLatin1String("m"))
            total += n * 60;
        else if (unit == QLatin1String("h"))
            total += n * 3600;
        else if (unit == QLatin1String("d"))
            total += n * 86400;
        else if (unit == QLatin1String("w"))
            total += n * 7 * 86400;
        else
            total += n * 365 * 86400;
    }
    if (pos == 0 || pos != s.size())
        return std::nullopt;
    return total;
}

double wave(double t, double period, double phase)
{
    return std::sin(2.0 * std::numbers::pi * t / period + phase);
}

/// PromQL string unescape (enough for the forms clients write: \\, \", \n, \t, \r).
QString unquote(const QString& text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            const QChar e = text.at(++i);
            c = e == QLatin1Char('n')   ? QChar(QLatin1Char('\n'))
                : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                : e == QLatin1Char('r') ? QChar(QLatin1Char('\r'))
                                        : e;
        }
        out += c;
    }
    return out;
}

/// The anchored regular expression of @p pattern, compiled once: a range query evaluates the same matchers for
/// every sample at every step (the large profile's 20-instance alternation, 60 steps, 8 metrics), and compiling
/// (with PCRE2's JIT) each time kept the simulator's one thread busy for seconds, so every other service it
/// serves timed out in the app. A small cache, emptied when it grows past a bound (queries vary little).
/// Returned by value: a copy shares the compiled pattern, and stays valid when the cache rehashes.
QRegularExpression anchoredRegex(const QString& pattern)
{
    static QHash<QString, QRegularExpression> s_cache;
    const auto it = s_cache.constFind(pattern);
    if (it != s_cache.constEnd())
        return *it;
    if (s_cache.size() >= 256)
        s_cache.clear();
    QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    re.optimize();
    return *s_cache.insert(pattern, re);
}

/// Whether label matcher `name op "value"` holds for @p actual (a missing label is "").
bool matcherHolds(const QString& op, const QString& value, const QString& actual)
{
    if (op == QLatin1String("="))
        return actual == value;
    if (op == QLatin1String("!="))
        return actual != value;
    const QRegularExpression re = anchoredRegex(value);
    if (!re.isValid())
        return false;
    return re.match(actual).hasMatch() == (op == QLatin1String("=~"));
}

/// Whether every `instance` and `job` matcher in @p promql holds for @p labels (true when there is none): how the
/// built-in handlers pick the targets a query selects, by `instance="x"`, `instance=~"a|b"` or `job="..."`.
bool selects(const QString& promql, const QMap<QString, QString>& labels)
{
    static const QRegularExpression s_matcher(
        QStringLiteral("\\b(instance|job)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
    auto it = s_matcher.globalMatch(promql);
    while (it.hasNext()) {
        const auto m = it.next();
        if (!matcherHolds(m.captured(2), unquote(m.captured(3)), labels.value(m.captured(1))))
            return false;
    }
    return true;
}

/// A series selector (`up`, `node_load1{job="x"}`, `{instance=~"a.*"}`) as (metric name or empty, matchers);
/// nullopt when it is none.
struct Selector
{
    QString name;
    QList<std::tuple<QString, QString, QString>> matchers; ///< label, operator, value
};

std::optional<Selector> parseSelector(const QString& text)
{
    static const QRegularExpression s_form(QStringLiteral("^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)?\\s*(?:\\{(.*)\\})?\\s*$"),
                                           QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression s_matcher(
        QStringLiteral("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)"));
    const auto f = s_form.match(text);
    if (!f.hasMatch() || (f.captured(1).isEmpty() && f.captured(2).trimmed().isEmpty()))
        return std::nullopt;
    Selector out;
    out.name = f.captured(1);
    const QString body = f.captured(2);
    qsizetype pos = 0;
    while (pos < body.size() && !body.mid(pos).trimmed().isEmpty()) {
        const auto m =
            s_matcher.match(body, pos, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return std::nullopt;
        out.matchers.append({m.captured(1), m.captured(2), unquote(m.captured(3))});
        pos = m.capturedEnd();
    }
    if (!out.name.isEmpty())
        out.matchers.append({QStringLiteral("__name__"), QStringLiteral("="), out.name});
    return out;
}

/// Every `match[]` parameter, whether its brackets came percent-encoded or not.
QStringList matchParams(const QUrlQuery& q)
{
    QStringList out;
    for (const auto& [key, value] : q.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("match[]"))
            out << value;
    }
    return out;
}

SimResponse unauthorized(); // below, beside the routes that were first to use it

bool selectorHolds(const Selector& sel, const QMap<QString, QString>& labels)
{
    for (const auto& [label, op, value] : sel.matchers) {
        if (!matcherHolds(op, value, labels.value(label)))
            return false;
    }
    return true;
}

bool anySelectorHolds(const QList<Selector>& selectors, const QMap<QString, QString>& labels)
{
    return std::any_of(selectors.cbegin(), selectors.cend(),
                       [&labels](const Selector& s) { return selectorHolds(s, labels); });
}

/// Parses every `match[]` selector into @p out; the first one that does not parse is Prometheus' 400 answer.
std::optional<SimResponse> parseSelectors(const QStringList& match, QList<Selector>* out)
{
    for (const QString& m : match) {
        const auto sel = parseSelector(m);
        if (!sel)
            return promError(
                400, "bad_data",
                QStringLiteral("invalid parameter \"match[]\": 1:1: parse error: unexpected input in %1").arg(m));
        out->append(*sel);
    }
    return std::nullopt;
}

} // namespace

SimPrometheus::SimPrometheus(SimHomelab* lab, SimHttpServer* server, QObject* parent)
    : QObject(parent)
    , m_lab(lab)
    , m_server(server)
    , m_startedAt(QDateTime::currentDateTimeUtc())
{
    installNodeHandlers();
    installAlertRules();
    evaluateRules();
    if (m_lab) {
        connect(m_lab, &SimHomelab::ticked, this, [this] {
            if (evaluateRules())
                emit alertsChanged();
        });
    }
    if (!m_server)
        return;
    for (const QByteArray& method : {QByteArray("GET"), QByteArray("POST")}) {
        m_server->route(method, QStringLiteral("/api/v1/query"), [this](const SimRequest& r) { return query(r); });
        m_server->route(method, QStringLiteral("/api/v1/query_range"),
                        [this](const SimRequest& r) { return queryRange(r); });
    }
    m_server->route("GET", QStringLiteral("/api/v1/targets"), [this](const SimRequest& r) { return targets(r); });
    m_server->route("GET", QStringLiteral("/api/v1/alerts"), [this](const SimRequest& r) { return alerts(r); });
    m_server->route("GET", QStringLiteral("/api/v1/rules"), [this](const SimRequest& r) { return rules(r); });
    for (const QByteArray& method : {QByteArray("GET"), QByteArray("POST")})
        m_server->route(method, QStringLiteral("/api/v1/series"), [this](const SimRequest& r) { return series(r); });
    m_server->route("GET", QStringLiteral("/api/v1/label/{name}/values"),
                    [this](const SimRequest& r) { return labelValues(r); });
    m_server->route("GET", QStringLiteral("/api/v1/status/buildinfo"),
                    [this](const SimRequest& r) { return buildInfo(r); });
}

SimPrometheus::~SimPrometheus() = default;

QString SimPrometheus::instanceOf(const QString& nodeName)
{
    return nodeName + QStringLiteral(":9100");
}

QString SimPrometheus::jobOf(const QString& nodeName)
{
    // The seed's scrape jobs (HOMELAB-ARCHITECTURE.md): one per host, Host A the ThinkPad, Host B the Ryzen.
    if (nodeName == QLatin1String("pve-thinkpad"))
        return QStringLiteral("node-exporter-hostA");
    if (nodeName == QLatin1String("pve-ryzen"))
        return QStringLiteral("node-exporter-hostB");
    return QStringLiteral("node-exporter-") + nodeName;
}

QList<QMap<QString, QString>> SimPrometheus::knownSeries() const
{
    QList<QMap<QString, QString>> out;
    auto add = [&out](const QString& name, const QString& instance, const QString& job) {
        out.append(
            {{QStringLiteral("__name__"), name}, {QStringLiteral("instance"), instance}, {QStringLiteral("job"), job}});
    };
    add(QStringLiteral("up"), QStringLiteral("localhost:9090"), QStringLiteral("prometheus"));
    add(QStringLiteral("prometheus_build_info"), QStringLiteral("localhost:9090"), QStringLiteral("prometheus"));
    const QList<SimNode> nodes = m_lab ? m_lab->nodes() : QList<SimNode>{};
    for (const SimNode& n : nodes) {
        // up exists for every target; an offline node's node_* series stay known (as in the TSDB's head block).
        for (const char* name : {"up", "node_load1", "node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes",
                                 "node_cpu_seconds_total"})
            add(QLatin1String(name), instanceOf(n.name), jobOf(n.name));
    }
    return out;
}

SimResponse SimPrometheus::series(const SimRequest& request) const
{
    if (!authorized(request))
        return unauthorized();
    const QUrlQuery q = paramsOf(request);
    const QStringList match = matchParams(q);
    if (match.isEmpty())
        return promError(400, "bad_data", QStringLiteral("no match[] parameter provided"));
    QList<Selector> selectors;
    if (std::optional<SimResponse> bad = parseSelectors(match, &selectors))
        return *bad;
    json data = json::array();
    for (const auto& labels : knownSeries()) {
        if (anySelectorHolds(selectors, labels))
            data.push_back(labelsJson(labels));
    }
    return ok(data);
}

SimResponse SimPrometheus::labelValues(const SimRequest& request) const
{
    if (!authorized(request))
        return unauthorized();
    const QString name = request.params.value(QStringLiteral("name"));
    const QStringList match = matchParams(request.query);
    QList<Selector> selectors;
    if (std::optional<SimResponse> bad = parseSelectors(match, &selectors))
        return *bad;
    QSet<QString> values;
    for (const auto& labels : knownSeries()) {
        if ((selectors.isEmpty() || anySelectorHolds(selectors, labels)) && labels.contains(name))
            values.insert(labels.value(name));
    }
    QStringList sorted(values.cbegin(), values.cend());
    sorted.sort();
    json data = json::array();
    for (const QString& v : std::as_const(sorted))
        data.push_back(str(v));
    return ok(data);
}

void SimPrometheus::addQueryHandler(const QRegularExpression& pattern, QueryHandler handler)
{
    m_handlers.append(Handler{pattern, std::move(handler)});
}

void SimPrometheus::addAlertRule(const SimAlertRule& rule)
{
    m_rules.append(RuleState{rule, {}});
    evaluateRules();
}

void SimPrometheus::setGpuAlertCycle(double periodSeconds, double firingSeconds, double offsetSeconds)
{
    m_gpuPeriod = std::max(1.0, periodSeconds);
    m_gpuFiring = firingSeconds;
    m_gpuOffset = offsetSeconds;
    if (evaluateRules())
        emit alertsChanged();
}

bool SimPrometheus::authorized(const SimRequest& request) const
{
    return m_requiredAuth.isEmpty() || request.header("authorization") == m_requiredAuth;
}

namespace {

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char(':');
}

/// Index of the end of the quoted string starting at @p i (its closing quote), or -1.
qsizetype skipString(const QString& s, qsizetype i)
{
    const QChar quote = s.at(i);
    for (qsizetype j = i + 1; j < s.size(); ++j) {
        if (s.at(j) == QLatin1Char('\\') && quote != QLatin1Char('`'))
            ++j;
        else if (s.at(j) == quote)
            return j;
    }
    return -1;
}

bool isQuote(QChar c)
{
    return c == QLatin1Char('"') || c == QLatin1Char('\'') || c == QLatin1Char('`');
}

/// Index of the bracket closing the one at @p open (quotes skipped), or -1.
qsizetype matchingClose(const QString& s, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (isQuote(c)) {
            i = skipString(s, i);
            if (i < 0)
                return -1;
        } else if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
            if (--depth == 0)
                return i;
        }
    }
    return -1;
}

/// Splits @p expr at its top-level separators: the binary operator `or` (@p byOr) or commas (else).
QStringList splitTopLevel(const QString& expr, bool byOr)
{
    QStringList parts;
    int depth = 0;
    qsizetype from = 0;
    for (qsizetype i = 0; i < expr.size(); ++i) {
        const QChar c = expr.at(i);
        if (isQuote(c)) {
            i = skipString(expr, i);
            if (i < 0)
                return {expr}; // unbalanced quote: leave it to the handlers
        } else if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
            --depth;
        } else if (depth == 0 && !byOr && c == QLatin1Char(',')) {
            parts << expr.mid(from, i - from).trimmed();
            from = i + 1;
        } else if (depth == 0 && byOr && expr.mid(i, 2).compare(QLatin1String("or"), Qt::CaseInsensitive) == 0 &&
                   (i == 0 || !isIdentChar(expr.at(i - 1))) && (i + 2 >= expr.size() || !isIdentChar(expr.at(i + 2)))) {
            parts << expr.mid(from, i - from).trimmed();
            from = i + 2;
            ++i;
        }
    }
    parts << expr.mid(from).trimmed();
    return parts;
}

/// The content of a PromQL string literal ("...", '...' or `...`), or nullopt.
std::optional<QString> stringLiteral(const QString& text)
{
    const QString t = text.trimmed();
    if (t.size() < 2 || !isQuote(t.front()) || skipString(t, 0) != t.size() - 1)
        return std::nullopt;
    QString inner = t.mid(1, t.size() - 2);
    if (t.front() == QLatin1Char('`'))
        return inner;
    QString out;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (inner.at(i) == QLatin1Char('\\') && i + 1 < inner.size()) {
            const QChar n = inner.at(++i);
            out += n == QLatin1Char('n') ? QChar(QLatin1Char('\n'))
                                         : (n == QLatin1Char('t') ? QChar(QLatin1Char('\t')) : n);
        } else {
            out += inner.at(i);
        }
    }
    return out;
}

/// Go's Regexp.Expand for label_replace's replacement: $1, ${1}, $name, ${name}, $$.
QString expandReplacement(const QString& replacement, const QRegularExpressionMatch& m)
{
    static const QRegularExpression s_ref(QStringLiteral("\\$(?:\\$|\\{(\\w+)\\}|(\\w+))"));
    QString out;
    qsizetype pos = 0;
    auto it = s_ref.globalMatch(replacement);
    while (it.hasNext()) {
        const auto r = it.next();
        out += replacement.mid(pos, r.capturedStart() - pos);
        pos = r.capturedEnd();
        if (r.captured(0) == QLatin1String("$$")) {
            out += QLatin1Char('$');
            continue;
        }
        const QString name = r.hasCaptured(1) && !r.captured(1).isEmpty() ? r.captured(1) : r.captured(2);
        bool isNumber = false;
        const int n = name.toInt(&isNumber);
        out += isNumber ? m.captured(n) : m.captured(name);
    }
    out += replacement.mid(pos);
    return out;
}

QString labelKeyWithoutName(QMap<QString, QString> labels)
{
    labels.remove(QStringLiteral("__name__"));
    return labelKey(labels);
}

} // namespace

QList<PromSample> SimPrometheus::evaluate(const QString& promql, double t) const
{
    QString e = promql.trimmed();
    while (e.startsWith(QLatin1Char('(')) && matchingClose(e, 0) == e.size() - 1)
        e = e.mid(1, e.size() - 2).trimmed();

    // `a or b or ...`: every element of a, then those of b whose label set (without the name) a lacks, ...
    const QStringList operands = splitTopLevel(e, true);
    if (operands.size() > 1) {
        QList<PromSample> out;
        QSet<QString> seen;
        for (const QString& operand : operands) {
            static const QRegularExpression s_modifier(QStringLiteral("^(on|ignoring)\\s*\\("));
            if (operand.isEmpty() || s_modifier.match(operand).hasMatch())
                return evaluateByHandlers(promql, t); // not a plain `or` chain
            QSet<QString> added;
            for (const PromSample& s : evaluate(operand, t)) {
                const QString key = labelKeyWithoutName(s.labels);
                if (seen.contains(key))
                    continue;
                added.insert(key);
                out.append(s);
            }
            seen.unite(added);
        }
        return out;
    }

    // label_replace(v, "dst", "replacement", "src", "regex"), applied to the evaluated v.
    static const QRegularExpression s_labelReplace(QStringLiteral("^label_replace\\s*\\("));
    if (const auto m = s_labelReplace.match(e); m.hasMatch()) {
        const qsizetype open = m.capturedEnd() - 1;
        if (matchingClose(e, open) == e.size() - 1) {
            const QStringList args = splitTopLevel(e.mid(open + 1, e.size() - open - 2), false);
            if (args.size() != 5)
                return {};
            const auto dst = stringLiteral(args.at(1));
            const auto replacement = stringLiteral(args.at(2));
            const auto src = stringLiteral(args.at(3));
            const auto regex = stringLiteral(args.at(4));
            static const QRegularExpression s_labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
            if (!dst || !replacement || !src || !regex || !s_labelName.match(*dst).hasMatch())
                return {};
            const QRegularExpression re = anchoredRegex(*regex);
            if (!re.isValid())
                return {};
            QList<PromSample> out = evaluate(args.at(0), t);
            for (PromSample& s : out) {
                const auto match = re.match(s.labels.value(*src));
                if (!match.hasMatch())
                    continue;
                const QString value = expandReplacement(*replacement, match);
                if (value.isEmpty())
                    s.labels.remove(*dst);
                else
                    s.labels.insert(*dst, value);
            }
            return out;
        }
    }
    return evaluateByHandlers(promql, t);
}

QList<PromSample> SimPrometheus::evaluateByHandlers(const QString& promql, double t) const
{
    for (auto it = m_handlers.crbegin(); it != m_handlers.crend(); ++it) {
        const auto m = it->pattern.match(promql);
        if (m.hasMatch())
            return it->handler(m, t);
    }
    return {};
}

namespace {
SimResponse unauthorized()
{
    return SimResponse::text(401, "Unauthorized\n");
}
} // namespace

SimResponse SimPrometheus::query(const SimRequest& request)
{
    if (!authorized(request))
        return unauthorized();
    const QUrlQuery q = paramsOf(request);
    const QString promql = param(q, "query").trimmed();
    if (promql.isEmpty())
        return promError(400, "bad_data",
                         QStringLiteral("invalid parameter \"query\": 1:1: parse error: no expression found in input"));
    double t = nowSeconds();
    if (q.hasQueryItem(QStringLiteral("time"))) {
        const auto parsed = parseTime(param(q, "time"));
        if (!parsed)
            return promError(400, "bad_data",
                             QStringLiteral("invalid parameter \"time\": cannot parse \"%1\" to a valid timestamp")
                                 .arg(param(q, "time")));
        t = *parsed;
    }
    json result = json::array();
    for (const PromSample& s : evaluate(promql, t))
        result.push_back({{"metric", labelsJson(s.labels)}, {"value", json::array({t, sampleString(s.value)})}});
    SimResponse r = ok({{"resultType", "vector"}, {"result", result}});
    if (!m_warnings.isEmpty()) { // a real server's partial answer: data plus warnings in the envelope
        json env = json::parse(r.body.constBegin(), r.body.constEnd());
        json w = json::array();
        for (const QString& x : std::as_const(m_warnings))
            w.push_back(str(x));
        env["warnings"] = w;
        r.body = QByteArray::fromStdString(env.dump());
    }
    return r;
}

SimResponse SimPrometheus::queryRange(const SimRequest& request)
{
    if (!authorized(request))
        return unauthorized();
    const QUrlQuery q = paramsOf(request);
    const QString promql = param(q, "query").trimmed();
    const auto start = parseTime(param(q, "start"));
    if (!start)
        return promError(400, "bad_data",
                         QStringLiteral("invalid parameter \"start\": cannot parse \"%1\" to a valid timestamp")
                             .arg(param(q, "start")));
    const auto end = parseTime(param(q, "end"));
    if (!end)
        return promError(
            400, "bad_data",
            QStringLiteral("invalid parameter \"end\": cannot parse \"%1\" to a valid timestamp").arg(param(q, "end")));
    if (*end < *start)
        return promError(400, "bad_data",
                         QStringLiteral("invalid parameter \"end\": end timestamp must not be before start time"));
    const auto step = parseDuration(param(q, "step"));
    if (!step)
        return promError(400, "bad_data",
                         QStringLiteral("invalid parameter \"step\": cannot parse \"%1\" to a valid duration")
                             .arg(param(q, "step")));
    if (*step <= 0)
        return promError(400, "bad_data",
                         QStringLiteral("invalid parameter \"step\": zero or negative query resolution step widths "
                                        "are not accepted. Try a positive integer"));
    if ((*end - *start) / *step > kMaxPoints)
        return promError(400, "bad_data",
                         QStringLiteral("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing "
                                        "the query resolution (?step=XX)"));
    if (promql.isEmpty())
        return promError(400, "bad_data",
                         QStringLiteral("invalid parameter \"query\": 1:1: parse error: no expression found in input"));

    QList<QString> order;
    QHash<QString, QPair<QMap<QString, QString>, json>> series;
    for (double t = *start; t <= *end + 1e-9; t += *step) {
        for (const PromSample& s : evaluate(promql, t)) {
            const QString key = labelKey(s.labels);
            auto it = series.find(key);
            if (it == series.end()) {
                order << key;
                it = series.insert(key, {s.labels, json::array()});
            }
            it->second.push_back(json::array({t, sampleString(s.value)}));
        }
    }
    std::sort(order.begin(), order.end());
    json result = json::array();
    for (const QString& key : std::as_const(order)) {
        const auto& entry = series[key];
        result.push_back({{"metric", labelsJson(entry.first)}, {"values", entry.second}});
    }
    return ok({{"resultType", "matrix"}, {"result", result}});
}

SimResponse SimPrometheus::targets(const SimRequest& request) const
{
    if (!authorized(request))
        return unauthorized();
    json active = json::array();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto target = [&](const QString& job, const QString& instance, bool up, const QString& error) {
        const std::string url = "http://" + str(instance) + "/metrics";
        active.push_back({{"discoveredLabels",
                           {{"__address__", str(instance)},
                            {"__metrics_path__", "/metrics"},
                            {"__scheme__", "http"},
                            {"__scrape_interval__", "15s"},
                            {"__scrape_timeout__", "10s"},
                            {"job", str(job)}}},
                          {"labels", {{"instance", str(instance)}, {"job", str(job)}}},
                          {"scrapePool", str(job)},
                          {"scrapeUrl", url},
                          {"globalUrl", url},
                          {"lastError", str(error)},
                          {"lastScrape", str(isoTime(now.addMSecs(-3200)))},
                          {"lastScrapeDuration", up ? 0.0123 : 3.0},
                          {"health", up ? "up" : "down"},
                          {"scrapeInterval", "15s"},
                          {"scrapeTimeout", "10s"}});
    };
    target(QStringLiteral("prometheus"), QStringLiteral("localhost:9090"), true, {});
    if (m_lab) {
        for (const SimNode& n : m_lab->nodes()) {
            const QString inst = instanceOf(n.name);
            target(jobOf(n.name), inst, n.online,
                   n.online ? QString()
                            : QStringLiteral("Get \"http://%1/metrics\": dial tcp %2:9100: connect: no route to host")
                                  .arg(inst, n.ip));
        }
    }
    json dropped = {{"prometheus", 0}};
    if (m_lab) {
        for (const SimNode& n : m_lab->nodes())
            dropped[str(jobOf(n.name))] = 0;
    }
    return ok({{"activeTargets", active}, {"droppedTargets", json::array()}, {"droppedTargetCounts", dropped}});
}

bool SimPrometheus::evaluateRules()
{
    if (!m_lab)
        return false;
    const double simT = m_lab->elapsed();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool changed = false;
    for (RuleState& rs : m_rules) {
        QHash<QString, QDateTime> next;
        const QList<PromSample> active = rs.rule.active ? rs.rule.active(simT) : QList<PromSample>{};
        for (const PromSample& s : active) {
            const QString key = labelKey(s.labels);
            next.insert(key, rs.activeSince.value(key, now));
        }
        QStringList before = rs.activeSince.keys();
        QStringList after = next.keys();
        before.sort();
        after.sort();
        changed = changed || before != after;
        rs.activeSince = next;
    }
    return changed;
}

QList<SimPromAlert> SimPrometheus::firingAlerts()
{
    if (evaluateRules())
        emit alertsChanged();
    QList<SimPromAlert> out;
    if (!m_lab)
        return out;
    const double simT = m_lab->elapsed();
    for (const RuleState& rs : std::as_const(m_rules)) {
        const QList<PromSample> active = rs.rule.active ? rs.rule.active(simT) : QList<PromSample>{};
        for (const PromSample& s : active) {
            SimPromAlert a;
            a.labels = rs.rule.labels;
            for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it)
                a.labels.insert(it.key(), it.value());
            a.labels.insert(QStringLiteral("alertname"), rs.rule.name);
            a.annotations = rs.rule.annotations;
            for (auto it = a.annotations.begin(); it != a.annotations.end(); ++it) {
                // A tiny subset of Go templating, enough for the built-in rules.
                for (auto l = s.labels.cbegin(); l != s.labels.cend(); ++l)
                    it.value().replace(QStringLiteral("{{ $labels.%1 }}").arg(l.key()), l.value());
                it.value().replace(QStringLiteral("{{ $value }}"), QString::number(s.value));
            }
            a.activeAt = rs.activeSince.value(labelKey(s.labels), QDateTime::currentDateTimeUtc());
            a.value = s.value;
            out.append(a);
        }
    }
    return out;
}

SimResponse SimPrometheus::alerts(const SimRequest& request)
{
    if (!authorized(request))
        return unauthorized();
    json list = json::array();
    for (const SimPromAlert& a : firingAlerts()) {
        list.push_back({{"labels", labelsJson(a.labels)},
                        {"annotations", labelsJson(a.annotations)},
                        {"state", "firing"},
                        {"activeAt", str(isoTime(a.activeAt))},
                        {"value", alertValueString(a.value)}});
    }
    return ok({{"alerts", list}});
}

SimResponse SimPrometheus::rules(const SimRequest& request)
{
    if (!authorized(request))
        return unauthorized();
    const QString type = request.query.queryItemValue(QStringLiteral("type"));
    const QList<SimPromAlert> firing = firingAlerts();
    const std::string lastEval = str(isoTime(QDateTime::currentDateTimeUtc().addMSecs(-1500)));
    QList<QString> groupOrder;
    QHash<QString, json> groups;
    for (const RuleState& rs : std::as_const(m_rules)) {
        if (type == QLatin1String("record"))
            break; // no recording rules
        json alerts = json::array();
        for (const SimPromAlert& a : firing) {
            if (a.labels.value(QStringLiteral("alertname")) != rs.rule.name)
                continue;
            alerts.push_back({{"labels", labelsJson(a.labels)},
                              {"annotations", labelsJson(a.annotations)},
                              {"state", "firing"},
                              {"activeAt", str(isoTime(a.activeAt))},
                              {"value", alertValueString(a.value)}});
        }
        json rule = {{"state", alerts.empty() ? "inactive" : "firing"},
                     {"name", str(rs.rule.name)},
                     {"query", str(rs.rule.query)},
                     {"duration", 0},
                     {"keepFiringFor", 0},
                     {"labels", labelsJson(rs.rule.labels)},
                     {"annotations", labelsJson(rs.rule.annotations)},
                     {"alerts", alerts},
                     {"health", "ok"},
                     {"evaluationTime", 0.000312},
                     {"lastEvaluation", lastEval},
                     {"type", "alerting"}};
        if (!groups.contains(rs.rule.group)) {
            groupOrder << rs.rule.group;
            groups.insert(rs.rule.group, json::array());
        }
        groups[rs.rule.group].push_back(rule);
    }
    json out = json::array();
    for (const QString& g : std::as_const(groupOrder)) {
        out.push_back({{"name", str(g)},
                       {"file", "/etc/prometheus/rules/" + str(g) + ".yml"},
                       {"rules", groups.value(g)},
                       {"interval", 15},
                       {"limit", 0},
                       {"evaluationTime", 0.00061},
                       {"lastEvaluation", lastEval}});
    }
    return ok({{"groups", out}});
}

SimResponse SimPrometheus::buildInfo(const SimRequest& request) const
{
    if (!authorized(request))
        return unauthorized();
    return ok({{"version", str(version())},
               {"revision", "453d6a8e1d3f2b7c0a9e8f6d5c4b3a2918070605"},
               {"branch", "debian/sid"},
               {"buildUser", "team+pkg-go@tracker.debian.org"},
               {"buildDate", "20230328-12:10:14"},
               {"goVersion", "go1.19.8"}});
}

void SimPrometheus::installNodeHandlers()
{
    // One handler per node metric. Each answers for the selected, online nodes with {instance, job}.
    using ValueFn = std::function<double(const SimNode&, int index, double t, double now)>;
    auto perNode = [this](ValueFn fn) -> QueryHandler {
        return [this, fn](const QRegularExpressionMatch& m, double t) {
            QList<PromSample> out;
            if (!m_lab)
                return out;
            const QList<SimNode> nodes = m_lab->nodes();
            const double now = nowSeconds();
            for (int i = 0; i < nodes.size(); ++i) {
                const SimNode& n = nodes.at(i);
                PromSample s;
                s.labels.insert(QStringLiteral("instance"), instanceOf(n.name));
                s.labels.insert(QStringLiteral("job"), jobOf(n.name));
                if (!n.online || !selects(m.captured(0), s.labels))
                    continue;
                s.value = fn(n, i, std::min(t, now), now);
                out.append(s);
            }
            return out;
        };
    };
    auto pattern = [](const char* metric) {
        return QRegularExpression(QStringLiteral("(?s)^.*\\b%1\\b.*$").arg(QLatin1String(metric)));
    };
    // The running guests' rates of a node, summed at most once a second: a range query asks for them at every step
    // for every node, and the large profile's 2,000 guests made each answer take seconds of the one thread.
    struct SumCache
    {
        QElapsedTimer age;
        QHash<QString, double> sums; ///< "<node>/<0 net in, 1 net out, 2 disk>" -> sum
    };
    auto cache = std::make_shared<SumCache>();
    auto guestsSum = [this, cache](const SimNode& n, double SimGuest::*rate) {
        if (!cache->age.isValid() || cache->age.elapsed() > 1000) {
            cache->sums.clear();
            cache->age.start();
        }
        const int which = rate == &SimGuest::netInRate ? 0 : rate == &SimGuest::netOutRate ? 1 : 2;
        const QString key = n.name + QLatin1Char('/') + QString::number(which);
        const auto it = cache->sums.constFind(key);
        if (it != cache->sums.constEnd())
            return *it;
        double sum = 0.0;
        if (m_lab) {
            for (const SimGuest& g : m_lab->guests(n.name)) {
                if (g.status == QLatin1String("running"))
                    sum += g.*rate;
            }
        }
        cache->sums.insert(key, sum);
        return sum;
    };

    addQueryHandler(pattern("node_cpu_seconds_total"), perNode([](const SimNode& n, int i, double t, double now) {
                        const auto w = [&](double x) { return wave(x, 600, i) + 0.4 * wave(x, 97, 2.0 * i); };
                        return std::clamp(100.0 * n.cpu + 9.0 * (w(t) - w(now)), 0.0, 100.0);
                    }));
    addQueryHandler(pattern("node_memory_MemAvailable_bytes"),
                    perNode([](const SimNode& n, int i, double t, double now) {
                        const double base = n.memTotal > 0 ? 100.0 * double(n.memUsed) / double(n.memTotal) : 0.0;
                        return std::clamp(base + 2.5 * (wave(t, 1800, i) - wave(now, 1800, i)), 0.0, 100.0);
                    }));
    addQueryHandler(pattern("node_filesystem_avail_bytes"), perNode([](const SimNode& n, int, double t, double now) {
                        const double base = n.diskTotal > 0 ? 100.0 * double(n.diskUsed) / double(n.diskTotal) : 0.0;
                        return std::clamp(base - (now - t) / 86400.0 * 0.4, 0.0, 100.0);
                    }));
    addQueryHandler(pattern("node_load1"), perNode([](const SimNode& n, int i, double t, double now) {
                        return std::max(0.0, n.loadavg[0] + 0.5 * (wave(t, 420, i) - wave(now, 420, i)));
                    }));
    addQueryHandler(pattern("node_network_receive_bytes_total"),
                    perNode([guestsSum](const SimNode& n, int i, double t, double) {
                        const double rate = 20'000.0 + guestsSum(n, &SimGuest::netInRate);
                        return rate * (1.0 + 0.35 * wave(t, 300, i) + 0.15 * wave(t, 41, i));
                    }));
    addQueryHandler(pattern("node_network_transmit_bytes_total"),
                    perNode([guestsSum](const SimNode& n, int i, double t, double) {
                        const double rate = 15'000.0 + guestsSum(n, &SimGuest::netOutRate);
                        return rate * (1.0 + 0.35 * wave(t, 360, i + 1) + 0.15 * wave(t, 53, i));
                    }));
    addQueryHandler(pattern("node_disk_read_bytes_total"),
                    perNode([guestsSum](const SimNode& n, int i, double t, double) {
                        const double rate = 30'000.0 + 0.4 * guestsSum(n, &SimGuest::diskRate);
                        return rate * (1.0 + 0.5 * wave(t, 200, i) + 0.2 * wave(t, 29, i));
                    }));
    addQueryHandler(pattern("node_disk_written_bytes_total"),
                    perNode([guestsSum](const SimNode& n, int i, double t, double) {
                        const double rate = 50'000.0 + 0.6 * guestsSum(n, &SimGuest::diskRate);
                        return rate * (1.0 + 0.5 * wave(t, 250, i + 2) + 0.2 * wave(t, 37, i));
                    }));
    // up: every target, 0 for an offline node (as Prometheus records a failed scrape).
    addQueryHandler(QRegularExpression(QStringLiteral("(?s)^\\s*up\\s*(\\{.*\\})?\\s*$")),
                    [this](const QRegularExpressionMatch& m, double) {
                        QList<PromSample> out;
                        const PromSample self{{{QStringLiteral("__name__"), QStringLiteral("up")},
                                               {QStringLiteral("instance"), QStringLiteral("localhost:9090")},
                                               {QStringLiteral("job"), QStringLiteral("prometheus")}},
                                              1.0};
                        if (selects(m.captured(0), self.labels))
                            out.append(self);
                        const QList<SimNode> nodes = m_lab ? m_lab->nodes() : QList<SimNode>{};
                        for (const SimNode& n : nodes) {
                            const PromSample s{{{QStringLiteral("__name__"), QStringLiteral("up")},
                                                {QStringLiteral("instance"), instanceOf(n.name)},
                                                {QStringLiteral("job"), jobOf(n.name)}},
                                               n.online ? 1.0 : 0.0};
                            if (selects(m.captured(0), s.labels))
                                out.append(s);
                        }
                        return out;
                    });
}

void SimPrometheus::installAlertRules()
{
    SimAlertRule down;
    down.name = QStringLiteral("NodeExporterDown");
    down.query = QStringLiteral("up{job=~\"node-exporter-.*\"} == 0");
    down.labels = {{QStringLiteral("severity"), QStringLiteral("critical")}};
    down.annotations = {{QStringLiteral("summary"), QStringLiteral("Host {{ $labels.instance }} is down")},
                        {QStringLiteral("description"),
                         QStringLiteral("Prometheus cannot scrape node_exporter on {{ $labels.instance }}.")}};
    down.active = [this](double) {
        QList<PromSample> out;
        if (!m_lab)
            return out;
        for (const SimNode& n : m_lab->nodes()) {
            if (!n.online)
                out.append(PromSample{
                    {{QStringLiteral("instance"), instanceOf(n.name)}, {QStringLiteral("job"), jobOf(n.name)}}, 0.0});
        }
        return out;
    };
    m_rules.append(RuleState{down, {}});

    SimAlertRule gpu;
    gpu.name = QStringLiteral("GpuTemperatureHigh");
    gpu.query = QStringLiteral("nvidia_smi_temperature_gpu > 83");
    gpu.labels = {{QStringLiteral("severity"), QStringLiteral("warning")}};
    gpu.annotations = {
        {QStringLiteral("summary"), QStringLiteral("GPU temperature high on {{ $labels.instance }}")},
        {QStringLiteral("description"), QStringLiteral("{{ $labels.name }} is at {{ $value }} °C (threshold 83 °C).")}};
    gpu.active = [this](double simT) {
        QList<PromSample> out;
        if (!m_lab || simT < m_gpuOffset)
            return out;
        const double phase = std::fmod(simT - m_gpuOffset, m_gpuPeriod);
        if (phase >= m_gpuFiring)
            return out;
        for (const SimNode& n : m_lab->nodes()) {
            if (n.online && !n.gpuModel.isEmpty())
                out.append(PromSample{{{QStringLiteral("instance"), instanceOf(n.name)},
                                       {QStringLiteral("job"), jobOf(n.name)},
                                       {QStringLiteral("gpu"), QStringLiteral("0")},
                                       {QStringLiteral("name"), n.gpuModel}},
                                      86.0});
        }
        return out;
    };
    m_rules.append(RuleState{gpu, {}});
}

} // namespace hlc::sim
