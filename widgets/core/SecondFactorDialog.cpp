#include "core/SecondFactorDialog.h"

#include "core/StatusColors.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace hlc {

namespace {
QString digitsOf(const QString& text)
{
    QString out = text;
    out.remove(QLatin1Char(' '));
    return out;
}
} // namespace

SecondFactorDialog::SecondFactorDialog(Attention attention, const QString& user, const QString& hostName,
                                       QWidget* parent)
    : QDialog(parent)
    , m_attention(std::move(attention))
{
    setObjectName(QStringLiteral("secondFactorDialog"));
    setWindowTitle(tr("Proxmox two-factor code"));
    setMinimumWidth(460);
    const QString host = hostName.isEmpty() ? m_attention.hostId : hostName;

    auto* v = new QVBoxLayout(this);
    auto* what = new QLabel(tr("Proxmox on %1: the account %2 uses two-factor authentication. Enter the current "
                               "code from your authenticator app.")
                                .arg(host, user.isEmpty() ? m_attention.serviceId : user));
    what->setObjectName(QStringLiteral("secondFactorWhat"));
    what->setWordWrap(true);
    v->addWidget(what);

    // Why the code is asked again (the last one was refused): said in red, above the field.
    if (!m_attention.message.isEmpty()) {
        auto* reason = new QLabel(m_attention.message);
        reason->setObjectName(QStringLiteral("secondFactorReason"));
        reason->setWordWrap(true);
        reason->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Critical));
        v->addWidget(reason);
    }

    m_edit = new QLineEdit;
    m_edit->setObjectName(QStringLiteral("secondFactorEdit"));
    m_edit->setPlaceholderText(tr("6-digit code"));
    m_edit->setMaxLength(11); // 8 digits and spaces between groups
    m_edit->setInputMethodHints(Qt::ImhDigitsOnly);
    v->addWidget(m_edit);

    auto* where =
        new QLabel(tr("The code is used for this login only and is not stored. The app renews the ticket while it "
                      "runs; after a pause of more than two hours it asks for a code again. An API token for the "
                      "app needs no code."));
    where->setObjectName(QStringLiteral("secondFactorWhere"));
    where->setWordWrap(true);
    v->addWidget(where);

    auto* buttons = new QDialogButtonBox;
    m_login = buttons->addButton(tr("Log in"), QDialogButtonBox::AcceptRole);
    m_login->setObjectName(QStringLiteral("secondFactorLoginButton"));
    m_login->setEnabled(false);
    m_login->setDefault(true);
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& t) { m_login->setEnabled(isCode(t)); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isCode(m_edit->text()))
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
}

bool SecondFactorDialog::isCode(const QString& text)
{
    const QString d = digitsOf(text);
    if (d.size() < 6 || d.size() > 8)
        return false;
    return std::all_of(d.cbegin(), d.cend(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
}

QString SecondFactorDialog::code() const
{
    return digitsOf(m_edit->text());
}

} // namespace hlc
