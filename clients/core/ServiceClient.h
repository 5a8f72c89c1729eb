#pragma once

#include "ApiClient.h"
#include "Result.h"

#include <QPointer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace hlc {

/// Base of every <Service>Client: owns the service's ApiClient and turns responses into typed Results.
class ServiceClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceClient)
public:
    ServiceClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent = nullptr);
    ~ServiceClient() override;

    [[nodiscard]] ApiClient* api() const { return m_api; }
    [[nodiscard]] const Endpoint& endpoint() const { return m_api->endpoint(); }

    /// Bodies larger than this are parsed on a worker thread (issue 13: nothing above 256 KB is parsed on the GUI
    /// thread); smaller ones are parsed at once, where the answer arrived (cheaper than a thread hop).
    static constexpr qsizetype kOffThreadParseBytes = 256 * 1024;
    /// Answers of this client whose parse ran on the worker thread (since construction).
    [[nodiscard]] int offThreadParses() const { return m_offThreadParses; }

signals:
    /**
     * A poll (an idempotent request through call()/get()) ended: @p error is its error, the transport's or, when
     * the body could not be read, the parser's (Kind::Parse); Kind::None when the answer was read. Lets the owner
     * of the client know the state of the service's API, not only whether it answers at all.
     * @param path the request's path (e.g. "/api/stacks")
     */
    void pollFinished(const QString& path, const hlc::ApiError& error);

protected:
    /**
     * Sends @p request and hands the parsed body (or the error) to @p done. HTTP errors keep their kind; a
     * service-specific message can be added by overriding refineError().
     *
     * A body larger than kOffThreadParseBytes is parsed on the shared parse thread (@p parse must be a pure function
     * of the bytes); the result comes back to this thread. @p done runs in the order the answers arrived, per client:
     * an answer that arrives while a larger one is still being parsed waits for it. Nothing is delivered when
     * @p context (if given) or this client is destroyed before the result is back.
     */
    template<typename T>
    ApiCall* call(ApiRequest request, QObject* context, std::function<Result<T>(const QByteArray&)> parse,
                  std::function<void(Result<T>)> done)
    {
        const QString path = request.isIdempotent() ? request.path : QString(); // empty: not a poll
        const QPointer<QObject> ctx(context);
        const bool hasContext = context != nullptr;
        return m_api->send(
            std::move(request), context,
            [this, path, ctx, hasContext, parse = std::move(parse), done = std::move(done)](const ApiResponse& r) {
                auto deliver = [this, path, done](Result<T> result) {
                    if (!path.isEmpty())
                        emit pollFinished(path, result.ok() ? ApiError() : result.error());
                    done(std::move(result));
                };
                const bool big = r.ok() && r.body.size() > kOffThreadParseBytes;
                if (!big && !hasDeliveriesWaiting()) { // the common case: at once, nothing queued before it
                    deliver(r.ok() ? parse(r.body) : Result<T>(refineError(r)));
                    return;
                }
                auto slot = std::make_shared<std::optional<Result<T>>>();
                auto then = [deliver, slot] { deliver(std::move(**slot)); };
                if (!big) { // small, but behind a larger answer still being parsed: in order after it
                    slot->emplace(r.ok() ? parse(r.body) : Result<T>(refineError(r)));
                    queueDelivery(ctx, hasContext, std::move(then), {});
                    return;
                }
                queueDelivery(ctx, hasContext, std::move(then),
                              [parse, body = r.body, slot] { slot->emplace(parse(body)); });
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
    struct Delivery
    {
        quint64 id = 0;
        QPointer<QObject> context;
        bool hasContext = false;
        bool ready = false;
        std::function<void()> deliver; ///< runs on this client's thread; never on the worker
    };
    class Inbox;

    [[nodiscard]] bool hasDeliveriesWaiting() const { return !m_deliveries.empty(); }
    /// Queues @p deliver behind the deliveries waiting; with @p work, runs it on the parse thread first (it must not
    /// touch this client), else the delivery is ready at once.
    void queueDelivery(const QPointer<QObject>& context, bool hasContext, std::function<void()> deliver,
                       std::function<void()> work);
    /// The worker finished the work of delivery @p id (on this client's thread).
    void workDone(quint64 id);
    /// Runs the deliveries at the front of the queue that are ready.
    void flushDeliveries();

    ApiClient* m_api;
    std::deque<Delivery> m_deliveries;
    quint64 m_nextDelivery = 1;
    int m_offThreadParses = 0;
    bool m_flushing = false;
    std::shared_ptr<Inbox> m_inbox; ///< how the worker reaches this client while it lives
};

} // namespace hlc
