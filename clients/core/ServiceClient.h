#pragma once

#include "ApiClient.h"
#include "Result.h"

#include <functional>

namespace hlc {

/// Base of every <Service>Client: owns the service's ApiClient and turns responses into typed Results.
class ServiceClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceClient)
public:
    ServiceClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent = nullptr);

    [[nodiscard]] ApiClient* api() const { return m_api; }
    [[nodiscard]] const Endpoint& endpoint() const { return m_api->endpoint(); }

signals:
    /**
     * A poll (an idempotent request through call()/get()) ended: @p error is its error, the transport's or, when
     * the body could not be read, the parser's (Kind::Parse); Kind::None when the answer was read. Lets the owner
     * of the client know the state of the service's API, not only whether it answers at all.
     * @param path the request's path (e.g. "/api/stacks")
     */
    void pollFinished(const QString& path, const hlc::ApiError& error);

protected:
    /// Sends @p request and hands the parsed body (or the error) to @p done. HTTP errors keep their kind; a
    /// service-specific message can be added by overriding refineError().
    template<typename T>
    ApiCall* call(ApiRequest request, QObject* context, std::function<Result<T>(const QByteArray&)> parse,
                  std::function<void(Result<T>)> done)
    {
        const QString path = request.isIdempotent() ? request.path : QString(); // empty: not a poll
        return m_api->send(std::move(request), context,
                           [this, path, parse = std::move(parse), done = std::move(done)](const ApiResponse& r) {
                               if (!r.ok()) {
                                   ApiError e = refineError(r);
                                   if (!path.isEmpty())
                                       emit pollFinished(path, e);
                                   done(std::move(e));
                                   return;
                               }
                               Result<T> result = parse(r.body);
                               if (!path.isEmpty())
                                   emit pollFinished(path, result.ok() ? ApiError() : result.error());
                               done(std::move(result));
                           });
    }

    template<typename T>
    ApiCall* get(const QString& path, const QUrlQuery& query, QObject* context,
                 std::function<Result<T>(const QByteArray&)> parse, std::function<void(Result<T>)> done)
    {
        ApiRequest r;
        r.path = path;
        r.query = query;
        return call<T>(std::move(r), context, std::move(parse), std::move(done));
    }

    /// Hook to turn an HTTP error into a more precise message (e.g. naming a missing privilege).
    [[nodiscard]] virtual ApiError refineError(const ApiResponse& response) const { return response.error; }

private:
    ApiClient* m_api;
};

} // namespace hlc
