#include "ProxmoxTicketSession.h"

#include "ProxmoxClient.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPveTicket, "hlc.clients.proxmox.ticket")

namespace hlc::pve {

ProxmoxTicketSession::ProxmoxTicketSession(ProxmoxClient* client, QString user, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_user(std::move(user))
{
    dropTicket();
}

ProxmoxTicketSession::~ProxmoxTicketSession() = default;

void ProxmoxTicketSession::setPassword(const QString& password)
{
    m_password = password;
    m_secondFactor.reset(); // a new secret (or a token put in its place) is worth one more login
    cancel();
    dropTicket();
}

void ProxmoxTicketSession::dropTicket()
{
    m_client->api()->setCredentials({AuthScheme::PveTicket, m_user, {}, {}});
}

void ProxmoxTicketSession::cancel()
{
    if (m_loginCall)
        m_loginCall->cancel();
}

void ProxmoxTicketSession::answerWaiters(const std::optional<ApiError>& error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter& w : waiters) {
        if (w.context && w.done)
            w.done(error);
    }
}

void ProxmoxTicketSession::reauthenticate(QObject* context, std::function<void(const std::optional<ApiError>&)> done)
{
    m_waiters.append({QPointer<QObject>(context), std::move(done)});
    if (m_loginCall)
        return; // a login or renewal is on its way: its end answers this caller too
    dropTicket();
    ensureTicket(); // no ticket now: logs in with the password, or fails at once without one
}

bool ProxmoxTicketSession::ensureTicket()
{
    if (m_loginCall)
        return true;
    const Credentials c = m_client->endpoint().credentials;
    const bool haveTicket = c.scheme == AuthScheme::PveTicket && !c.secret.isEmpty();
    if (haveTicket && !m_client->ticketNeedsRenewal(m_renewAfterSecs))
        return false;
    if (haveTicket) {
        // Renew well before the 2 h expiry; if the renewal is refused, log in again with the password.
        m_loginCall = m_client->renewTicket(this, [this](Result<Ticket> t) {
            m_loginCall.clear();
            if (t.ok()) {
                succeeded();
                return;
            }
            if (t.error().kind == ApiError::Kind::Cancelled) {
                answerWaiters(t.error());
                return;
            }
            qCInfo(lcPveTicket) << m_user << "ticket renewal refused, logging in again:" << t.error().detail;
            dropTicket();
            login();
        });
        return true;
    }
    login();
    return true;
}

void ProxmoxTicketSession::login()
{
    if (m_secondFactor) {
        // The password alone cannot log in: asking again on every poll would only repeat the same half ticket.
        failed(*m_secondFactor);
        return;
    }
    if (m_password.isEmpty()) {
        ApiError e;
        e.kind = ApiError::Kind::Config;
        e.message = tr("No password stored for this Proxmox user yet: enter it.");
        e.detail = QStringLiteral("pve-ticket: no password for %1").arg(m_user);
        failed(e);
        return;
    }
    m_loginCall = m_client->login(m_user, m_password, this, [this](Result<Ticket> t) {
        m_loginCall.clear();
        if (t.ok()) {
            succeeded();
            return;
        }
        // An authentication failure that came with HTTP 200 is a login that wants a second factor (NeedTFA)
        if (t.error().kind == ApiError::Kind::Auth && t.error().httpStatus == 200)
            m_secondFactor = t.error();
        failed(t.error());
    });
}

void ProxmoxTicketSession::submitSecondFactor(const QString& code, QObject* context,
                                              std::function<void(const std::optional<ApiError>&)> done)
{
    const QPointer<QObject> ctx(context);
    auto answer = [ctx, done = std::move(done)](const std::optional<ApiError>& e) {
        if (ctx && done)
            done(e);
    };
    if (!m_secondFactor || m_loginCall) {
        ApiError e;
        e.kind = ApiError::Kind::Config;
        e.message = tr("No second-factor login is waiting for a code.");
        e.detail = QStringLiteral("pve-ticket: second factor submitted without a challenge for %1").arg(m_user);
        answer(e);
        return;
    }
    // A challenge is short-lived (the user may have typed the code minutes after the first login): log in again
    // with the password for a fresh one, then answer it with the code at once.
    m_loginCall = m_client->login(m_user, m_password, this, [this, code, answer](Result<Ticket> first) {
        m_loginCall.clear();
        if (first.ok()) { // the account no longer needs a second factor
            m_secondFactor.reset();
            answer(std::nullopt);
            succeeded();
            return;
        }
        if (first.error().kind != ApiError::Kind::Auth || first.error().httpStatus != 200 ||
            !m_client->hasSecondFactorChallenge()) {
            if (first.error().httpStatus == 401)
                m_secondFactor.reset(); // the password itself is refused now: that is what the user must fix
            answer(first.error());      // the password was refused or the node did not answer: said as it is
            answerWaiters(first.error());
            return;
        }
        m_secondFactor = first.error();
        m_loginCall = m_client->completeSecondFactor(m_user, code, this, [this, answer](Result<Ticket> t) {
            m_loginCall.clear();
            if (!t.ok()) {
                qCInfo(lcPveTicket) << m_user << "second factor refused:" << t.error().detail;
                answer(t.error());
                answerWaiters(t.error());
                return;
            }
            qCInfo(lcPveTicket) << m_user << "logged in with a second factor";
            m_secondFactor.reset(); // when this ticket expires, the next login asks for a code again
            answer(std::nullopt);
            succeeded();
        });
    });
}

void ProxmoxTicketSession::succeeded()
{
    answerWaiters(std::nullopt);
    emit authenticated();
}

void ProxmoxTicketSession::failed(const ApiError& error)
{
    answerWaiters(error);
    if (error.kind == ApiError::Kind::Cancelled)
        return;
    qCInfo(lcPveTicket) << m_user << "login failed:" << error.detail;
    emit loginFailed(error);
}

} // namespace hlc::pve
