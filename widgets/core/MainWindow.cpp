#include "core/MainWindow.h"

#include "agents/AgentTrayMenu.h"
#include "agents/AgentsTab.h"
#include "agents/GpuLlmTab.h"
#include "core/AttentionBar.h"
#include "core/AuditLog.h"
#include "core/AuditLogView.h"
#include "core/CommandPalette.h"
#include "core/Homelab.h"
#include "core/HostDetailView.h"
#include "core/PaletteCommands.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"
#include "core/StatusColors.h"
#include "core/TabIcons.h"
#include "core/TrayIcon.h"
#include "core/WelcomePage.h"
#include "core/WindowState.h"
#include "guests/GuestsView.h"
#include "guests/HostMonitor.h"
#include "guests/StacksView.h"
#include "home/AdGuardView.h"
#include "home/HomeAssistantView.h"
#include "home/HomeServices.h"
#include "home/ServicesHealthView.h"
#include "metrics/AlertInbox.h"
#include "metrics/AlertsFilterModel.h"
#include "metrics/AlertsModel.h"
#include "metrics/AlertsView.h"
#include "metrics/InboxView.h"
#include "overview/HostCard.h"
#include "overview/OverviewNavigator.h"
#include "overview/OverviewPage.h"
#include "proxmox/ProxmoxClient.h"
#include "proxmox/ProxmoxTicketSession.h"
#include "settings/HostSettingsPage.h"
#include "settings/MaintenanceSettingsPage.h"
#include "settings/SettingsDialog.h"
#include "setup/ImportPreviewDialog.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPixmapCache>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace hlc {

namespace {
QFrame* makeBanner(const QString& objectName, QLabel** text)
{
    auto* f = new QFrame;
    f->setObjectName(objectName);
    f->setStyleSheet(StatusColors::bannerStyle(objectName, StatusColors::Role::Warning));
    auto* l = new QHBoxLayout(f);
    *text = new QLabel;
    (*text)->setObjectName(objectName + QStringLiteral("Text"));
    (*text)->setWordWrap(true);
    (*text)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(*text, 1);
    f->hide();
    return f;
}
} // namespace

MainWindow::MainWindow(Homelab* homelab, QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Homelab Control Center"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/homelab-control.svg")));
    buildMenus();
    createPalette();
    createActionsMenu();
    createToolbar();

    auto* central = new QWidget;
    m_layout = new QVBoxLayout(central);

    m_configBanner = makeBanner(QStringLiteral("configBanner"), &m_configText);
    m_layout->addWidget(m_configBanner);

    // A calm line, not a warning: something the app did for the user (moved the config file, ...).
    m_configNotice = new QLabel;
    m_configNotice->setObjectName(QStringLiteral("configNotice"));
    m_configNotice->setWordWrap(true);
    m_configNotice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_configNotice->hide();
    m_layout->addWidget(m_configNotice);

    m_keychainBanner = makeBanner(QStringLiteral("keychainBanner"), &m_keychainText);
    auto* sessionOnly = new QPushButton(tr("Keep secrets for this session only"));
    sessionOnly->setObjectName(QStringLiteral("sessionOnlyButton"));
    m_keychainBanner->layout()->addWidget(sessionOnly);
    connect(sessionOnly, &QPushButton::clicked, this, [this] {
        if (!m_homelab)
            return;
        m_homelab->services()->useSessionOnlySecrets();
        updateKeychainBanner();
    });
    m_layout->addWidget(m_keychainBanner);
    setCentralWidget(central);
    resize(1100, 620);
    m_styledDark = StatusColors::isDark();

    setHomelab(homelab);
}

MainWindow::~MainWindow()
{
    if (m_keepState)
        windowstate::saveGeometry(this);
    releaseHomelab();
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (m_homelab)
        m_homelab->setInBackground(false);
}

void MainWindow::hideEvent(QHideEvent* event)
{
    QMainWindow::hideEvent(event);
    if (m_homelab)
        m_homelab->setInBackground(true);
    if (m_releaseWhenHidden && m_content)
        m_releaseTimer->start(); // releasePages() checks that the window is still closed, not just minimised
}

void MainWindow::setVisible(bool visible)
{
    if (visible && m_releaseTimer)
        m_releaseTimer->stop();
    if (visible && m_homelab && !m_content)
        buildPages(); // before the window is on screen: it comes up with its pages as they were
    QMainWindow::setVisible(visible);
}

