#include "PortainerSim.h"

#include "SimDocker.h"

#include <QDateTime>

#include <nlohmann/json.hpp>

namespace hlc::sim {

using nlohmann::json;

namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

SimResponse ok(const json& j)
{
    return SimResponse::json(200, QByteArray::fromStdString(j.dump()));
}

/// Portainer's error body (httperror.HandlerError): {"message": ..., "details": ...}.
SimResponse portainerError(int status, const std::string& message, const std::string& details)
{
    return SimResponse::json(status,
                             QByteArray::fromStdString(json{{"message", message}, {"details", details}}.dump()));
}

/// The Docker engine's error body, passed through Portainer's proxy unchanged.
SimResponse dockerError(int status, const std::string& message)
{
    return SimResponse::json(status, QByteArray::fromStdString(json{{"message", message}}.dump()));
}

json stackJson(const SimStack& s)
{
    return {{"Id", s.id},
            {"Name", str(s.name)},
            {"Type", 2},
            {"EndpointId", s.endpointId},
            {"SwarmId", ""},
            {"EntryPoint", "docker-compose.yml"},
            {"Env", json::array()},
            {"Status", s.status},
            {"projectPath", "/data/compose/" + std::to_string(s.id)},
            {"creationDate", s.created},
            {"createdBy", "admin"},
            {"updateDate", s.updated},
            {"updatedBy", "admin"},
            {"AdditionalFiles", json::array()},
            {"fromAppTemplate", false},
            {"namespace", ""}};
}

json containerJson(const SimContainer& c, qint64 now)
{
    json labels = json::object();
    if (!c.stack.isEmpty()) {
        labels["com.docker.compose.project"] = str(c.stack);
        labels["com.docker.compose.service"] = str(c.name);
        labels["com.docker.compose.project.working_dir"] = str(QStringLiteral("/data/compose/") + c.stack);
    }
    const bool running = c.state == QLatin1String("running");
    return {{"Id", str(c.id)},
            {"Names", json::array({str(QLatin1Char('/') + c.name)})},
            {"Image", str(c.image)},
            {"ImageID", str(QStringLiteral("sha256:") + SimDocker::idFor(c.image))},
            {"Command", "/entrypoint.sh"},
            {"Created", c.created},
            {"Ports", json::array()},
            {"Labels", labels},
            {"State", str(c.state)},
            {"Status", str(SimDocker::statusText(c, now))},
            {"HostConfig", {{"NetworkMode", c.stack.isEmpty() ? "bridge" : str(c.stack) + "_default"}}},
            {"NetworkSettings", {{"Networks", json::object()}}},
            {"Mounts", json::array()},
            {"Health", {{"Status", c.health.isEmpty() || !running ? "none" : str(c.health)}, {"FailingStreak", 0}}}};
}

} // namespace

PortainerSim::PortainerSim(SimDocker* docker, SimHttpServer* server, QString environmentName, QString apiKey,
                           QObject* parent)
    : QObject(parent)
    , m_docker(docker)
    , m_server(server)
    , m_envName(std::move(environmentName))
    , m_apiKey(std::move(apiKey))
{
    add("GET", QStringLiteral("/system/status"), false, [](const SimRequest&) {
        return ok({{"Version", str(version())}, {"instanceID", "7b0f1d5e-3c1a-4a8e-9d55-2f1c6b8e4a01"}});
    });
    add("GET", QStringLiteral("/endpoints"), true, [this](const SimRequest& r) { return environments(r); });
    add("GET", QStringLiteral("/stacks"), true, [this](const SimRequest& r) { return stacks(r); });
    add("POST", QStringLiteral("/stacks/{id}/start"), true,
        [this](const SimRequest& r) { return stackAction(r, true); });
    add("POST", QStringLiteral("/stacks/{id}/stop"), true,
        [this](const SimRequest& r) { return stackAction(r, false); });
    add("GET", QStringLiteral("/endpoints/{env}/docker/containers/json"), true,
        [this](const SimRequest& r) { return containers(r); });
    for (const char* action : {"start", "stop", "restart"}) {
        add("POST", QStringLiteral("/endpoints/{env}/docker/containers/{cid}/") + QLatin1String(action), true,
            [this](const SimRequest& r) { return containerAction(r); });
    }
    add("GET", QStringLiteral("/endpoints/{env}/docker/containers/{cid}/logs"), true,
        [this](const SimRequest& r) { return containerLogs(r); });
    add("GET", QStringLiteral("/endpoints/{env}/docker/containers/{cid}/json"), true,
        [this](const SimRequest& r) { return containerInspect(r); });
}

