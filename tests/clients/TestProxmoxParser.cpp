// Proxmox parsers: the documented shapes, the looser real ones (numbers as strings, nulls, missing fields), and
// garbage, which must give a Parse error and never crash.
#include "TestUtil.h"

#include "proxmox/ProxmoxParser.h"

#include <QStandardPaths>
#include <QTest>

using namespace hlc;
using namespace hlc::pve;

class TestProxmoxParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void version()
    {
        const auto r = parser::version(R"({"data":{"repoid":"9a1b2c3d","release":"9.1","version":"9.1-1"}})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().version, QStringLiteral("9.1-1"));
        QCOMPARE(r.value().release, QStringLiteral("9.1"));
    }

    void nodeStatus_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<double>("cpu");
        QTest::addColumn<qint64>("memUsed");
        QTest::addColumn<int>("cpus");
        QTest::addColumn<int>("loads");
        // As the API documents it (PVE 9 capture shape).
        QTest::newRow("documented")
            << QByteArray(
                   R"({"data":{"cpu":0.0123,"memory":{"used":2147483648,"total":8589934592,"free":6442450944},)"
                   R"("uptime":86400,"loadavg":["0.15","0.25","0.30"],"kversion":"Linux 6.11.0-1-pve",)"
                   R"("pveversion":"pve-manager/9.1-1/9a1b2c3d","cpuinfo":{"model":"Xeon","cores":4,"cpus":8,"sockets":1},)"
                   R"("rootfs":{"total":100,"used":40,"free":60,"avail":60},"wait":0.01}})")
            << 0.0123 << qint64(2147483648) << 8 << 3;
        // Numbers as strings, as older or proxied servers send them.
        QTest::newRow("numbers as strings")
            << QByteArray(R"({"data":{"cpu":"0.5","memory":{"used":"1024","total":"4096"},"uptime":"10",)"
                          R"("cpuinfo":{"cpus":"4"},"loadavg":[0.1,0.2,0.3]}})")
            << 0.5 << qint64(1024) << 4 << 3;
        // Older PVE: no "used", only "free"; loadavg null; rootfs missing.
        QTest::newRow("used derived from free")
            << QByteArray(R"({"data":{"cpu":0.25,"memory":{"total":1000,"free":250},"cpuinfo":{"cpus":2},)"
                          R"("loadavg":null}})")
            << 0.25 << qint64(750) << 2 << 0;
    }

    void nodeStatus()
    {
        QFETCH(QByteArray, body);
        QFETCH(double, cpu);
        QFETCH(qint64, memUsed);
        QFETCH(int, cpus);
        QFETCH(int, loads);
        const auto r = parser::nodeStatus(body);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().detail));
        QCOMPARE(r.value().cpu.value_or(-1.0), cpu);
        QCOMPARE(r.value().memUsed.value_or(-1), memUsed);
        QCOMPARE(r.value().cpus, cpus);
        QCOMPARE(r.value().loadavg.size(), loads);
    }

    // Missing numbers stay missing (std::nullopt, shown as "–"), distinct from a real 0.
    void nodeStatusMissingIsNotZero()
    {
        const auto r = parser::nodeStatus(R"({"data":{"cpuinfo":{"cpus":4},"memory":{"total":4096},)"
                                          R"("loadavg":["0.1","x","0.3"]}})");
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().detail));
        QVERIFY(!r.value().cpu.has_value());
        QVERIFY(!r.value().memUsed.has_value());
        QCOMPARE(r.value().memTotal.value_or(-1), qint64(4096));
        QVERIFY(!r.value().rootTotal.has_value());
        QVERIFY(!r.value().rootUsed.has_value());
        QVERIFY(!r.value().uptime.has_value());
        QVERIFY(r.value().loadavg.isEmpty());
        const auto zero = parser::nodeStatus(
            R"({"data":{"cpu":0,"uptime":0,"cpuinfo":{"cpus":4},"memory":{"total":4096,"used":0}}})");
        QVERIFY(zero.ok());
        QCOMPARE(zero.value().cpu, std::optional<double>(0.0));
        QCOMPARE(zero.value().uptime, std::optional<qint64>(0));
        QCOMPARE(zero.value().memUsed, std::optional<qint64>(0));
        hlc::test::evidence("node status without cpu, memory.used, rootfs, uptime and with an unreadable load: all "
                            "absent; explicit zeros stay 0");
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << QByteArray("<html>502 Bad Gateway</html>");
        QTest::newRow("truncated") << QByteArray("{\"data\":{\"cpu\":0.1,\"memory\":{\"us");
        QTest::newRow("no data") << QByteArray(R"({"errors":{"node":"invalid"}})");
        QTest::newRow("data wrong type") << QByteArray(R"({"data":"hello"})");
        QTest::newRow("array top") << QByteArray(R"([1,2,3])");
        QTest::newRow("types all wrong") << QByteArray(R"({"data":{"cpu":{},"memory":[],"cpuinfo":"x"}})");
        QTest::newRow("deep nesting") << QByteArray(20000, '[');
    }

    void garbage()
    {
        QFETCH(QByteArray, body);
        const auto s = parser::nodeStatus(body);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, ApiError::Kind::Parse);
        QVERIFY(!s.error().message.isEmpty());
        // The others must not crash either.
        (void)parser::version(body);
        (void)parser::nodes(body);
        (void)parser::resources(body);
        (void)parser::errorMessage(body);
    }

    void nodesWithOfflineNode()
    {
        const auto r = parser::nodes(
            R"({"data":[)"
            R"({"node":"pve1","status":"online","cpu":0.1,"maxcpu":8,"mem":100,"maxmem":1000,"uptime":5,"type":"node"},)"
            R"({"node":"pve2","status":"offline","type":"node","id":"node/pve2"},)"
            R"({"status":"online"}, 42, null]})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 2);
        QVERIFY(r.value().at(0).online());
        QVERIFY(!r.value().at(1).online());
        QVERIFY(!r.value().at(1).cpu.has_value()); // never NaN or 0 pretending to be data
        QVERIFY(!r.value().at(1).mem.has_value());
    }

    void nodesWithNumbersBeyondInt64()
    {
        // Found by fuzz_proxmox (tests/fuzz/regressions/proxmox): converting 1.8e29 to qint64 was undefined behaviour.
        const auto r = parser::nodes(
            R"({"data":[{"node":"pve1","status":"online","mem":1.85896e+29,"maxmem":-1e300,"uptime":5}]})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 1);
        QVERIFY(!r.value().at(0).mem.has_value());
        QVERIFY(!r.value().at(0).maxmem.has_value());
        QCOMPARE(r.value().at(0).uptime, std::optional<qint64>(5));
    }

    void resources()
    {
        const auto r = parser::resources(
            R"({"data":[)"
            R"({"id":"qemu/100","type":"qemu","node":"pve1","vmid":100,"name":"docker","status":"running","cpu":0.2,)"
            R"("maxcpu":4,"mem":"1024","maxmem":4096,"tags":"prod;web","template":0,"uptime":50},)"
            R"({"id":"lxc/200","type":"lxc","node":"pve1","vmid":"200","name":"dns","status":"stopped","tags":null},)"
            R"({"id":"node/pve1","type":"node","status":"online"},)"
            R"({"id":"storage/pve1/local","type":"storage","node":"pve1","storage":"local","status":"available"},)"
            R"({"type":"qemu"}]})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 5); // the unreadable last entry is kept, marked, to be counted
        QVERIFY(r.value().at(4).unreadable);
        const Resource& vm = r.value().at(0);
        QVERIFY(vm.isGuest());
        QCOMPARE(vm.mem.value_or(-1), qint64(1024));
        QCOMPARE(vm.uptime.value_or(-1), qint64(50));
        QVERIFY(!r.value().at(1).cpu.has_value()); // missing, not 0
        QCOMPARE(vm.tags, QStringList({QStringLiteral("prod"), QStringLiteral("web")}));
        QCOMPARE(r.value().at(1).vmid, 200);
        QVERIFY(r.value().at(1).tags.isEmpty());
        QCOMPARE(r.value().at(2).node, QStringLiteral("pve1"));
        QVERIFY(parser::resources(R"({"data":null})").ok());
    }

    void errorMessage()
    {
        QCOMPARE(parser::errorMessage(R"({"data":null,"errors":{"vmid":"invalid format"}})"),
                 QStringLiteral("vmid: invalid format"));
        QCOMPARE(parser::errorMessage(R"({"message":"Permission check failed (/vms/100, VM.PowerMgmt)\n"})"),
                 QStringLiteral("Permission check failed (/vms/100, VM.PowerMgmt)"));
        QVERIFY(parser::errorMessage("garbage").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProxmoxParser)
#include "TestProxmoxParser.moc"
