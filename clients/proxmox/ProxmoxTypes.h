#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hlc::pve {

struct Version
{
    QString version; ///< e.g. "8.2.4"
    QString release; ///< e.g. "8.2"
    QString repoid;
};

/// One entry of GET /nodes.
struct NodeEntry
{
    QString node;
    QString status;            ///< "online", "offline" or "unknown"
    std::optional<double> cpu; ///< 0..1; absent for an offline node
    int maxcpu = 0;
    std::optional<qint64> mem;
    std::optional<qint64> maxmem;
    std::optional<qint64> disk;
    std::optional<qint64> maxdisk;
    std::optional<qint64> uptime;
    QString sslFingerprint; ///< colon-separated SHA-256 as PVE reports it

    [[nodiscard]] bool online() const { return status == QLatin1String("online"); }
};

/// GET /nodes/{node}/status.
/// A number the server did not send is absent (std::nullopt), never 0: the panel shows "–" for it.
struct NodeStatus
{
    std::optional<double> cpu; ///< 0..1
    int cpus = 0;              ///< 0: not reported
    QString cpuModel;
    std::optional<qint64> memTotal;
    std::optional<qint64> memUsed;
    std::optional<qint64> rootTotal;
    std::optional<qint64> rootUsed;
    qint64 swapTotal = 0;
    qint64 swapUsed = 0;
    std::optional<qint64> uptime; ///< seconds
    double ioWait = 0.0;          ///< 0..1
    QList<double> loadavg;        ///< 1, 5, 15 min; empty: not reported
    QString pveVersion;           ///< "pve-manager/8.2.4/..."
    QString kernel;
};

/// One entry of GET /cluster/resources.
struct Resource
{
    QString id;   ///< "qemu/100", "lxc/200", "node/pve1", "storage/pve1/local"
    QString type; ///< "qemu", "lxc", "node", "storage", "sdn", "pool"
    QString node;
    int vmid = 0;
    QString name;
    QString status; ///< "running", "stopped", "paused" (guests); "online"/"offline" (nodes); "available" (storage)
    std::optional<double> cpu; ///< 0..1 of maxcpu; absent (not 0) when the server did not say
    int maxcpu = 0;
    std::optional<qint64> mem; ///< absent when the server did not say
    qint64 maxmem = 0;
    qint64 disk = 0;
    qint64 maxdisk = 0;
    std::optional<qint64> uptime; ///< seconds; absent when the server did not say
    qint64 netin = 0;
    qint64 netout = 0;
    QStringList tags;
    bool isTemplate = false;
    QString lock;
    QString hastate;
    QString storage;
    /// The entry could not be read (no type, or a guest without vmid and id): kept so that it is counted and
    /// reported, never dropped silently. `problem` says why (English, for the log).
    bool unreadable = false;
    QString problem;

    [[nodiscard]] bool isGuest() const { return type == QLatin1String("qemu") || type == QLatin1String("lxc"); }
};

} // namespace hlc::pve

namespace hlc::pve {

/// A power action on a guest (`POST /nodes/{node}/{qemu|lxc}/{vmid}/status/{action}`).
enum class GuestAction
{
    Start,
    Shutdown,
    Stop,
    Reboot,
    Suspend,
    Resume
};

/// The path segment / audit name of @p a: "start", "shutdown", ...
[[nodiscard]] inline QString guestActionName(GuestAction a)
{
    switch (a) {
    case GuestAction::Start:
        return QStringLiteral("start");
    case GuestAction::Shutdown:
        return QStringLiteral("shutdown");
    case GuestAction::Stop:
        return QStringLiteral("stop");
    case GuestAction::Reboot:
        return QStringLiteral("reboot");
    case GuestAction::Suspend:
        return QStringLiteral("suspend");
    case GuestAction::Resume:
        return QStringLiteral("resume");
    }
    return {};
}

/// GET /nodes/{node}/tasks/{upid}/status.
struct TaskStatus
{
    QString upid;
    QString node;
    QString type; ///< "qmstart", "vzstop", ...
    QString id;   ///< the guest id the task works on
    QString user;
    QString status;     ///< "running" or "stopped"
    QString exitstatus; ///< once stopped: "OK", or the error ("WARNINGS: 1" counts as success with warnings)
    qint64 starttime = 0;

    [[nodiscard]] bool running() const { return status != QLatin1String("stopped"); }
    /// Stopped and successful ("OK" or "WARNINGS: n").
    [[nodiscard]] bool succeeded() const
    {
        return !running() && (exitstatus == QLatin1String("OK") || exitstatus.startsWith(QLatin1String("WARNINGS")));
    }
};

/// One entry of GET /nodes/{node}/tasks: a task of the node's history.
struct TaskEntry
{
    QString upid;
    QString node;
    QString type; ///< "qmstart", "vzdump", ...
    QString id;   ///< the guest id the task works on (may be empty)
    QString user;
    QString status;       ///< finished: "OK", "WARNINGS: n" or the error; empty or "running" while it runs
    qint64 starttime = 0; ///< Unix time
    qint64 endtime = 0;   ///< Unix time; 0 while it runs

    [[nodiscard]] bool finished() const { return !status.isEmpty() && status != QLatin1String("running"); }
    /// Finished with an error (warnings count as success, as TaskStatus::succeeded() has it).
    [[nodiscard]] bool failed() const
    {
        return finished() && status != QLatin1String("OK") && !status.startsWith(QLatin1String("WARNINGS"));
    }
};

/// GET /nodes/{node}/{qemu|lxc}/{vmid}/config: the fields the app reads.
struct GuestConfig
{
    bool onboot = false; ///< started when the node boots (PVE's default: no)
    QString name;        ///< "name" (QEMU) or "hostname" (LXC)
    QString digest;      ///< SHA-1 of the configuration file
};

/// One line of GET /nodes/{node}/tasks/{upid}/log.
struct TaskLogLine
{
    int n = 0;
    QString t;
};

/// One page of GET /nodes/{node}/tasks/{upid}/log and the log's length (PVE sends `total` beside `data`).
struct TaskLogPage
{
    QList<TaskLogLine> lines;
    int total = -1; ///< lines in the whole log; -1 when the server did not say
};

/// POST /access/ticket: a login ticket (valid 2 h) and the CSRF token that writes need.
struct Ticket
{
    QString username;
    QString ticket;
    QString csrfToken;
    QString clusterName;
    /// `NeedTFA: 1`: the account has two-factor authentication and `ticket` is only a half ticket (PVE 7+:
    /// "PVE:!tfa!<challenge>:..."), good for nothing but answering the challenge. Never to be used for requests.
    bool needTfa = false;
    /// The second factors the challenge offers ("totp", "recovery", "webauthn", "yubico", "u2f"); empty when unknown.
    QStringList tfaMethods;
};

/// One entry of GET /cluster/status: the cluster itself (type "cluster") or a node (type "node").
struct ClusterStatusEntry
{
    QString type;
    QString id;
    QString name;
    bool online = false;  ///< nodes only
    bool quorate = false; ///< cluster only
    int nodeid = 0;
    QString ip;
    bool local = false;
};

/// One sample of GET .../rrddata (fields are absent while a node was offline: nullopt).
struct RrdPoint
{
    qint64 time = 0;
    std::optional<double> cpu;
    std::optional<double> mem;
    std::optional<double> maxmem;
    std::optional<double> netin;
    std::optional<double> netout;
};

} // namespace hlc::pve
