#pragma once

#include "proxmox/ProxmoxTypes.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QChart;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QTimer;
class QValueAxis;

namespace hlc {

class ProxmoxHistory;

/**
 * @brief History charts (PVE rrddata) under the guest table: CPU % and memory % of the node and of the selected
 * guest over an hour, a day or a week. Data comes from ProxmoxHistory (app/); this widget makes no request.
 */
class ProxmoxHistoryChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxmoxHistoryChart)
public:
    explicit ProxmoxHistoryChart(ProxmoxHistory* history, QWidget* parent = nullptr);
    ~ProxmoxHistoryChart() override;

    /// Shows the guest with key "qemu/100" next to the node (empty: the node only) and reloads.
    void setGuest(const QString& guestKey, const QString& guestName);
    /// The PVE timeframe shown ("hour", "day", "week").
    [[nodiscard]] QString timeframe() const;
    void setTimeframe(const QString& timeframe);
    /// Fetches the history again (also every minute while the chart is visible: PVE's finest step).
    void reload();

    [[nodiscard]] QLineSeries* nodeCpuSeries() const { return m_nodeCpu; }
    [[nodiscard]] QLineSeries* nodeMemSeries() const { return m_nodeMem; }
    [[nodiscard]] QLineSeries* guestCpuSeries() const { return m_guestCpu; }
    [[nodiscard]] QLineSeries* guestMemSeries() const { return m_guestMem; }

    /// What hovering over @p series near time @p x (ms since the epoch) shows: the nearest sample's time and value,
    /// with the bytes behind a memory percentage. Empty when the series has no sample.
    [[nodiscard]] QString hoverText(QLineSeries* series, double x) const;

private:
    void showPoints(QLineSeries* cpu, QLineSeries* mem, const QList<pve::RrdPoint>& points);
    void fitAxes();

    QPointer<ProxmoxHistory> m_history;
    QComboBox* m_timeframe;
    QLabel* m_status;
    QChart* m_cpuChart;
    QChart* m_memChart;
    QLineSeries* m_nodeCpu;
    QLineSeries* m_nodeMem;
    QLineSeries* m_guestCpu;
    QLineSeries* m_guestMem;
    QDateTimeAxis* m_cpuX;
    QDateTimeAxis* m_memX;
    QValueAxis* m_cpuY;
    QValueAxis* m_memY;
    QTimer* m_timer;
    QString m_guestKey;
    QHash<const QLineSeries*, QList<pve::RrdPoint>> m_samples; ///< the rrddata behind each series, for hover text
};

} // namespace hlc
