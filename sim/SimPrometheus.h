#pragma once

#include "SimHttpServer.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QString>

#include <functional>
#include <optional>

namespace hlc::sim {

class SimHomelab;
struct SimNode;

/// One element of an instant vector the simulated Prometheus returns: a label set and a value.
struct PromSample
{
    QMap<QString, QString> labels;
    double value = 0.0;
};

/**
 * @brief An alerting rule of the simulated Prometheus.
 *
 * The sim cannot evaluate PromQL: `active` decides, for the simulated time (SimHomelab::elapsed()), which label
 * sets are currently active; each returned sample becomes one alert (rule labels + sample labels, value = sample
 * value). `query` is only shown (GET /api/v1/rules). There is no `for:` pending phase: active means firing.
 */
struct SimAlertRule
{
    QString group = QStringLiteral("homelab");
    QString name;                       ///< alertname
    QString query;                      ///< PromQL as it would be written, for display
    QMap<QString, QString> labels;      ///< e.g. severity
    QMap<QString, QString> annotations; ///< summary, description ({{ $labels.x }} is not expanded: write it out)
    std::function<QList<PromSample>(double simSeconds)> active;
};

/// An alert the simulated Prometheus has firing now (what it would push to Alertmanager).
struct SimPromAlert
{
    QMap<QString, QString> labels; ///< incl. alertname
    QMap<QString, QString> annotations;
    QDateTime activeAt; ///< UTC, when it started firing
    double value = 0.0;
};

/**
 * @brief The Prometheus HTTP API (`/api/v1/...`) of the demo homelab: one Prometheus scraping every node's
 * node_exporter, served from a SimHomelab.
 *
 * Routes: GET|POST /api/v1/query, GET|POST /api/v1/query_range, GET /api/v1/targets, /api/v1/alerts, /api/v1/rules,
 * /api/v1/status/buildinfo, GET|POST /api/v1/series (`match[]` required), GET /api/v1/label/{name}/values (optional
 * `match[]`) over knownSeries(); each node is scraped as the seed's job for it (jobOf()). Shapes follow
 * prometheus/openapi_3.1_golden.yaml; errors use the envelope
 * `{"status":"error","errorType":"bad_data","error":...}` with HTTP 400 like the real server (missing query,
 * unparsable time, end before start, step <= 0, more than 11,000 points per series).
 *
 * PromQL is not evaluated. Instead a query is answered by the most recently added *query handler* whose pattern
 * matches it (QRegularExpression::match anywhere in the query text; anchor with ^...$ for exact forms). A query no
 * handler matches gives an empty vector, as a real Prometheus does for an unknown metric. Range queries call the
 * handler once per step and group the samples by label set into series.
 *
 * Two PromQL forms are evaluated like the real server before the handlers see anything (the batched node query of
 * NodeQueries::batchQuery() uses both): a top-level `a or b or ...` chain (each operand evaluated on its own; an
 * element of a later operand is dropped when an earlier one has its label set, `__name__` ignored; `or on(...)` /
 * `or ignoring(...)` are not supported and go to the handlers whole), and `label_replace(v, "dst", "replacement",
 * "src", "regex")` (v evaluated, then the anchored regex applied to label src and $1/${name} expanded; an empty
 * result removes dst). Redundant outer parentheses are dropped. Quoted strings are never split.
 *
 * Built-in handlers (the forms built by clients/prometheus/NodeQueries.h) answer per node, label `instance` =
 * instanceOf(node) (`<node name>:9100`) and `job` = jobOf(node), honouring every `instance` and `job` matcher
 * (`=`, `!=`, `=~`, `!~`) in the query:
 *  - `node_cpu_seconds_total` (percent busy), `node_memory_MemAvailable_bytes` (percent used),
 *    `node_filesystem_avail_bytes` (root fs percent used), `node_load1`,
 *    `node_network_receive_bytes_total` / `node_network_transmit_bytes_total` (bytes/s),
 *    `node_disk_read_bytes_total` / `node_disk_written_bytes_total` (bytes/s), and `up`.
 * Values move over time: the latest point is the node's current SimHomelab value, earlier points are derived from it
 * with deterministic waves. An offline node has no samples (and target health "down").
 *
 * Built-in alert rules: `NodeExporterDown` (critical) for an offline node, and `GpuTemperatureHigh` (warning) on the
 * node with a GPU, firing for gpuAlertFiringSeconds every gpuAlertPeriodSeconds of simulated time.
 */
class SimPrometheus final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimPrometheus)
public:
    using QueryHandler = std::function<QList<PromSample>(const QRegularExpressionMatch& match, double timeSeconds)>;

    /// Registers the routes on @p server (plain HTTP). @p lab provides nodes and the simulated time.
    SimPrometheus(SimHomelab* lab, SimHttpServer* server, QObject* parent = nullptr);
    ~SimPrometheus() override;

    /**
     * Answers queries matching @p pattern with @p handler, which gets the match (for captures) and the evaluation
     * time in Unix seconds (wall clock; for a range query, each step). Later registrations take precedence.
     */
    void addQueryHandler(const QRegularExpression& pattern, QueryHandler handler);
    /// Adds an alerting rule (see SimAlertRule).
    void addAlertRule(const SimAlertRule& rule);

    /// Requests must carry exactly this `Authorization` header value (e.g. "Bearer x"); empty: no auth (default).
    void setRequiredAuthorization(const QByteArray& headerValue) { m_requiredAuth = headerValue; }
    /// Instant queries answer with these `warnings` in the envelope beside the data (as real servers do for partial
    /// answers, e.g. from a remote-read or Thanos backend); empty: none (default).
    void setWarnings(const QStringList& warnings) { m_warnings = warnings; }

    /// GPU alert cycle in simulated seconds: fires for @p firingSeconds starting at @p offsetSeconds of every period.
    void setGpuAlertCycle(double periodSeconds, double firingSeconds, double offsetSeconds);

    /// The `instance` label of @p node's node_exporter, e.g. "pve-thinkpad:9100".
    [[nodiscard]] static QString instanceOf(const QString& nodeName);
    /// The scrape job of @p node's node_exporter, named as in the seed: "node-exporter-hostA" for pve-thinkpad,
    /// "node-exporter-hostB" for pve-ryzen, "node-exporter-<node>" for any other.
    [[nodiscard]] static QString jobOf(const QString& nodeName);
    /// The label sets /api/v1/series and /api/v1/label/.../values answer from: `up` of every target, a few node_*
    /// series per node, `prometheus_build_info`.
    [[nodiscard]] QList<QMap<QString, QString>> knownSeries() const;
    /// Alerts firing now (evaluates every rule at the current simulated time).
    [[nodiscard]] QList<SimPromAlert> firingAlerts();
    [[nodiscard]] QString version() const { return QStringLiteral("2.42.0"); }

