#include "SimAdGuard.h"

#include <QHash>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

namespace hlc::sim {

using Json = nlohmann::json;

namespace {

struct Domain
{
    const char* name;
    bool blocked;
    const char* rule;
};

// Queries of a homelab: its own services, everyday sites, and trackers that the lists block.
const Domain s_domains[] = {
    {"grafana.home.arpa", false, ""},
    {"homeassistant.home.arpa", false, ""},
    {"api.github.com", false, ""},
    {"deb.debian.org", false, ""},
    {"registry-1.docker.io", false, ""},
    {"www.wikipedia.org", false, ""},
    {"ntp.ubuntu.com", false, ""},
    {"doubleclick.net", true, "||doubleclick.net^"},
    {"telemetry.example-tv.com", true, "||telemetry.example-tv.com^"},
    {"ads.example-cdn.net", true, "||ads.example-cdn.net^"},
    {"tracker.example-analytics.io", true, "||example-analytics.io^"},
};

struct Client
{
    const char* ip;
    const char* name;
};

const Client s_clients[] = {
    {"10.10.0.7", "pve-thinkpad"}, {"10.10.0.21", "docker-core"}, {"10.10.0.34", "living-room-tv"},
    {"10.10.0.45", "laptop"},      {"10.10.0.52", "phone"},
};

SimResponse unauthorized()
{
    SimResponse r = SimResponse::text(401, "Unauthorized\n");
    r.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Basic realm=\"Restricted\"")));
    return r;
}

QByteArray dump(const Json& j)
{
    return QByteArray::fromStdString(j.dump());
}

Json topOf(const QHash<QString, qint64>& counts, int max)
{
    QList<QPair<QString, qint64>> v;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        v.append({it.key(), it.value()});
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    Json out = Json::array();
    for (int i = 0; i < v.size() && i < max; ++i)
        out.push_back(Json{{v[i].first.toStdString(), v[i].second}});
    return out;
}

} // namespace

SimAdGuard::SimAdGuard(SimHttpServer* server, QString user, QString password, QObject* parent)
    : QObject(parent)
    , m_server(server)
    , m_user(std::move(user))
    , m_password(std::move(password))
{
    // A believable past day: a daily curve of queries, about 12 % blocked.
    for (int h = 0; h < 24; ++h) {
        const qint64 q = 400 + ((h * 37) % 11) * 40 + (h > 6 && h < 23 ? 600 : 0);
        m_hourQueries << q;
        m_hourBlocked << q * 12 / 100;
        m_total += q;
        m_blocked += q * 12 / 100;
    }
    m_safebrowsing = 7;
    m_parental = 2;
    for (int i = 0; i < 60; ++i)
        addQuery();

    add("GET", QStringLiteral("/status"), [this](const SimRequest& r) { return status(r); });
    add("GET", QStringLiteral("/stats"), [this](const SimRequest& r) { return stats(r); });
    add("GET", QStringLiteral("/filtering/status"), [this](const SimRequest& r) { return filteringStatus(r); });
    add("GET", QStringLiteral("/querylog"), [this](const SimRequest& r) { return queryLog(r); });
    add("POST", QStringLiteral("/protection"), [this](const SimRequest& r) { return protection(r); });
    add("POST", QStringLiteral("/dns_config"), [this](const SimRequest& r) { return dnsConfig(r); });
}

