#pragma once

#include "GpuTypes.h"

#include <QByteArray>

/// GPU metrics of both exporter families, detected per GPU from the metric names.
namespace hlc::gpu {

/// The PromQL that fetches every metric GpuStats needs from either exporter in one instant query.
[[nodiscard]] QString prometheusQuery();

/// The PromQL for a range query of what the history charts show (utilisation, memory, temperature and power; both
/// exporters).
[[nodiscard]] QString prometheusHistoryQuery();

/// Parses the Prometheus text exposition format (what an exporter's /metrics serves). Comments and malformed
/// lines are skipped; never throws.
[[nodiscard]] QList<MetricSample> parseExposition(const QByteArray& text);

/**
 * Groups @p samples into GPUs: nvidia_gpu_exporter (`nvidia_smi_*`, keyed by `uuid`) and dcgm-exporter
 * (`DCGM_FI_DEV_*`, keyed by `UUID`/`gpu`, MiB and percent converted to bytes and fractions). Samples of other
 * metrics are ignored; a host without GPU metrics yields no GPU. Sorted by instance, then index.
 */
[[nodiscard]] QList<GpuStats> fromSamples(const QList<MetricSample>& samples);

/// Host part of an instance label ("pve-ryzen:9835" -> "pve-ryzen", "[::1]:9400" -> "::1").
[[nodiscard]] QString hostOfInstance(const QString& instance);

} // namespace hlc::gpu
