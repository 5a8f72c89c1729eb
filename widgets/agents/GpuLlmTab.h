#pragma once

#include <QHash>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineSeries;
class QValueAxis;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QVBoxLayout;
class QDateTimeAxis;

namespace hlc {

class LlmMonitor;
class LoadedModelsModel;

/**
 * @brief The app-wide "GPU / LLM" tab: per GPU (grouped by host) live gauges and a chart of utilisation and VRAM
 * over time; beside it the models Ollama has loaded with their VRAM share and time to unload, an unload action and
 * an explicit "measure speed" action. A host without GPU metrics gets no GPU section.
 *
 * Object names: `gpuBox_<n>`, `gpuUtilBar_<n>`, `gpuVramBar_<n>`, `gpuInfo_<n>`, `gpuChart_<n>` (n: 0, 1, ... in
 * display order), `noGpuLabel`, `ollamaStatusLabel`, `loadedModelsTable`, `unloadModelButton`,
 * `speedModelCombo`, `measureSpeedButton`, `speedResultLabel`.
 */
class GpuLlmTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GpuLlmTab)
public:
    explicit GpuLlmTab(LlmMonitor* monitor, QWidget* parent = nullptr);

    /// Points in GPU @p n's utilisation series (for tests).
    /// Points in GPU @p n's temperature chart (for tests).
    [[nodiscard]] int tempPowerPoints(int n) const;
    [[nodiscard]] int chartPoints(int n) const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct GpuView
    {
        QString key;
        QProgressBar* util = nullptr;
        QProgressBar* vram = nullptr;
        QProgressBar* temp = nullptr;
        QProgressBar* power = nullptr;
        QLabel* info = nullptr;
        QLineSeries* utilSeries = nullptr;
        QLineSeries* vramSeries = nullptr;
        QLineSeries* tempSeries = nullptr;
        QLineSeries* powerSeries = nullptr;
        QDateTimeAxis* axisX = nullptr;
        QDateTimeAxis* axisX2 = nullptr;
        QValueAxis* powerAxis = nullptr;
    };
    void updateGpus();
    void rebuildGpus(const QStringList& keys);
    void updateOllama();
    [[nodiscard]] QString selectedModel() const;

    LlmMonitor* m_monitor;
    QVBoxLayout* m_gpuLayout;
    QLabel* m_noGpu;
    QLabel* m_gpuError;
    QList<GpuView> m_gpuViews;
    QStringList m_gpuKeys;
    QLabel* m_ollamaStatus;
    QTableView* m_table;
    LoadedModelsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QPushButton* m_unload;
    QComboBox* m_speedModel;
    QPushButton* m_measure;
    QLabel* m_speedResult;
    bool m_stale = false; ///< data arrived while this was a hidden tab: showEvent() catches up
};

} // namespace hlc