bool SimAdGuard::hasProtectionApi() const
{
    static const QRegularExpression s_release(QStringLiteral("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const QRegularExpressionMatch m = s_release.match(m_version);
    if (!m.hasMatch())
        return true; // edge, dev: the newest code
    const int minor = m.captured(2).toInt();
    return m.captured(1).toInt() > 0 || minor > 107 || (minor == 107 && m.captured(3).toInt() >= 27);
}

void SimAdGuard::add(const QByteArray& method, const QString& path, Handler handler)
{
    if (!m_server)
        return;
    m_server->route(method, apiPrefix() + path,
                    [self = QPointer<SimAdGuard>(this), handler = std::move(handler)](const SimRequest& request) {
                        if (!self)
                            return SimResponse::text(503, "service unavailable\n");
                        if (!self->authorized(request))
                            return unauthorized();
                        return handler(request);
                    });
}

bool SimAdGuard::authorized(const SimRequest& request) const
{
    const QByteArray expected = "Basic " + (m_user + QLatin1Char(':') + m_password).toUtf8().toBase64();
    return !m_password.isEmpty() && request.header("authorization") == expected;
}

void SimAdGuard::expirePause() const
{
    if (!m_protection && m_pauseUntil.isValid() && QDateTime::currentDateTimeUtc() >= m_pauseUntil) {
        m_protection = true;
        m_pauseUntil = {};
    }
}

bool SimAdGuard::protectionEnabled() const
{
    expirePause();
    return m_protection;
}

qint64 SimAdGuard::pauseRemainingMs() const
{
    expirePause();
    if (m_protection || !m_pauseUntil.isValid())
        return 0;
    return std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(m_pauseUntil));
}

void SimAdGuard::setProtection(bool enabled, qint64 durationMs)
{
    m_protection = enabled;
    m_pauseUntil = (!enabled && durationMs > 0) ? QDateTime::currentDateTimeUtc().addMSecs(durationMs) : QDateTime();
}

void SimAdGuard::tick()
{
    const int n = 3 + static_cast<int>(m_seq % 5);
    for (int i = 0; i < n; ++i)
        addQuery();
}

void SimAdGuard::addQuery()
{
    const quint32 k = m_seq++;
    const Domain& d = s_domains[(k * 7 + k / 3) % std::size(s_domains)];
    const Client& c = s_clients[(k * 3 + k / 5) % std::size(s_clients)];
    const bool blocked = d.blocked && protectionEnabled();
    Query q;
    q.time = QDateTime::currentDateTimeUtc();
    q.client = QString::fromLatin1(c.ip);
    q.clientName = QString::fromLatin1(c.name);
    q.domain = QString::fromLatin1(d.name);
    q.type = (k % 4 == 0) ? QStringLiteral("AAAA") : QStringLiteral("A");
    q.reason = blocked ? QStringLiteral("FilteredBlackList") : QStringLiteral("NotFilteredNotFound");
    q.rule = blocked ? QString::fromLatin1(d.rule) : QString();
    q.filterId = blocked ? 1 : 0;
    q.elapsedMs = 0.4 + (k % 13) * 1.7;
    m_log.prepend(q);
    if (m_log.size() > 500)
        m_log.removeLast();
    ++m_total;
    ++m_hourQueries.last();
    if (blocked) {
        ++m_blocked;
        ++m_hourBlocked.last();
    }
}

SimResponse SimAdGuard::status(const SimRequest&) const
{
    Json j = {
        {"dns_addresses", Json::array({"127.0.0.1", "::1"})},
        {"dns_port", 53},
        {"http_port", m_server ? m_server->port() : 80},
        {"protection_enabled", protectionEnabled()},
        {"dhcp_available", false},
        {"running", true},
        {"version", m_version.toStdString()},
        {"language", "en"},
    };
    if (hasProtectionApi()) { // both arrived with v0.107.27's protection pause
        j["protection_disabled_duration"] = pauseRemainingMs();
        j["start_time"] = 1700000000000.0;
    }
    return SimResponse::json(200, dump(j));
}

SimResponse SimAdGuard::stats(const SimRequest&) const
{
    QHash<QString, qint64> queried, blocked, clients;
    for (const Query& q : m_log) {
        ++queried[q.domain];
        ++clients[q.client];
        if (!q.rule.isEmpty())
            ++blocked[q.domain];
    }
    Json dnsSeries = Json::array(), blockedSeries = Json::array(), zeros = Json::array();
    for (int h = 0; h < m_hourQueries.size(); ++h) {
        dnsSeries.push_back(m_hourQueries[h]);
        blockedSeries.push_back(m_hourBlocked[h]);
        zeros.push_back(0);
    }
    Json j = {
        {"time_units", "hours"},
        {"num_dns_queries", m_total},
        {"num_blocked_filtering", m_blocked},
        {"num_replaced_safebrowsing", m_safebrowsing},
        {"num_replaced_safesearch", 0},
        {"num_replaced_parental", m_parental},
        {"avg_processing_time", 0.0042},
        {"top_queried_domains", topOf(queried, 10)},
        {"top_clients", topOf(clients, 10)},
        {"top_blocked_domains", topOf(blocked, 10)},
        {"top_upstreams_responses", Json::array({Json{{"https://dns10.quad9.net:443/dns-query", m_total}}})},
        {"top_upstreams_avg_time", Json::array({Json{{"https://dns10.quad9.net:443/dns-query", 0.021}}})},
        {"dns_queries", dnsSeries},
        {"blocked_filtering", blockedSeries},
        {"replaced_safebrowsing", zeros},
        {"replaced_parental", zeros},
    };
    return SimResponse::json(200, dump(j));
}

SimResponse SimAdGuard::filteringStatus(const SimRequest&) const
{
    Json j = {
        {"enabled", true},
        {"interval", 24},
        {"filters", Json::array({
                        Json{{"enabled", true},
                             {"id", 1},
                             {"name", "AdGuard DNS filter"},
                             {"rules_count", 61123},
                             {"url", "https://adguardteam.github.io/HostlistsRegistry/assets/filter_1.txt"},
                             {"last_updated", "2024-05-01T06:00:12+02:00"}},
                        Json{{"enabled", true},
                             {"id", 2},
                             {"name", "AdAway Default Blocklist"},
                             {"rules_count", 6540},
                             {"url", "https://adaway.org/hosts.txt"},
                             {"last_updated", "2024-05-01T06:00:13+02:00"}},
                        Json{{"enabled", false},
                             {"id", 3},
                             {"name", "OISD Small"},
                             {"rules_count", 0},
                             {"url", "https://small.oisd.nl/"}},
                    })},
        {"whitelist_filters", Json::array()},
        {"user_rules", Json::array({"@@||grafana.home.arpa^", "! local services are never blocked"})},
    };
    return SimResponse::json(200, dump(j));
}

SimResponse SimAdGuard::queryLog(const SimRequest& request) const
{
    bool okLimit = false;
    int limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&okLimit);
    if (!okLimit || limit <= 0)
        limit = 500;
    const QString search = request.query.queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded);
    const QString status = request.query.queryItemValue(QStringLiteral("response_status"));
    const QStringList reasons = request.query.allQueryItemValues(QStringLiteral("reason"));
    const bool blockedOnly = status == QLatin1String("blocked") || status == QLatin1String("filtered");
    Json data = Json::array();
    QString oldest;
    for (const Query& q : m_log) {
        if (data.size() >= static_cast<size_t>(limit))
            break;
        if (blockedOnly && q.rule.isEmpty())
            continue;
        if (!reasons.isEmpty() && !reasons.contains(q.reason))
            continue;
        if (!search.isEmpty() && !q.domain.contains(search, Qt::CaseInsensitive) && q.client != search &&
            !q.clientName.contains(search, Qt::CaseInsensitive))
            continue;
        const QString time = q.time.toString(Qt::ISODateWithMs);
        oldest = time;
        Json rules = Json::array();
        if (!q.rule.isEmpty())
            rules.push_back({{"filter_list_id", q.filterId}, {"text", q.rule.toStdString()}});
        Json answer = Json::array();
        if (q.rule.isEmpty())
            answer.push_back({{"type", q.type.toStdString()},
                              {"value", q.type == QLatin1String("A") ? "10.10.0.80" : "fd00::80"},
                              {"ttl", 300}});
        data.push_back({
            {"answer", answer},
            {"answer_dnssec", false},
            {"cached", false},
            {"client", q.client.toStdString()},
            {"client_info",
             {{"disallowed", false},
              {"disallowed_rule", ""},
              {"name", q.clientName.toStdString()},
              {"whois", Json::object()}}},
            {"client_proto", ""},
            {"elapsedMs", QString::number(q.elapsedMs, 'f', 6).toStdString()},
            {"question", {{"class", "IN"}, {"name", q.domain.toStdString()}, {"type", q.type.toStdString()}}},
            {"reason", q.reason.toStdString()},
            {"rules", rules},
            {"status", "NOERROR"},
            {"time", time.toStdString()},
            {"upstream", q.rule.isEmpty() ? "https://dns10.quad9.net:443/dns-query" : ""},
        });
    }
    Json j = {{"oldest", oldest.toStdString()}, {"data", data}};
    return SimResponse::json(200, dump(j));
}

