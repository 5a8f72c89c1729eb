#pragma once

#include "home/AdGuardMonitor.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QLineSeries;
class QPushButton;
class QTableView;
class QTimer;
class QChartView;
class QValueAxis;

namespace hlc {

class AdGuardFilterListModel;
class AdGuardMonitor;
class AdGuardQueryLogModel;
class AdGuardTopListModel;
class HomeServices;

/// The "AdGuard" tab: protection with timed pause, stats, the 24 h chart, top
/// lists, filter lists, query log.
class AdGuardView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdGuardView)
public:
    explicit AdGuardView(HomeServices* services, QWidget* parent = nullptr);

    [[nodiscard]] AdGuardMonitor* monitor() const { return m_monitor; }
    /// Points in the 24 h query chart (for tests).
    [[nodiscard]] int chartPoints() const;
    /// Shows the AdGuard Home of host @p hostId; false when this view has none there.
    bool showInstance(const QString& hostId);
    /// "Pause protection" for the chosen duration on the shown instance, asking first.
    void requestPause();

protected:
    void showEvent(QShowEvent* event) override;

private:
    /// True (and remembered for showEvent) when this is a hidden tab of a shown window: updates wait.
    bool deferWhileHidden();
    void setMonitor(AdGuardMonitor* m);
    void updateAll();
    void updateProtection();
    void updateChart();
    void applyQueryFilter();

    QPointer<HomeServices> m_services;
    QPointer<AdGuardMonitor> m_monitor;
    QComboBox* m_instance;
    QLabel* m_error;
    QLabel* m_protection;
    QLabel* m_remaining;
    QLabel* m_server;
    QComboBox* m_pauseDuration;
    QPushButton* m_pause;
    QPushButton* m_resume;
    QLabel* m_actionResult;
    QLabel* m_pauseNote; ///< old servers: the pause depends on this app
    QLabel* m_queries;
    QLabel* m_blocked;
    QLabel* m_blockedPercent;
    QLabel* m_safety;
    QLabel* m_avgTime;
    QLabel* m_rules;
    QChartView* m_chartView;
    QLineSeries* m_querySeries;
    QLineSeries* m_blockedSeries;
    QValueAxis* m_axisX;
    QValueAxis* m_axisY;
    AdGuardTopListModel* m_topClients;
    AdGuardTopListModel* m_topQueried;
    AdGuardTopListModel* m_topBlocked;
    AdGuardFilterListModel* m_filters;
    AdGuardQueryLogModel* m_log;
    QCheckBox* m_blockedOnly;
    QLineEdit* m_clientFilter;
    QTimer* m_countdown;
    bool m_stale = false;
};

} // namespace hlc
