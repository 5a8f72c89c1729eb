#include "SimOllama.h"

#include <QCryptographicHash>

#include <functional>

#include <nlohmann/json.hpp>

namespace hlc::sim {

using nlohmann::json;

namespace {
constexpr qint64 kGiB = 1024ll * 1024 * 1024;
constexpr qint64 kMiB = 1024ll * 1024;

std::string str(const QString& s)
{
    return s.toStdString();
}

std::string goTime(const QDateTime& t)
{
    // Ollama (Go) writes local time with nanoseconds and an offset.
    return str(t.toOffsetFromUtc(3600).toString(Qt::ISODateWithMs).insert(23, QStringLiteral("123456")));
}

SimResponse ollamaError(int status, const std::string& message)
{
    return SimResponse::json(status, QByteArray::fromStdString(json{{"error", message}}.dump()));
}

/// keep_alive as Ollama reads it: a number of seconds or a duration string ("5m", "0", "30s", "-1").
int keepAliveSeconds(const json& v, int fallback)
{
    if (v.is_number())
        return static_cast<int>(v.get<double>());
    if (!v.is_string())
        return fallback;
    QString s = QString::fromStdString(v.get<std::string>()).trimmed();
    int mult = 1;
    if (s.endsWith(QLatin1Char('m'))) {
        mult = 60;
        s.chop(1);
    } else if (s.endsWith(QLatin1Char('h'))) {
        mult = 3600;
        s.chop(1);
    } else if (s.endsWith(QLatin1Char('s'))) {
        s.chop(1);
    }
    bool ok = false;
    const double d = s.toDouble(&ok);
    return ok ? static_cast<int>(d * mult) : fallback;
}
} // namespace

SimOllama::SimOllama(SimHttpServer* server, QObject* parent)
    : QObject(parent)
    , m_server(server)
{
    auto model = [](const char* name, double diskGiB, double memGiB, const char* family, const char* params,
                    const char* quant, double tps) {
        Model m;
        m.name = QString::fromLatin1(name);
        m.diskSize = static_cast<qint64>(diskGiB * kGiB);
        m.memSize = static_cast<qint64>(memGiB * kGiB);
        m.family = QString::fromLatin1(family);
        m.parameterSize = QString::fromLatin1(params);
        m.quantization = QString::fromLatin1(quant);
        m.tokensPerSecond = tps;
        m.digest = QString::fromLatin1(QCryptographicHash::hash(name, QCryptographicHash::Sha256).toHex());
        return m;
    };
    m_models = {model("llama3:8b", 4.34, 5.6, "llama", "8.0B", "Q4_0", 41.3),
                model("mistral:7b", 3.83, 5.1, "llama", "7.2B", "Q4_0", 44.8),
                model("codellama:7b", 3.56, 4.9, "llama", "7B", "Q4_0", 43.1),
                model("qwen2.5:14b", 8.37, 10.2, "qwen2", "14.8B", "Q4_K_M", 21.0),
                model("nomic-embed-text:latest", 0.26, 0.55, "nomic-bert", "137M", "F16", 900.0)};
    if (!m_server)
        return;
    // Every route passes the (optional) authenticating proxy first.
    const auto proxied = [this](std::function<SimResponse(const SimRequest&)> handler) {
        return [this, handler = std::move(handler)](const SimRequest& r) {
            const bool guarded = !m_proxyToken.isEmpty() && (m_proxyPaths.isEmpty() || m_proxyPaths.contains(r.path));
            if (guarded && r.header("authorization") != "Bearer " + m_proxyToken.toUtf8()) {
                SimResponse resp = SimResponse::text(401, "<html>\r\n<head><title>401 Authorization Required</title>"
                                                          "</head>\r\n<body>\r\n<center><h1>401 Authorization "
                                                          "Required</h1></center>\r\n</body>\r\n</html>\r\n");
                resp.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"ollama\"")));
                return resp;
            }
            return handler(r);
        };
    };
    m_server->route("GET", QStringLiteral("/api/version"), proxied([this](const SimRequest& r) { return version(r); }));
    m_server->route("GET", QStringLiteral("/api/tags"), proxied([this](const SimRequest& r) { return tags(r); }));
    m_server->route("GET", QStringLiteral("/api/ps"), proxied([this](const SimRequest& r) { return ps(r); }));
    m_server->route("POST", QStringLiteral("/api/generate"),
                    proxied([this](const SimRequest& r) { return generate(r); }));
}

