#include "core/StartupTiming.h"

#include "agents/AgentRunner.h"
#include "agents/LlmMonitor.h"
#include "core/Homelab.h"
#include "guests/GuestInventory.h"
#include "guests/HostMonitor.h"
#include "home/AdGuardMonitor.h"
#include "home/HealthProber.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeServices.h"
#include "metrics/AlertCenter.h"
#include "metrics/MetricsMonitor.h"

#include <QDateTime>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>

namespace hlc::timing {

namespace {

constexpr int kPollMs = 25;
constexpr qint64 kGiveUpMs = 60000;

/// One data source: when did it first answer? Returns the time of its first success (epoch ms), or -1.
struct Probe
{
    QString name;
    std::function<qint64()> firstData;
};

qint64 epochOf(const SourceStatus& s)
{
    return s.hasData() ? s.lastSuccess.toMSecsSinceEpoch() : -1;
}

QList<Probe> probesOf(const Homelab* homelab)
{
    QList<Probe> out;
    for (const HostMonitor* h : homelab->hosts()) {
        const QString id = h->hostId();
        if (h->proxmoxService()) {
            out.append({QStringLiteral("proxmox/") + id, [h] { return epochOf(h->proxmoxStatus()); }});
        }
        if (const GuestInventory* inv = homelab->inventory(id)) {
            if (inv->hasProxmox())
                out.append({QStringLiteral("guests/") + id, [inv] { return epochOf(inv->guestsStatus()); }});
            if (inv->hasPortainer())
                out.append({QStringLiteral("portainer/") + id, [inv] { return epochOf(inv->portainerStatus()); }});
        }
        if (const MetricsMonitor* m = homelab->metrics(); m && m->hasMetrics(id))
            out.append({QStringLiteral("metrics/") + id, [m, id] { return epochOf(m->status(id)); }});
    }
    if (const AlertCenter* a = homelab->alerts(); a && a->isConfigured())
        out.append({QStringLiteral("alerts"), [a] { return epochOf(a->status()); }});
    if (const LlmMonitor* l = homelab->llm()) {
        if (l->hasOllama())
            out.append({QStringLiteral("ollama"), [l] { return epochOf(l->ollamaStatus()); }});
        if (l->hasPrometheus())
            out.append({QStringLiteral("gpu"), [l] { return epochOf(l->gpuStatus()); }});
    }
    if (const AgentRunner* r = homelab->agents(); r && r->isConfigured()) {
        // No SourceStatus: the first non-empty agent list counts, at the time it is seen (within kPollMs).
        out.append({QStringLiteral("agents"),
                    [r] { return r->agents().isEmpty() ? qint64(-1) : QDateTime::currentMSecsSinceEpoch(); }});
    }
    if (const HomeServices* home = homelab->home()) {
        for (const AdGuardMonitor* g : home->adGuards())
            out.append({QStringLiteral("adguard/") + g->hostId(), [g] { return epochOf(g->sourceStatus()); }});
        for (const HomeAssistantLink* ha : home->homeAssistants())
            out.append({QStringLiteral("homeassistant/") + ha->hostId(), [ha] { return epochOf(ha->sourceStatus()); }});
        if (const HealthProber* health = home->health()) {
            for (const QString& id : health->hostIds()) {
                if (health->results(id).isEmpty())
                    continue;
                // A host's health panel is complete when every probe has an answer: the last one's time.
                out.append({QStringLiteral("health/") + id, [health, id] {
                                qint64 last = -1;
                                for (const ProbeResult& r : health->results(id)) {
                                    if (r.state == ProbeResult::State::Unknown || !r.checkedAt.isValid())
                                        return qint64(-1);
                                    last = std::max(last, r.checkedAt.toMSecsSinceEpoch());
                                }
                                return last;
                            }});
            }
        }
    }
    return out;
}

void print(const QString& line)
{
    std::fprintf(stderr, "%s\n", qPrintable(line));
    std::fflush(stderr);
}

} // namespace

bool enabled()
{
    return qEnvironmentVariableIntValue("HLC_TIMING") == 1;
}

void watch(Homelab* homelab, qint64 mainStartEpochMs)
{
    print(QStringLiteral("timing: main %1").arg(mainStartEpochMs));
    auto probes = std::make_shared<QList<Probe>>(probesOf(homelab));
    auto seen = std::make_shared<QList<qint64>>(probes->size(), -1);
    auto* timer = new QTimer(homelab);
    timer->setInterval(kPollMs);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, probes, seen, mainStartEpochMs] {
        qint64 latest = 0;
        QStringList missing;
        for (qsizetype i = 0; i < probes->size(); ++i) {
            if ((*seen)[i] < 0) {
                const qint64 t = (*probes)[i].firstData();
                if (t >= 0) {
                    (*seen)[i] = t;
                    print(QStringLiteral("first data: %1 %2").arg((*probes)[i].name).arg(t - mainStartEpochMs));
                }
            }
            if ((*seen)[i] < 0)
                missing << (*probes)[i].name;
            else
                latest = std::max(latest, (*seen)[i] - mainStartEpochMs);
        }
        if (missing.isEmpty()) {
            print(QStringLiteral("all panels: %1").arg(latest));
            timer->stop();
            timer->deleteLater();
        } else if (QDateTime::currentMSecsSinceEpoch() - mainStartEpochMs > kGiveUpMs) {
            print(QStringLiteral("all panels: missing %1").arg(missing.join(QLatin1Char(' '))));
            timer->stop();
            timer->deleteLater();
        }
    });
    timer->start();
}

} // namespace hlc::timing
