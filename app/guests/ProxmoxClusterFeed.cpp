#include "guests/ProxmoxClusterFeed.h"

#include "guests/GuestInventory.h"
#include "proxmox/ProxmoxClient.h"

#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcClusterFeed, "hlc.app.clusterfeed")

namespace hlc {

namespace {
constexpr int kMaxMinAgeMs = 2000;
}

ProxmoxClusterFeed::ProxmoxClusterFeed(QString clusterName, QObject* parent)
    : QObject(parent)
    , m_cluster(std::move(clusterName))
    , m_timer(new QTimer(this))
    , m_deferred(new QTimer(this))
{
    m_deferred->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ProxmoxClusterFeed::onTimer);
    connect(m_deferred, &QTimer::timeout, this, &ProxmoxClusterFeed::onDeferred);
}

ProxmoxClusterFeed::~ProxmoxClusterFeed() = default;

void ProxmoxClusterFeed::addMember(GuestInventory* inventory)
{
    if (!inventory || indexOf(inventory) >= 0)
        return;
    m_members << Member{inventory, inventory->proxmoxClient()};
    inventory->setClusterFeed(this);
}

QList<GuestInventory*> ProxmoxClusterFeed::members() const
{
    QList<GuestInventory*> list;
    for (const Member& m : m_members) {
        if (m.inventory)
            list << m.inventory;
    }
    return list;
}

void ProxmoxClusterFeed::setMinimumAgeMs(int ms)
{
    m_minAgeMs = std::max(0, ms);
    m_minAgeSet = true;
}

GuestInventory* ProxmoxClusterFeed::lastSource() const
{
    return m_lastSource >= 0 && m_lastSource < m_members.size() ? m_members[m_lastSource].inventory.data() : nullptr;
}

void ProxmoxClusterFeed::memberStarted(GuestInventory* member, int intervalMs)
{
    if (indexOf(member) < 0)
        return;
    m_running.insert(member);
    if (!m_minAgeSet)
        m_minAgeMs = std::min(kMaxMinAgeMs, std::max(0, intervalMs / 2));
    if (!m_timer->isActive() || m_timer->interval() != intervalMs)
        m_timer->start(intervalMs);
}

void ProxmoxClusterFeed::memberStopped(GuestInventory* member)
{
    m_running.remove(member);
    if (!m_running.isEmpty())
        return;
    m_timer->stop();
    m_deferred->stop();
    m_askAgain.clear();
    if (m_call)
        m_call->cancel();
    if (m_statusCall)
        m_statusCall->cancel();
}

void ProxmoxClusterFeed::refresh(GuestInventory* member)
{
    if (indexOf(member) < 0)
        return;
    if (m_inRound) {
        // Joins the request in flight; a second call of the same member wants data newer than that request.
        if (m_askedBy.contains(member))
            m_askAgain.insert(member);
        else
            m_askedBy.insert(member);
        return;
    }
    if (m_roundStarted.isValid() && m_roundStarted.elapsed() < m_minAgeMs) {
        if (!m_askedBy.contains(member)) {
            // Another member's request of a moment ago already answered for this one too.
            m_askedBy.insert(member);
            return;
        }
        m_askAgain.insert(member);
        if (!m_deferred->isActive())
            m_deferred->start(static_cast<int>(std::max<qint64>(0, m_minAgeMs - m_roundStarted.elapsed())));
        return;
    }
    startRound({member});
}

void ProxmoxClusterFeed::onTimer()
{
    if (m_inRound || m_deferred->isActive() || (m_roundStarted.isValid() && m_roundStarted.elapsed() < m_minAgeMs))
        return; // fresh enough, or a request is on its way
    // Every member counts as having asked: a refresh() right after this is a wish for newer data (e.g. an action).
    startRound(allMembers());
}

void ProxmoxClusterFeed::onDeferred()
{
    if (m_inRound || m_askAgain.isEmpty())
        return;
    startRound(m_askAgain);
}

void ProxmoxClusterFeed::startRound(QSet<GuestInventory*> askedBy)
{
    const bool anyReady =
        std::any_of(m_members.cbegin(), m_members.cend(), [this](const Member& m) { return isReady(m); });
    if (!anyReady) {
        // No secret yet, or ticket auth before the login: the member's proxmoxAuthenticated() refreshes again.
        qCDebug(lcClusterFeed) << m_cluster << "no member ready for /cluster/resources";
        return;
    }
    m_deferred->stop();
    m_inRound = true;
    m_askedBy = std::move(askedBy);
    m_askedBy.unite(m_askAgain);
    m_askAgain.clear();
    m_tried.clear();
    m_failures.clear();
    m_lastError.reset();
    m_roundStarted.start();
    for (const Member& m : m_members) {
        if (m.inventory)
            m.inventory->guestsAttempted();
    }
    tryNext();
}

bool ProxmoxClusterFeed::tryNext()
{
    const int n = static_cast<int>(m_members.size());
    for (int step = 0; step < n; ++step) {
        const int i = (m_preferred + step) % n;
        if (m_tried.contains(i) || !isReady(m_members[i]))
            continue;
        m_tried << i;
        ++m_requestsSent;
        GuestInventory* inv = m_members[i].inventory;
        emit requestStarted(inv);
        m_call = m_members[i].client->clusterResources(
            QString(), this, [this, i](Result<QList<pve::Resource>> r) { onResult(i, std::move(r)); });
        return true;
    }
    return false;
}

