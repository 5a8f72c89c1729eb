#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace hlc::portainer {

/// GET /api/system/status
struct SystemStatus
{
    QString version; ///< e.g. "2.31.2"
    QString instanceId;
};

/// One environment ("endpoint") of GET /api/endpoints.
struct Environment
{
    int id = 0;
    QString name;
    QString url;
    int type = 0;   ///< 1 Docker, 2 agent, 4 edge agent, 5/6/7 Kubernetes
    int status = 0; ///< 1 up, 2 down

    [[nodiscard]] bool up() const { return status == 1; }
};

/// One stack of GET /api/stacks.
struct Stack
{
    int id = 0;
    QString name;
    int type = 0;       ///< 1 Swarm, 2 Compose, 3 Kubernetes
    int endpointId = 0; ///< the environment the stack is deployed to
    int status = 0;     ///< 1 active, 2 inactive
    qint64 updateDate = 0;

    [[nodiscard]] bool active() const { return status == 1; }
};

/// What a stack start/stop came to.
struct StackActionResult
{
    Stack stack;                 ///< the stack after the action (only id/name when it was already in that state)
    bool alreadyInState = false; ///< "already running" / "already stopped": not a failure
    QString message;             ///< Portainer's message for the "already" case
};

/// One container of GET /api/endpoints/{id}/docker/containers/json?all=1 (Docker Engine ContainerSummary).
struct Container
{
    QString id;   ///< 64 hex digits
    QString name; ///< without the leading "/"
    QString image;
    QString state;      ///< "created", "running", "paused", "restarting", "removing", "exited", "dead"
    QString status;     ///< human text, e.g. "Up 3 hours (healthy)"
    QString health;     ///< "healthy", "unhealthy", "starting", or empty when the container has no health check
    QString stack;      ///< label com.docker.compose.project, empty when not part of a compose stack
    qint64 created = 0; ///< Unix time

    [[nodiscard]] bool running() const { return state == QLatin1String("running"); }
    /// "Stopped" as the issue counts it: exited, created and dead (not paused/restarting).
    [[nodiscard]] bool stopped() const
    {
        return state == QLatin1String("exited") || state == QLatin1String("created") || state == QLatin1String("dead");
    }
};

/// GET /containers/{id}/json (Docker inspect): the fields the app reads.
struct ContainerInspect
{
    QString id;
    QString name;         ///< without the leading "/"
    QString state;        ///< State.Status
    int restartCount = 0; ///< restarts by the restart policy since the container was created or the daemon started
    QDateTime startedAt;  ///< State.StartedAt (UTC); invalid when unknown
    int exitCode = 0;     ///< State.ExitCode (the last exit)
    QString health;       ///< State.Health.Status, empty without a health check
};

/// A container power action through Portainer's Docker proxy.
enum class ContainerAction
{
    Start,
    Stop,
    Restart
};

[[nodiscard]] inline QString containerActionName(ContainerAction a)
{
    switch (a) {
    case ContainerAction::Start:
        return QStringLiteral("start");
    case ContainerAction::Stop:
        return QStringLiteral("stop");
    case ContainerAction::Restart:
        return QStringLiteral("restart");
    }
    return {};
}

/// What a container action came to.
struct ContainerActionResult
{
    bool alreadyInState = false; ///< HTTP 304: already started / already stopped
};

} // namespace hlc::portainer
