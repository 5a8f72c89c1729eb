#include "OllamaParser.h"

#include "core/Json.h"

namespace hlc::ollama::parser {

using hlc::json::Json;
namespace J = hlc::json;

namespace {
QDateTime time(const Json& o, const char* key)
{
    const QString s = J::string(o, key);
    if (s.isEmpty() || s.startsWith(QLatin1String("0001-01-01")))
        return {};
    // Go writes nanoseconds ("2025-10-17T16:47:07.93355123-07:00"): Qt reads at most milliseconds.
    QString t = s;
    const qsizetype dot = t.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < t.size() && t.at(end).isDigit())
            ++end;
        t = t.left(std::min(end, dot + 4)) + t.mid(end);
    }
    QDateTime d = QDateTime::fromString(t, Qt::ISODateWithMs);
    return d.isValid() ? d.toUTC() : QDateTime();
}

void details(const Json& o, QString* family, QString* parameterSize, QString* quantization)
{
    const Json* d = J::member(o, "details");
    if (!d || !d->is_object())
        return;
    *family = J::string(*d, "family");
    *parameterSize = J::string(*d, "parameter_size");
    *quantization = J::string(*d, "quantization_level");
}

const Json* modelsOf(const Json& doc)
{
    return J::member(doc, "models");
}
} // namespace

Result<QString> version(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/version");
    ApiError err;
    const auto doc = J::parse(body, what, &err);
    if (!doc)
        return err;
    const QString v = J::string(*doc, "version");
    if (v.isEmpty())
        return J::shapeError(what, QStringLiteral("no version"));
    return v;
}

Result<QList<InstalledModel>> tags(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/tags");
    ApiError err;
    const auto doc = J::parse(body, what, &err);
    if (!doc)
        return err;
    if (!doc->is_object())
        return J::shapeError(what, QStringLiteral("not an object"));
    QList<InstalledModel> out;
    const Json* models = modelsOf(*doc);
    if (!models || !models->is_array())
        return out; // null or missing: no models
    for (const Json& m : *models) {
        InstalledModel im;
        im.name = J::string(m, "name", J::string(m, "model"));
        if (im.name.isEmpty())
            continue;
        im.model = J::string(m, "model", im.name);
        im.size = J::integer(m, "size");
        im.digest = J::string(m, "digest");
        im.modifiedAt = time(m, "modified_at");
        details(m, &im.family, &im.parameterSize, &im.quantization);
        out << im;
    }
    return out;
}

Result<QList<LoadedModel>> ps(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/ps");
    ApiError err;
    const auto doc = J::parse(body, what, &err);
    if (!doc)
        return err;
    if (!doc->is_object())
        return J::shapeError(what, QStringLiteral("not an object"));
    QList<LoadedModel> out;
    const Json* models = modelsOf(*doc);
    if (!models || !models->is_array())
        return out;
    for (const Json& m : *models) {
        LoadedModel lm;
        lm.name = J::string(m, "name", J::string(m, "model"));
        if (lm.name.isEmpty())
            continue;
        lm.model = J::string(m, "model", lm.name);
        lm.size = std::max<qint64>(0, J::integer(m, "size"));
        lm.sizeVram = std::max<qint64>(0, J::integer(m, "size_vram"));
        lm.contextLength = static_cast<int>(std::clamp<qint64>(J::integer(m, "context_length"), 0, 1 << 30));
        lm.expiresAt = time(m, "expires_at");
        lm.digest = J::string(m, "digest");
        details(m, &lm.family, &lm.parameterSize, &lm.quantization);
        out << lm;
    }
    return out;
}

Result<GenerateResult> generate(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/generate");
    ApiError err;
    const auto doc = J::parse(body, what, &err);
    if (!doc)
        return err;
    if (!doc->is_object())
        return J::shapeError(what, QStringLiteral("not an object"));
    GenerateResult g;
    g.model = J::string(*doc, "model");
    g.response = J::string(*doc, "response");
    g.done = J::boolean(*doc, "done");
    g.doneReason = J::string(*doc, "done_reason");
    g.totalDuration = J::integer(*doc, "total_duration");
    g.loadDuration = J::integer(*doc, "load_duration");
    g.promptEvalCount = J::integer(*doc, "prompt_eval_count");
    g.promptEvalDuration = J::integer(*doc, "prompt_eval_duration");
    g.evalCount = J::integer(*doc, "eval_count");
    g.evalDuration = J::integer(*doc, "eval_duration");
    return g;
}

QString errorMessage(const QByteArray& body)
{
    const auto doc = J::parse(body, QString(), nullptr);
    return doc ? J::string(*doc, "error") : QString();
}

QByteArray generateBody(const QString& model, const QString& prompt, int maxTokens)
{
    Json b = {{"model", model.toStdString()},
              {"prompt", prompt.toStdString()},
              {"stream", false},
              {"options", {{"num_predict", maxTokens}}}};
    return QByteArray::fromStdString(b.dump());
}

QByteArray unloadBody(const QString& model)
{
    return QByteArray::fromStdString(Json{{"model", model.toStdString()}, {"keep_alive", 0}}.dump());
}

} // namespace hlc::ollama::parser
