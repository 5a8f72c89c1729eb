// ServiceClient parses an answer larger than 256 KB on its parse thread and a small one at once on the GUI thread
// (issue 13), against the large profile's Proxmox cluster API over HTTPS on 127.0.0.1: /cluster/resources with 1,000
// guests (one cluster of the two) is the large answer, /version the small one. Also: the result equals the synchronous
// parse, answers are delivered in the order they arrived, and destroying the context or the client while a large parse
// runs delivers nothing (and, under the sanitizers, touches no freed memory).
#include "TestUtil.h"
#include "core/ServiceClient.h"
#include "proxmox/ProxmoxParser.h"

#include "Simulator.h"

#include <QMutex>
#include <QNetworkAccessManager>
#include <QSemaphore>
#include <QStandardPaths>
#include <QThread>

#include <atomic>
#include <memory>

using namespace hlc;
using namespace hlc::pve;

namespace {

/// What one parse saw: the thread it ran on and the bytes it read. The parse can be held at its start until the
/// test lets it go on, so that the test can act while it runs.
struct ParseProbe
{
    std::atomic<QThread*> thread{nullptr};
    std::atomic<bool> started{false};
    std::atomic<bool> finished{false};
    std::atomic<bool> hold{false};
    QSemaphore release;
    QMutex mutex;
    QByteArray body;

    template<typename T> std::function<Result<T>(const QByteArray&)> wrap(Result<T> (*parse)(const QByteArray&))
    {
        return [this, parse](const QByteArray& b) {
            thread = QThread::currentThread();
            {
                const QMutexLocker lock(&mutex);
                body = b;
            }
            started = true;
            if (hold && !release.tryAcquire(1, 60000))
                qWarning("the test never let the parse go on");
            Result<T> r = parse(b);
            finished = true;
            return r;
        };
    }
    QByteArray seenBody()
    {
        const QMutexLocker lock(&mutex);
        return body;
    }
};

/// The Proxmox API through ServiceClient::get(), with the parser wrapped by a probe.
class ProbeClient final : public ServiceClient
{
public:
    using ServiceClient::ServiceClient;
    ApiCall* resources(ParseProbe* probe, QObject* context, std::function<void(Result<QList<Resource>>)> done)
    {
        return get<QList<Resource>>(QStringLiteral("/cluster/resources"), {}, context, probe->wrap(&parser::resources),
                                    std::move(done));
    }
    ApiCall* version(ParseProbe* probe, QObject* context, std::function<void(Result<Version>)> done)
    {
        return get<Version>(QStringLiteral("/version"), {}, context, probe->wrap(&parser::version), std::move(done));
    }
};

/// Every field of @p list, one line per resource: for comparing two parses.
QStringList dump(const QList<Resource>& list)
{
    QStringList out;
    out.reserve(list.size());
    for (const Resource& r : list) {
        out << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9|%10")
                       .arg(r.id, r.type, r.node)
                       .arg(r.vmid)
                       .arg(r.name, r.status)
                       .arg(r.cpu ? QString::number(*r.cpu, 'g', 17) : QStringLiteral("-"))
                       .arg(r.maxcpu)
                       .arg(r.mem ? QString::number(*r.mem) : QStringLiteral("-"))
                       .arg(r.maxmem) +
                   QStringLiteral("|%1|%2|%3|%4|%5|%6|%7|%8|%9|%10")
                       .arg(r.disk)
                       .arg(r.maxdisk)
                       .arg(r.uptime ? QString::number(*r.uptime) : QStringLiteral("-"))
                       .arg(r.netin)
                       .arg(r.netout)
                       .arg(r.tags.join(QLatin1Char(';')), r.isTemplate ? QStringLiteral("t") : QStringLiteral("f"),
                            r.lock, r.hastate, r.storage);
    }
    return out;
}

} // namespace

