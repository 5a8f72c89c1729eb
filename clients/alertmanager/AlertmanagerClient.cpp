#include "AlertmanagerClient.h"

#include "AlertmanagerParser.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAm, "hlc.clients.alertmanager")

namespace hlc::am {

namespace {
QString boolParam(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

QString encodedId(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}
} // namespace

AlertmanagerClient::AlertmanagerClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent)
    : ServiceClient(nam, endpoint, parent)
{}

QString AlertmanagerClient::apiPath(const QString& rest) const
{
    QString base = endpoint().baseUrl.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.endsWith(QLatin1String("/api/v2")))
        return rest;
    return QStringLiteral("/api/v2") + rest;
}

ApiCall* AlertmanagerClient::status(QObject* context, std::function<void(Result<Status>)> done)
{
    return get<Status>(apiPath(QStringLiteral("/status")), {}, context, &parser::status, std::move(done));
}

ApiCall* AlertmanagerClient::alerts(const AlertFilter& filter, QObject* context,
                                    std::function<void(Result<QList<Alert>>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("active"), boolParam(filter.active));
    q.addQueryItem(QStringLiteral("silenced"), boolParam(filter.silenced));
    q.addQueryItem(QStringLiteral("inhibited"), boolParam(filter.inhibited));
    q.addQueryItem(QStringLiteral("unprocessed"), boolParam(filter.unprocessed));
    for (const QString& m : filter.matchers)
        q.addQueryItem(QStringLiteral("filter"), QString::fromLatin1(QUrl::toPercentEncoding(m)));
    return get<QList<Alert>>(apiPath(QStringLiteral("/alerts")), q, context, &parser::alerts, std::move(done));
}

ApiCall* AlertmanagerClient::silences(QObject* context, std::function<void(Result<QList<Silence>>)> done)
{
    return get<QList<Silence>>(apiPath(QStringLiteral("/silences")), {}, context, &parser::silences, std::move(done));
}

ApiCall* AlertmanagerClient::silence(const QString& id, QObject* context, std::function<void(Result<Silence>)> done)
{
    return get<Silence>(apiPath(QStringLiteral("/silence/") + encodedId(id)), {}, context, &parser::silence,
                        std::move(done));
}

ApiCall* AlertmanagerClient::createSilence(const Silence& silence, QObject* context,
                                           std::function<void(Result<QString>)> done)
{
    ApiRequest r;
    r.method = "POST";
    r.path = apiPath(QStringLiteral("/silences"));
    r.body = parser::postableSilence(silence);
    r.contentType = "application/json";
    qCInfo(lcAm) << "creating silence with" << silence.matchers.size() << "matchers until" << silence.endsAt;
    return call<QString>(std::move(r), context, &parser::silenceId, std::move(done));
}

ApiCall* AlertmanagerClient::deleteSilence(const QString& id, QObject* context, std::function<void(Result<bool>)> done)
{
    ApiRequest r;
    r.method = "DELETE";
    r.path = apiPath(QStringLiteral("/silence/") + encodedId(id));
    qCInfo(lcAm) << "expiring silence" << id;
    return call<bool>(
        std::move(r), context, [](const QByteArray&) { return Result<bool>(true); }, std::move(done));
}

ApiError AlertmanagerClient::refineError(const ApiResponse& response) const
{
    ApiError e = response.error;
    const QString text = parser::errorText(response.body);
    // 401/403 (credentials), 429 (a pause) and 502/503/504 (a proxy, or the service not up) keep the transport's
    // message: it says what to do; Alertmanager's own words are for what it refused.
    const bool generic = e.httpStatus == 401 || e.httpStatus == 403 || e.httpStatus == 429 ||
                         (e.httpStatus >= 502 && e.httpStatus <= 504);
    if (!text.isEmpty() && e.httpStatus >= 400 && !generic) {
        e.message = QCoreApplication::translate("hlc::am::AlertmanagerClient", "Alertmanager refused (HTTP %1): %2")
                        .arg(e.httpStatus)
                        .arg(text);
        e.detail += QStringLiteral(" [%1]").arg(text);
    }
    return e;
}

} // namespace hlc::am
