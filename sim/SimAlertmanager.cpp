#include "SimAlertmanager.h"

#include "SimPrometheus.h"

#include <QRegularExpression>
#include <QUuid>

#include <nlohmann/json.hpp>

namespace hlc::sim {

using nlohmann::json;

namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

std::string iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

QDateTime parseTime(const json& o, const char* key)
{
    if (!o.contains(key) || !o[key].is_string())
        return {};
    const QString s = QString::fromStdString(o[key].get<std::string>());
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    return t;
}

QString jsonString(const json& o, const char* key)
{
    return o.contains(key) && o[key].is_string() ? QString::fromStdString(o[key].get<std::string>()) : QString();
}

QMap<QString, QString> labelsOf(const json& o, const char* key)
{
    QMap<QString, QString> out;
    if (!o.contains(key) || !o[key].is_object())
        return out;
    for (auto it = o[key].begin(); it != o[key].end(); ++it) {
        if (it.value().is_string())
            out.insert(QString::fromStdString(it.key()), QString::fromStdString(it.value().get<std::string>()));
    }
    return out;
}

json labelsJson(const QMap<QString, QString>& labels)
{
    json o = json::object();
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        o[str(it.key())] = str(it.value());
    return o;
}

/// Alertmanager answers errors with a JSON string.
SimResponse amError(int status, const QString& message)
{
    return SimResponse::json(status, QByteArray::fromStdString(json(str(message)).dump()));
}

bool boolParam(const SimRequest& r, const char* name, bool fallback)
{
    const QString v = r.query.queryItemValue(QString::fromLatin1(name)).toLower();
    if (v.isEmpty())
        return fallback;
    return v == QLatin1String("true") || v == QLatin1String("1");
}

json silenceJson(const SimSilence& s, const QDateTime& now)
{
    json matchers = json::array();
    for (const SimSilence::Matcher& m : s.matchers)
        matchers.push_back(
            {{"name", str(m.name)}, {"value", str(m.value)}, {"isRegex", m.isRegex}, {"isEqual", m.isEqual}});
    return {{"id", str(s.id)},
            {"status", {{"state", str(s.state(now))}}},
            {"updatedAt", iso(s.updatedAt)},
            {"annotations", json::object()},
            {"matchers", matchers},
            {"startsAt", iso(s.startsAt)},
            {"endsAt", iso(s.endsAt)},
            {"createdBy", str(s.createdBy)},
            {"comment", str(s.comment)}};
}

} // namespace

QString SimSilence::state(const QDateTime& now) const
{
    if (now < startsAt)
        return QStringLiteral("pending");
    if (now >= endsAt)
        return QStringLiteral("expired");
    return QStringLiteral("active");
}

bool SimSilence::matches(const QMap<QString, QString>& labels) const
{
    for (const Matcher& m : matchers) {
        const QString v = labels.value(m.name);
        const bool hit = m.isRegex
                             ? QRegularExpression(QRegularExpression::anchoredPattern(m.value)).match(v).hasMatch()
                             : v == m.value;
        if (hit != m.isEqual)
            return false;
    }
    return !matchers.isEmpty();
}

QString SimAlertmanager::fingerprint(const QMap<QString, QString>& labels)
{
    quint64 h = 14695981039346656037ull;
    auto add = [&h](const QByteArray& bytes) {
        for (const char c : bytes) {
            h ^= static_cast<quint8>(c);
            h *= 1099511628211ull;
        }
    };
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        add(it.key().toUtf8());
        add(QByteArray(1, '\xff'));
        add(it.value().toUtf8());
        add(QByteArray(1, '\xff'));
    }
    return QStringLiteral("%1").arg(h, 16, 16, QLatin1Char('0'));
}

SimAlertmanager::SimAlertmanager(SimPrometheus* prometheus, SimHttpServer* server, QObject* parent)
    : QObject(parent)
    , m_prometheus(prometheus)
    , m_server(server)
    , m_startedAt(QDateTime::currentDateTimeUtc())
{
    if (!m_server)
        return;
    m_server->route("GET", QStringLiteral("/api/v2/status"), [this](const SimRequest& r) { return status(r); });
    m_server->route("GET", QStringLiteral("/api/v2/alerts"), [this](const SimRequest& r) { return getAlerts(r); });
    m_server->route("POST", QStringLiteral("/api/v2/alerts"), [this](const SimRequest& r) { return postAlerts(r); });
    m_server->route("GET", QStringLiteral("/api/v2/silences"), [this](const SimRequest& r) { return getSilences(r); });
    m_server->route("POST", QStringLiteral("/api/v2/silences"), [this](const SimRequest& r) { return postSilence(r); });
    m_server->route("GET", QStringLiteral("/api/v2/silence/{id}"),
                    [this](const SimRequest& r) { return getSilence(r); });
    m_server->route("DELETE", QStringLiteral("/api/v2/silence/{id}"),
                    [this](const SimRequest& r) { return deleteSilence(r); });
}

