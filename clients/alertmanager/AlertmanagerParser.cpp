#include "AlertmanagerParser.h"

#include "core/Json.h"

#include <QRegularExpression>

namespace hlc::am {

using hlc::json::Json;
namespace J = hlc::json;

QString fingerprintOf(const Labels& labels)
{
    // FNV-1a 64 with 0xff separators over labels sorted by name: Prometheus' model.LabelSet.Fingerprint().
    quint64 h = 14695981039346656037ull;
    auto add = [&h](const QByteArray& bytes) {
        for (const char c : bytes) {
            h ^= static_cast<quint8>(c);
            h *= 1099511628211ull;
        }
    };
    const QByteArray sep(1, '\xff');
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        add(it.key().toUtf8());
        add(sep);
        add(it.value().toUtf8());
        add(sep);
    }
    return QStringLiteral("%1").arg(h, 16, 16, QLatin1Char('0'));
}

bool matches(const QList<Matcher>& matchers, const Labels& labels)
{
    for (const Matcher& m : matchers) {
        const QString v = labels.value(m.name);
        bool hit = false;
        if (m.isRegex) {
            const QRegularExpression re(QRegularExpression::anchoredPattern(m.value));
            hit = re.isValid() && re.match(v).hasMatch();
        } else {
            hit = v == m.value;
        }
        if (hit != m.isEqual)
            return false;
    }
    return true;
}

namespace parser {

namespace {

std::string iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

Matcher matcherOf(const Json& m)
{
    Matcher x;
    x.name = J::string(m, "name");
    x.value = J::string(m, "value");
    x.isRegex = J::boolean(m, "isRegex");
    x.isEqual = J::boolean(m, "isEqual", true);
    return x;
}

Silence silenceOf(const Json& s)
{
    Silence out;
    out.id = J::string(s, "id");
    out.matchers = J::objects<Matcher>(J::array(s, "matchers"), matcherOf);
    out.startsAt = J::dateTime(s, "startsAt");
    out.endsAt = J::dateTime(s, "endsAt");
    out.updatedAt = J::dateTime(s, "updatedAt");
    out.createdBy = J::string(s, "createdBy");
    out.comment = J::string(s, "comment");
    if (const Json* st = J::member(s, "status"))
        out.state = J::string(*st, "state");
    return out;
}

Alert alertOf(const Json& a)
{
    Alert x;
    x.labels = J::stringMap(J::member(a, "labels"));
    x.fingerprint = J::string(a, "fingerprint");
    if (x.fingerprint.isEmpty())
        x.fingerprint = fingerprintOf(x.labels);
    x.annotations = J::stringMap(J::member(a, "annotations"));
    x.startsAt = J::dateTime(a, "startsAt");
    x.endsAt = J::dateTime(a, "endsAt");
    x.updatedAt = J::dateTime(a, "updatedAt");
    x.generatorUrl = J::string(a, "generatorURL");
    if (const Json* st = J::member(a, "status")) {
        x.state = J::string(*st, "state");
        x.silencedBy = J::strings(*st, "silencedBy");
        x.inhibitedBy = J::strings(*st, "inhibitedBy");
        x.mutedBy = J::strings(*st, "mutedBy");
    }
    for (const Json& r : J::array(a, "receivers")) {
        const QString name = J::string(r, "name");
        if (!name.isEmpty())
            x.receivers << name;
    }
    return x;
}

} // namespace

Result<QList<Alert>> alerts(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v2/alerts");
    return J::list<Alert>(J::document(body, what), what, nullptr, alertOf);
}

Result<QList<Silence>> silences(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v2/silences");
    return J::list<Silence>(J::document(body, what), what, nullptr, silenceOf);
}

Result<Silence> silence(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v2/silence");
    const auto doc = J::object(body, what);
    if (!doc)
        return doc.error();
    Silence s = silenceOf(doc.value());
    if (s.id.isEmpty())
        return J::shapeError(what, QStringLiteral("no id"));
    return s;
}

Result<QString> silenceId(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v2/silences");
    const auto doc = J::document(body, what);
    if (!doc)
        return doc.error();
    const QString id = J::string(doc.value(), "silenceID");
    if (id.isEmpty())
        return J::shapeError(what, QStringLiteral("no silenceID"));
    return id;
}

Result<Status> status(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v2/status");
    const auto doc = J::object(body, what);
    if (!doc)
        return doc.error();
    const Json& d = doc.value();
    Status s;
    if (const Json* v = J::member(d, "versionInfo"))
        s.version = J::string(*v, "version");
    if (const Json* c = J::member(d, "cluster"))
        s.clusterStatus = J::string(*c, "status");
    s.uptime = J::dateTime(d, "uptime");
    return s;
}

QByteArray postableSilence(const Silence& silence)
{
    Json matchers = Json::array();
    for (const Matcher& m : silence.matchers) {
        matchers.push_back({{"name", m.name.toStdString()},
                            {"value", m.value.toStdString()},
                            {"isRegex", m.isRegex},
                            {"isEqual", m.isEqual}});
    }
    Json j = {{"matchers", matchers},
              {"startsAt", iso(silence.startsAt)},
              {"endsAt", iso(silence.endsAt)},
              {"createdBy", silence.createdBy.toStdString()},
              {"comment", silence.comment.toStdString()}};
    if (!silence.id.isEmpty())
        j["id"] = silence.id.toStdString();
    return QByteArray::fromStdString(j.dump(-1, ' ', false, Json::error_handler_t::replace));
}

QString errorText(const QByteArray& body)
{
    const Json doc = Json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (!doc.is_discarded()) {
        if (doc.is_string())
            return QString::fromStdString(doc.get<std::string>()).trimmed();
        if (doc.is_object())
            return J::string(doc, "message", J::string(doc, "error"));
        return {};
    }
    return QString::fromUtf8(body.left(300)).trimmed();
}

} // namespace parser

} // namespace hlc::am
