#include "SimHomelab.h"

#include <QTimer>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hlc::sim {

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;

double wave(double t, double period, double phase)
{
    return 0.5 + 0.5 * std::sin(2.0 * std::numbers::pi * t / period + phase);
}

SimGuest makeGuest(int vmid, const QString& node, const QString& type, const QString& name, const QString& status,
                   const QString& tags, int cpus, qint64 maxmem, qint64 maxdisk, double diskFill)
{
    SimGuest g;
    g.vmid = vmid;
    g.node = node;
    g.type = type;
    g.name = name;
    g.status = status;
    g.tags = tags;
    g.cpus = cpus;
    g.maxmem = maxmem;
    g.maxdisk = maxdisk;
    g.disk = static_cast<qint64>(static_cast<double>(maxdisk) * diskFill);
    g.phase = vmid * 0.7;
    g.periodSec = 240.0 + (vmid % 7) * 45.0;
    g.diskRate = 12'000.0 + (vmid % 13) * 3'500.0;
    return g;
}

/// How busy a running guest is: cpu = base + amplitude * wave, memory share, average traffic in bytes/s.
void setLoad(SimGuest& g, double baseCpu, double amplitude, double memFraction, double netIn, double netOut)
{
    g.baseCpu = baseCpu;
    g.cpuAmplitude = amplitude;
    g.memFraction = memFraction;
    g.netInRate = netIn;
    g.netOutRate = netOut;
}

} // namespace

SimHomelab::SimHomelab(QObject* parent)
    : QObject(parent)
{}

SimHomelab::~SimHomelab() = default;

