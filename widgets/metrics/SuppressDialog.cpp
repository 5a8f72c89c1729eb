#include "metrics/SuppressDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hlc {

SuppressDialog::SuppressDialog(const QString& what, const QDateTime& now, QWidget* parent)
    : QDialog(parent)
    , m_now(now)
    , m_duration(new QComboBox)
    , m_reason(new QLineEdit)
{
    setObjectName(QStringLiteral("suppressDialog"));
    setWindowTitle(tr("Suppress"));
    auto* v = new QVBoxLayout(this);
    auto* label = new QLabel(tr("Suppress \"%1\": it is known and accepted for now. It is shown as suppressed with "
                                "your reason until the expiry, and can be brought back at any time.")
                                 .arg(what));
    label->setWordWrap(true);
    v->addWidget(label);
    auto* form = new QFormLayout;
    m_duration->setObjectName(QStringLiteral("suppressDurationCombo"));
    m_duration->addItem(tr("1 day"), 24 * 3600);
    m_duration->addItem(tr("7 days"), 7 * 24 * 3600);
    m_duration->addItem(tr("30 days"), 30 * 24 * 3600);
    m_duration->setCurrentIndex(1);
    form->addRow(tr("Until:"), m_duration);
    m_reason->setObjectName(QStringLiteral("suppressReasonEdit"));
    m_reason->setPlaceholderText(tr("required, e.g. replacement disk ordered"));
    form->addRow(tr("Reason:"), m_reason);
    v->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Suppress"));
    ok->setObjectName(QStringLiteral("suppressOkButton"));
    ok->setEnabled(false);
    connect(m_reason, &QLineEdit::textChanged, ok, [ok](const QString& t) { ok->setEnabled(!t.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
}

QDateTime SuppressDialog::until() const
{
    return m_now.toUTC().addSecs(m_duration->currentData().toLongLong());
}

QString SuppressDialog::reason() const
{
    return m_reason->text().trimmed();
}

} // namespace hlc
