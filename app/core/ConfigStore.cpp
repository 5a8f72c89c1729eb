#include "core/ConfigStore.h"

#include "core/ConfigReader.h"
#include "core/ConfigValidator.h"
#include "core/ConfigWriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>

namespace hlc {

namespace {

Q_LOGGING_CATEGORY(lcConfigStore, "hlc.app.config")

/// The example configuration, a JSON file embedded in the application library (resources/config/).
const QString kExamplePath = QStringLiteral(":/config/example-config.json");

} // namespace

QString ConfigStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QLatin1String("/homelab-control/config.json");
}

QString ConfigStore::legacyDefaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QLatin1String("/homelab-control/homelab-control/config.json");
}

ConfigStore::Migration ConfigStore::migrateLegacyConfig()
{
    const QString from = legacyDefaultPath();
    const QString to = defaultPath();
    if (!QFileInfo::exists(from) || QFileInfo::exists(to))
        return {};
    // Same file system (the new folder is the old one's parent): a rename, atomic, mode and bytes kept.
    QFile f(from);
    if (!f.rename(to)) {
        qCWarning(lcConfigStore) << "Could not move" << from << "to" << to;
        return {Migration::Result::Failed,
                tr("The configuration at %1 could not be moved to %2: %3 It was left where it is; move it by hand.")
                    .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to), f.errorString())};
    }
    QDir().rmdir(QFileInfo(from).absolutePath()); // only when empty
    qCInfo(lcConfigStore) << "Moved the configuration from" << from << "to" << to;
    return {Migration::Result::Moved, tr("Your configuration was moved from %1 to %2, where this version keeps it.")
                                          .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to))};
}

std::variant<Config, ConfigError> ConfigStore::load(const QString& path)
{
    return ConfigReader::load(path);
}

std::variant<Config, ConfigError> ConfigStore::parse(const QByteArray& json, const QString& fileNameForMessages)
{
    return ConfigReader::parse(json, fileNameForMessages);
}

QByteArray ConfigStore::serialize(const Config& c)
{
    return ConfigWriter::serialize(c);
}

std::optional<ConfigError> ConfigStore::save(const Config& c, const QString& path)
{
    return ConfigWriter::save(c, path);
}

std::optional<ConfigError> ConfigStore::validate(const Config& c)
{
    return ConfigValidator::validate(c);
}

QString ConfigStore::examplePath()
{
    return kExamplePath;
}

Config ConfigStore::example()
{
    auto loaded = ConfigReader::load(kExamplePath);
    if (auto* config = std::get_if<Config>(&loaded)) {
        return std::move(*config);
    }
    // Only a broken build gets here: the file is embedded and its test validates it.
    qCCritical(lcConfigStore) << "The embedded example configuration does not load:"
                              << std::get<ConfigError>(loaded).toString();
    return {};
}

} // namespace hlc
