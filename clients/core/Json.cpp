#include "Json.h"

#include <QCoreApplication>

#include <cmath>

namespace hlc::json {

namespace {
const Json& emptyArray()
{
    static const Json s_empty = Json::array();
    return s_empty;
}
} // namespace

std::optional<Json> parse(const QByteArray& body, const QString& what, ApiError* error)
{
    Json j = Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
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

Result<Json> document(const QByteArray& body, const QString& what)
{
    ApiError error;
    auto doc = parse(body, what, &error);
    if (!doc)
        return error;
    return std::move(*doc);
}

Json documentOrNull(const QByteArray& body)
{
    Json j = Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
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
