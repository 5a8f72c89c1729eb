#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QTimer;

namespace hlc {

class AlertCenter;
class AlertsFilterModel;
class AlertsModel;
class Homelab;

/// The app-wide "Alerts" tab: every alert with severity, summary, host, state, since and labels; filters by host and
/// severity; silences the selected alert for 1 h / 4 h / 24 h through Alertmanager.
class AlertsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsView)
public:
    AlertsView(Homelab* homelab, AlertCenter* alerts, QWidget* parent = nullptr);

    [[nodiscard]] AlertsModel* model() const { return m_model; }
    [[nodiscard]] AlertsFilterModel* proxy() const { return m_proxy; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    /// Shows, once and for good, that there is no system tray and alerts are only shown here.
    void setTrayMissing(bool missing);
    /// Selects the alert with @p fingerprint (shown filters allowing); false when it is not shown.
    bool selectAlert(const QString& fingerprint);
    /// Silences the selected alert for @p seconds (the "Silence 1 h" buttons and the command palette).
    void silenceSelected(qint64 seconds);
    /// Alertmanager's active and pending silences (who, why, until, matchers, state); `silencesTable`.
    [[nodiscard]] QTableWidget* silencesTable() const { return m_silences; }
    /// Expires the selected silence, asking first; the result follows the silence (silenceExpired()).
    void expireSelectedSilence();
    /// Shows only the alerts of host @p hostId (every host when empty), as if picked in the host filter.
    void filterByHost(const QString& hostId);

private:
    void updateSilences();
    void updateEmptyState();
    void updateButtons();
    void updateSource();
    [[nodiscard]] QString selectedFingerprint() const;

    AlertCenter* m_alerts;
    AlertsModel* m_model;
    AlertsFilterModel* m_proxy;
    QTableView* m_table;
    QComboBox* m_hostFilter;
    QComboBox* m_severityFilter;
    QList<QPushButton*> m_silenceButtons;
    QLabel* m_sourceLabel;
    QLabel* m_resultLabel;
    QLabel* m_trayLabel;
    QLabel* m_emptyLabel;
    QTableWidget* m_silences;
    QPushButton* m_expireButton;
    QLabel* m_silencesLabel;
    QTimer* m_clock;
    QString m_amUrl;
};

} // namespace hlc
