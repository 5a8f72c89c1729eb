#pragma once

#include "core/Config.h"
#include "core/SourceStatus.h"
#include "prometheus/NodeQueries.h"
#include "prometheus/PrometheusTypes.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <algorithm>

class QTimer;

namespace hlc {
class PollPacer;
}

namespace hlc {

class ServiceDirectory;

class ApiCall;
namespace prom {
class PrometheusClient;
}

/// Scrape health of one Prometheus target.
struct TargetHealth
{
    QString job;
    QString instance;
    bool up = false;
    QString health; ///< "up", "down", "unknown"
    QString lastError;
    QDateTime lastScrape;
    QString hostId; ///< the configured host this target's labels select (prometheusMatch or instance); may be empty
};

/**
 * @brief Node metrics of every host from Prometheus: the latest values (polled), history for charts (on request)
 * and scrape target health.
 *
 * A host takes part when it has a service of kind Prometheus; its node_exporter is the series whose `instance`
 * label equals ServiceConfig::prometheusInstance (default: "<host address>:9100"), or, when the service has
 * ServiceConfig::prometheusMatch (e.g. `job="node-exporter-hostA"`, as real setups name a scrape job per host), the
 * series carrying every one of those labels. Hosts served by the same Prometheus are batched: each refresh sends ONE
 * instant query for every metric of all of them (prom::nodequeries::batchQuery() for the hosts matched by instance,
 * `or` hostBatchQuery() for those matched by labels), and a history fetch ONE range query. Scrape target health changes
 * rarely: it is polled on the first refresh, then every targetsIntervalMs(), and at once when a host's series vanish
 * from or return to the answer (its node_exporter went down or came back), and again while a target was not scraped
 * yet.
 */
class MetricsMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsMonitor)
public:
    /// Takes the configured Prometheus services and their clients from @p services.
    explicit MetricsMonitor(ServiceDirectory* services, QObject* parent = nullptr);
    ~MetricsMonitor() override;

    /// Whether host @p hostId has a Prometheus service.
    [[nodiscard]] bool hasMetrics(const QString& hostId) const;
    /// The node_exporter instance label of @p hostId (as configured; may be empty for a host matched by labels).
    [[nodiscard]] QString instanceOf(const QString& hostId) const;
    /// The labels that select @p hostId's series: its prometheusMatch, or {instance: instanceOf()}.
    [[nodiscard]] prom::Labels matchersOf(const QString& hostId) const;
    /// matchersOf() as PromQL matchers for people (`job="node-exporter-hostA"`).
    [[nodiscard]] QString selectorOf(const QString& hostId) const;
    /// Latest value of @p metric for @p hostId (nullopt: not known).
    [[nodiscard]] std::optional<double> latest(const QString& hostId, prom::NodeMetric metric) const;
    /// History of @p metric for @p hostId from the last fetchHistory() of that host.
    [[nodiscard]] QList<prom::Point> history(const QString& hostId, prom::NodeMetric metric) const;
    /// The span (seconds) the current history covers for @p hostId; 0 before any fetch.
    [[nodiscard]] qint64 historySpan(const QString& hostId) const;
    [[nodiscard]] QList<TargetHealth> targets() const { return m_targets; }
    /// Health of the Prometheus serving @p hostId.
    [[nodiscard]] SourceStatus status(const QString& hostId) const;
    /// The `warnings` of the last metrics answer for @p hostId's Prometheus (the data came, but e.g. partial or
    /// with dropped series); empty when it had none.
    [[nodiscard]] QStringList warnings(const QString& hostId) const;

    /// Default minimum time between two polls of /api/v1/targets.
    static constexpr int kTargetsIntervalMs = 30000;
    /// A history answer this fresh is handed to another host of the same Prometheus instead of a new query.
    static constexpr int kHistoryReuseMs = 5000;
    [[nodiscard]] int targetsIntervalMs() const { return m_targetsIntervalMs; }
    /// Polls /api/v1/targets on a refresh only when the last poll is at least @p ms old (0: on every refresh).
    void setTargetsIntervalMs(int ms) { m_targetsIntervalMs = std::max(0, ms); }

    void start(int intervalMs);
    /// The pace of the metric polls: slower while every Prometheus fails, or while the window is closed to the tray.
    [[nodiscard]] PollPacer* pacer() const { return m_pacer; }
    void stop();
    void refresh();

    /**
     * Fetches the last @p spanSeconds of every metric for the hosts on @p hostId's Prometheus (one batched
     * query_range, step from PrometheusClient::stepFor()); emits historyUpdated() for each host when it arrived.
     * One answer serves every host of that Prometheus: a call while a query of the same span is in flight joins it,
     * and a call within kHistoryReuseMs of such an answer gets it again (historyUpdated() for @p hostId only), so the
     * 20 host cards of a 20-node homelab cost one query, not 20.
     */
    void fetchHistory(const QString& hostId, qint64 spanSeconds);

