#include "SimAgents.h"

#include "SimSeedData.h"
#include "SimStream.h"

#include <QTimer>

#include <nlohmann/json.hpp>

namespace hlc::sim {

using nlohmann::json;

namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

QString qstr(const std::string& s)
{
    return QString::fromStdString(s);
}

std::string iso(const QDateTime& t)
{
    return str(t.toUTC().toString(Qt::ISODateWithMs));
}

json isoOrNull(const QDateTime& t)
{
    return t.isValid() ? json(iso(t)) : json(nullptr);
}

SimResponse jsonResponse(int status, const json& body)
{
    return SimResponse::json(status, QByteArray::fromStdString(body.dump()));
}

SimResponse error(int status, const std::string& code, const std::string& message)
{
    return jsonResponse(status, json{{"error", code}, {"message", message}});
}

SimResponse invalid(const json& fields)
{
    return jsonResponse(400, json{{"error", "invalid_input"},
                                  {"message", "the input does not follow the agent's input schema"},
                                  {"fields", fields}});
}

} // namespace

struct SimAgents::Agent
{
    QString id;
    QString name;
    QString description;
    QString model;
    json schema; ///< inputSchema
    struct Preset
    {
        QString id;
        QString name;
        QString description;
        json input;
        QString failure; ///< non-empty: a run of this preset fails with this error after about 60 %
    };
    QList<Preset> presets;
    QStringList steps; ///< log lines of a run, "%1" = the topic
    QString artifactName;
    double promptPricePerM = 0.0; ///< USD per million tokens
    double completionPricePerM = 0.0;
    QString errorMessage;
    QString activeRun;
    QString lastRun;

    [[nodiscard]] const Preset* preset(const QString& pid) const
    {
        for (const Preset& p : presets) {
            if (p.id == pid)
                return &p;
        }
        return nullptr;
    }
};

struct SimAgents::Run
{
    QString id;
    QString agentId;
    QString presetId;
    QString status = QStringLiteral("queued");
    double progress = 0.0;
    QString step;
    json input = json::object();
    QString model;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString markdown;
    QString artifactName;
    QString error;
    QString failure;
    int stepIndex = -1; ///< -1: queued
    QStringList steps;
    qint64 promptTokens = 0;
    qint64 completionTokens = 0;
    double cost = 0.0;
    bool hasUsage = false;
    std::vector<std::pair<QByteArray, QByteArray>> events; ///< (type, Event JSON)

    [[nodiscard]] bool final() const
    {
        return status == QLatin1String("succeeded") || status == QLatin1String("failed") ||
               status == QLatin1String("cancelled");
    }
};

SimAgents::SimAgents(SimHttpServer* server, QString token, QObject* parent)
    : QObject(parent)
    , m_server(server)
    , m_token(std::move(token))
    , m_stepTimer(new QTimer(this))
    , m_heartbeatTimer(new QTimer(this))
{
    setupAgents();
    setupRoutes();
    m_stepTimer->setInterval(700);
    connect(m_stepTimer, &QTimer::timeout, this, &SimAgents::step);
    m_stepTimer->start();
    m_heartbeatTimer->setInterval(1000);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &SimAgents::heartbeat);
    m_heartbeatTimer->start();
}

SimAgents::~SimAgents() = default;

void SimAgents::setStepMs(int ms)
{
    m_stepTimer->setInterval(std::max(1, ms));
}

void SimAgents::setHeartbeatMs(int ms)
{
    m_heartbeatTimer->setInterval(std::max(1, ms));
}

QStringList SimAgents::agentIds() const
{
    QStringList out;
    for (const auto& a : m_agents)
        out << a->id;
    return out;
}

QString SimAgents::runStatus(const QString& runId) const
{
    const auto it = m_runs.find(runId);
    return it == m_runs.end() ? QString() : (*it)->status;
}

int SimAgents::runCount() const
{
    return static_cast<int>(m_runs.size());
}

void SimAgents::setAgentError(const QString& agentId, const QString& message)
{
    if (Agent* a = agent(agentId))
        a->errorMessage = message;
}

SimAgents::Agent* SimAgents::agent(const QString& id)
{
    for (const auto& a : m_agents) {
        if (a->id == id)
            return a.get();
    }
    return nullptr;
}

const SimAgents::Agent* SimAgents::agent(const QString& id) const
{
    for (const auto& a : m_agents) {
        if (a->id == id)
            return a.get();
    }
    return nullptr;
}

