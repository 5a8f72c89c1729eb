#pragma once

#include <QList>
#include <QString>
#include <QStringList>

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
/// `{instance=~"a|b"}`-style PromQL for @p metric over @p instances.
[[nodiscard]] QString query(NodeMetric metric, const QStringList& instances, int rateWindowSeconds = 60);

} // namespace nodequeries

} // namespace hlc::prom
