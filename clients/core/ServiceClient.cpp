#include "ServiceClient.h"

#include <QMutex>
#include <QMutexLocker>
#include <QThreadPool>

namespace hlc {

namespace {

/// The one thread large answers are parsed on, shared by every client. One thread: two 16 MB answers are never held
/// decoded twice at once, and the parses of a client finish in the order they were started. The thread ends after
/// 30 s without work and is made again for the next large answer (no idle cost).
QThreadPool* parsePool()
{
    // Destroyed at exit after every client (it waits for a parse still running; no client is left to deliver to).
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setObjectName(QStringLiteral("hlc-parse"));
        pool.setMaxThreadCount(1);
        return true;
    }();
    Q_UNUSED(configured)
    return &pool;
}

} // namespace

/// How the parse thread reaches its client: the client clears it when it is destroyed, under the lock, so a
/// finished parse either posts to a living client or drops its result. Shared by the client and its parses in flight.
class ServiceClient::Inbox
{
public:
    explicit Inbox(ServiceClient* client)
        : m_client(client)
    {}
    void close()
    {
        const QMutexLocker lock(&m_mutex);
        m_client = nullptr;
    }
    /// On the parse thread: tells the client (on its thread) that the work of delivery @p id is done.
    void post(quint64 id)
    {
        const QMutexLocker lock(&m_mutex);
        if (m_client) {
            ServiceClient* client = m_client;
            // Posted while the lock keeps the client alive; the event goes with the client if it dies before it runs.
            QMetaObject::invokeMethod(
                client, [client, id] { client->workDone(id); }, Qt::QueuedConnection);
        }
    }

private:
    QMutex m_mutex;
    ServiceClient* m_client;
};

ServiceClient::ServiceClient(QNetworkAccessManager* nam, const Endpoint& endpoint, QObject* parent)
    : QObject(parent)
    , m_api(new ApiClient(nam, endpoint, this))
    , m_inbox(std::make_shared<Inbox>(this))
{}

ServiceClient::~ServiceClient()
{
    m_inbox->close(); // a parse still running drops its result; queued deliveries are destroyed undelivered
}

void ServiceClient::queueDelivery(const QPointer<QObject>& context, bool hasContext, std::function<void()> deliver,
                                  std::function<void()> work)
{
    Delivery d;
    d.id = m_nextDelivery++;
    d.context = context;
    d.hasContext = hasContext;
    d.ready = !work;
    d.deliver = std::move(deliver);
    const quint64 id = d.id;
    m_deliveries.push_back(std::move(d));
    if (!work) {
        flushDeliveries();
        return;
    }
    ++m_offThreadParses;
    parsePool()->start([inbox = m_inbox, id, work = std::move(work)] {
        work();
        inbox->post(id);
    });
}

void ServiceClient::workDone(quint64 id)
{
    for (Delivery& d : m_deliveries) {
        if (d.id == id) {
            d.ready = true;
            break;
        }
    }
    flushDeliveries();
}

void ServiceClient::flushDeliveries()
{
    if (m_flushing) // a delivery's callback led here again: the outer loop goes on with the queue
        return;
    m_flushing = true;
    const QPointer<ServiceClient> self(this);
    while (!m_deliveries.empty() && m_deliveries.front().ready) {
        Delivery d = std::move(m_deliveries.front());
        m_deliveries.pop_front();
        if (d.hasContext && !d.context)
            continue; // its owner is gone: nothing to deliver to
        d.deliver();
        if (!self) // the callback destroyed this client
            return;
    }
    m_flushing = false;
}

} // namespace hlc
