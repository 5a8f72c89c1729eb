#include "NodeQueries.h"

#include "PrometheusClient.h"

#include <QCoreApplication>
#include <QRegularExpression>

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

namespace {

/// The PromQL of @p metric over the series that @p selector (matchers without braces) selects. @p byInstance: one
/// series per `instance` (the aggregations keep it); else one series in all (a host selected by other labels).
QString metricQuery(NodeMetric metric, const QString& selector, bool byInstance, int rateWindowSeconds)
{
    const QString w = QStringLiteral("%1s").arg(std::max(1, rateWindowSeconds));
    const QString by = byInstance ? QStringLiteral(" by (instance)") : QString();
    static const QString s_netDevices =
        QStringLiteral("device!~\"lo|veth.*|tap.*|fwbr.*|fwpr.*|fwln.*|vmbr.*|docker.*|br-.*|virbr.*\"");
    static const QString s_diskDevices = QStringLiteral("device!~\"dm-.*|loop.*|sr.*|ram.*|zd.*|nbd.*\"");
    switch (metric) {
    case NodeMetric::CpuPercent:
        return QStringLiteral("100 * (1 - avg%3 (rate(node_cpu_seconds_total{mode=\"idle\",%1}[%2])))")
            .arg(selector, w, by);
    case NodeMetric::MemoryPercent:
        if (byInstance)
            return QStringLiteral("100 * (1 - node_memory_MemAvailable_bytes{%1} / node_memory_MemTotal_bytes{%1})")
                .arg(selector);
        return QStringLiteral(
                   "100 * (1 - sum(node_memory_MemAvailable_bytes{%1}) / sum(node_memory_MemTotal_bytes{%1}))")
            .arg(selector);
    case NodeMetric::RootDiskPercent:
        return QStringLiteral("100 * (1 - max%2 (node_filesystem_avail_bytes{mountpoint=\"/\",%1}) / "
                              "max%2 (node_filesystem_size_bytes{mountpoint=\"/\",%1}))")
            .arg(selector, by);
    case NodeMetric::NetReceive:
        return QStringLiteral("sum%4 (rate(node_network_receive_bytes_total{%1,%2}[%3]))")
            .arg(s_netDevices, selector, w, by);
    case NodeMetric::NetTransmit:
        return QStringLiteral("sum%4 (rate(node_network_transmit_bytes_total{%1,%2}[%3]))")
            .arg(s_netDevices, selector, w, by);
    case NodeMetric::Load1:
        return QStringLiteral("max%2 (node_load1{%1})").arg(selector, by);
    case NodeMetric::DiskRead:
        return QStringLiteral("sum%4 (rate(node_disk_read_bytes_total{%1,%2}[%3]))")
            .arg(s_diskDevices, selector, w, by);
    case NodeMetric::DiskWrite:
        return QStringLiteral("sum%4 (rate(node_disk_written_bytes_total{%1,%2}[%3]))")
            .arg(s_diskDevices, selector, w, by);
    }
    return {};
}

QString tagged(const QString& expr, const char* label, const QString& value)
{
    // An empty source label has the value "", which the empty regex matches: the label is set on every series.
    return QStringLiteral("label_replace(%1, \"%2\", \"%3\", \"\", \"\")")
        .arg(expr, QLatin1String(label), PrometheusClient::quoteLabelValue(value));
}

QString tr(const char* text)
{
    return QCoreApplication::translate("hlc::prom::nodequeries", text);
}

} // namespace

QString query(NodeMetric metric, const QStringList& instances, int rateWindowSeconds)
{
    const QString inst = QStringLiteral("instance=~\"%1\"").arg(PrometheusClient::regexAlternation(instances));
    return metricQuery(metric, inst, true, rateWindowSeconds);
}

QString hostQuery(NodeMetric metric, const Labels& matchers, int rateWindowSeconds)
{
    return metricQuery(metric, labelMatchers(matchers), false, rateWindowSeconds);
}

QString hostBatchQuery(const QList<NodeMetric>& metrics, const QList<HostSelector>& hosts, int rateWindowSeconds)
{
    QStringList parts;
    for (const HostSelector& h : hosts) {
        if (h.matchers.isEmpty())
            continue; // an empty selector would take every series of the server
        for (NodeMetric m : metrics) {
            parts << tagged(tagged(hostQuery(m, h.matchers, rateWindowSeconds), kMetricLabel, keyOf(m)), kHostLabel,
                            h.key);
        }
    }
    return parts.join(QStringLiteral(" or "));
}