void SimAgents::setupAgents()
{
    // The agents, their input schemas, presets and run steps are the seed data file sim/data/agents.json.
    const QByteArray data = seedData(QStringLiteral("agents.json"));
    const json seed = json::parse(data.constBegin(), data.constEnd(), nullptr, false);
    if (!seed.is_object())
        qFatal("The simulator's seed data agents.json is not a JSON object");
    const auto text = [](const json& o, const char* key) { return qstr(o.value(key, std::string())); };
    for (const json& j : seed.value("agents", json::array())) {
        auto a = std::make_shared<Agent>();
        a->id = text(j, "id");
        a->name = text(j, "name");
        a->description = text(j, "description");
        a->model = text(j, "model");
        a->schema = j.value("inputSchema", json::object());
        for (const json& p : j.value("presets", json::array())) {
            a->presets.append({text(p, "id"), text(p, "name"), text(p, "description"), p.value("input", json::object()),
                               text(p, "failure")});
        }
        for (const json& step : j.value("steps", json::array()))
            a->steps << qstr(step.get<std::string>());
        a->artifactName = text(j, "artifactName");
        a->promptPricePerM = j.value("promptPricePerM", 0.0);
        a->completionPricePerM = j.value("completionPricePerM", 0.0);
        m_agents << a;
    }
}

void SimAgents::setupRoutes()
{
    if (!m_server)
        return;
    const QString p = apiPrefix();
    auto guarded = [this](auto fn) {
        return [this, fn](const SimRequest& r) -> SimResponse {
            if (!authorized(r))
                return error(401, "unauthorized", "missing or invalid bearer token");
            return (this->*fn)(r);
        };
    };
    m_server->route("GET", p + QStringLiteral("/agents"), guarded(&SimAgents::listAgents));
    m_server->route("POST", p + QStringLiteral("/agents/{agentId}/runs"), guarded(&SimAgents::startRun));
    m_server->route("GET", p + QStringLiteral("/runs"), guarded(&SimAgents::listRuns));
    m_server->route("GET", p + QStringLiteral("/runs/{runId}"), guarded(&SimAgents::getRun));
    m_server->route("POST", p + QStringLiteral("/runs/{runId}/cancel"), guarded(&SimAgents::cancelRun));
    m_server->route("GET", p + QStringLiteral("/runs/{runId}/artifacts/{name}"), guarded(&SimAgents::artifact));
    m_server->routeStream("GET", p + QStringLiteral("/runs/{runId}/events"),
                          [this](const SimRequest& r, SimStream* s) { events(r, s); });
}

bool SimAgents::authorized(const SimRequest& r) const
{
    return r.header("authorization") == "Bearer " + m_token.toUtf8();
}

SimResponse SimAgents::listAgents(const SimRequest&) const
{
    json list = json::array();
    for (const auto& a : m_agents) {
        json presets = json::array();
        for (const Agent::Preset& p : a->presets)
            presets.push_back(
                {{"id", str(p.id)}, {"name", str(p.name)}, {"description", str(p.description)}, {"input", p.input}});
        const bool busy = !a->activeRun.isEmpty();
        json j = {{"id", str(a->id)},
                  {"name", str(a->name)},
                  {"description", str(a->description)},
                  {"model", str(a->model)},
                  {"status", !a->errorMessage.isEmpty() ? "error"
                             : busy                     ? "busy"
                                                        : "idle"},
                  {"statusMessage", a->errorMessage.isEmpty() ? json(nullptr) : json(str(a->errorMessage))},
                  {"activeRunId", busy ? json(str(a->activeRun)) : json(nullptr)},
                  {"inputSchema", a->schema},
                  {"presets", presets},
                  {"lastRun", nullptr}};
        if (const auto it = m_runs.find(a->lastRun); it != m_runs.end()) {
            const Run& r = **it;
            j["lastRun"] = {{"id", str(r.id)},
                            {"status", str(r.status)},
                            {"presetId", r.presetId.isEmpty() ? json(nullptr) : json(str(r.presetId))},
                            {"createdAt", iso(r.createdAt)},
                            {"finishedAt", isoOrNull(r.finishedAt)}};
        }
        list.push_back(j);
    }
    return jsonResponse(200, json{{"agents", list}});
}

