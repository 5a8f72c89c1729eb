#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace hlc {

/**
 * @brief One running app per user and configuration: a second launch asks the first to show its window, then exits.
 *
 * The first instance listens on a local socket named after the user and a key (the config file's path, or "demo");
 * a later launch with the same key connects, sends "show", and waits for the answer "ok". A socket left by a crashed
 * instance (nobody answers) is removed and taken over. The socket lives in $XDG_RUNTIME_DIR (private to the user)
 * when there is one, else in the temporary folder with the user id in its name.
 */
class SingleInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)
public:
    explicit SingleInstance(QString key, QObject* parent = nullptr);
    ~SingleInstance() override;

    /// The socket path for @p key.
    [[nodiscard]] static QString socketPath(const QString& key);

    enum class Outcome
    {
        Forwarded, ///< another instance answered and shows its window: this process should exit
        Primary,   ///< no other instance (or a dead one, whose socket was removed): this one listens now
        Failed,    ///< neither: the socket could not be created (error() says why); run without single-instance
    };
    /// Tries to reach a running instance (waiting up to @p timeoutMs for its answer); otherwise listens.
    Outcome start(int timeoutMs = 3000);
    [[nodiscard]] QString error() const { return m_error; }
    [[nodiscard]] QString path() const { return m_path; }

signals:
    /// A later launch asked this instance to show its window.
    void activationRequested();

private:
    QString m_path;
    QString m_error;
    QLocalServer* m_server = nullptr;
};

} // namespace hlc
