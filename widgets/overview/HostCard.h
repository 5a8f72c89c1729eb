#pragma once

#include "guests/HostMonitor.h"
#include "overview/OverviewTarget.h"

#include <QFrame>
#include <QPointer>

class QGridLayout;
class QLabel;
class QPushButton;

namespace hlc {

class Homelab;
class LinkLabel;
class ProxmoxHistory;
class Sparkline;

/**
 * @brief One host on the Overview: status and uptime; CPU, memory, root disk and network as numbers with a one-hour
 * sparkline each (Prometheus when the host has it, else the Proxmox node's rrddata); guests, stacks and containers;
 * firing alerts by severity; services down; GPU and loaded models; Home Assistant favourites; AdGuard's blocked
 * share. Every element is a link to its detail (openRequested()).
 *
 * The Proxmox error banner answers an untrusted certificate or a missing secret in place, as the host panel did.
 */
class HostCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostCard)
public:
    HostCard(Homelab* homelab, HostMonitor* host, QWidget* parent = nullptr);
    ~HostCard() override;

    [[nodiscard]] HostMonitor* monitor() const { return m_host; }
    [[nodiscard]] QString hostId() const { return m_hostId; }
    /// True once the node's data arrived at least once.
    [[nodiscard]] bool hasData() const;

signals:
    void openRequested(const hlc::OverviewTarget& target);
    void trustCertificateRequested(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex);
    void enterSecretRequested(const QString& hostId, const QString& serviceId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Metric
    {
        QLabel* value = nullptr;
        Sparkline* spark = nullptr;
        QLabel* detail = nullptr;
    };
    Metric addMetric(QGridLayout* grid, int row, const QString& name, const QString& objectName);
    LinkLabel* addLink(QGridLayout* grid, int row, const QString& name, const QString& objectName,
                       OverviewTarget::Kind kind);
    void setRowVisible(QWidget* value, bool visible);

    void updateProxmox();
    void updateMetrics();
    void updateFreshness();
    void updateGuests();
    void updateContainers();
    void updateAlerts();
    void updateServices();
    void updateGpu();
    void updateFavourites();
    void updateAdGuard();
    void loadHistory();
    void applyPrometheusHistory();

    QPointer<Homelab> m_homelab;
    QPointer<HostMonitor> m_host;
    QString m_hostId;
    bool m_prometheus = false;
    ProxmoxHistory* m_rrd = nullptr;
    QGridLayout* m_grid = nullptr;

    QLabel* m_statusDot;
    QLabel* m_title;
    QLabel* m_statusText;
    QLabel* m_uptime;
    QLabel* m_subtitle;
    QLabel* m_version;
    QFrame* m_banner;
    QLabel* m_bannerText;
    QPushButton* m_trustButton;
    QPushButton* m_secretButton;
    Metric m_cpu;
    Metric m_memory;
    Metric m_rootDisk;
    Metric m_network;
    LinkLabel* m_guests;
    LinkLabel* m_stacks;
    LinkLabel* m_containers;
    LinkLabel* m_alerts;
    LinkLabel* m_services;
    QLabel* m_api;
    LinkLabel* m_gpu;
    LinkLabel* m_favourites;
    LinkLabel* m_adguard;
    QLabel* m_freshness;
};

} // namespace hlc