void MainWindow::setReleaseWhenHidden(bool on, int delayMs)
{
    m_releaseWhenHidden = on;
    if (!m_releaseTimer) {
        m_releaseTimer = new QTimer(this);
        m_releaseTimer->setSingleShot(true);
        connect(m_releaseTimer, &QTimer::timeout, this, &MainWindow::releasePages);
    }
    m_releaseTimer->setInterval(std::max(0, delayMs));
    if (!on)
        m_releaseTimer->stop();
    else if (m_content && isHidden())
        m_releaseTimer->start();
}

/// Deletes the pages and forgets every pointer into them.
void MainWindow::dropContent()
{
    delete m_content;
    m_content = nullptr;
    m_panels.clear();
    m_tabs = nullptr;
    m_alertsView = nullptr;
    m_inboxView = nullptr;
    m_agentsTab = nullptr;
    m_attention = nullptr;
}

void MainWindow::releasePages()
{
    if (!m_releaseWhenHidden || !m_content || !m_homelab || m_welcome || !isHidden())
        return;
    // A dialog or window opened from the window or a page (a container's log, a prompt) stays usable: later.
    for (const QWidget* w : findChildren<QWidget*>()) {
        if (w->isWindow() && w->isVisible()) {
            m_releaseTimer->start();
            return;
        }
    }
    m_snapshot = windowstate::captureContent(m_content);
    if (m_keepState)
        windowstate::saveContent(m_content, m_tabs);
    dropContent();
    // The window's own image (the backing store) and the cached icon and style pixmaps are rebuilt when shown.
    QPixmapCache::clear();
    destroy();
#ifdef __GLIBC__
    // The pages' heap goes back to the system, not only to malloc's free lists (after deferred deletions ran).
    // HLC_MALLOC_TRIM=0 leaves it there (to measure what the trim gives).
    if (qEnvironmentVariable("HLC_MALLOC_TRIM") != QLatin1String("0"))
        QTimer::singleShot(0, this, [] { malloc_trim(0); });
#endif
}

void MainWindow::buildPages()
{
    buildContent();
    if (m_keepState && m_content && !m_welcome)
        windowstate::restoreContent(m_content, m_tabs);
    if (m_content && !m_snapshot.isEmpty())
        windowstate::applyContent(m_content, m_snapshot);
    m_snapshot.clear();
    if (m_alertsView && m_tray && !m_tray->isAvailable())
        m_alertsView->setTrayMissing(true);
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) &&
        !m_restylePending) {
        m_restylePending = true; // several events come for one switch: one rebuild, after them
        QTimer::singleShot(0, this, &MainWindow::restyle);
    }
}

void MainWindow::restyle()
{
    m_restylePending = false;
    const bool dark = StatusColors::isDark();
    if (dark == m_styledDark)
        return; // the colours were chosen for this kind of palette already
    m_styledDark = dark;
    for (QFrame* banner : {m_configBanner, m_keychainBanner})
        banner->setStyleSheet(StatusColors::bannerStyle(banner->objectName(), StatusColors::Role::Warning));
    if (!m_homelab)
        return;
    const int tab = m_tabs ? m_tabs->currentIndex() : -1;
    setHomelab(m_homelab);
    if (m_tabs && tab >= 0 && tab < m_tabs->count())
        m_tabs->setCurrentIndex(tab);
}

void MainWindow::setKeepState(bool on)
{
    m_keepState = on;
    if (!on)
        return;
    windowstate::restoreGeometry(this);
    if (m_content)
        windowstate::restoreContent(m_content, m_tabs);
}

