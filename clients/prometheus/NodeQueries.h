#pragma once

#include "PrometheusTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hlc::prom {

/// The per-host metrics the app charts, all from node_exporter.
enum class NodeMetric
{
    CpuPercent,      ///< 0..100, busy share of all CPUs
    MemoryPercent,   ///< 0..100, (total - available) / total
    RootDiskPercent, ///< 0..100, used share of the filesystem mounted at /
    NetReceive,      ///< bytes/s, physical interfaces (no lo, bridges, veth, tap, firewall links)
    NetTransmit,     ///< bytes/s
    Load1,           ///< 1-minute load average
    DiskRead,        ///< bytes/s, whole disks (no device-mapper, loop, optical)
    DiskWrite,       ///< bytes/s
};

/// The unit of a metric's values, for axes and hover texts.
enum class MetricUnit
{
    Percent,
    BytesPerSecond,
    Plain
};

/**
 * PromQL for the node metrics, for many hosts in one query: each result sample carries the `instance` label of
 * the host it belongs to. @p rateWindow is the range of rate() in seconds (at least 4 scrape intervals).
 */
namespace nodequeries {

[[nodiscard]] QList<NodeMetric> all();
[[nodiscard]] MetricUnit unitOf(NodeMetric m);
/// A stable, untranslated key ("cpu", "memory", ...), used in object names and configs.
[[nodiscard]] QString keyOf(NodeMetric m);
/// The metric whose keyOf() is @p key; nullopt for an unknown key.
[[nodiscard]] std::optional<NodeMetric> metricOfKey(const QString& key);
/// `{instance=~"a|b"}`-style PromQL for @p metric over @p instances.
[[nodiscard]] QString query(NodeMetric metric, const QStringList& instances, int rateWindowSeconds = 60);

/// The label batchQuery() adds to every series: its value is the keyOf() of the metric the series belongs to.
inline constexpr char kMetricLabel[] = "hlc_metric";

/**
 * One PromQL expression for several metrics over @p instances: the query() of each metric, tagged with
 * `label_replace(..., "hlc_metric", "<key>", "", "")` and joined with `or`. Each tagged series keeps its `instance`
 * label and the distinct `hlc_metric` value keeps `or` (which matches on the whole label set) from dropping any of
 * them. Works for instant and range queries; split the answer with keyOfSeries(). Empty for no metrics.
 */
[[nodiscard]] QString batchQuery(const QList<NodeMetric>& metrics, const QStringList& instances,
                                 int rateWindowSeconds = 60);

/// Which (metric, instance) a series of a batchQuery() answer belongs to.
struct SeriesKey
{
    NodeMetric metric = NodeMetric::CpuPercent;
    QString instance;
};

/**
 * The (metric, instance) of a series answered for batchQuery(), from its `hlc_metric` and `instance` labels;
 * nullopt when either is missing, empty or not a known metric key (a malformed or foreign series).
 */
[[nodiscard]] std::optional<SeriesKey> keyOfSeries(const Labels& labels);

// ---- Hosts selected by a label set (e.g. `job="node-exporter-hostA"`) instead of their `instance`.

/// The label hostBatchQuery() adds to every series: its value is the HostSelector::key of the host it belongs to.
inline constexpr char kHostLabel[] = "hlc_host";

/// Whether @p name can select series in a matcher set: `[a-zA-Z_][a-zA-Z0-9_]*`, not reserved (`__...`) and not a
/// label the batched queries add themselves (kMetricLabel, kHostLabel).
[[nodiscard]] bool isUsableLabelName(const QString& name);

/// `job="a",env="b"`: equality matchers for @p labels, each value escaped for a PromQL double-quoted string.
[[nodiscard]] QString labelMatchers(const Labels& labels);

/**
 * Reads a matcher set as a person writes it: `job="node-exporter-hostA"`, `{job="a", env='b'}`, or
 * `job=node-exporter-hostA` (unquoted up to a comma or space); escapes (`\"`, `\\`, `\n`, `\t`) are undone.
 * Only `=` matchers; every name isUsableLabelName() and every value non-empty. Empty text gives an empty set.
 * nullopt and a translated @p error for anything else.
 */
[[nodiscard]] std::optional<Labels> parseLabelMatchers(const QString& text, QString* error = nullptr);

/// One host of a hostBatchQuery(): its key (e.g. the host id) and the labels that select its series.
struct HostSelector
{
    QString key;
    Labels matchers; ///< non-empty, e.g. {job: "node-exporter-hostA"} or {instance: "10.0.0.5:9100"}
};

/// query() for one host whose series @p matchers select, aggregated over all of them: one series per metric.
[[nodiscard]] QString hostQuery(NodeMetric metric, const Labels& matchers, int rateWindowSeconds = 60);

/**
 * Like batchQuery(), for hosts selected by label sets: every host's hostQuery() of every metric, tagged with
 * `hlc_metric` (keyOf() the metric) and `hlc_host` (the host's key), joined with `or`. Split the answer with
 * hostKeyOfSeries(). Empty for no metrics or no hosts.
 */
[[nodiscard]] QString hostBatchQuery(const QList<NodeMetric>& metrics, const QList<HostSelector>& hosts,
                                     int rateWindowSeconds = 60);

/// Which (metric, host key) a series of a hostBatchQuery() answer belongs to.
struct HostSeriesKey
{
    NodeMetric metric = NodeMetric::CpuPercent;
    QString host;
};

/// The (metric, host key) of a series from its `hlc_metric` and `hlc_host` labels; nullopt when either is missing,
/// empty or not a known metric key.
[[nodiscard]] std::optional<HostSeriesKey> hostKeyOfSeries(const Labels& labels);

} // namespace nodequeries

} // namespace hlc::prom