SimResponse SimAdGuard::dnsConfig(const SimRequest& request)
{
    const Json body = Json::parse(request.body.constBegin(), request.body.constEnd(), nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return SimResponse::text(400, "json.Decode: invalid request body\n");
    if (body.contains("protection_enabled")) {
        if (!body["protection_enabled"].is_boolean())
            return SimResponse::text(400, "json.Decode: protection_enabled must be a boolean\n");
        setProtection(body["protection_enabled"].get<bool>(), 0);
    }
    return SimResponse::text(200, "");
}

SimResponse SimAdGuard::protection(const SimRequest& request)
{
    if (!hasProtectionApi())
        return SimResponse::text(404, "404 page not found\n"); // Go's default for an unknown path
    const Json body = Json::parse(request.body.constBegin(), request.body.constEnd(), nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("enabled") || !body["enabled"].is_boolean())
        return SimResponse::text(400, "json.Decode: invalid request body\n");
    const bool enabled = body["enabled"].get<bool>();
    qint64 duration = 0;
    if (body.contains("duration")) {
        if (!body["duration"].is_number_unsigned() && !body["duration"].is_number_integer())
            return SimResponse::text(400, "json.Decode: duration must be an integer\n");
        duration = body["duration"].get<qint64>();
        if (duration < 0)
            return SimResponse::text(400, "json.Decode: duration must not be negative\n");
        if (enabled && duration > 0)
            return SimResponse::text(400, "duration is only allowed with enabled: false\n");
    }
    setProtection(enabled, duration);
    return SimResponse::text(200, "OK\n");
}

} // namespace hlc::sim
