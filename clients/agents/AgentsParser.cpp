#include "AgentsParser.h"

#include "core/Json.h"

#include <QCoreApplication>

#include <cmath>

namespace hlc::agents {

using hlc::json::Json;
namespace J = hlc::json;

QString runStatusName(RunStatus s)
{
    switch (s) {
    case RunStatus::Queued:
        return QStringLiteral("queued");
    case RunStatus::Running:
        return QStringLiteral("running");
    case RunStatus::Succeeded:
        return QStringLiteral("succeeded");
    case RunStatus::Failed:
        return QStringLiteral("failed");
    case RunStatus::Cancelled:
        return QStringLiteral("cancelled");
    case RunStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

RunStatus runStatusFromName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("queued") || n == QLatin1String("pending"))
        return RunStatus::Queued;
    if (n == QLatin1String("running"))
        return RunStatus::Running;
    if (n == QLatin1String("succeeded") || n == QLatin1String("success"))
        return RunStatus::Succeeded;
    if (n == QLatin1String("failed") || n == QLatin1String("error"))
        return RunStatus::Failed;
    if (n == QLatin1String("cancelled") || n == QLatin1String("canceled"))
        return RunStatus::Cancelled;
    return RunStatus::Unknown;
}

namespace parser {

namespace {

/// @p v as a QVariant. Documents are depth-checked when parsed, so the converter's own limit only matters for values
/// built otherwise; what it refuses reads as no value.
QVariant toVariant(const Json& v)
{
    Result<QVariant> r = J::toVariant(v, QStringLiteral("agent platform"));
    return r ? std::move(r).value() : QVariant();
}

Json fromVariant(const QVariant& v)
{
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return v.toLongLong();
    case QMetaType::Double:
    case QMetaType::Float:
        return v.toDouble();
    case QMetaType::QVariantMap: {
        Json o = Json::object();
        const QVariantMap m = v.toMap();
        for (auto it = m.begin(); it != m.end(); ++it)
            o[it.key().toStdString()] = fromVariant(it.value());
        return o;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        Json a = Json::array();
        for (const QVariant& e : v.toList())
            a.push_back(fromVariant(e));
        return a;
    }
    default:
        break;
    }
    if (!v.isValid() || v.isNull())
        return nullptr;
    return v.toString().toStdString();
}

QVariantMap objectMember(const Json& o, const char* key)
{
    const Json* m = J::member(o, key);
    return m && m->is_object() ? toVariant(*m).toMap() : QVariantMap();
}

QDateTime time(const Json& o, const char* key)
{
    return J::dateTime(o, key).toUTC();
}

InputSchema inputSchema(const Json& s)
{
    InputSchema schema;
    const Json* props = J::member(s, "properties");
    if (!props || !props->is_object())
        return schema;
    QStringList required;
    for (const Json& r : J::array(s, "required")) {
        if (r.is_string())
            required << QString::fromStdString(r.get<std::string>());
    }
    QStringList order;
    for (const Json& r : J::array(s, "propertyOrder")) {
        if (r.is_string())
            order << QString::fromStdString(r.get<std::string>());
    }
    // Properties named in propertyOrder first, in that order; the rest alphabetically (nlohmann sorts keys).
    QStringList names = order;
    for (auto it = props->begin(); it != props->end(); ++it) {
        const QString n = QString::fromStdString(it.key());
        if (!names.contains(n))
            names << n;
    }
    for (const QString& name : std::as_const(names)) {
        const auto it = props->find(name.toStdString());
        if (it == props->end() || !it->is_object())
            continue;
        const Json& p = *it;
        InputField f;
        f.name = name;
        const QString type = J::string(p, "type", QStringLiteral("string"));
        const Json& options = J::array(p, "enum");
        if (!options.empty()) {
            f.type = InputField::Type::Enum;
            for (const Json& o : options)
                f.options << J::toString(o);
        } else if (type == QLatin1String("integer") || type == QLatin1String("number")) {
            f.type = InputField::Type::Integer;
        } else if (type == QLatin1String("boolean")) {
            f.type = InputField::Type::Boolean;
        } else if (J::string(p, "format") == QLatin1String("text")) {
            f.type = InputField::Type::Text;
        } else {
            f.type = InputField::Type::String;
        }
        f.title = J::string(p, "title");
        f.description = J::string(p, "description");
        if (const Json* d = J::member(p, "default"))
            f.defaultValue = toVariant(*d);
        if (const auto mn = J::optInteger(p, "minimum"))
            f.minimum = *mn;
        if (const auto mx = J::optInteger(p, "maximum"))
            f.maximum = *mx;
        f.maxLength = static_cast<int>(std::clamp<qint64>(J::integer(p, "maxLength", 0), 0, 1 << 24));
        f.required = required.contains(name);
        schema.fields << f;
    }
    return schema;
}

RunSummary runSummary(const Json& o)
{
    RunSummary r;
    r.id = J::string(o, "id");
    r.status = runStatusFromName(J::string(o, "status"));
    r.presetId = J::string(o, "presetId");
    r.createdAt = time(o, "createdAt");
    r.finishedAt = time(o, "finishedAt");
    return r;
}

std::optional<Preset> presetOf(const Json& p)
{
    Preset preset;
    preset.id = J::string(p, "id");
    if (preset.id.isEmpty())
        return std::nullopt;
    preset.name = J::string(p, "name", preset.id);
    preset.description = J::string(p, "description");
    preset.input = objectMember(p, "input");
    return preset;
}

std::optional<Agent> agentFrom(const Json& a)
{
    Agent agent;
    agent.id = J::string(a, "id");
    if (agent.id.isEmpty())
        return std::nullopt;
    agent.name = J::string(a, "name", agent.id);
    agent.description = J::string(a, "description");
    agent.model = J::string(a, "model");
    const QString st = J::string(a, "status").toLower();
    agent.status = st == QLatin1String("idle")    ? Agent::Status::Idle
                   : st == QLatin1String("busy")  ? Agent::Status::Busy
                   : st == QLatin1String("error") ? Agent::Status::Error
                                                  : Agent::Status::Unknown;
    agent.statusMessage = J::string(a, "statusMessage");
    agent.activeRunId = J::string(a, "activeRunId");
    if (const Json* s = J::member(a, "inputSchema"))
        agent.inputSchema = inputSchema(*s);
    agent.presets = J::objects<Preset>(J::array(a, "presets"), presetOf);
    if (const Json* lr = J::member(a, "lastRun"); lr && lr->is_object()) {
        RunSummary s = runSummary(*lr);
        if (!s.id.isEmpty())
            agent.lastRun = s;
    }
    return agent;
}

/// A run; nullopt when @p o is no object with an id.
std::optional<Run> runFrom(const Json& o)
{
    Run r;
    r.id = J::string(o, "id");
    if (r.id.isEmpty())
        return std::nullopt;
    r.agentId = J::string(o, "agentId");
    r.presetId = J::string(o, "presetId");
    r.status = runStatusFromName(J::string(o, "status"));
    const double p = J::number(o, "progress", 0.0);
    r.progress = std::clamp(p > 1.0 && p <= 100.0 ? p / 100.0 : p, 0.0, 1.0);
    r.step = J::string(o, "step");
    r.input = objectMember(o, "input");
    r.model = J::string(o, "model");
    r.createdAt = time(o, "createdAt");
    r.startedAt = time(o, "startedAt");
    r.finishedAt = time(o, "finishedAt");
    if (const Json* out = J::member(o, "output")) {
        if (out->is_string()) {
            r.outputMarkdown = QString::fromStdString(out->get<std::string>());
        } else if (out->is_object()) {
            r.outputMarkdown = J::string(*out, "markdown");
            if (r.outputMarkdown.isEmpty())
                r.outputMarkdown = J::string(*out, "text");
            for (const Json& a : J::array(*out, "artifacts")) {
                Artifact art;
                art.name = J::string(a, "name");
                art.url = J::string(a, "url");
                if (art.url.isEmpty())
                    continue;
                if (art.name.isEmpty())
                    art.name = art.url.section(QLatin1Char('/'), -1);
                art.mimeType = J::string(a, "mimeType");
                art.sizeBytes = J::integer(a, "sizeBytes", 0);
                r.artifacts << art;
            }
        }
    }
    r.error = J::string(o, "error");
    if (const Json* u = J::member(o, "usage"); u && u->is_object()) {
        Usage usage;
        usage.promptTokens = J::integer(*u, "promptTokens");
        usage.completionTokens = J::integer(*u, "completionTokens");
        usage.totalTokens = J::integer(*u, "totalTokens", usage.promptTokens + usage.completionTokens);
        usage.costUsd = J::optNumber(*u, "costUsd");
        r.usage = usage;
    }
    r.lastEventId = J::integer(o, "lastEventId", 0);
    return r;
}

std::optional<RunEvent> eventFrom(const Json& o)
{
    if (!o.is_object())
        return std::nullopt;
    RunEvent e;
    e.id = J::integer(o, "id", 0);
    const QString type = J::string(o, "type").toLower();
    e.type = type == QLatin1String("log")        ? RunEvent::Type::Log
             : type == QLatin1String("progress") ? RunEvent::Type::Progress
             : type == QLatin1String("status")   ? RunEvent::Type::Status
                                                 : RunEvent::Type::Unknown;
    e.time = time(o, "time");
    e.level = J::string(o, "level", QStringLiteral("info"));
    e.message = J::string(o, "message");
    if (const auto p = J::optNumber(o, "progress"))
        e.progress = std::clamp(*p, 0.0, 1.0);
    e.step = J::string(o, "step");
    e.status = runStatusFromName(J::string(o, "status"));
    return e;
}

/// A list answer: a bare array, or the member @p key of an object (null when missing). Anything else is a shape
/// error.
Result<Json> listOf(const QByteArray& body, const QString& what, const char* key)
{
    auto doc = J::document(body, what);
    if (!doc || doc.value().is_array())
        return doc;
    if (!doc.value().is_object())
        return J::shapeError(what, QStringLiteral("not an object"));
    Json& d = doc.value();
    const auto it = d.find(key);
    if (it == d.end())
        return Json();
    return std::move(*it);
}

} // namespace

Result<QList<Agent>> agents(const QByteArray& body)
{
    // The documented {"agents": [...]}; a bare array is accepted too.
    const QString what = QStringLiteral("/agents");
    return J::list<Agent>(listOf(body, what, "agents"), what, "agents", agentFrom);
}

Result<Run> run(const QByteArray& body)
{
    const QString what = QStringLiteral("/runs/{id}");
    const auto doc = J::document(body, what);
    if (!doc)
        return doc.error();
    auto r = runFrom(doc.value());
    if (!r)
        return J::shapeError(what, QStringLiteral("no run object with an id"));
    return *r;
}

Result<QList<Run>> runs(const QByteArray& body)
{
    const QString what = QStringLiteral("/runs");
    const auto list = listOf(body, what, "runs");
    if (!list)
        return list.error();
    return J::objects<Run>(list.value(), runFrom);
}

Result<QList<RunEvent>> events(const QByteArray& body)
{
    const QString what = QStringLiteral("/runs/{id}/events");
    const auto list = listOf(body, what, "events");
    if (!list)
        return list.error();
    return J::objects<RunEvent>(list.value(), eventFrom);
}

Result<RunEvent> event(const QByteArray& data)
{
    const QString what = QStringLiteral("event stream");
    const auto doc = J::document(data, what);
    if (!doc)
        return doc.error();
    auto e = eventFrom(doc.value());
    if (!e)
        return J::shapeError(what, QStringLiteral("event is not an object"));
    return *e;
}

FieldErrors fieldErrors(const QByteArray& body)
{
    FieldErrors out;
    const Json doc = J::documentOrNull(body);
    const Json* fields = J::member(doc, "fields");
    if (fields && fields->is_object()) {
        for (auto it = fields->begin(); it != fields->end(); ++it)
            out.insert(QString::fromStdString(it.key()), J::toString(it.value()));
    } else if (fields && fields->is_array()) {
        // A looser shape: [{"field": "topic", "message": "..."}]
        for (const Json& f : *fields) {
            const QString name = J::string(f, "field");
            if (!name.isEmpty())
                out.insert(name, J::string(f, "message"));
        }
    }
    return out;
}

QString errorMessage(const QByteArray& body)
{
    return J::string(J::documentOrNull(body), "message");
}

QString errorCode(const QByteArray& body)
{
    return J::string(J::documentOrNull(body), "error");
}

QByteArray startRunBody(const StartRun& request)
{
    Json body = Json::object();
    if (!request.presetId.isEmpty())
        body["preset"] = request.presetId.toStdString();
    if (!request.input.isEmpty() || request.presetId.isEmpty())
        body["input"] = fromVariant(request.input);
    return QByteArray::fromStdString(body.dump());
}

} // namespace parser