void SimOllama::addModel(const Model& model)
{
    m_models.removeIf([&](const Model& m) { return m.name == model.name; });
    Model m = model;
    if (m.digest.isEmpty())
        m.digest = QString::fromLatin1(QCryptographicHash::hash(m.name.toUtf8(), QCryptographicHash::Sha256).toHex());
    m_models.append(m);
}

const SimOllama::Model* SimOllama::model(const QString& name) const
{
    const QString n = name.contains(QLatin1Char(':')) ? name : name + QStringLiteral(":latest");
    for (const Model& m : m_models) {
        if (m.name == n || m.name == name)
            return &m;
    }
    return nullptr;
}

void SimOllama::expire()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_loaded.removeIf([&](const Loaded& l) { return l.expiresAt.isValid() && l.expiresAt <= now; });
}

QList<SimOllama::Loaded> SimOllama::loaded()
{
    expire();
    return m_loaded;
}

qint64 SimOllama::vramUsed()
{
    expire();
    qint64 used = 0;
    for (const Loaded& l : std::as_const(m_loaded))
        used += l.sizeVram;
    return used;
}

bool SimOllama::load(const QString& name, int keepAliveSec)
{
    const Model* m = model(name);
    if (!m)
        return false;
    expire();
    const int keep = keepAliveSec < 0 ? m_keepAliveSec : keepAliveSec;
    for (Loaded& l : m_loaded) {
        if (l.name == m->name) {
            l.expiresAt = QDateTime::currentDateTimeUtc().addSecs(keep);
            return true;
        }
    }
    Loaded l;
    l.name = m->name;
    l.size = m->memSize;
    const qint64 free = std::max<qint64>(0, m_vram - 400 * kMiB - vramUsed());
    l.sizeVram = std::min(l.size, free);
    l.expiresAt = QDateTime::currentDateTimeUtc().addSecs(keep);
    l.contextLength = m->family == QLatin1String("nomic-bert") ? 2048 : 4096;
    m_loaded.append(l);
    return true;
}

SimResponse SimOllama::version(const SimRequest&) const
{
    return SimResponse::json(200, R"({"version":"0.12.6"})");
}

SimResponse SimOllama::tags(const SimRequest&) const
{
    json models = json::array();
    const QDateTime modified = QDateTime(QDate(2025, 11, 2), QTime(21, 14, 3), Qt::UTC);
    for (const Model& m : m_models) {
        models.push_back({{"name", str(m.name)},
                          {"model", str(m.name)},
                          {"modified_at", goTime(modified)},
                          {"size", m.diskSize},
                          {"digest", str(m.digest)},
                          {"details",
                           {{"format", "gguf"},
                            {"family", str(m.family)},
                            {"families", {str(m.family)}},
                            {"parameter_size", str(m.parameterSize)},
                            {"quantization_level", str(m.quantization)}}}});
    }
    return SimResponse::json(200, QByteArray::fromStdString(json{{"models", models}}.dump()));
}

SimResponse SimOllama::ps(const SimRequest&)
{
    expire();
    json models = json::array();
    for (const Loaded& l : std::as_const(m_loaded)) {
        const Model* m = model(l.name);
        models.push_back({{"name", str(l.name)},
                          {"model", str(l.name)},
                          {"size", l.size},
                          {"digest", m ? str(m->digest) : std::string()},
                          {"details",
                           {{"parent_model", ""},
                            {"format", "gguf"},
                            {"family", m ? str(m->family) : std::string()},
                            {"families", {m ? str(m->family) : std::string()}},
                            {"parameter_size", m ? str(m->parameterSize) : std::string()},
                            {"quantization_level", m ? str(m->quantization) : std::string()}}},
                          {"expires_at", goTime(l.expiresAt)},
                          {"size_vram", l.sizeVram},
                          {"context_length", l.contextLength}});
    }
    return SimResponse::json(200, QByteArray::fromStdString(json{{"models", models}}.dump()));
}

