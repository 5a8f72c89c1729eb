#include "core/TrayIcon.h"

#include "core/DesktopNotifier.h"
#include "metrics/AlertInbox.h"

#include "core/Homelab.h"
#include "core/NotificationCenter.h"
#include "core/StatusColors.h"
#include "home/HealthProber.h"
#include "home/HomeServices.h"

#include <QAction>
#include <QApplication>
#include <QLoggingCategory>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QWidget>

Q_LOGGING_CATEGORY(lcTray, "hlc.widgets.tray")

namespace hlc {

namespace {
QIcon paintIcon(const QColor& color, int count)
{
    QIcon icon;
    for (int size : {16, 22, 32, 64}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(color.darker(150), std::max(1, size / 16)));
        p.setBrush(color);
        p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
        if (count > 0 && size >= 22) {
            QFont f = p.font();
            f.setBold(true);
            f.setPixelSize(size * 6 / 10);
            p.setFont(f);
            p.setPen(Qt::white);
            p.drawText(QRect(0, 0, size, size), Qt::AlignCenter,
                       count > 9 ? QStringLiteral("9+") : QString::number(count));
        }
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}
} // namespace

QColor TrayIcon::colorFor(AlertEntry::Severity worst, int firing)
{
    if (firing == 0)
        return StatusColors::iconColor(StatusColors::Role::Ok); // all quiet
    switch (worst) {
    case AlertEntry::Severity::Critical:
        return StatusColors::iconColor(StatusColors::Role::Critical);
    case AlertEntry::Severity::Warning:
        return StatusColors::iconColor(StatusColors::Role::Warning);
    case AlertEntry::Severity::Info:
        break;
    }
    return StatusColors::iconColor(StatusColors::Role::Info);
}

TrayIcon::TrayIcon(Homelab* homelab, AlertCenter* alerts, QWidget* window, QObject* parent)
    : QObject(parent)
    , m_homelab(homelab)
    , m_alerts(alerts)
    , m_window(window)
    , m_available(QSystemTrayIcon::isSystemTrayAvailable())
    , m_icon(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    QAction* open = m_menu->addAction(tr("Open Homelab Control Center"));
    open->setObjectName(QStringLiteral("trayOpenAction"));
    connect(open, &QAction::triggered, this, &TrayIcon::openWindow);
    m_menu->addSeparator();
    m_firingMenu = m_menu->addMenu(tr("Firing alerts"));
    m_firingMenu->setObjectName(QStringLiteral("trayFiringMenu"));
    m_silenceMenu = m_menu->addMenu(tr("Silence"));
    m_silenceMenu->setObjectName(QStringLiteral("traySilenceMenu"));
    m_extraSeparator = m_menu->addSeparator();
    QAction* quit = m_menu->addAction(tr("Quit"));
    quit->setObjectName(QStringLiteral("trayQuitAction"));
    connect(quit, &QAction::triggered, qApp, &QCoreApplication::quit);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            openWindow();
    });

    if (m_alerts)
        connect(m_alerts, &AlertCenter::alertsChanged, this, &TrayIcon::update);
    if (m_homelab && m_homelab->home() && m_homelab->home()->health())
        connect(m_homelab->home()->health(), &HealthProber::hostUpdated, this, &TrayIcon::update);
    if (m_homelab && m_homelab->notifications())
        connect(m_homelab->notifications(), &NotificationCenter::posted, this, &TrayIcon::show);
    if (m_homelab && m_homelab->inbox())
        connect(m_homelab->inbox(), &AlertInbox::itemsChanged, this, &TrayIcon::update);
    // Buttons in notifications where the desktop's notification server supports them (else showMessage below).
    m_notifier = new DesktopNotifier(this);
    connect(m_notifier, &DesktopNotifier::actionInvoked, this, &TrayIcon::onNotificationAction);
    m_notifier->probe();
    update();
    if (m_available) {
        // Closing the window keeps the app in the tray; Quit is in the menu.
        QApplication::setQuitOnLastWindowClosed(false);
        m_icon->show();
    } else {
        qCInfo(lcTray) << "no system tray: notifications go to the window";
    }
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::addMenu(QMenu* menu)
{
    m_menu->insertMenu(m_extraSeparator, menu);
}

