#pragma once

#include "SimHttpServer.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>

namespace hlc::sim {

/**
 * @brief n8n's production webhooks (`/webhook/<path>`) for the quick actions of the demo.
 *
 * Seeded workflows: `publish-newsletter` (POST, responds immediately with "Workflow was started"),
 * `homelab-backup` (POST, header auth `X-Homelab-Token`, responds with the last node's JSON), `weekly-report`
 * (GET) and `broken-workflow` (POST, fails with 500). Unknown or wrong-method webhooks get n8n's 404 "not
 * registered"; wrong header auth gets 403 "Authorization data is wrong!". Every call is recorded.
 */
class SimN8n final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimN8n)
public:
    struct Webhook
    {
        QByteArray method = "POST";
        QString path;
        QByteArray headerName;  ///< header auth; empty: none
        QByteArray headerValue; ///< the secret
        int status = 200;
        QByteArray response; ///< JSON answered
    };
    struct Call
    {
        QString path;
        QByteArray method;
        QByteArray body;
        bool authorized = false;
    };

    SimN8n(SimHttpServer* server, QByteArray backupToken, QObject* parent = nullptr);

    void addWebhook(const Webhook& hook);
    /// The homelab-control "webhooks" config of the workflows this simulator serves (the demo's quick actions).
    /// @p withBroken adds one whose workflow fails (HTTP 500), to show an error.
    [[nodiscard]] static QJsonArray quickActionsConfig(bool withBroken);
    [[nodiscard]] QList<Call> calls() const { return m_calls; }
    [[nodiscard]] QByteArray backupToken() const { return m_backupToken; }

private:
    SimResponse handle(const SimRequest& r);

    QPointer<SimHttpServer> m_server;
    QByteArray m_backupToken;
    QList<Webhook> m_hooks;
    QList<Call> m_calls;
};

} // namespace hlc::sim
