// Parsers of the guests feature: UPID replies, task status/log, ticket, cluster status, rrddata, with real-world
// looseness (numbers as strings, nulls, missing fields) and junk that must never crash.
#include "proxmox/ProxmoxParser.h"

#include <QStandardPaths>
#include <QTest>

using namespace hlc;
using namespace hlc::pve;

class TestProxmoxTaskParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void upid()
    {
        auto r = parser::upid(R"js({"data":"UPID:pve1:00010D94:001CA6EA:6124E1B9:qmstart:100:root@pam:"})js");
        QVERIFY(r.ok());
        QCOMPARE(r.value(), QStringLiteral("UPID:pve1:00010D94:001CA6EA:6124E1B9:qmstart:100:root@pam:"));
        QCOMPARE(parser::upid(R"js({"data":null})js").error().kind, ApiError::Kind::Parse);
        QCOMPARE(parser::upid(R"js({"data":42})js").error().kind, ApiError::Kind::Parse);
    }

    void taskStatus()
    {
        // Running: no exitstatus; numbers as strings.
        auto running = parser::taskStatus(
            R"js({"data":{"status":"running","upid":"UPID:x","node":"pve1","starttime":"1700000000","pid":"12"}})js");
        QVERIFY(running.ok());
        QVERIFY(running.value().running());
        QVERIFY(!running.value().succeeded());
        QCOMPARE(running.value().starttime, 1700000000);
        auto ok = parser::taskStatus(R"js({"data":{"status":"stopped","exitstatus":"OK"}})js");
        QVERIFY(ok.value().succeeded());
        auto warn = parser::taskStatus(R"js({"data":{"status":"stopped","exitstatus":"WARNINGS: 2"}})js");
        QVERIFY(warn.value().succeeded());
        auto failed =
            parser::taskStatus(R"js({"data":{"status":"stopped","exitstatus":"command 'qm start' failed"}})js");
        QVERIFY(!failed.value().succeeded());
        QVERIFY(!failed.value().running());
        QCOMPARE(parser::taskStatus(R"js({"data":{}})js").error().kind, ApiError::Kind::Parse);
    }

    void taskLog()
    {
        auto r = parser::taskLog(R"js({"data":[{"n":1,"t":"starting"},{"n":"2","t":"TASK OK"},17,{"t":null}]})js");
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 3);
        QCOMPARE(r.value().at(1).n, 2);
        QCOMPARE(r.value().at(1).t, QStringLiteral("TASK OK"));
        QVERIFY(parser::taskLog(R"js({"data":null})js").value().isEmpty());
    }

    void ticket()
    {
        auto t = parser::ticket(
            R"js({"data":{"username":"root@pam","ticket":"PVE:root@pam:65A0::sig","CSRFPreventionToken":"65A0:tok"}})js");
        QVERIFY(t.ok());
        QCOMPARE(t.value().csrfToken, QStringLiteral("65A0:tok"));
        QCOMPARE(parser::ticket(R"js({"data":{"username":"root@pam"}})js").error().kind, ApiError::Kind::Parse);
    }

    void clusterStatusOfflineNode()
    {
        auto r = parser::clusterStatus(R"js({"data":[
            {"type":"cluster","id":"cluster","name":"homelab","nodes":2,"quorate":0,"version":3},
            {"type":"node","id":"node/a","name":"a","online":1,"nodeid":1,"ip":"10.0.0.1","local":1},
            {"type":"node","id":"node/b","name":"b","online":0,"nodeid":"2"}]})js");
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 3);
        QVERIFY(!r.value().at(0).quorate);
        QVERIFY(r.value().at(1).online);
        QVERIFY(r.value().at(1).local);
        QVERIFY(!r.value().at(2).online);
        QCOMPARE(r.value().at(2).nodeid, 2);
    }

    void rrdMissingFieldsStayMissing()
    {
        auto r = parser::rrdData(R"js({"data":[{"time":1700000000,"cpu":0.12,"maxmem":"8589934592","mem":1024},
                                            {"time":1700000060},
                                            {"time":1700000120,"memused":2048,"memtotal":4096},
                                            {"cpu":1}]})js");
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 3);
        QCOMPARE(r.value().at(0).maxmem.value_or(0), 8589934592.0);
        QVERIFY(!r.value().at(1).cpu.has_value()); // a gap, never a zero or NaN
        QCOMPARE(r.value().at(2).mem.value_or(0), 2048.0);
        QCOMPARE(r.value().at(2).maxmem.value_or(0), 4096.0);
    }

    void neverCrashes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("<html>503</html>");
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("data string") << QByteArray(R"js({"data":"x"})js");
        QTest::newRow("data wrong types") << QByteArray(R"js({"data":[{"time":[],"cpu":{},"n":"x","t":[1]}]})js");
        QTest::newRow("deep") << QByteArray(4000, '{');
    }

    void neverCrashes()
    {
        QFETCH(QByteArray, body);
        (void)parser::upid(body);
        (void)parser::taskStatus(body);
        (void)parser::taskLog(body);
        (void)parser::ticket(body);
        (void)parser::clusterStatus(body);
        (void)parser::rrdData(body);
        QVERIFY(true);
    }
};

QTEST_GUILESS_MAIN(TestProxmoxTaskParser)
#include "TestProxmoxTaskParser.moc"
