#pragma once

// Tolerant readers over nlohmann::json for parsers. Real servers are looser than their specs: numbers arrive as
// strings, arrays as null, documented fields are missing. These helpers never throw and never crash.
// Internal to clients/: public headers never include nlohmann.

#include "ApiError.h"

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

#include <optional>

namespace hlc::json {

using Json = nlohmann::json;

/// Parses @p body; on failure returns nullopt and sets @p error to a Parse error naming @p what.
std::optional<Json> parse(const QByteArray& body, const QString& what, ApiError* error);

/// A Parse error for a body that is JSON but not of the documented shape.
ApiError shapeError(const QString& what, const QString& detail);

/// The member @p key of object @p o, or nullptr when @p o is no object or has no such member, or it is null.
const Json* member(const Json& o, const char* key);

double number(const Json& o, const char* key, double fallback = 0.0);
std::optional<double> optNumber(const Json& o, const char* key);
qint64 integer(const Json& o, const char* key, qint64 fallback = 0);
QString string(const Json& o, const char* key, const QString& fallback = {});
bool boolean(const Json& o, const char* key, bool fallback = false);
/// An array member; null, missing or the wrong type give an empty array.
const Json& array(const Json& o, const char* key);

double toNumber(const Json& v, double fallback = 0.0);
QString toString(const Json& v);

} // namespace hlc::json