void TrayIcon::openWindow()
{
    if (!m_window)
        return;
    m_window->show();
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->raise();
    m_window->activateWindow();
}

void TrayIcon::onNotificationAction(const QString& key, const QString& action)
{
    AlertInbox* inbox = m_homelab ? m_homelab->inbox() : nullptr;
    if (!inbox)
        return;
    // Acknowledge and snooze are not destructive and are undone in the inbox; anything that changes a machine
    // (restart, start) still asks in the window.
    if (action == QLatin1String("acknowledge")) {
        inbox->acknowledge(key);
    } else if (action == QLatin1String("snooze-1h")) {
        inbox->snooze(key, inbox->now().addSecs(3600), tr("Snoozed from the desktop notification"));
    } else if (action == QLatin1String("open") || action == QLatin1String("default")) {
        openWindow();
        emit openInboxItemRequested(key);
    } else if (action == QLatin1String("restart-container") || action == QLatin1String("start-guest")) {
        openWindow();
        emit inboxActionRequested(key, action);
    }
}

void TrayIcon::update()
{
    const int firing = m_alerts ? m_alerts->firingCount() : 0;
    const AlertEntry::Severity worst = m_alerts ? m_alerts->worstSeverity() : AlertEntry::Severity::Info;
    m_color = colorFor(worst, firing);
    if (firing == 0) {
        m_toolTip = tr("Homelab Control Center: no firing alerts");
    } else {
        const QString sev = worst == AlertEntry::Severity::Critical  ? tr("critical")
                            : worst == AlertEntry::Severity::Warning ? tr("warning")
                                                                     : tr("info");
        m_toolTip = tr("Homelab Control Center: %n firing alerts, worst: %1", nullptr, firing).arg(sev);
    }
    // Services whose health probe fails count too: "2 services down on pve-thinkpad: redis, mqtt".
    if (m_homelab && m_homelab->home() && m_homelab->home()->health()) {
        const QString down = m_homelab->home()->health()->downSummary();
        if (!down.isEmpty())
            m_toolTip += QLatin1Char('\n') + down;
    }
    // The inbox's counts (what needs attention, acknowledged, snoozed) when it holds anything of that.
    if (m_homelab && m_homelab->inbox()) {
        const AlertInbox* inbox = m_homelab->inbox();
        if (inbox->openCount() + inbox->acknowledgedCount() + inbox->snoozedCount() > 0)
            m_toolTip += QLatin1Char('\n') + inbox->countsText();
    }
    m_icon->setIcon(paintIcon(m_color, firing));
    m_icon->setToolTip(m_toolTip);
    rebuildAlertMenus();
}

