#include "settings/NotificationSettingsPage.h"

#include "core/Config.h"
#include "metrics/NotificationSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTimeEdit>

namespace hlc {

namespace {
QSpinBox* spin(const char* name, int min, int max, const QString& suffix)
{
    auto* s = new QSpinBox;
    s->setObjectName(QLatin1String(name));
    s->setRange(min, max);
    s->setSuffix(suffix);
    return s;
}
} // namespace

NotificationSettingsPage::NotificationSettingsPage(Config* config, QWidget* parent)
    : SettingsPage(config, parent)
    , m_resolvedHold(spin("resolvedHoldSpin", 0, 24 * 60, tr(" min")))
    , m_stormThreshold(spin("stormThresholdSpin", 1, 100, QString()))
    , m_stormWindow(spin("stormWindowSpin", 1, 3600, tr(" s")))
    , m_repeat(spin("repeatIntervalSpin", 1, 7 * 24, tr(" h")))
    , m_minimum(new QComboBox)
    , m_quiet(new QCheckBox(tr("Quiet hours: hold notifications and show one summary when they end")))
    , m_quietFrom(new QTimeEdit)
    , m_quietTo(new QTimeEdit)
    , m_quietCritical(new QCheckBox(tr("Critical alerts are shown at once during quiet hours")))
{
    setObjectName(QStringLiteral("notificationSettingsPage"));
    auto* form = new QFormLayout(this);
    auto* intro = new QLabel(tr("When an alert becomes a desktop notification. The alert list always shows every "
                                "alert."));
    intro->setWordWrap(true);
    form->addRow(intro);
    form->addRow(tr("Announce “resolved” after it stayed resolved for"), m_resolvedHold);
    auto* storm = new QHBoxLayout;
    storm->addWidget(m_stormThreshold);
    storm->addWidget(new QLabel(tr("notifications within")));
    storm->addWidget(m_stormWindow);
    storm->addStretch(1);
    form->addRow(tr("Collapse into one summary beyond"), storm);
    form->addRow(tr("Notify again while still firing after"), m_repeat);
    m_minimum->setObjectName(QStringLiteral("minimumSeverityCombo"));
    m_minimum->addItem(tr("Info and above"), static_cast<int>(NotificationSettings::Severity::Info));
    m_minimum->addItem(tr("Warning and above"), static_cast<int>(NotificationSettings::Severity::Warning));
    m_minimum->addItem(tr("Critical only"), static_cast<int>(NotificationSettings::Severity::Critical));
    form->addRow(tr("Notify for"), m_minimum);
    m_quiet->setObjectName(QStringLiteral("quietHoursCheck"));
    form->addRow(m_quiet);
    m_quietFrom->setObjectName(QStringLiteral("quietFromEdit"));
    m_quietTo->setObjectName(QStringLiteral("quietToEdit"));
    m_quietFrom->setDisplayFormat(QStringLiteral("HH:mm"));
    m_quietTo->setDisplayFormat(QStringLiteral("HH:mm"));
    auto* quiet = new QHBoxLayout;
    quiet->addWidget(m_quietFrom);
    quiet->addWidget(new QLabel(tr("to")));
    quiet->addWidget(m_quietTo);
    quiet->addStretch(1);
    form->addRow(tr("From"), quiet);
    m_quietCritical->setObjectName(QStringLiteral("quietCriticalCheck"));
    form->addRow(m_quietCritical);
    connect(m_quiet, &QCheckBox::toggled, m_quietCritical, &QWidget::setEnabled);
    connect(m_quiet, &QCheckBox::toggled, m_quietFrom, &QWidget::setEnabled);
    connect(m_quiet, &QCheckBox::toggled, m_quietTo, &QWidget::setEnabled);
    reload();
}

void NotificationSettingsPage::reload()
{
    const NotificationSettings n = NotificationSettings::fromConfig(*m_config);
    m_resolvedHold->setValue(static_cast<int>(n.policy.resolvedHoldSeconds / 60));
    m_stormThreshold->setValue(n.policy.stormThreshold);
    m_stormWindow->setValue(static_cast<int>(n.policy.stormWindowSeconds));
    m_repeat->setValue(static_cast<int>(std::max<qint64>(1, n.policy.repeatSeconds / 3600)));
    m_minimum->setCurrentIndex(m_minimum->findData(static_cast<int>(n.minimumSeverity)));
    m_quiet->setChecked(n.quietHours);
    m_quietFrom->setTime(n.quietFrom);
    m_quietTo->setTime(n.quietTo);
    m_quietFrom->setEnabled(n.quietHours);
    m_quietTo->setEnabled(n.quietHours);
    m_quietCritical->setChecked(n.quietCriticalBreaksThrough);
    m_quietCritical->setEnabled(n.quietHours);
}

QString NotificationSettingsPage::commit(QHash<QString, QString>* secrets)
{
    Q_UNUSED(secrets)
    const NotificationSettings before = NotificationSettings::fromConfig(*m_config);
    NotificationSettings n = before;
    // Minutes and hours in the dialog: a value of the file in seconds stays exact unless the user changed it.
    if (m_resolvedHold->value() != before.policy.resolvedHoldSeconds / 60)
        n.policy.resolvedHoldSeconds = m_resolvedHold->value() * 60LL;
    if (m_repeat->value() != std::max<qint64>(1, before.policy.repeatSeconds / 3600))
        n.policy.repeatSeconds = m_repeat->value() * 3600LL;
    n.policy.stormThreshold = m_stormThreshold->value();
    n.policy.stormWindowSeconds = m_stormWindow->value();
    n.minimumSeverity = static_cast<NotificationSettings::Severity>(m_minimum->currentData().toInt());
    n.quietHours = m_quiet->isChecked();
    n.quietFrom = m_quietFrom->time();
    n.quietTo = m_quietTo->time();
    n.quietCriticalBreaksThrough = m_quietCritical->isChecked();
    // Nothing changed: the file stays as it was (no "notifications" object appears by opening the dialog).
    if (n != before)
        n.writeTo(m_config);
    return {};
}

} // namespace hlc
