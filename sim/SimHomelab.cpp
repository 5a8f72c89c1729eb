#include "SimHomelab.h"

#include "SimSeedData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace hlc::sim {

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;

double wave(double t, double period, double phase)
{
    return 0.5 + 0.5 * std::sin(2.0 * std::numbers::pi * t / period + phase);
}

QString text(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString();
}

qint64 integer(const QJsonObject& o, const char* key, qint64 fallback = 0)
{
    return o.value(QLatin1String(key)).toInteger(fallback);
}

double number(const QJsonObject& o, const char* key, double fallback)
{
    return o.value(QLatin1String(key)).toDouble(fallback);
}

SimNode nodeFrom(const QJsonObject& o)
{
    SimNode n;
    n.name = text(o, "name");
    n.hostId = text(o, "hostId");
    n.ip = text(o, "ip");
    n.cpus = static_cast<int>(integer(o, "cpus", n.cpus));
    n.cores = static_cast<int>(integer(o, "cores", n.cores));
    n.sockets = static_cast<int>(integer(o, "sockets", n.sockets));
    n.cpuModel = text(o, "cpuModel");
    n.cpuMhz = text(o, "cpuMhz");
    n.memTotal = integer(o, "memTotal");
    n.swapTotal = integer(o, "swapTotal");
    n.swapUsed = integer(o, "swapUsed");
    n.ksmShared = integer(o, "ksmShared");
    n.diskTotal = integer(o, "diskTotal");
    n.diskUsed = integer(o, "diskUsed");
    n.pveVersion = text(o, "pveVersion");
    n.pveRepoid = text(o, "pveRepoid");
    n.kernel = text(o, "kernel");
    n.kernelBuild = text(o, "kernelBuild");
    n.gpuModel = text(o, "gpuModel");
    n.gpuMemTotal = integer(o, "gpuMemTotal");
    n.baseCpu = number(o, "baseCpu", n.baseCpu);
    n.baseMem = integer(o, "baseMem");
    n.initialUptime = integer(o, "initialUptime");
    return n;
}

/// A guest of the seed. Its rhythm (phase, period, disk traffic) follows from its vmid, so every guest differs
/// without a number per guest; "load" says how busy it is while running (cpu = base + amplitude * wave, memory
/// share, average traffic in bytes/s).
SimGuest guestFrom(const QJsonObject& o)
{
    SimGuest g;
    g.vmid = static_cast<int>(integer(o, "vmid"));
    g.node = text(o, "node");
    g.type = text(o, "type");
    g.name = text(o, "name");
    g.status = text(o, "status");
    g.tags = text(o, "tags");
    g.cpus = static_cast<int>(integer(o, "cpus", g.cpus));
    g.maxmem = integer(o, "maxmem");
    g.maxdisk = integer(o, "maxdisk");
    g.disk = static_cast<qint64>(static_cast<double>(g.maxdisk) * number(o, "diskFill", 0.0));
    g.phase = g.vmid * 0.7;
    g.periodSec = 240.0 + (g.vmid % 7) * 45.0;
    g.diskRate = number(o, "diskRate", 12'000.0 + (g.vmid % 13) * 3'500.0);
    const QJsonObject load = o.value(QLatin1String("load")).toObject();
    g.baseCpu = number(load, "baseCpu", g.baseCpu);
    g.cpuAmplitude = number(load, "cpuAmplitude", g.cpuAmplitude);
    g.memFraction = number(load, "memFraction", g.memFraction);
    g.netInRate = number(load, "netInRate", g.netInRate);
    g.netOutRate = number(load, "netOutRate", g.netOutRate);
    g.onboot = o.value(QLatin1String("onboot")).toBool(g.onboot);
    g.hostpci = text(o, "hostpci");
    g.initialUptime = integer(o, "initialUptime");
    return g;
}

} // namespace

SimHomelab::SimHomelab(QObject* parent)
    : QObject(parent)
{}

SimHomelab::~SimHomelab() = default;

SimHomelab* SimHomelab::createSeeded(QObject* parent)
{
    auto* lab = new SimHomelab(parent);
    // The hosts, guests and storages are the seed data file sim/data/homelab.json.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(seedData(QStringLiteral("homelab.json")), &error);
    if (!doc.isObject())
        qFatal("The simulator's seed data homelab.json is not a JSON object: %s", qPrintable(error.errorString()));
    const QJsonObject seed = doc.object();
    for (const QJsonValue& n : seed.value(QLatin1String("nodes")).toArray())
        lab->addNode(nodeFrom(n.toObject()));
    for (const QJsonValue& g : seed.value(QLatin1String("guests")).toArray())
        lab->addGuest(guestFrom(g.toObject()));
    for (const QJsonValue& v : seed.value(QLatin1String("storages")).toArray()) {
        const QJsonObject o = v.toObject();
        SimStorage s{text(o, "node"),
                     text(o, "storage"),
                     text(o, "plugintype"),
                     text(o, "content"),
                     o.value(QLatin1String("shared")).toBool(),
                     integer(o, "total"),
                     integer(o, "used")};
        // A thin pool without "used" holds the disks of the node's guests.
        if (!o.contains(QLatin1String("used"))) {
            for (const SimGuest& guest : lab->guests(s.node))
                s.used += guest.disk;
        }
        lab->addStorage(s);
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
    // running/stopped/paused, plus the QEMU run states real servers report through qmpstatus
    static const QStringList known = {QStringLiteral("running"),  QStringLiteral("stopped"),
                                      QStringLiteral("paused"),   QStringLiteral("prelaunch"),
                                      QStringLiteral("io-error"), QStringLiteral("internal-error"),
                                      QStringLiteral("suspended")};
    if (!known.contains(status))
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

void SimHomelab::setPveVersion(const QString& node, const QString& version, const QString& repoid)
{
    if (SimNode* n = findNode(node)) {
        n->pveVersion = version;
        n->pveRepoid = repoid;
    }
}

bool SimHomelab::setGuestOnboot(int vmid, bool onboot)
{
    for (SimGuest& g : m_guests) {
        if (g.vmid != vmid)
            continue;
        g.onboot = onboot;
        return true;
    }
    return false;
}

bool SimHomelab::setGuestLock(int vmid, const QString& lock)
{
    for (SimGuest& g : m_guests) {
        if (g.vmid != vmid)
            continue;
        g.lock = lock;
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
