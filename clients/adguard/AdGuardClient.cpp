#include "AdGuardClient.h"

#include "AdGuardParser.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace hlc::adguard {

AdGuardClient::AdGuardClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent)
    : ServiceClient(nam, endpoint, parent)
{}

ApiCall* AdGuardClient::status(QObject* context, std::function<void(Result<ServerStatus>)> done)
{
    return get<ServerStatus>(QStringLiteral("/status"), {}, context, &parser::status, std::move(done));
}

ApiCall* AdGuardClient::stats(QObject* context, std::function<void(Result<Stats>)> done)
{
    return get<Stats>(QStringLiteral("/stats"), {}, context, &parser::stats, std::move(done));
}

ApiCall* AdGuardClient::filteringStatus(QObject* context, std::function<void(Result<FilteringStatus>)> done)
{
    return get<FilteringStatus>(QStringLiteral("/filtering/status"), {}, context, &parser::filteringStatus,
                                std::move(done));
}

ApiCall* AdGuardClient::queryLog(const QueryLogFilter& filter, QObject* context,
                                 std::function<void(Result<QueryLog>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("limit"), QString::number(std::clamp(filter.limit, 1, 1000)));
    if (!filter.search.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("search"), filter.search.trimmed());
    // `response_status` is deprecated in favour of `reason`, but every server version understands it.
    if (filter.blockedOnly)
        q.addQueryItem(QStringLiteral("response_status"), QStringLiteral("blocked"));
    return get<QueryLog>(QStringLiteral("/querylog"), q, context, &parser::queryLog, std::move(done));
}

ApiCall* AdGuardClient::setProtection(bool enabled, qint64 pauseMs, QObject* context,
                                      std::function<void(Result<bool>)> done)
{
    QJsonObject o{{QStringLiteral("enabled"), enabled}};
    if (!enabled && pauseMs > 0)
        o.insert(QStringLiteral("duration"), static_cast<double>(pauseMs));
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/protection");
    r.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    r.contentType = "application/json";
    r.idempotent = false;
    return call<bool>(std::move(r), context, &parser::accepted, std::move(done));
}

ApiCall* AdGuardClient::setProtectionEnabled(bool enabled, QObject* context, std::function<void(Result<bool>)> done)
{
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/dns_config");
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("protection_enabled"), enabled}}).toJson(QJsonDocument::Compact);
    r.contentType = "application/json";
    r.idempotent = false;
    return call<bool>(std::move(r), context, &parser::accepted, std::move(done));
}

ApiError AdGuardClient::refineError(const ApiResponse& response) const
{
    ApiError e = response.error;
    if (e.httpStatus == 401 || e.httpStatus == 403) {
        e.message = QCoreApplication::translate("hlc::adguard::AdGuardClient",
                                                "AdGuard Home rejected the user name or password (HTTP %1).")
                        .arg(e.httpStatus);
    } else if (e.httpStatus == 400 && !response.body.trimmed().isEmpty()) {
        // AdGuard answers validation errors as plain text.
        e.message += QLatin1Char(' ') + QString::fromUtf8(response.body.left(200)).trimmed();
    }
    return e;
}

} // namespace hlc::adguard
