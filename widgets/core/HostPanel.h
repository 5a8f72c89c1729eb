#pragma once

#include "guests/HostMonitor.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;

namespace hlc {

/// One host: its Proxmox node's live CPU, memory, disk, uptime and status, with an error banner per source.
class HostPanel final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostPanel)
public:
    explicit HostPanel(HostMonitor* host, QWidget* parent = nullptr);

    [[nodiscard]] HostMonitor* monitor() const { return m_host; }
    /// True once the node's data arrived at least once.
    [[nodiscard]] bool hasData() const;

signals:
    void trustCertificateRequested(const QString& hostId, const QString& serviceId, const QByteArray& sha256Hex);
    void enterSecretRequested(const QString& hostId, const QString& serviceId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateProxmox();
    void updateFreshness();

    QPointer<HostMonitor> m_host;
    QLabel* m_title;
    QLabel* m_role;
    QLabel* m_statusDot;
    QLabel* m_statusText;
    QFrame* m_banner;
    QLabel* m_bannerText;
    QPushButton* m_trustButton;
    QPushButton* m_secretButton;
    QProgressBar* m_cpu;
    QProgressBar* m_memory;
    QProgressBar* m_rootDisk;
    QLabel* m_memoryText;
    QLabel* m_rootDiskText;
    QLabel* m_uptime;
    QLabel* m_load;
    QLabel* m_version;
    QLabel* m_freshness;
};

} // namespace hlc
