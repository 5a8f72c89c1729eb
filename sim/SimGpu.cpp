#include "SimGpu.h"

#include "SimOllama.h"
#include "SimPrometheus.h"

#include <QRegularExpression>

#include <cmath>

namespace hlc::sim {

SimGpu::SimGpu(SimPrometheus* prometheus, QString instance, Format format, QList<Gpu> gpus, SimOllama* ollama,
               QObject* parent)
    : QObject(parent)
    , m_instance(std::move(instance))
    , m_format(format)
    , m_gpus(std::move(gpus))
    , m_ollama(ollama)
{
    if (!prometheus)
        return;
    const QRegularExpression pattern(QStringLiteral("^(.*(?:nvidia_smi_|DCGM_FI_DEV_).*)$"),
                                     QRegularExpression::DotMatchesEverythingOption);
    const QPointer<SimGpu> self(this);
    prometheus->addQueryHandler(pattern, [self](const QRegularExpressionMatch& m, double t) {
        QList<PromSample> out;
        if (!self)
            return out;
        const QString q = m.captured(1);
        const bool wantsNvidia = q.contains(QLatin1String("nvidia_smi_"));
        const bool wantsDcgm = q.contains(QLatin1String("DCGM_FI_DEV_"));
        auto add = [&](const char* name, QMap<QString, QString> labels, double v) {
            const QString n = QString::fromLatin1(name);
            if (!q.contains(n) && !q.contains(QLatin1String("__name__=~")))
                return; // a query for one metric gets that metric only
            static const QStringList readings = {QStringLiteral("nvidia_smi_utilization_gpu_ratio"),
                                                 QStringLiteral("nvidia_smi_memory_used_bytes"),
                                                 QStringLiteral("nvidia_smi_temperature_gpu"),
                                                 QStringLiteral("nvidia_smi_power_draw_watts"),
                                                 QStringLiteral("DCGM_FI_DEV_GPU_UTIL"),
                                                 QStringLiteral("DCGM_FI_DEV_FB_USED"),
                                                 QStringLiteral("DCGM_FI_DEV_GPU_TEMP"),
                                                 QStringLiteral("DCGM_FI_DEV_POWER_USAGE")};
            if (!self->m_readings && readings.contains(n))
                return;
            labels.insert(QStringLiteral("__name__"), n);
            labels.insert(QStringLiteral("instance"), self->m_instance);
            out.append(PromSample{labels, v});
        };
        for (int i = 0; i < self->m_gpus.size(); ++i) {
            const Gpu& g = self->m_gpus.at(i);
            const double util = self->utilization(i, t);
            const double used = self->memoryUsed(i);
            const double temp = std::round(34.0 + 44.0 * util);
            const double power = std::round((11.0 + (g.maxPowerW - 11.0) * util) * 100.0) / 100.0;
            if (self->m_format == Format::NvidiaSmi && wantsNvidia) {
                const QMap<QString, QString> id{{QStringLiteral("job"), QStringLiteral("nvidia_gpu_exporter")},
                                                {QStringLiteral("uuid"), g.uuid}};
                QMap<QString, QString> info = id;
                info.insert(QStringLiteral("name"), g.name);
                info.insert(QStringLiteral("index"), QString::number(i));
                info.insert(QStringLiteral("driver_version"), QStringLiteral("550.127.05"));
                info.insert(QStringLiteral("pci_bus_id"), QStringLiteral("00000000:0%1:00.0").arg(i + 1));
                add("nvidia_smi_gpu_info", info, 1);
                add("nvidia_smi_utilization_gpu_ratio", id, std::round(util * 100.0) / 100.0);
                add("nvidia_smi_memory_used_bytes", id, used);
                add("nvidia_smi_memory_total_bytes", id, double(g.memoryTotal));
                add("nvidia_smi_temperature_gpu", id, temp);
                add("nvidia_smi_power_draw_watts", id, power);
            } else if (self->m_format == Format::Dcgm && wantsDcgm) {
                const QMap<QString, QString> id{{QStringLiteral("job"), QStringLiteral("dcgm-exporter")},
                                                {QStringLiteral("gpu"), QString::number(i)},
                                                {QStringLiteral("UUID"), g.uuid},
                                                {QStringLiteral("device"), QStringLiteral("nvidia%1").arg(i)},
                                                {QStringLiteral("modelName"), g.name}};
                const double usedMiB = std::round(used / (1024.0 * 1024.0));
                add("DCGM_FI_DEV_GPU_UTIL", id, std::round(util * 100.0));
                add("DCGM_FI_DEV_FB_USED", id, usedMiB);
                add("DCGM_FI_DEV_FB_FREE", id, std::round(double(g.memoryTotal) / (1024.0 * 1024.0)) - usedMiB);
                add("DCGM_FI_DEV_GPU_TEMP", id, temp);
                add("DCGM_FI_DEV_POWER_USAGE", id, power);
            }
        }
        return out;
    });
}

double SimGpu::utilization(int index, double t) const
{
    const double wave = std::pow(std::max(0.0, std::sin(t / 37.0 + index)), 2.0);
    const double ripple = 0.04 * std::sin(t / 5.0 + 2.0 * index);
    double ollama = 0.0;
    if (m_ollama && index == 0)
        ollama = m_ollama->vramUsed() > 0 ? 0.12 : 0.0;
    return std::clamp(0.06 + 0.55 * wave + ripple + ollama, 0.0, 1.0);
}

double SimGpu::memoryUsed(int index) const
{
    const double base = 380.0 * 1024 * 1024; // driver, Jellyfin's transcoder idle
    double models = 0.0;
    if (m_ollama && index == 0)
        models = double(m_ollama->vramUsed());
    const double total = index < m_gpus.size() ? double(m_gpus.at(index).memoryTotal) : 0.0;
    return std::min(total, base + models);
}

} // namespace hlc::sim
