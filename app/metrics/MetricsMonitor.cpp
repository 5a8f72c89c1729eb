#include "metrics/MetricsMonitor.h"

#include "core/PollPacer.h"
#include "core/ServiceDirectory.h"
#include "prometheus/PrometheusClient.h"

#include <QLoggingCategory>
#include <QTimer>

#include <cmath>

Q_LOGGING_CATEGORY(lcMetrics, "hlc.app.metrics")

namespace hlc {

using prom::NodeMetric;
namespace nq = prom::nodequeries;

MetricsMonitor::MetricsMonitor(ServiceDirectory* services, QObject* parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_pacer(new PollPacer(m_timer, this))
    , m_callContext(new QObject(this))
{
    m_clock.start();
    for (const HostConfig& h : services->config().hosts) {
        for (const ServiceConfig& s : h.services) {
            if (s.kind != ServiceKind::Prometheus)
                continue;
            const QString key = s.baseUrl.toString(QUrl::StripTrailingSlash);
            Source* src = nullptr;
            for (Source& x : m_sources) {
                if (x.key == key)
                    src = &x;
            }
            if (!src) {
                // Hosts that name the same Prometheus share one query: the client of the first of them.
                Source n;
                n.key = key;
                n.client = services->prometheus(h.id, s.id);
                m_sources.append(n);
                src = &m_sources.last();
            }
            if (!src->hostIds.contains(h.id))
                src->hostIds << h.id;
            QString inst = s.prometheusInstance;
            if (inst.isEmpty())
                inst = h.address + QStringLiteral(":9100");
            m_instances.insert(h.id, inst);
            if (!s.prometheusMatch.isEmpty())
                m_matchers.insert(h.id, s.prometheusMatch);
            break; // one Prometheus per host
        }
    }
    connect(m_timer, &QTimer::timeout, this, &MetricsMonitor::refresh);
}

MetricsMonitor::~MetricsMonitor() = default;

bool MetricsMonitor::hasMetrics(const QString& hostId) const
{
    return m_instances.contains(hostId);
}

QString MetricsMonitor::instanceOf(const QString& hostId) const
{
    return m_instances.value(hostId);
}

prom::Labels MetricsMonitor::matchersOf(const QString& hostId) const
{
    if (const auto it = m_matchers.constFind(hostId); it != m_matchers.cend())
        return *it;
    if (!m_instances.contains(hostId))
        return {};
    return {{QStringLiteral("instance"), m_instances.value(hostId)}};
}

QString MetricsMonitor::selectorOf(const QString& hostId) const
{
    return nq::labelMatchers(matchersOf(hostId));
}

std::optional<double> MetricsMonitor::latest(const QString& hostId, NodeMetric metric) const
{
    const auto it = m_latest.constFind(hostId);
    if (it == m_latest.cend() || !it->contains(int(metric)))
        return std::nullopt;
    return it->value(int(metric));
}

QList<prom::Point> MetricsMonitor::history(const QString& hostId, NodeMetric metric) const
{
    return m_history.value(hostId).value(int(metric));
}

qint64 MetricsMonitor::historySpan(const QString& hostId) const
{
    return m_historySpan.value(hostId, 0);
}

QStringList MetricsMonitor::warnings(const QString& hostId) const
{
    const Source* s = sourceOf(hostId);
    return s ? s->warnings : QStringList();
}

SourceStatus MetricsMonitor::status(const QString& hostId) const
{
    const Source* s = sourceOf(hostId);
    return s ? s->status : SourceStatus{};
}

MetricsMonitor::Source* MetricsMonitor::sourceOf(const QString& hostId)
{
    for (Source& s : m_sources) {
        if (s.hostIds.contains(hostId))
            return &s;
    }
    return nullptr;
}

const MetricsMonitor::Source* MetricsMonitor::sourceOf(const QString& hostId) const
{
    for (const Source& s : m_sources) {
        if (s.hostIds.contains(hostId))
            return &s;
    }
    return nullptr;
}

QString MetricsMonitor::hostOfInstance(const QString& instance) const
{
    for (auto it = m_instances.cbegin(); it != m_instances.cend(); ++it) {
        if (it.value() == instance && !m_matchers.contains(it.key()))
            return it.key();
    }
    return {};
}

QString MetricsMonitor::hostOfSeries(const prom::Labels& labels) const
{
    if (const auto k = nq::hostKeyOfSeries(labels))
        return m_matchers.contains(k->host) ? k->host : QString();
    const auto k = nq::keyOfSeries(labels);
    return k ? hostOfInstance(k->instance) : QString();
}

QString MetricsMonitor::hostOfTarget(const prom::Labels& labels) const
{
    for (auto it = m_matchers.cbegin(); it != m_matchers.cend(); ++it) {
        bool all = true;
        for (auto m = it->cbegin(); m != it->cend() && all; ++m)
            all = labels.value(m.key()) == m.value();
        if (all)
            return it.key();
    }
    return hostOfInstance(labels.value(QStringLiteral("instance")));
}

QString MetricsMonitor::batchQueryOf(const Source& s, int rateWindowSeconds) const
{
    QStringList instances;
    QList<nq::HostSelector> selected;
    for (const QString& h : s.hostIds) {
        if (const auto it = m_matchers.constFind(h); it != m_matchers.cend())
            selected.append(nq::HostSelector{h, *it});
        else
            instances << m_instances.value(h);
    }
    QStringList parts;
    if (!instances.isEmpty())
        parts << nq::batchQuery(nq::all(), instances, rateWindowSeconds);
    if (!selected.isEmpty())
        parts << nq::hostBatchQuery(nq::all(), selected, rateWindowSeconds);
    return parts.join(QStringLiteral(" or "));
}

void MetricsMonitor::start(int intervalMs)
{
    if (m_sources.isEmpty())
        return;
    m_pacer->setIntervalMs(std::max(1000, intervalMs));
    m_timer->start(m_pacer->currentMs());
    refresh();
}

void MetricsMonitor::stop()
{
    m_timer->stop();
    delete m_callContext; // drops the callbacks of calls in flight
    m_callContext = new QObject(this);
    for (Source& s : m_sources) {
        s.pending = 0;
        s.targetsInFlight = false;
        s.historyInFlightSpan = -1;
    }
}

void MetricsMonitor::refresh()
{
    for (Source& s : m_sources) {
        if (s.pending == 0)
            pollSource(s);
    }
}

MetricsMonitor::Source* MetricsMonitor::sourceByKey(const QString& key)
{
    for (Source& x : m_sources) {
        if (x.key == key)
            return &x;
    }
    return nullptr;
}

void MetricsMonitor::pollSource(Source& s)
{
    const QString key = s.key;
    s.failed = false;
    s.status.lastAttempt = QDateTime::currentDateTimeUtc();
    s.pending = 2; // the query + a guard until every request of this poll is issued (a callback may come at once)
    // Every metric of every host of this Prometheus in one request.
    s.client->query(batchQueryOf(s, 60), {}, m_callContext, [this, key](Result<prom::QueryResult> r) {
        Source* src = sourceByKey(key);
        if (!src)
            return;
        if (r.ok() && r.value().warnings != src->warnings) {
            src->warnings = r.value().warnings; // shown with the charts, not dropped
            if (!src->warnings.isEmpty())
                qCInfo(lcMetrics) << "prometheus warnings:" << src->warnings;
            for (const QString& h : std::as_const(src->hostIds))
                emit statusChanged(h);
        }
        if (!r.ok()) {
            src->failed = true;
            src->error = r.error();
        } else if (r.value().type != prom::QueryResult::Type::Vector) {
            src->failed = true;
            src->error.kind = ApiError::Kind::Parse;
            src->error.httpStatus = 200;
            src->error.message =
                tr("Prometheus answered the metrics query with an unexpected result type (not an instant vector).");
            src->error.detail = QStringLiteral("batched node metrics query: result type is not vector");
        } else if (applyLatest(*src, r.value().vector) && !src->targetsInFlight) {
            // A host's series appeared or vanished: its scrape target most likely changed health. Ask now.
            pollTargets(*src);
        }
        if (--src->pending == 0)
            finishPoll(*src);
    });
    const qint64 now = m_clock.elapsed();
    if (!s.targetsInFlight &&
        (s.targetsStale || s.targetsPolledAtMs < 0 || now - s.targetsPolledAtMs >= m_targetsIntervalMs))
        pollTargets(s);
    if (--s.pending == 0)
        finishPoll(s);
}

void MetricsMonitor::pollTargets(Source& s)
{
    const QString key = s.key;
    s.targetsPolledAtMs = m_clock.elapsed();
    s.targetsInFlight = true;
    ++s.pending;
    s.client->targets(m_callContext, [this, key](Result<prom::Targets> r) {
        Source* src = sourceByKey(key);
        if (!src)
            return;
        src->targetsInFlight = false;
        if (!r.ok()) {
            src->failed = true;
            src->error = r.error();
            src->targetsStale = true; // try again on the next refresh
        } else {
            applyTargets(*src, r.value());
        }
        if (--src->pending == 0)
            finishPoll(*src);
    });
}

bool MetricsMonitor::applyLatest(Source& s, const QList<prom::Sample>& vector)
{
    QHash<QString, QHash<int, double>> fresh;
    for (const QString& h : s.hostIds)
        fresh.insert(h, {});
    int ignored = 0;
    for (const prom::Sample& smp : vector) {
        const auto metric = nq::metricOfKey(smp.metric.value(QLatin1String(nq::kMetricLabel)));
        const QString host = metric ? hostOfSeries(smp.metric) : QString();
        if (host.isEmpty() || !fresh.contains(host)) {
            ++ignored; // no or an unknown hlc_metric/hlc_host/instance label: not an answer to our query
            continue;
        }
        if (std::isfinite(smp.point.value))
            fresh[host].insert(int(*metric), smp.point.value);
    }
    if (ignored > 0)
        qCDebug(lcMetrics) << "ignored" << ignored << "series without a known metric or instance from" << s.key;
    // A value the answer lacks (no series for that host, or NaN) becomes unknown rather than stale.
    QSet<QString> withValues;
    for (auto it = fresh.cbegin(); it != fresh.cend(); ++it) {
        m_latest.insert(it.key(), it.value());
        if (!it.value().isEmpty())
            withValues.insert(it.key());
    }
    const bool changed = s.hostsWithValuesKnown && withValues != s.hostsWithValues;
    s.hostsWithValues = withValues;
    s.hostsWithValuesKnown = true;
    return changed;
}

void MetricsMonitor::applyTargets(Source& s, const prom::Targets& targets)
{
    QList<TargetHealth> out;
    for (const TargetHealth& t : std::as_const(m_targets)) {
        if (!s.hostIds.contains(t.hostId) || t.hostId.isEmpty())
            out.append(t); // from other sources
    }
    s.targetsStale = false;
    for (const prom::Target& t : targets.active) {
        TargetHealth h;
        h.job = t.job();
        h.instance = t.instance();
        h.up = t.up();
        h.health = t.health;
        h.lastError = t.lastError;
        h.lastScrape = t.lastScrape;
        h.hostId = hostOfTarget(t.labels);
        if (s.hostIds.contains(h.hostId) && h.health != QLatin1String("up") && h.health != QLatin1String("down"))
            s.targetsStale = true; // not scraped yet (Prometheus just started): ask again on the next refresh
        out.append(h);
    }
    m_targets = out;
    emit targetsUpdated();
}

void MetricsMonitor::finishPoll(Source& s)
{
    const SourceStatus before = s.status;
    if (s.failed) {
        s.status.state = SourceStatus::State::Error;
        s.status.error = s.error;
        qCInfo(lcMetrics) << "prometheus poll failed:" << s.error.detail;
    } else {
        s.status.state = SourceStatus::State::Ok;
        s.status.error = {};
        s.status.lastSuccess = QDateTime::currentDateTimeUtc();
    }
    // Backoff only when no Prometheus answers: one that does keeps the pace.
    bool anyOk = false;
    for (const Source& other : std::as_const(m_sources))
        anyOk = anyOk || other.status.state == SourceStatus::State::Ok;
    m_pacer->pollFinished(anyOk);
    emit latestUpdated();
    if (before.state != s.status.state || before.error.message != s.status.error.message) {
        for (const QString& h : s.hostIds)
            emit statusChanged(h);
    }
}

void MetricsMonitor::fetchHistory(const QString& hostId, qint64 spanSeconds)
{
    Source* s = sourceOf(hostId);
    if (!s)
        return;
    if (s->historyInFlightSpan == spanSeconds)
        return; // its answer fills (and announces) the history of every host of this Prometheus
    if (s->historyDoneSpan == spanSeconds && s->historyDoneAtMs >= 0 &&
        m_clock.elapsed() - s->historyDoneAtMs < kHistoryReuseMs) {
        QTimer::singleShot(0, m_callContext, [this, hostId] { emit historyUpdated(hostId); });
        return;
    }
    s->historyInFlightSpan = spanSeconds;
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addSecs(-spanSeconds);
    const double step = prom::PrometheusClient::stepFor(start, end);
    // rate() needs a window of several scrapes and at least one step so that no sample is skipped.
    const int window = static_cast<int>(std::max(60.0, 2.0 * step));
    const QString key = s->key;
    const int generation = ++s->historyGeneration;
    s->client->queryRange(
        batchQueryOf(*s, window), start, end, step, m_callContext,
        [this, key, generation, spanSeconds](Result<prom::QueryResult> r) {
            QHash<QString, QHash<int, QList<prom::Point>>> data;
            bool failed = false;
            ApiError error;
            if (!r.ok()) {
                failed = true;
                error = r.error();
            } else if (r.value().type != prom::QueryResult::Type::Matrix) {
                failed = true;
                error.kind = ApiError::Kind::Parse;
                error.httpStatus = 200;
                error.message = tr("Prometheus answered the history query with an unexpected result type (not a "
                                   "range vector).");
                error.detail = QStringLiteral("batched node metrics query_range: result type is not matrix");
            } else {
                for (const prom::Series& series : r.value().matrix) {
                    const auto metric = nq::metricOfKey(series.metric.value(QLatin1String(nq::kMetricLabel)));
                    const QString host = metric ? hostOfSeries(series.metric) : QString();
                    if (!host.isEmpty())
                        data[host][int(*metric)] = series.points;
                }
            }
            Source* src = sourceByKey(key);
            if (!src || src->historyGeneration != generation)
                return; // a newer request superseded this one
            src->historyInFlightSpan = -1;
            src->historyDoneSpan = failed ? -1 : spanSeconds;
            src->historyDoneAtMs = m_clock.elapsed();
            for (const QString& h : std::as_const(src->hostIds)) {
                m_history[h] = data.value(h);
                m_historySpan[h] = spanSeconds;
            }
            if (failed) {
                src->status.state = SourceStatus::State::Error;
                src->status.error = error;
            }
            for (const QString& h : std::as_const(src->hostIds)) {
                emit historyUpdated(h);
                if (failed)
                    emit statusChanged(h);
            }
        });
}

} // namespace hlc
