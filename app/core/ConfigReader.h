#pragma once

#include "core/Config.h"

#include <QCoreApplication>

#include <variant>

namespace hlc {

/**
 * @brief Reads a configuration file: JSON syntax, the types of known fields, unknown keys kept in `extra`, then
 * ConfigValidator's rules.
 *
 * Errors name the file, and the line and column (syntax errors) or the JSON path of the field (all others). Nothing
 * here throws.
 */
class ConfigReader
{
    Q_DECLARE_TR_FUNCTIONS(hlc::ConfigReader)

public:
    /// Reads and parses @p path. A missing file is an error whose message says it "does not exist".
    [[nodiscard]] static std::variant<Config, ConfigError> load(const QString& path);

    /**
     * @brief Parses and validates a configuration document.
     * @param json the file's bytes (UTF-8 JSON)
     * @param fileNameForMessages put into ConfigError::file
     * @return the configuration, or the first error: JSON syntax errors carry line and column, all others the
     *         JSON path of the offending field
     */
    [[nodiscard]] static std::variant<Config, ConfigError> parse(const QByteArray& json,
                                                                 const QString& fileNameForMessages);
};

} // namespace hlc