namespace {
QString tr(const char* s)
{
    return QCoreApplication::translate("hlc::agents", s);
}

std::optional<qint64> asInteger(const QVariant& v)
{
    if (v.typeId() == QMetaType::Bool)
        return std::nullopt;
    if (v.typeId() == QMetaType::Double) {
        const double d = v.toDouble();
        if (std::floor(d) != d)
            return std::nullopt;
        return J::toInteger(d); // none for 1e300 or an infinity
    }
    bool ok = false;
    const qint64 i = v.toString().trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(i) : std::nullopt;
}
} // namespace

QVariantMap normalizeInput(const InputSchema& schema, const QVariantMap& formValues)
{
    QVariantMap out;
    for (auto it = formValues.begin(); it != formValues.end(); ++it) {
        const InputField* f = schema.field(it.key());
        QVariant v = it.value();
        if (!f) {
            out.insert(it.key(), v);
            continue;
        }
        if (v.typeId() == QMetaType::QString) {
            const QString s = v.toString();
            if (s.trimmed().isEmpty() && !f->required)
                continue;
            if (f->type == InputField::Type::Integer) {
                if (const auto i = asInteger(s))
                    v = QVariant::fromValue<qint64>(*i);
            } else if (f->type == InputField::Type::Boolean) {
                const QString l = s.trimmed().toLower();
                if (l == QLatin1String("true") || l == QLatin1String("1") || l == QLatin1String("yes"))
                    v = true;
                else if (l == QLatin1String("false") || l == QLatin1String("0") || l == QLatin1String("no"))
                    v = false;
            }
        }
        out.insert(it.key(), v);
    }
    return out;
}

