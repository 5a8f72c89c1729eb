#include "core/SecretStore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <utility>

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

namespace {

/// The Secret Service's answer to "is the default collection locked?" (std::nullopt: no answer, e.g. KWallet or no
/// session bus).
void probeSecretServiceLock(QObject* context, std::function<void(std::optional<bool>)> done)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        QTimer::singleShot(0, context, [done] { done(std::nullopt); });
        return;
    }
    QDBusMessage get = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    auto* watcher = new QDBusPendingCallWatcher(bus.asyncCall(get, 5000), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [done](QDBusPendingCallWatcher* w) {
        w->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *w;
        if (reply.isError()) {
            qCDebug(lcSecrets) << "Lock state unknown:" << reply.error().name();
            done(std::nullopt);
            return;
        }
        const QVariant v = reply.value().variant();
        done(v.typeId() == QMetaType::Bool ? std::optional<bool>(v.toBool()) : std::nullopt);
    });
}

} // namespace

SecretStore::SecretStore(const QString& serviceName, QObject* parent)
    : QObject(parent)
    , m_serviceName(serviceName)
    , m_unlockTimer(new QTimer(this))
    , m_lockProbe(probeSecretServiceLock)
{
    m_unlockTimer->setInterval(2000);
    connect(m_unlockTimer, &QTimer::timeout, this, &SecretStore::checkUnlocked);
}

SecretStore::~SecretStore() = default;

SecretStore::State SecretStore::state() const
{
    return m_sessionOnly ? State::SessionOnly : m_keychainState;
}

QString SecretStore::unavailableReason() const
{
    return m_keychainState == State::Unavailable || m_keychainState == State::Locked ? m_reason : QString();
}

void SecretStore::setUnlockPollInterval(int ms)
{
    m_unlockTimer->setInterval(std::max(50, ms));
}

QString SecretStore::lockedReason()
{
    return tr("The keychain is locked. Unlock it (your desktop's keyring or password manager) and this app goes on "
              "by itself; secrets you enter meanwhile are kept until then. Or keep secrets for this session only.");
}

void SecretStore::setSessionOnly(bool on)
{
    if (m_sessionOnly == on) {
        return;
    }
    const State before = state();
    m_sessionOnly = on;
    qCInfo(lcSecrets) << "Session-only secrets" << (on ? "on" : "off");
    if (on && !m_held.isEmpty()) {
        // What waited for the unlock is answered from this session's memory now.
        const QList<Request> held = std::exchange(m_held, {});
        for (const Request& r : held) {
            if (r.op == Op::Read)
                read(r.key, r.context, r.done);
            else
                deliver(r.context, r.guarded, r.done, SecretResult{SecretResult::Status::Ok, {}, {}});
        }
    }
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
    if (m_keychainState == State::Locked) {
        holdForUnlock(r);
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
    if (m_keychainState == State::Locked) {
        holdForUnlock(r);
        return;
    }
    start(r, 1);
}

void SecretStore::remove(const QString& key, QObject* context, Callback done)
{
    Request r{Op::Remove, key, {}, context, context != nullptr, std::move(done)};
    m_memory.remove(key);
    m_unsaved.remove(key);
    if (m_sessionOnly) {
        deliver(r.context, r.guarded, r.done, SecretResult{SecretResult::Status::Ok, {}, {}});
        return;
    }
    if (m_keychainState == State::Locked) {
        holdForUnlock(r);
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
            // The keychain now holds the truth; a value kept for the session would hide it. (A newer value written
            // while the keychain was locked is still on its way: it stays.)
            if (!m_unsaved.contains(request.key) || request.secret == m_memory.value(request.key)) {
                m_memory.remove(request.key);
                m_unsaved.remove(request.key);
            }
        }
        qCDebug(lcSecrets) << opName(request.op) << request.key << "ok";
        deliver(request.context, request.guarded, request.done, result);
        return;
    }
    if (error == QKeychain::EntryNotFound && !request.lockChecked) {
        // A locked gnome-keyring answers "not found" for what it holds: believe it only when the collection is
        // unlocked (or the lock state cannot be told).
        Request checked = request;
        checked.lockChecked = true;
        m_lockProbe(this, [this, checked](std::optional<bool> locked) {
            if (locked.value_or(false)) {
                qCInfo(lcSecrets) << "Read of" << checked.key << "waits: the keychain is locked";
                holdForUnlock(checked);
                return;
            }
            setKeychainState(State::Available);
            qCDebug(lcSecrets) << "No secret stored for" << checked.key;
            deliver(
                checked.context, checked.guarded, checked.done,
                SecretResult{SecretResult::Status::NotFound,
                             {},
                             tr("No secret is stored for %1 in the keychain. Enter it to continue.").arg(checked.key)});
        });
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
    if (unreachable == Unreachable::Locked) {
        qCInfo(lcSecrets) << opName(request.op) << request.key << "waits: the keychain is locked";
        holdForUnlock(request);
        return;
    }
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

void SecretStore::holdForUnlock(const std::optional<Request>& request)
{
    if (request) {
        if (request->op == Op::Write) {
            // Kept, readable this session, and written at the unlock: the caller's secret is not lost.
            m_memory.insert(request->key, request->secret);
            m_unsaved.insert(request->key);
            deliver(request->context, request->guarded, request->done,
                    SecretResult{SecretResult::Status::Ok,
                                 {},
                                 tr("The keychain is locked: the secret is kept and stored as soon as it is "
                                    "unlocked.")});
        } else {
            m_held << *request;
        }
    }
    setKeychainState(State::Locked, lockedReason());
    if (!m_unlockTimer->isActive())
        m_unlockTimer->start();
}

void SecretStore::checkUnlocked()
{
    if (m_unlockCheckRunning || m_keychainState != State::Locked)
        return;
    m_unlockCheckRunning = true;
    m_lockProbe(this, [this](std::optional<bool> locked) {
        m_unlockCheckRunning = false;
        if (m_keychainState != State::Locked)
            return;
        if (locked.has_value() && *locked)
            return; // still locked
        // Unlocked, or no way to tell (then the retried requests find out: a still locked keychain holds them again).
        onUnlocked();
    });
}

void SecretStore::onUnlocked()
{
    qCInfo(lcSecrets) << "Keychain unlocked:" << m_unsaved.size() << "writes and" << m_held.size() << "requests go on";
    m_unlockTimer->stop();
    setKeychainState(State::Unknown);
    const QList<Request> held = std::exchange(m_held, {});
    for (const QString& key : std::as_const(m_unsaved)) {
        Request w;
        w.op = Op::Write;
        w.key = key;
        w.secret = m_memory.value(key);
        start(w, 2);
    }
    for (const Request& r : held)
        start(r, 2);
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
    m_reason = s == State::Unavailable || s == State::Locked ? reason : QString();
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
