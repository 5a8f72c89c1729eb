#include "GpuMetrics.h"

#include <QHash>

#include <cmath>
#include <limits>

namespace hlc::gpu {

QString prometheusQuery()
{
    return QStringLiteral(
        "{__name__=~\"nvidia_smi_(utilization_gpu_ratio|memory_used_bytes|memory_total_bytes|temperature_gpu|"
        "power_draw_watts|gpu_info)|DCGM_FI_DEV_(GPU_UTIL|FB_USED|FB_FREE|GPU_TEMP|POWER_USAGE)\"}");
}

QString prometheusHistoryQuery()
{
    return QStringLiteral("{__name__=~\"nvidia_smi_(utilization_gpu_ratio|memory_used_bytes|memory_total_bytes|"
                          "temperature_gpu|power_draw_watts)|DCGM_FI_DEV_(GPU_UTIL|FB_USED|FB_FREE|GPU_TEMP|"
                          "POWER_USAGE)\"}");
}

QString hostOfInstance(const QString& instance)
{
    if (instance.startsWith(QLatin1Char('['))) {
        const qsizetype end = instance.indexOf(QLatin1Char(']'));
        return end > 0 ? instance.mid(1, end - 1) : instance;
    }
    const qsizetype colon = instance.lastIndexOf(QLatin1Char(':'));
    return colon > 0 && instance.count(QLatin1Char(':')) == 1 ? instance.left(colon) : instance;
}

namespace {

bool parseValue(const QByteArray& token, double* out)
{
    const QByteArray t = token.trimmed();
    if (t == "NaN") {
        *out = std::nan("");
        return true;
    }
    if (t == "+Inf" || t == "Inf") {
        *out = std::numeric_limits<double>::infinity();
        return true;
    }
    if (t == "-Inf") {
        *out = -std::numeric_limits<double>::infinity();
        return true;
    }
    bool ok = false;
    *out = t.toDouble(&ok);
    return ok;
}

/// Parses `{a="x",b="y\"z"}` starting at @p pos (at '{'); returns the index after '}', or -1.
qsizetype parseLabels(const QByteArray& line, qsizetype pos, QMap<QString, QString>* labels)
{
    qsizetype i = pos + 1;
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && (line[i] == ' ' || line[i] == ','))
            ++i;
        if (i < n && line[i] == '}')
            return i + 1;
        const qsizetype eq = line.indexOf('=', i);
        if (eq < 0)
            return -1;
        const QString key = QString::fromUtf8(line.mid(i, eq - i).trimmed());
        i = eq + 1;
        while (i < n && line[i] == ' ')
            ++i;
        if (i >= n || line[i] != '"')
            return -1;
        ++i;
        QByteArray value;
        while (i < n && line[i] != '"') {
            if (line[i] == '\\' && i + 1 < n) {
                const char c = line[i + 1];
                value.append(c == 'n' ? '\n' : c);
                i += 2;
                continue;
            }
            value.append(line[i]);
            ++i;
        }
        if (i >= n)
            return -1;
        ++i; // closing quote
        if (key.isEmpty())
            return -1;
        labels->insert(key, QString::fromUtf8(value));
    }
    return -1;
}

std::optional<double> finite(double v)
{
    return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}

} // namespace

QList<MetricSample> parseExposition(const QByteArray& text)
{
    QList<MetricSample> out;
    for (const QByteArray& raw : text.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        MetricSample s;
        qsizetype i = 0;
        while (i < line.size() && line[i] != '{' && line[i] != ' ' && line[i] != '\t')
            ++i;
        s.name = QString::fromUtf8(line.left(i));
        if (s.name.isEmpty())
            continue;
        if (i < line.size() && line[i] == '{') {
            i = parseLabels(line, i, &s.labels);
            if (i < 0)
                continue;
        }
        const QList<QByteArray> rest = line.mid(i).simplified().split(' ');
        if (rest.isEmpty() || !parseValue(rest.first(), &s.value))
            continue;
        out << s;
    }
    return out;
}

