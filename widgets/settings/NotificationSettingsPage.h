#pragma once

#include "settings/SettingsPage.h"

class QCheckBox;
class QComboBox;
class QSpinBox;
class QTimeEdit;

namespace hlc {

/// The alert notification policy: resolved delay, storm cap, repeat interval, minimum severity, quiet hours.
class NotificationSettingsPage final : public SettingsPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationSettingsPage)
public:
    explicit NotificationSettingsPage(Config* config, QWidget* parent = nullptr);

    void reload() override;
    QString commit(QHash<QString, QString>* secrets) override;

private:
    QSpinBox* m_resolvedHold;
    QSpinBox* m_stormThreshold;
    QSpinBox* m_stormWindow;
    QSpinBox* m_repeat;
    QComboBox* m_minimum;
    QCheckBox* m_quiet;
    QTimeEdit* m_quietFrom;
    QTimeEdit* m_quietTo;
    QCheckBox* m_quietCritical;
};

} // namespace hlc