SimHomelab* SimHomelab::createSeeded(QObject* parent)
{
    auto* lab = new SimHomelab(parent);

    // Host A: ThinkPad T480s, the low-power always-on services host.
    SimNode a;
    a.name = QStringLiteral("pve-thinkpad");
    a.hostId = QStringLiteral("host-a");
    a.ip = QStringLiteral("192.168.16.7");
    a.cpus = 8;
    a.cores = 4;
    a.sockets = 1;
    a.cpuModel = QStringLiteral("Intel(R) Core(TM) i5-8350U CPU @ 1.70GHz");
    a.cpuMhz = QStringLiteral("1896.012");
    a.memTotal = 16'634'765'312; // 16 GiB minus firmware reservations, as the kernel reports it
    a.swapTotal = 8 * GiB;
    a.swapUsed = 212 * MiB;
    a.ksmShared = 402 * MiB;
    a.diskTotal = 100'861'726'720; // pve/root LV on the 512 GB NVMe
    a.diskUsed = 14'215'028'736;
    a.pveVersion = QStringLiteral("8.3.0");
    a.pveRepoid = QStringLiteral("c1689ccb1065a83b");
    a.kernel = QStringLiteral("6.8.12-4-pve");
    a.kernelBuild = QStringLiteral("#1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z)");
    a.baseCpu = 0.03;
    a.baseMem = 1'900 * MiB;
    a.initialUptime = 12 * 86400 + 4 * 3600 + 17 * 60;
    lab->addNode(a);

    // Host B: the Ryzen build with the GTX 1080, for compute-heavy work.
    SimNode b;
    b.name = QStringLiteral("pve-ryzen");
    b.hostId = QStringLiteral("host-b");
    b.ip = QStringLiteral("192.168.17.1");
    b.cpus = 16;
    b.cores = 8;
    b.sockets = 1;
    b.cpuModel = QStringLiteral("AMD Ryzen 7 5800X 8-Core Processor");
    b.cpuMhz = QStringLiteral("3800.000");
    b.memTotal = 33'539'624'960;
    b.swapTotal = 8 * GiB;
    b.swapUsed = 0;
    b.ksmShared = 0;
    b.diskTotal = 100'861'726'720;
    b.diskUsed = 18'904'317'952;
    b.pveVersion = QStringLiteral("8.3.0");
    b.pveRepoid = QStringLiteral("c1689ccb1065a83b");
    b.kernel = QStringLiteral("6.8.12-4-pve");
    b.kernelBuild = a.kernelBuild;
    b.gpuModel = QStringLiteral("NVIDIA GeForce GTX 1080");
    b.gpuMemTotal = 8 * GiB;
    b.baseCpu = 0.02;
    b.baseMem = 2'600 * MiB;
    b.initialUptime = 3 * 86400 + 7 * 3600 + 42 * 60;
    lab->addNode(b);

    const QString running = QStringLiteral("running");
    const QString stopped = QStringLiteral("stopped");
    const QString qemu = QStringLiteral("qemu");
    const QString lxc = QStringLiteral("lxc");

    SimGuest g = makeGuest(100, a.name, qemu, QStringLiteral("docker-core"), running,
                           QStringLiteral("docker;portainer;traefik"), 4, 8 * GiB, 64 * GiB, 0.46);
    setLoad(g, 0.12, 0.14, 0.71, 420'000, 610'000);
    g.initialUptime = a.initialUptime - 95;
    lab->addGuest(g);
    g = makeGuest(101, a.name, qemu, QStringLiteral("homeassistant"), running, QStringLiteral("haos;iot"), 2, 4 * GiB,
                  32 * GiB, 0.38);
    setLoad(g, 0.05, 0.04, 0.62, 35'000, 28'000);
    g.initialUptime = a.initialUptime - 110;
    lab->addGuest(g);
    g = makeGuest(200, a.name, lxc, QStringLiteral("adguard"), running, QStringLiteral("dns;network"), 1, 512 * MiB,
                  8 * GiB, 0.31);
    setLoad(g, 0.02, 0.03, 0.34, 60'000, 75'000);
    g.initialUptime = a.initialUptime - 60;
    lab->addGuest(g);
    g = makeGuest(201, a.name, lxc, QStringLiteral("mqtt"), running, QStringLiteral("iot;mqtt"), 1, 512 * MiB, 4 * GiB,
                  0.22);
    setLoad(g, 0.01, 0.01, 0.09, 8'000, 9'500);
    g.initialUptime = a.initialUptime - 62;
    lab->addGuest(g);
    g = makeGuest(202, a.name, lxc, QStringLiteral("backup"), stopped, QStringLiteral("backup;restic"), 2, 2 * GiB,
                  16 * GiB, 0.54);
    g.onboot = false;
    lab->addGuest(g);

    g = makeGuest(110, b.name, qemu, QStringLiteral("docker-gpu"), running, QStringLiteral("docker;media"), 6, 12 * GiB,
                  256 * GiB, 0.63);
    setLoad(g, 0.10, 0.25, 0.58, 2'400'000, 1'300'000);
    g.diskRate = 900'000;
    g.initialUptime = b.initialUptime - 130;
    lab->addGuest(g);
    g = makeGuest(111, b.name, qemu, QStringLiteral("ollama"), running, QStringLiteral("ai;gpu"), 8, 12 * GiB,
                  200 * GiB, 0.41);
    setLoad(g, 0.04, 0.35, 0.66, 50'000, 120'000);
    g.hostpci = QStringLiteral("0000:0a:00.0");
    g.initialUptime = b.initialUptime - 145;
    lab->addGuest(g);
    g = makeGuest(210, b.name, lxc, QStringLiteral("postgres"), running, QStringLiteral("database;postgres"), 4,
                  4 * GiB, 64 * GiB, 0.27);
    setLoad(g, 0.06, 0.08, 0.52, 150'000, 330'000);
    g.initialUptime = b.initialUptime - 70;
    lab->addGuest(g);
    g = makeGuest(211, b.name, lxc, QStringLiteral("redis"), running, QStringLiteral("cache;redis"), 2, 1 * GiB,
                  8 * GiB, 0.12);
    setLoad(g, 0.02, 0.03, 0.28, 90'000, 95'000);
    g.initialUptime = b.initialUptime - 72;
    lab->addGuest(g);
    g = makeGuest(112, b.name, qemu, QStringLiteral("win11-test"), stopped, QStringLiteral("test;windows"), 4, 8 * GiB,
                  128 * GiB, 0.0);
    g.onboot = false;
    lab->addGuest(g);

    for (const SimNode& n : {a, b}) {
        lab->addStorage({n.name, QStringLiteral("local"), QStringLiteral("dir"), QStringLiteral("backup,iso,vztmpl"),
                         false, n.diskTotal, n.diskUsed});
        qint64 thinUsed = 0;
        for (const SimGuest& guest : lab->guests(n.name))
            thinUsed += guest.disk;
        const qint64 thinTotal = n.name == a.name ? 348'160 * MiB : 1'716'224 * MiB;
        lab->addStorage({n.name, QStringLiteral("local-lvm"), QStringLiteral("lvmthin"),
                         QStringLiteral("images,rootdir"), false, thinTotal, thinUsed});
    }

    lab->recompute(0.0);
    return lab;
}

