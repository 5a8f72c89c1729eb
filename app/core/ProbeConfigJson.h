#pragma once

// Reading, checking and writing the health probe settings of the configuration file (used by ConfigStore):
// `hosts[i].probes` and the top-level `healthIntervalMs` / `healthTimeoutMs`.

#include "core/ProbeConfig.h"

#include <QList>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace hlc {
struct Config;
}

namespace hlc::probejson {

/// A problem at a JSON path, with a translated message.
struct Problem
{
    QString field;
    QString message;
};

constexpr int kMinIntervalMs = 1000;
constexpr int kMaxIntervalMs = 3600000;
constexpr int kMinTimeoutMs = 100;
constexpr int kMaxTimeoutMs = 60000;

/// Parses a host's `probes` array (null or missing: none). @p path is the array's JSON path.
std::optional<Problem> parse(const nlohmann::json& probes, const QString& path, QList<ProbeConfig>* out);
/// The `probes` array as written to the file.
nlohmann::ordered_json toJson(const QList<ProbeConfig>& probes);
/// Checks names, kinds and addresses of every host's probes and the health interval and timeout.
std::optional<Problem> validate(const Config& config);

} // namespace hlc::probejson