SimResponse SimOllama::generate(const SimRequest& r)
{
    const json body = json::parse(r.body.constBegin(), r.body.constEnd(), nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("model") || !body["model"].is_string())
        return ollamaError(400, "model is required");
    const QString name = QString::fromStdString(body["model"].get<std::string>());
    const Model* m = model(name);
    if (!m)
        return ollamaError(404, "model '" + str(name) + "' not found");
    const int keep =
        body.contains("keep_alive") ? keepAliveSeconds(body["keep_alive"], m_keepAliveSec) : m_keepAliveSec;
    const std::string created = goTime(QDateTime::currentDateTimeUtc());
    if (keep == 0) {
        expire();
        m_loaded.removeIf([&](const Loaded& l) { return l.name == m->name; });
        return SimResponse::json(200, QByteArray::fromStdString(json{
                                          {"model", str(m->name)},
                                          {"created_at", created},
                                          {"response", ""},
                                          {"done", true},
                                          {"done_reason", "unload"}}.dump()));
    }
    expire();
    bool wasLoaded = false;
    for (const Loaded& l : std::as_const(m_loaded))
        wasLoaded = wasLoaded || l.name == m->name;
    load(m->name, keep);
    const QString prompt = body.contains("prompt") && body["prompt"].is_string()
                               ? QString::fromStdString(body["prompt"].get<std::string>())
                               : QString();
    if (prompt.isEmpty()) // load only
        return SimResponse::json(200, QByteArray::fromStdString(json{
                                          {"model", str(m->name)},
                                          {"created_at", created},
                                          {"response", ""},
                                          {"done", true},
                                          {"done_reason", "load"}}.dump()));
    ++m_generations;
    qint64 maxTokens = 96;
    if (body.contains("options") && body["options"].is_object() && body["options"].contains("num_predict") &&
        body["options"]["num_predict"].is_number_integer())
        maxTokens = std::clamp<qint64>(body["options"]["num_predict"].get<qint64>(), 1, 4096);
    // Partly offloaded models are slower: the CPU share dominates.
    double share = 1.0;
    for (const Loaded& l : std::as_const(m_loaded)) {
        if (l.name == m->name && l.size > 0)
            share = double(l.sizeVram) / double(l.size);
    }
    const double tps = m->tokensPerSecond * (share >= 0.999 ? 1.0 : 0.25 + 0.5 * share);
    const qint64 evalCount = std::min<qint64>(maxTokens, 64);
    const qint64 evalDuration = static_cast<qint64>(double(evalCount) / tps * 1e9);
    const qint64 promptCount = 12 + prompt.size() / 4;
    const qint64 promptDuration = static_cast<qint64>(double(promptCount) / (tps * 8) * 1e9);
    const qint64 loadDuration = wasLoaded ? 18'000'000 : static_cast<qint64>(m->memSize / (1.6 * kGiB) * 1e9);
    const std::string text = "A homelab is a small lab at home where you run your own servers, learn by doing, "
                             "and keep your data close.";
    json answer = {{"model", str(m->name)},  {"created_at", created},   {"response", text},
                   {"done", true},           {"done_reason", "length"}, {"prompt_eval_count", promptCount},
                   {"eval_count", evalCount}};
    if (m_reportTimings) {
        answer["total_duration"] = loadDuration + promptDuration + evalDuration + 4'000'000;
        answer["load_duration"] = loadDuration;
        answer["prompt_eval_duration"] = promptDuration;
        answer["eval_duration"] = evalDuration;
    }
    return SimResponse::json(200, QByteArray::fromStdString(answer.dump()));
}

} // namespace hlc::sim
