#pragma once

#include "core/ApiError.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace hlc {
class ApiCall;
}

namespace hlc::pve {

class ProxmoxClient;

/**
 * @brief Proxmox ticket authentication (`auth: pve-ticket`) for one ProxmoxClient: the login, its renewal and the
 * re-login after a 401, shared by everyone who uses that client.
 *
 * The password is used only in the body of POST /access/ticket; the client's requests carry the ticket (and the CSRF
 * token on writes). A ticket older than renewAfterSecs() is renewed before the next request; when the renewal is
 * refused the session logs in again with the password. Concurrent reauthenticate() calls share one login.
 */
class ProxmoxTicketSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxmoxTicketSession)
public:
    /// @param user the Proxmox user, e.g. "homelab@pve" (not secret)
    ProxmoxTicketSession(ProxmoxClient* client, QString user, QObject* parent = nullptr);
    ~ProxmoxTicketSession() override;

    [[nodiscard]] ProxmoxClient* client() const { return m_client; }
    [[nodiscard]] QString user() const { return m_user; }

    /// Sets the password (from the keychain or typed in): the current ticket is dropped, a login in flight cancelled,
    /// and the next ensureTicket() logs in with the new password.
    void setPassword(const QString& password);
    [[nodiscard]] bool hasPassword() const { return !m_password.isEmpty(); }

    /// Renew the ticket once it is older than @p secs (default 90 min; PVE tickets last 2 h).
    void setRenewAfterSecs(qint64 secs) { m_renewAfterSecs = secs; }
    [[nodiscard]] qint64 renewAfterSecs() const { return m_renewAfterSecs; }

    /**
     * Logs in (no ticket) or renews the ticket (too old) when needed. Returns true while that is in flight (or when
     * it failed at once: no password); the end is signalled by authenticated() or loginFailed(). Returns false when
     * the current ticket can be used now.
     */
    bool ensureTicket();
    /// Forgets the current ticket (e.g. a request was refused with 401): the next ensureTicket() logs in again.
    void dropTicket();
    /**
     * Drops the current ticket and logs in again with the password (a request was refused with 401: the ticket
     * expired or the node restarted). Concurrent calls share one login. @p done runs once with the login's error, if
     * any, unless @p context is gone.
     */
    void reauthenticate(QObject* context, std::function<void(const std::optional<ApiError>& error)> done);
    /// True after a login answered `NeedTFA`: the account needs a second factor, and the session does not log in
    /// again (nor polls) until setPassword() is called.
    [[nodiscard]] bool needsSecondFactor() const { return m_secondFactor.has_value(); }
    /**
     * Completes a login that needs a second factor with the TOTP @p code (PVE 7+ `tfa-challenge`): logs in again
     * with the password for a fresh challenge (the first one may have expired while the user looked for the code),
     * then answers it with the code. On success the
     * session has a full ticket (authenticated() is emitted and polls may go out); when the ticket later expires the
     * next login asks for a code again. A wrong code leaves the session waiting for one; @p done gets the error.
     * The code is used for this one request only: never stored, never logged.
     */
    void submitSecondFactor(const QString& code, QObject* context,
                            std::function<void(const std::optional<ApiError>& error)> done);
    /// True while a login or renewal is in flight.
    [[nodiscard]] bool isLoggingIn() const { return !m_loginCall.isNull(); }
    /// Cancels a login or renewal in flight (its waiters get ApiError::Kind::Cancelled).
    void cancel();

signals:
    /// A new ticket was obtained (login or renewal): requests may go out now.
    void authenticated();
    /// The login failed (refused password, no password, unreachable node). Not emitted for a cancelled login.
    void loginFailed(const hlc::ApiError& error);

private:
    void login();
    void failed(const ApiError& error);
    void succeeded();
    /// Answers every reauthenticate() caller waiting for the login that just ended.
    void answerWaiters(const std::optional<ApiError>& error);

    ProxmoxClient* m_client;
    QString m_user;
    QString m_password; ///< sent in the body of POST /access/ticket, nowhere else
    qint64 m_renewAfterSecs = 90LL * 60;
    std::optional<ApiError> m_secondFactor; ///< the NeedTFA answer of the last login, repeated until a new password
    QPointer<ApiCall> m_loginCall;
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void(const std::optional<ApiError>&)> done;
    };
    QList<Waiter> m_waiters;
};

} // namespace hlc::pve
