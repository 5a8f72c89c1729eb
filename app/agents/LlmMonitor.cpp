#include "agents/LlmMonitor.h"

#include "core/ActionJournal.h"
#include "core/PollPacer.h"
#include "core/ServiceDirectory.h"
#include "gpu/GpuMetrics.h"
#include "ollama/OllamaClient.h"
#include "prometheus/PrometheusClient.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcLlm, "hlc.app.llm")

namespace hlc {

using namespace hlc::ollama;

namespace {
void markOk(SourceStatus& s)
{
    s.state = SourceStatus::State::Ok;
    s.error = {};
    s.lastSuccess = s.lastAttempt = QDateTime::currentDateTimeUtc();
}

void markError(SourceStatus& s, const ApiError& e)
{
    s.state = SourceStatus::State::Error;
    s.error = e;
    s.lastAttempt = QDateTime::currentDateTimeUtc();
}
} // namespace

LlmMonitor::LlmMonitor(ServiceDirectory* services, ActionJournal* journal, QObject* parent)
    : QObject(parent)
    , m_config(services->config())
    , m_journal(journal)
    , m_timer(new QTimer(this))
    , m_pacer(new PollPacer(m_timer, this))
{
    for (const HostConfig& h : m_config.hosts) {
        for (const ServiceConfig& s : h.services) {
            if (s.kind == ServiceKind::Ollama && !m_ollama) {
                m_ollamaHost = h.id;
                m_ollamaService = s.id;
                m_ollama = services->ollama(h.id, s.id);
            } else if (s.kind == ServiceKind::Prometheus && !m_prom) {
                m_promHost = h.id;
                m_promService = s.id;
                m_prom = services->prometheus(h.id, s.id);
            }
        }
    }
    // A secret read (or typed in) after the first poll: poll again with it.
    connect(services, &ServiceDirectory::secretApplied, this, [this](const QString& hostId, const QString& serviceId) {
        if ((hostId == m_ollamaHost && serviceId == m_ollamaService) ||
            (hostId == m_promHost && serviceId == m_promService))
            refresh();
    });
    connect(m_timer, &QTimer::timeout, this, &LlmMonitor::refresh);
}

LlmMonitor::~LlmMonitor() = default;

void LlmMonitor::start(int intervalMs)
{
    m_pacer->setIntervalMs(std::max(500, intervalMs));
    m_timer->start(m_pacer->currentMs());
    refresh();
}

void LlmMonitor::stop()
{
    m_timer->stop();
}

void LlmMonitor::refresh()
{
    pollOllama();
    pollGpus();
    ++m_polls;
}

void LlmMonitor::updatePace()
{
    using State = SourceStatus::State;
    if (m_ollamaStatus.state == State::Ok || m_gpuStatus.state == State::Ok)
        m_pacer->pollFinished(true);
    else if (m_ollamaStatus.state == State::Error || m_gpuStatus.state == State::Error)
        m_pacer->pollFinished(false);
}

void LlmMonitor::pollOllama()
{
    if (!m_ollama || m_psCall)
        return;
    if (m_version.isEmpty() || m_polls % 30 == 0) {
        m_ollama->version(this, [this](Result<QString> r) {
            m_versionAnswered = r.ok();
            if (r)
                m_version = r.value();
        });
    }
    if (m_installed.isEmpty() || m_polls % 15 == 0) {
        m_ollama->tags(this, [this](Result<QList<InstalledModel>> r) {
            m_tagsAnswered = r.ok();
            if (r) {
                m_installed = r.value();
                emit ollamaUpdated();
            }
        });
    }
    m_psCall = m_ollama->ps(this, [this](Result<QList<LoadedModel>> r) {
        if (r) {
            m_loaded = r.value();
            markOk(m_ollamaStatus);
        } else {
            ApiError e = r.error();
            if (e.kind == ApiError::Kind::Auth && m_versionAnswered && m_tagsAnswered)
                e.message = tr("Ollama answers /api/version and /api/tags, but not /api/ps: %1").arg(e.message);
            markError(m_ollamaStatus, e);
        }
        updatePace();
        emit ollamaUpdated();
    });
}

void LlmMonitor::pollGpus()
{
    if (!m_prom || m_gpuCall)
        return;
    m_gpuCall = m_prom->query(gpu::prometheusQuery(), {}, this, [this](Result<prom::QueryResult> r) {
        if (!r) {
            // The last values stay (stale); the history gets no point for this poll.
            markError(m_gpuStatus, r.error());
            updatePace();
            emit gpusUpdated();
            return;
        }
        QList<gpu::MetricSample> samples;
        for (const prom::Sample& s : r.value().vector)
            samples << gpu::MetricSample{s.metric.value(QStringLiteral("__name__")), s.metric, s.point.value};
        m_gpus = gpu::fromSamples(samples);
        markOk(m_gpuStatus);
        updatePace();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const gpu::GpuStats& g : std::as_const(m_gpus)) {
            QList<GpuPoint>& h = m_history[g.key()];
            h.append({now, g.utilization, g.memoryUsedBytes, g.memoryTotalBytes, g.temperatureC, g.powerWatts});
            while (h.size() > kHistoryPoints)
                h.removeFirst();
        }
        emit gpusUpdated();
        if (!m_backfilled && !m_gpus.isEmpty())
            backfillHistory();
    });
}