void MainWindow::buildMenus()
{
    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* addHost = fileMenu->addAction(tr("&Add host…"));
    addHost->setObjectName(QStringLiteral("addHostAction"));
    connect(addHost, &QAction::triggered, this, &MainWindow::requestAddHost);
    auto* importEnv = fileMenu->addAction(tr("Import from a .&env file…"));
    importEnv->setObjectName(QStringLiteral("importEnvAction"));
    connect(importEnv, &QAction::triggered, this, [this] {
        importFile(false, QFileDialog::getOpenFileName(this, tr("Import a .env file"), QDir::homePath(),
                                                       tr("Environment files (*.env *.env.* .env*);;All files (*)")));
    });
    auto* importHomepage = fileMenu->addAction(tr("Import from &Homepage…"));
    importHomepage->setObjectName(QStringLiteral("importHomepageAction"));
    connect(importHomepage, &QAction::triggered, this, [this] {
        importFile(true, QFileDialog::getOpenFileName(this, tr("Import Homepage's services.yaml"), QDir::homePath(),
                                                      tr("Homepage services (services.yaml *.yaml *.yml)")));
    });
    fileMenu->addSeparator();
    auto* refresh = fileMenu->addAction(tr("&Refresh now"));
    refresh->setObjectName(QStringLiteral("refreshAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    m_refreshAction = refresh;
    connect(refresh, &QAction::triggered, this, [this] {
        if (m_homelab)
            m_homelab->refreshAll();
    });
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);

    auto* editMenu = menuBar()->addMenu(tr("&Edit"));
    auto* settings = editMenu->addAction(tr("&Settings…"));
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settings->setMenuRole(QAction::PreferencesRole);
    m_settingsAction = settings;
    connect(settings, &QAction::triggered, this, [this] { openSettings(SettingsDialog::General); });

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("viewMenu"));
    auto* nextHost = viewMenu->addAction(tr("&Next host"));
    nextHost->setObjectName(QStringLiteral("nextHostAction"));
    nextHost->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_BracketRight));
    connect(nextHost, &QAction::triggered, this, [this] { stepHost(1); });
    m_nextHostAction = nextHost;
    auto* previousHost = viewMenu->addAction(tr("&Previous host"));
    previousHost->setObjectName(QStringLiteral("previousHostAction"));
    previousHost->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_BracketLeft));
    connect(previousHost, &QAction::triggered, this, [this] { stepHost(-1); });
    m_previousHostAction = previousHost;
    viewMenu->addSeparator();
    // One entry per page, rebuilt each time the menu opens (the pages follow the configuration); Alt+1..9 jump
    // there from anywhere in the window.
    auto* goTo = viewMenu->addMenu(tr("&Go to"));
    goTo->setObjectName(QStringLiteral("goToMenu"));
    connect(goTo, &QMenu::aboutToShow, this, [this, goTo] {
        goTo->clear();
        for (int i = 0; m_tabs && i < m_tabs->count(); ++i) {
            QAction* a = goTo->addAction(m_tabs->tabText(i));
            if (i < 9)
                a->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
            connect(a, &QAction::triggered, this, [this, i] {
                if (m_tabs && i < m_tabs->count())
                    m_tabs->setCurrentIndex(i);
            });
        }
    });
    for (int i = 0; i < 9; ++i) {
        auto* jump = new QAction(this);
        jump->setObjectName(QStringLiteral("goToTab%1Action").arg(i + 1));
        jump->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        jump->setShortcutContext(Qt::WindowShortcut);
        connect(jump, &QAction::triggered, this, [this, i] {
            if (m_tabs && i < m_tabs->count())
                m_tabs->setCurrentIndex(i);
        });
        addAction(jump);
    }

    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    auto* about = helpMenu->addAction(tr("&About Homelab Control Center"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    auto* aboutQt = helpMenu->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createPalette()
{
    m_palette = new CommandPalette([this] { return paletteCommands(this); }, this);
    m_paletteAction = new QAction(tr("&Command palette…"), this);
    m_paletteAction->setObjectName(QStringLiteral("commandPaletteAction"));
    m_paletteAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_paletteAction->setShortcutContext(Qt::WindowShortcut);
    m_paletteAction->setToolTip(tr("Search every action and place (Ctrl+K)"));
    connect(m_paletteAction, &QAction::triggered, this, &MainWindow::openCommandPalette);
    addAction(m_paletteAction);
}

void MainWindow::openCommandPalette()
{
    if (m_palette)
        m_palette->popup();
}

void MainWindow::createActionsMenu()
{
    // The toolbar's actions, where a menu user looks for them. Before Help, which stays last.
    auto* actions = new QMenu(tr("&Actions"), this);
    actions->setObjectName(QStringLiteral("actionsMenu"));
    actions->addAction(m_paletteAction);
    actions->addSeparator();
    actions->addAction(m_refreshAction);
    actions->addAction(m_settingsAction);
    actions->addSeparator();
    actions->addAction(m_previousHostAction);
    actions->addAction(m_nextHostAction);
    QList<QAction*> top = menuBar()->actions();
    menuBar()->insertMenu(top.isEmpty() ? nullptr : top.last(), actions);
}

void MainWindow::createToolbar()
{
    const auto icon = [](const char* name) {
        const QString n = QString::fromLatin1(name);
        return QIcon::fromTheme(n, QIcon(QStringLiteral(":/icons/%1.svg").arg(n)));
    };
    m_refreshAction->setIcon(icon("view-refresh"));
    m_refreshAction->setToolTip(tr("Refresh every host and service now (F5)"));
    m_settingsAction->setIcon(icon("configure"));
    m_settingsAction->setToolTip(tr("Settings: hosts, services, notifications (Ctrl+,)"));
    m_paletteAction->setIcon(icon("system-search"));
    m_previousHostAction->setIcon(icon("go-previous"));
    m_previousHostAction->setToolTip(tr("Show the previous host (Ctrl+[)"));
    m_nextHostAction->setIcon(icon("go-next"));
    m_nextHostAction->setToolTip(tr("Show the next host (Ctrl+])"));

    m_toolbar = addToolBar(tr("Main toolbar"));
    m_toolbar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolbar->setMovable(false);
    m_toolbar->setToolButtonStyle(Qt::ToolButtonFollowStyle);
    m_toolbar->addAction(m_refreshAction);
    m_toolbar->addAction(m_paletteAction);
    m_toolbar->addSeparator();
    m_toolbar->addAction(m_previousHostAction);
    m_toolbar->addAction(m_nextHostAction);
    m_toolbar->addSeparator();
    m_toolbar->addAction(m_settingsAction);
}

void MainWindow::stepHost(int step)
{
    if (!m_tabs)
        return;
    QList<int> hosts;
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (qobject_cast<HostDetailView*>(m_tabs->widget(i)))
            hosts << i;
    }
    if (hosts.isEmpty())
        return;
    const qsizetype at = hosts.indexOf(m_tabs->currentIndex());
    const qsizetype next = at < 0 ? (step > 0 ? 0 : hosts.size() - 1) : (at + step + hosts.size()) % hosts.size();
    m_tabs->setCurrentIndex(hosts.at(next));
}

void MainWindow::showAbout()
{
    auto* box = new QMessageBox(QMessageBox::Information, tr("About Homelab Control Center"),
                                tr("Homelab Control Center %1").arg(QCoreApplication::applicationVersion()),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    const QString config = m_homelab ? m_homelab->configPath() : QString();
    box->setInformativeText(
        tr("A native control center for a Proxmox homelab: live host panels, safe actions, alerts.\n\n"
           "Qt %1 (built with %2)\nConfiguration: %3\nAudit log: %4")
            .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR),
                 config.isEmpty() ? tr("none (demo or first start)") : config,
                 m_homelab && m_homelab->audit() ? m_homelab->audit()->path() : tr("none")));
    box->open();
}

