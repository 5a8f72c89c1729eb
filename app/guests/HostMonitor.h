#pragma once

#include "core/Config.h"
#include "core/SourceStatus.h"
#include "proxmox/ProxmoxTypes.h"

#include <QObject>
#include <QPointer>

#include <functional>
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
    void setTicketRenewAfterSecs(qint64 secs) { m_ticketRenewAfterSecs = secs; }

signals:
    /// New data or a new error for this host's Proxmox node.
    void proxmoxUpdated();
    /// Ticket auth: a new ticket was obtained (login or renewal); requests may go out now.
    void proxmoxAuthenticated();
    /// A source's certificate is not trusted: the UI may ask the user to pin @p sha256Hex.
    void certificateUntrusted(const QString& serviceId, const QByteArray& sha256Hex, const QString& hostPort);

private:
    void pollProxmox();
    /// GET /nodes/{node}/status with the current credentials.
    void fetchNodeStatus();
    /// Ticket auth: logs in (or renews the ticket) when needed. Returns true while that is in flight.
    bool ensureTicket();
    void loginFailed(const ApiError& error);
    [[nodiscard]] ServiceConfig* mutableService(const QString& serviceId);
    /// Answers every reauthenticate() caller waiting for the login that just ended.
    void answerReauthWaiters(const std::optional<ApiError>& error);

    HostConfig m_host;
    QNetworkAccessManager* m_nam;
    QTimer* m_timer;
    pve::ProxmoxClient* m_proxmox = nullptr;
    QPointer<ApiCall> m_proxmoxCall;
    std::optional<pve::NodeStatus> m_nodeStatus;
    SourceStatus m_proxmoxStatus;
    QString m_pvePassword; ///< ticket auth only: sent in the body of POST /access/ticket, nowhere else
    QPointer<ApiCall> m_loginCall;
    bool m_reloginTried = false;
    qint64 m_ticketRenewAfterSecs = 90 * 60;
    struct ReauthWaiter
    {
        QPointer<QObject> context;
        std::function<void(const std::optional<ApiError>&)> done;
    };
    QList<ReauthWaiter> m_reauthWaiters;
};

} // namespace hlc
