#pragma once

#include "OllamaTypes.h"
#include "core/ServiceClient.h"

namespace hlc::ollama {

/**
 * @brief Ollama API client (`http://HOST:11434`), one method per endpoint.
 *
 * Health and load come from /api/version and /api/ps only: a generation loads a model, so generate() runs only when
 * the operator asks for it ("measure speed"). Usually no auth (AuthScheme::None); a reverse proxy may add Bearer.
 */
class OllamaClient final : public ServiceClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OllamaClient)
public:
    OllamaClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent = nullptr);

    /// GET /api/version
    ApiCall* version(QObject* context, std::function<void(Result<QString>)> done);
    /// GET /api/tags: installed models
    ApiCall* tags(QObject* context, std::function<void(Result<QList<InstalledModel>>)> done);
    /// GET /api/ps: loaded models with their VRAM share and expiry
    ApiCall* ps(QObject* context, std::function<void(Result<QList<LoadedModel>>)> done);
    /// POST /api/generate `{model, keep_alive: 0}`: unloads @p model now (done_reason "unload").
    ApiCall* unload(const QString& model, QObject* context, std::function<void(Result<GenerateResult>)> done);
    /**
     * POST /api/generate, not streamed, at most @p maxTokens tokens: one short generation whose eval_count and
     * eval_duration give tokens/s. Loads the model if needed, which can take a while: @p timeoutMs applies.
     */
    ApiCall* generate(const QString& model, const QString& prompt, int maxTokens, int timeoutMs, QObject* context,
                      std::function<void(Result<GenerateResult>)> done);

protected:
    [[nodiscard]] ApiError refineError(const ApiResponse& response) const override;
};

} // namespace hlc::ollama
