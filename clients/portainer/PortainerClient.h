#pragma once

#include "PortainerTypes.h"
#include "core/ServiceClient.h"

namespace hlc::portainer {

/**
 * @brief Portainer API client (base URL `https://HOST:9443/api`), one method per endpoint.
 *
 * Authenticates with an access token (AuthScheme::ApiKey, header `X-API-Key: ptr_...`). Docker calls go through
 * Portainer's Docker proxy `/endpoints/{environment}/docker/...` with the Docker Engine API's bodies.
 * Actions are never retried.
 */
class PortainerClient final : public ServiceClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortainerClient)
public:
    PortainerClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent = nullptr);

    /// GET /system/status (public)
    ApiCall* systemStatus(QObject* context, std::function<void(Result<SystemStatus>)> done);
    /// GET /endpoints
    ApiCall* environments(QObject* context, std::function<void(Result<QList<Environment>>)> done);
    /// GET /stacks: every stack the token may see, of every environment (filter by Stack::endpointId).
    ApiCall* stacks(QObject* context, std::function<void(Result<QList<Stack>>)> done);
    /**
     * POST /stacks/{id}/start or /stop ?endpointId=@p environmentId.
     * @param done an "already running" / "already stopped" answer arrives as a success with alreadyInState set.
     */
    ApiCall* stackAction(int stackId, int environmentId, bool start, QObject* context,
                         std::function<void(Result<StackActionResult>)> done);
    /// GET /endpoints/{environment}/docker/containers/json?all=1
    ApiCall* containers(int environmentId, QObject* context, std::function<void(Result<QList<Container>>)> done);
    /// POST /endpoints/{environment}/docker/containers/{id}/start|stop|restart (204; 304: already in that state).
    ApiCall* containerAction(int environmentId, const QString& containerId, ContainerAction action, QObject* context,
                             std::function<void(Result<ContainerActionResult>)> done);
    /// GET /endpoints/{environment}/docker/containers/{id}/json (Docker inspect): restart count, start time, health.
    ApiCall* inspectContainer(int environmentId, const QString& containerId, QObject* context,
                              std::function<void(Result<ContainerInspect>)> done);
    /// GET /endpoints/{environment}/docker/containers/{id}/logs: the last @p tail lines of stdout and stderr.
    ApiCall* containerLogs(int environmentId, const QString& containerId, int tail, QObject* context,
                           std::function<void(Result<QStringList>)> done);

protected:
    [[nodiscard]] ApiError refineError(const ApiResponse& response) const override;
};

} // namespace hlc::portainer