void LlmMonitor::backfillHistory()
{
    m_backfilled = true;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addSecs(-kBackfillSeconds);
    const double step = std::max(5.0, double(kBackfillSeconds) / 180.0);
    m_prom->queryRange(gpu::prometheusHistoryQuery(), start, end, step, this, [this](Result<prom::QueryResult> r) {
        if (!r) {
            qCDebug(lcLlm) << "GPU history not available:" << r.error().detail;
            return;
        }
        // Samples per timestamp, then the same grouping as the live values.
        QMap<qint64, QList<gpu::MetricSample>> byTime;
        for (const prom::Series& s : r.value().matrix) {
            const QString name = s.metric.value(QStringLiteral("__name__"));
            for (const prom::Point& p : s.points)
                byTime[qint64(p.time * 1000)].append(gpu::MetricSample{name, s.metric, p.value});
        }
        QHash<QString, QList<GpuPoint>> past;
        for (auto it = byTime.cbegin(); it != byTime.cend(); ++it) {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(it.key(), Qt::UTC);
            for (const gpu::GpuStats& g : gpu::fromSamples(it.value())) {
                if (!g.utilization && !g.memoryUsedBytes && !g.temperatureC && !g.powerWatts)
                    continue;
                past[g.key()].append(
                    {t, g.utilization, g.memoryUsedBytes, g.memoryTotalBytes, g.temperatureC, g.powerWatts});
            }
        }
        for (auto it = past.begin(); it != past.end(); ++it) {
            QList<GpuPoint>& live = m_history[it.key()];
            const QDateTime firstLive = live.isEmpty() ? QDateTime() : live.first().time;
            QList<GpuPoint> merged;
            for (GpuPoint p : std::as_const(it.value())) {
                if (firstLive.isValid() && p.time >= firstLive)
                    break;
                if (p.memoryTotalBytes.value_or(0.0) <= 0 && !live.isEmpty())
                    p.memoryTotalBytes = live.first().memoryTotalBytes;
                merged << p;
            }
            merged << live;
            while (merged.size() > kHistoryPoints)
                merged.removeFirst();
            live = merged;
        }
        emit gpusUpdated();
    });
}

QString LlmMonitor::hostOf(const gpu::GpuStats& g) const
{
    const QString h = g.host.toLower();
    for (const HostConfig& hc : m_config.hosts) {
        if (hc.id.toLower() == h || hc.name.toLower() == h || hc.address.toLower() == h)
            return hc.id;
        for (const ServiceConfig& s : hc.services) {
            if (!s.prometheusInstance.isEmpty() && gpu::hostOfInstance(s.prometheusInstance).toLower() == h)
                return hc.id;
        }
    }
    return {};
}

