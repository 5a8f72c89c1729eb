#pragma once

#include "SimHttpServer.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

namespace hlc::sim {

class ProxmoxSim;
class SimHomelab;

/// One PVE task (what a power action starts).
struct SimTask
{
    QString upid;
    QString node;
    QString type; ///< "qmstart", "vzstop", ...
    QString id;   ///< vmid
    QString user;
    qint64 starttime = 0;
    qint64 endtime = 0; ///< set when it stops
    qint64 pid = 0;
    bool running = true;
    QString exitstatus; ///< once stopped: "OK" or the error
    QStringList log;
};

/**
 * @brief The writing half of a simulated PVE API, beside ProxmoxSim on the same server: guest power actions that
 * run as tasks, task status and log, guest status/current, node and guest rrddata, and ticket login.
 *
 * A task stays `running` for taskDurationMs(), then ends `stopped` with exitstatus `OK` and the guest in its new
 * state, or with an error (guest in the wrong state, or a guest configured to fail with failStart()).
 * Auth: the ProxmoxSim's API token, or a ticket from POST /access/ticket (cookie PVEAuthCookie, and the
 * CSRFPreventionToken header on POST).
 */
class ProxmoxTaskSim final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxmoxTaskSim)
public:
    /// Becomes a child of @p pve.
    ProxmoxTaskSim(SimHomelab* lab, SimHttpServer* server, ProxmoxSim* pve);

    void setTaskDurationMs(int ms) { m_taskMs = ms; }
    [[nodiscard]] int taskDurationMs() const { return m_taskMs; }
    /// Starting @p vmid fails: the task ends with @p exitstatus and the log shows @p logLines before it.
    void failStart(int vmid, const QString& exitstatus, const QStringList& logLines);
    /// Every action is refused with 403 naming @p privilege (empty: allowed).
    void denyPrivilege(const QString& privilege) { m_denied = privilege; }
    /// The user and password POST /access/ticket accepts.
    void setLogin(const QString& user, const QString& password);
    /// Two-factor authentication for the login user (a real server's TOTP account): a right password answers
    /// `NeedTFA: 1` with a half ticket ("PVE:!tfa!<challenge>:..."), which opens no route; only the PVE 7+ second
    /// step (`tfa-challenge` = the half ticket, `password` = "totp:@p totpCode") gives a ticket. Empty: off.
    void setLoginTotp(const QString& totpCode) { m_totp = totpCode; }
    /// Requests that came with a half ticket as their cookie (a client that took it for a login).
    [[nodiscard]] int halfTicketRequests() const { return m_halfTicketRequests; }
    /// Tickets older than this are refused (PVE: 2 h).
    void setTicketLifetimeSecs(int secs) { m_ticketLifetime = secs; }

    [[nodiscard]] QList<SimTask> tasks() const { return m_tasks.values(); }
    /**
     * A task of the node's history that ended @p secondsAgo ago with @p exitstatus ("OK" or an error such as
     * "job errors"), as a nightly backup leaves it: listed by GET /nodes/{node}/tasks and readable by its status and
     * log routes. Returns its UPID (empty: @p node is not one of this server's).
     */
    QString addFinishedTask(const QString& node, const QString& type, const QString& id, const QString& exitstatus,
                            qint64 secondsAgo, const QStringList& logLines = {});
    /// Whether @p request carries a valid ticket (and CSRF token where needed); for ProxmoxSim's own routes too.
    [[nodiscard]] bool ticketAuthorized(const SimRequest& request) const;

private:
    using Handler = SimHttpServer::Handler;
    void add(const QByteArray& method, const QString& path, Handler handler);
    [[nodiscard]] bool authorized(const SimRequest& request) const;

    SimResponse action(const SimRequest& r, const QString& type);
    SimResponse taskStatus(const SimRequest& r) const;
    SimResponse taskLog(const SimRequest& r) const;
    SimResponse guestCurrent(const SimRequest& r, const QString& type) const;
    SimResponse guestConfig(const SimRequest& r, const QString& type) const;
    SimResponse nodeTasks(const SimRequest& r) const;
    SimResponse nodeRrd(const SimRequest& r) const;
    SimResponse guestRrd(const SimRequest& r, const QString& type) const;
    SimResponse login(const SimRequest& r);
    void finishTask(const QString& upid, const QString& exitstatus, int vmid, const QString& newStatus);

    QPointer<SimHomelab> m_lab;
    QPointer<SimHttpServer> m_server;
    QPointer<ProxmoxSim> m_pve;
    QHash<QString, SimTask> m_tasks;
    QHash<int, QPair<QString, QStringList>> m_failStart;
    QString m_denied;
    int m_taskMs = 2500;
    qint64 m_nextPid = 0x2A3F10;
    QString m_loginUser = QStringLiteral("root@pam");
    QString m_loginPassword;
    int m_ticketLifetime = 7200;
    QHash<QString, qint64> m_tickets; ///< ticket -> issue time
    QHash<QString, QString> m_csrf;   ///< ticket -> CSRF token
    QString m_totp;
    QSet<QString> m_halfTickets;
    mutable int m_halfTicketRequests = 0;
};

} // namespace hlc::sim
