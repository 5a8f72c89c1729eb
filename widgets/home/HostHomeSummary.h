#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;

namespace hlc {

class HomeServices;

/// A section of the host panel: how many of the host's services are down, and
/// its Home Assistant favourites.
class HostHomeSummary final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostHomeSummary)
public:
    HostHomeSummary(HomeServices* services, QString hostId, QWidget* parent = nullptr);

private:
    void updateHealth();
    void updateFavourites();

    QPointer<HomeServices> m_services;
    QString m_hostId;
    QLabel* m_down;
    QLabel* m_favourites;
};

} // namespace hlc
