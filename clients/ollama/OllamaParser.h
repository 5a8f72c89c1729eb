#pragma once

#include "OllamaTypes.h"
#include "core/Result.h"

#include <QByteArray>

namespace hlc::ollama {

/// Bytes -> plain structs for the Ollama API. Never throws, never crashes; `null` arrays (seen from real
/// servers) read as empty, numbers as strings are accepted.
namespace parser {
Result<QString> version(const QByteArray& body);
Result<QList<InstalledModel>> tags(const QByteArray& body);
Result<QList<LoadedModel>> ps(const QByteArray& body);
Result<GenerateResult> generate(const QByteArray& body);
/// The `error` member of an Ollama error body (`{"error":"model 'x' not found"}`), or empty.
QString errorMessage(const QByteArray& body);
/// The body of a non-streamed generation: `{"model","prompt","stream":false,"options":{"num_predict":N}}`.
QByteArray generateBody(const QString& model, const QString& prompt, int maxTokens);
/// The body that unloads a model now: `{"model","keep_alive":0}`.
QByteArray unloadBody(const QString& model);
} // namespace parser

} // namespace hlc::ollama