SimResponse SimAgents::startRun(const SimRequest& r)
{
    Agent* a = agent(r.params.value(QStringLiteral("agentId")));
    if (!a)
        return error(404, "not_found", "no such agent: " + str(r.params.value(QStringLiteral("agentId"))));
    const json body = json::parse(r.body.constBegin(), r.body.constEnd(), nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return invalid({{"input", "the request body must be a JSON object"}});

    json input = json::object();
    const Agent::Preset* preset = nullptr;
    if (body.contains("preset")) {
        if (!body["preset"].is_string())
            return invalid({{"preset", "must be the id of a preset"}});
        preset = a->preset(qstr(body["preset"].get<std::string>()));
        if (!preset)
            return invalid({{"preset", "unknown preset: " + body["preset"].get<std::string>()}});
        input = preset->input;
    }
    if (body.contains("input")) {
        if (!body["input"].is_object())
            return invalid({{"input", "must be an object"}});
        for (auto it = body["input"].begin(); it != body["input"].end(); ++it)
            input[it.key()] = it.value();
    } else if (!preset) {
        return invalid({{"input", "give a preset or an input"}});
    }

    // Validate against the schema.
    json fields = json::object();
    const json& props = a->schema["properties"];
    for (const auto& req : a->schema["required"]) {
        const std::string name = req.get<std::string>();
        if (!input.contains(name) || input[name].is_null() ||
            (input[name].is_string() && QString::fromStdString(input[name].get<std::string>()).trimmed().isEmpty()))
            fields[name] = "is required";
    }
    for (auto it = input.begin(); it != input.end(); ++it) {
        const std::string& name = it.key();
        if (fields.contains(name))
            continue;
        if (!props.contains(name)) {
            fields[name] = "unknown field";
            continue;
        }
        const json& p = props[name];
        const json& v = it.value();
        const std::string type = p["type"].get<std::string>();
        if (type == "string") {
            if (!v.is_string()) {
                fields[name] = "must be a string";
            } else if (p.contains("enum")) {
                bool found = false;
                for (const auto& o : p["enum"])
                    found = found || o == v;
                if (!found)
                    fields[name] = "must be one of " + p["enum"].dump();
            } else if (p.contains("maxLength") &&
                       static_cast<qint64>(qstr(v.get<std::string>()).size()) > p["maxLength"].get<qint64>()) {
                fields[name] = "longer than " + std::to_string(p["maxLength"].get<qint64>()) + " characters";
            }
        } else if (type == "integer") {
            if (!v.is_number_integer()) {
                fields[name] = "must be an integer";
            } else {
                const qint64 i = v.get<qint64>();
                if ((p.contains("minimum") && i < p["minimum"].get<qint64>()) ||
                    (p.contains("maximum") && i > p["maximum"].get<qint64>()))
                    fields[name] = "must be between " + std::to_string(p.value("minimum", qint64(0))) + " and " +
                                   std::to_string(p.value("maximum", qint64(0)));
            }
        } else if (type == "boolean" && !v.is_boolean()) {
            fields[name] = "must be true or false";
        }
    }
    if (!fields.empty())
        return invalid(fields);

    if (!a->errorMessage.isEmpty())
        return error(409, "agent_error", str(a->name) + " is in error: " + str(a->errorMessage));
    if (!a->activeRun.isEmpty()) {
        json e = {{"error", "agent_busy"},
                  {"message", str(a->name) + " is busy with run " + str(a->activeRun)},
                  {"activeRunId", str(a->activeRun)}};
        return jsonResponse(409, e);
    }

    auto run = std::make_shared<Run>();
    run->id = QStringLiteral("run-%1").arg(m_nextRun++, 5, 10, QLatin1Char('0'));
    run->agentId = a->id;
    run->presetId = preset ? preset->id : QString();
    run->failure = preset ? preset->failure : QString();
    run->input = input;
    run->model = a->model;
    run->createdAt = QDateTime::currentDateTimeUtc();
    run->artifactName = a->artifactName;
    const QString topic = qstr(input.value("topic", input.value("goal", input.value("dataset", std::string()))));
    for (const QString& s : std::as_const(a->steps))
        run->steps << (s.contains(QLatin1String("%1")) ? s.arg(topic.isEmpty() ? a->name : topic) : s);
    a->activeRun = run->id;
    a->lastRun = run->id;
    m_runs.insert(run->id, run);
    m_runOrder << run->id;
    addEvent(*run, "status", QByteArray::fromStdString(json{{"status", "queued"}}.dump()));
    logLine(*run, QStringLiteral("info"),
            QStringLiteral("Run %1 queued for %2%3")
                .arg(run->id, a->name, preset ? QStringLiteral(" (preset \"%1\")").arg(preset->name) : QString()));
    return SimResponse::json(202, runJson(*run));
}

QByteArray SimAgents::runJson(const Run& r) const
{
    json j = {{"id", str(r.id)},
              {"agentId", str(r.agentId)},
              {"presetId", r.presetId.isEmpty() ? json(nullptr) : json(str(r.presetId))},
              {"status", str(r.status)},
              {"progress", r.progress},
              {"step", r.step.isEmpty() ? json(nullptr) : json(str(r.step))},
              {"input", r.input},
              {"model", str(r.model)},
              {"createdAt", iso(r.createdAt)},
              {"startedAt", isoOrNull(r.startedAt)},
              {"finishedAt", isoOrNull(r.finishedAt)},
              {"output", nullptr},
              {"error", r.error.isEmpty() ? json(nullptr) : json(str(r.error))},
              {"usage", nullptr},
              {"lastEventId", static_cast<qint64>(r.events.size())}};
    if (!r.markdown.isEmpty()) {
        QUrl url = m_server ? m_server->baseUrl() : QUrl();
        url.setPath(apiPrefix() + QStringLiteral("/runs/%1/artifacts/%2").arg(r.id, r.artifactName));
        j["output"] = {{"markdown", str(r.markdown)},
                       {"artifacts",
                        {{{"name", str(r.artifactName)},
                          {"url", str(url.toString())},
                          {"mimeType", "text/markdown"},
                          {"sizeBytes", r.markdown.toUtf8().size()}}}}};
    }
    if (r.hasUsage)
        j["usage"] = {{"promptTokens", r.promptTokens},
                      {"completionTokens", r.completionTokens},
                      {"totalTokens", r.promptTokens + r.completionTokens},
                      {"costUsd", r.cost}};
    return QByteArray::fromStdString(j.dump());
}

SimResponse SimAgents::getRun(const SimRequest& r) const
{
    const auto it = m_runs.find(r.params.value(QStringLiteral("runId")));
    if (it == m_runs.end())
        return error(404, "not_found", "no such run");
    return SimResponse::json(200, runJson(**it));
}

SimResponse SimAgents::listRuns(const SimRequest& r) const
{
    const QString agentFilter = r.query.queryItemValue(QStringLiteral("agent"));
    const QString statusFilter = r.query.queryItemValue(QStringLiteral("status"));
    int limit = 50;
    if (r.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = r.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 500)
            return invalid({{"limit", "must be an integer from 1 to 500"}});
    }
    static const QStringList s_statuses = {QStringLiteral("queued"), QStringLiteral("running"),
                                           QStringLiteral("succeeded"), QStringLiteral("failed"),
                                           QStringLiteral("cancelled")};
    if (!statusFilter.isEmpty() && !s_statuses.contains(statusFilter))
        return invalid({{"status", "unknown status"}});
    QByteArrayList items;
    for (auto it = m_runOrder.crbegin(); it != m_runOrder.crend() && items.size() < limit; ++it) {
        const Run& run = *m_runs.value(*it);
        if (!agentFilter.isEmpty() && run.agentId != agentFilter)
            continue;
        if (!statusFilter.isEmpty() && run.status != statusFilter)
            continue;
        items << runJson(run);
    }
    return SimResponse::json(200, "{\"runs\":[" + items.join(',') + "]}");
}