FieldErrors validateInput(const InputSchema& schema, const QVariantMap& input)
{
    FieldErrors errors;
    for (const InputField& f : schema.fields) {
        const auto it = input.constFind(f.name);
        const bool present = it != input.constEnd() && it->isValid() && !it->isNull() &&
                             !(it->typeId() == QMetaType::QString && it->toString().trimmed().isEmpty());
        if (!present) {
            if (f.required)
                errors.insert(f.name, tr("%1 is required.").arg(f.label()));
            continue;
        }
        const QVariant& v = *it;
        switch (f.type) {
        case InputField::Type::String:
        case InputField::Type::Text:
            if (v.typeId() != QMetaType::QString)
                errors.insert(f.name, tr("%1 must be text.").arg(f.label()));
            else if (f.maxLength > 0 && v.toString().size() > f.maxLength)
                errors.insert(f.name, tr("%1 is longer than %2 characters.").arg(f.label()).arg(f.maxLength));
            break;
        case InputField::Type::Enum:
            if (!f.options.contains(v.toString()))
                errors.insert(f.name,
                              tr("%1 must be one of: %2.").arg(f.label(), f.options.join(QStringLiteral(", "))));
            break;
        case InputField::Type::Boolean:
            if (v.typeId() != QMetaType::Bool)
                errors.insert(f.name, tr("%1 must be yes or no.").arg(f.label()));
            break;
        case InputField::Type::Integer: {
            const auto i = asInteger(v);
            if (!i) {
                errors.insert(f.name, tr("%1 must be a whole number.").arg(f.label()));
            } else if ((f.minimum && *i < *f.minimum) || (f.maximum && *i > *f.maximum)) {
                errors.insert(f.name, tr("%1 must be between %2 and %3.")
                                          .arg(f.label())
                                          .arg(f.minimum.value_or(std::numeric_limits<qint64>::min()))
                                          .arg(f.maximum.value_or(std::numeric_limits<qint64>::max())));
            }
            break;
        }
        }
    }
    for (auto it = input.begin(); it != input.end(); ++it) {
        if (!schema.field(it.key()))
            errors.insert(it.key(), tr("%1 is not an input of this agent.").arg(it.key()));
    }
    return errors;
}

} // namespace hlc::agents
