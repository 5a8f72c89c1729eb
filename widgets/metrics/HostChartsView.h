#pragma once

#include "prometheus/NodeQueries.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QTimer;
class QValueAxis;
class QDateTimeAxis;

namespace hlc {

class MetricsMonitor;

/**
 * @brief The "Charts" tab of a host: line charts of its node metrics from Prometheus (CPU, memory, root disk,
 * network, load, disk I/O) over a selectable range, with hover values and sensible axes, plus scrape target health.
 */
class HostChartsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostChartsView)
public:
    HostChartsView(MetricsMonitor* metrics, const QString& hostId, QWidget* parent = nullptr);
    ~HostChartsView() override;

    /// The range choices, in seconds (15 min, 1 h, 6 h, 24 h, 7 d).
    [[nodiscard]] static QList<qint64> ranges();
    [[nodiscard]] qint64 rangeSeconds() const;
    void setRangeSeconds(qint64 seconds);
    /// The text last shown for a hovered point (for tests and accessibility).
    [[nodiscard]] QString hoverText() const { return m_hoverText; }
    /// Text for a value of @p unit, e.g. "42.0 %", "1.5 MiB/s".
    [[nodiscard]] static QString valueText(double value, prom::MetricUnit unit);
    /// Fetches the history now.
    void reload();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct Chart
    {
        QChartView* view = nullptr;
        QDateTimeAxis* x = nullptr;
        QValueAxis* y = nullptr;
        QList<QPair<prom::NodeMetric, QLineSeries*>> series;
        prom::MetricUnit unit = prom::MetricUnit::Plain;
        double divisor = 1.0; ///< bytes/s values are shown in the axis' unit
        QString unitName;
    };

    Chart* addChart(const QString& key, const QString& title, const QList<QPair<prom::NodeMetric, QString>>& metrics,
                    prom::MetricUnit unit);
    void updateCharts();
    void updateTargets();
    void updateStatus();
    void onHovered(const Chart* chart, const QString& seriesName, const QPointF& point, bool state);

    MetricsMonitor* m_metrics;
    QString m_hostId;
    QComboBox* m_range;
    QLabel* m_status;
    QLabel* m_targets;
    QLabel* m_hover;
    std::vector<std::unique_ptr<Chart>> m_charts;
    QTimer* m_timer;
    QString m_hoverText;
};

} // namespace hlc