void MainWindow::releaseHomelab()
{
    if (m_keepState && m_content && !m_welcome)
        windowstate::saveContent(m_content, m_tabs);
    // Widgets first, then their model: every page holds pointers into the Homelab that is about to go.
    // (An open settings dialog stays: it edits its own copy of the config and holds nothing of the Homelab.)
    delete m_agentMenu;
    m_agentMenu = nullptr;
    delete m_tray;
    m_tray = nullptr;
    dropContent();
    m_welcome = nullptr;
    m_snapshot.clear();
    if (m_homelab)
        disconnect(m_homelab, nullptr, this, nullptr);
    m_homelab = nullptr;
}

void MainWindow::setHomelab(Homelab* homelab)
{
    // The same Homelab rebuilt (a new palette) while its pages are released: they come back as they were.
    const windowstate::ContentSnapshot snapshot = homelab == m_homelab ? m_snapshot : windowstate::ContentSnapshot();
    releaseHomelab();
    m_snapshot = snapshot;
    m_homelab = homelab;
    m_firstDataSignalled = false;
    if (!m_homelab)
        return;
    // A homelab replaced (settings applied) while the window is closed to the tray starts in the background too.
    if (isHidden() && testAttribute(Qt::WA_WState_ExplicitShowHide))
        m_homelab->setInBackground(true);
    if (!(m_releaseWhenHidden && isHidden()))
        buildPages(); // else when the window is shown
    connect(m_homelab, &Homelab::notice, this, &MainWindow::showNotice);
    connect(m_homelab->secrets(), &SecretStore::stateChanged, this, &MainWindow::updateKeychainBanner,
            Qt::UniqueConnection);
    updateKeychainBanner();
    updateStatusLine();

    // The tray shows alerts and every notification; without a tray they go to this window (said once).
    m_tray = new TrayIcon(m_homelab, m_homelab->alerts(), this, this);
    m_agentMenu = new AgentTrayMenu(m_homelab->agents(), m_homelab->webhooks(), this);
    m_tray->addMenu(m_agentMenu);
    connect(m_tray, &TrayIcon::openInboxItemRequested, this, &MainWindow::openInboxItem);
    // The window comes up first; the question is asked once the notification's call has returned.
    connect(m_tray, &TrayIcon::inboxActionRequested, this, [this](const QString& key, const QString& action) {
        QTimer::singleShot(0, this, [this, key, action] { actOnInboxItem(key, action); });
    });
    if (!m_tray->isAvailable()) {
        if (m_alertsView)
            m_alertsView->setTrayMissing(true);
        connect(m_tray, &TrayIcon::messageForWindow, this, &MainWindow::showNotice);
    }
}

