#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace hlc::sim {

class SimOllama;
class SimPrometheus;

/**
 * @brief GPU metrics of one host in the exporters' real formats, served through SimPrometheus.
 *
 * Registers a query handler for the GPU selector of clients/gpu (hlc::gpu::prometheusQuery() and any query naming
 * `nvidia_smi_` or `DCGM_FI_DEV_` metrics). NvidiaSmi answers as nvidia_gpu_exporter (`nvidia_smi_*`, bytes,
 * ratio), Dcgm as dcgm-exporter (`DCGM_FI_DEV_*`, MiB, percent). Utilisation follows a slow wave plus the Ollama
 * activity; VRAM used is a base plus what the Ollama models loaded on it take.
 */
class SimGpu final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimGpu)
public:
    enum class Format
    {
        NvidiaSmi,
        Dcgm
    };
    struct Gpu
    {
        QString name = QStringLiteral("NVIDIA GeForce GTX 1080");
        QString uuid = QStringLiteral("GPU-6f1e8c2a-3b1d-4e0f-9a55-1080a0b0c0d0");
        qint64 memoryTotal = 8ll * 1024 * 1024 * 1024;
        double maxPowerW = 180.0;
    };

    /// @p instance the exporter's scrape target, e.g. "pve-ryzen:9835"; @p ollama may be null.
    SimGpu(SimPrometheus* prometheus, QString instance, Format format, QList<Gpu> gpus, SimOllama* ollama,
           QObject* parent = nullptr);

    /// Utilisation 0..1 of GPU @p index at @p t (Unix seconds).
    [[nodiscard]] double utilization(int index, double t) const;
    [[nodiscard]] double memoryUsed(int index) const;
    /// False: the exporter reports the GPUs (name, total memory) but no readings: no utilisation, used memory,
    /// temperature or power, as with a card whose sensors nvidia-smi shows as "[N/A]". Default true.
    void setReportsReadings(bool reports) { m_readings = reports; }

private:
    QString m_instance;
    Format m_format;
    QList<Gpu> m_gpus;
    QPointer<SimOllama> m_ollama;
    bool m_readings = true;
};

} // namespace hlc::sim
