#include "NodeQueries.h"

#include "PrometheusClient.h"

namespace hlc::prom::nodequeries {

QList<NodeMetric> all()
{
    return {NodeMetric::CpuPercent,  NodeMetric::MemoryPercent, NodeMetric::RootDiskPercent, NodeMetric::NetReceive,
            NodeMetric::NetTransmit, NodeMetric::Load1,         NodeMetric::DiskRead,        NodeMetric::DiskWrite};
}

MetricUnit unitOf(NodeMetric m)
{
    switch (m) {
    case NodeMetric::CpuPercent:
    case NodeMetric::MemoryPercent:
    case NodeMetric::RootDiskPercent:
        return MetricUnit::Percent;
    case NodeMetric::NetReceive:
    case NodeMetric::NetTransmit:
    case NodeMetric::DiskRead:
    case NodeMetric::DiskWrite:
        return MetricUnit::BytesPerSecond;
    case NodeMetric::Load1:
        return MetricUnit::Plain;
    }
    return MetricUnit::Plain;
}

QString keyOf(NodeMetric m)
{
    switch (m) {
    case NodeMetric::CpuPercent:
        return QStringLiteral("cpu");
    case NodeMetric::MemoryPercent:
        return QStringLiteral("memory");
    case NodeMetric::RootDiskPercent:
        return QStringLiteral("disk");
    case NodeMetric::NetReceive:
        return QStringLiteral("net-in");
    case NodeMetric::NetTransmit:
        return QStringLiteral("net-out");
    case NodeMetric::Load1:
        return QStringLiteral("load");
    case NodeMetric::DiskRead:
        return QStringLiteral("disk-read");
    case NodeMetric::DiskWrite:
        return QStringLiteral("disk-write");
    }
    return {};
}

std::optional<NodeMetric> metricOfKey(const QString& key)
{
    for (NodeMetric m : all()) {
        if (keyOf(m) == key)
            return m;
    }
    return std::nullopt;
}

QString query(NodeMetric metric, const QStringList& instances, int rateWindowSeconds)
{
    const QString inst = QStringLiteral("instance=~\"%1\"").arg(PrometheusClient::regexAlternation(instances));
    const QString w = QStringLiteral("%1s").arg(std::max(1, rateWindowSeconds));
    static const QString s_netDevices =
        QStringLiteral("device!~\"lo|veth.*|tap.*|fwbr.*|fwpr.*|fwln.*|vmbr.*|docker.*|br-.*|virbr.*\"");
    static const QString s_diskDevices = QStringLiteral("device!~\"dm-.*|loop.*|sr.*|ram.*|zd.*|nbd.*\"");
    switch (metric) {
    case NodeMetric::CpuPercent:
        return QStringLiteral("100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\",%1}[%2])))")
            .arg(inst, w);
    case NodeMetric::MemoryPercent:
        return QStringLiteral("100 * (1 - node_memory_MemAvailable_bytes{%1} / node_memory_MemTotal_bytes{%1})")
            .arg(inst);
    case NodeMetric::RootDiskPercent:
        return QStringLiteral("100 * (1 - max by (instance) (node_filesystem_avail_bytes{mountpoint=\"/\",%1}) / "
                              "max by (instance) (node_filesystem_size_bytes{mountpoint=\"/\",%1}))")
            .arg(inst);
    case NodeMetric::NetReceive:
        return QStringLiteral("sum by (instance) (rate(node_network_receive_bytes_total{%1,%2}[%3]))")
            .arg(s_netDevices, inst, w);
    case NodeMetric::NetTransmit:
        return QStringLiteral("sum by (instance) (rate(node_network_transmit_bytes_total{%1,%2}[%3]))")
            .arg(s_netDevices, inst, w);
    case NodeMetric::Load1:
        return QStringLiteral("max by (instance) (node_load1{%1})").arg(inst);
    case NodeMetric::DiskRead:
        return QStringLiteral("sum by (instance) (rate(node_disk_read_bytes_total{%1,%2}[%3]))")
            .arg(s_diskDevices, inst, w);
    case NodeMetric::DiskWrite:
        return QStringLiteral("sum by (instance) (rate(node_disk_written_bytes_total{%1,%2}[%3]))")
            .arg(s_diskDevices, inst, w);
    }
    return {};
}

QString batchQuery(const QList<NodeMetric>& metrics, const QStringList& instances, int rateWindowSeconds)
{
    QStringList parts;
    for (NodeMetric m : metrics) {
        // An empty source label has the value "", which the empty regex matches: the label is set on every series.
        parts << QStringLiteral("label_replace(%1, \"%2\", \"%3\", \"\", \"\")")
                     .arg(query(m, instances, rateWindowSeconds), QLatin1String(kMetricLabel), keyOf(m));
    }
    return parts.join(QStringLiteral(" or "));
}

std::optional<SeriesKey> keyOfSeries(const Labels& labels)
{
    const auto metric = metricOfKey(labels.value(QLatin1String(kMetricLabel)));
    const QString instance = labels.value(QStringLiteral("instance"));
    if (!metric || instance.isEmpty())
        return std::nullopt;
    return SeriesKey{*metric, instance};
}

} // namespace hlc::prom::nodequeries