SimAlertmanager::~SimAlertmanager() = default;

SimResponse SimAlertmanager::status(const SimRequest&) const
{
    const json body = {
        {"cluster", {{"name", "01HSIMULATEDALERTMANAGER0"}, {"status", "disabled"}, {"peers", json::array()}}},
        {"versionInfo",
         {{"version", str(version())},
          {"revision", "258fab7cdd551f2cf251ed0348f0ad7289aee789"},
          {"branch", "debian/sid"},
          {"buildUser", "team+pkg-go@tracker.debian.org"},
          {"buildDate", "20230502-12:00:00"},
          {"goVersion", "go1.19.8"}}},
        {"config", {{"original", "route:\n  receiver: tray\nreceivers:\n- name: tray\n"}}},
        {"uptime", iso(m_startedAt)}};
    return SimResponse::json(200, QByteArray::fromStdString(body.dump()));
}

SimResponse SimAlertmanager::getAlerts(const SimRequest& request)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    struct Entry
    {
        QMap<QString, QString> labels;
        QMap<QString, QString> annotations;
        QDateTime startsAt;
        QDateTime endsAt;
        QString generatorUrl;
    };
    QList<Entry> entries;
    if (m_prometheus) {
        for (const SimPromAlert& a : m_prometheus->firingAlerts())
            entries.append({a.labels, a.annotations, a.activeAt, now.addSecs(180),
                            QStringLiteral("http://localhost:9090/graph?g0.expr=ALERTS&g0.tab=1")});
    }
    m_pushed.erase(std::remove_if(m_pushed.begin(), m_pushed.end(), [&](const Pushed& p) { return p.endsAt <= now; }),
                   m_pushed.end());
    for (const Pushed& p : std::as_const(m_pushed))
        entries.append({p.labels, p.annotations, p.startsAt, p.endsAt, p.generatorUrl});

    const bool wantActive = boolParam(request, "active", true);
    const bool wantSilenced = boolParam(request, "silenced", true);
    const bool wantInhibited = boolParam(request, "inhibited", true);
    SimSilence filter;
    static const QRegularExpression s_matcher(
        QStringLiteral("^\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"?(.*?)\"?\\s*$"));
    for (const QString& f : request.query.allQueryItemValues(QStringLiteral("filter"), QUrl::FullyDecoded)) {
        const auto m = s_matcher.match(f);
        if (!m.hasMatch())
            return amError(400, QStringLiteral("bad matcher format: %1").arg(f));
        const QString op = m.captured(2);
        filter.matchers.append(
            {m.captured(1), m.captured(3), op.endsWith(QLatin1Char('~')), !op.startsWith(QLatin1Char('!'))});
    }

    json out = json::array();
    for (const Entry& e : std::as_const(entries)) {
        if (!filter.matchers.isEmpty() && !filter.matches(e.labels))
            continue;
        json silencedBy = json::array();
        for (const SimSilence& s : std::as_const(m_silences)) {
            if (s.state(now) == QLatin1String("active") && s.matches(e.labels))
                silencedBy.push_back(str(s.id));
        }
        json inhibitedBy = json::array();
        if (e.labels.value(QStringLiteral("severity")) == QLatin1String("warning")) {
            for (const Entry& other : std::as_const(entries)) {
                if (other.labels.value(QStringLiteral("severity")) == QLatin1String("critical") &&
                    other.labels.value(QStringLiteral("instance")) == e.labels.value(QStringLiteral("instance")))
                    inhibitedBy.push_back(str(fingerprint(other.labels)));
            }
        }
        const bool suppressed = !silencedBy.empty() || !inhibitedBy.empty();
        if (!wantSilenced && !silencedBy.empty())
            continue;
        if (!wantInhibited && !inhibitedBy.empty())
            continue;
        if (!wantActive && !suppressed)
            continue;
        out.push_back({{"annotations", labelsJson(e.annotations)},
                       {"endsAt", iso(e.endsAt)},
                       {"fingerprint", str(fingerprint(e.labels))},
                       {"receivers", json::array({{{"name", "tray"}}})},
                       {"startsAt", iso(e.startsAt)},
                       {"status",
                        {{"inhibitedBy", inhibitedBy},
                         {"silencedBy", silencedBy},
                         {"mutedBy", json::array()},
                         {"state", suppressed ? "suppressed" : "active"}}},
                       {"updatedAt", iso(now)},
                       {"generatorURL", str(e.generatorUrl)},
                       {"labels", labelsJson(e.labels)}});
    }
    return SimResponse::json(200, QByteArray::fromStdString(out.dump()));
}