QList<gpu::GpuStats> LlmMonitor::gpusOfHost(const QString& hostId) const
{
    QList<gpu::GpuStats> out;
    for (const gpu::GpuStats& g : m_gpus) {
        if (hostOf(g) == hostId)
            out << g;
    }
    return out;
}

void LlmMonitor::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

ActionTarget LlmMonitor::modelTarget(const QString& model) const
{
    ActionTarget t;
    t.hostId = m_ollamaHost;
    t.service = ServiceKind::Ollama;
    t.kind = ActionTarget::Kind::Model;
    t.id = model;
    return t;
}

void LlmMonitor::unload(const QString& model)
{
    if (!m_ollama || m_busy)
        return;
    setBusy(true);
    const ActionJournal::Entry entry = m_journal->begin(modelTarget(model), QStringLiteral("unload"));
    m_ollama->unload(model, this, [this, model, entry](Result<GenerateResult> r) {
        setBusy(false);
        const QString message = r ? tr("%1 unloaded: its memory is free.").arg(model)
                                  : tr("%1 not unloaded: %2").arg(model, r.error().message);
        m_journal->finish(entry, r ? ActionJournal::Outcome::ok(tr("Model %1 unloaded").arg(model), message)
                                   : ActionJournal::Outcome::failed(r.error().message,
                                                                    tr("Model %1 not unloaded").arg(model), message));
        emit actionFinished(r.ok(), message);
        m_psCall = nullptr;
        pollOllama();
        pollGpus();
    });
}

void LlmMonitor::measureSpeed(const QString& model)
{
    if (!m_ollama || m_busy)
        return;
    setBusy(true);
    const ActionJournal::Entry entry = m_journal->begin(modelTarget(model), QStringLiteral("measure speed"));
    // Up to 2 minutes: the first generation loads the model from disk.
    m_ollama->generate(
        model, QStringLiteral("In one sentence: what is a homelab?"), 64, 120000, this,
        [this, model, entry](Result<GenerateResult> r) {
            setBusy(false);
            QString message;
            ActionJournal::Outcome o;
            if (r && !r.value().hasTimings()) {
                // An answer without eval_duration is no measurement: never "0.0 tokens/s"
                message = tr("%1 answered, but the server did not report timings (no eval_duration): the speed "
                             "cannot be measured on this server.")
                              .arg(model);
                o = ActionJournal::Outcome::failed(QStringLiteral("no timings in the answer"),
                                                   tr("Speed of %1").arg(model), message);
                m_journal->finish(entry, o);
                emit actionFinished(false, message);
                m_psCall = nullptr;
                pollOllama();
                return;
            }
            if (r) {
                const double tps = r.value().tokensPerSecond();
                message = tr("%1: %2 tokens/s (%n tokens in %3 s, load %4 s)", nullptr,
                             static_cast<int>(std::min<qint64>(r.value().evalCount, INT_MAX)))
                              .arg(model)
                              .arg(tps, 0, 'f', 1)
                              .arg(double(r.value().evalDuration) / 1e9, 0, 'f', 2)
                              .arg(double(r.value().loadDuration) / 1e9, 0, 'f', 2);
                o = ActionJournal::Outcome::ok(tr("Speed of %1").arg(model), message);
                o.severity = Notification::Severity::Info;
                o.detail = QStringLiteral("%1 tokens/s (%2 tokens)").arg(tps, 0, 'f', 1).arg(r.value().evalCount);
                emit speedMeasured(model, tps, r.value());
            } else {
                message = tr("Speed of %1 not measured: %2").arg(model, r.error().message);
                o = ActionJournal::Outcome::failed(r.error().message, tr("Speed of %1").arg(model), message);
            }
            m_journal->finish(entry, o);
            emit actionFinished(r.ok(), message);
            m_psCall = nullptr;
            pollOllama();
        });
}

} // namespace hlc
