#include "metrics/SnoozeDialog.h"

#include "metrics/AlertInbox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hlc {

SnoozeDialog::SnoozeDialog(const QString& what, const QDateTime& now, QWidget* parent)
    : QDialog(parent)
    , m_now(now)
    , m_duration(new QComboBox)
    , m_reason(new QLineEdit)
{
    setObjectName(QStringLiteral("snoozeDialog"));
    setWindowTitle(tr("Snooze"));
    auto* v = new QVBoxLayout(this);
    auto* label = new QLabel(tr("Snooze \"%1\": it leaves the list of things that need attention until then, "
                                "and comes back by itself.")
                                 .arg(what));
    label->setWordWrap(true);
    v->addWidget(label);
    auto* form = new QFormLayout;
    m_duration->setObjectName(QStringLiteral("snoozeDurationCombo"));
    m_duration->addItem(tr("1 hour"), 3600);
    m_duration->addItem(tr("4 hours"), 4 * 3600);
    m_duration->addItem(tr("Until tomorrow 08:00"), -1);
    form->addRow(tr("For:"), m_duration);
    m_reason->setObjectName(QStringLiteral("snoozeReasonEdit"));
    m_reason->setPlaceholderText(tr("e.g. upgrading the host tonight"));
    form->addRow(tr("Reason:"), m_reason);
    v->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Snooze"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("snoozeOkButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
}

QDateTime SnoozeDialog::until() const
{
    const qint64 seconds = m_duration->currentData().toLongLong();
    return seconds > 0 ? m_now.toUTC().addSecs(seconds) : AlertInbox::tomorrowMorning(m_now);
}

QString SnoozeDialog::reason() const
{
    return m_reason->text().trimmed();
}

} // namespace hlc
