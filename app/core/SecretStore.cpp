#include "core/SecretStore.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <algorithm>

#include <qt6keychain/keychain.h>

namespace hlc {

namespace {

Q_LOGGING_CATEGORY(lcSecrets, "hlc.app.secrets")

enum class Unreachable
{
    No,
    NoBackend,
    NoBus,
    NoSecretService,
    Locked
};

/// Tells "the keychain cannot be reached" apart from real errors, from the error code and the D-Bus message
/// (libsecret reports most of these as OtherError).
Unreachable classify(QKeychain::Error error, const QString& message)
{
    if (error == QKeychain::NoBackendAvailable) {
        return Unreachable::NoBackend;
    }
    if (error != QKeychain::OtherError) {
        return Unreachable::No;
    }
    const auto has = [&message](const char* fragment) {
        return message.contains(QLatin1String(fragment), Qt::CaseInsensitive);
    };
    if (has("org.freedesktop.secrets") || has("ServiceUnknown") || has("was not provided")) {
        return Unreachable::NoSecretService;
    }
    if (has("locked") || has("unlock") || has("prompt") || has("dismissed")) {
        return Unreachable::Locked;
    }
    if (has("autolaunch") || has("DBUS_SESSION_BUS_ADDRESS") || has("session bus") || has("D-Bus") || has("dbus") ||
        has("NoServer") || has("Disconnected")) {
        return Unreachable::NoBus;
    }
    return Unreachable::No;
}

} // namespace

QString secretKey(const QString& hostId, const QString& serviceId)
{
    return hostId + QLatin1Char('/') + serviceId;
}

struct SecretStore::Request
{
    Op op = Op::Read;
    QString key;
    QString secret;
    QPointer<QObject> context;
    bool guarded = false; ///< a context was given: skip the callback once it is gone
    Callback done;
};

SecretStore::SecretStore(const QString& serviceName, QObject* parent)
    : QObject(parent)
    , m_serviceName(serviceName)
{}

SecretStore::~SecretStore() = default;

SecretStore::State SecretStore::state() const
{
    return m_sessionOnly ? State::SessionOnly : m_keychainState;
}

QString SecretStore::unavailableReason() const
{
    return m_keychainState == State::Unavailable ? m_reason : QString();
}

void SecretStore::setSessionOnly(bool on)
{
    if (m_sessionOnly == on) {
        return;
    }
    const State before = state();
    m_sessionOnly = on;
    qCInfo(lcSecrets) << "Session-only secrets" << (on ? "on" : "off");
    if (state() != before) {
        emit stateChanged(state());
    }
}

void SecretStore::setRetryDelay(int ms)
{
    m_retryDelayMs = std::max(0, ms);
}

void SecretStore::read(const QString& key, QObject* context, Callback done)
{
    Request r{Op::Read, key, {}, context, context != nullptr, std::move(done)};
    const auto it = m_memory.constFind(key);
    if (it != m_memory.constEnd()) {
        emit secretInUse(it.value());
        deliver(r.context, r.guarded, r.done, SecretResult{SecretResult::Status::Ok, it.value(), {}});
        return;
    }
    if (m_sessionOnly) {
        deliver(r.context, r.guarded, r.done,
                SecretResult{SecretResult::Status::NotFound,
                             {},
                             tr("No secret is kept for %1 in this session. Enter it again.").arg(key)});
        return;
    }
    start(r, 1);
}

void SecretStore::write(const QString& key, const QString& secret, QObject* context, Callback done)
{
    Request r{Op::Write, key, secret, context, context != nullptr, std::move(done)};
    emit secretInUse(secret);
    if (m_sessionOnly) {
        m_memory.insert(key, secret);
        qCDebug(lcSecrets) << "Kept secret for" << key << "in memory for this session";
        deliver(r.context, r.guarded, r.done, SecretResult{SecretResult::Status::Ok, {}, {}});
        return;
    }
    start(r, 1);
}

void SecretStore::remove(const QString& key, QObject* context, Callback done)
{
    Request r{Op::Remove, key, {}, context, context != nullptr, std::move(done)};
    m_memory.remove(key);
    if (m_sessionOnly) {
        deliver(r.context, r.guarded, r.done, SecretResult{SecretResult::Status::Ok, {}, {}});
        return;
    }
    start(r, 1);
}

void SecretStore::start(const Request& request, int attempt)
{
    QKeychain::Job* job = nullptr;
    switch (request.op) {
    case Op::Read:
        job = new QKeychain::ReadPasswordJob(m_serviceName, this);
        break;
    case Op::Write: {
        auto* w = new QKeychain::WritePasswordJob(m_serviceName, this);
        w->setTextData(request.secret);
        job = w;
        break;
    }
    case Op::Remove:
        job = new QKeychain::DeletePasswordJob(m_serviceName, this);
        break;
    }
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(request.key);
    connect(job, &QKeychain::Job::finished, this,
            [this, request, attempt](QKeychain::Job* j) { handleFinished(j, request, attempt); });
    qCDebug(lcSecrets) << opName(request.op) << request.key << "attempt" << attempt;
    job->start();
}

void SecretStore::handleFinished(QKeychain::Job* job, const Request& request, int attempt)
{
    const QKeychain::Error error = job->error();
    const QString errorString = job->errorString();

    if (error == QKeychain::NoError || (error == QKeychain::EntryNotFound && request.op == Op::Remove)) {
        setKeychainState(State::Available);
        SecretResult result{SecretResult::Status::Ok, {}, {}};
        if (request.op == Op::Read) {
            result.secret = static_cast<QKeychain::ReadPasswordJob*>(job)->textData();
            emit secretInUse(result.secret);
        } else {
            // The keychain now holds the truth; a value kept for the session would hide it.
            m_memory.remove(request.key);
        }
        qCDebug(lcSecrets) << opName(request.op) << request.key << "ok";
        deliver(request.context, request.guarded, request.done, result);
        return;
    }
    if (error == QKeychain::EntryNotFound) {
        setKeychainState(State::Available);
        qCDebug(lcSecrets) << "No secret stored for" << request.key;
        deliver(request.context, request.guarded, request.done,
                SecretResult{SecretResult::Status::NotFound,
                             {},
                             tr("No secret is stored for %1 in the keychain. Enter it to continue.").arg(request.key)});
        return;
    }

    const Unreachable unreachable = classify(error, errorString);
    if (unreachable == Unreachable::No) {
        qCWarning(lcSecrets) << opName(request.op) << request.key << "failed:" << error << errorString;
        deliver(request.context, request.guarded, request.done,
                SecretResult{SecretResult::Status::Error,
                             {},
                             tr("The keychain reported an error for %1: %2").arg(request.key, errorString)});
        return;
    }

    // Like Nextcloud: a keychain that is not there yet (session still starting) gets one more chance. A keychain
    // already known to be unavailable is tried once per request, without the wait.
    if (attempt == 1 && m_keychainState != State::Unavailable) {
        qCInfo(lcSecrets) << "Keychain unavailable (" << errorString << "), retrying in" << m_retryDelayMs << "ms";
        QTimer::singleShot(m_retryDelayMs, this, [this, request] { start(request, 2); });
        return;
    }

    QString reason;
    switch (unreachable) {
    case Unreachable::NoBackend:
        reason = tr("No keychain is available on this system. Install and start a Secret Service such as "
                    "GNOME Keyring or KWallet.");
        break;
    case Unreachable::NoBus:
        reason = tr("No D-Bus session is running, so the system keychain cannot be reached.");
        break;
    case Unreachable::NoSecretService:
        reason = tr("No Secret Service is running (org.freedesktop.secrets). Start GNOME Keyring or KWallet.");
        break;
    case Unreachable::Locked:
        reason = tr("The keychain is locked. Unlock it and try again.");
        break;
    case Unreachable::No:
        break;
    }
    qCWarning(lcSecrets) << "Keychain unavailable:" << errorString;
    setKeychainState(State::Unavailable, reason);
    deliver(request.context, request.guarded, request.done,
            SecretResult{SecretResult::Status::Unavailable, {}, reason});
}

void SecretStore::deliver(QObject* context, bool guarded, const Callback& done, const SecretResult& result)
{
    if (!done) {
        return;
    }
    if (guarded && !context) {
        qCDebug(lcSecrets) << "Callback dropped: its context was destroyed";
        return;
    }
    // Always queued: a callback never runs inside read()/write()/remove(), and runs in the context's thread.
    QTimer::singleShot(0, guarded ? context : this, [done, result] { done(result); });
}

void SecretStore::setKeychainState(State s, const QString& reason)
{
    const State before = state();
    m_keychainState = s;
    m_reason = s == State::Unavailable ? reason : QString();
    if (state() != before) {
        qCInfo(lcSecrets) << "Keychain state" << s;
        emit stateChanged(state());
    }
}

QString SecretStore::opName(Op op)
{
    switch (op) {
    case Op::Read:
        return QStringLiteral("read");
    case Op::Write:
        return QStringLiteral("write");
    case Op::Remove:
        return QStringLiteral("remove");
    }
    return {};
}

} // namespace hlc
