#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

namespace hlc {

struct Config;

/// One page of the settings dialog. Every page edits the dialog's one working copy of the config.
class SettingsPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)
public:
    /// @param config the dialog's working copy; outlives the page
    explicit SettingsPage(Config* config, QWidget* parent = nullptr)
        : QWidget(parent)
        , m_config(config)
    {}

    /// The config changed under the page (a host was removed): show it again.
    virtual void reload() = 0;
    /// Writes what the page shows into the working config; secrets typed in go to @p secrets (keychain key ->
    /// value). @return a translated problem that keeps the dialog open, or an empty string
    virtual QString commit(QHash<QString, QString>* secrets) = 0;

protected:
    Config* m_config;
};

} // namespace hlc
