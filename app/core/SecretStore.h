#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>
#include <optional>

namespace QKeychain {
class Job;
}

namespace hlc {

/// The keychain key of a service's secret: "host-a/proxmox".
[[nodiscard]] QString secretKey(const QString& hostId, const QString& serviceId);

/// The outcome of one SecretStore operation.
struct SecretResult
{
    enum class Status
    {
        Ok,          ///< done; `secret` holds the value for a read
        NotFound,    ///< no secret stored under this key: ask the user
        Unavailable, ///< the keychain cannot be reached (no Secret Service, no D-Bus, locked): see SecretStore::state()
        Error,       ///< anything else (access denied, ...); `message` says what
    };
    Status status = Status::Error;
    QString secret;  ///< Ok only
    QString message; ///< translated, for people (never contains the secret)
    [[nodiscard]] bool ok() const { return status == Status::Ok; }
};

/**
 * @brief Keeps service secrets (tokens, API keys, passwords) in the system keychain.
 *
 * The only class that talks to QtKeychain, with the insecure plain-text fallback switched off. When the keychain
 * cannot be reached, an operation is retried once after retryDelay(); if it still fails the store goes to
 * State::Unavailable (with unavailableReason()) and the callback gets SecretResult::Status::Unavailable. The user may
 * then choose setSessionOnly(true): secrets are kept in memory for this run, never on disk.
 *
 * Callbacks run asynchronously (never inside the call) on the thread of @p context, and are skipped when @p context is
 * destroyed first. A null @p context means "no guard": the callback runs on the store's thread while the store lives.
 * Use the store from the thread it lives in. Secrets are never logged.
 */
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class State
    {
        Unknown,     ///< no keychain operation has finished yet
        Available,   ///< the last keychain operation reached the keychain
        Unavailable, ///< the keychain cannot be reached; see unavailableReason()
        SessionOnly, ///< secrets are kept in memory for this session (setSessionOnly())
        Locked,      ///< the keychain is there but locked: reads wait, writes are kept until it is unlocked
    };
    Q_ENUM(State)

    using Callback = std::function<void(const SecretResult&)>;

    /// @param serviceName the keychain "service" attribute under which all secrets of the application are stored
    explicit SecretStore(const QString& serviceName = QStringLiteral("homelab-control"), QObject* parent = nullptr);
    ~SecretStore() override;

    /// Reads the secret stored under @p key. A value kept for this session wins over the keychain.
    void read(const QString& key, QObject* context, Callback done);
    /// Stores @p secret under @p key, replacing any previous value (in memory only in SessionOnly state).
    void write(const QString& key, const QString& secret, QObject* context, Callback done);
    /// Deletes the secret under @p key from memory and (unless SessionOnly) from the keychain; a missing key is Ok.
    void remove(const QString& key, QObject* context, Callback done);

    [[nodiscard]] State state() const;
    /// Translated, e.g. "No Secret Service is running (org.freedesktop.secrets)."; empty unless state() is Unavailable
    /// or Locked.
    [[nodiscard]] QString unavailableReason() const;

    /**
     * @brief Asks whether the keychain's default collection is locked: true, false, or std::nullopt when it cannot
     * tell. Asynchronous: the answer is passed to the function given.
     *
     * The default asks the Secret Service over D-Bus (the `Locked` property of
     * /org/freedesktop/secrets/aliases/default). A locked gnome-keyring answers reads with "not found", so a "not
     * found" is only believed when the collection is unlocked.
     */
    using LockProbe = std::function<void(QObject* context, std::function<void(std::optional<bool>)>)>;
    void setLockProbe(LockProbe probe) { m_lockProbe = std::move(probe); }
    /// While Locked, how often the store looks whether the keychain was unlocked (default 2000 ms).
    void setUnlockPollInterval(int ms);
    /// Secrets written while the keychain was locked, kept in memory until it is unlocked.
    [[nodiscard]] int waitingForUnlock() const { return static_cast<int>(m_unsaved.size()); }

    /// Keep secrets in memory only, for this session (the user chose it while the keychain is unavailable, or demo
    /// mode). While on, nothing reaches the keychain; values kept so far stay readable after switching it off.
    void setSessionOnly(bool on);
    /// A keychain that is unavailable is retried once after this delay (default 10000 ms).
    void setRetryDelay(int ms);
    [[nodiscard]] int retryDelay() const { return m_retryDelayMs; }

signals:
    /// The value of state() changed.
    void stateChanged(hlc::SecretStore::State state);
    /// A secret value was read or is being written: it is in use, so text shown or recorded must never contain it
    /// (the ActionJournal redacts it). Connect only to redaction; never log the value.
    void secretInUse(const QString& value);

private:
    enum class Op
    {
        Read,
        Write,
        Remove
    };
    struct Request
    {
        Op op = Op::Read;
        QString key;
        QString secret;
        QPointer<QObject> context;
        bool guarded = false; ///< a context was given: skip the callback once it is gone
        Callback done;
        bool lockChecked = false; ///< a "not found" was already checked against the lock state
    };

    void start(const Request& request, int attempt);
    void handleFinished(QKeychain::Job* job, const Request& request, int attempt);
    void deliver(QObject* context, bool guarded, const Callback& done, const SecretResult& result);
    void setKeychainState(State s, const QString& reason = {});
    /// The keychain is locked: @p request (if any) waits for the unlock; the unlock watch runs.
    void holdForUnlock(const std::optional<Request>& request);
    void checkUnlocked();
    void onUnlocked();
    [[nodiscard]] static QString lockedReason();
    [[nodiscard]] static QString opName(Op op);

    QString m_serviceName;
    State m_keychainState = State::Unknown;
    QString m_reason;
    bool m_sessionOnly = false;
    int m_retryDelayMs = 10000;
    QHash<QString, QString> m_memory;
    QSet<QString> m_unsaved; ///< keys in m_memory written while locked: stored at the unlock
    QList<Request> m_held;   ///< reads and removes waiting for the unlock
    QTimer* m_unlockTimer;   ///< while Locked: checkUnlocked()
    bool m_unlockCheckRunning = false;
    LockProbe m_lockProbe;
};

} // namespace hlc
