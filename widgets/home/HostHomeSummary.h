#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;

namespace hlc {

class HomeServices;
class ServiceDirectory;

/// A section of the host panel: how many of the host's services are down, which of their APIs fail although the
/// service answers (a 403, an unreadable answer, a rejected token), and its Home Assistant favourites.
class HostHomeSummary final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostHomeSummary)
public:
    HostHomeSummary(HomeServices* services, QString hostId, QWidget* parent = nullptr);

    /// One line per service of @p hostId whose API fails ("Portainer API: Access denied (HTTP 403)"), config order.
    [[nodiscard]] static QStringList apiFailures(const ServiceDirectory* services, const QString& hostId);

private:
    void updateHealth();
    void updateFavourites();

    QPointer<HomeServices> m_services;
    QString m_hostId;
    QLabel* m_down;
    QLabel* m_api;
    QLabel* m_favourites;
};

} // namespace hlc
