#pragma once

#include "AlertmanagerTypes.h"
#include "core/ServiceClient.h"

namespace hlc::am {

/**
 * @brief Alertmanager API v2 client (`http://HOST:9093`, paths under `/api/v2`), one method per endpoint.
 *
 * Authentication is optional (AuthScheme::None, Basic or Bearer, e.g. behind a reverse proxy). Error bodies
 * (Alertmanager sends a JSON string or plain text with 400/404/500) are added to the error message.
 */
class AlertmanagerClient final : public ServiceClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertmanagerClient)
public:
    AlertmanagerClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent = nullptr);

    /// GET /api/v2/status: version and cluster state (a cheap reachability check).
    ApiCall* status(QObject* context, std::function<void(Result<Status>)> done);

    /// GET /api/v2/alerts with the active/silenced/inhibited/unprocessed flags and filter matchers of @p filter.
    ApiCall* alerts(const AlertFilter& filter, QObject* context, std::function<void(Result<QList<Alert>>)> done);

    /// GET /api/v2/silences: every silence (active, pending and expired).
    ApiCall* silences(QObject* context, std::function<void(Result<QList<Silence>>)> done);

    /// GET /api/v2/silence/{id}
    ApiCall* silence(const QString& id, QObject* context, std::function<void(Result<Silence>)> done);

    /**
     * POST /api/v2/silences: creates @p silence (or updates it when it has an id). Never retried.
     * @param done receives the silence id Alertmanager assigned
     */
    ApiCall* createSilence(const Silence& silence, QObject* context, std::function<void(Result<QString>)> done);

    /// DELETE /api/v2/silence/{id}: expires the silence. Never retried. @p done receives true on success.
    ApiCall* deleteSilence(const QString& id, QObject* context, std::function<void(Result<bool>)> done);

protected:
    [[nodiscard]] ApiError refineError(const ApiResponse& response) const override;

private:
    [[nodiscard]] QString apiPath(const QString& rest) const;
};

} // namespace hlc::am
