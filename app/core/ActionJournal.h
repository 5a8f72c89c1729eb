#pragma once

#include "core/AuditLog.h"
#include "core/Config.h"
#include "core/NotificationCenter.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <optional>

namespace hlc {

class SecretStore;

/// What an action acts on, typed: which host, which service, which kind of thing and which one of them.
struct ActionTarget
{
    enum class Kind
    {
        Guest,     ///< a Proxmox VM or LXC; id "qemu/100", "lxc/201"
        Stack,     ///< a Portainer stack; id the stack id ("3")
        Container, ///< a Docker container through Portainer; id the container id
        AgentRun,  ///< a run on the agent platform; id the run id once known (empty before the start answer)
        Silence,   ///< an Alertmanager silence; id the alert fingerprint (create) or the silence id (expire)
        AdGuard,   ///< AdGuard Home's DNS protection; id "protection"
        HaEntity,  ///< a Home Assistant entity; id the entity id ("light.kitchen")
        Webhook,   ///< an n8n webhook quick action; id the action id from the config, never its URL path
        Model,     ///< an Ollama model; id the model name
    };
    QString hostId;
    QString hostName;
    ServiceKind service = ServiceKind::Proxmox;
    Kind kind = Kind::Guest;
    QString id;
    QString label; ///< for people: "VM 100 (docker-core)", "stack traefik", "Content Creator: Weekly newsletter"

    /// The audit line's "target" field ("qemu/100 VM 100 (docker-core)", "stack/3 stack traefik", ...).
    [[nodiscard]] QString auditText() const;
    [[nodiscard]] bool operator==(const ActionTarget& o) const
    {
        return hostId == o.hostId && service == o.service && kind == o.kind && id == o.id;
    }
};

/**
 * @brief The one place where an action's request and outcome are recorded: the audit log and the notification.
 *
 * The pattern is the same for every action of the app:
 * @code
 * const ActionJournal::Entry entry = journal->begin(target, QStringLiteral("stop")); // "requested" line, now
 * client->send(..., [=](Result<X> r) { journal->finish(entry, r ? Outcome::ok(...) : Outcome::failed(...)); });
 * @endcode
 * begin() writes the "requested" audit line before anything is sent, so a crash mid-action still leaves a record of
 * what was asked for. finish() writes the outcome line and posts one notification (success, failed, or outcome
 * unknown with what to check).
 *
 * Server text never reaches the audit file or a notification unfiltered: every text field is cleaned by clean(),
 * which redacts each secret value the journal was given (addSecret(), fed by the SecretStore with the values in use)
 * and truncates to maxTextLength() characters with an ellipsis.
 */
class ActionJournal final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionJournal)
public:
    /// A begun action, handed back to finish().
    struct Entry
    {
        ActionTarget target;
        QString action; ///< "start", "stop", "run", "silence", "light.toggle", "unload", ...
        QString detail; ///< kept on the outcome line too when the outcome has none ("preset weekly")
        QDateTime requestedAt;
    };

    /// How an action ended, and what the notification says.
    struct Outcome
    {
        enum class Result
        {
            Ok,
            Failed,
            Unknown,   ///< sent, but whether it took effect is not known: `check` says what to look at
            Cancelled, ///< the operator (or the server) cancelled it
        };
        Result result = Result::Ok;
        QString reason;       ///< Failed/Unknown: the error or server text ("failed: <reason>" in the audit line)
        QString auditOutcome; ///< overrides the audit outcome word ("already running", "ok: on"); empty: derived
        QString title;        ///< the notification's title; empty: no notification
        QString body;         ///< the notification's text
        QString check;        ///< Unknown: what to check before trying again (appended to the body)
        std::optional<Notification::Severity> severity; ///< default: Ok Success, Cancelled Info, else Warning
        QString taskId;                                 ///< UPID, run id, silence id, ...
        QString detail;                                 ///< for the audit line ("HTTP 200", the task log's tail)

        [[nodiscard]] static Outcome ok(const QString& title, const QString& body);
        [[nodiscard]] static Outcome failed(const QString& reason, const QString& title, const QString& body);
        [[nodiscard]] static Outcome unknown(const QString& reason, const QString& check, const QString& title,
                                             const QString& body);
        [[nodiscard]] static Outcome cancelled(const QString& title, const QString& body);
        /// The audit line's "outcome" field before cleaning: "ok", "failed: <reason>", "unknown: <reason>", ...
        [[nodiscard]] QString auditText() const;
    };

    /// Either may be null (tests, or a subsystem that records nothing); the journal then skips that side.
    ActionJournal(AuditLog* audit, NotificationCenter* notifications, QObject* parent = nullptr);

    [[nodiscard]] AuditLog* audit() const { return m_audit; }
    [[nodiscard]] NotificationCenter* notifications() const { return m_notifications; }

    /// Writes the "requested" line for @p action on @p target now. Call it before anything is sent.
    [[nodiscard]] Entry begin(const ActionTarget& target, const QString& action, const QString& detail = {});
    /// An action this app did not start (a run started elsewhere that it followed): no "requested" line is written;
    /// finish() records its outcome like any other.
    [[nodiscard]] Entry observed(const ActionTarget& target, const QString& action) const;
    /// Writes the outcome line of @p entry and posts the notification (when the outcome has a title).
    void finish(const Entry& entry, const Outcome& outcome);
    /// Posts a notification that is no action's outcome (an alert), cleaned like the outcomes' ones.
    void notify(Notification notification);

    /// A secret value in use (a token, a password): it is never written, wherever it shows up in server text.
    void addSecret(const QString& value);
    /// Every secret @p store reads or writes from now on is added (SecretStore::secretInUse).
    void redactSecretsOf(SecretStore* store);
    /// @p text with every known secret value replaced by "[redacted]".
    [[nodiscard]] QString redact(const QString& text) const;
    /// redact(), then cut to maxTextLength() characters with an ellipsis.
    [[nodiscard]] QString clean(const QString& text) const;
    [[nodiscard]] static constexpr int maxTextLength() { return 300; }
    /// Secret values shorter than this are not redacted: they would match ordinary words.
    [[nodiscard]] static constexpr int minSecretLength() { return 4; }

signals:
    /// An outcome was recorded (after the audit line and the notification).
    void finished(const hlc::ActionJournal::Entry& entry, const hlc::ActionJournal::Outcome& outcome);

private:
    QPointer<AuditLog> m_audit;
    QPointer<NotificationCenter> m_notifications;
    QSet<QString> m_secrets;
};

} // namespace hlc
