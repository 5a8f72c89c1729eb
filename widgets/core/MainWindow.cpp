#include "core/MainWindow.h"

#include "agents/AgentTrayMenu.h"
#include "agents/AgentsTab.h"
#include "agents/GpuLlmTab.h"
#include "core/AuditLogView.h"
#include "core/Homelab.h"
#include "core/HostDetailView.h"
#include "core/HostPanel.h"
#include "core/MessageBox.h"
#include "core/SecretStore.h"
#include "core/TrayIcon.h"
#include "guests/GuestSummaryLabel.h"
#include "guests/HostMonitor.h"
#include "home/AdGuardView.h"
#include "home/HomeAssistantView.h"
#include "home/HomeServices.h"
#include "home/HostHomeSummary.h"
#include "metrics/AlertsView.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hlc {

namespace {
QFrame* makeBanner(const QString& objectName, QLabel** text)
{
    auto* f = new QFrame;
    f->setObjectName(objectName);
    f->setStyleSheet(QStringLiteral("#%1 { background: #fff4e5; border: 1px solid #e0b070; border-radius: 4px; }"
                                    "#%1 QLabel { color: #5d3b00; }")
                         .arg(objectName));
    auto* l = new QHBoxLayout(f);
    *text = new QLabel;
    (*text)->setWordWrap(true);
    (*text)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(*text, 1);
    f->hide();
    return f;
}
} // namespace

MainWindow::MainWindow(Homelab* homelab, QWidget* parent)
    : QMainWindow(parent)
    , m_homelab(homelab)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Homelab Control Center"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/homelab-control.svg")));

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* refresh = fileMenu->addAction(tr("&Refresh now"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, m_homelab, &Homelab::refreshAll);
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);

    auto* central = new QWidget;
    auto* v = new QVBoxLayout(central);

    m_configBanner = makeBanner(QStringLiteral("configBanner"), &m_configText);
    v->addWidget(m_configBanner);

    m_keychainBanner = makeBanner(QStringLiteral("keychainBanner"), &m_keychainText);
    auto* sessionOnly = new QPushButton(tr("Keep secrets in memory for this session"));
    sessionOnly->setObjectName(QStringLiteral("sessionOnlyButton"));
    m_keychainBanner->layout()->addWidget(sessionOnly);
    connect(sessionOnly, &QPushButton::clicked, this, [this] {
        m_homelab->secrets()->setSessionOnly(true);
        updateKeychainBanner();
    });
    v->addWidget(m_keychainBanner);

    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* hostsWidget = new QWidget;
    auto* hosts = new QHBoxLayout(hostsWidget);
    for (HostMonitor* h : m_homelab->hosts()) {
        auto* panel = new HostPanel(h, hostsWidget);
        panel->layout()->addWidget(new GuestSummaryLabel(m_homelab->inventory(h->hostId())));
        panel->layout()->addWidget(new HostHomeSummary(m_homelab->home(), h->hostId()));
        hosts->addWidget(panel, 1);
        m_panels << panel;
        connect(panel, &HostPanel::trustCertificateRequested, this, &MainWindow::askTrust);
        connect(panel, &HostPanel::enterSecretRequested, this, &MainWindow::askSecret);
        connect(h, &HostMonitor::proxmoxUpdated, this, [this] {
            if (!m_firstDataSignalled && allPanelsHaveData()) {
                m_firstDataSignalled = true;
                emit firstDataShown();
            }
        });
    }
    if (m_panels.isEmpty()) {
        auto* empty = new QLabel(tr("No hosts are configured. Start with --demo to see the simulated homelab, or "
                                    "describe your hosts in the configuration file."));
        empty->setObjectName(QStringLiteral("noHostsLabel"));
        empty->setWordWrap(true);
        hosts->addWidget(empty);
    }
    scroll->setWidget(hostsWidget);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->addTab(scroll, tr("Overview"));
    for (HostMonitor* h : m_homelab->hosts()) {
        auto* detail = new HostDetailView(m_homelab, h);
        if (detail->isEmpty()) {
            delete detail;
            continue;
        }
        m_tabs->addTab(detail, h->host().name.isEmpty() ? h->hostId() : h->host().name);
    }
    // App-wide views are added here, one line each (alerts, GPU/LLM, agents, home, audit log, ...).
    m_alertsView = new AlertsView(m_homelab, m_homelab->alerts());
    m_tabs->addTab(m_alertsView, tr("Alerts"));
    m_tabs->addTab(new GpuLlmTab(m_homelab->llm()), tr("GPU / LLM"));
    m_tabs->addTab(new AgentsTab(m_homelab->agents(), m_homelab->webhooks()), tr("Agents"));
    if (!m_homelab->home()->adGuards().isEmpty())
        m_tabs->addTab(new AdGuardView(m_homelab->home()), tr("AdGuard"));
    if (!m_homelab->home()->homeAssistants().isEmpty())
        m_tabs->addTab(new HomeAssistantView(m_homelab->home()), tr("Home Assistant"));
    m_tabs->addTab(new AuditLogView(m_homelab->audit()), tr("Audit log"));
    v->addWidget(m_tabs, 1);
    setCentralWidget(central);

    connect(m_homelab, &Homelab::notice, this, [this](const QString& msg) { statusBar()->showMessage(msg, 15000); });
    connect(m_homelab->secrets(), &SecretStore::stateChanged, this, &MainWindow::updateKeychainBanner);
    updateKeychainBanner();
    statusBar()->showMessage(m_homelab->configPath().isEmpty()
                                 ? tr("Demo mode: simulated homelab on this computer (127.0.0.1)")
                                 : tr("Configuration: %1").arg(m_homelab->configPath()));
    resize(1100, 620);

    // The tray shows alerts and every notification; without a tray they go to this window (said once).
    m_tray = new TrayIcon(m_homelab, m_homelab->alerts(), this, this);
    m_tray->addMenu(new AgentTrayMenu(m_homelab->agents(), m_homelab->webhooks(), this));
    if (!m_tray->isAvailable()) {
        m_alertsView->setTrayMissing(true);
        connect(m_tray, &TrayIcon::messageForWindow, this,
                [this](const QString& text) { statusBar()->showMessage(text, 15000); });
    }
}

