#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace hlc {

/// Something the operator should notice: an alert, an action's outcome, a finished agent run.
struct Notification
{
    enum class Severity
    {
        Info,
        Success,
        Warning,
        Critical
    };
    Severity severity = Severity::Info;
    QString title;   ///< short, e.g. "Stack traefik stopped"
    QString body;    ///< one or two lines
    QString source;  ///< "actions", "alerts", "agents", ...
    QString hostId;  ///< may be empty
    QString itemKey; ///< the inbox item it is about ("alert/<fingerprint>"): answerable, replaces the last one; may be
                     ///< empty
    QDateTime time;
};

/**
 * @brief The app's single outlet for notifications. The app posts; the face (tray icon, or the window when there is
 * no tray) shows them. Keeps a short history so a window opened later can list what happened.
 */
class NotificationCenter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationCenter)
public:
    explicit NotificationCenter(QObject* parent = nullptr);

    /// Decides whether a notification is held back (maintenance window, quiet hours): true = taken, not shown.
    using Gate = std::function<bool(const Notification&)>;

    /// Shows @p n unless the gate holds it.
    void post(Notification n);
    /// Shows @p n without asking the gate (held notifications released, summaries of held ones).
    void release(Notification n);
    void setGate(Gate gate) { m_gate = std::move(gate); }
    [[nodiscard]] const QList<Notification>& history() const { return m_history; }

signals:
    void posted(const hlc::Notification& notification);

private:
    QList<Notification> m_history;
    Gate m_gate;
};

} // namespace hlc
