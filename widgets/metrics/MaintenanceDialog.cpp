#include "metrics/MaintenanceDialog.h"

#include "metrics/MaintenanceManager.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace hlc {

namespace {
QString dayText(int weekday)
{
    return weekday == 0 ? MaintenanceDialog::tr("every day") : QLocale().dayName(weekday, QLocale::LongFormat);
}
} // namespace

MaintenanceDialog::MaintenanceDialog(MaintenanceManager* maintenance, const QString& hostId, QWidget* parent)
    : QDialog(parent)
    , m_host(new QComboBox)
    , m_minutes(new QSpinBox)
    , m_reason(new QLineEdit)
    , m_automations(new QListWidget)
{
    setObjectName(QStringLiteral("maintenanceDialog"));
    setWindowTitle(tr("Maintenance"));
    auto* v = new QVBoxLayout(this);
    auto* label = new QLabel(tr("While a host is in maintenance its notifications are held (recovery notices too) and "
                                "its alerts are silenced in Alertmanager until the window ends. What was held is "
                                "shown as one summary at the end."));
    label->setWordWrap(true);
    v->addWidget(label);
    auto* form = new QFormLayout;
    m_host->setObjectName(QStringLiteral("maintenanceHostCombo"));
    m_host->addItem(tr("The whole homelab"), QString());
    for (const HostConfig& h : maintenance->config().hosts)
        m_host->addItem(h.name.isEmpty() ? h.id : h.name, h.id);
    m_host->setCurrentIndex(std::max(0, m_host->findData(hostId)));
    form->addRow(tr("Host:"), m_host);
    m_minutes->setObjectName(QStringLiteral("maintenanceMinutesSpin"));
    m_minutes->setRange(5, 24 * 60);
    m_minutes->setSingleStep(15);
    m_minutes->setValue(60);
    m_minutes->setSuffix(tr(" minutes"));
    form->addRow(tr("Now for:"), m_minutes);
    m_reason->setObjectName(QStringLiteral("maintenanceReasonEdit"));
    m_reason->setPlaceholderText(tr("e.g. kernel update"));
    form->addRow(tr("Reason:"), m_reason);
    v->addLayout(form);

    // Home Assistant automations that must not run meanwhile (e.g. camera notifications while a host is down).
    m_automations->setObjectName(QStringLiteral("maintenanceAutomationsList"));
    const QList<AutomationInfo> known =
        maintenance->automationSwitch() ? maintenance->automationSwitch()->automations() : QList<AutomationInfo>();
    auto* autoLabel =
        new QLabel(known.isEmpty() ? tr("No Home Assistant automation is known now (none is configured, or Home "
                                        "Assistant has not answered yet).")
                                   : tr("Turn off these Home Assistant automations until the window ends (those "
                                        "that are on; they are turned back on at its end):"));
    autoLabel->setObjectName(QStringLiteral("maintenanceAutomationsLabel"));
    autoLabel->setWordWrap(true);
    v->addWidget(autoLabel);
    for (const AutomationInfo& a : known) {
        auto* item = new QListWidgetItem(tr("%1 (%2, %3) on %4").arg(a.name, a.entityId, a.state, a.hostName));
        item->setData(Qt::UserRole, a.entityId);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        m_automations->addItem(item);
    }
    m_automations->setVisible(!known.isEmpty());
    // Up to six rows without scrolling; the rows are whole (no horizontal scroll bar at the dialog's width).
    const int rowHeight = std::max(m_automations->sizeHintForRow(0), m_automations->fontMetrics().height() + 6);
    m_automations->setFixedHeight(rowHeight * std::clamp<int>(int(known.size()), 1, 6) +
                                  2 * m_automations->frameWidth() + 4);
    m_automations->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_automations->setTextElideMode(Qt::ElideMiddle);
    setMinimumWidth(std::max(minimumWidth(), fontMetrics().horizontalAdvance(QLatin1Char('x')) * 84));
    v->addWidget(m_automations);

    QStringList lines;
    for (const MaintenanceWindow& w : maintenance->scheduled()) {
        lines << tr("%1: %2, %3 to %4")
                     .arg(w.hostId.isEmpty() ? tr("The whole homelab") : maintenance->hostName(w.hostId),
                          dayText(w.weekday), QLocale().toString(w.from, QLocale::ShortFormat),
                          QLocale().toString(w.to, QLocale::ShortFormat));
    }
    auto* schedule =
        new QLabel(lines.isEmpty() ? tr("No weekly maintenance windows are scheduled.")
                                   : tr("Weekly windows:") + QStringLiteral("\n") + lines.join(QLatin1Char('\n')));
    schedule->setObjectName(QStringLiteral("maintenanceScheduleLabel"));
    schedule->setWordWrap(true);
    v->addWidget(schedule);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start maintenance"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("maintenanceStartButton"));
    QPushButton* edit = buttons->addButton(tr("Edit weekly windows…"), QDialogButtonBox::ActionRole);
    edit->setObjectName(QStringLiteral("maintenanceEditScheduleButton"));
    connect(edit, &QPushButton::clicked, this, [this] {
        emit editScheduleRequested();
        reject();
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
}

QString MaintenanceDialog::hostId() const
{
    return m_host->currentData().toString();
}

int MaintenanceDialog::minutes() const
{
    return m_minutes->value();
}

QStringList MaintenanceDialog::automations() const
{
    QStringList ids;
    for (int i = 0; i < m_automations->count(); ++i) {
        if (m_automations->item(i)->checkState() == Qt::Checked)
            ids << m_automations->item(i)->data(Qt::UserRole).toString();
    }
    return ids;
}

QString MaintenanceDialog::reason() const
{
    return m_reason->text().trimmed();
}

} // namespace hlc