SimResponse SimAgents::cancelRun(const SimRequest& r)
{
    const auto it = m_runs.find(r.params.value(QStringLiteral("runId")));
    if (it == m_runs.end())
        return error(404, "not_found", "no such run");
    Run& run = **it;
    if (run.final())
        return error(409, "run_finished", "run " + str(run.id) + " already " + str(run.status));
    logLine(run, QStringLiteral("warning"),
            QStringLiteral("Cancelled by the operator at step %1 of %2")
                .arg(std::max(0, run.stepIndex))
                .arg(run.steps.size()));
    setStatus(run, QStringLiteral("cancelled"), QStringLiteral("cancelled by the operator"));
    return SimResponse::json(202, runJson(run));
}

SimResponse SimAgents::artifact(const SimRequest& r) const
{
    const auto it = m_runs.find(r.params.value(QStringLiteral("runId")));
    if (it == m_runs.end() || (*it)->markdown.isEmpty() ||
        (*it)->artifactName != r.params.value(QStringLiteral("name")))
        return error(404, "not_found", "no such artifact");
    SimResponse resp = SimResponse::text(200, (*it)->markdown.toUtf8());
    resp.contentType = "text/markdown;charset=utf-8";
    return resp;
}

void SimAgents::events(const SimRequest& r, SimStream* stream)
{
    auto answer = [stream](const SimResponse& resp) {
        stream->writeHead(resp.status, resp.contentType);
        stream->write(resp.body);
        stream->end();
    };
    if (!authorized(r)) {
        answer(error(401, "unauthorized", "missing or invalid bearer token"));
        return;
    }
    const QString runId = r.params.value(QStringLiteral("runId"));
    const auto it = m_runs.find(runId);
    if (it == m_runs.end()) {
        answer(error(404, "not_found", "no such run"));
        return;
    }
    const Run& run = **it;
    qint64 after = r.query.queryItemValue(QStringLiteral("after")).toLongLong();
    after = std::max(after, r.header("last-event-id").trimmed().toLongLong());
    after = std::max<qint64>(after, 0);

    if (!r.header("accept").contains("text/event-stream")) {
        QByteArrayList items;
        for (qint64 i = after; i < static_cast<qint64>(run.events.size()); ++i)
            items << run.events[static_cast<size_t>(i)].second;
        answer(SimResponse::json(200, "{\"events\":[" + items.join(',') +
                                          "],\"lastEventId\":" + QByteArray::number(qint64(run.events.size())) + "}"));
        return;
    }
    stream->writeHead(200, "text/event-stream");
    QByteArray backlog = "retry: 1000\n\n";
    for (qint64 i = after; i < static_cast<qint64>(run.events.size()); ++i) {
        const auto& [type, data] = run.events[static_cast<size_t>(i)];
        backlog += "id: " + QByteArray::number(i + 1) + "\nevent: " + type + "\ndata: " + data + "\n\n";
    }
    stream->write(backlog);
    if (run.final()) {
        stream->end();
        return;
    }
    m_subscribers.append({runId, QPointer<SimStream>(stream)});
}

