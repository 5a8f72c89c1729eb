#pragma once

#include "metrics/AlertCenter.h"

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QSystemTrayIcon>

class QMenu;
class QAction;

namespace hlc {

class DesktopNotifier;
class Homelab;
struct Notification;

/**
 * @brief The system tray icon: its colour and tooltip show the worst firing severity and the count; its menu opens
 * the window, lists the firing alerts, silences one for 1 h / 4 h / 24 h, and quits. Every notification the app
 * posts (alerts, actions, agent runs) is shown with QSystemTrayIcon::showMessage (a desktop notification on Linux).
 *
 * With a tray, closing the window keeps the app running in the tray. Without any system tray the app behaves as a
 * normal window and notifications go to the window (see messageForWindow()).
 */
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)
public:
    /// @param window the window "Open" shows; @p alerts may be nullptr (no alert features)
    TrayIcon(Homelab* homelab, AlertCenter* alerts, QWidget* window, QObject* parent = nullptr);
    ~TrayIcon() override;

    /// Whether a system tray exists (checked at construction).
    [[nodiscard]] bool isAvailable() const { return m_available; }
    /// Adds @p menu as a submenu before Quit (e.g. "Run agent"). The tray does not take ownership.
    void addMenu(QMenu* menu);

    [[nodiscard]] QSystemTrayIcon* icon() const { return m_icon; }
    [[nodiscard]] QMenu* menu() const { return m_menu; }
    [[nodiscard]] QString toolTip() const { return m_toolTip; }
    [[nodiscard]] QColor color() const { return m_color; }
    /// How often the alert menus were built (only when the firing alerts change).
    [[nodiscard]] int alertMenuBuilds() const { return m_alertMenuBuilds; }
    /// The colour for a worst severity (grey-green when nothing fires).
    [[nodiscard]] static QColor colorFor(AlertEntry::Severity worst, int firing);
    /// Notifications with buttons over org.freedesktop.Notifications (used when the server supports actions).
    [[nodiscard]] DesktopNotifier* desktopNotifier() const { return m_notifier; }

signals:
    /// A notification was shown as a desktop message (tray available).
    void messageShown(const QString& title, const QString& body);
    /// A notification for the window, because there is no tray.
    void messageForWindow(const QString& text);
    /// "Open" on a notification: show inbox item @p key in the window.
    void openInboxItemRequested(const QString& key);
    /// "Restart container" (@p action "restart-container") or "Start guest" ("start-guest") on a notification: the
    /// window shows item @p key and asks there; nothing runs from the notification itself.
    void inboxActionRequested(const QString& key, const QString& action);

private:
    void update();
    void rebuildAlertMenus();
    void show(const Notification& n);
    void openWindow();
    void onNotificationAction(const QString& key, const QString& action);

    QPointer<Homelab> m_homelab;
    QPointer<AlertCenter> m_alerts;
    QPointer<QWidget> m_window;
    bool m_available = false;
    QSystemTrayIcon* m_icon = nullptr;
    QMenu* m_menu = nullptr;
    QMenu* m_firingMenu = nullptr;
    QMenu* m_silenceMenu = nullptr;
    QAction* m_extraSeparator = nullptr;
    static constexpr qsizetype kMaxMenuAlerts = 25; ///< firing alerts listed in the tray menus; the rest: a count
    QString m_alertMenuKey;                         ///< what the alert menus were built from (rebuilt on change)
    bool m_alertMenusBuilt = false;
    int m_alertMenuBuilds = 0;
    QString m_toolTip;
    QColor m_color;
    DesktopNotifier* m_notifier = nullptr;
};

} // namespace hlc