void MainWindow::setConfigProblem(const QString& text)
{
    m_configText->setText(text);
    m_configBanner->setVisible(!text.isEmpty());
}

bool MainWindow::allPanelsHaveData() const
{
    for (const HostPanel* p : m_panels) {
        if (p->monitor()->proxmoxService() && !p->hasData())
            return false;
    }
    return true;
}

void MainWindow::updateKeychainBanner()
{
    const SecretStore* s = m_homelab->secrets();
    if (s->state() == SecretStore::State::Unavailable) {
        m_keychainText->setText(
            tr("The system keychain is unavailable: %1 Secrets you enter are not saved.").arg(s->unavailableReason()));
        m_keychainBanner->show();
    } else {
        m_keychainBanner->hide();
    }
}

void MainWindow::askTrust(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex)
{
    const HostMonitor* h = m_homelab->host(hostId);
    const QString hostName = h ? h->host().name : hostId;
    QString fp;
    for (int i = 0; i < sha256Hex.size(); i += 2)
        fp += QString::fromLatin1(sha256Hex.mid(i, 2)).toUpper() +
              (i + 2 < sha256Hex.size() ? QStringLiteral(":") : QString());
    const auto answer = MessageBox::question(
        this, tr("Trust this certificate?"),
        tr("The %1 service of %2 presented a certificate that is not signed by a trusted authority "
           "(Proxmox uses a self-signed one by default).\n\nSHA-256 fingerprint:\n%3\n\n"
           "Compare it with the fingerprint shown on the server (Proxmox: Datacenter → node → "
           "System → Certificates). Trust exactly this certificate from now on?")
            .arg(serviceId, hostName, fp));
    if (answer == QMessageBox::Yes)
        m_homelab->trustCertificate(hostId, serviceId, sha256Hex);
}

void MainWindow::askSecret(const QString& hostId, const QString& serviceId)
{
    bool ok = false;
    const QString secret = QInputDialog::getText(
        this, tr("Enter secret"), tr("Secret (token, API key or password) for %1 on %2:").arg(serviceId, hostId),
        QLineEdit::Password, QString(), &ok);
    if (ok && !secret.isEmpty())
        m_homelab->setSecret(hostId, serviceId, secret);
}

} // namespace hlc
