#include "settings/GeneralSettingsPage.h"

#include "core/AppPreferences.h"
#include "core/Config.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

namespace hlc {

GeneralSettingsPage::GeneralSettingsPage(Config* config, QWidget* parent)
    : SettingsPage(config, parent)
    , m_refresh(new QSpinBox)
    , m_healthInterval(new QSpinBox)
    , m_healthTimeout(new QSpinBox)
    , m_startMinimized(new QCheckBox(tr("Start minimised to the tray")))
    , m_autostart(new QCheckBox(tr("Start at login")))
    , m_language(new QComboBox)
{
    setObjectName(QStringLiteral("generalSettingsPage"));
    auto* form = new QFormLayout(this);

    m_refresh->setObjectName(QStringLiteral("refreshIntervalSpin"));
    m_refresh->setRange(1, 3600);
    m_refresh->setSuffix(tr(" s"));
    form->addRow(tr("Refresh hosts every"), m_refresh);

    m_healthInterval->setObjectName(QStringLiteral("healthIntervalSpin"));
    m_healthInterval->setRange(1, 3600);
    m_healthInterval->setSuffix(tr(" s"));
    form->addRow(tr("Probe service health every"), m_healthInterval);

    m_healthTimeout->setObjectName(QStringLiteral("healthTimeoutSpin"));
    m_healthTimeout->setRange(100, 60000);
    m_healthTimeout->setSingleStep(500);
    m_healthTimeout->setSuffix(tr(" ms"));
    form->addRow(tr("Health probe timeout"), m_healthTimeout);

    m_startMinimized->setObjectName(QStringLiteral("startMinimizedCheck"));
    m_startMinimized->setToolTip(tr("Only when a system tray is there to open the window from."));
    form->addRow(QString(), m_startMinimized);
    m_autostart->setObjectName(QStringLiteral("autostartCheck"));
    m_autostart->setToolTip(tr("Writes %1").arg(AppPreferences::autostartPath()));
    form->addRow(QString(), m_autostart);

    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    form->addRow(tr("Language"), m_language);
    auto* note = new QLabel(tr("A new language applies at the next start."));
    note->setObjectName(QStringLiteral("languageNote"));
    note->setWordWrap(true);
    form->addRow(QString(), note);
    reload();
}

void GeneralSettingsPage::reload()
{
    m_refresh->setValue(m_config->refreshIntervalMs / 1000);
    m_healthInterval->setValue(m_config->healthIntervalMs / 1000);
    m_healthTimeout->setValue(m_config->healthTimeoutMs);
    m_startMinimized->setChecked(AppPreferences::startMinimized());
    m_autostart->setChecked(AppPreferences::autostartEnabled());
    m_language->setCurrentIndex(std::max(0, m_language->findData(AppPreferences::language())));
}

QString GeneralSettingsPage::commit(QHash<QString, QString>* secrets)
{
    Q_UNUSED(secrets)
    // Whole seconds in the dialog: an interval of 2500 ms in the file stays as it is unless the user changed it.
    if (m_refresh->value() != m_config->refreshIntervalMs / 1000)
        m_config->refreshIntervalMs = m_refresh->value() * 1000;
    if (m_healthInterval->value() != m_config->healthIntervalMs / 1000)
        m_config->healthIntervalMs = m_healthInterval->value() * 1000;
    m_config->healthTimeoutMs = m_healthTimeout->value();
    return {};
}

QString GeneralSettingsPage::applyPreferences()
{
    AppPreferences::setStartMinimized(m_startMinimized->isChecked());
    AppPreferences::setLanguage(m_language->currentData().toString());
    if (m_autostart->isChecked() != AppPreferences::autostartEnabled())
        return AppPreferences::setAutostart(m_autostart->isChecked(), QCoreApplication::applicationFilePath());
    return {};
}

} // namespace hlc
