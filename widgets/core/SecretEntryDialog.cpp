#include "core/SecretEntryDialog.h"

#include "core/ServiceText.h"
#include "core/StatusColors.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hlc {

SecretEntryDialog::SecretEntryDialog(Attention attention, AuthScheme auth, const QString& user, const QString& hostName,
                                     QWidget* parent)
    : QDialog(parent)
    , m_attention(std::move(attention))
{
    setObjectName(QStringLiteral("secretEntryDialog"));
    setWindowTitle(tr("Enter secret"));
    const QString host = hostName.isEmpty() ? m_attention.hostId : hostName;
    const QString service = serviceKindTitle(m_attention.serviceKind);

    auto* v = new QVBoxLayout(this);
    auto* what = new QLabel(
        tr("%1 (%2) on %3 needs %4.")
            .arg(service, m_attention.serviceId, host, secretDescription(m_attention.serviceKind, auth, user)));
    what->setObjectName(QStringLiteral("secretWhat"));
    what->setWordWrap(true);
    v->addWidget(what);

    const bool rejected = m_attention.kind == Attention::Kind::SecretRejected;
    auto* reason = new QLabel(rejected ? tr("The service refused the stored secret (HTTP 401). Enter the current one.")
                                       : tr("No secret is stored for this service yet."));
    reason->setObjectName(QStringLiteral("secretReason"));
    reason->setWordWrap(true);
    if (rejected)
        reason->setStyleSheet(StatusColors::labelStyle(StatusColors::Role::Critical));
    v->addWidget(reason);
    if (!m_attention.message.isEmpty() && m_attention.message != reason->text()) {
        auto* detail = new QLabel(m_attention.message);
        detail->setObjectName(QStringLiteral("secretDetail"));
        detail->setWordWrap(true);
        v->addWidget(detail);
    }

    m_edit = new QLineEdit;
    m_edit->setObjectName(QStringLiteral("secretEdit"));
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setPlaceholderText(tr("Secret"));
    v->addWidget(m_edit);
    auto* where = new QLabel(
        tr("It is kept in the system keychain (in session-only mode: in memory until the app quits), never in "
           "the configuration file."));
    where->setObjectName(QStringLiteral("secretWhere"));
    where->setWordWrap(true);
    v->addWidget(where);

    auto* buttons = new QDialogButtonBox;
    m_save = buttons->addButton(tr("Save secret"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveSecretButton"));
    m_save->setEnabled(false);
    m_save->setDefault(true);
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString& t) { m_save->setEnabled(!t.isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_edit->text().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
}

QString SecretEntryDialog::secret() const
{
    return m_edit->text();
}

} // namespace hlc
