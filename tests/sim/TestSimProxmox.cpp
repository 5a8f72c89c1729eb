// The simulated Proxmox API over HTTPS (trusted by pin), every body checked against the official PVE schema
// with shared/tools/spec-check; plus moving metrics and an offline node.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "Simulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using hlc::sim::ServiceEndpoint;
using hlc::sim::SimHomelab;
using hlc::sim::Simulator;

namespace {

struct Reply
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray reason;
    QByteArray body;
};

} // namespace

class TestSimProxmox final : public QObject
{
    Q_OBJECT

private:
    Simulator* m_sim = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    hlc::test::SpecCheck m_spec;
    const QString m_specFile = QStringLiteral("proxmox/pve-api.controlcenter-excerpt.json");

    [[nodiscard]] ServiceEndpoint ep(const QString& hostId) const
    {
        return m_sim->endpoint(hostId, QStringLiteral("proxmox"));
    }

    Reply get(const ServiceEndpoint& e, const QString& path, const QByteArray& authOverride = {})
    {
        QUrl url = e.baseUrl;
        const qsizetype q = path.indexOf(QLatin1Char('?'));
        url.setPath(e.baseUrl.path() + path.left(q));
        if (q >= 0)
            url.setQuery(path.mid(q + 1));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", authOverride.isEmpty()
                                                  ? "PVEAPIToken=" + e.user.toUtf8() + '=' + e.secret.toUtf8()
                                                  : authOverride);
        QNetworkReply* reply = m_nam->get(request);
        connect(reply, &QNetworkReply::sslErrors, reply, [reply, pin = e.tlsSha256](const QList<QSslError>& errors) {
            // trust by pin only: the leaf certificate must be the simulator's
            if (!errors.isEmpty() && errors.first().certificate().digest(QCryptographicHash::Sha256).toHex() == pin)
                reply->ignoreSslErrors(errors);
        });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000))
            reply->abort();
        Reply r;
        r.error = reply->error();
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
        r.body = reply->readAll();
        reply->deleteLater();
        return r;
    }

    /// Runs shared/tools/spec-check; returns its output, empty when it printed "ok".
    QString specViolations(const QString& path, int status, const QByteArray& body)
    {
        return m_spec.violations(m_specFile, QStringLiteral("GET"), path, status, body);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        HLC_REQUIRE_REAL(m_spec.unavailable(m_specFile));

        m_sim = new Simulator(this);
        m_sim->setTickIntervalMs(0); // ticks only when the test asks: deterministic
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_nam = new QNetworkAccessManager(this);
        QCOMPARE(m_sim->endpoints(QStringLiteral("proxmox")).size(), 2);
    }

    void endpoints()
    {
        const ServiceEndpoint a = ep(QStringLiteral("host-a"));
        const ServiceEndpoint b = ep(QStringLiteral("host-b"));
        QCOMPARE(a.hostName, QStringLiteral("pve-thinkpad"));
        QCOMPARE(b.hostName, QStringLiteral("pve-ryzen"));
        for (const ServiceEndpoint& e : {a, b}) {
            QCOMPARE(e.kind, QStringLiteral("proxmox"));
            QCOMPARE(e.baseUrl.scheme(), QStringLiteral("https"));
            QCOMPARE(e.baseUrl.host(), QStringLiteral("127.0.0.1"));
            QCOMPARE(e.baseUrl.path(), QStringLiteral("/api2/json"));
            QCOMPARE(e.user, QStringLiteral("monitor@pve!homelab-control"));
            QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(e.secret).hasMatch());
            QCOMPARE(e.tlsSha256.size(), 64);
            QCOMPARE(e.node, e.hostName);
            QVERIFY(m_sim->server(e.hostId, e.kind));
            QCOMPARE(m_sim->server(e.hostId, e.kind)->tlsIdentity().sha256Hex(), e.tlsSha256);
        }
        QVERIFY(a.secret != b.secret);
        QVERIFY(a.tlsSha256 != b.tlsSha256);
        QVERIFY(a.baseUrl.port() != b.baseUrl.port());
        QVERIFY(!m_sim->server(QStringLiteral("host-a"), QStringLiteral("nope")));
    }

    void routesMatchSpec_data()
    {
        QTest::addColumn<QString>("hostId");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        for (const QString& host : {QStringLiteral("host-a"), QStringLiteral("host-b")}) {
            const QString node =
                host == QLatin1String("host-a") ? QStringLiteral("pve-thinkpad") : QStringLiteral("pve-ryzen");
            const QByteArray h = host.toLatin1();
            QTest::addRow("%s version", h.constData()) << host << QStringLiteral("/version") << 200;
            QTest::addRow("%s nodes", h.constData()) << host << QStringLiteral("/nodes") << 200;
            QTest::addRow("%s node status", h.constData())
                << host << QStringLiteral("/nodes/%1/status").arg(node) << 200;
            QTest::addRow("%s resources", h.constData()) << host << QStringLiteral("/cluster/resources") << 200;
            QTest::addRow("%s resources vm", h.constData())
                << host << QStringLiteral("/cluster/resources?type=vm") << 200;
            QTest::addRow("%s resources node", h.constData())
                << host << QStringLiteral("/cluster/resources?type=node") << 200;
            QTest::addRow("%s resources storage", h.constData())
                << host << QStringLiteral("/cluster/resources?type=storage") << 200;
            QTest::addRow("%s cluster status", h.constData()) << host << QStringLiteral("/cluster/status") << 200;
            QTest::addRow("%s bad type", h.constData())
                << host << QStringLiteral("/cluster/resources?type=bogus") << 400;
            QTest::addRow("%s unknown node", h.constData()) << host << QStringLiteral("/nodes/pve-nope/status") << 500;
        }
        // a host's API knows only its own node (two standalone hosts, no cluster)
        QTest::newRow("other host's node")
            << QStringLiteral("host-a") << QStringLiteral("/nodes/pve-ryzen/status") << 500;
    }

    void routesMatchSpec()
    {
        QFETCH(QString, hostId);
        QFETCH(QString, path);
        QFETCH(int, status);
        const ServiceEndpoint e = ep(hostId);
        const Reply r = get(e, path);
        QCOMPARE(r.status, status);
        const QJsonDocument doc = QJsonDocument::fromJson(r.body);
        QVERIFY2(doc.isObject() && doc.object().contains(QStringLiteral("data")), r.body.constData());
        const QString violations = specViolations(e.baseUrl.path() + path, r.status, r.body);
        QVERIFY2(violations.isEmpty(), qPrintable(violations + QStringLiteral("\nbody: ") + QString::fromUtf8(r.body)));
        if (status == 500)
            QVERIFY2(r.reason.startsWith("no such cluster node"), r.reason.constData());
    }

    void contents()
    {
        const ServiceEndpoint a = ep(QStringLiteral("host-a"));
        QJsonObject status = QJsonDocument::fromJson(get(a, QStringLiteral("/nodes/pve-thinkpad/status")).body)
                                 .object()
                                 .value(QStringLiteral("data"))
                                 .toObject();
        const QJsonObject cpuinfo = status.value(QStringLiteral("cpuinfo")).toObject();
        QCOMPARE(cpuinfo.value(QStringLiteral("cpus")).toInt(), 8);
        QCOMPARE(cpuinfo.value(QStringLiteral("cores")).toInt(), 4);
        QVERIFY(cpuinfo.value(QStringLiteral("model")).toString().contains(QStringLiteral("i5-8350U")));
        QVERIFY(cpuinfo.value(QStringLiteral("mhz")).isString());
        for (const char* key : {"cpu", "wait", "uptime"})
            QVERIFY2(status.value(QLatin1String(key)).isDouble(), key);
        for (const char* key : {"memory", "rootfs", "swap", "ksm"})
            QVERIFY2(status.value(QLatin1String(key)).isObject(), key);
        QCOMPARE(status.value(QStringLiteral("loadavg")).toArray().size(), 3);
        QVERIFY(status.value(QStringLiteral("loadavg")).toArray().first().isString());
        // 1, 5 and 15 minutes differ, like on a real node (not three copies of one number).
        const QJsonArray load = status.value(QStringLiteral("loadavg")).toArray();
        QVERIFY2(load.at(0).toString() != load.at(2).toString(), qPrintable(load.at(0).toString()));
        QVERIFY(status.value(QStringLiteral("pveversion")).toString().startsWith(QLatin1String("pve-manager/8.")));
        QVERIFY(status.value(QStringLiteral("kversion")).toString().startsWith(QLatin1String("Linux ")));
        const QJsonObject mem = status.value(QStringLiteral("memory")).toObject();
        QCOMPARE(mem.value(QStringLiteral("used")).toInteger() + mem.value(QStringLiteral("free")).toInteger(),
                 mem.value(QStringLiteral("total")).toInteger());

        const QJsonArray resources = QJsonDocument::fromJson(get(a, QStringLiteral("/cluster/resources")).body)
                                         .object()
                                         .value(QStringLiteral("data"))
                                         .toArray();
        QSet<QString> ids;
        for (const QJsonValue& v : resources)
            ids.insert(v.toObject().value(QStringLiteral("id")).toString());
        for (const char* id : {"node/pve-thinkpad", "qemu/100", "qemu/101", "lxc/200", "lxc/201", "lxc/202",
                               "storage/pve-thinkpad/local", "storage/pve-thinkpad/local-lvm"})
            QVERIFY2(ids.contains(QLatin1String(id)), id);
        QVERIFY(!ids.contains(QStringLiteral("qemu/110"))); // host B's guest

        const QJsonArray vms = QJsonDocument::fromJson(get(a, QStringLiteral("/cluster/resources?type=vm")).body)
                                   .object()
                                   .value(QStringLiteral("data"))
                                   .toArray();
        QCOMPARE(vms.size(), 5);
        for (const QJsonValue& v : vms) {
            const QJsonObject g = v.toObject();
            const QString type = g.value(QStringLiteral("type")).toString();
            QVERIFY(type == QLatin1String("qemu") || type == QLatin1String("lxc"));
            QCOMPARE(g.value(QStringLiteral("id")).toString(),
                     type + QLatin1Char('/') + QString::number(g.value(QStringLiteral("vmid")).toInt()));
            if (g.value(QStringLiteral("vmid")).toInt() == 202) {
                QCOMPARE(g.value(QStringLiteral("status")).toString(), QStringLiteral("stopped"));
                QCOMPARE(g.value(QStringLiteral("cpu")).toDouble(), 0.0);
                QCOMPARE(g.value(QStringLiteral("mem")).toInteger(), 0);
                QCOMPARE(g.value(QStringLiteral("uptime")).toInteger(), 0);
            }
        }

        const QJsonArray nodes = QJsonDocument::fromJson(get(a, QStringLiteral("/nodes")).body)
                                     .object()
                                     .value(QStringLiteral("data"))
                                     .toArray();
        QCOMPARE(nodes.size(), 1);
        const QString fp = nodes.first().toObject().value(QStringLiteral("ssl_fingerprint")).toString();
        QCOMPARE(fp.toLower().remove(QLatin1Char(':')).toLatin1(), a.tlsSha256);
    }

    void unauthorized_data()
    {
        QTest::addColumn<QByteArray>("header");
        const ServiceEndpoint a = ep(QStringLiteral("host-a"));
        QTest::newRow("wrong secret") << QByteArray("PVEAPIToken=" + a.user.toUtf8() + "=" + QByteArray(32, '0'));
        QTest::newRow("wrong user") << QByteArray("PVEAPIToken=root@pam!x=" + a.secret.toUtf8());
        QTest::newRow("no scheme") << a.secret.toUtf8();
        QTest::newRow("other host's token")
            << QByteArray("PVEAPIToken=" + a.user.toUtf8() + "=" + ep(QStringLiteral("host-b")).secret.toUtf8());
    }

    void unauthorized()
    {
        QFETCH(QByteArray, header);
        const ServiceEndpoint a = ep(QStringLiteral("host-a"));
        const Reply r = get(a, QStringLiteral("/version"), header);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.reason, QByteArray("authentication failure"));
        QCOMPARE(r.error, QNetworkReply::AuthenticationRequiredError);
        QCOMPARE(r.body, QByteArray(R"({"data":null})"));
        const QString violations = specViolations(QStringLiteral("/api2/json/version"), r.status, r.body);
        QVERIFY2(violations.isEmpty(), qPrintable(violations));
    }

    void metricsMoveBetweenTicks()
    {
        SimHomelab* lab = m_sim->homelab();
        const ServiceEndpoint a = ep(QStringLiteral("host-a"));
        auto fetchStatus = [&] {
            return QJsonDocument::fromJson(get(a, QStringLiteral("/nodes/pve-thinkpad/status")).body)
                .object()
                .value(QStringLiteral("data"))
                .toObject();
        };
        const QJsonObject before = fetchStatus();
        const auto guestBefore = lab->guest(100);
        QVERIFY(guestBefore);
        lab->tick();
        lab->tick();
        const QJsonObject after = fetchStatus();
        const auto guestAfter = lab->guest(100);
        QCOMPARE(after.value(QStringLiteral("uptime")).toInteger(),
                 before.value(QStringLiteral("uptime")).toInteger() + 2);
        QVERIFY(after.value(QStringLiteral("cpu")).toDouble() != before.value(QStringLiteral("cpu")).toDouble());
        QVERIFY(after.value(QStringLiteral("memory")).toObject().value(QStringLiteral("used")) !=
                before.value(QStringLiteral("memory")).toObject().value(QStringLiteral("used")));
        QVERIFY(guestAfter->cpu != guestBefore->cpu);
        QVERIFY(guestAfter->netin > guestBefore->netin);
        QVERIFY(guestAfter->netout > guestBefore->netout);
        QCOMPARE(guestAfter->uptime, guestBefore->uptime + 2);
        const auto stopped = lab->guest(202);
        QVERIFY(stopped);
        QCOMPARE(stopped->cpu, 0.0);
        QCOMPARE(stopped->mem, 0);
        QCOMPARE(stopped->uptime, 0);
        QCOMPARE(stopped->netin, 0);
        for (const auto& g : lab->guests()) {
            QVERIFY(g.cpu >= 0.0 && g.cpu <= 1.0);
            QVERIFY(g.mem <= g.maxmem);
        }
    }

    void offlineNode()
    {
        SimHomelab* lab = m_sim->homelab();
        const ServiceEndpoint b = ep(QStringLiteral("host-b"));
        QSignalSpy spy(lab, &SimHomelab::nodeOnlineChanged);
        lab->setNodeOnline(QStringLiteral("pve-ryzen"), false);
        QCOMPARE(spy.size(), 1);

        Reply r = get(b, QStringLiteral("/nodes"));
        QCOMPARE(r.status, 200);
        QVERIFY(specViolations(QStringLiteral("/api2/json/nodes"), r.status, r.body).isEmpty());
        const QJsonObject n =
            QJsonDocument::fromJson(r.body).object().value(QStringLiteral("data")).toArray().first().toObject();
        QCOMPARE(n.value(QStringLiteral("status")).toString(), QStringLiteral("offline"));
        QVERIFY(!n.contains(QStringLiteral("cpu")));
        QVERIFY(!n.contains(QStringLiteral("mem")));

        r = get(b, QStringLiteral("/nodes/pve-ryzen/status"));
        QCOMPARE(r.status, 595);
        QCOMPARE(r.reason, QByteArray("No route to host"));

        r = get(b, QStringLiteral("/cluster/resources"));
        QCOMPARE(r.status, 200);
        const QString violations = specViolations(QStringLiteral("/api2/json/cluster/resources"), r.status, r.body);
        QVERIFY2(violations.isEmpty(), qPrintable(violations));
        for (const QJsonValue& v : QJsonDocument::fromJson(r.body).object().value(QStringLiteral("data")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("type")) == QLatin1String("node"))
                QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("offline"));
            if (o.value(QStringLiteral("type")) == QLatin1String("qemu"))
                QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("unknown"));
        }
        r = get(b, QStringLiteral("/cluster/status"));
        QVERIFY(specViolations(QStringLiteral("/api2/json/cluster/status"), r.status, r.body).isEmpty());
        QCOMPARE(QJsonDocument::fromJson(r.body)
                     .object()
                     .value(QStringLiteral("data"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("online")),
                 QJsonValue(false));

        // metrics freeze while offline; back online is a reboot
        const qint64 uptimeBefore = lab->node(QStringLiteral("pve-ryzen"))->uptime;
        lab->tick();
        QCOMPARE(lab->node(QStringLiteral("pve-ryzen"))->uptime, uptimeBefore);
        lab->setNodeOnline(QStringLiteral("pve-ryzen"), true);
        QCOMPARE(get(b, QStringLiteral("/nodes/pve-ryzen/status")).status, 200);
        QVERIFY(lab->node(QStringLiteral("pve-ryzen"))->uptime < 5);
        QCOMPARE(lab->guest(111)->status, QStringLiteral("running"));
        QCOMPARE(lab->guest(112)->status, QStringLiteral("stopped"));
    }

    void cleanupTestCase()
    {
        delete m_sim;
        m_sim = nullptr;
    }
};

QTEST_GUILESS_MAIN(TestSimProxmox)
#include "TestSimProxmox.moc"
