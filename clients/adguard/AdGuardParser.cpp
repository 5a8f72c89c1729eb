#include "AdGuardParser.h"

#include "core/Json.h"

namespace hlc::adguard::parser {

using hlc::json::Json;
namespace J = hlc::json;

namespace {

/// `[{"example.org": 12}, ...]`: each element one key and its number.
QList<TopEntry> topList(const Json& o, const char* key)
{
    QList<TopEntry> out;
    for (const Json& e : J::array(o, key)) {
        if (!e.is_object())
            continue;
        for (auto it = e.begin(); it != e.end(); ++it)
            out.append({QString::fromStdString(it.key()), J::toNumber(it.value())});
    }
    return out;
}

QList<qint64> series(const Json& o, const char* key)
{
    QList<qint64> out;
    for (const Json& v : J::array(o, key)) {
        const double d = J::toNumber(v);
        out.append(d > 0.0 && d < 9.0e18 ? static_cast<qint64>(d) : 0);
    }
    return out;
}

FilterList filterListOf(const Json& f)
{
    FilterList l;
    l.id = J::integer(f, "id");
    l.name = J::string(f, "name");
    l.url = J::string(f, "url");
    l.enabled = J::boolean(f, "enabled");
    l.rulesCount = J::integer(f, "rules_count");
    l.lastUpdated = J::dateTime(f, "last_updated");
    if (l.name.isEmpty())
        l.name = l.url;
    return l;
}

QueryLogEntry queryLogEntryOf(const Json& e)
{
    QueryLogEntry q;
    q.time = J::dateTime(e, "time");
    q.client = J::string(e, "client");
    if (const Json* info = J::member(e, "client_info"))
        q.clientName = J::string(*info, "name");
    if (const Json* question = J::member(e, "question")) {
        q.domain = J::string(*question, "unicode_name");
        if (q.domain.isEmpty())
            q.domain = J::string(*question, "name");
        q.type = J::string(*question, "type");
    }
    q.reason = J::string(e, "reason");
    q.status = J::string(e, "status");
    q.upstream = J::string(e, "upstream");
    q.cached = J::boolean(e, "cached");
    q.elapsedMs = J::number(e, "elapsedMs");
    for (const Json& r : J::array(e, "rules")) {
        q.rule = J::string(r, "text");
        if (!q.rule.isEmpty())
            break;
    }
    if (q.rule.isEmpty())
        q.rule = J::string(e, "rule");
    return q;
}

} // namespace

Result<ServerStatus> status(const QByteArray& body)
{
    const QString what = QStringLiteral("/control/status");
    const auto doc = J::object(body, what);
    if (!doc)
        return doc.error();
    const Json& o = doc.value();
    ServerStatus s;
    s.version = J::string(o, "version");
    s.dnsAddresses = J::strings(o, "dns_addresses");
    s.dnsPort = static_cast<int>(J::integer(o, "dns_port", 53));
    s.httpPort = static_cast<int>(J::integer(o, "http_port", 80));
    s.running = J::boolean(o, "running", false);
    s.protectionEnabled = J::boolean(o, "protection_enabled", true);
    s.language = J::string(o, "language");
    if (const Json* d = J::member(o, "protection_disabled_duration")) {
        const double ms = J::toNumber(*d);
        s.protectionDisabledDurationMs = ms > 0.0 && ms < 9.0e18 ? static_cast<qint64>(ms) : 0;
    } else if (const Json* until = J::member(o, "protection_disabled_until")) {
        // Older servers (before the rename in the CHANGELOG) sent the end of the pause as a timestamp.
        const QDateTime end = J::dateTime(J::toString(*until));
        if (end.isValid())
            s.protectionDisabledDurationMs = std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(end.toUTC()));
    }
    if (!J::member(o, "protection_enabled") && !J::member(o, "version"))
        return J::shapeError(what, QStringLiteral("neither protection_enabled nor version"));
    return s;
}

Result<Stats> stats(const QByteArray& body)
{
    const QString what = QStringLiteral("/control/stats");
    const auto doc = J::object(body, what);
    if (!doc)
        return doc.error();
    const Json& o = doc.value();
    Stats s;
    const QString units = J::string(o, "time_units");
    if (!units.isEmpty())
        s.timeUnits = units;
    s.dnsQueries = J::integer(o, "num_dns_queries");
    s.blockedFiltering = J::integer(o, "num_blocked_filtering");
    s.replacedSafebrowsing = J::integer(o, "num_replaced_safebrowsing");
    s.replacedSafesearch = J::integer(o, "num_replaced_safesearch");
    s.replacedParental = J::integer(o, "num_replaced_parental");
    s.avgProcessingTimeSec = J::number(o, "avg_processing_time");
    s.topQueriedDomains = topList(o, "top_queried_domains");
    s.topBlockedDomains = topList(o, "top_blocked_domains");
    s.topClients = topList(o, "top_clients");
    s.dnsQueriesSeries = series(o, "dns_queries");
    s.blockedSeries = series(o, "blocked_filtering");
    return s;
}

Result<FilteringStatus> filteringStatus(const QByteArray& body)
{
    const QString what = QStringLiteral("/control/filtering/status");
    const auto doc = J::object(body, what);
    if (!doc)
        return doc.error();
    const Json& o = doc.value();
    FilteringStatus s;
    s.enabled = J::boolean(o, "enabled");
    s.intervalHours = static_cast<int>(J::integer(o, "interval"));
    s.filters = J::objects<FilterList>(J::array(o, "filters"), filterListOf);
    s.filters += J::objects<FilterList>(J::array(o, "whitelist_filters"), [](const Json& f) {
        FilterList l = filterListOf(f);
        l.allowlist = true;
        return l;
    });
    for (const Json& r : J::array(o, "user_rules")) {
        const QString rule = J::toString(r).trimmed();
        if (!rule.isEmpty() && !rule.startsWith(QLatin1Char('!')) && !rule.startsWith(QLatin1Char('#')))
            ++s.userRules;
    }
    return s;
}

Result<QueryLog> queryLog(const QByteArray& body)
{
    const QString what = QStringLiteral("/control/querylog");
    const auto doc = J::object(body, what);
    if (!doc)
        return doc.error();
    const Json& o = doc.value();
    QueryLog log;
    log.oldest = J::string(o, "oldest");
    log.entries = J::objects<QueryLogEntry>(J::array(o, "data"), queryLogEntryOf);
    return log;
}

Result<bool> accepted(const QByteArray& /*body*/)
{
    return true;
}

} // namespace hlc::adguard::parser
