#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace hlc::adguard {

/// GET /control/status: the DNS server's state and protection switch.
struct ServerStatus
{
    QString version;          ///< e.g. "v0.107.52"
    QStringList dnsAddresses; ///< addresses the DNS server listens on
    int dnsPort = 53;
    int httpPort = 80;
    bool running = false;
    bool protectionEnabled = true;
    /// Remaining pause of protection in milliseconds; 0: not paused or paused until re-enabled.
    qint64 protectionDisabledDurationMs = 0;
    QString language;
};

/// One row of a "top" list: a domain or client and its count (or average time for upstreams).
struct TopEntry
{
    QString name;
    double value = 0.0;
};

/// GET /control/stats: counters over the stats period plus hourly (or daily) series.
struct Stats
{
    QString timeUnits = QStringLiteral("hours"); ///< "hours" or "days": the unit of the series points
    qint64 dnsQueries = 0;
    qint64 blockedFiltering = 0;
    qint64 replacedSafebrowsing = 0;
    qint64 replacedSafesearch = 0;
    qint64 replacedParental = 0;
    double avgProcessingTimeSec = 0.0;
    QList<TopEntry> topQueriedDomains;
    QList<TopEntry> topBlockedDomains;
    QList<TopEntry> topClients;
    QList<qint64> dnsQueriesSeries; ///< oldest first
    QList<qint64> blockedSeries;    ///< oldest first

    /// Blocked share of all queries in percent (filtering + safe browsing + parental), 0 when there were none.
    [[nodiscard]] double blockedPercent() const
    {
        const qint64 blocked = blockedFiltering + replacedSafebrowsing + replacedParental;
        return dnsQueries > 0 ? 100.0 * static_cast<double>(blocked) / static_cast<double>(dnsQueries) : 0.0;
    }
};

/// One filter list subscription.
struct FilterList
{
    qint64 id = 0;
    QString name;
    QString url;
    bool enabled = false;
    qint64 rulesCount = 0;
    QDateTime lastUpdated;  ///< invalid: never updated
    bool allowlist = false; ///< from `whitelist_filters`
};

/// GET /control/filtering/status.
struct FilteringStatus
{
    bool enabled = false;
    int intervalHours = 0;
    QList<FilterList> filters; ///< block lists first, then allow lists
    int userRules = 0;

    [[nodiscard]] qint64 totalRules() const
    {
        qint64 n = userRules;
        for (const FilterList& f : filters)
            n += f.enabled ? f.rulesCount : 0;
        return n;
    }
};

/// One entry of the query log.
struct QueryLogEntry
{
    QDateTime time;
    QString client;     ///< IP address
    QString clientName; ///< from client_info.name; may be empty
    QString domain;     ///< question.name (unicode form when given)
    QString type;       ///< question.type, e.g. "A"
    QString reason;     ///< FilteringReason, e.g. "FilteredBlackList"
    QString status;     ///< DNS status, e.g. "NOERROR"
    QString rule;       ///< the first matching rule text, if any
    QString upstream;
    double elapsedMs = 0.0;
    bool cached = false;

    /// True for every "Filtered*" reason (blocked by a list, safe browsing, parental, a blocked service, ...).
    [[nodiscard]] bool isBlocked() const
    {
        return reason.startsWith(QLatin1String("Filtered")) && reason != QLatin1String("FilteredSafeSearch");
    }
};

/// GET /control/querylog.
struct QueryLog
{
    QList<QueryLogEntry> entries; ///< newest first
    QString oldest;               ///< cursor for the next page (`older_than`)
};

/// Filters of a query log request.
struct QueryLogFilter
{
    bool blockedOnly = false;
    QString search; ///< a domain part or client IP; empty: all
    int limit = 100;
};

} // namespace hlc::adguard
