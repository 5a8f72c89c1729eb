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

Labels labelsOf(const Json* o)
{
    Labels out;
    if (!o || !o->is_object())
        return out;
    for (auto it = o->begin(); it != o->end(); ++it) {
        if (!it.value().is_object() && !it.value().is_array())
            out.insert(QString::fromStdString(it.key()), J::toString(it.value()));
    }
    return out;
}

QDateTime timeOf(const Json& o, const char* key)
{
    const QString s = J::string(o, key);
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid()) {
        // Go writes up to nanoseconds ("...56.874123456Z"): keep milliseconds.
        static const QRegularExpression s_frac(QStringLiteral("\\.(\\d{3})\\d+"));
        QString trimmed = s;
        trimmed.replace(s_frac, QStringLiteral(".\\1"));
        t = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    }
    if (t.isValid() && t.date().year() <= 1)
        return {};
    return t;
}

QStringList strings(const Json& o, const char* key)
{
    QStringList out;
    for (const Json& v : J::array(o, key)) {
        const QString s = J::toString(v);
        if (!s.isEmpty())
            out << s;
    }
    return out;
}

std::string iso(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

Silence silenceOf(const Json& s)
{
    Silence out;
    out.id = J::string(s, "id");
    for (const Json& m : J::array(s, "matchers")) {
        if (!m.is_object())
            continue;
        Matcher x;
        x.name = J::string(m, "name");
        x.value = J::string(m, "value");
        x.isRegex = J::boolean(m, "isRegex");
        x.isEqual = J::boolean(m, "isEqual", true);
        out.matchers.append(x);
    }
    out.startsAt = timeOf(s, "startsAt");
    out.endsAt = timeOf(s, "endsAt");
    out.updatedAt = timeOf(s, "updatedAt");
    out.createdBy = J::string(s, "createdBy");
    out.comment = J::string(s, "comment");
    if (const Json* st = J::member(s, "status"))
        out.state = J::string(*st, "state");
    return out;
}

} // namespace

Result<QList<Alert>> alerts(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v2/alerts");
    ApiError err;
    const auto doc = J::parse(body, what, &err);
    if (!doc)
        return err;
    QList<Alert> out;
    if (doc->is_null())
        return out;
    if (!doc->is_array())
        return J::shapeError(what, QStringLiteral("not an array"));
    for (const Json& a : *doc) {
        if (!a.is_object())
            continue;
        Alert x;
        x.labels = labelsOf(J::member(a, "labels"));
        x.fingerprint = J::string(a, "fingerprint");
        if (x.fingerprint.isEmpty())
            x.fingerprint = fingerprintOf(x.labels);
        x.annotations = labelsOf(J::member(a, "annotations"));
        x.startsAt = timeOf(a, "startsAt");
        x.endsAt = timeOf(a, "endsAt");
        x.updatedAt = timeOf(a, "updatedAt");
        x.generatorUrl = J::string(a, "generatorURL");
        if (const Json* st = J::member(a, "status")) {
            x.state = J::string(*st, "state");
            x.silencedBy = strings(*st, "silencedBy");
            x.inhibitedBy = strings(*st, "inhibitedBy");
            x.mutedBy = strings(*st, "mutedBy");
        }
        for (const Json& r : J::array(a, "receivers")) {
            const QString name = J::string(r, "name");
            if (!name.isEmpty())
                x.receivers << name;
        }
        out.append(x);
    }
    return out;
}

Result<QList<Silence>> silences(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v2/silences");
    ApiError err;
    const auto doc = J::parse(body, what, &err);
    if (!doc)
        return err;
    QList<Silence> out;
    if (doc->is_null())
        return out;
    if (!doc->is_array())
        return J::shapeError(what, QStringLiteral("not an array"));
    for (const Json& s : *doc) {
        if (s.is_object())
            out.append(silenceOf(s));
    }
    return out;
}

Result<Silence> silence(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v2/silence");
    ApiError err;
    const auto doc = J::parse(body, what, &err);
    if (!doc)
        return err;
    if (!doc->is_object())
        return J::shapeError(what, QStringLiteral("not an object"));
    Silence s = silenceOf(*doc);
    if (s.id.isEmpty())
        return J::shapeError(what, QStringLiteral("no id"));
    return s;
}

Result<QString> silenceId(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v2/silences");
    ApiError err;
    const auto doc = J::parse(body, what, &err);
    if (!doc)
        return err;
    const QString id = J::string(*doc, "silenceID");
    if (id.isEmpty())
        return J::shapeError(what, QStringLiteral("no silenceID"));
    return id;
}

Result<Status> status(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/v2/status");
    ApiError err;
    const auto doc = J::parse(body, what, &err);
    if (!doc)
        return err;
    if (!doc->is_object())
        return J::shapeError(what, QStringLiteral("not an object"));
    Status s;
    if (const Json* v = J::member(*doc, "versionInfo"))
        s.version = J::string(*v, "version");
    if (const Json* c = J::member(*doc, "cluster"))
        s.clusterStatus = J::string(*c, "status");
    s.uptime = timeOf(*doc, "uptime");
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