void SimAgents::addEvent(Run& run, const QByteArray& type, const QByteArray& eventJson)
{
    json e = json::parse(eventJson.constBegin(), eventJson.constEnd(), nullptr, false);
    if (!e.is_object())
        e = json::object();
    const qint64 id = static_cast<qint64>(run.events.size()) + 1;
    e["id"] = id;
    e["type"] = type.toStdString();
    e["time"] = iso(QDateTime::currentDateTimeUtc());
    const QByteArray data = QByteArray::fromStdString(e.dump());
    run.events.emplace_back(type, data);
    const QByteArray frame = "id: " + QByteArray::number(id) + "\nevent: " + type + "\ndata: " + data + "\n\n";
    const bool cut = std::exchange(m_cutNextEvent, false);
    const QList<Subscriber> subscribers = m_subscribers; // abort() below removes closed streams
    for (const Subscriber& s : subscribers) {
        if (s.runId != run.id || !s.stream || !s.stream->isOpen())
            continue;
        if (cut) {
            s.stream->write(frame.left(frame.size() / 2));
            s.stream->abort();
            ++m_streamsCut;
        } else {
            s.stream->write(frame);
        }
    }
}

void SimAgents::logLine(Run& run, const QString& level, const QString& message)
{
    addEvent(run, "log", QByteArray::fromStdString(json{{"level", str(level)}, {"message", str(message)}}.dump()));
}

void SimAgents::setProgress(Run& run, double progress, const QString& stepText)
{
    run.progress = progress;
    run.step = stepText;
    addEvent(run, "progress", QByteArray::fromStdString(json{{"progress", progress}, {"step", str(stepText)}}.dump()));
}

void SimAgents::setStatus(Run& run, const QString& status, const QString& message)
{
    run.status = status;
    json e = {{"status", str(status)}};
    if (!message.isEmpty())
        e["message"] = str(message);
    if (run.final()) {
        run.finishedAt = QDateTime::currentDateTimeUtc();
        if (Agent* a = agent(run.agentId); a && a->activeRun == run.id)
            a->activeRun.clear();
    }
    addEvent(run, "status", QByteArray::fromStdString(e.dump()));
    if (run.final())
        finishStreams(run.id);
}