void MainWindow::setWelcomeVisible(bool visible)
{
    if (visible == m_welcomeVisible)
        return;
    m_welcomeVisible = visible;
    setHomelab(m_homelab);
}

void MainWindow::showNotice(const QString& message)
{
    statusBar()->showMessage(message, 15000);
    // After the notice the line says again where the data comes from (demo, which config), never nothing.
    connect(statusBar(), &QStatusBar::messageChanged, this, &MainWindow::restoreStatusLine, Qt::UniqueConnection);
}

void MainWindow::restoreStatusLine(const QString& message)
{
    if (message.isEmpty())
        updateStatusLine();
}

void MainWindow::updateStatusLine()
{
    if (!m_homelab)
        return;
    if (m_homelab->isDemo())
        statusBar()->showMessage(tr("Demo mode: simulated homelab on this computer (127.0.0.1)"));
    else if (m_welcomeVisible)
        statusBar()->showMessage(tr("First start: no configuration file yet"));
    else if (m_homelab->configPath().isEmpty())
        statusBar()->showMessage(tr("No configuration loaded"));
    else
        statusBar()->showMessage(tr("Configuration: %1").arg(QDir::toNativeSeparators(m_homelab->configPath())));
}

void MainWindow::buildContent()
{
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("homelabContent"));
    auto* v = new QVBoxLayout(m_content);
    v->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_content, 1);

    if (m_welcomeVisible) {
        m_welcome = new WelcomePage(m_homelab->configPath());
        v->addWidget(m_welcome, 1);
        // Queued: starting the demo replaces these pages, this button included.
        connect(m_welcome, &WelcomePage::demoRequested, this, &MainWindow::demoRequested, Qt::QueuedConnection);
        connect(m_welcome, &WelcomePage::addHostRequested, this, &MainWindow::requestAddHost, Qt::QueuedConnection);
        return;
    }

    // Everything that waits for the user, non-modal: each item's button opens the dialog that answers it.
    m_attention = new AttentionBar(&m_homelab->config());
    v->addWidget(m_attention);
    // The service directory is the one source of these items (every service kind, every host); answers go back to
    // it. Items raised before this window existed are in pendingAttention().
    ServiceDirectory* services = m_homelab->services();
    for (const Attention& a : services->pendingAttention())
        m_attention->add(a);
    connect(services, &ServiceDirectory::needsAttention, m_attention, &AttentionBar::add);
    connect(services, &ServiceDirectory::attentionCleared, m_attention, &AttentionBar::clear);
    connect(m_attention, &AttentionBar::trustRequested, services, &ServiceDirectory::trustCertificate);
    connect(m_attention, &AttentionBar::secretEntered, services, &ServiceDirectory::setSecret);
    connect(m_attention, &AttentionBar::secondFactorEntered, services, &ServiceDirectory::submitSecondFactor);
    connect(m_attention, &AttentionBar::dismissed, services, &ServiceDirectory::dismiss);
    connect(m_attention, &AttentionBar::sessionOnlyRequested, this, [this] {
        m_homelab->services()->useSessionOnlySecrets();
        updateKeychainBanner();
    });

    // The Overview: what needs attention, then one card per host; its links lead to the other tabs.
    auto* overview = new OverviewPage(m_homelab);
    m_panels = overview->hostCards();
    connect(overview, &OverviewPage::trustCertificateRequested, this, &MainWindow::askTrust);
    connect(overview, &OverviewPage::enterSecretRequested, this, &MainWindow::askSecret);
    connect(overview, &OverviewPage::openRequested, this,
            [this](const OverviewTarget& target) { overview::openTarget(this, target); });
    for (HostMonitor* h : m_homelab->hosts()) {
        connect(h, &HostMonitor::proxmoxUpdated, m_content, [this] { // gone with the pages
            if (!m_firstDataSignalled && allPanelsHaveData()) {
                m_firstDataSignalled = true;
                emit firstDataShown();
            }
        });
    }

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->addTab(overview, tr("Overview"));
    for (HostMonitor* h : m_homelab->hosts()) {
        auto* detail = new HostDetailView(m_homelab, h);
        if (detail->isEmpty()) {
            delete detail;
            continue;
        }
        m_tabs->addTab(detail, h->host().name.isEmpty() ? h->hostId() : h->host().name);
    }
    // App-wide views are added here, one line each (inbox, alerts, GPU/LLM, agents, home, audit log, ...).
    m_inboxView = new InboxView(m_homelab->inbox());
    m_tabs->addTab(m_inboxView, tr("Inbox"));
    connect(m_inboxView, &InboxView::openRequested, this, &MainWindow::openInboxItem);
    connect(m_inboxView, &InboxView::editMaintenanceScheduleRequested, this,
            [this] { openSettings(SettingsDialog::Maintenance); });
    m_alertsView = new AlertsView(m_homelab, m_homelab->alerts());
    m_tabs->addTab(m_alertsView, tr("Alerts"));
    m_tabs->addTab(new GpuLlmTab(m_homelab->llm()), tr("GPU / LLM"));
    m_agentsTab = new AgentsTab(m_homelab->agents(), m_homelab->webhooks());
    m_tabs->addTab(m_agentsTab, tr("Agents"));
    if (!m_homelab->home()->adGuards().isEmpty())
        m_tabs->addTab(new AdGuardView(m_homelab->home()), tr("AdGuard"));
    if (!m_homelab->home()->homeAssistants().isEmpty())
        m_tabs->addTab(new HomeAssistantView(m_homelab->home()), tr("Home Assistant"));
    m_tabs->addTab(new AuditLogView(m_homelab->audit()), tr("Audit log"));
    tabicons::apply(m_tabs);
    v->addWidget(m_tabs, 1);
}

