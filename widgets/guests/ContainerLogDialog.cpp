#include "guests/ContainerLogDialog.h"

#include "guests/GuestInventory.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hlc {

ContainerLogDialog::ContainerLogDialog(GuestInventory* inventory, QString containerId, const QString& name,
                                       QWidget* parent)
    : QDialog(parent)
    , m_inventory(inventory)
    , m_containerId(std::move(containerId))
    , m_text(new QPlainTextEdit)
    , m_status(new QLabel)
{
    setObjectName(QStringLiteral("containerLogDialog"));
    setWindowTitle(tr("Log of %1").arg(name));
    m_text->setObjectName(QStringLiteral("containerLogText"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_status->setObjectName(QStringLiteral("containerLogStatus"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* reloadButton = buttons->addButton(tr("Reload"), QDialogButtonBox::ActionRole);
    connect(reloadButton, &QPushButton::clicked, this, &ContainerLogDialog::reload);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* v = new QVBoxLayout(this);
    v->addWidget(m_status);
    v->addWidget(m_text, 1);
    v->addWidget(buttons);
    resize(900, 500);
    reload();
}

void ContainerLogDialog::reload()
{
    if (!m_inventory)
        return;
    m_status->setText(tr("Loading the last 200 lines…"));
    m_inventory->containerLogs(m_containerId, 200, this, [this](const QStringList& lines, const QString& error) {
        m_loaded = true;
        if (!error.isEmpty()) {
            m_status->setText(error);
            return;
        }
        m_status->setText(tr("%n lines", nullptr, static_cast<int>(lines.size())));
        m_text->setPlainText(lines.join(QLatin1Char('\n')));
        m_text->moveCursor(QTextCursor::End);
    });
}

} // namespace hlc