void SimAgents::finishStreams(const QString& runId)
{
    for (qsizetype i = m_subscribers.size() - 1; i >= 0; --i) {
        if (m_subscribers[i].runId != runId)
            continue;
        const QPointer<SimStream> s = m_subscribers[i].stream;
        m_subscribers.removeAt(i);
        if (s)
            s->end();
    }
}

void SimAgents::step()
{
    m_subscribers.removeIf([](const Subscriber& s) { return !s.stream || !s.stream->isOpen(); });
    for (const QString& id : std::as_const(m_runOrder)) {
        Run& run = *m_runs.value(id);
        if (run.final())
            continue;
        const Agent* a = agent(run.agentId);
        if (run.stepIndex < 0) {
            run.stepIndex = 0;
            run.startedAt = QDateTime::currentDateTimeUtc();
            setStatus(run, QStringLiteral("running"));
            logLine(run, QStringLiteral("info"), QStringLiteral("Model %1").arg(run.model));
            continue;
        }
        const int total = static_cast<int>(run.steps.size());
        if (run.stepIndex < total) {
            const QString line = run.steps.at(run.stepIndex);
            ++run.stepIndex;
            // A failing preset stops at about 60 %.
            if (!run.failure.isEmpty() && run.stepIndex > total * 6 / 10) {
                logLine(run, QStringLiteral("error"), run.failure);
                run.error = run.failure;
                run.hasUsage = true;
                run.promptTokens = 900 + 350 * run.stepIndex;
                run.completionTokens = 0;
                run.cost = run.promptTokens * (a ? a->promptPricePerM : 0.0) / 1e6;
                setStatus(run, QStringLiteral("failed"), run.failure);
                continue;
            }
            logLine(run, QStringLiteral("info"), line);
            setProgress(run, double(run.stepIndex) / double(total + 1), line);
            continue;
        }
        // Done: output, usage, final status.
        const QString topic = qstr(run.input.value("topic", run.input.value("goal", std::string())));
        const QString title = a ? a->name : run.agentId;
        QString md = QStringLiteral("# %1: %2\n\n").arg(title, topic.isEmpty() ? QStringLiteral("Report") : topic);
        md += QStringLiteral("*Run %1, model %2, %3 steps.*\n\n").arg(run.id, run.model).arg(total);
        md += QStringLiteral("## Summary\n\n");
        for (int i = 0; i < std::min<int>(3, total); ++i)
            md += QStringLiteral("- %1\n").arg(run.steps.at(i));
        md += QStringLiteral("\n## Details\n\n| Step | Result |\n|---|---|\n");
        for (int i = 0; i < total; ++i)
            md += QStringLiteral("| %1 | %2 |\n").arg(i + 1).arg(run.steps.at(i));
        md += QStringLiteral("\n**Next:** review, then publish via the n8n workflow.\n");
        run.markdown = md;
        run.hasUsage = true;
        run.promptTokens = 1200 + 420 * total;
        run.completionTokens = 180 * total;
        run.cost = (run.promptTokens * (a ? a->promptPricePerM : 0.0) +
                    run.completionTokens * (a ? a->completionPricePerM : 0.0)) /
                   1e6;
        setProgress(run, 1.0, QStringLiteral("Done"));
        logLine(run, QStringLiteral("info"),
                QStringLiteral("Saved %1 (%2 bytes)").arg(run.artifactName).arg(md.size()));
        setStatus(run, QStringLiteral("succeeded"));
    }
}

void SimAgents::heartbeat()
{
    for (const Subscriber& s : std::as_const(m_subscribers)) {
        if (s.stream && s.stream->isOpen())
            s.stream->write(": ping\n\n");
    }
}

int SimAgents::abortStreams()
{
    int n = 0;
    const QList<Subscriber> subs = m_subscribers;
    m_subscribers.clear();
    for (const Subscriber& s : subs) {
        if (s.stream && s.stream->isOpen()) {
            s.stream->abort();
            ++n;
        }
    }
    return n;
}

int SimAgents::openStreams() const
{
    int n = 0;
    for (const Subscriber& s : m_subscribers)
        n += s.stream && s.stream->isOpen() ? 1 : 0;
    return n;
}

} // namespace hlc::sim