bool MainWindow::openInboxItem(const QString& key)
{
    const InboxItem* known = m_homelab && (m_tabs || pagesReleased()) ? m_homelab->inbox()->item(key) : nullptr;
    if (!known)
        return false;
    const InboxItem found = *known;
    const InboxItem* item = &found;
    showNormal(); // builds released pages
    raise();
    activateWindow();
    if (!m_tabs)
        return false;
    switch (item->source) {
    case InboxItem::Source::Alert: {
        m_tabs->setCurrentWidget(m_alertsView);
        const int row = m_alertsView->model()->rowOfKey(item->fingerprint);
        if (row >= 0)
            m_alertsView->table()->selectRow(
                m_alertsView->proxy()->mapFromSource(m_alertsView->model()->index(row, 0)).row());
        return true;
    }
    case InboxItem::Source::AgentRun:
        m_tabs->setCurrentWidget(m_agentsTab);
        m_agentsTab->showRun(item->target);
        return true;
    case InboxItem::Source::Maintenance:
        m_tabs->setCurrentWidget(m_inboxView);
        return true;
    case InboxItem::Source::Container:
    case InboxItem::Source::Probe:
    case InboxItem::Source::Proxmox:
    case InboxItem::Source::Certificate:
        break;
    }
    auto* detail = m_tabs->findChild<HostDetailView*>(QStringLiteral("hostDetail_%1").arg(item->hostId));
    if (!detail)
        return false;
    m_tabs->setCurrentWidget(detail);
    if (item->source == InboxItem::Source::Container) {
        if (auto* stacks = detail->findChild<StacksView*>()) {
            detail->tabs()->setCurrentWidget(stacks);
            stacks->selectContainer(item->target);
        }
    } else if (item->source == InboxItem::Source::Proxmox && !item->key.startsWith(QLatin1String("node/"))) {
        // A stopped onboot guest (target "qemu/100") or a failed task of a guest (the UPID names its vmid).
        if (auto* guests = detail->findChild<GuestsView*>()) {
            detail->tabs()->setCurrentWidget(guests);
            if (item->key.startsWith(QLatin1String("task/"))) {
                // UPID:node:pid:pstart:starttime:type:id:user: (vzdump works on VMs and containers alike)
                const QString vmid = item->target.section(QLatin1Char(':'), 6, 6);
                if (!vmid.isEmpty() && !guests->selectGuest(QStringLiteral("qemu/") + vmid))
                    guests->selectGuest(QStringLiteral("lxc/") + vmid);
            } else {
                guests->selectGuest(item->target);
            }
        }
    } else if (auto* services = detail->findChild<ServicesHealthView*>()) {
        detail->tabs()->setCurrentWidget(services);
    }
    return true;
}

