#include "core/ConfigStore.h"

#include "core/ConfigReader.h"
#include "core/ConfigValidator.h"
#include "core/ConfigWriter.h"

#include <QFile>
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
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QLatin1String("/config.json");
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
