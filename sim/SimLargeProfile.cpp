#include "SimLargeProfile.h"

#include "SimDocker.h"
#include "SimHomelab.h"
#include "SimPrometheus.h"

#include <QDateTime>
#include <QPointer>
#include <QRandomGenerator>

#include <iterator>
#include <memory>

namespace hlc::sim::large {

namespace {

constexpr qint64 GiB = 1024LL * 1024 * 1024;

/// What runs in the guests and containers: realistic names, cycled.
const char* const kGuestRoles[] = {"web",   "db",    "cache", "worker", "ci",  "mail", "dns",   "proxy",
                                   "media", "build", "mon",   "backup", "vpn", "git",  "queue", "search"};
const char* const kStackKinds[] = {"shop", "blog", "wiki", "crm", "metrics", "logs", "chat", "files", "auth", "api"};
const char* const kServices[] = {"app", "db", "redis", "worker", "nginx", "cron", "exporter", "sidecar", "ui", "api"};
const char* const kImages[] = {
    "nginx:1.27.3", "postgres:16.4",      "redis:7.4-alpine",          "node:22-alpine", "python:3.12-slim",
    "traefik:v3.2", "grafana/loki:3.2.1", "prom/node-exporter:v1.8.2", "busybox:1.37",   "golang:1.23-alpine"};

} // namespace

QString clusterName(int cluster)
{
    return cluster == 0 ? QStringLiteral("alpha") : QStringLiteral("beta");
}

QString hostId(int cluster, int index)
{
    const QChar letter = cluster == 0 ? QLatin1Char('a') : QLatin1Char('b');
    if (index == 0)
        return QStringLiteral("host-") + letter;
    return QStringLiteral("host-%1%2").arg(letter).arg(index + 1, 2, 10, QLatin1Char('0'));
}

SimHomelab* createHomelab(QObject* parent)
{
    auto* lab = new SimHomelab(parent);
    QRandomGenerator rng(0x4c41524bu); // "LARK": the same homelab on every start
    int vmid = 100;
    for (int c = 0; c < kClusters; ++c) {
        for (int i = 0; i < kNodesPerCluster; ++i) {
            SimNode n;
            n.name = QStringLiteral("pve-%1%2")
                         .arg(c == 0 ? QLatin1Char('a') : QLatin1Char('b'))
                         .arg(i + 1, 2, 10, QLatin1Char('0'));
            n.hostId = hostId(c, i);
            n.cluster = clusterName(c);
            n.ip = QStringLiteral("10.20.%1.%2").arg(c).arg(11 + i);
            n.cpus = 64;
            n.cores = 32;
            n.sockets = 2;
            n.cpuModel = QStringLiteral("AMD EPYC 7543 32-Core Processor");
            n.cpuMhz = QStringLiteral("2800.000");
            n.memTotal = 512 * GiB;
            n.swapTotal = 8 * GiB;
            n.diskTotal = 200 * GiB;
            n.diskUsed = static_cast<qint64>((20 + rng.bounded(40)) * GiB);
            n.pveVersion = QStringLiteral("8.3.0");
            n.pveRepoid = QStringLiteral("c1689ccb1065a83b");
            n.kernel = QStringLiteral("6.8.12-4-pve");
            n.kernelBuild = QStringLiteral("#1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z)");
            if (c == 1 && i == 0) {
                n.gpuModel = QStringLiteral("NVIDIA RTX A6000");
                n.gpuMemTotal = 48 * GiB;
            }
            n.baseCpu = 0.02;
            n.baseMem = 6 * GiB;
            n.initialUptime = 86400 * (10 + rng.bounded(80));
            lab->addNode(n);
            qint64 thinUsed = 0;
            for (int g = 0; g < kGuestsPerNode; ++g, ++vmid) {
                SimGuest guest;
                guest.vmid = vmid;
                guest.node = n.name;
                guest.type = g % 3 == 0 ? QStringLiteral("lxc") : QStringLiteral("qemu");
                const char* role = kGuestRoles[(vmid * 7) % std::size(kGuestRoles)];
                guest.name = QStringLiteral("%1-%2").arg(QLatin1String(role)).arg(vmid);
                guest.status = rng.bounded(10) == 0 ? QStringLiteral("stopped") : QStringLiteral("running");
                guest.tags = QStringLiteral("%1;%2").arg(clusterName(c), QLatin1String(role));
                guest.cpus = 1 << rng.bounded(4);
                guest.maxmem = static_cast<qint64>(1 << rng.bounded(5)) * GiB;
                guest.maxdisk = static_cast<qint64>(8 << rng.bounded(5)) * GiB;
                guest.disk =
                    static_cast<qint64>(static_cast<double>(guest.maxdisk) * (0.1 + rng.generateDouble() * 0.7));
                guest.onboot = rng.bounded(5) != 0;
                guest.baseCpu = 0.01 + rng.generateDouble() * 0.15;
                guest.cpuAmplitude = rng.generateDouble() * 0.2;
                guest.memFraction = 0.2 + rng.generateDouble() * 0.6;
                guest.netInRate = 1'000.0 + rng.generateDouble() * 200'000.0;
                guest.netOutRate = 1'000.0 + rng.generateDouble() * 200'000.0;
                guest.phase = vmid * 0.7;
                guest.periodSec = 240.0 + (vmid % 7) * 45.0;
                guest.diskRate = 12'000.0 + (vmid % 13) * 3'500.0;
                guest.initialUptime = guest.status == QLatin1String("running") ? 3600 * (1 + rng.bounded(2000)) : 0;
                thinUsed += guest.disk;
                lab->addGuest(guest);
            }
            lab->addStorage({n.name, QStringLiteral("local"), QStringLiteral("dir"),
                             QStringLiteral("backup,iso,vztmpl"), false, n.diskTotal, n.diskUsed});
            lab->addStorage({n.name, QStringLiteral("local-lvm"), QStringLiteral("lvmthin"),
                             QStringLiteral("images,rootdir"), false, 8192 * GiB, thinUsed});
        }
        // One shared storage per cluster, as a Ceph or NFS pool would be (each node reports it).
        for (int i = 0; i < kNodesPerCluster; ++i) {
            const QString node = QStringLiteral("pve-%1%2")
                                     .arg(c == 0 ? QLatin1Char('a') : QLatin1Char('b'))
                                     .arg(i + 1, 2, 10, QLatin1Char('0'));
            lab->addStorage({node, QStringLiteral("ceph-%1").arg(clusterName(c)), QStringLiteral("rbd"),
                             QStringLiteral("images,rootdir"), true, 65536 * GiB, 21000 * GiB});
        }
    }
    lab->settle();
    return lab;
}

SimDocker* createDocker(int endpointId, QObject* parent)
{
    auto* d = new SimDocker(endpointId, parent);
    QRandomGenerator rng(0x444f434bu + static_cast<quint32>(endpointId)); // "DOCK" + environment
    const qint64 t0 = QDateTime::currentSecsSinceEpoch();
    const int perStack = kContainersPerEnvironment / kStacksPerEnvironment;
    for (int s = 0; s < kStacksPerEnvironment; ++s) {
        SimStack st;
        st.id = endpointId * 1000 + s + 1;
        st.name = QStringLiteral("%1-%2")
                      .arg(QLatin1String(kStackKinds[s % std::size(kStackKinds)]))
                      .arg(s + 1, 2, 10, QLatin1Char('0'));
        st.endpointId = endpointId;
        st.status = s % 25 == 24 ? 2 : 1; // two inactive stacks per environment
        st.created = t0 - 86400 * 60 - s * 3600;
        st.updated = t0 - 86400 * 2 - s * 600;
        d->addStack(st);
        for (int k = 0; k < perStack; ++k) {
            SimContainer c;
            c.stack = st.name;
            c.name = QStringLiteral("%1-%2-%3")
                         .arg(st.name, QLatin1String(kServices[k % std::size(kServices)]))
                         .arg(k / std::size(kServices) + 1);
            c.id = SimDocker::idFor(QStringLiteral("env%1/%2").arg(endpointId).arg(c.name));
            c.image = QLatin1String(kImages[(s + k) % std::size(kImages)]);
            if (st.status == 2) {
                c.state = QStringLiteral("exited");
            } else {
                const quint32 r = rng.bounded(100);
                c.state = r < 3 ? QStringLiteral("exited") : QStringLiteral("running");
                if (r >= 3 && r < 33)
                    c.health = r < 30 ? QStringLiteral("healthy") : QStringLiteral("unhealthy");
            }
            c.created = t0 - 86400 * 30 - rng.bounded(86400);
            c.startedAt = c.state == QLatin1String("running") ? t0 - 3600 - rng.bounded(86400 * 5) : 0;
            c.finishedAt = c.state == QLatin1String("exited") ? t0 - 600 - rng.bounded(86400) : 0;
            c.exitCode = c.state == QLatin1String("exited") && st.status == 1 ? 1 : 0;
            d->addContainer(c);
        }
    }
    return d;
}

void installChurn(SimHomelab* lab, const QList<SimDocker*>& dockers)
{
    struct State
    {
        QRandomGenerator rng{0x4348524eu}; // "CHRN"
        qint64 steps = 0;                  // churn steps done: one per kChurnSeconds of simulated time
    };
    auto state = std::make_shared<State>();
    QList<QPointer<SimDocker>> docks;
    for (SimDocker* d : dockers)
        docks.append(d);
    QObject::connect(lab, &SimHomelab::ticked, lab, [lab, state, docks] {
        const auto due = static_cast<qint64>(lab->elapsed() / kChurnSeconds);
        while (state->steps < due) {
            ++state->steps;
            const QList<SimGuest> guests = lab->guests();
            for (int i = 0; i < kGuestsChurned && !guests.isEmpty(); ++i) {
                const SimGuest& g =
                    guests.at(static_cast<qsizetype>(state->rng.bounded(static_cast<quint32>(guests.size()))));
                lab->setGuestStatus(g.vmid, g.status == QLatin1String("running") ? QStringLiteral("stopped")
                                                                                 : QStringLiteral("running"));
            }
            for (int i = 0; i < kContainersChurned && !docks.isEmpty(); ++i) {
                SimDocker* d = docks.at(i % docks.size());
                if (!d)
                    continue;
                const QList<SimContainer> all = d->containers();
                const SimContainer& c =
                    all.at(static_cast<qsizetype>(state->rng.bounded(static_cast<quint32>(all.size()))));
                d->containerAction(c.id, QStringLiteral("restart"));
            }
        }
    });
}

void installAlerts(SimPrometheus* prometheus, const QStringList& instances)
{
    constexpr int kRing = 1000; // label sets the window moves over
    SimAlertRule rule;
    rule.name = QStringLiteral("ServiceDegraded");
    rule.query = QStringLiteral("probe_success{job=\"blackbox\"} == 0 or service_latency_seconds:p99 > 2");
    rule.annotations = {{QStringLiteral("summary"), QStringLiteral("A service answers slowly or not at all")},
                        {QStringLiteral("description"),
                         QStringLiteral("The blackbox probe of the service failed or its p99 latency is above 2 s.")}};
    rule.active = [instances](double t) {
        QList<PromSample> out;
        out.reserve(kActiveAlerts);
        const auto first = static_cast<int>(t / kAlertShiftSeconds);
        for (int k = 0; k < kActiveAlerts; ++k) {
            const int i = (first + k) % kRing;
            PromSample s;
            s.labels = {
                {QStringLiteral("instance"), instances.isEmpty() ? QString() : instances.at(i % instances.size())},
                {QStringLiteral("service"), QStringLiteral("svc-%1").arg(i, 4, 10, QLatin1Char('0'))},
                {QStringLiteral("severity"), i % 5 == 0 ? QStringLiteral("info") : QStringLiteral("warning")}};
            s.value = 1.0 + (i % 7);
            out.append(s);
        }
        return out;
    };
    prometheus->addAlertRule(rule);
}

} // namespace hlc::sim::large
