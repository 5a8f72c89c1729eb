#pragma once

#include "core/NotificationCenter.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QDBusConnection;

namespace hlc {

/**
 * @brief Desktop notifications with buttons, straight through `org.freedesktop.Notifications` on the session bus.
 *
 * probe() asks the server's GetCapabilities once; only a server that lists "actions" is used (canShowActions()),
 * otherwise the caller falls back to its plain messages (QSystemTrayIcon::showMessage). Each notification belongs to
 * a key (an inbox item): a new notification for the same key replaces the old one (replaces_id), and a button the
 * user clicks comes back as actionInvoked(key, action). Every call is asynchronous: the GUI never waits for the bus.
 */
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)
public:
    enum class Support
    {
        Unknown,     ///< not asked yet, or the answer is on its way
        Actions,     ///< the server shows buttons
        NoActions,   ///< a server without "actions"
        Unavailable, ///< no session bus or no notification server
    };
    /// One button: @p id comes back in actionInvoked(); "default" is the click on the notification itself.
    struct Action
    {
        QString id;
        QString label;
    };

    /// On the session bus.
    explicit DesktopNotifier(QObject* parent = nullptr);
    /// On @p bus (tests: a private session).
    explicit DesktopNotifier(const QDBusConnection& bus, QObject* parent = nullptr);
    ~DesktopNotifier() override;

    /// Asks GetCapabilities (asynchronously); supportChanged() follows.
    void probe();
    [[nodiscard]] Support support() const { return m_support; }
    [[nodiscard]] bool canShowActions() const { return m_support == Support::Actions; }
    [[nodiscard]] QStringList capabilities() const { return m_capabilities; }

    /// Shows (or replaces, for a known @p key) a notification with @p actions.
    void show(const QString& key, const QString& title, const QString& body, Notification::Severity severity,
              const QList<Action>& actions);
    /// How many notifications were sent to the server so far.
    [[nodiscard]] int sentCount() const { return m_sent; }
    /// The server's id of @p key's notification (0: none yet).
    [[nodiscard]] uint notificationId(const QString& key) const { return m_ids.value(key); }

signals:
    void supportChanged();
    /// The user clicked @p action on @p key's notification.
    void actionInvoked(const QString& key, const QString& action);
    /// The server answered Notify for @p key with @p id.
    void shown(const QString& key, uint id);

private slots:
    void onActionInvoked(uint id, const QString& action);
    void onClosed(uint id, uint reason);

private:
    struct Private;
    std::unique_ptr<Private> d;
    Support m_support = Support::Unknown;
    QStringList m_capabilities;
    QHash<QString, uint> m_ids;
    int m_sent = 0;
};

} // namespace hlc
