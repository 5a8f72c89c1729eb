#include "core/DesktopNotifier.h"

#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcDesktopNotify, "hlc.app.notify")

namespace hlc {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
} // namespace

struct DesktopNotifier::Private
{
    explicit Private(const QDBusConnection& b)
        : bus(b)
    {}
    QDBusConnection bus;
};

DesktopNotifier::DesktopNotifier(QObject* parent)
    : DesktopNotifier(QDBusConnection::sessionBus(), parent)
{}

DesktopNotifier::DesktopNotifier(const QDBusConnection& bus, QObject* parent)
    : QObject(parent)
    , d(std::make_unique<Private>(bus))
{
    if (!d->bus.isConnected()) {
        m_support = Support::Unavailable;
        return;
    }
    // QDBusConnection::connect() has no pointer-to-member form in Qt 6.4: the slots are named.
    d->bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                   SLOT(onActionInvoked(uint, QString)));
    d->bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this, SLOT(onClosed(uint, uint)));
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::probe()
{
    if (!d->bus.isConnected()) {
        m_support = Support::Unavailable;
        emit supportChanged();
        return;
    }
    const QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("GetCapabilities"));
    auto* watcher = new QDBusPendingCallWatcher(d->bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* w) {
        w->deleteLater();
        const QDBusPendingReply<QStringList> reply = *w;
        if (reply.isError()) {
            qCInfo(lcDesktopNotify) << "no notification server:" << reply.error().message();
            m_support = Support::Unavailable;
        } else {
            m_capabilities = reply.value();
            m_support = m_capabilities.contains(QStringLiteral("actions")) ? Support::Actions : Support::NoActions;
            qCInfo(lcDesktopNotify) << "notification server capabilities:" << m_capabilities;
        }
        emit supportChanged();
    });
}

void DesktopNotifier::show(const QString& key, const QString& title, const QString& body,
                           Notification::Severity severity, const QList<Action>& actions)
{
    if (!d->bus.isConnected())
        return;
    QStringList flat;
    for (const Action& a : actions)
        flat << a.id << a.label;
    // Urgency: 0 low, 1 normal, 2 critical (critical ones stay until the user answers them).
    const uchar urgency = severity == Notification::Severity::Critical ? 2 : 1;
    QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(urgency)},
                      {QStringLiteral("desktop-entry"), QStringLiteral("homelab-control")}};
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    call << QStringLiteral("Homelab Control Center") << m_ids.value(key) << QStringLiteral("homelab-control") << title
         << body << flat << hints << int(-1);
    ++m_sent;
    auto* watcher = new QDBusPendingCallWatcher(d->bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, key](QDBusPendingCallWatcher* w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError()) {
            qCInfo(lcDesktopNotify) << "Notify failed:" << reply.error().message();
            return;
        }
        m_ids.insert(key, reply.value());
        emit shown(key, reply.value());
    });
}

void DesktopNotifier::onActionInvoked(uint id, const QString& action)
{
    const QString key = m_ids.key(id);
    if (!key.isEmpty())
        emit actionInvoked(key, action);
}

void DesktopNotifier::onClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    // A closed notification cannot be replaced any more: the next one for its key is new.
    const QString key = m_ids.key(id);
    if (!key.isEmpty())
        m_ids.remove(key);
}

} // namespace hlc