signals:
    void latestUpdated();
    void targetsUpdated();
    void historyUpdated(const QString& hostId);
    void statusChanged(const QString& hostId);

private:
    struct Source
    {
        prom::PrometheusClient* client = nullptr;
        QString key; ///< base URL
        QStringList hostIds;
        SourceStatus status;
        int pending = 0;
        bool failed = false;
        ApiError error;
        QStringList warnings; ///< of the last batched metrics answer
        int historyGeneration = 0;
        qint64 historyInFlightSpan = -1; ///< span of the query in flight (the newest; -1: none)
        qint64 historyDoneSpan = -1;     ///< span of the last answer applied (-1: none yet)
        qint64 historyDoneAtMs = -1;     ///< m_clock time of that answer
        qint64 targetsPolledAtMs = -1;   ///< m_clock time of the last targets poll; -1: never
        bool targetsInFlight = false;
        bool targetsStale = false;         ///< poll the targets on the next refresh (failed, or health unknown)
        QSet<QString> hostsWithValues;     ///< hosts with at least one value in the last answer
        bool hostsWithValuesKnown = false; ///< false before the first answer
    };

    void pollSource(Source& s);
    void finishPoll(Source& s);
    void pollTargets(Source& s);
    [[nodiscard]] Source* sourceByKey(const QString& key);
    /// Replaces the latest values of @p s's hosts with the batched answer @p vector (missing: unknown). True when
    /// the set of hosts that have any value changed since the last answer (a node_exporter went away or came back).
    bool applyLatest(Source& s, const QList<prom::Sample>& vector);
    void applyTargets(Source& s, const prom::Targets& targets);
    [[nodiscard]] Source* sourceOf(const QString& hostId);
    [[nodiscard]] const Source* sourceOf(const QString& hostId) const;
    [[nodiscard]] QString hostOfInstance(const QString& instance) const;
    /// The host of @p s whose series @p labels is (a batched answer's hlc_host, else its instance); empty if none.
    [[nodiscard]] QString hostOfSeries(const prom::Labels& labels) const;
    /// The host whose matchers all hold in @p labels (a scrape target's), else the one with its instance.
    [[nodiscard]] QString hostOfTarget(const prom::Labels& labels) const;
    /// The batched query for every metric of @p s's hosts.
    [[nodiscard]] QString batchQueryOf(const Source& s, int rateWindowSeconds) const;

    QList<Source> m_sources;
    QHash<QString, QString> m_instances;     ///< hostId -> instance
    QHash<QString, prom::Labels> m_matchers; ///< hostId -> prometheusMatch, for hosts matched by labels only
    QHash<QString, QHash<int, double>> m_latest;
    QHash<QString, QHash<int, QList<prom::Point>>> m_history;
    QHash<QString, qint64> m_historySpan;
    QList<TargetHealth> m_targets;
    QTimer* m_timer;
    PollPacer* m_pacer;
    QElapsedTimer m_clock;
    int m_targetsIntervalMs = kTargetsIntervalMs;
    QObject* m_callContext; ///< parent of in-flight calls' context: deleting it drops their callbacks
};

} // namespace hlc