void PortainerSim::add(const QByteArray& method, const QString& path, bool needsAuth, Handler handler)
{
    if (!m_server)
        return;
    m_server->route(
        method, apiPrefix() + path,
        [self = QPointer<PortainerSim>(this), needsAuth, handler = std::move(handler)](const SimRequest& r) {
            if (!self || !self->m_docker)
                return portainerError(503, "Service unavailable", "simulator stopped");
            if (needsAuth && (self->m_apiKey.isEmpty() || r.header("x-api-key") != self->m_apiKey.toUtf8()))
                return portainerError(401, "Unauthorized", "A valid authorisation token is missing");
            return handler(r);
        });
}

bool PortainerSim::environmentKnown(const SimRequest& r) const
{
    return r.params.value(QStringLiteral("env")).toInt() == m_docker->endpointId();
}

SimResponse PortainerSim::environments(const SimRequest&) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    json env = {{"Id", m_docker->endpointId()},
                {"Name", str(m_envName)},
                {"Type", 1},
                {"ContainerEngine", "docker"},
                {"URL", "unix:///var/run/docker.sock"},
                {"GroupId", 1},
                {"PublicURL", ""},
                {"Status", 1},
                {"TagIds", json::array()},
                {"UserTrusted", true},
                {"Heartbeat", true},
                {"EdgeID", ""},
                {"IsEdgeDevice", false},
                {"Snapshots", json::array()},
                {"lastCheckInDate", now},
                {"queryDate", now}};
    return ok(json::array({env}));
}

SimResponse PortainerSim::stacks(const SimRequest&) const
{
    json list = json::array();
    for (const SimStack& s : m_docker->stacks())
        list.push_back(stackJson(s));
    return ok(list);
}

SimResponse PortainerSim::stackAction(const SimRequest& r, bool start)
{
    bool idOk = false;
    const int id = r.params.value(QStringLiteral("id")).toInt(&idOk);
    if (!idOk)
        return portainerError(400, "Invalid stack identifier route variable", "Invalid stack identifier");
    bool envOk = false;
    const int env = r.query.queryItemValue(QStringLiteral("endpointId")).toInt(&envOk);
    if (!envOk)
        return portainerError(400, "Invalid query parameter: endpointId", "Invalid request payload");
    const std::optional<SimStack> s = m_docker->stack(id);
    if (!s)
        return portainerError(404, "Unable to find a stack with the specified identifier inside the database",
                              "object not found inside the database");
    if (env != s->endpointId)
        return portainerError(404, "Unable to find an environment with the specified identifier inside the database",
                              "object not found inside the database");
    switch (m_docker->setStackActive(id, start)) {
    case SimDocker::Change::Already:
        // The real server (CE stack_start.go/stack_stop.go) answers 400 for both; the 2.31.2 spec also documents
        // 409 for start, which setAlreadyActiveStatus(409) serves. Both carry Portainer's own message.
        return start ? portainerError(m_alreadyActiveStatus, "Stack is already active", "Stack is already active")
                     : portainerError(400, "Stack is already inactive", "Stack is already inactive");
    case SimDocker::Change::NotFound:
        return portainerError(404, "Unable to find a stack", "object not found inside the database");
    case SimDocker::Change::Done:
        break;
    }
    return ok(stackJson(*m_docker->stack(id)));
}

SimResponse PortainerSim::containers(const SimRequest& r) const
{
    if (!environmentKnown(r))
        return portainerError(404, "Unable to find an environment with the specified identifier inside the database",
                              "object not found inside the database");
    const QString all = r.query.queryItemValue(QStringLiteral("all"));
    const bool everything = all == QLatin1String("1") || all == QLatin1String("true");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    json list = json::array();
    for (const SimContainer& c : m_docker->containers()) {
        if (everything || c.state == QLatin1String("running"))
            list.push_back(containerJson(c, now));
    }
    return ok(list);
}