signals:
    /// The set of firing alerts changed (checked on every homelab tick).
    void alertsChanged();

private:
    struct Handler
    {
        QRegularExpression pattern;
        QueryHandler handler;
    };
    struct RuleState
    {
        SimAlertRule rule;
        QHash<QString, QDateTime> activeSince; ///< key: serialized sample labels
    };

    [[nodiscard]] bool authorized(const SimRequest& request) const;
    SimResponse query(const SimRequest& request);
    SimResponse queryRange(const SimRequest& request);
    SimResponse targets(const SimRequest& request) const;
    SimResponse alerts(const SimRequest& request);
    SimResponse rules(const SimRequest& request);
    SimResponse buildInfo(const SimRequest& request) const;
    SimResponse series(const SimRequest& request) const;
    SimResponse labelValues(const SimRequest& request) const;

    /// Evaluates @p promql at @p t (Unix seconds): `or` chains and label_replace() here, the rest by the handlers.
    [[nodiscard]] QList<PromSample> evaluate(const QString& promql, double t) const;
    /// The samples of the most recently added handler matching @p promql; none if no handler matches.
    [[nodiscard]] QList<PromSample> evaluateByHandlers(const QString& promql, double t) const;
    /// Updates each rule's activeSince map and returns whether the firing set changed.
    bool evaluateRules();
    void installNodeHandlers();
    void installAlertRules();

    QPointer<SimHomelab> m_lab;
    QPointer<SimHttpServer> m_server;
    QList<Handler> m_handlers;
    QList<RuleState> m_rules;
    QByteArray m_requiredAuth;
    QStringList m_warnings;
    double m_gpuPeriod = 600.0;
    double m_gpuFiring = 150.0;
    double m_gpuOffset = 20.0;
    QDateTime m_startedAt;
};

} // namespace hlc::sim
