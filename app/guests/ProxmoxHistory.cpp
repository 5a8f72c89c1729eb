#include "guests/ProxmoxHistory.h"

#include "guests/GuestInventory.h"
#include "proxmox/ProxmoxClient.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHistory, "hlc.app.history")

namespace hlc {

ProxmoxHistory::ProxmoxHistory(GuestInventory* inventory, QObject* parent)
    : QObject(parent)
    , m_inventory(inventory)
{}

ProxmoxHistory::~ProxmoxHistory() = default;

QStringList ProxmoxHistory::timeframes()
{
    return {QStringLiteral("hour"), QStringLiteral("day"), QStringLiteral("week")};
}

void ProxmoxHistory::load(const QString& timeframe, const QString& guestKey)
{
    const quint64 gen = ++m_generation;
    for (const QPointer<ApiCall>& c : {m_nodeCall, m_guestCall}) {
        if (c)
            c->cancel();
    }
    if (!m_inventory || !m_inventory->proxmoxClient() || m_inventory->proxmoxNode().isEmpty())
        return;
    pve::ProxmoxClient* client = m_inventory->proxmoxClient();
    const Credentials& auth = client->endpoint().credentials;
    if (auth.scheme == AuthScheme::PveTicket && auth.secret.isEmpty())
        return; // not logged in yet
    const QString node = m_inventory->proxmoxNode();
    auto report = [this](const ApiError& e) {
        if (e.kind == ApiError::Kind::Cancelled)
            return;
        qCInfo(lcHistory) << "rrddata failed:" << e.detail;
        emit failed(e.message);
    };
    m_nodeCall =
        client->nodeRrd(node, timeframe, this, [this, gen, node, timeframe, report](Result<QList<pve::RrdPoint>> r) {
            if (gen != m_generation)
                return;
            if (r.ok())
                emit nodeHistory(node, timeframe, r.value());
            else
                report(r.error());
        });
    if (guestKey.isEmpty())
        return;
    for (const pve::Resource& g : m_inventory->guests()) {
        if (g.id != guestKey)
            continue;
        m_guestCall = client->guestRrd(g.node.isEmpty() ? node : g.node, g.type, g.vmid, timeframe, this,
                                       [this, gen, guestKey, timeframe, report](Result<QList<pve::RrdPoint>> r) {
                                           if (gen != m_generation)
                                               return;
                                           if (r.ok())
                                               emit guestHistory(guestKey, timeframe, r.value());
                                           else
                                               report(r.error());
                                       });
        return;
    }
}

} // namespace hlc
