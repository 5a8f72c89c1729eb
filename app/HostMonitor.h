#pragma once

#include "Config.h"
#include "SourceStatus.h"
#include "proxmox/ProxmoxTypes.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkAccessManager;
class QTimer;

namespace hlc {
class ApiCall;
namespace pve {
class ProxmoxClient;
}

/**
 * @brief Live state of one host: polls its sources on a timer and keeps the last good data.
 *
 * Each source fails alone: an error marks that source (its data stays, marked stale), never the whole host.
 */
class HostMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostMonitor)
public:
    HostMonitor(const HostConfig& host, QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~HostMonitor() override;

    [[nodiscard]] const HostConfig& host() const { return m_host; }
    [[nodiscard]] QString hostId() const { return m_host.id; }

    /// The Proxmox service of this host, if configured.
    [[nodiscard]] const ServiceConfig* proxmoxService() const;
    [[nodiscard]] const std::optional<pve::NodeStatus>& nodeStatus() const { return m_nodeStatus; }
    [[nodiscard]] const SourceStatus& proxmoxStatus() const { return m_proxmoxStatus; }
    [[nodiscard]] pve::ProxmoxClient* proxmoxClient() const { return m_proxmox; }

    /// Gives the secret of service @p serviceId (from the keychain or typed in); empty clears it.
    void setSecret(const QString& serviceId, const QString& secret);
    /// Pins the leaf certificate of service @p serviceId.
    void setPinnedCertificate(const QString& serviceId, const QByteArray& sha256Hex);
    /// Marks a source as failed without a request (e.g. its secret could not be read).
    void setSourceError(const QString& serviceId, const ApiError& error);

    void start(int intervalMs);
    void stop();
    /// Polls every source now (unless a poll of that source is still in flight).
    void refresh();

signals:
    /// New data or a new error for this host's Proxmox node.
    void proxmoxUpdated();
    /// A source's certificate is not trusted: the UI may ask the user to pin @p sha256Hex.
    void certificateUntrusted(const QString& serviceId, const QByteArray& sha256Hex, const QString& hostPort);

private:
    void pollProxmox();
    [[nodiscard]] ServiceConfig* mutableService(const QString& serviceId);

    HostConfig m_host;
    QNetworkAccessManager* m_nam;
    QTimer* m_timer;
    pve::ProxmoxClient* m_proxmox = nullptr;
    QPointer<ApiCall> m_proxmoxCall;
    std::optional<pve::NodeStatus> m_nodeStatus;
    SourceStatus m_proxmoxStatus;
};

} // namespace hlc
