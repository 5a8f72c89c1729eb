#pragma once

#include "N8nTypes.h"
#include "core/ServiceClient.h"

#include <QJsonObject>

namespace hlc::n8n {

/**
 * @brief Calls n8n webhook quick actions (`<base>/webhook/<path>`).
 *
 * The base URL is n8n's (e.g. `http://192.168.16.7:5678`). Header auth is set in exactly one place, trigger(): the
 * configured header carries the secret from the keychain; it is never logged. Webhook calls are never retried.
 */
class N8nClient final : public ServiceClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(N8nClient)
public:
    N8nClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent = nullptr);

    /// Calls @p action; @p headerSecret is the header-auth value (ignored when the action has no header auth).
    ApiCall* trigger(const WebhookAction& action, const QString& headerSecret, QObject* context,
                     std::function<void(Result<WebhookResult>)> done);

    /// The actions of a service's config `extra` ("webhooks": [{id, name, path, method, body, headerAuth, test}]).
    /// Entries without id or path are skipped; @p problems (optional) receives why.
    [[nodiscard]] static QList<WebhookAction> actionsFromConfig(const QJsonObject& extra,
                                                                QStringList* problems = nullptr);
    /// A one-line summary of a webhook answer body.
    [[nodiscard]] static QString summarize(const QByteArray& body);

protected:
    [[nodiscard]] ApiError refineError(const ApiResponse& response) const override;

private:
    ApiCall* sendWebhook(ApiRequest r, QObject* context, std::function<void(Result<WebhookResult>)> done);
};

} // namespace hlc::n8n
