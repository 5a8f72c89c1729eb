#pragma once

#include <QList>
#include <QObject>
#include <QRandomGenerator>
#include <QString>

#include <array>
#include <optional>

class QTimer;

namespace hlc::sim {

/// A Proxmox host as the simulator models it. Sizes in bytes, times in seconds, cpu as a fraction 0..1.
struct SimNode
{
    QString name;    ///< PVE node name, e.g. "pve-thinkpad"
    QString hostId;  ///< "host-a", "host-b"
    QString cluster; ///< the PVE cluster it is a node of (one API for all its nodes); empty: a standalone host
    QString ip;
    bool online = true;
    int cpus = 1; ///< logical threads
    int cores = 1;
    int sockets = 1;
    QString cpuModel;
    QString cpuMhz; ///< as PVE reports it, a string like "1900.000"
    double cpu = 0.0;
    double iowait = 0.0;
    std::array<double, 3> loadavg{0.0, 0.0, 0.0};
    qint64 memTotal = 0;
    qint64 memUsed = 0;
    qint64 swapTotal = 0;
    qint64 swapUsed = 0;
    qint64 ksmShared = 0;
    qint64 diskTotal = 0; ///< root filesystem
    qint64 diskUsed = 0;
    qint64 uptime = 0;
    QString pveVersion;  ///< pve-manager version, e.g. "8.3.0"
    QString pveRepoid;   ///< short git revision of pve-manager
    QString kernel;      ///< kernel release, e.g. "6.8.12-4-pve"
    QString kernelBuild; ///< e.g. "#1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z)"
    QString gpuModel;    ///< empty: none
    qint64 gpuMemTotal = 0;

    // simulation parameters
    double baseCpu = 0.02;    ///< the host's own load without guests
    qint64 baseMem = 0;       ///< the host's own memory use without guests
    qint64 initialUptime = 0; ///< uptime when the simulation (or the last boot) began
    double bootAt = 0.0;      ///< simulated time of the last boot
};

/// A VM ("qemu") or container ("lxc").
struct SimGuest
{
    int vmid = 0;
    QString node;
    QString type; ///< "qemu" or "lxc"
    QString name;
    QString status;      ///< "running", "stopped" or "paused"
    bool frozen = false; ///< LXC suspended: PVE still reports "running", the processes do nothing
    QString tags;        ///< PVE form: ";"-separated
    int cpus = 1;
    double cpu = 0.0; ///< fraction of its own cpus
    qint64 maxmem = 0;
    qint64 mem = 0;
    qint64 maxdisk = 0;
    qint64 disk = 0;
    qint64 uptime = 0;
    qint64 netin = 0; ///< bytes since start
    qint64 netout = 0;
    qint64 diskread = 0;
    qint64 diskwrite = 0;
    bool onboot = true;
    bool isTemplate = false;
    QString lock;    ///< config lock ("backup", "migrate", "snapshot", "suspended" = hibernated, ...), empty: none
    QString hostpci; ///< passed-through PCI device, e.g. "0000:01:00.0" (GPU)

    // simulation parameters
    double baseCpu = 0.05;
    double cpuAmplitude = 0.05;
    double periodSec = 300.0;
    double phase = 0.0;
    double memFraction = 0.5;    ///< typical share of maxmem in use
    double netInRate = 10'000.0; ///< bytes/s on average
    double netOutRate = 10'000.0;
    double diskRate = 20'000.0;
    qint64 initialUptime = 0;
    double bootAt = 0.0;
};

/// A storage of a node ("local", "local-lvm").
struct SimStorage
{
    QString node;
    QString storage;
    QString plugintype; ///< "dir", "lvmthin", ...
    QString content;    ///< "backup,vztmpl,iso"
    bool shared = false;
    qint64 total = 0;
    qint64 used = 0;
};

/**
 * @brief The stateful homelab behind every simulated service: nodes, guests, storages and their metrics.
 *
 * Metrics are smooth deterministic functions of the simulated time plus a little seeded noise; tick() advances
 * the time by one step. Services (ProxmoxSim, later Portainer, Prometheus, ...) read from here and change state
 * through the mutators, so every API shows the same homelab.
 */
class SimHomelab final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimHomelab)
public:
    explicit SimHomelab(QObject* parent = nullptr);
    ~SimHomelab() override;

    /// The two hosts of HOMELAB-ARCHITECTURE.md with their guests, metrics already computed once.
    static SimHomelab* createSeeded(QObject* parent = nullptr);

    void addNode(const SimNode& node);
    void addGuest(const SimGuest& guest);
    void addStorage(const SimStorage& storage);

    [[nodiscard]] QList<SimNode> nodes() const { return m_nodes; }
    [[nodiscard]] QList<SimGuest> guests() const { return m_guests; }
    [[nodiscard]] QList<SimGuest> guests(const QString& node) const;
    [[nodiscard]] QList<SimStorage> storages() const { return m_storages; }
    [[nodiscard]] std::optional<SimNode> node(const QString& name) const;
    [[nodiscard]] std::optional<SimGuest> guest(int vmid) const;

    /// The pve-manager version @p node reports (e.g. "7.4-17" for the old-servers mode) and its repository id.
    void setPveVersion(const QString& node, const QString& version, const QString& repoid);
    /// A node going offline freezes its metrics; coming back online is a reboot (uptimes restart at 0).
    void setNodeOnline(const QString& name, bool online);
    /// "running", "stopped" or "paused", or a QEMU run state ("prelaunch", "io-error", "internal-error",
    /// "suspended") that /cluster/resources reports as the status and status/current as qmpstatus. Starting resets
    /// uptime and traffic counters. False: unknown vmid/status.
    bool setGuestStatus(int vmid, const QString& status);
    /// Sets the guest's `onboot` (started when its node boots). False: no guest.
    bool setGuestOnboot(int vmid, bool onboot);
    /// Sets the guest's config lock as a backup, migration or hibernation would; empty clears it. False: no guest.
    bool setGuestLock(int vmid, const QString& lock);
    /// Freezes (LXC suspend) or thaws (resume) a container; its status stays what PVE reports: "running".
    bool setGuestFrozen(int vmid, bool frozen);

    /// Computes every metric for the current simulated time without advancing it (after adding nodes and guests).
    void settle() { recompute(0.0); }

    /// Simulated seconds since the start.
    [[nodiscard]] double elapsed() const { return m_elapsed; }
    /// Seconds one tick() advances (default 1).
    void setTickSeconds(double seconds) { m_tickSeconds = seconds; }
    /// Drives tick() from a timer every @p intervalMs of wall time.
    void startTicking(int intervalMs = 1000);
    void stopTicking();

public slots:
    void tick();
    void advance(double seconds);

signals:
    void ticked();
    void nodeOnlineChanged(const QString& node, bool online);
    void guestStatusChanged(int vmid, const QString& status);

private:
    void recompute(double dt);
    [[nodiscard]] double noise(double amplitude);
    [[nodiscard]] SimNode* findNode(const QString& name);

    QList<SimNode> m_nodes;
    QList<SimGuest> m_guests;
    QList<SimStorage> m_storages;
    double m_elapsed = 0.0;
    double m_tickSeconds = 1.0;
    QRandomGenerator m_rng{0x484c43u}; // fixed seed: the same ticks give the same numbers
    QTimer* m_timer = nullptr;
};

} // namespace hlc::sim
