#include "MetricsMonitor.h"

#include "prometheus/PrometheusClient.h"

#include <QLoggingCategory>
#include <QTimer>

#include <cmath>
#include <memory>

Q_LOGGING_CATEGORY(lcMetrics, "hlc.app.metrics")

namespace hlc {

using prom::NodeMetric;
namespace nq = prom::nodequeries;

namespace {
Endpoint endpointOf(const ServiceConfig& s)
{
    Endpoint e;
    e.baseUrl = s.baseUrl;
    e.credentials.scheme = s.auth;
    e.credentials.user = s.user;
    e.timeoutMs = s.timeoutMs;
    e.pinnedSha256 = s.pinnedSha256;
    return e;
}
} // namespace

MetricsMonitor::MetricsMonitor(const Config& config, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
    , m_timer(new QTimer(this))
    , m_callContext(new QObject(this))
{
    for (const HostConfig& h : config.hosts) {
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
                Source n;
                n.key = key;
                n.client = new prom::PrometheusClient(m_nam, endpointOf(s), this);
                m_sources.append(n);
                src = &m_sources.last();
            }
            if (!src->hostIds.contains(h.id))
                src->hostIds << h.id;
            src->services.append({h.id, s.id});
            QString inst = s.prometheusInstance;
            if (inst.isEmpty())
                inst = h.address + QStringLiteral(":9100");
            m_instances.insert(h.id, inst);
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
        if (it.value() == instance)
            return it.key();
    }
    return {};
}

QStringList MetricsMonitor::instancesOf(const Source& s) const
{
    QStringList out;
    for (const QString& h : s.hostIds)
        out << m_instances.value(h);
    return out;
}

void MetricsMonitor::setSecret(const QString& hostId, const QString& serviceId, const QString& secret)
{
    for (Source& s : m_sources) {
        if (!s.services.contains({hostId, serviceId}))
            continue;
        Credentials c = s.client->endpoint().credentials;
        c.secret = secret;
        s.client->api()->setCredentials(c);
    }
}

void MetricsMonitor::start(int intervalMs)
{
    if (m_sources.isEmpty())
        return;
    m_timer->start(std::max(1000, intervalMs));
    refresh();
}

void MetricsMonitor::stop()
{
    m_timer->stop();
    delete m_callContext; // drops the callbacks of calls in flight
    m_callContext = new QObject(this);
    for (Source& s : m_sources)
        s.pending = 0;
}

void MetricsMonitor::refresh()
{
    for (Source& s : m_sources) {
        if (s.pending == 0)
            pollSource(s);
    }
}

void MetricsMonitor::pollSource(Source& s)
{
    const QStringList instances = instancesOf(s);
    const QString key = s.key;
    s.failed = false;
    s.status.lastAttempt = QDateTime::currentDateTimeUtc();
    auto sourceByKey = [this, key]() -> Source* {
        for (Source& x : m_sources) {
            if (x.key == key)
                return &x;
        }
        return nullptr;
    };
    const QList<NodeMetric> metrics = nq::all();
    s.pending = int(metrics.size()) + 1;
    for (NodeMetric m : metrics) {
        s.client->query(nq::query(m, instances), {}, m_callContext,
                        [this, sourceByKey, m](Result<prom::QueryResult> r) {
                            Source* src = sourceByKey();
                            if (!src)
                                return;
                            if (!r.ok()) {
                                src->failed = true;
                                src->error = r.error();
                            } else {
                                for (const prom::Sample& smp : r.value().vector) {
                                    const QString host = hostOfInstance(smp.metric.value(QStringLiteral("instance")));
                                    if (!host.isEmpty() && std::isfinite(smp.point.value))
                                        m_latest[host].insert(int(m), smp.point.value);
                                }
                            }
                            if (--src->pending == 0)
                                finishPoll(*src);
                        });
    }
    s.client->targets(m_callContext, [this, sourceByKey](Result<prom::Targets> r) {
        Source* src = sourceByKey();
        if (!src)
            return;
        if (!r.ok()) {
            src->failed = true;
            src->error = r.error();
        } else {
            QList<TargetHealth> out;
            for (const TargetHealth& t : std::as_const(m_targets)) {
                if (!src->hostIds.contains(t.hostId) || t.hostId.isEmpty())
                    out.append(t); // from other sources
            }
            for (const prom::Target& t : r.value().active) {
                TargetHealth h;
                h.job = t.job();
                h.instance = t.instance();
                h.up = t.up();
                h.health = t.health;
                h.lastError = t.lastError;
                h.lastScrape = t.lastScrape;
                h.hostId = hostOfInstance(h.instance);
                out.append(h);
            }
            m_targets = out;
            emit targetsUpdated();
        }
        if (--src->pending == 0)
            finishPoll(*src);
    });
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
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addSecs(-spanSeconds);
    const double step = prom::PrometheusClient::stepFor(start, end);
    // rate() needs a window of several scrapes and at least one step so that no sample is skipped.
    const int window = static_cast<int>(std::max(60.0, 2.0 * step));
    const QStringList instances = instancesOf(*s);
    const QString key = s->key;
    const int generation = ++s->historyGeneration;
    struct Batch
    {
        int pending = 0;
        QHash<QString, QHash<int, QList<prom::Point>>> data;
        bool failed = false;
        ApiError error;
    };
    auto batch = std::make_shared<Batch>();
    const QList<NodeMetric> metrics = nq::all();
    batch->pending = int(metrics.size());
    for (NodeMetric m : metrics) {
        s->client->queryRange(nq::query(m, instances, window), start, end, step, m_callContext,
                              [this, batch, m, key, generation, spanSeconds](Result<prom::QueryResult> r) {
                                  if (!r.ok()) {
                                      batch->failed = true;
                                      batch->error = r.error();
                                  } else {
                                      for (const prom::Series& series : r.value().matrix) {
                                          const QString host =
                                              hostOfInstance(series.metric.value(QStringLiteral("instance")));
                                          if (!host.isEmpty())
                                              batch->data[host][int(m)] = series.points;
                                      }
                                  }
                                  if (--batch->pending > 0)
                                      return;
                                  Source* src = nullptr;
                                  for (Source& x : m_sources) {
                                      if (x.key == key)
                                          src = &x;
                                  }
                                  if (!src || src->historyGeneration != generation)
                                      return; // a newer request superseded this one
                                  for (const QString& h : std::as_const(src->hostIds)) {
                                      m_history[h] = batch->data.value(h);
                                      m_historySpan[h] = spanSeconds;
                                  }
                                  if (batch->failed) {
                                      src->status.state = SourceStatus::State::Error;
                                      src->status.error = batch->error;
                                  }
                                  for (const QString& h : std::as_const(src->hostIds)) {
                                      emit historyUpdated(h);
                                      if (batch->failed)
                                          emit statusChanged(h);
                                  }
                              });
    }
}

} // namespace hlc
