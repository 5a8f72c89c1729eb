#pragma once

#include "SimHttpServer.h"

#include <QObject>
#include <QPointer>

namespace hlc::sim {

class SimDocker;

/**
 * @brief Portainer's API (`/api/...`) for one environment, served from a SimDocker, plus its Docker proxy
 * (`/api/endpoints/{id}/docker/...`, Docker Engine API bodies).
 *
 * Shapes follow the Portainer 2.31.2 swagger and the Docker Engine swagger (shared/api); errors are Portainer's
 * `{"message","details"}` and Docker's `{"message"}`. Auth: header `X-API-Key` (system/status is public).
 */
class PortainerSim final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortainerSim)
public:
    /// @p docker is not owned. @p environmentName e.g. "pve-thinkpad".
    PortainerSim(SimDocker* docker, SimHttpServer* server, QString environmentName, QString apiKey,
                 QObject* parent = nullptr);

    [[nodiscard]] static QString apiPrefix() { return QStringLiteral("/api"); }
    [[nodiscard]] SimDocker* docker() const { return m_docker; }
    [[nodiscard]] static QString version() { return QStringLiteral("2.31.2"); }
    /// The status of "Stack is already active" on a start: 400 as the real server answers (default), or 409 as
    /// the 2.31.2 spec also documents.
    void setAlreadyActiveStatus(int status) { m_alreadyActiveStatus = status; }

private:
    using Handler = SimHttpServer::Handler;
    void add(const QByteArray& method, const QString& path, bool needsAuth, Handler handler);

    SimResponse environments(const SimRequest& r) const;
    SimResponse stacks(const SimRequest& r) const;
    SimResponse stackAction(const SimRequest& r, bool start);
    SimResponse containers(const SimRequest& r) const;
    SimResponse containerAction(const SimRequest& r);
    SimResponse containerLogs(const SimRequest& r) const;
    SimResponse containerInspect(const SimRequest& r) const;
    [[nodiscard]] bool environmentKnown(const SimRequest& r) const;

    QPointer<SimDocker> m_docker;
    QPointer<SimHttpServer> m_server;
    QString m_envName;
    QString m_apiKey;
    int m_alreadyActiveStatus = 400;
};

} // namespace hlc::sim
