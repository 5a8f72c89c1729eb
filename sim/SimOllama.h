#pragma once

#include "SimHttpServer.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace hlc::sim {

/**
 * @brief The Ollama API (`/api/version`, `/api/tags`, `/api/ps`, `POST /api/generate`) of host B's GTX 1080 (8 GB).
 *
 * Installed models from the seed (Llama 3, Mistral, CodeLlama, ...). Loaded models expire after their keep-alive
 * (default 5 min, `keep_alive` honoured); a model that does not fit the free VRAM is partly offloaded to the CPU
 * (size_vram < size). `keep_alive: 0` unloads (done_reason "unload"). A non-streamed generation answers with
 * realistic eval_count / eval_duration for the model (about 40 tokens/s for an 8B Q4 model on a GTX 1080).
 * Streaming generation is not simulated (the client never streams).
 */
class SimOllama final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimOllama)
public:
    struct Model
    {
        QString name;
        qint64 diskSize = 0;
        qint64 memSize = 0; ///< when loaded (weights + KV cache)
        QString family;
        QString parameterSize;
        QString quantization;
        double tokensPerSecond = 40.0; ///< fully on the GPU
        QString digest;
    };
    struct Loaded
    {
        QString name;
        qint64 size = 0;
        qint64 sizeVram = 0;
        QDateTime expiresAt;
        int contextLength = 4096;
    };

    explicit SimOllama(SimHttpServer* server, QObject* parent = nullptr);

    void setVramBytes(qint64 bytes) { m_vram = bytes; }
    /// Adds @p model to what /api/tags lists (and load() accepts); a model of the same name is replaced.
    void addModel(const Model& model);
    [[nodiscard]] qint64 vramBytes() const { return m_vram; }
    /// Default keep-alive of a loaded model (seconds).
    void setKeepAliveSeconds(int s) { m_keepAliveSec = s; }
    /// Loads @p name as a request would (for the demo and tests); false for an unknown model.
    bool load(const QString& name, int keepAliveSeconds = -1);
    /// Loaded models, expired ones dropped.
    [[nodiscard]] QList<Loaded> loaded();
    /// VRAM in use by loaded models.
    [[nodiscard]] qint64 vramUsed();
    /// Real-server mode: generations answer without eval_duration and the other timings (some servers and thinking
    /// models do), only the counts.
    void setReportTimings(bool report) { m_reportTimings = report; }
    /// Real-server mode: an authenticating reverse proxy in front of Ollama. Requests to @p paths (all when empty)
    /// without `Authorization: Bearer @p token` get the proxy's 401 (HTML, as nginx answers). Empty token: no proxy.
    void setProxyAuth(const QString& token, const QStringList& paths = {})
    {
        m_proxyToken = token;
        m_proxyPaths = paths;
    }
    /// Number of generations that produced text (not unloads).
    [[nodiscard]] int generations() const { return m_generations; }

private:
    void expire();
    [[nodiscard]] const Model* model(const QString& name) const;
    SimResponse version(const SimRequest& r) const;
    SimResponse tags(const SimRequest& r) const;
    SimResponse ps(const SimRequest& r);
    SimResponse generate(const SimRequest& r);

    QPointer<SimHttpServer> m_server;
    QList<Model> m_models;
    QList<Loaded> m_loaded;
    qint64 m_vram = 8ll * 1024 * 1024 * 1024;
    int m_keepAliveSec = 300;
    int m_generations = 0;
    bool m_reportTimings = true;
    QString m_proxyToken;
    QStringList m_proxyPaths;
};

} // namespace hlc::sim
