#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hlc {

class HealthProber;
class ServiceDirectory;
class ServiceHealthModel;

/// The per-host "Services" tab: every service with up/down, latency and an
/// "open in browser" action for web UIs.
class ServicesHealthView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServicesHealthView)
public:
    ServicesHealthView(HealthProber* prober, const QString& hostId, QWidget* parent = nullptr);

    [[nodiscard]] ServiceHealthModel* model() const { return m_model; }
    /// The summary also says which of the host's service APIs fail although the service answers (see
    /// ServiceDirectory::apiFailure()).
    void setServiceDirectory(ServiceDirectory* services);
    /// The URL the "open in browser" button would open for the selected row
    /// (empty if none).
    [[nodiscard]] QUrl selectedUrl() const;

private:
    void updateSummary();

    QPointer<HealthProber> m_prober;
    QPointer<ServiceDirectory> m_services;
    QString m_hostId;
    ServiceHealthModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLabel* m_summary;
    QPushButton* m_open;
    QPushButton* m_probeNow;
};

} // namespace hlc
