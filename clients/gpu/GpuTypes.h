#pragma once

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace hlc::gpu {

/// One metric sample: a name, its labels and a value (from the exposition format or a Prometheus query).
struct MetricSample
{
    QString name;
    QMap<QString, QString> labels;
    double value = 0.0;
};

/// One GPU as the exporters describe it. A value the exporter did not report stays empty (not zero).
struct GpuStats
{
    enum class Exporter
    {
        NvidiaSmi, ///< utkuozdemir/nvidia_gpu_exporter (nvidia_smi_*)
        Dcgm,      ///< NVIDIA dcgm-exporter (DCGM_FI_DEV_*)
    };
    Exporter exporter = Exporter::NvidiaSmi;
    QString instance; ///< the scrape target, e.g. "pve-ryzen:9835"
    QString host;     ///< host name the samples belong to (instance without port, or dcgm's Hostname)
    QString uuid;
    int index = 0;
    QString name;                      ///< "NVIDIA GeForce GTX 1080"
    std::optional<double> utilization; ///< 0..1
    std::optional<double> memoryUsedBytes;
    std::optional<double> memoryTotalBytes;
    std::optional<double> temperatureC;
    std::optional<double> powerWatts;

    /// A stable key: instance + uuid (or index).
    [[nodiscard]] QString key() const
    {
        return instance + QLatin1Char('/') + (uuid.isEmpty() ? QString::number(index) : uuid);
    }
};

} // namespace hlc::gpu