QList<GpuStats> fromSamples(const QList<MetricSample>& samples)
{
    QHash<QString, GpuStats> gpus;
    QStringList order;
    auto gpuFor = [&](const MetricSample& s, GpuStats::Exporter exporter) -> GpuStats& {
        const QString instance = s.labels.value(QStringLiteral("instance"));
        QString uuid;
        int index = 0;
        if (exporter == GpuStats::Exporter::NvidiaSmi) {
            uuid = s.labels.value(QStringLiteral("uuid"));
            index = s.labels.value(QStringLiteral("index")).toInt();
        } else {
            uuid = s.labels.value(QStringLiteral("UUID"), s.labels.value(QStringLiteral("uuid")));
            index = s.labels.value(QStringLiteral("gpu")).toInt();
        }
        GpuStats probe;
        probe.instance = instance;
        probe.uuid = uuid;
        probe.index = index;
        const QString key = probe.key();
        auto it = gpus.find(key);
        if (it == gpus.end()) {
            probe.exporter = exporter;
            probe.host = s.labels.value(QStringLiteral("Hostname"), hostOfInstance(instance));
            it = gpus.insert(key, probe);
            order << key;
        }
        return *it;
    };
    for (const MetricSample& s : samples) {
        const QString& n = s.name;
        if (n.startsWith(QLatin1String("nvidia_smi_"))) {
            if (s.labels.value(QStringLiteral("uuid")).isEmpty())
                continue;
            GpuStats& g = gpuFor(s, GpuStats::Exporter::NvidiaSmi);
            if (n == QLatin1String("nvidia_smi_gpu_info")) {
                g.name = s.labels.value(QStringLiteral("name"));
                g.index = s.labels.value(QStringLiteral("index")).toInt();
            } else if (n == QLatin1String("nvidia_smi_utilization_gpu_ratio")) {
                if (auto v = finite(s.value))
                    g.utilization = std::clamp(*v, 0.0, 1.0);
            } else if (n == QLatin1String("nvidia_smi_memory_used_bytes")) {
                g.memoryUsedBytes = finite(s.value);
            } else if (n == QLatin1String("nvidia_smi_memory_total_bytes")) {
                g.memoryTotalBytes = finite(s.value);
            } else if (n == QLatin1String("nvidia_smi_temperature_gpu")) {
                g.temperatureC = finite(s.value);
            } else if (n == QLatin1String("nvidia_smi_power_draw_watts")) {
                g.powerWatts = finite(s.value);
            }
        } else if (n.startsWith(QLatin1String("DCGM_FI_DEV_"))) {
            if (s.labels.value(QStringLiteral("UUID")).isEmpty() && !s.labels.contains(QStringLiteral("gpu")))
                continue;
            GpuStats& g = gpuFor(s, GpuStats::Exporter::Dcgm);
            if (g.name.isEmpty())
                g.name = s.labels.value(QStringLiteral("modelName"));
            const auto v = finite(s.value);
            // DCGM reports "blank" values as huge sentinels (e.g. 9223372036854775794): not a measurement.
            const bool blank = v && *v > 1e15;
            if (!v || blank)
                continue;
            if (n == QLatin1String("DCGM_FI_DEV_GPU_UTIL")) {
                g.utilization = std::clamp(*v / 100.0, 0.0, 1.0);
            } else if (n == QLatin1String("DCGM_FI_DEV_FB_USED")) {
                const double free =
                    g.memoryTotalBytes && g.memoryUsedBytes ? *g.memoryTotalBytes - *g.memoryUsedBytes : -1;
                g.memoryUsedBytes = *v * 1024 * 1024;
                if (free >= 0)
                    g.memoryTotalBytes = *g.memoryUsedBytes + free;
            } else if (n == QLatin1String("DCGM_FI_DEV_FB_FREE")) {
                // total = used + free; FB_FREE may come before FB_USED: keep free in total until used arrives.
                const double freeBytes = *v * 1024 * 1024;
                g.memoryTotalBytes = freeBytes + g.memoryUsedBytes.value_or(0.0);
                if (!g.memoryUsedBytes)
                    g.memoryUsedBytes = 0.0;
            } else if (n == QLatin1String("DCGM_FI_DEV_GPU_TEMP")) {
                g.temperatureC = *v;
            } else if (n == QLatin1String("DCGM_FI_DEV_POWER_USAGE")) {
                g.powerWatts = *v;
            }
        }
    }
    QList<GpuStats> out;
    for (const QString& k : std::as_const(order))
        out << gpus.value(k);
    std::sort(out.begin(), out.end(), [](const GpuStats& a, const GpuStats& b) {
        return a.instance != b.instance ? a.instance < b.instance : a.index < b.index;
    });
    return out;
}

} // namespace hlc::gpu
