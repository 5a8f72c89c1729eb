#pragma once

#include "core/Config.h"
#include "core/SourceStatus.h"
#include "gpu/GpuTypes.h"
#include "ollama/OllamaTypes.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

class QTimer;

namespace hlc {
class PollPacer;
}

namespace hlc {

class ApiCall;
class ApiClient;
class ActionJournal;
struct ActionTarget;
class ServiceDirectory;
namespace ollama {
class OllamaClient;
}
namespace prom {
class PrometheusClient;
}

/**
 * @brief GPU and LLM load: polls Ollama (/api/version, /api/ps, /api/tags; never a generation) and the GPU
 * metrics of both exporter families through Prometheus, keeps a short history per GPU for charts, and runs the
 * operator's Ollama actions (unload a model, measure speed) to their outcome.
 *
 * Uses the first service of kind Ollama and the first of kind Prometheus in the configuration. A GPU belongs to the
 * host whose name, address or id equals the exporter's host (instance without port, or dcgm's Hostname).
 */
class LlmMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LlmMonitor)
public:
    /// One point of a GPU's history.
    struct GpuPoint
    {
        QDateTime time;
        /// Absent when the exporter did not report it (a gap in the chart, never a 0).
        std::optional<double> utilization; ///< 0..1
        std::optional<double> memoryUsedBytes;
        std::optional<double> memoryTotalBytes;
        std::optional<double> temperatureC;
        std::optional<double> powerWatts;
    };
    static constexpr int kHistoryPoints = 400;
    /// How far back the charts start (filled from Prometheus once GPUs are seen).
    static constexpr int kBackfillSeconds = 15 * 60;

    /// The first Ollama and the first Prometheus of @p services' config, and their clients, come from @p services.
    LlmMonitor(ServiceDirectory* services, ActionJournal* journal, QObject* parent = nullptr);
    ~LlmMonitor() override;

    [[nodiscard]] bool hasOllama() const { return m_ollama != nullptr; }
    [[nodiscard]] bool hasPrometheus() const { return m_prom != nullptr; }
    [[nodiscard]] QString ollamaHostId() const { return m_ollamaHost; }

    void start(int intervalMs);
    /// The pace of the Ollama and GPU polls: slower while both fail, or while the window is closed to the tray.
    [[nodiscard]] PollPacer* pacer() const { return m_pacer; }
    void stop();
    void refresh();

    [[nodiscard]] QString ollamaVersion() const { return m_version; }
    [[nodiscard]] const QList<ollama::LoadedModel>& loadedModels() const { return m_loaded; }
    [[nodiscard]] const QList<ollama::InstalledModel>& installedModels() const { return m_installed; }
    [[nodiscard]] const SourceStatus& ollamaStatus() const { return m_ollamaStatus; }
    /// Every GPU seen in the last poll (all hosts).
    [[nodiscard]] const QList<gpu::GpuStats>& gpus() const { return m_gpus; }
    [[nodiscard]] const SourceStatus& gpuStatus() const { return m_gpuStatus; }
    /// The GPUs of host @p hostId (empty: the host has no GPU metrics).
    [[nodiscard]] QList<gpu::GpuStats> gpusOfHost(const QString& hostId) const;
    [[nodiscard]] const Config& config() const { return m_config; }
    /// The host id a GPU belongs to (empty when no configured host matches).
    [[nodiscard]] QString hostOf(const gpu::GpuStats& g) const;
    [[nodiscard]] QList<GpuPoint> history(const QString& gpuKey) const { return m_history.value(gpuKey); }

    /// Unloads @p model now (keep_alive 0). The outcome arrives as actionFinished().
    void unload(const QString& model);
    /// One short non-streamed generation; tokens/s arrive as speedMeasured(). Loads the model: only on request.
    void measureSpeed(const QString& model);
    [[nodiscard]] bool isBusy() const { return m_busy; }

signals:
    void ollamaUpdated();
    void gpusUpdated();
    /// @param ok whether it worked; @param message translated outcome
    void actionFinished(bool ok, const QString& message);
    void speedMeasured(const QString& model, double tokensPerSecond, const hlc::ollama::GenerateResult& result);
    void busyChanged(bool busy);

private:
    [[nodiscard]] ActionTarget modelTarget(const QString& model) const;
    void pollOllama();
    /// Backoff only when neither source answers: one working source keeps its pace.
    void updatePace();
    void pollGpus();
    /// Fills the charts with the last minutes from Prometheus (once, after GPUs were first seen).
    void backfillHistory();
    void setBusy(bool busy);

    Config m_config;
    ActionJournal* m_journal;
    QTimer* m_timer;
    PollPacer* m_pacer;
    QString m_ollamaHost;
    QString m_promHost;
    QString m_ollamaService;
    QString m_promService;
    ollama::OllamaClient* m_ollama = nullptr;
    prom::PrometheusClient* m_prom = nullptr;
    QPointer<ApiCall> m_psCall;
    QPointer<ApiCall> m_gpuCall;
    QString m_version;
    bool m_versionAnswered = false; ///< the last GET /api/version answered
    bool m_tagsAnswered = false;    ///< the last GET /api/tags answered
    QList<ollama::LoadedModel> m_loaded;
    QList<ollama::InstalledModel> m_installed;
    SourceStatus m_ollamaStatus;
    QList<gpu::GpuStats> m_gpus;
    SourceStatus m_gpuStatus;
    QHash<QString, QList<GpuPoint>> m_history;
    int m_polls = 0;
    bool m_backfilled = false;
    bool m_busy = false;
};

} // namespace hlc
