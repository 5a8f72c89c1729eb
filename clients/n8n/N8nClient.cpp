#include "N8nClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace hlc::n8n {

N8nClient::N8nClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent)
    : ServiceClient(nam, endpoint, parent)
{}

ApiCall* N8nClient::trigger(const WebhookAction& action, const QString& headerSecret, QObject* context,
                            std::function<void(Result<WebhookResult>)> done)
{
    ApiRequest r;
    r.method = action.method.toUpper();
    QString path = action.path;
    while (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    r.path = (action.testUrl ? QStringLiteral("/webhook-test/") : QStringLiteral("/webhook/")) + path;
    r.idempotent = false; // a webhook starts a workflow: never repeat it blindly
    if (!action.body.isEmpty() && r.method != "GET" && r.method != "HEAD") {
        r.body = action.body;
        r.contentType = "application/json";
    }
    if (!action.headerName.isEmpty() && !headerSecret.isEmpty())
        r.headers.append(qMakePair(action.headerName.toLatin1(), headerSecret.toUtf8()));
    r.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json, text/plain, */*")));
    return sendWebhook(std::move(r), context, std::move(done));
}

ApiCall* N8nClient::sendWebhook(ApiRequest r, QObject* context, std::function<void(Result<WebhookResult>)> done)
{
    return api()->send(std::move(r), context, [this, done = std::move(done)](const ApiResponse& resp) {
        if (!resp.ok()) {
            done(refineError(resp));
            return;
        }
        WebhookResult w;
        w.status = resp.status;
        w.contentType = resp.header("Content-Type");
        w.body = resp.body;
        w.summary = summarize(resp.body);
        done(w);
    });
}

QString N8nClient::summarize(const QByteArray& body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return QCoreApplication::translate("hlc::n8n::N8nClient", "(no response body)");
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &err);
    if (err.error == QJsonParseError::NoError) {
        if (doc.isObject() && doc.object().value(QStringLiteral("message")).isString())
            return doc.object().value(QStringLiteral("message")).toString();
        const QString compact = QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
        return compact.size() > 300 ? compact.left(299) + QChar(0x2026) : compact;
    }
    QString text = QString::fromUtf8(trimmed.left(600)).simplified();
    return text.size() > 300 ? text.left(299) + QChar(0x2026) : text;
}

QList<WebhookAction> N8nClient::actionsFromConfig(const QJsonObject& extra, QStringList* problems)
{
    QList<WebhookAction> out;
    static const QRegularExpression s_id(QStringLiteral("^[a-z0-9-]+$"));
    const QJsonArray list = extra.value(QStringLiteral("webhooks")).toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        WebhookAction a;
        a.id = o.value(QStringLiteral("id")).toString();
        a.path = o.value(QStringLiteral("path")).toString();
        a.name = o.value(QStringLiteral("name")).toString(a.id);
        a.method = o.value(QStringLiteral("method")).toString(QStringLiteral("POST")).toUpper().toLatin1();
        a.headerName = o.value(QStringLiteral("headerAuth")).toString();
        a.testUrl = o.value(QStringLiteral("test")).toBool(false);
        const QJsonValue body = o.value(QStringLiteral("body"));
        if (body.isObject())
            a.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        else if (body.isArray())
            a.body = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
        if (!s_id.match(a.id).hasMatch() || a.path.isEmpty()) {
            if (problems)
                *problems << QStringLiteral("webhooks[%1]: needs an id ([a-z0-9-]+) and a path").arg(i);
            continue;
        }
        out << a;
    }
    return out;
}

ApiError N8nClient::refineError(const ApiResponse& response) const
{
    ApiError e = response.error;
    const QString msg = summarize(response.body);
    if (e.httpStatus == 404) {
        e.message = QCoreApplication::translate("hlc::n8n::N8nClient",
                                                "n8n does not know this webhook (HTTP 404): is the workflow active? %1")
                        .arg(msg);
    } else if (e.httpStatus == 401 || e.httpStatus == 403) {
        e.message =
            QCoreApplication::translate("hlc::n8n::N8nClient", "n8n refused the webhook's credentials (HTTP %1): %2")
                .arg(e.httpStatus)
                .arg(msg);
    } else if (e.httpStatus >= 400 && !response.body.isEmpty()) {
        e.message += QLatin1Char(' ') + msg;
    }
    return e;
}

} // namespace hlc::n8n