SimResponse SimAlertmanager::postAlerts(const SimRequest& request)
{
    const json doc = json::parse(request.body.constBegin(), request.body.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_array())
        return amError(400, QStringLiteral("json: cannot unmarshal into Go value of type models.PostableAlerts"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const json& a : doc) {
        if (!a.is_object())
            return amError(400, QStringLiteral("invalid alert"));
        Pushed p;
        p.labels = labelsOf(a, "labels");
        if (p.labels.isEmpty())
            return amError(400, QStringLiteral("labels in body is required"));
        p.annotations = labelsOf(a, "annotations");
        p.startsAt = parseTime(a, "startsAt");
        if (!p.startsAt.isValid())
            p.startsAt = now;
        p.endsAt = parseTime(a, "endsAt");
        if (!p.endsAt.isValid())
            p.endsAt = now.addSecs(300);
        p.generatorUrl = jsonString(a, "generatorURL");
        const QString fp = fingerprint(p.labels);
        m_pushed.erase(std::remove_if(m_pushed.begin(), m_pushed.end(),
                                      [&](const Pushed& x) { return fingerprint(x.labels) == fp; }),
                       m_pushed.end());
        m_pushed.append(p);
    }
    return SimResponse::json(200, QByteArray());
}

SimResponse SimAlertmanager::getSilences(const SimRequest&) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    json out = json::array();
    for (const SimSilence& s : m_silences)
        out.push_back(silenceJson(s, now));
    return SimResponse::json(200, QByteArray::fromStdString(out.dump()));
}

SimResponse SimAlertmanager::postSilence(const SimRequest& request)
{
    const json doc = json::parse(request.body.constBegin(), request.body.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return amError(400, QStringLiteral("parsing silence body failed"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    SimSilence s;
    s.id = jsonString(doc, "id");
    if (doc.contains("matchers") && doc["matchers"].is_array()) {
        for (const json& m : doc["matchers"]) {
            if (!m.is_object())
                continue;
            SimSilence::Matcher x;
            x.name = jsonString(m, "name");
            x.value = jsonString(m, "value");
            x.isRegex = m.contains("isRegex") && m["isRegex"].is_boolean() && m["isRegex"].get<bool>();
            x.isEqual = !(m.contains("isEqual") && m["isEqual"].is_boolean() && !m["isEqual"].get<bool>());
            if (x.name.isEmpty())
                return amError(400, QStringLiteral("silence invalid: invalid label matcher %1: invalid label name \"\"")
                                        .arg(s.matchers.size()));
            s.matchers.append(x);
        }
    }
    s.startsAt = parseTime(doc, "startsAt");
    s.endsAt = parseTime(doc, "endsAt");
    s.createdBy = jsonString(doc, "createdBy");
    s.comment = jsonString(doc, "comment");
    if (s.matchers.isEmpty())
        return amError(400, QStringLiteral("silence invalid: at least one matcher required"));
    if (!s.startsAt.isValid() || !s.endsAt.isValid())
        return amError(400, QStringLiteral("startsAt and endsAt in body are required"));
    if (s.endsAt < s.startsAt)
        return amError(400, QStringLiteral("Failed to create silence: start time must be before end time"));
    if (s.endsAt < now)
        return amError(400, QStringLiteral("Failed to create silence: end time can't be in the past"));
    if (s.createdBy.isEmpty())
        return amError(400, QStringLiteral("silence invalid: creator information missing"));
    if (s.comment.isEmpty())
        return amError(400, QStringLiteral("silence invalid: comment missing"));
    if (s.startsAt < now)
        s.startsAt = now;
    s.updatedAt = now;
    if (!s.id.isEmpty()) {
        auto it = std::find_if(m_silences.begin(), m_silences.end(), [&](const SimSilence& x) { return x.id == s.id; });
        if (it == m_silences.end())
            return amError(404, QStringLiteral("silence %1 not found").arg(s.id));
        *it = s;
    } else {
        s.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_silences.append(s);
    }
    return SimResponse::json(200, QByteArray::fromStdString(json{{"silenceID", str(s.id)}}.dump()));
}

SimResponse SimAlertmanager::getSilence(const SimRequest& request) const
{
    const QString id = request.params.value(QStringLiteral("id"));
    for (const SimSilence& s : m_silences) {
        if (s.id == id)
            return SimResponse::json(200,
                                     QByteArray::fromStdString(silenceJson(s, QDateTime::currentDateTimeUtc()).dump()));
    }
    return amError(404, QStringLiteral("silence %1 not found").arg(id));
}

SimResponse SimAlertmanager::deleteSilence(const SimRequest& request)
{
    const QString id = request.params.value(QStringLiteral("id"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (SimSilence& s : m_silences) {
        if (s.id != id)
            continue;
        if (s.state(now) == QLatin1String("expired"))
            return amError(500, QStringLiteral("silence %1 already expired").arg(id));
        if (s.startsAt > now)
            s.startsAt = now;
        s.endsAt = now;
        s.updatedAt = now;
        return SimResponse::json(200, QByteArray());
    }
    return amError(404, QStringLiteral("silence %1 not found").arg(id));
}

} // namespace hlc::sim
