#pragma once

#include "settings/SettingsPage.h"

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace hlc {

/// Refresh and health-probe intervals (config), start minimised, autostart at login and language (this computer).
class GeneralSettingsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneralSettingsPage)
public:
    explicit GeneralSettingsPage(Config* config, QWidget* parent = nullptr);

    void reload() override;
    QString commit(QHash<QString, QString>* secrets) override;
    /// Stores the preferences that belong to this computer (QSettings, autostart file); after the config applied.
    /// @return a translated problem, or an empty string
    QString applyPreferences();

private:
    QSpinBox* m_refresh;
    QSpinBox* m_healthInterval;
    QSpinBox* m_healthTimeout;
    QCheckBox* m_startMinimized;
    QCheckBox* m_autostart;
    QComboBox* m_language;
};

} // namespace hlc
