#include "OllamaClient.h"

#include "OllamaParser.h"

#include <QCoreApplication>
#include <QUrl>

namespace hlc::ollama {

OllamaClient::OllamaClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent)
    : ServiceClient(nam, endpoint, parent)
{}

ApiCall* OllamaClient::version(QObject* context, std::function<void(Result<QString>)> done)
{
    return get<QString>(QStringLiteral("/api/version"), {}, context, &parser::version, std::move(done));
}

ApiCall* OllamaClient::tags(QObject* context, std::function<void(Result<QList<InstalledModel>>)> done)
{
    return get<QList<InstalledModel>>(QStringLiteral("/api/tags"), {}, context, &parser::tags, std::move(done));
}

ApiCall* OllamaClient::ps(QObject* context, std::function<void(Result<QList<LoadedModel>>)> done)
{
    return get<QList<LoadedModel>>(QStringLiteral("/api/ps"), {}, context, &parser::ps, std::move(done));
}

ApiCall* OllamaClient::unload(const QString& model, QObject* context, std::function<void(Result<GenerateResult>)> done)
{
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/api/generate");
    r.body = parser::unloadBody(model);
    r.contentType = "application/json";
    return call<GenerateResult>(std::move(r), context, &parser::generate, std::move(done));
}

ApiCall* OllamaClient::generate(const QString& model, const QString& prompt, int maxTokens, int timeoutMs,
                                QObject* context, std::function<void(Result<GenerateResult>)> done)
{
    ApiRequest r;
    r.method = "POST";
    r.path = QStringLiteral("/api/generate");
    r.body = parser::generateBody(model, prompt, maxTokens);
    r.contentType = "application/json";
    r.timeoutMs = timeoutMs;
    return call<GenerateResult>(std::move(r), context, &parser::generate, std::move(done));
}

ApiError OllamaClient::refineError(const ApiResponse& response) const
{
    ApiError e = response.error;
    const QString msg = parser::errorMessage(response.body);
    if (e.httpStatus == 401 || e.httpStatus == 403) {
        // Ollama has no login of its own: whoever refused is a proxy in front of it. Name the endpoint it refused
        // (detail: "GET http://host:port/api/ps: HTTP 401 ...").
        QString url = e.detail.section(QLatin1Char(' '), 1, 1);
        if (url.endsWith(QLatin1Char(':')))
            url.chop(1);
        const QString path = QUrl(url).path();
        const bool withToken = endpoint().credentials.scheme != AuthScheme::None;
        e.message = withToken
                        ? QCoreApplication::translate("hlc::ollama::OllamaClient",
                                                      "The proxy in front of Ollama refused %1 with the configured "
                                                      "token (HTTP %2). Check the token.")
                              .arg(path)
                              .arg(e.httpStatus)
                        : QCoreApplication::translate("hlc::ollama::OllamaClient",
                                                      "%1 was refused (HTTP %2). Ollama itself has no login: a proxy "
                                                      "in front of it protects this endpoint. Give this service the "
                                                      "proxy's token (auth \"bearer\"), or let the proxy pass it.")
                              .arg(path)
                              .arg(e.httpStatus);
        return e;
    }
    // 502/503/504 come from a proxy in front of Ollama, or while it starts: the transport's message says what to do.
    const bool proxy = e.httpStatus >= 502 && e.httpStatus <= 504;
    if (!msg.isEmpty() && (e.httpStatus == 404 || e.httpStatus == 400 || (e.httpStatus >= 500 && !proxy)))
        e.message = QCoreApplication::translate("hlc::ollama::OllamaClient", "Ollama: %1").arg(msg);
    return e;
}

} // namespace hlc::ollama
