// ProxmoxClient against the simulator's Proxmox API over HTTPS on 127.0.0.1 (token auth, pinned certificate).
#include "TestUtil.h"
#include "proxmox/ProxmoxClient.h"

#include "SimHttpServer.h"
#include "Simulator.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>

using namespace hlc;
using namespace hlc::pve;
using hlc::test::Capture;

class TestProxmoxClient : public QObject
{
    Q_OBJECT

private:
    sim::Simulator* m_sim = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    sim::ServiceEndpoint m_ep;

    Endpoint endpoint() const
    {
        Endpoint e;
        e.baseUrl = m_ep.baseUrl;
        e.credentials = {AuthScheme::PveToken, m_ep.user, m_ep.secret, {}};
        e.pinnedSha256 = m_ep.tlsSha256;
        e.timeoutMs = 3000;
        e.maxRetries = 0;
        return e;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = new sim::Simulator(this);
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        m_nam = new QNetworkAccessManager(this);
        for (const auto& ep : m_sim->endpoints()) {
            if (ep.hostId == QLatin1String("host-a") && ep.kind == QLatin1String("proxmox"))
                m_ep = ep;
        }
        QVERIFY(m_ep.baseUrl.isValid());
        QCOMPARE(m_ep.baseUrl.scheme(), QStringLiteral("https"));
        QCOMPARE(m_ep.baseUrl.host(), QStringLiteral("127.0.0.1"));
    }

    void cleanup() { m_sim->server(m_ep.hostId, m_ep.kind)->clearFaults(); }

    void version()
    {
        ProxmoxClient c(m_nam, endpoint());
        Capture<Result<Version>> cap;
        c.version(this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY2(cap.value->ok(), cap.value->ok() ? "" : qPrintable(cap.value->error().detail));
        QVERIFY(!cap.value->value().version.isEmpty());
    }

    void nodes()
    {
        ProxmoxClient c(m_nam, endpoint());
        Capture<Result<QList<NodeEntry>>> cap;
        c.nodes(this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(cap.value->ok());
        QCOMPARE(cap.value->value().size(), 1);
        QCOMPARE(cap.value->value().first().node, m_ep.node);
        QVERIFY(cap.value->value().first().online());
    }

    void nodeStatus()
    {
        ProxmoxClient c(m_nam, endpoint());
        Capture<Result<NodeStatus>> cap;
        c.nodeStatus(m_ep.node, this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY2(cap.value->ok(), cap.value->ok() ? "" : qPrintable(cap.value->error().detail));
        const NodeStatus& s = cap.value->value();
        QVERIFY(s.cpu && *s.cpu >= 0.0 && *s.cpu <= 1.0);
        QVERIFY(s.cpus > 0);
        QVERIFY(s.memTotal.value_or(0) > 0);
        QVERIFY(s.memUsed.value_or(0) > 0 && *s.memUsed <= *s.memTotal);
        QVERIFY(s.rootTotal.value_or(0) > 0);
        QVERIFY(s.uptime.value_or(0) > 0);
        QCOMPARE(s.loadavg.size(), 3);
        QVERIFY(s.pveVersion.startsWith(QStringLiteral("pve-manager/")));
        hlc::test::evidence("Proxmox client read /version, /nodes, /nodes/{node}/status, /cluster/resources from the "
                            "simulator over HTTPS with a pinned self-signed certificate");
    }

    void clusterResources()
    {
        ProxmoxClient c(m_nam, endpoint());
        Capture<Result<QList<Resource>>> cap;
        c.clusterResources(QString(), this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(cap.value->ok());
        int guests = 0, nodes = 0;
        for (const Resource& r : cap.value->value()) {
            guests += r.isGuest();
            nodes += r.type == QLatin1String("node");
        }
        QVERIFY(guests >= 3);
        QCOMPARE(nodes, 1);

        Capture<Result<QList<Resource>>> vms;
        c.clusterResources(QStringLiteral("vm"), this, vms.callback());
        QVERIFY(vms.wait());
        QVERIFY(vms.value->ok());
        for (const Resource& r : vms.value->value())
            QVERIFY2(r.isGuest(), qPrintable(r.id));
    }

    void wrongToken()
    {
        Endpoint e = endpoint();
        e.credentials.secret = QStringLiteral("00000000-wrong-token");
        ProxmoxClient c(m_nam, e);
        Capture<Result<NodeStatus>> cap;
        c.nodeStatus(m_ep.node, this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(!cap.value->ok());
        QCOMPARE(cap.value->error().kind, ApiError::Kind::Auth);
        QCOMPARE(cap.value->error().httpStatus, 401);
        QVERIFY2(cap.value->error().message.contains(QStringLiteral("API token")),
                 qPrintable(cap.value->error().message));
        QVERIFY(!cap.value->error().message.contains(e.credentials.secret));
        QVERIFY(!cap.value->error().detail.contains(e.credentials.secret));
    }

    void unpinnedCertificateIsRejected()
    {
        Endpoint e = endpoint();
        e.pinnedSha256.clear();
        auto* server = m_sim->server(m_ep.hostId, m_ep.kind);
        server->clearRequests();
        ProxmoxClient c(m_nam, e);
        Capture<Result<Version>> cap;
        c.version(this, cap.callback());
        QVERIFY(cap.wait());
        QCOMPARE(cap.value->error().kind, ApiError::Kind::Tls);
        QCOMPARE(cap.value->error().tlsFingerprint, m_ep.tlsSha256);
        QCOMPARE(server->requests().size(), 0);
    }

    void malformedAndTruncated_data()
    {
        QTest::addColumn<int>("body");
        QTest::newRow("malformed") << int(sim::Fault::Body::Malformed);
        QTest::newRow("truncated") << int(sim::Fault::Body::Truncated);
    }

    void malformedAndTruncated()
    {
        QFETCH(int, body);
        sim::Fault f;
        f.body = sim::Fault::Body(body);
        m_sim->server(m_ep.hostId, m_ep.kind)->setFault("GET", QStringLiteral("/api2/json/nodes/{node}/status"), f);
        ProxmoxClient c(m_nam, endpoint());
        Capture<Result<NodeStatus>> cap;
        c.nodeStatus(m_ep.node, this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(!cap.value->ok());
        if (f.body == sim::Fault::Body::Malformed) {
            QCOMPARE(cap.value->error().kind, ApiError::Kind::Parse);
            QVERIFY2(cap.value->error().message.contains(QStringLiteral("not valid JSON")),
                     qPrintable(cap.value->error().message));
        }
    }

    void serverErrorKeepsPveMessage()
    {
        sim::Fault f;
        f.status = 500;
        m_sim->server(m_ep.hostId, m_ep.kind)->setFault("GET", QStringLiteral("/api2/json/nodes/{node}/status"), f);
        ProxmoxClient c(m_nam, endpoint());
        Capture<Result<NodeStatus>> cap;
        c.nodeStatus(m_ep.node, this, cap.callback());
        QVERIFY(cap.wait());
        QCOMPARE(cap.value->error().kind, ApiError::Kind::Server);
        QCOMPARE(cap.value->error().httpStatus, 500);
    }
};

QTEST_GUILESS_MAIN(TestProxmoxClient)
#include "TestProxmoxClient.moc"