void SimHomelab::addNode(const SimNode& node)
{
    m_nodes.append(node);
    m_nodes.last().bootAt = m_elapsed;
}

void SimHomelab::addGuest(const SimGuest& guest)
{
    m_guests.append(guest);
    m_guests.last().bootAt = m_elapsed;
}

void SimHomelab::addStorage(const SimStorage& storage)
{
    m_storages.append(storage);
}

QList<SimGuest> SimHomelab::guests(const QString& node) const
{
    QList<SimGuest> out;
    for (const SimGuest& g : m_guests) {
        if (g.node == node)
            out.append(g);
    }
    return out;
}

std::optional<SimNode> SimHomelab::node(const QString& name) const
{
    for (const SimNode& n : m_nodes) {
        if (n.name == name)
            return n;
    }
    return std::nullopt;
}

std::optional<SimGuest> SimHomelab::guest(int vmid) const
{
    for (const SimGuest& g : m_guests) {
        if (g.vmid == vmid)
            return g;
    }
    return std::nullopt;
}

SimNode* SimHomelab::findNode(const QString& name)
{
    for (SimNode& n : m_nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

void SimHomelab::setNodeOnline(const QString& name, bool online)
{
    SimNode* n = findNode(name);
    if (!n || n->online == online)
        return;
    n->online = online;
    if (online) { // a reboot: uptimes and counters start over, onboot guests come up
        n->initialUptime = 0;
        n->bootAt = m_elapsed;
        for (SimGuest& g : m_guests) {
            if (g.node != name)
                continue;
            g.status = g.onboot ? QStringLiteral("running") : QStringLiteral("stopped");
            g.initialUptime = 0;
            g.bootAt = m_elapsed;
            g.netin = g.netout = g.diskread = g.diskwrite = 0;
        }
    }
    recompute(0.0);
    emit nodeOnlineChanged(name, online);
}

bool SimHomelab::setGuestStatus(int vmid, const QString& status)
{
    if (status != QLatin1String("running") && status != QLatin1String("stopped") && status != QLatin1String("paused"))
        return false;
    for (SimGuest& g : m_guests) {
        if (g.vmid != vmid)
            continue;
        if (g.status == status)
            return true;
        if (g.status == QLatin1String("stopped") && status == QLatin1String("running")) {
            g.initialUptime = 0;
            g.bootAt = m_elapsed;
            g.netin = g.netout = g.diskread = g.diskwrite = 0;
        }
        g.status = status;
        if (status == QLatin1String("stopped"))
            g.frozen = false;
        recompute(0.0);
        emit guestStatusChanged(vmid, status);
        return true;
    }
    return false;
}

bool SimHomelab::setGuestFrozen(int vmid, bool frozen)
{
    for (SimGuest& g : m_guests) {
        if (g.vmid != vmid)
            continue;
        g.frozen = frozen;
        recompute(0.0);
        return true;
    }
    return false;
}

void SimHomelab::startTicking(int intervalMs)
{
    if (!m_timer) {
        m_timer = new QTimer(this);
        connect(m_timer, &QTimer::timeout, this, &SimHomelab::tick);
    }
    m_timer->start(intervalMs);
}

void SimHomelab::stopTicking()
{
    if (m_timer)
        m_timer->stop();
}

void SimHomelab::tick()
{
    advance(m_tickSeconds);
}

void SimHomelab::advance(double seconds)
{
    if (seconds <= 0.0)
        return;
    m_elapsed += seconds;
    recompute(seconds);
    emit ticked();
}

double SimHomelab::noise(double amplitude)
{
    return (m_rng.generateDouble() * 2.0 - 1.0) * amplitude;
}

void SimHomelab::recompute(double dt)
{
    const double t = m_elapsed;
    for (SimNode& n : m_nodes) {
        if (!n.online)
            continue; // frozen; the APIs report it offline
        double busyThreads = n.baseCpu * n.cpus;
        qint64 mem = n.baseMem;
        for (SimGuest& g : m_guests) {
            if (g.node != n.name)
                continue;
            if (g.status == QLatin1String("paused") || g.frozen) { // memory stays allocated, nothing runs
                g.cpu = 0.0;
                g.uptime = g.initialUptime + static_cast<qint64>(t - g.bootAt);
                mem += g.mem;
                continue;
            }
            if (g.status != QLatin1String("running")) {
                g.cpu = 0.0;
                g.mem = 0;
                g.uptime = 0;
                g.netin = g.netout = g.diskread = g.diskwrite = 0;
                continue;
            }
            const double w = wave(t, g.periodSec, g.phase);
            g.cpu = std::clamp(g.baseCpu + g.cpuAmplitude * w + noise(0.01), 0.0, 1.0);
            const double memShare = g.memFraction + 0.06 * (wave(t, g.periodSec * 3.0, g.phase) - 0.5) + noise(0.004);
            g.mem = static_cast<qint64>(static_cast<double>(g.maxmem) * std::clamp(memShare, 0.02, 0.98));
            g.uptime = g.initialUptime + static_cast<qint64>(t - g.bootAt);
            if (g.netin == 0 && g.netout == 0) { // counters since boot: seed with the traffic of the uptime so far
                g.netin = static_cast<qint64>(g.netInRate * static_cast<double>(g.uptime));
                g.netout = static_cast<qint64>(g.netOutRate * static_cast<double>(g.uptime));
                g.diskread = static_cast<qint64>(g.diskRate * 0.7 * static_cast<double>(g.uptime));
                g.diskwrite = static_cast<qint64>(g.diskRate * 0.3 * static_cast<double>(g.uptime));
            }
            const double activity = 0.5 + w;
            g.netin += static_cast<qint64>(g.netInRate * activity * dt * (1.0 + noise(0.1)));
            g.netout += static_cast<qint64>(g.netOutRate * activity * dt * (1.0 + noise(0.1)));
            g.diskread += static_cast<qint64>(g.diskRate * 0.7 * activity * dt);
            g.diskwrite += static_cast<qint64>(g.diskRate * 0.3 * activity * dt);
            busyThreads += g.cpu * g.cpus;
            mem += g.type == QLatin1String("qemu") ? g.mem + 180 * MiB : g.mem; // qemu process overhead
        }
        n.cpu = std::clamp(busyThreads / n.cpus + noise(0.005), 0.0, 1.0);
        n.memUsed = std::min<qint64>(mem, n.memTotal * 95 / 100);
        n.iowait = std::clamp(0.004 + 0.01 * wave(t, 600.0, 1.3) + noise(0.001), 0.0, 1.0);
        n.uptime = n.initialUptime + static_cast<qint64>(t - n.bootAt);
        // load averages follow the busy threads with the kernel's 1/5/15 minute smoothing
        const double load = n.cpu * n.cpus * (1.0 + n.iowait);
        const std::array<double, 3> windows{60.0, 300.0, 900.0};
        for (int i = 0; i < 3; ++i) {
            if (n.loadavg[i] == 0.0) {
                // First sample: as if the load had been climbing lately, so 1, 5 and 15 min differ like on a real box.
                n.loadavg[i] = load * (1.0 - 0.12 * i);
                continue;
            }
            const double alpha = dt <= 0.0 ? 0.0 : 1.0 - std::exp(-dt / windows[i]);
            n.loadavg[i] += alpha * (load - n.loadavg[i]);
        }
        n.swapUsed = std::clamp<qint64>(n.swapUsed + static_cast<qint64>(noise(64.0 * KiB)), 0, n.swapTotal);
        n.diskUsed += static_cast<qint64>(dt * 2'000.0); // logs grow
    }
    for (SimStorage& s : m_storages) {
        if (s.plugintype == QLatin1String("dir")) {
            if (const SimNode* n = findNode(s.node))
                s.used = n->diskUsed;
        }
    }
}

} // namespace hlc::sim