std::optional<HostSeriesKey> hostKeyOfSeries(const Labels& labels)
{
    const auto metric = metricOfKey(labels.value(QLatin1String(kMetricLabel)));
    const QString host = labels.value(QLatin1String(kHostLabel));
    if (!metric || host.isEmpty())
        return std::nullopt;
    return HostSeriesKey{*metric, host};
}

bool isUsableLabelName(const QString& name)
{
    static const QRegularExpression s_name(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    return s_name.match(name).hasMatch() && !name.startsWith(QLatin1String("__")) &&
           name != QLatin1String(kMetricLabel) && name != QLatin1String(kHostLabel);
}

QString labelMatchers(const Labels& labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << QStringLiteral("%1=\"%2\"").arg(it.key(), PrometheusClient::quoteLabelValue(it.value()));
    return parts.join(QLatin1Char(','));
}

std::optional<Labels> parseLabelMatchers(const QString& text, QString* error)
{
    auto fail = [error](const QString& message) -> std::optional<Labels> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('{')) && t.endsWith(QLatin1Char('}')))
        t = t.mid(1, t.size() - 2);
    Labels out;
    qsizetype i = 0;
    const qsizetype n = t.size();
    auto skipSpace = [&] {
        while (i < n && t.at(i).isSpace())
            ++i;
    };
    while (true) {
        skipSpace();
        while (i < n && t.at(i) == QLatin1Char(',')) {
            ++i;
            skipSpace();
        }
        if (i >= n)
            break;
        const qsizetype nameStart = i;
        while (i < n && (t.at(i).isLetterOrNumber() || t.at(i) == QLatin1Char('_')))
            ++i;
        const QString name = t.mid(nameStart, i - nameStart);
        skipSpace();
        if (name.isEmpty() || i >= n || t.at(i) != QLatin1Char('='))
            return fail(tr("Write each label as name=\"value\", separated by commas, e.g. job=\"node-exporter\"."));
        ++i;
        if (i < n && (t.at(i) == QLatin1Char('~') || t.at(i) == QLatin1Char('=')))
            return fail(
                tr("Only exact matches (name=\"value\") select a host; \"%1\" uses another operator.").arg(name));
        if (!isUsableLabelName(name))
            return fail(tr("\"%1\" is not a usable label name: use letters, digits and '_', not starting with a "
                           "digit or \"__\".")
                            .arg(name));
        skipSpace();
        QString value;
        if (i < n && (t.at(i) == QLatin1Char('"') || t.at(i) == QLatin1Char('\''))) {
            const QChar quote = t.at(i++);
            bool closed = false;
            while (i < n) {
                const QChar c = t.at(i++);
                if (c == quote) {
                    closed = true;
                    break;
                }
                if (c == QLatin1Char('\\') && i < n) {
                    const QChar e = t.at(i++);
                    value += e == QLatin1Char('n')   ? QChar(QLatin1Char('\n'))
                             : e == QLatin1Char('t') ? QChar(QLatin1Char('\t'))
                             : e == QLatin1Char('r') ? QChar(QLatin1Char('\r'))
                                                     : e;
                } else {
                    value += c;
                }
            }
            if (!closed)
                return fail(tr("The value of label \"%1\" has no closing quote.").arg(name));
        } else {
            const qsizetype start = i;
            while (i < n && t.at(i) != QLatin1Char(',') && !t.at(i).isSpace())
                ++i;
            value = t.mid(start, i - start);
        }
        if (value.isEmpty())
            return fail(tr("The value of label \"%1\" must not be empty.").arg(name));
        if (out.contains(name))
            return fail(tr("The label \"%1\" is given twice.").arg(name));
        out.insert(name, value);
        skipSpace();
        if (i < n && t.at(i) != QLatin1Char(','))
            return fail(tr("Separate the labels with commas, e.g. job=\"a\",env=\"b\"."));
    }
    return out;
}

QString batchQuery(const QList<NodeMetric>& metrics, const QStringList& instances, int rateWindowSeconds)
{
    QStringList parts;
    for (NodeMetric m : metrics)
        parts << tagged(query(m, instances, rateWindowSeconds), kMetricLabel, keyOf(m));
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
