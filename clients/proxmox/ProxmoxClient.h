#pragma once

#include "ProxmoxTypes.h"
#include "core/ServiceClient.h"

#include <QDateTime>

namespace hlc::pve {

/**
 * @brief Proxmox VE API client (`https://HOST:8006/api2/json`), one method per endpoint.
 *
 * Authenticates with an API token (AuthScheme::PveToken) or a ticket (AuthScheme::PveTicket).
 */
class ProxmoxClient final : public ServiceClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxmoxClient)
public:
    ProxmoxClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent = nullptr);

    /// GET /version
    ApiCall* version(QObject* context, std::function<void(Result<Version>)> done);
    /// GET /nodes
    ApiCall* nodes(QObject* context, std::function<void(Result<QList<NodeEntry>>)> done);
    /// GET /nodes/{node}/status
    ApiCall* nodeStatus(const QString& node, QObject* context, std::function<void(Result<NodeStatus>)> done);
    /// GET /cluster/resources[?type=vm|node|storage]: every guest, node and storage of the cluster in one call.
    ApiCall* clusterResources(const QString& type, QObject* context, std::function<void(Result<QList<Resource>>)> done);

    /// GET /cluster/status: the cluster (if any) and every node with its online flag.
    ApiCall* clusterStatus(QObject* context, std::function<void(Result<QList<ClusterStatusEntry>>)> done);

    /**
     * POST /nodes/{node}/{type}/{vmid}/status/{action} (needs VM.PowerMgmt). Never retried.
     * @param type "qemu" or "lxc"
     * @param done receives the task's UPID; follow it with taskStatus().
     */
    ApiCall* guestAction(const QString& node, const QString& type, int vmid, GuestAction action, QObject* context,
                         std::function<void(Result<QString>)> done);
    /// GET /nodes/{node}/tasks/{upid}/status
    ApiCall* taskStatus(const QString& node, const QString& upid, QObject* context,
                        std::function<void(Result<TaskStatus>)> done);
    /**
     * GET /nodes/{node}/tasks?errors=1&since=@p since&limit=@p limit: the node's finished tasks that failed since
     * @p since (Unix time), newest first; with @p errorsOnly false every finished task.
     */
    ApiCall* nodeTasks(const QString& node, bool errorsOnly, qint64 since, int limit, QObject* context,
                       std::function<void(Result<QList<TaskEntry>>)> done);
    /// GET /nodes/{node}/{type}/{vmid}/config (needs VM.Audit): the guest's configuration (onboot, name).
    ApiCall* guestConfig(const QString& node, const QString& type, int vmid, QObject* context,
                         std::function<void(Result<GuestConfig>)> done);
    /// GET /nodes/{node}/tasks/{upid}/log?start=0&limit=@p limit
    ApiCall* taskLog(const QString& node, const QString& upid, int limit, QObject* context,
                     std::function<void(Result<QList<TaskLogLine>>)> done);
    /**
     * The last @p lines lines of a task's log: GET .../log?start=0&limit=@p lines, and when the log's `total` says
     * it is longer, GET .../log?start=total-@p lines (a failed task's error is at the end, not at line 0). The
     * returned call is the first request's.
     */
    ApiCall* taskLogTail(const QString& node, const QString& upid, int lines, QObject* context,
                         std::function<void(Result<QList<TaskLogLine>>)> done);
    /// GET /nodes/{node}/rrddata?timeframe=@p timeframe (hour, day, week, ...)
    ApiCall* nodeRrd(const QString& node, const QString& timeframe, QObject* context,
                     std::function<void(Result<QList<RrdPoint>>)> done);
    /// GET /nodes/{node}/{type}/{vmid}/rrddata?timeframe=@p timeframe
    ApiCall* guestRrd(const QString& node, const QString& type, int vmid, const QString& timeframe, QObject* context,
                      std::function<void(Result<QList<RrdPoint>>)> done);

    /**
     * POST /access/ticket with @p username and @p password (sent as a form, never as a header). On success this
     * client switches to AuthScheme::PveTicket with the new ticket and CSRF token. Tickets expire after 2 h:
     * renewTicket() before ticketNeedsRenewal() turns true. An account with two-factor authentication answers with
     * `NeedTFA` and a half ticket: that is an ApiError::Kind::Auth (secondFactorError()), and the half ticket is
     * never used for a request.
     */
    ApiCall* login(const QString& username, const QString& password, QObject* context,
                   std::function<void(Result<Ticket>)> done);
    /**
     * POST /access/ticket, the second step of a TOTP login (PVE 7+): `username`, `tfa-challenge` = the half ticket of
     * the last login() that answered NeedTFA (kept inside this client, never sent as a ticket) and `password` =
     * `totp:<code>`. On success the client switches to the full ticket as login() does. A refused code is an
     * ApiError::Kind::Auth (HTTP 401) saying so; the challenge stays for another try. The code is never logged.
     */
    ApiCall* completeSecondFactor(const QString& username, const QString& totpCode, QObject* context,
                                  std::function<void(Result<Ticket>)> done);
    /// True after a login() answered NeedTFA and until completeSecondFactor() succeeded or the next login().
    [[nodiscard]] bool hasSecondFactorChallenge() const { return !m_tfaChallenge.isEmpty(); }
    /// The factors the last NeedTFA challenge offered ("totp", "recovery", "webauthn", ...; empty before PVE 7).
    [[nodiscard]] QStringList secondFactorMethods() const { return m_tfaMethods; }
    /// True when a code can answer the factors of @p methods: this app answers TOTP only (PVE 7+ challenges).
    [[nodiscard]] static bool acceptsTotpCode(const QStringList& methods)
    {
        return methods.contains(QLatin1String("totp"));
    }
    /// The error for a login that needs a second factor (@p methods: the factors the challenge offered).
    [[nodiscard]] static ApiError secondFactorError(const QString& username, const QStringList& methods);
    /// Renews the current ticket (PVE accepts the ticket itself as the password).
    ApiCall* renewTicket(QObject* context, std::function<void(Result<Ticket>)> done);
    /// True when ticket auth is in use and the ticket is older than @p maxAgeSecs (default 1 h 30 min).
    [[nodiscard]] bool ticketNeedsRenewal(qint64 maxAgeSecs = 90LL * 60) const;

protected:
    [[nodiscard]] ApiError refineError(const ApiResponse& response) const override;

private:
    /// Sends a POST /access/ticket with @p body and no credentials; a full ticket answered becomes the credentials.
    ApiCall* postTicket(const QByteArray& body, const QString& username, bool secondStep, QObject* context,
                        std::function<void(Result<Ticket>)> done);

    QDateTime m_ticketTime;
    QString m_tfaChallenge; ///< the half ticket of a NeedTFA answer: only ever sent back as `tfa-challenge`
    QStringList m_tfaMethods;
};

} // namespace hlc::pve
