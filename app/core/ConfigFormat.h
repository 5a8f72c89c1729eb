#pragma once

// The shape of the configuration file shared by ConfigReader, ConfigValidator and ConfigWriter: the keys the structs
// model (every other key is kept in `extra`), JSON paths for messages, and the error for a file as a whole.

#include "core/Config.h"

#include <QString>

#include <cstddef>
#include <string>

namespace hlc::configformat {

// Keys of the objects that the structs model; everything else goes to `extra`.
inline constexpr const char* kTopKeys[] = {"version", "refreshIntervalMs", "healthIntervalMs", "healthTimeoutMs",
                                           "hosts"};
inline constexpr const char* kHostKeys[] = {"id", "name", "role", "address", "services", "probes"};
inline constexpr const char* kServiceKeys[] = {"id",
                                               "kind",
                                               "baseUrl",
                                               "auth",
                                               "user",
                                               "timeoutMs",
                                               "pinnedSha256",
                                               "proxmoxNode",
                                               "cluster",
                                               "portainerEndpointId",
                                               "prometheusInstance",
                                               "prometheusMatch",
                                               "allowCleartextAuth"};

template<std::size_t N> bool isKnownKey(const char* const (&keys)[N], const std::string& key)
{
    for (const char* k : keys) {
        if (key == k) {
            return true;
        }
    }
    return false;
}

template<std::size_t N> bool isKnownKey(const char* const (&keys)[N], const QString& key)
{
    return isKnownKey(keys, key.toStdString());
}

/// "parent.key", or "key" at the top.
inline QString childPath(const QString& parent, const QString& key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

/// "parent[index]".
inline QString indexPath(const QString& parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

/// An error about the file @p path as a whole (no line, no field).
inline ConfigError fileError(const QString& path, const QString& message)
{
    return ConfigError{path, 0, 0, {}, message};
}

} // namespace hlc::configformat
