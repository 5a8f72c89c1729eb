#pragma once

#include "SimHttpServer.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

namespace hlc::sim {

/**
 * @brief The AdGuard Home API (`/control/...`) served on a SimHttpServer, with state.
 *
 * Basic auth (user + password); 401 with a plain-text body otherwise, as AdGuard Home does. Protection can be
 * paused for a duration that really expires (wall clock). Every tick() adds a few queries to the counters, the
 * current hour of the 24 h series and the query log, so the numbers move.
 */
class SimAdGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimAdGuard)
public:
    SimAdGuard(SimHttpServer* server, QString user, QString password, QObject* parent = nullptr);

    [[nodiscard]] static QString apiPrefix() { return QStringLiteral("/control"); }

    [[nodiscard]] bool protectionEnabled() const;
    /// Remaining pause in ms (0: not paused, or paused until turned on again).
    [[nodiscard]] qint64 pauseRemainingMs() const;
    /// Sets protection as POST /control/protection would.
    void setProtection(bool enabled, qint64 durationMs);
    [[nodiscard]] qint64 totalQueries() const { return m_total; }
    /// Sets the stats counters as a real server can report them, e.g. more blocked than total queries (the
    /// counters are kept apart and disagree after a statistics reset).
    void setCounters(qint64 total, qint64 blockedFiltering)
    {
        m_total = total;
        m_blocked = blockedFiltering;
    }
    /// The version /control/status reports (default "v0.107.52"). Older than v0.107.27 ("old server" mode, e.g.
    /// "v0.105.2"): POST /control/protection answers 404 as Go's mux does, /status has no
    /// protection_disabled_duration, and protection is switched only by POST /control/dns_config.
    void setVersion(const QString& version) { m_version = version; }
    [[nodiscard]] QString version() const { return m_version; }
    [[nodiscard]] bool hasProtectionApi() const;

public slots:
    /// Adds a few simulated queries.
    void tick();

private:
    struct Query
    {
        QDateTime time;
        QString client;
        QString clientName;
        QString domain;
        QString type;
        QString reason;
        QString rule;
        qint64 filterId = 0;
        double elapsedMs = 0.0;
    };
    using Handler = SimHttpServer::Handler;
    void add(const QByteArray& method, const QString& path, Handler handler);
    [[nodiscard]] bool authorized(const SimRequest& request) const;
    void addQuery();
    void expirePause() const;

    SimResponse status(const SimRequest& request) const;
    SimResponse stats(const SimRequest& request) const;
    SimResponse filteringStatus(const SimRequest& request) const;
    SimResponse queryLog(const SimRequest& request) const;
    SimResponse protection(const SimRequest& request);
    SimResponse dnsConfig(const SimRequest& request);

    QPointer<SimHttpServer> m_server;
    QString m_version = QStringLiteral("v0.107.52");
    QString m_user;
    QString m_password;
    mutable bool m_protection = true;
    mutable QDateTime m_pauseUntil; ///< invalid: no timed pause
    qint64 m_total = 0;
    qint64 m_blocked = 0;
    qint64 m_safebrowsing = 0;
    qint64 m_parental = 0;
    QList<qint64> m_hourQueries; ///< 24 entries, oldest first
    QList<qint64> m_hourBlocked;
    QList<Query> m_log; ///< newest first, bounded
    quint32 m_seq = 0;
};

} // namespace hlc::sim
