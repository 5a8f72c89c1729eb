#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <algorithm>

/// Plain structs of the Ollama API (shared/api/ollama/openapi.yaml). Sizes in bytes, durations in nanoseconds.
namespace hlc::ollama {

/// A model installed on the server (GET /api/tags).
struct InstalledModel
{
    QString name; ///< e.g. "llama3:8b"
    QString model;
    qint64 size = 0; ///< on disk
    QString digest;
    QDateTime modifiedAt;
    QString family;
    QString parameterSize; ///< "8.0B"
    QString quantization;  ///< "Q4_K_M"
};

/// A model loaded into memory (GET /api/ps).
struct LoadedModel
{
    QString name;
    QString model;
    qint64 size = 0;     ///< memory it takes (weights + context)
    qint64 sizeVram = 0; ///< of which on the GPU
    int contextLength = 0;
    QDateTime expiresAt; ///< when it is unloaded unless used again; invalid: unknown
    QString digest;
    QString family;
    QString parameterSize;
    QString quantization;

    /// Share of the model on the GPU, 0..1 (1: fully offloaded to the GPU).
    [[nodiscard]] double vramShare() const
    {
        return size > 0 ? std::clamp(double(sizeVram) / double(size), 0.0, 1.0) : 0.0;
    }
};

/// A non-streamed POST /api/generate answer.
struct GenerateResult
{
    QString model;
    QString response;
    bool done = false;
    QString doneReason; ///< "stop", "length", "unload", ...
    qint64 totalDuration = 0;
    qint64 loadDuration = 0;
    qint64 promptEvalCount = 0;
    qint64 promptEvalDuration = 0;
    qint64 evalCount = 0;
    qint64 evalDuration = 0;

    /// The server reported how long the generation took (eval_duration and eval_count). Some servers and thinking
    /// models leave them out: then there is no speed to show, not a speed of 0.
    [[nodiscard]] bool hasTimings() const { return evalDuration > 0 && evalCount > 0; }
    /// Generation speed from eval_count / eval_duration; 0 when unknown (see hasTimings()).
    [[nodiscard]] double tokensPerSecond() const
    {
        return evalDuration > 0 ? double(evalCount) / (double(evalDuration) / 1e9) : 0.0;
    }
};

} // namespace hlc::ollama
