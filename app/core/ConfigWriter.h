#pragma once

#include "core/Config.h"

#include <QCoreApplication>

#include <optional>

namespace hlc {

/**
 * @brief Writes a configuration file: pretty JSON, known keys first, unknown keys (`extra`) kept, saved atomically
 * with mode 0600.
 */
class ConfigWriter
{
    Q_DECLARE_TR_FUNCTIONS(hlc::ConfigWriter)

public:
    /// Pretty JSON with a 2-space indent; known keys first, then the `extra` keys.
    [[nodiscard]] static QByteArray serialize(const Config& c);

    /**
     * @brief Writes @p c atomically (QSaveFile) with mode 0600, creating a missing directory with mode 0700.
     *
     * Refuses (returns an error, leaves the file untouched) when @p c does not validate, or when @p path exists but
     * does not parse, e.g. it has a syntax error or was written by a newer version: the user's file is never lost.
     * @return std::nullopt on success
     */
    [[nodiscard]] static std::optional<ConfigError> save(const Config& c, const QString& path);
};

} // namespace hlc
