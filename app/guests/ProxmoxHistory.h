#pragma once

#include "proxmox/ProxmoxTypes.h"

#include <QObject>
#include <QPointer>

namespace hlc {

class ApiCall;
class GuestInventory;

/**
 * @brief The history (PVE rrddata) of a host's node and of one of its guests, for the charts.
 *
 * load() fetches `/nodes/{node}/rrddata` and, when a guest is given, `/nodes/{node}/{type}/{vmid}/rrddata` with
 * the PVE `timeframe` (hour, day, week, ...); each answer is emitted as it arrives. A newer load() supersedes
 * the previous one (its answers are dropped).
 */
class ProxmoxHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxmoxHistory)
public:
    explicit ProxmoxHistory(GuestInventory* inventory, QObject* parent = nullptr);
    ~ProxmoxHistory() override;

    /// The timeframes the PVE API accepts that the charts offer.
    [[nodiscard]] static QStringList timeframes();

    /// @p guestKey "qemu/100" / "lxc/201", or empty for the node only.
    void load(const QString& timeframe, const QString& guestKey);

signals:
    void nodeHistory(const QString& node, const QString& timeframe, const QList<hlc::pve::RrdPoint>& points);
    void guestHistory(const QString& guestKey, const QString& timeframe, const QList<hlc::pve::RrdPoint>& points);
    /// A history request failed: @p message is for the user.
    void failed(const QString& message);

private:
    QPointer<GuestInventory> m_inventory;
    QPointer<ApiCall> m_nodeCall;
    QPointer<ApiCall> m_guestCall;
    quint64 m_generation = 0;
};

} // namespace hlc
