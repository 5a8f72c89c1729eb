#pragma once

#include "core/Config.h"

#include <QCoreApplication>

#include <optional>

namespace hlc {

/**
 * @brief The semantic rules of a configuration: ids, URLs, ranges, pins, clusters, probes, and no secrets.
 *
 * The first broken rule is reported with the JSON path of the offending field. ConfigError::file is left empty:
 * the caller knows the file.
 */
class ConfigValidator
{
    Q_DECLARE_TR_FUNCTIONS(hlc::ConfigValidator)

public:
    /// The first problem of @p c, or std::nullopt when it is valid.
    [[nodiscard]] static std::optional<ConfigError> validate(const Config& c);
};

} // namespace hlc
