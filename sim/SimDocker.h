#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace hlc::sim {

/// A Docker container as the simulator models it (the fields of the Engine API's ContainerSummary we serve).
struct SimContainer
{
    QString id; ///< 64 hex digits
    QString name;
    QString image;
    QString state = QStringLiteral("running"); ///< created, running, paused, restarting, exited, dead
    QString health;                            ///< healthy, unhealthy, starting, or empty (no health check)
    QString stack;                             ///< compose project, empty when not part of a stack
    qint64 created = 0;
    qint64 startedAt = 0;  ///< Unix time of the last start
    qint64 finishedAt = 0; ///< Unix time of the last stop
    int exitCode = 0;
    int restartCount = 0; ///< restarts by the restart policy (Docker inspect RestartCount); a user's start resets it
    bool tty = false;     ///< with a TTY the log is raw text, else multiplexed frames
};

/// A Portainer stack (Compose) on one environment.
struct SimStack
{
    int id = 0;
    QString name;
    int endpointId = 1;
    int status = 1; ///< 1 active, 2 inactive
    qint64 created = 0;
    qint64 updated = 0;
};

/**
 * @brief The Docker engine of one host behind Portainer: stacks and containers with state that changes on actions.
 */
class SimDocker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimDocker)
public:
    explicit SimDocker(int endpointId, QObject* parent = nullptr);

    /// Host A's or Host B's stacks and containers (from the seed architecture); other hosts get none.
    static SimDocker* createSeeded(const QString& hostId, int endpointId, QObject* parent = nullptr);

    enum class Change
    {
        Done,
        Already,
        NotFound
    };

    [[nodiscard]] int endpointId() const { return m_endpointId; }
    [[nodiscard]] QList<SimStack> stacks() const { return m_stacks; }
    [[nodiscard]] QList<SimContainer> containers() const { return m_containers; }
    [[nodiscard]] std::optional<SimStack> stack(int id) const;
    [[nodiscard]] std::optional<SimStack> stackByName(const QString& name) const;
    /// By full id, unique id prefix or name.
    [[nodiscard]] std::optional<SimContainer> container(const QString& idOrName) const;

    void addStack(const SimStack& s);
    void addContainer(const SimContainer& c);

    /// Stack start/stop: every container of the stack follows.
    Change setStackActive(int id, bool active);
    /// "start", "stop" or "restart".
    Change containerAction(const QString& idOrName, const QString& action);
    /// Puts a container in any Docker state, e.g. "restarting" with @p exitCode 1: a crash loop as real servers
    /// show it. False: no such container.
    bool setContainerState(const QString& idOrName, const QString& state, int exitCode = 0);
    /// Sets a container's health check result ("healthy", "unhealthy", "starting"; empty: no health check), as
    /// Docker reports it in the list's Status text and in State.Health of the inspect answer. False: no such container.
    bool setContainerHealth(const QString& idOrName, const QString& health);
    /// The container crashed and Docker's restart policy started it again: RestartCount + 1, running, just started
    /// (the list's Status says "Up 1 seconds"). False: no such container.
    bool restartByPolicy(const QString& idOrName, int exitCode = 1);
    /// The last @p tail lines of the container's log (stdout and stderr as Docker would frame them).
    [[nodiscard]] QByteArray logs(const QString& idOrName, int tail, bool stdoutWanted, bool stderrWanted) const;

    /// A Docker-style status text: "Up 3 hours (healthy)", "Exited (0) 5 minutes ago", "Created".
    [[nodiscard]] static QString statusText(const SimContainer& c, qint64 now);
    [[nodiscard]] static QString idFor(const QString& name);

signals:
    void changed();

private:
    SimContainer* find(const QString& idOrName);
    void setRunning(SimContainer& c, bool running);

    int m_endpointId;
    QList<SimStack> m_stacks;
    QList<SimContainer> m_containers;
};

} // namespace hlc::sim
