#include "core/WelcomePage.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace hlc {

WelcomePage::WelcomePage(const QString& configPath, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));
    auto* page = new QHBoxLayout(this);
    // One centred column of fixed width: word-wrapped labels get their full width and height.
    auto* column = new QWidget;
    column->setFixedWidth(620);
    page->addStretch(1);
    page->addWidget(column);
    page->addStretch(1);
    auto* outer = new QVBoxLayout(column);
    outer->addStretch(1);

    auto* title = new QLabel(tr("Welcome to Homelab Control Center"));
    title->setObjectName(QStringLiteral("welcomeTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    outer->addWidget(title);

    auto* intro = new QLabel(tr("Your hosts, guests, containers, metrics and alerts in one native window. Nothing "
                                "is configured yet: look around in a simulated homelab first, or add your own "
                                "Proxmox host."));
    intro->setObjectName(QStringLiteral("welcomeText"));
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);
    outer->addWidget(intro);
    outer->addSpacing(18);

    auto* demo = new QPushButton(tr("Explore the demo homelab"));
    demo->setObjectName(QStringLiteral("exploreDemoButton"));
    demo->setToolTip(tr("Starts a simulated homelab on this computer (127.0.0.1 only). Nothing is saved."));
    demo->setMinimumWidth(280);
    auto* add = new QPushButton(tr("Add my first host"));
    add->setObjectName(QStringLiteral("addFirstHostButton"));
    add->setDefault(true);
    add->setMinimumWidth(280);
    outer->addWidget(add, 0, Qt::AlignHCenter);
    outer->addWidget(demo, 0, Qt::AlignHCenter);
    connect(demo, &QPushButton::clicked, this, &WelcomePage::demoRequested);
    connect(add, &QPushButton::clicked, this, &WelcomePage::addHostRequested);

    outer->addSpacing(18);
    auto* where = new QLabel(tr("Your settings will be saved in the file below. Secrets (tokens, passwords) go to "
                                "the system keychain, never into that file."));
    where->setWordWrap(true);
    where->setAlignment(Qt::AlignCenter);
    outer->addWidget(where);
    auto* path = new QLabel(QDir::toNativeSeparators(configPath));
    path->setObjectName(QStringLiteral("welcomeConfigPath"));
    path->setAlignment(Qt::AlignCenter);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outer->addWidget(path);
    outer->addStretch(2);
}

} // namespace hlc
