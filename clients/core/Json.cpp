#include "Json.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace hlc::json {

namespace {
const Json& emptyArray()
{
    static const Json s_empty = Json::array();
    return s_empty;
}
/// nlohmann's DOM builder with a depth count: the first array or object deeper than kMaxDepth stops the parse, so
/// neither the parse nor anything that later walks the value recursively can go deeper than that. With a member
/// filter, the members it refuses (and everything in them) are read past without being built.
class BoundedDomParser
{
public:
    using Dom = nlohmann::detail::json_sax_dom_parser<Json>;

    explicit BoundedDomParser(Json& result, const MemberFilter* keep = nullptr)
        : m_dom(result, false)
        , m_keep(keep && *keep ? keep : nullptr)
    {}

    [[nodiscard]] bool tooDeep() const { return m_tooDeep; }

    bool null() { return skipValue() || m_dom.null(); }
    bool boolean(bool v) { return skipValue() || m_dom.boolean(v); }
    bool number_integer(Json::number_integer_t v) { return skipValue() || m_dom.number_integer(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return skipValue() || m_dom.number_unsigned(v); }
    bool number_float(Json::number_float_t v, const Json::string_t& s)
    {
        return skipValue() || m_dom.number_float(v, s);
    }
    bool string(Json::string_t& v) { return skipValue() || m_dom.string(v); }
    bool binary(Json::binary_t& v) { return skipValue() || m_dom.binary(v); }
    bool key(Json::string_t& v)
    {
        if (m_skipping > 0)
            return true;
        if (m_keep && !(*m_keep)(m_openers, v)) {
            m_skipNext = true;
            return true;
        }
        if (m_keep)
            m_key = v;
        return m_dom.key(v);
    }
    bool start_object(std::size_t n) { return enter() && (skipContainer() || m_dom.start_object(n)); }
    bool end_object() { return leave() && (skippedContainerEnds() || m_dom.end_object()); }
    bool start_array(std::size_t n) { return enter() && (skipContainer() || m_dom.start_array(n)); }
    bool end_array() { return leave() && (skippedContainerEnds() || m_dom.end_array()); }
    template<class Exception> bool parse_error(std::size_t position, const std::string& token, const Exception& e)
    {
        return m_dom.parse_error(position, token, e);
    }

private:
    bool enter()
    {
        if (++m_depth > kMaxDepth) {
            m_tooDeep = true;
            return false;
        }
        return true;
    }
    bool leave()
    {
        --m_depth;
        return true;
    }
    /// True when the scalar now read is (in) a refused member: not built.
    bool skipValue()
    {
        if (m_skipping > 0)
            return true;
        m_key.clear();
        return std::exchange(m_skipNext, false);
    }
    /// True when the array or object now opened is (in) a refused member; else notes the key that opened it.
    bool skipContainer()
    {
        if (m_skipping > 0 || std::exchange(m_skipNext, false)) {
            ++m_skipping;
            return true;
        }
        if (m_keep)
            m_openers.push_back(std::exchange(m_key, {}));
        return false;
    }
    bool skippedContainerEnds()
    {
        if (m_skipping > 0) {
            --m_skipping;
            return true;
        }
        if (m_keep && !m_openers.empty())
            m_openers.pop_back();
        return false;
    }

    Dom m_dom;
    const MemberFilter* m_keep;
    std::vector<std::string> m_openers; ///< the key that opened each enclosing container ("" in an array, at the top)
    std::string m_key;                  ///< the key of the member being read
    bool m_skipNext = false;            ///< the next value belongs to a refused member
    int m_skipping = 0;                 ///< containers open inside a refused member
    int m_depth = 0;
    bool m_tooDeep = false;
};

/// @p body parsed; discarded when it is no JSON or deeper than kMaxDepth (@p tooDeep tells which).
Json parseBounded(const QByteArray& body, bool* tooDeep, const MemberFilter* keep = nullptr)
{
    Json j;
    BoundedDomParser sax(j, keep);
    if (!Json::sax_parse(body.constBegin(), body.constEnd(), &sax))
        j = Json(Json::value_t::discarded);
    if (tooDeep)
        *tooDeep = sax.tooDeep();
    return j;
}

/// Where a walk of toQt()/toVariant() puts what it finds: a QJsonValue tree or a QVariant tree.
struct QJsonBuilder
{
    using Value = QJsonValue;
    using Array = QJsonArray;
    using Object = QJsonObject;
    static Value null() { return QJsonValue(QJsonValue::Null); }
    static Value integer(qint64 v) { return v; }
    static Value real(double v) { return v; }
    static Value boolean(bool v) { return v; }
    static Value text(QString v) { return v; }
    static void append(Array& a, Value&& v) { a.append(v); }
    static void insert(Object& o, const QString& key, Value&& v) { o.insert(key, v); }
};

struct VariantBuilder
{
    using Value = QVariant;
    using Array = QVariantList;
    using Object = QVariantMap;
    static Value null() { return {}; }
    static Value integer(qint64 v) { return QVariant::fromValue<qint64>(v); }
    static Value real(double v) { return v; }
    static Value boolean(bool v) { return v; }
    static Value text(QString v) { return v; }
    static void append(Array& a, Value&& v) { a.append(std::move(v)); }
    static void insert(Object& o, const QString& key, Value&& v) { o.insert(key, v); } // QMap takes no rvalue
};

/// The one conversion walk. @p depth counts the arrays and objects entered so far; the first one past kMaxDepth sets
/// @p tooDeep and is not entered, so the recursion is bounded whatever @p v holds.
template<typename B> typename B::Value convert(const Json& v, int depth, bool& tooDeep)
{
    switch (v.type()) {
    case Json::value_t::boolean:
        return B::boolean(v.get<bool>());
    case Json::value_t::number_integer:
        return B::integer(v.get<qint64>());
    case Json::value_t::number_unsigned: {
        const auto u = v.get<quint64>();
        if (u <= static_cast<quint64>(std::numeric_limits<qint64>::max()))
            return B::integer(static_cast<qint64>(u));
        return B::real(static_cast<double>(u));
    }
    case Json::value_t::number_float: {
        const double d = v.get<double>();
        return std::isfinite(d) ? B::real(d) : B::null();
    }
    case Json::value_t::string:
        return B::text(QString::fromStdString(v.get_ref<const std::string&>()));
    case Json::value_t::array:
    case Json::value_t::object:
        break;
    default:
        return B::null();
    }
    if (depth >= kMaxDepth) {
        tooDeep = true;
        return B::null();
    }
    if (v.is_array()) {
        typename B::Array a;
        for (const Json& e : v) {
            B::append(a, convert<B>(e, depth + 1, tooDeep));
            if (tooDeep)
                break;
        }
        return a;
    }
    typename B::Object o;
    for (auto it = v.begin(); it != v.end(); ++it) {
        B::insert(o, QString::fromStdString(it.key()), convert<B>(it.value(), depth + 1, tooDeep));
        if (tooDeep)
            break;
    }
    return o;
}

template<typename B> Result<typename B::Value> convertChecked(const Json& v, const QString& what)
{
    bool tooDeep = false;
    typename B::Value out = convert<B>(v, 0, tooDeep);
    if (tooDeep)
        return depthError(what);
    return out;
}

} // namespace

ApiError depthError(const QString& what)
{
    ApiError e;
    e.kind = ApiError::Kind::Parse;
    e.message =
        QCoreApplication::translate("hlc::json", "The answer for %1 is nested too deeply (more than %2 levels).")
            .arg(what)
            .arg(kMaxDepth);
    e.detail = QStringLiteral("%1: nested deeper than %2 levels").arg(what).arg(kMaxDepth);
    return e;
}

Result<QJsonValue> toQt(const Json& v, const QString& what)
{
    return convertChecked<QJsonBuilder>(v, what);
}

Result<QVariant> toVariant(const Json& v, const QString& what)
{
    return convertChecked<VariantBuilder>(v, what);
}

std::optional<Json> parse(const QByteArray& body, const QString& what, ApiError* error, const MemberFilter& keep)
{
    bool tooDeep = false;
    Json j = parseBounded(body, &tooDeep, &keep);
    if (tooDeep) {
        if (error)
            *error = depthError(what);
        return std::nullopt;
    }
    if (j.is_discarded()) {
        if (error) {
            error->kind = ApiError::Kind::Parse;
            error->message = QCoreApplication::translate("hlc::json", "The answer for %1 is not valid JSON.").arg(what);
            error->detail = QStringLiteral("%1: invalid JSON (%2 bytes)").arg(what).arg(body.size());
        }
        return std::nullopt;
    }
    return j;
}

ApiError shapeError(const QString& what, const QString& detail)
{
    ApiError e;
    e.kind = ApiError::Kind::Parse;
    e.message = QCoreApplication::translate("hlc::json", "The answer for %1 has an unexpected shape.").arg(what);
    e.detail = QStringLiteral("%1: %2").arg(what, detail);
    return e;
}

Result<Json> document(const QByteArray& body, const QString& what, const MemberFilter& keep)
{
    ApiError error;
    auto doc = parse(body, what, &error, keep);
    if (!doc)
        return error;
    return std::move(*doc);
}

Json documentOrNull(const QByteArray& body)
{
    Json j = parseBounded(body, nullptr);
    if (j.is_discarded())
        return nullptr;
    return j;
}

Result<Json> object(const QByteArray& body, const QString& what)
{
    return objectOf(document(body, what), what, nullptr);
}

Result<Json> envelope(const QByteArray& body, const char* key, const QString& what)
{
    auto doc = object(body, what);
    if (!doc)
        return doc;
    return take(std::move(doc).value(), key, what);
}

Result<Json> take(Json&& o, const char* key, const QString& what)
{
    const auto it = o.is_object() ? o.find(key) : o.end();
    if (it == o.end())
        return shapeError(what, QStringLiteral("no \"%1\" member").arg(QLatin1String(key)));
    return std::move(*it);
}

Result<Json> objectOf(Result<Json> v, const QString& what, const char* label)
{
    if (v && !v.value().is_object()) {
        const QString detail = QStringLiteral("not an object");
        return shapeError(what, label ? QStringLiteral("%1 is %2").arg(QLatin1String(label), detail) : detail);
    }
    return v;
}

const Json* member(const Json& o, const char* key)
{
    if (!o.is_object())
        return nullptr;
    const auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return nullptr;
    return &*it;
}

double toNumber(const Json& v, double fallback)
{
    if (v.is_number()) {
        const double d = v.get<double>();
        return std::isfinite(d) ? d : fallback;
    }
    if (v.is_boolean())
        return v.get<bool>() ? 1.0 : 0.0;
    if (v.is_string()) {
        bool ok = false;
        const double d = QString::fromStdString(v.get<std::string>()).trimmed().toDouble(&ok);
        return ok && std::isfinite(d) ? d : fallback;
    }
    return fallback;
}

QString toString(const Json& v)
{
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    if (v.is_number_integer())
        return QString::number(v.get<qint64>());
    if (v.is_number_unsigned())
        return QString::number(v.get<quint64>());
    if (v.is_number_float())
        return QString::number(v.get<double>());
    if (v.is_boolean())
        return v.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

double number(const Json& o, const char* key, double fallback)
{
    const Json* v = member(o, key);
    return v ? toNumber(*v, fallback) : fallback;
}

std::optional<double> optNumber(const Json& o, const char* key)
{
    const Json* v = member(o, key);
    if (!v)
        return std::nullopt;
    const double d = toNumber(*v, std::nan(""));
    return std::isnan(d) ? std::nullopt : std::optional<double>(d);
}

std::optional<qint64> toInteger(double d)
{
    // 2^63 is exact as a double; every double below it (and at or above -2^63) converts without overflow.
    constexpr double kLimit = 9223372036854775808.0;
    if (!std::isfinite(d) || d >= kLimit || d < -kLimit)
        return std::nullopt;
    return static_cast<qint64>(d);
}

std::optional<qint64> optInteger(const Json& o, const char* key)
{
    const auto d = optNumber(o, key);
    return d ? toInteger(*d) : std::nullopt;
}

qint64 integer(const Json& o, const char* key, qint64 fallback)
{
    const Json* v = member(o, key);
    if (!v)
        return fallback;
    if (v->is_number_integer())
        return v->get<qint64>();
    if (v->is_number_unsigned())
        return static_cast<qint64>(v->get<quint64>());
    const double d = toNumber(*v, std::nan(""));
    if (std::isnan(d) || d > 9.2e18 || d < -9.2e18)
        return fallback;
    return static_cast<qint64>(d);
}

QString string(const Json& o, const char* key, const QString& fallback)
{
    const Json* v = member(o, key);
    if (!v || v->is_object() || v->is_array())
        return fallback;
    return toString(*v);
}

bool boolean(const Json& o, const char* key, bool fallback)
{
    const Json* v = member(o, key);
    if (!v)
        return fallback;
    if (v->is_boolean())
        return v->get<bool>();
    if (v->is_number())
        return toNumber(*v) != 0.0;
    if (v->is_string()) {
        const QString s = QString::fromStdString(v->get<std::string>()).trimmed().toLower();
        if (s == QLatin1String("1") || s == QLatin1String("true") || s == QLatin1String("yes"))
            return true;
        if (s == QLatin1String("0") || s == QLatin1String("false") || s == QLatin1String("no") || s.isEmpty())
            return false;
    }
    return fallback;
}

const Json& array(const Json& o, const char* key)
{
    const Json* v = member(o, key);
    return v && v->is_array() ? *v : emptyArray();
}

QStringList strings(const Json& o, const char* key)
{
    QStringList out;
    for (const Json& v : array(o, key)) {
        const QString s = toString(v);
        if (!s.isEmpty())
            out << s;
    }
    return out;
}

QMap<QString, QString> stringMap(const Json* o)
{
    QMap<QString, QString> out;
    if (!o || !o->is_object())
        return out;
    for (auto it = o->begin(); it != o->end(); ++it) {
        if (!it.value().is_object() && !it.value().is_array())
            out.insert(QString::fromStdString(it.key()), toString(it.value()));
    }
    return out;
}

QDateTime dateTime(const Json& o, const char* key)
{
    return dateTime(string(o, key));
}

QDateTime dateTime(const QString& text)
{
    if (text.isEmpty())
        return {};
    // Qt reads at most milliseconds and would round the rest; cut it like Go's own formatting does.
    QString t = text.trimmed();
    const qsizetype dot = t.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < t.size() && t.at(end).isDigit())
            ++end;
        if (end - dot > 4)
            t.remove(dot + 4, end - dot - 4);
    }
    const QDateTime d = QDateTime::fromString(t, Qt::ISODateWithMs);
    // Go's zero time means "never".
    if (!d.isValid() || d.date().year() <= 1)
        return {};
    return d;
}

} // namespace hlc::json
