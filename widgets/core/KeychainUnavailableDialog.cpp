#include "core/KeychainUnavailableDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hlc {

KeychainUnavailableDialog::KeychainUnavailableDialog(Attention attention, QWidget* parent)
    : QDialog(parent)
    , m_attention(std::move(attention))
{
    setObjectName(QStringLiteral("keychainUnavailableDialog"));
    setWindowTitle(tr("Keychain unavailable"));
    auto* v = new QVBoxLayout(this);
    auto* message =
        new QLabel(m_attention.message.isEmpty() ? tr("The system keychain cannot be reached.") : m_attention.message);
    message->setObjectName(QStringLiteral("keychainMessage"));
    message->setWordWrap(true);
    message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(message);
    auto* explain = new QLabel(tr("Without it, secrets you enter cannot be saved. You can keep them in memory for this "
                                  "session only: they are forgotten when the app quits and never written to disk."));
    explain->setObjectName(QStringLiteral("keychainExplanation"));
    explain->setWordWrap(true);
    v->addWidget(explain);

    auto* buttons = new QDialogButtonBox;
    auto* session = buttons->addButton(tr("Keep secrets for this session only"), QDialogButtonBox::AcceptRole);
    session->setObjectName(QStringLiteral("sessionOnlyButton"));
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
}

} // namespace hlc