void TrayIcon::rebuildAlertMenus()
{
    // Called on every health probe round and inbox change: rebuild only when what the menus list changed (with 300
    // alerts a rebuild is hundreds of actions), and list at most kMaxMenuAlerts of them.
    QList<const AlertEntry*> firing;
    qsizetype total = 0;
    QString key = m_alerts && m_alerts->canSilence() ? QStringLiteral("s") : QStringLiteral("-");
    if (m_alerts) {
        for (const AlertEntry& a : m_alerts->alerts()) {
            if (a.state != AlertEntry::State::Firing)
                continue;
            ++total;
            if (firing.size() < kMaxMenuAlerts)
                firing << &a;
            key +=
                QLatin1Char('\n') + a.fingerprint + QLatin1Char('\t') + a.severityText + QLatin1Char('\t') + a.summary;
        }
    }
    if (key == m_alertMenuKey && m_alertMenusBuilt)
        return;
    m_alertMenuKey = key;
    m_alertMenusBuilt = true;
    ++m_alertMenuBuilds;
    m_firingMenu->clear();
    // clear() deletes the menu's own actions but not the submenus addMenu() made (children of the menu): without
    // this every rebuild kept the last set of "Silence" submenus alive, for as long as the app ran.
    const QList<QMenu*> oldSubmenus = m_silenceMenu->findChildren<QMenu*>(Qt::FindDirectChildrenOnly);
    m_silenceMenu->clear();
    for (QMenu* sub : oldSubmenus)
        sub->deleteLater(); // not at once: this may run while one of them is open
    for (const AlertEntry* a : std::as_const(firing)) {
        const QString text =
            QStringLiteral("[%1] %2").arg(a->severityText.isEmpty() ? tr("info") : a->severityText, a->summary);
        QAction* item = m_firingMenu->addAction(text);
        connect(item, &QAction::triggered, this, &TrayIcon::openWindow);
        QMenu* sub = m_silenceMenu->addMenu(a->summary);
        const QString fp = a->fingerprint;
        for (const auto& [seconds, label] : QList<QPair<qint64, QString>>{
                 {3600, tr("for 1 hour")}, {4 * 3600, tr("for 4 hours")}, {24 * 3600, tr("for 24 hours")}}) {
            QAction* act = sub->addAction(label);
            act->setObjectName(QStringLiteral("traySilence_%1_%2h").arg(fp).arg(seconds / 3600));
            const qint64 s = seconds;
            connect(act, &QAction::triggered, this, [this, fp, s] {
                if (m_alerts)
                    m_alerts->silence(fp, s);
            });
        }
    }
    if (total > firing.size()) {
        // The rest are in the window's Alerts tab.
        QAction* more = m_firingMenu->addAction(tr("…and %n more in the window", nullptr, int(total - firing.size())));
        more->setObjectName(QStringLiteral("trayMoreAlertsAction"));
        connect(more, &QAction::triggered, this, &TrayIcon::openWindow);
    }
    if (firing.isEmpty())
        m_firingMenu->addAction(tr("No firing alerts"))->setEnabled(false);
    m_silenceMenu->setEnabled(!firing.isEmpty() && m_alerts && m_alerts->canSilence());
}

void TrayIcon::show(const Notification& n)
{
    const InboxItem* item =
        m_homelab && m_homelab->inbox() && !n.itemKey.isEmpty() ? m_homelab->inbox()->item(n.itemKey) : nullptr;
    if (m_notifier->canShowActions() && !n.itemKey.isEmpty()) {
        QList<DesktopNotifier::Action> actions{{QStringLiteral("default"), tr("Open")}};
        // A firing alert's notice comes before the inbox has merged it (no item yet): it can be answered; a
        // resolved one cannot.
        const bool answerable = n.severity != Notification::Severity::Success;
        if (answerable && (!item || (item->actions() & InboxItem::Acknowledge)))
            actions << DesktopNotifier::Action{QStringLiteral("acknowledge"), tr("Acknowledge")};
        if (answerable && (!item || (item->actions() & InboxItem::Snooze)))
            actions << DesktopNotifier::Action{QStringLiteral("snooze-1h"), tr("Snooze 1 h")};
        // Changing a machine: offered here, asked in the window (the view's own confirmation), never run from here.
        if (answerable && n.itemKey.startsWith(QLatin1String("container/")))
            actions << DesktopNotifier::Action{QStringLiteral("restart-container"), tr("Restart container")};
        if (answerable && n.itemKey.startsWith(QLatin1String("guest/")))
            actions << DesktopNotifier::Action{QStringLiteral("start-guest"), tr("Start guest")};
        actions << DesktopNotifier::Action{QStringLiteral("open"), tr("Open")};
        m_notifier->show(n.itemKey, n.title, n.body, n.severity, actions);
        if (m_available)
            emit messageShown(n.title, n.body);
        else
            emit messageForWindow(n.body.isEmpty() ? n.title : QStringLiteral("%1: %2").arg(n.title, n.body));
        return;
    }
    if (!m_available) {
        emit messageForWindow(n.body.isEmpty() ? n.title : QStringLiteral("%1: %2").arg(n.title, n.body));
        return;
    }
    QSystemTrayIcon::MessageIcon icon = QSystemTrayIcon::Information;
    if (n.severity == Notification::Severity::Warning)
        icon = QSystemTrayIcon::Warning;
    else if (n.severity == Notification::Severity::Critical)
        icon = QSystemTrayIcon::Critical;
    m_icon->showMessage(n.title, n.body, icon, 10000);
    emit messageShown(n.title, n.body);
}

} // namespace hlc
