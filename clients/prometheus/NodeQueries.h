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

} // namespace nodequeries

} // namespace hlc::prom
