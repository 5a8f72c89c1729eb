#pragma once

// Tolerant readers over nlohmann::json for parsers. Real servers are looser than their specs: numbers arrive as
// strings, arrays as null, documented fields are missing. These helpers never throw and never crash.
// Internal to clients/: public headers never include nlohmann.

#include "ApiError.h"
#include "Result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace hlc::json {

using Json = nlohmann::json;

/// How many levels of nested arrays and objects the readers here accept. parse() (and with it document(),
/// documentOrNull(), object() and envelope()) rejects deeper input while reading it, and toQt()/toVariant() refuse to
/// follow deeper values: valid but absurdly nested JSON (100,000 `[`) must give an error, never a stack overflow.
inline constexpr int kMaxDepth = 64;

/// Which members of objects a parse builds: called with the keys that opened each enclosing array or object (outermost
/// first; "" for the top level and for an element of an array) and the member's key; false: the member and all it
/// holds are read past, never built (a big payload of which a parser needs a small part). Depth is checked all the
/// same.
using MemberFilter = std::function<bool(const std::vector<std::string>& openers, const std::string& key)>;

/// Parses @p body; on failure returns nullopt and sets @p error to a Parse error naming @p what. A document nested
/// deeper than kMaxDepth levels is such a failure ("nested too deeply"). With @p keep, only the members it accepts.
std::optional<Json> parse(const QByteArray& body, const QString& what, ApiError* error, const MemberFilter& keep = {});

/// The Parse error for a value nested deeper than kMaxDepth levels, naming @p what.
ApiError depthError(const QString& what);

/// A Parse error for a body that is JSON but not of the documented shape.
ApiError shapeError(const QString& what, const QString& detail);

// ---- Envelopes: bytes -> the JSON value a parser reads, or the ApiError it returns as it is.

/// @p body parsed (with @p keep: only the members it accepts), or a Parse error "not valid JSON" naming @p what.
Result<Json> document(const QByteArray& body, const QString& what, const MemberFilter& keep = {});
/// @p body parsed, or null when it is no JSON: for error bodies, where nothing is to be reported.
Json documentOrNull(const QByteArray& body);
/// @p body parsed as a JSON object; any other JSON gives a shape error "not an object".
Result<Json> object(const QByteArray& body, const QString& what);
/// The member @p key of the object in @p body (it may be null, e.g. `{"data": null}`); a shape error when @p body
/// is no object ("not an object") or has no such member (`no "key" member`).
Result<Json> envelope(const QByteArray& body, const char* key, const QString& what);
/// Moves the member @p key (it may be null) out of the object @p o; a shape error `no "key" member` if missing.
Result<Json> take(Json&& o, const char* key, const QString& what);
/// @p v itself when it is an object; else a shape error "<label> is not an object". Errors pass through.
Result<Json> objectOf(Result<Json> v, const QString& what, const char* label);

/// The elements of @p array that are objects, each through @p item (returning T or std::optional<T>; nullopt skips
/// the element). Null, a missing member or any other type give an empty list.
template<typename T, typename F> QList<T> objects(const Json& array, F&& item)
{
    QList<T> out;
    if (!array.is_array())
        return out;
    out.reserve(static_cast<qsizetype>(array.size()));
    for (const Json& e : array) {
        if (!e.is_object())
            continue;
        if constexpr (std::is_same_v<std::decay_t<decltype(item(e))>, T>) {
            out.append(item(e));
        } else if (auto x = item(e)) {
            out.append(std::move(*x));
        }
    }
    return out;
}

/// A documented list: @p v null gives an empty list, an array its objects through @p item (see objects()), anything
/// else a shape error "<label> is not an array" ("not an array" without @p label).
template<typename T, typename F> Result<QList<T>> list(const Json& v, const QString& what, const char* label, F&& item)
{
    if (v.is_null())
        return QList<T>();
    if (!v.is_array()) {
        const QString detail = QStringLiteral("not an array");
        return shapeError(what, label ? QStringLiteral("%1 is %2").arg(QLatin1String(label), detail) : detail);
    }
    return objects<T>(v, std::forward<F>(item));
}

/// list() over an envelope's result; its error passes through.
template<typename T, typename F>
Result<QList<T>> list(const Result<Json>& v, const QString& what, const char* label, F&& item)
{
    if (!v)
        return v.error();
    return list<T>(v.value(), what, label, std::forward<F>(item));
}

// ---- Members: tolerant scalar readers.

/// The member @p key of object @p o, or nullptr when @p o is no object or has no such member, or it is null.
const Json* member(const Json& o, const char* key);

double number(const Json& o, const char* key, double fallback = 0.0);
std::optional<double> optNumber(const Json& o, const char* key);
qint64 integer(const Json& o, const char* key, qint64 fallback = 0);
/// The member @p key as a whole number (a fraction is cut toward zero); nullopt when it is missing, no number, or
/// outside qint64's range (a cast of such a double is undefined behaviour; found by fuzzing).
std::optional<qint64> optInteger(const Json& o, const char* key);
/// @p d cut toward zero, or nullopt when it is NaN, infinite or outside qint64's range.
std::optional<qint64> toInteger(double d);
QString string(const Json& o, const char* key, const QString& fallback = {});
bool boolean(const Json& o, const char* key, bool fallback = false);
/// An array member; null, missing or the wrong type give an empty array.
const Json& array(const Json& o, const char* key);
/// The non-empty scalar elements of the array member @p key, as strings.
QStringList strings(const Json& o, const char* key);
/// The scalar members of the object @p o as strings (labels, annotations); nested values are skipped.
QMap<QString, QString> stringMap(const Json* o);
/// The RFC 3339 / ISO 8601 time in member @p key (see dateTime()); invalid when missing or unreadable.
QDateTime dateTime(const Json& o, const char* key);
/// An RFC 3339 time. Fractions beyond milliseconds (Go's nanoseconds, Python's microseconds) are cut, not
/// rounded; Go's zero time ("0001-01-01T00:00:00Z", "never") gives an invalid QDateTime.
QDateTime dateTime(const QString& text);

double toNumber(const Json& v, double fallback = 0.0);
QString toString(const Json& v);

// ---- Conversion to Qt values: the one nlohmann -> Qt converter.

/// @p v as a QJsonValue: integers stay integers (qint64; unsigned values beyond qint64 become doubles), non-finite
/// numbers and discarded values become null, keys keep their text. An array or object more than kMaxDepth levels
/// below @p v (counting @p v as level 1) gives depthError(@p what) instead of a value.
Result<QJsonValue> toQt(const Json& v, const QString& what);
/// The same walk to a QVariant: qint64 for integers, double, QString, bool, QVariantList, QVariantMap, and an invalid
/// QVariant for null. Deeper than kMaxDepth levels gives depthError(@p what).
Result<QVariant> toVariant(const Json& v, const QString& what);

} // namespace hlc::json