void ProxmoxClusterFeed::onResult(int memberIndex, Result<QList<pve::Resource>> result)
{
    m_call.clear();
    if (result.ok()) {
        m_preferred = memberIndex; // it answered: ask it first next time (a dead node costs no timeout per refresh)
        m_lastSource = memberIndex;
        finishRound(result);
        fetchClusterStatus(memberIndex);
        return;
    }
    const ApiError& e = result.error();
    if (e.kind == ApiError::Kind::Cancelled) {
        m_inRound = false;
        return;
    }
    const GuestInventory* inv = m_members[memberIndex].inventory;
    const QString hostId = inv ? inv->hostId() : QString::number(memberIndex);
    m_failures << hostId + QStringLiteral(": ") + e.detail;
    m_lastError = e;
    if (isConnectionFailure(e)) {
        qCInfo(lcClusterFeed) << m_cluster << "/cluster/resources through" << hostId << "failed:" << e.detail;
        if (tryNext())
            return;
    }
    ApiError last = e;
    if (m_failures.size() > 1)
        last.detail =
            QStringLiteral("cluster %1: every node failed: %2").arg(m_cluster, m_failures.join(QStringLiteral("; ")));
    finishRound(Result<QList<pve::Resource>>(last));
}

void ProxmoxClusterFeed::finishRound(const Result<QList<pve::Resource>>& result)
{
    m_inRound = false;
    for (const Member& m : m_members) {
        if (m.inventory)
            m.inventory->applyClusterResources(result);
    }
    if (!m_askAgain.isEmpty() && !m_deferred->isActive()) {
        const qint64 wait = std::max<qint64>(0, m_minAgeMs - m_roundStarted.elapsed());
        m_deferred->start(static_cast<int>(wait));
    }
}

void ProxmoxClusterFeed::fetchClusterStatus(int memberIndex)
{
    if (m_statusCall || memberIndex < 0 || memberIndex >= m_members.size() || !m_members[memberIndex].client ||
        (m_statusFetched.isValid() && m_statusFetched.elapsed() < m_statusIntervalMs))
        return;
    m_statusFetched.start();
    m_statusCall = m_members[memberIndex].client->clusterStatus(this, [this](Result<QList<pve::ClusterStatusEntry>> r) {
        m_statusCall.clear();
        if (!r.ok()) {
            // Not worth a banner: the guests came through; the summary stays as it was and is retried later.
            if (r.error().kind != ApiError::Kind::Cancelled)
                qCInfo(lcClusterFeed) << m_cluster << "/cluster/status failed:" << r.error().detail;
            return;
        }
        ClusterSummary s;
        s.fetched = QDateTime::currentDateTimeUtc();
        for (const pve::ClusterStatusEntry& e : r.value()) {
            if (e.type == QLatin1String("cluster")) {
                s.name = e.name;
                s.quorate = e.quorate;
            } else if (e.type == QLatin1String("node")) {
                ++s.nodesTotal;
                s.nodesOnline += e.online ? 1 : 0;
            }
        }
        m_summary = s;
        emit clusterStatusUpdated();
    });
}

QString ProxmoxClusterFeed::configMismatch() const
{
    if (!m_summary)
        return {};
    if (m_summary->name.isEmpty())
        return tr("The configuration groups these hosts as cluster \"%1\", but Proxmox reports a standalone node: "
                  "each host's guests may be missing. Remove \"cluster\" from their Proxmox services.")
            .arg(m_cluster);
    if (m_summary->name != m_cluster)
        return tr("The configuration names the cluster \"%1\", but Proxmox calls it \"%2\".")
            .arg(m_cluster, m_summary->name);
    return {};
}

bool ProxmoxClusterFeed::isReady(const Member& m) const
{
    if (!m.inventory || !m.client)
        return false;
    // Token: its secret is there. Ticket: the HostMonitor has logged in (the ticket is the secret).
    const Credentials& c = m.client->endpoint().credentials;
    return c.scheme == AuthScheme::None || !c.secret.isEmpty();
}

int ProxmoxClusterFeed::indexOf(const GuestInventory* inventory) const
{
    for (int i = 0; i < m_members.size(); ++i) {
        if (inventory && m_members[i].inventory == inventory)
            return i;
    }
    return -1;
}

QSet<GuestInventory*> ProxmoxClusterFeed::allMembers() const
{
    QSet<GuestInventory*> all;
    for (const Member& m : m_members) {
        if (m.inventory)
            all.insert(m.inventory);
    }
    return all;
}

bool ProxmoxClusterFeed::isConnectionFailure(const ApiError& e)
{
    switch (e.kind) {
    case ApiError::Kind::Network: // refused, reset, host unreachable
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:    // e.g. this node's certificate is not (yet) trusted
    case ApiError::Kind::Server: // 5xx, PVE's 595 "No route to host" included
        return true;
    default:
        // A node that is up answered: a 4xx or unparsable body is the cluster's answer, and an auth failure means
        // this member's credentials are wrong, which a silent failover would hide from the user.
        return false;
    }
}

} // namespace hlc