SimResponse PortainerSim::containerAction(const SimRequest& r)
{
    if (!environmentKnown(r))
        return portainerError(404, "Unable to find an environment with the specified identifier inside the database",
                              "object not found inside the database");
    const QString cid = r.params.value(QStringLiteral("cid"));
    const QString action = r.path.section(QLatin1Char('/'), -1);
    switch (m_docker->containerAction(cid, action)) {
    case SimDocker::Change::NotFound:
        return dockerError(404, "No such container: " + str(cid));
    case SimDocker::Change::Already: {
        SimResponse resp = SimResponse::json(304, {});
        resp.contentType.clear();
        return resp;
    }
    case SimDocker::Change::Done:
        break;
    }
    SimResponse resp = SimResponse::json(204, {});
    resp.contentType.clear();
    return resp;
}

SimResponse PortainerSim::containerInspect(const SimRequest& r) const
{
    if (!environmentKnown(r))
        return portainerError(404, "Unable to find an environment with the specified identifier inside the database",
                              "object not found inside the database");
    const QString cid = r.params.value(QStringLiteral("cid"));
    const std::optional<SimContainer> c = m_docker->container(cid);
    if (!c)
        return dockerError(404, "No such container: " + str(cid));
    const auto rfc3339 = [](qint64 t) {
        // Docker's zero time for "never"
        return t > 0 ? str(QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate))
                     : std::string("0001-01-01T00:00:00Z");
    };
    const bool running = c->state == QLatin1String("running");
    json state = {{"Status", str(c->state)},
                  {"Running", running || c->state == QLatin1String("paused")},
                  {"Paused", c->state == QLatin1String("paused")},
                  {"Restarting", c->state == QLatin1String("restarting")},
                  {"OOMKilled", false},
                  {"Dead", c->state == QLatin1String("dead")},
                  {"Pid", running ? 4000 + (c->created % 1000) : 0},
                  {"ExitCode", c->exitCode},
                  {"Error", ""},
                  {"StartedAt", rfc3339(c->startedAt)},
                  {"FinishedAt", rfc3339(c->finishedAt)}};
    if (!c->health.isEmpty())
        state["Health"] = {{"Status", str(c->health)},
                           {"FailingStreak", c->health == QLatin1String("unhealthy") ? 3 : 0},
                           {"Log", json::array()}};
    json labels = json::object();
    if (!c->stack.isEmpty()) {
        labels["com.docker.compose.project"] = str(c->stack);
        labels["com.docker.compose.service"] = str(c->name);
    }
    json body = {{"Id", str(c->id)},
                 {"Created", rfc3339(c->created)},
                 {"Path", "/entrypoint.sh"},
                 {"Args", json::array()},
                 {"State", state},
                 {"Image", str(QStringLiteral("sha256:") + SimDocker::idFor(c->image))},
                 {"Name", str(QLatin1Char('/') + c->name)},
                 {"RestartCount", c->restartCount},
                 {"Driver", "overlay2"},
                 {"Platform", "linux"},
                 {"HostConfig",
                  {{"NetworkMode", c->stack.isEmpty() ? "bridge" : str(c->stack) + "_default"},
                   {"RestartPolicy", {{"Name", "unless-stopped"}, {"MaximumRetryCount", 0}}}}},
                 {"Config", {{"Image", str(c->image)}, {"Labels", labels}, {"Tty", c->tty}}},
                 {"Mounts", json::array()}};
    return ok(body);
}

SimResponse PortainerSim::containerLogs(const SimRequest& r) const
{
    if (!environmentKnown(r))
        return portainerError(404, "Unable to find an environment with the specified identifier inside the database",
                              "object not found inside the database");
    const QString cid = r.params.value(QStringLiteral("cid"));
    const std::optional<SimContainer> c = m_docker->container(cid);
    if (!c)
        return dockerError(404, "No such container: " + str(cid));
    const bool out = r.query.queryItemValue(QStringLiteral("stdout")) == QLatin1String("1") ||
                     r.query.queryItemValue(QStringLiteral("stdout")) == QLatin1String("true");
    const bool err = r.query.queryItemValue(QStringLiteral("stderr")) == QLatin1String("1") ||
                     r.query.queryItemValue(QStringLiteral("stderr")) == QLatin1String("true");
    if (!out && !err)
        return dockerError(400, "you must choose at least one stream");
    bool tailOk = false;
    int tail = r.query.queryItemValue(QStringLiteral("tail")).toInt(&tailOk);
    if (!tailOk)
        tail = -1; // "all"
    SimResponse resp;
    resp.status = 200;
    resp.body = m_docker->logs(cid, tail, out, err);
    resp.contentType = c->tty ? "application/vnd.docker.raw-stream" : "application/vnd.docker.multiplexed-stream";
    return resp;
}

} // namespace hlc::sim
