#include "AgentsClient.h"

#include "AgentEventStream.h"
#include "AgentsParser.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAgents, "hlc.clients.agents")

namespace hlc::agents {

namespace {
QString enc(const QString& s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}
} // namespace

AgentsClient::AgentsClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent)
    : ServiceClient(nam, endpoint, parent)
{}

ApiCall* AgentsClient::agents(QObject* context, std::function<void(Result<QList<Agent>>)> done)
{
    return get<QList<Agent>>(QStringLiteral("/agents"), {}, context, &parser::agents, std::move(done));
}

ApiCall* AgentsClient::startRun(const QString& agentId, const StartRun& request, QObject* context,
                                std::function<void(Result<Run>)> done)
{
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/agents/%1/runs").arg(enc(agentId));
    r.body = parser::startRunBody(request);
    r.contentType = "application/json";
    return call<Run>(std::move(r), context, &parser::run, std::move(done));
}

ApiCall* AgentsClient::run(const QString& runId, QObject* context, std::function<void(Result<Run>)> done)
{
    return get<Run>(QStringLiteral("/runs/%1").arg(enc(runId)), {}, context, &parser::run, std::move(done));
}

ApiCall* AgentsClient::runs(const RunQuery& query, QObject* context, std::function<void(Result<QList<Run>>)> done)
{
    QUrlQuery q;
    if (!query.agentId.isEmpty())
        q.addQueryItem(QStringLiteral("agent"), query.agentId);
    if (query.status)
        q.addQueryItem(QStringLiteral("status"), runStatusName(*query.status));
    if (query.limit > 0)
        q.addQueryItem(QStringLiteral("limit"), QString::number(query.limit));
    return get<QList<Run>>(QStringLiteral("/runs"), q, context, &parser::runs, std::move(done));
}

ApiCall* AgentsClient::cancelRun(const QString& runId, QObject* context, std::function<void(Result<Run>)> done)
{
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/runs/%1/cancel").arg(enc(runId));
    return call<Run>(std::move(r), context, &parser::run, std::move(done));
}

ApiCall* AgentsClient::events(const QString& runId, qint64 afterEventId, QObject* context,
                              std::function<void(Result<QList<RunEvent>>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("after"), QString::number(afterEventId));
    return get<QList<RunEvent>>(QStringLiteral("/runs/%1/events").arg(enc(runId)), q, context, &parser::events,
                                std::move(done));
}

AgentEventStream* AgentsClient::followRun(const QString& runId, QObject* parent)
{
    return new AgentEventStream(api(), runId, parent);
}

ApiError AgentsClient::refineError(const ApiResponse& response) const
{
    ApiError e = response.error;
    const QString serverMessage = parser::errorMessage(response.body);
    if (e.httpStatus == 400) {
        const FieldErrors fields = parser::fieldErrors(response.body);
        QStringList parts;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            parts << QStringLiteral("%1: %2").arg(it.key(), it.value());
        parts.sort();
        e.message = QCoreApplication::translate("hlc::agents::AgentsClient", "The agent rejected the input: %1")
                        .arg(parts.isEmpty() ? serverMessage : parts.join(QStringLiteral("; ")));
    } else if (e.httpStatus == 409) {
        e.message =
            serverMessage.isEmpty()
                ? QCoreApplication::translate("hlc::agents::AgentsClient", "The agent cannot take this now (HTTP 409).")
                : QCoreApplication::translate("hlc::agents::AgentsClient", "Not possible now: %1").arg(serverMessage);
    } else if (e.httpStatus == 401) {
        e.message = QCoreApplication::translate("hlc::agents::AgentsClient",
                                                "The agent platform rejected the API token (HTTP 401).");
    } else if (e.httpStatus == 404 && !serverMessage.isEmpty()) {
        e.message = serverMessage;
    }
    return e;
}

} // namespace hlc::agents
