#include "PortainerClient.h"

#include "PortainerParser.h"

#include <QCoreApplication>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPortainer, "hlc.clients.portainer")

namespace hlc::portainer {

namespace {
QString enc(const QString& s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

bool saysAlready(const QString& message)
{
    return message.contains(QLatin1String("already"), Qt::CaseInsensitive);
}
} // namespace

PortainerClient::PortainerClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent)
    : ServiceClient(nam, endpoint, parent)
{}

ApiCall* PortainerClient::systemStatus(QObject* context, std::function<void(Result<SystemStatus>)> done)
{
    return get<SystemStatus>(QStringLiteral("/system/status"), {}, context, &parser::systemStatus, std::move(done));
}

ApiCall* PortainerClient::environments(QObject* context, std::function<void(Result<QList<Environment>>)> done)
{
    return get<QList<Environment>>(QStringLiteral("/endpoints"), {}, context, &parser::environments, std::move(done));
}

ApiCall* PortainerClient::stacks(QObject* context, std::function<void(Result<QList<Stack>>)> done)
{
    return get<QList<Stack>>(QStringLiteral("/stacks"), {}, context, &parser::stacks, std::move(done));
}

ApiCall* PortainerClient::stackAction(int stackId, int environmentId, bool start, QObject* context,
                                      std::function<void(Result<StackActionResult>)> done)
{
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/stacks/%1/%2").arg(stackId).arg(start ? QStringLiteral("start") : QStringLiteral("stop"));
    r.query.addQueryItem(QStringLiteral("endpointId"), QString::number(environmentId));
    r.idempotent = false;
    return api()->send(std::move(r), context, [this, stackId, done = std::move(done)](const ApiResponse& resp) {
        if (resp.ok()) {
            auto s = parser::stack(resp.body);
            if (!s.ok()) {
                done(s.error());
                return;
            }
            done(StackActionResult{s.value(), false, {}});
            return;
        }
        // Portainer refuses to start an active stack / stop an inactive one: that is the state the user wanted.
        const QString message = parser::errorMessage(resp.body);
        if ((resp.status == 409 || resp.status == 400) && saysAlready(message)) {
            StackActionResult a;
            a.stack.id = stackId;
            a.alreadyInState = true;
            a.message = message;
            done(a);
            return;
        }
        done(refineError(resp));
    });
}

ApiCall* PortainerClient::containers(int environmentId, QObject* context,
                                     std::function<void(Result<QList<Container>>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("all"), QStringLiteral("1"));
    return get<QList<Container>>(QStringLiteral("/endpoints/%1/docker/containers/json").arg(environmentId), q, context,
                                 &parser::containers, std::move(done));
}

ApiCall* PortainerClient::containerAction(int environmentId, const QString& containerId, ContainerAction action,
                                          QObject* context, std::function<void(Result<ContainerActionResult>)> done)
{
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/endpoints/%1/docker/containers/%2/%3")
                 .arg(environmentId)
                 .arg(enc(containerId), containerActionName(action));
    r.idempotent = false;
    return api()->send(std::move(r), context, [this, done = std::move(done)](const ApiResponse& resp) {
        if (resp.status == 304) { // Docker: "container already started" / "already stopped"
            done(ContainerActionResult{true});
            return;
        }
        if (!resp.ok()) {
            done(refineError(resp));
            return;
        }
        done(ContainerActionResult{false});
    });
}

ApiCall* PortainerClient::inspectContainer(int environmentId, const QString& containerId, QObject* context,
                                           std::function<void(Result<ContainerInspect>)> done)
{
    return get<ContainerInspect>(
        QStringLiteral("/endpoints/%1/docker/containers/%2/json").arg(environmentId).arg(enc(containerId)), {}, context,
        &parser::containerInspect, std::move(done));
}

ApiCall* PortainerClient::containerLogs(int environmentId, const QString& containerId, int tail, QObject* context,
                                        std::function<void(Result<QStringList>)> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("stdout"), QStringLiteral("1"));
    q.addQueryItem(QStringLiteral("stderr"), QStringLiteral("1"));
    q.addQueryItem(QStringLiteral("tail"), QString::number(tail));
    return get<QStringList>(
        QStringLiteral("/endpoints/%1/docker/containers/%2/logs").arg(environmentId).arg(enc(containerId)), q, context,
        [tail](const QByteArray& b) -> Result<QStringList> { return parser::logLines(b, tail); }, std::move(done));
}

ApiError PortainerClient::refineError(const ApiResponse& response) const
{
    ApiError e = response.error;
    const QString message = parser::errorMessage(response.body);
    switch (e.httpStatus) {
    case 401:
        e.message = tr("Portainer rejected the access token (HTTP 401). Check the API key (it starts with ptr_).");
        break;
    case 403:
        e.message = message.isEmpty() ? tr("The Portainer user of this token is not allowed to do this (HTTP 403).")
                                      : tr("Portainer denied this (HTTP 403): %1").arg(message);
        break;
    case 404:
        e.message = message.isEmpty() ? tr("Portainer does not know this object (HTTP 404).")
                                      : tr("Portainer: %1 (HTTP 404)").arg(message);
        break;
    default:
        if (!message.isEmpty() && e.httpStatus >= 400)
            e.message = tr("Portainer refused the request (HTTP %1): %2").arg(e.httpStatus).arg(message);
        break;
    }
    if (e.isError())
        qCDebug(lcPortainer) << e.detail;
    return e;
}

} // namespace hlc::portainer
