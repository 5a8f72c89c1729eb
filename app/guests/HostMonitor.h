#pragma once

#include "core/Config.h"
#include "core/SourceStatus.h"
#include "proxmox/ProxmoxTypes.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QTimer;

namespace hlc {
class PollPacer;
}

namespace hlc {
class ApiCall;
class ServiceDirectory;
namespace pve {
class ProxmoxClient;
class ProxmoxTicketSession;
} // namespace pve

/**
 * @brief Live state of one host: polls its sources on a timer and keeps the last good data.
 *
 * Each source fails alone: an error marks that source (its data stays, marked stale), never the whole host. The
 * Proxmox client (and, with ticket auth, its login) comes from the ServiceDirectory, with its secret and pin.
 */
class HostMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostMonitor)
public:
    HostMonitor(const HostConfig& host, ServiceDirectory* services, QObject* parent = nullptr);
    ~HostMonitor() override;

    [[nodiscard]] const HostConfig& host() const { return m_host; }
    [[nodiscard]] QString hostId() const { return m_host.id; }

    /// The Proxmox service of this host, if configured.
    [[nodiscard]] const ServiceConfig* proxmoxService() const;
    [[nodiscard]] const std::optional<pve::NodeStatus>& nodeStatus() const { return m_nodeStatus; }
    [[nodiscard]] const SourceStatus& proxmoxStatus() const { return m_proxmoxStatus; }
    [[nodiscard]] pve::ProxmoxClient* proxmoxClient() const { return m_proxmox; }
    /// Ticket auth: the login shared by everyone using this host's Proxmox client (nullptr otherwise).
    [[nodiscard]] pve::ProxmoxTicketSession* ticketSession() const { return m_ticket; }

    /// True while the cluster (GET /cluster/resources answered through another node) reports this host's node
    /// offline: its own failed poll then means "node down", not "the app cannot reach it".
    [[nodiscard]] bool clusterReportsOffline() const { return m_clusterReportsOffline; }
    /// Set from the cluster's node list (Homelab wires it); emits proxmoxUpdated() when it changes.
    void setClusterReportsOffline(bool offline);

    /// Marks a source as failed without a request (e.g. its secret could not be read).
    void setSourceError(const QString& serviceId, const ApiError& error);

    void start(int intervalMs);
    /// The pace of the node poll: slower while Proxmox fails, or while the window is closed to the tray.
    [[nodiscard]] PollPacer* pacer() const { return m_pacer; }
    void stop();
    /// Polls every source now (unless a poll of that source is still in flight).
    void refresh();
    /// True when the Proxmox service uses ticket auth (`auth: pve-ticket`): the secret is a password used only
    /// for POST /access/ticket, the requests carry the ticket.
    [[nodiscard]] bool usesPveTicket() const;
    /**
     * Ticket auth: drops the current ticket and logs in again with the stored password (a request was refused with
     * 401: the ticket expired or the node restarted). Concurrent calls share one login. Returns false (and never
     * calls @p done) when this host does not use ticket auth; otherwise @p done runs once with the login's error,
     * if any, unless @p context is gone.
     */
    bool reauthenticate(QObject* context, std::function<void(const std::optional<ApiError>& error)> done);
    /// Ticket auth: renew the ticket once it is older than @p secs (default 90 min; PVE tickets last 2 h).
    void setTicketRenewAfterSecs(qint64 secs);

signals:
    /// New data or a new error for this host's Proxmox node.
    void proxmoxUpdated();
    /// Ticket auth: a new ticket was obtained (login or renewal); requests may go out now.
    void proxmoxAuthenticated();

private:
    void pollProxmox();
    /// GET /nodes/{node}/status with the current credentials.
    void fetchNodeStatus();
    void loginFailed(const ApiError& error);
    [[nodiscard]] const ServiceConfig* findService(const QString& serviceId) const;

    HostConfig m_host;
    QTimer* m_timer;
    PollPacer* m_pacer;
    pve::ProxmoxClient* m_proxmox = nullptr;
    pve::ProxmoxTicketSession* m_ticket = nullptr;
    QPointer<ApiCall> m_proxmoxCall;
    std::optional<pve::NodeStatus> m_nodeStatus;
    SourceStatus m_proxmoxStatus;
    bool m_reloginTried = false;
    bool m_clusterReportsOffline = false;
};

} // namespace hlc
