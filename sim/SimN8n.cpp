#include "SimN8n.h"

#include <QDateTime>
#include <QJsonObject>

#include <nlohmann/json.hpp>

namespace hlc::sim {

using nlohmann::json;

SimN8n::SimN8n(SimHttpServer* server, QByteArray backupToken, QObject* parent)
    : QObject(parent)
    , m_server(server)
    , m_backupToken(std::move(backupToken))
{
    addWebhook({"POST", QStringLiteral("publish-newsletter"), {}, {}, 200, R"({"message":"Workflow was started"})"});
    addWebhook(
        {"POST", QStringLiteral("homelab-backup"), "X-Homelab-Token", m_backupToken, 200,
         R"({"backup":"started","job":"restic-daily","repository":"b2:homelab-backups","hosts":["host-a","host-b"]})"});
    addWebhook({"GET",
                QStringLiteral("weekly-report"),
                {},
                {},
                200,
                R"([{"week":48,"newsletterOpenRate":0.41,"youtubeSubscribers":1287,"agentRuns":23}])"});
    addWebhook({"POST",
                QStringLiteral("broken-workflow"),
                {},
                {},
                500,
                R"({"code":0,"message":"Error in workflow","hint":"Node 'Send Telegram' failed: chat not found"})"});
    if (!m_server)
        return;
    for (const char* m : {"GET", "POST", "PUT", "PATCH", "DELETE"})
        m_server->route(m, QStringLiteral("/webhook/{path}"), [this](const SimRequest& r) { return handle(r); });
    // n8n's health endpoint (no auth), what probes and the setup's discovery look for.
    m_server->route("GET", QStringLiteral("/healthz"),
                    [](const SimRequest&) { return SimResponse::json(200, R"({"status":"ok"})"); });
}

void SimN8n::addWebhook(const Webhook& hook)
{
    m_hooks.append(hook);
}

SimResponse SimN8n::handle(const SimRequest& r)
{
    const QString path = r.params.value(QStringLiteral("path"));
    for (const Webhook& h : std::as_const(m_hooks)) {
        if (h.path != path || h.method != r.method)
            continue;
        Call c{path, r.method, r.body, true};
        if (!h.headerName.isEmpty() && r.header(h.headerName.toLower()) != h.headerValue) {
            c.authorized = false;
            m_calls.append(c);
            return SimResponse::json(403, R"({"code":403,"message":"Authorization data is wrong!"})");
        }
        m_calls.append(c);
        return SimResponse::json(h.status, h.response);
    }
    m_calls.append({path, r.method, r.body, false});
    const std::string msg =
        "The requested webhook \"" + r.method.toStdString() + " " + path.toStdString() + "\" is not registered.";
    return SimResponse::json(
        404, QByteArray::fromStdString(
                 json{{"code", 404},
                      {"message", msg},
                      {"hint", "The workflow must be active for a production URL to run successfully. You can "
                               "activate the workflow using the toggle in the top-right of the editor."}}
                     .dump()));
}

QJsonArray SimN8n::quickActionsConfig(bool withBroken)
{
    auto hook = [](const char* id, const char* name, const char* path, const char* method) {
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)},
                           {QStringLiteral("name"), QLatin1String(name)},
                           {QStringLiteral("path"), QLatin1String(path)},
                           {QStringLiteral("method"), QLatin1String(method)}};
    };
    QJsonObject publish = hook("publish-newsletter", "Publish newsletter", "publish-newsletter", "POST");
    publish.insert(QStringLiteral("body"), QJsonObject{{QStringLiteral("issue"), QStringLiteral("latest")}});
    QJsonObject backup = hook("backup", "Back up now", "homelab-backup", "POST");
    backup.insert(QStringLiteral("headerAuth"), QStringLiteral("X-Homelab-Token"));
    QJsonArray all{publish, backup, hook("weekly-report", "Weekly report", "weekly-report", "GET")};
    if (withBroken)
        all.append(hook("broken", "Send Telegram digest", "broken-workflow", "POST"));
    return all;
}

} // namespace hlc::sim