class TestOffThreadParse final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<sim::Simulator> m_sim;
    QNetworkAccessManager* m_nam = nullptr;
    sim::ServiceEndpoint m_ep;

    Endpoint endpoint() const
    {
        Endpoint e;
        e.baseUrl = m_ep.baseUrl;
        e.credentials = {AuthScheme::PveToken, m_ep.user, m_ep.secret, {}};
        e.pinnedSha256 = m_ep.tlsSha256;
        e.timeoutMs = 30000;
        e.maxRetries = 0;
        return e;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<sim::Simulator>();
        m_sim->setProfile(sim::Simulator::Profile::Large);
        m_sim->setTickIntervalMs(0); // no churn: two reads of /cluster/resources give the same bytes
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        m_nam = new QNetworkAccessManager(this);
        m_ep = m_sim->endpoints(QStringLiteral("proxmox")).value(0);
        QVERIFY(m_ep.baseUrl.isValid());
        QCOMPARE(m_ep.baseUrl.host(), QStringLiteral("127.0.0.1"));
    }

    void cleanupTestCase() { m_sim.reset(); }

    /// The 1,000-guest answer is parsed on another thread, /version on this one; both equal the synchronous parse.
    void largeOnWorkerSmallOnGuiThread()
    {
        ProbeClient client(m_nam, endpoint());
        ParseProbe big;
        ParseProbe small;
        std::optional<Result<QList<Resource>>> resources;
        std::optional<Result<Version>> version;
        QThread* deliveredOn = nullptr;
        client.resources(&big, this, [&](Result<QList<Resource>> r) {
            deliveredOn = QThread::currentThread();
            resources.emplace(std::move(r));
        });
        client.version(&small, this, [&](Result<Version> r) { version.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(resources && version, 60000);

        const QByteArray body = big.seenBody();
        QVERIFY2(body.size() > ServiceClient::kOffThreadParseBytes, QByteArray::number(body.size()).constData());
        QVERIFY(big.thread.load() != nullptr);
        QVERIFY(big.thread.load() != QThread::currentThread());
        QCOMPARE(deliveredOn, QThread::currentThread());
        QCOMPARE(client.offThreadParses(), 1);
        QVERIFY2(resources->ok(), resources->ok() ? "" : qPrintable(resources->error().detail));
        const auto sync = parser::resources(body);
        QVERIFY(sync.ok());
        QCOMPARE(dump(resources->value()), dump(sync.value()));
        int guests = 0;
        for (const Resource& r : resources->value())
            guests += r.isGuest() ? 1 : 0;
        QCOMPARE(guests, 1000); // one cluster of the two: 10 nodes with 100 guests each

        QVERIFY(small.seenBody().size() <= ServiceClient::kOffThreadParseBytes);
        QCOMPARE(small.thread.load(), QThread::currentThread());
        QVERIFY(version->ok());
        QCOMPARE(version->value().version, parser::version(small.seenBody()).value().version);
        QVERIFY(!version->value().version.isEmpty());
        hlc::test::evidence(QStringLiteral("Proxmox /cluster/resources of the large profile (%1 bytes, %2 guests) "
                                           "parsed on the parse thread, /version (%3 bytes) on the GUI thread; equal "
                                           "to the synchronous parse")
                                .arg(body.size())
                                .arg(guests)
                                .arg(small.seenBody().size()));
    }

    /// A small answer that arrives while a large one is being parsed is delivered after it, not before.
    void deliveredInArrivalOrder()
    {
        ProbeClient client(m_nam, endpoint());
        ParseProbe big;
        big.hold = true;
        ParseProbe small;
        QStringList order;
        client.resources(&big, this, [&](const Result<QList<Resource>>& r) {
            QVERIFY(r.ok());
            order << QStringLiteral("resources");
        });
        QTRY_VERIFY_WITH_TIMEOUT(big.started, 60000);
        client.version(&small, this, [&](const Result<Version>& r) {
            QVERIFY(r.ok());
            order << QStringLiteral("version");
        });
        QTRY_VERIFY_WITH_TIMEOUT(small.finished, 30000); // its answer is here and parsed ...
        QCoreApplication::processEvents();
        QVERIFY(order.isEmpty()); // ... but waits for the large one before it
        big.release.release();
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 2, 60000);
        QCOMPARE(order, (QStringList{QStringLiteral("resources"), QStringLiteral("version")}));
        QCOMPARE(small.thread.load(), QThread::currentThread());
        hlc::test::evidence("a /version answer that arrived during the parse of /cluster/resources (1,000 guests) "
                            "was delivered after it, in arrival order");
    }

    /// The context goes away while its large answer is parsed: nothing is delivered; the client goes on.
    void contextDestroyedDuringParse()
    {
        ProbeClient client(m_nam, endpoint());
        ParseProbe big;
        big.hold = true;
        auto* context = new QObject;
        bool delivered = false;
        client.resources(&big, context, [&delivered](const Result<QList<Resource>>&) { delivered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(big.started, 60000);
        QVERIFY(big.thread.load() != QThread::currentThread());
        delete context;
        big.release.release();
        QTRY_VERIFY_WITH_TIMEOUT(big.finished, 60000);
        // An answer after it (no context) is delivered only once the large one's turn has come and gone.
        ParseProbe small;
        bool versionDelivered = false;
        client.version(&small, nullptr, [&versionDelivered](const Result<Version>& r) { versionDelivered = r.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(versionDelivered, 30000);
        QVERIFY(!delivered);
        hlc::test::evidence("the context of /cluster/resources (1,000 guests) destroyed during its parse on the "
                            "parse thread: nothing delivered, the next answer of the client delivered");
    }

    /// The client itself goes away while a large answer is parsed: the finished parse finds no client, delivers
    /// nothing, and the parse thread goes on with the next client's work.
    void clientDestroyedDuringParse()
    {
        auto* client = new ProbeClient(m_nam, endpoint());
        ParseProbe big;
        big.hold = true;
        bool delivered = false;
        client->resources(&big, this, [&delivered](const Result<QList<Resource>>&) { delivered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(big.started, 60000);
        delete client;
        big.release.release();
        QTRY_VERIFY_WITH_TIMEOUT(big.finished, 60000);
        // The parse thread is one thread: a second client's large parse runs after the first one posted (or not).
        ProbeClient other(m_nam, endpoint());
        ParseProbe next;
        std::optional<Result<QList<Resource>>> result;
        other.resources(&next, this, [&result](Result<QList<Resource>> r) { result.emplace(std::move(r)); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 60000);
        QVERIFY(result->ok());
        QCoreApplication::processEvents();
        QVERIFY(!delivered);
        QVERIFY(next.thread.load() != QThread::currentThread());
        hlc::test::evidence(QStringLiteral("a client destroyed during the parse of /cluster/resources: nothing "
                                           "delivered; the next client's parse (%1 resources) delivered")
                                .arg(result->value().size()));
    }
};

QTEST_GUILESS_MAIN(TestOffThreadParse)
#include "TestOffThreadParse.moc"
