#pragma once

#include "core/Config.h"

#include <QCoreApplication>

#include <optional>
#include <variant>

namespace hlc {

/**
 * @brief Reads, checks and writes the configuration file (JSON): the one entry point for the rest of the app.
 *
 * The file holds hosts and services, never a secret: a key that looks like one ("secret", "password", "token",
 * "apiKey" with a value) is an error that tells the user to use the keychain. Unknown keys are kept in the `extra`
 * objects and written back, so a newer build's additions survive an older build's save. Nothing here throws.
 *
 * The work is done by ConfigReader (parse, types, `extra`), ConfigValidator (the rules) and ConfigWriter (pretty
 * JSON, atomic save with mode 0600); the example is a JSON file embedded as a resource.
 */
class ConfigStore
{
    Q_DECLARE_TR_FUNCTIONS(hlc::ConfigStore)

public:
    /// QStandardPaths::GenericConfigLocation + "/homelab-control/config.json": one level on every platform
    /// (~/.config/homelab-control/config.json on Linux), whatever the organisation name is.
    [[nodiscard]] static QString defaultPath();

    /// Where earlier builds looked: AppConfigLocation with organisation and application both
    /// "homelab-control", i.e. GenericConfigLocation + "/homelab-control/homelab-control/config.json".
    [[nodiscard]] static QString legacyDefaultPath();

    /// The outcome of migrateLegacyConfig().
    struct Migration
    {
        enum class Result
        {
            NothingToDo, ///< no file at the old path, or a file at the new path already (it wins; the old is kept)
            Moved,       ///< the old file is now at the new path
            Failed,      ///< the old file is still there; `message` says why
        };
        Result result = Result::NothingToDo;
        QString message; ///< translated, for the window (empty for NothingToDo)
    };

    /**
     * @brief Moves a config file found at legacyDefaultPath() to defaultPath(), once: only when the new path has no
     * file yet. The file keeps its bytes and mode; the emptied old folder is removed.
     */
    [[nodiscard]] static Migration migrateLegacyConfig();

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

    /// Checks the semantic rules (ids, URLs, ranges, pins, no secrets). ConfigError::file is left empty.
    [[nodiscard]] static std::optional<ConfigError> validate(const Config& c);

    /// The user's homelab (host-a "pve-thinkpad" 192.168.16.7, host-b "pve-ryzen" 192.168.17.1), without secrets,
    /// read from examplePath().
    [[nodiscard]] static Config example();

    /// The resource path of the example configuration file (":/config/example-config.json").
    [[nodiscard]] static QString examplePath();
};

} // namespace hlc
