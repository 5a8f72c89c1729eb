#pragma once

#include "AgentsTypes.h"
#include "core/ServiceClient.h"

namespace hlc::agents {

class AgentEventStream;

/**
 * @brief Client of the agent platform API (docs/api/agents.openapi.yaml), one method per endpoint.
 *
 * The base URL includes the API prefix, e.g. `http://192.168.17.1:8700/api/v1`. Authenticates with a bearer token
 * (AuthScheme::Bearer). A 400 answer to startRun() carries per-field messages: read them with
 * parser::fieldErrors(error.body). Starting and cancelling are never retried.
 */
class AgentsClient final : public ServiceClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentsClient)
public:
    AgentsClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent = nullptr);

    /// GET /agents
    ApiCall* agents(QObject* context, std::function<void(Result<QList<Agent>>)> done);
    /// POST /agents/{agentId}/runs with `{preset}` and/or `{input}`: the accepted run (status queued).
    ApiCall* startRun(const QString& agentId, const StartRun& request, QObject* context,
                      std::function<void(Result<Run>)> done);
    /// GET /runs/{runId}
    ApiCall* run(const QString& runId, QObject* context, std::function<void(Result<Run>)> done);
    /// GET /runs?agent=&status=&limit=
    ApiCall* runs(const RunQuery& query, QObject* context, std::function<void(Result<QList<Run>>)> done);
    /// POST /runs/{runId}/cancel
    ApiCall* cancelRun(const QString& runId, QObject* context, std::function<void(Result<Run>)> done);
    /// GET /runs/{runId}/events?after=N as JSON (what the event stream falls back to).
    ApiCall* events(const QString& runId, qint64 afterEventId, QObject* context,
                    std::function<void(Result<QList<RunEvent>>)> done);
    /// GET /runs/{runId}/events as a server-sent event stream; the caller starts it (start()) and owns it.
    [[nodiscard]] AgentEventStream* followRun(const QString& runId, QObject* parent);

protected:
    [[nodiscard]] ApiError refineError(const ApiResponse& response) const override;
};

} // namespace hlc::agents