bool MainWindow::actOnInboxItem(const QString& key, const QString& action)
{
    const InboxItem* known = m_homelab && (m_tabs || pagesReleased()) ? m_homelab->inbox()->item(key) : nullptr;
    if (!known)
        return false;
    const InboxItem found = *known;
    const InboxItem* item = &found;
    if (!openInboxItem(key) || !m_tabs)
        return false;
    auto* detail = m_tabs->findChild<HostDetailView*>(QStringLiteral("hostDetail_%1").arg(item->hostId));
    if (!detail)
        return false;
    if (action == QLatin1String("restart-container") && item->source == InboxItem::Source::Container) {
        auto* stacks = detail->findChild<StacksView*>();
        if (!stacks || !stacks->selectContainer(item->target))
            return false;
        stacks->triggerContainer(portainer::ContainerAction::Restart); // asks "Restart the container ...?"
        return true;
    }
    if (action == QLatin1String("start-guest") && key.startsWith(QLatin1String("guest/"))) {
        auto* guests = detail->findChild<GuestsView*>();
        if (!guests || !guests->selectGuest(item->target))
            return false;
        guests->trigger(pve::GuestAction::Start, true); // asks "Start ... on ...?"
        return true;
    }
    return false;
}

void MainWindow::requestAddHost()
{
    emit addHostRequested();
    openHostSetup();
}

void MainWindow::openHostSetup(const QString& hostId, const QString& serviceId)
{
    if (!m_homelab)
        return;
    if (m_hostSetup) {
        m_hostSetup->raise();
        m_hostSetup->activateWindow();
        return;
    }
    auto* d = new HostSetupDialog(m_homelab->config(), m_homelab->secrets(), m_homelab->networkManager(), this);
    if (!serviceId.isEmpty() && !d->editService(hostId, serviceId)) {
        delete d;
        return;
    }
    d->setAttribute(Qt::WA_DeleteOnClose);
    m_hostSetup = d;
    connect(d, &QDialog::accepted, this, [this, d] {
        // Applying rebuilds every page: after the dialog's own slot has returned.
        QTimer::singleShot(0, this, [this, c = d->config()] {
            if (const std::optional<QString> problem = applyConfig(c))
                showNotice(tr("The new host was not saved: %1").arg(*problem));
        });
    });
    d->open();
}

void MainWindow::importFile(bool homepage, const QString& path)
{
    if (!m_homelab || path.isEmpty())
        return;
    const std::optional<Config> c =
        homepage ? ImportPreviewDialog::importHomepage(path, m_homelab->config(), m_homelab->secrets(), this)
                 : ImportPreviewDialog::importEnvFile(path, m_homelab->config(), m_homelab->secrets(), this);
    if (!c)
        return;
    QTimer::singleShot(0, this, [this, config = *c] {
        if (const std::optional<QString> problem = applyConfig(config))
            showNotice(tr("The import was not saved: %1").arg(*problem));
    });
}

std::optional<QString> MainWindow::applyConfig(const Config& config, const QHash<QString, QString>& secrets)
{
    if (!m_applier)
        return tr("This window cannot save the configuration.");
    return m_applier(config, secrets);
}

void MainWindow::openSettings(int page)
{
    if (!m_homelab)
        return;
    if (!m_settings) {
        m_settings = new SettingsDialog(m_homelab->config(), this);
        m_settings->setAttribute(Qt::WA_DeleteOnClose);
        m_settings->setApplier(
            [this](const Config& c, const QHash<QString, QString>& secrets) { return applyConfig(c, secrets); });
        connect(m_settings, &SettingsDialog::addHostRequested, this, &MainWindow::addHostRequested);
        connect(m_settings, &SettingsDialog::editServiceRequested, this, &MainWindow::editServiceRequested);
        // Hosts added or edited from the settings change the dialog's working copy; OK saves them with the rest.
        m_settings->hostsPage()->setHostEditor(
            [this, secrets = m_homelab->secrets(),
             nam = m_homelab->networkManager()](const Config& current, const QString& hostId, const QString& serviceId,
                                                QHash<QString, QString>* typed) -> std::optional<Config> {
                return serviceId.isEmpty()
                           ? HostSetupDialog::addHost(current, secrets, nam, m_settings, typed)
                           : HostSetupDialog::editService(current, hostId, serviceId, secrets, nam, m_settings, typed);
            });
        if (HomeServices* home = m_homelab->home())
            m_settings->maintenancePage()->setKnownAutomations(home->automations());
        m_settings->open();
    }
    m_settings->setPage(static_cast<SettingsDialog::Page>(page));
    m_settings->raise();
    m_settings->activateWindow();
}

