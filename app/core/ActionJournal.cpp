#include "core/ActionJournal.h"

#include "core/AuditLog.h"
#include "core/SecretStore.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcJournal, "hlc.app.journal")

namespace hlc {

namespace {
QString joined(const QString& a, const QString& b)
{
    return b.isEmpty() ? a : a + QLatin1Char(' ') + b;
}
} // namespace

QString ActionTarget::auditText() const
{
    switch (kind) {
    case Kind::Guest:
        return joined(id, label);
    case Kind::Stack:
        return joined(QStringLiteral("stack/") + id, label);
    case Kind::Container:
        return joined(QStringLiteral("container/") + id, label);
    case Kind::Webhook:
        return joined(QStringLiteral("webhook ") + id, label.isEmpty() ? QString() : QStringLiteral("(%1)").arg(label));
    case Kind::Silence:
        return label.isEmpty() ? id : QStringLiteral("%1 (%2)").arg(label, id);
    case Kind::AgentRun: // the run id is the line's taskId
    case Kind::AdGuard:
        return label.isEmpty() ? id : label;
    case Kind::HaEntity:
    case Kind::Model:
        return id;
    }
    return id;
}

ActionJournal::Outcome ActionJournal::Outcome::ok(const QString& title, const QString& body)
{
    Outcome o;
    o.title = title;
    o.body = body;
    return o;
}

ActionJournal::Outcome ActionJournal::Outcome::failed(const QString& reason, const QString& title, const QString& body)
{
    Outcome o = ok(title, body);
    o.result = Result::Failed;
    o.reason = reason;
    return o;
}

ActionJournal::Outcome ActionJournal::Outcome::unknown(const QString& reason, const QString& check,
                                                       const QString& title, const QString& body)
{
    Outcome o = failed(reason, title, body);
    o.result = Result::Unknown;
    o.check = check;
    return o;
}

ActionJournal::Outcome ActionJournal::Outcome::cancelled(const QString& title, const QString& body)
{
    Outcome o = ok(title, body);
    o.result = Result::Cancelled;
    return o;
}

QString ActionJournal::Outcome::auditText() const
{
    if (!auditOutcome.isEmpty())
        return auditOutcome;
    switch (result) {
    case Result::Ok:
        return QStringLiteral("ok");
    case Result::Failed:
        return QStringLiteral("failed: ") + reason;
    case Result::Unknown:
        return QStringLiteral("unknown: ") + reason;
    case Result::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

ActionJournal::ActionJournal(AuditLog* audit, NotificationCenter* notifications, QObject* parent)
    : QObject(parent)
    , m_audit(audit)
    , m_notifications(notifications)
{}

ActionJournal::Entry ActionJournal::begin(const ActionTarget& target, const QString& action, const QString& detail)
{
    Entry entry = observed(target, action);
    entry.detail = detail;
    if (m_audit) {
        AuditEntry line;
        line.time = entry.requestedAt;
        line.host = target.hostId;
        line.service = serviceKindName(target.service);
        line.target = clean(target.auditText());
        line.action = action;
        line.outcome = QStringLiteral("requested");
        line.detail = clean(detail);
        m_audit->append(line);
    }
    qCInfo(lcJournal) << target.hostId << serviceKindName(target.service) << action << "requested";
    return entry;
}

ActionJournal::Entry ActionJournal::observed(const ActionTarget& target, const QString& action) const
{
    Entry entry;
    entry.target = target;
    entry.action = action;
    entry.requestedAt = QDateTime::currentDateTimeUtc();
    return entry;
}

void ActionJournal::finish(const Entry& entry, const Outcome& outcome)
{
    const QString auditOutcome = clean(outcome.auditText());
    if (m_audit) {
        AuditEntry line;
        line.host = entry.target.hostId;
        line.service = serviceKindName(entry.target.service);
        line.target = clean(entry.target.auditText());
        line.action = entry.action;
        line.outcome = auditOutcome;
        line.taskId = outcome.taskId;
        line.detail = clean(outcome.detail.isEmpty() ? entry.detail : outcome.detail);
        m_audit->append(line);
    }
    qCInfo(lcJournal) << entry.target.hostId << serviceKindName(entry.target.service) << entry.action << "->"
                      << auditOutcome;
    if (!outcome.title.isEmpty()) {
        Notification n;
        switch (outcome.result) {
        case Outcome::Result::Ok:
            n.severity = Notification::Severity::Success;
            break;
        case Outcome::Result::Cancelled:
            n.severity = Notification::Severity::Info;
            break;
        case Outcome::Result::Failed:
        case Outcome::Result::Unknown:
            n.severity = Notification::Severity::Warning;
            break;
        }
        if (outcome.severity)
            n.severity = *outcome.severity;
        n.title = clean(outcome.title);
        n.body = clean(outcome.body);
        // The advice of an unknown outcome is ours and comes after the cut, so it is never lost to truncation.
        if (outcome.result == Outcome::Result::Unknown && !outcome.check.isEmpty())
            n.body = n.body.isEmpty() ? outcome.check : n.body + QLatin1Char('\n') + outcome.check;
        n.source =
            entry.target.kind == ActionTarget::Kind::AgentRun ? QStringLiteral("agents") : QStringLiteral("actions");
        n.hostId = entry.target.hostId;
        if (m_notifications)
            m_notifications->post(n);
    }
    emit finished(entry, outcome);
}

void ActionJournal::notify(Notification notification)
{
    if (!m_notifications)
        return;
    notification.title = clean(notification.title);
    notification.body = clean(notification.body);
    m_notifications->post(notification);
}

void ActionJournal::addSecret(const QString& value)
{
    if (value.size() >= minSecretLength())
        m_secrets.insert(value);
}

void ActionJournal::redactSecretsOf(SecretStore* store)
{
    if (store)
        connect(store, &SecretStore::secretInUse, this, &ActionJournal::addSecret);
}

QString ActionJournal::redact(const QString& text) const
{
    if (m_secrets.isEmpty() || text.isEmpty())
        return text;
    // Longest first: a secret that contains another is replaced whole.
    QList<QString> secrets(m_secrets.cbegin(), m_secrets.cend());
    std::sort(secrets.begin(), secrets.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    QString out = text;
    for (const QString& s : std::as_const(secrets))
        out.replace(s, QStringLiteral("[redacted]"));
    return out;
}

QString ActionJournal::clean(const QString& text) const
{
    QString out = redact(text);
    if (out.size() > maxTextLength())
        out = out.left(maxTextLength() - 1) + QChar(0x2026);
    return out;
}

} // namespace hlc
