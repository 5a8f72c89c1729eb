#pragma once

#include "AdGuardTypes.h"
#include "core/ServiceClient.h"

namespace hlc::adguard {

/**
 * @brief AdGuard Home API client (`http(s)://HOST[:PORT]/control`), one method per endpoint.
 *
 * Authenticates with HTTP Basic auth (AuthScheme::Basic: the web user name and password). The base URL is the
 * server's `/control` prefix, e.g. `http://192.168.16.7/control`.
 */
class AdGuardClient final : public ServiceClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdGuardClient)
public:
    AdGuardClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent = nullptr);

    /// GET /status: version, DNS addresses, protection on/off and the remaining pause.
    ApiCall* status(QObject* context, std::function<void(Result<ServerStatus>)> done);
    /// GET /stats: counters, top lists and the hourly series of the statistics period.
    ApiCall* stats(QObject* context, std::function<void(Result<Stats>)> done);
    /// GET /filtering/status: filter lists, their rule counts and last update.
    ApiCall* filteringStatus(QObject* context, std::function<void(Result<FilteringStatus>)> done);
    /// GET /querylog?limit=N[&search=S][&response_status=blocked]: the newest entries first.
    ApiCall* queryLog(const QueryLogFilter& filter, QObject* context, std::function<void(Result<QueryLog>)> done);
    /**
     * POST /protection: turns protection on, or off for @p pauseMs milliseconds (0: until turned on again).
     * Never retried: the caller reads /status afterwards to see the outcome.
     */
    ApiCall* setProtection(bool enabled, qint64 pauseMs, QObject* context, std::function<void(Result<bool>)> done);
    /**
     * POST /dns_config {"protection_enabled": @p enabled}: the only protection switch of servers older than
     * v0.107.27 (no POST /protection there, and no pause that ends by itself). Never retried.
     */
    ApiCall* setProtectionEnabled(bool enabled, QObject* context, std::function<void(Result<bool>)> done);

protected:
    [[nodiscard]] ApiError refineError(const ApiResponse& response) const override;
};

} // namespace hlc::adguard
