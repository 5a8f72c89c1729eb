#include "metrics/NotificationPolicy.h"

#include <QSet>

namespace hlc {

NotificationPolicy::NotificationPolicy()
    : NotificationPolicy(Settings{})
{}

NotificationPolicy::NotificationPolicy(Settings settings, Clock clock)
    : m_settings(settings)
    , m_clock(std::move(clock))
{}

QDateTime NotificationPolicy::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void NotificationPolicy::reset()
{
    m_tracks.clear();
    m_sent.clear();
}

QList<NotificationPolicy::Decision> NotificationPolicy::evaluate(const QList<PolicyAlert>& firing)
{
    const QDateTime t = now();
    struct Pending
    {
        Decision::Kind kind;
        QString fingerprint;
    };
    QList<Pending> pending;
    QSet<QString> seen;

    for (const PolicyAlert& a : firing) {
        seen.insert(a.fingerprint);
        Track& tr = m_tracks[a.fingerprint];
        tr.firing = true;
        tr.resolvedSince = {}; // firing again within the hold time: the same incident
        if (a.suppressed)
            continue;
        if (!tr.notified) {
            pending.append({Decision::Kind::Firing, a.fingerprint});
            tr.notified = true;
            tr.lastNotified = t;
        } else if (tr.lastNotified.secsTo(t) >= m_settings.repeatSeconds) {
            pending.append({Decision::Kind::Repeat, a.fingerprint});
            tr.lastNotified = t;
        }
    }

    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        Track& tr = it.value();
        if (seen.contains(it.key())) {
            ++it;
            continue;
        }
        if (tr.firing) {
            tr.firing = false;
            tr.resolvedSince = t;
        }
        if (!tr.notified) {
            it = m_tracks.erase(it); // never announced: nothing to resolve
            continue;
        }
        if (tr.resolvedSince.isValid() && tr.resolvedSince.secsTo(t) >= m_settings.resolvedHoldSeconds) {
            pending.append({Decision::Kind::Resolved, it.key()});
            it = m_tracks.erase(it);
            continue;
        }
        ++it;
    }

    // Storm cap over a sliding window.
    while (!m_sent.isEmpty() && m_sent.first().secsTo(t) >= m_settings.stormWindowSeconds)
        m_sent.removeFirst();
    QList<Decision> out;
    if (pending.isEmpty())
        return out;
    const qsizetype allowed = std::max<qsizetype>(0, m_settings.stormThreshold - m_sent.size());
    if (pending.size() <= allowed) {
        for (const Pending& p : pending) {
            out.append(Decision{p.kind, {p.fingerprint}, {}});
            m_sent.append(t);
        }
        return out;
    }
    Decision summary;
    summary.kind = Decision::Kind::Summary;
    for (const Pending& p : pending) {
        summary.fingerprints.append(p.fingerprint);
        summary.summarized.append(p.kind);
    }
    out.append(summary);
    m_sent.append(t);
    return out;
}

} // namespace hlc
