#include "OllamaParser.h"

#include "core/Json.h"

namespace hlc::ollama::parser {

using hlc::json::Json;
namespace J = hlc::json;

namespace {
QDateTime time(const Json& o, const char* key)
{
    return J::dateTime(o, key).toUTC();
}

/// What /api/tags and /api/ps say alike about a model; nullopt without a name.
template<typename M> std::optional<M> modelOf(const Json& m)
{
    M x;
    x.name = J::string(m, "name", J::string(m, "model"));
    if (x.name.isEmpty())
        return std::nullopt;
    x.model = J::string(m, "model", x.name);
    x.digest = J::string(m, "digest");
    if (const Json* d = J::member(m, "details"); d && d->is_object()) {
        x.family = J::string(*d, "family");
        x.parameterSize = J::string(*d, "parameter_size");
        x.quantization = J::string(*d, "quantization_level");
    }
    return x;
}

std::optional<InstalledModel> installedModelOf(const Json& m)
{
    auto im = modelOf<InstalledModel>(m);
    if (im) {
        im->size = J::integer(m, "size");
        im->modifiedAt = time(m, "modified_at");
    }
    return im;
}

std::optional<LoadedModel> loadedModelOf(const Json& m)
{
    auto lm = modelOf<LoadedModel>(m);
    if (lm) {
        lm->size = std::max<qint64>(0, J::integer(m, "size"));
        lm->sizeVram = std::max<qint64>(0, J::integer(m, "size_vram"));
        lm->contextLength = static_cast<int>(std::clamp<qint64>(J::integer(m, "context_length"), 0, 1 << 30));
        lm->expiresAt = time(m, "expires_at");
    }
    return lm;
}

/// The `models` of /api/tags and /api/ps; null or missing (seen from real servers) means none.
template<typename T, typename F> Result<QList<T>> models(const QByteArray& body, const QString& what, F&& item)
{
    const auto doc = J::object(body, what);
    if (!doc)
        return doc.error();
    return J::objects<T>(J::array(doc.value(), "models"), std::forward<F>(item));
}
} // namespace

Result<QString> version(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/version");
    const auto doc = J::document(body, what);
    if (!doc)
        return doc.error();
    const QString v = J::string(doc.value(), "version");
    if (v.isEmpty())
        return J::shapeError(what, QStringLiteral("no version"));
    return v;
}

Result<QList<InstalledModel>> tags(const QByteArray& body)
{
    return models<InstalledModel>(body, QStringLiteral("/api/tags"), installedModelOf);
}

Result<QList<LoadedModel>> ps(const QByteArray& body)
{
    return models<LoadedModel>(body, QStringLiteral("/api/ps"), loadedModelOf);
}

Result<GenerateResult> generate(const QByteArray& body)
{
    const QString what = QStringLiteral("/api/generate");
    const auto doc = J::object(body, what);
    if (!doc)
        return doc.error();
    const Json& d = doc.value();
    GenerateResult g;
    g.model = J::string(d, "model");
    g.response = J::string(d, "response");
    g.done = J::boolean(d, "done");
    g.doneReason = J::string(d, "done_reason");
    g.totalDuration = J::integer(d, "total_duration");
    g.loadDuration = J::integer(d, "load_duration");
    g.promptEvalCount = J::integer(d, "prompt_eval_count");
    g.promptEvalDuration = J::integer(d, "prompt_eval_duration");
    g.evalCount = J::integer(d, "eval_count");
    g.evalDuration = J::integer(d, "eval_duration");
    return g;
}

QString errorMessage(const QByteArray& body)
{
    return J::string(J::documentOrNull(body), "error");
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