void MainWindow::setConfigProblem(const QString& text)
{
    m_configText->setText(text);
    m_configBanner->setVisible(!text.isEmpty());
}

void MainWindow::setConfigNotice(const QString& text)
{
    m_configNotice->setText(text);
    m_configNotice->setVisible(!text.isEmpty());
}

bool MainWindow::allPanelsHaveData() const
{
    for (const HostCard* p : m_panels) {
        if (p->monitor()->proxmoxService() && !p->hasData())
            return false;
    }
    return true;
}

void MainWindow::updateKeychainBanner()
{
    if (!m_homelab)
        return;
    const SecretStore* s = m_homelab->secrets();
    if (s->state() == SecretStore::State::Unavailable) {
        m_keychainText->setText(
            tr("The system keychain is unavailable: %1 Secrets you enter are not saved.").arg(s->unavailableReason()));
        m_keychainBanner->show();
    } else if (s->state() == SecretStore::State::Locked) {
        QString text = s->unavailableReason();
        if (s->waitingForUnlock() > 0)
            text += u' ' + tr("%n secrets wait to be stored; they are lost if you quit before the unlock.", nullptr,
                              s->waitingForUnlock());
        m_keychainText->setText(text);
        m_keychainBanner->show();
    } else {
        m_keychainBanner->hide();
    }
}

namespace {
/// The pending item for (host, service) when there is one (it carries the full certificate), else @p fallback.
Attention pendingOr(const AttentionBar* bar, const Attention& fallback)
{
    for (const Attention& a : bar->items()) {
        if (a.hostId == fallback.hostId && a.serviceId == fallback.serviceId && a.kind == fallback.kind)
            return a;
    }
    return fallback;
}
} // namespace

void MainWindow::askTrust(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex)
{
    Attention a;
    a.kind = Attention::Kind::CertificateUntrusted;
    a.hostId = hostId;
    a.serviceId = serviceId;
    a.certificate.sha256 = sha256Hex;
    if (const ServiceConfig* s = m_homelab->config().service(hostId, serviceId)) {
        a.serviceKind = s->kind;
        a.hostPort = QStringLiteral("%1:%2").arg(s->baseUrl.host()).arg(s->baseUrl.port(443));
        if (!s->pinnedSha256.isEmpty() && s->pinnedSha256 != sha256Hex) {
            a.kind = Attention::Kind::CertificateChanged;
            a.pinnedSha256 = s->pinnedSha256;
        }
    }
    m_attention->openPrompt(pendingOr(m_attention, a));
}

void MainWindow::askSecret(const QString& hostId, const QString& serviceId)
{
    Attention a;
    a.kind = Attention::Kind::SecretMissing;
    a.hostId = hostId;
    a.serviceId = serviceId;
    if (const ServiceConfig* s = m_homelab->config().service(hostId, serviceId))
        a.serviceKind = s->kind;
    if (const HostMonitor* h = m_homelab->host(hostId);
        h && h->proxmoxStatus().error.kind == ApiError::Kind::Auth && h->proxmoxStatus().error.httpStatus == 401)
        a.kind = Attention::Kind::SecretRejected;
    if (const HostMonitor* h = m_homelab->host(hostId);
        h && h->ticketSession() && h->ticketSession()->needsSecondFactor() &&
        pve::ProxmoxClient::acceptsTotpCode(h->ticketSession()->client()->secondFactorMethods()))
        a.kind = Attention::Kind::SecondFactorRequired;
    for (const Attention& p : m_attention->items()) {
        if (p.hostId == hostId && p.serviceId == serviceId &&
            (p.kind == Attention::Kind::SecretMissing || p.kind == Attention::Kind::SecretRejected ||
             p.kind == Attention::Kind::SecondFactorRequired))
            a = p; // the item waiting in the bar (a TOTP code rather than a password, when that is what it needs)
    }
    m_attention->openPrompt(a);
}

} // namespace hlc
