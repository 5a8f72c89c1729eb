// Portainer / Docker parsers: real-world looseness (nulls, numbers as strings, missing fields), log framing, junk.
#include "portainer/PortainerParser.h"

#include <QStandardPaths>
#include <QTest>

using namespace hlc;
using namespace hlc::portainer;

namespace {
QByteArray frame(char stream, const QByteArray& payload)
{
    const auto n = static_cast<quint32>(payload.size());
    QByteArray h(8, '\0');
    h[0] = stream;
    h[4] = static_cast<char>((n >> 24) & 0xff);
    h[5] = static_cast<char>((n >> 16) & 0xff);
    h[6] = static_cast<char>((n >> 8) & 0xff);
    h[7] = static_cast<char>(n & 0xff);
    return h + payload;
}
} // namespace

class TestPortainerParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void systemStatusBothSpellings()
    {
        auto a = parser::systemStatus(R"js({"Version":"2.31.2","instanceID":"abc"})js");
        QVERIFY(a.ok());
        QCOMPARE(a.value().version, QStringLiteral("2.31.2"));
        QCOMPARE(a.value().instanceId, QStringLiteral("abc"));
        auto b = parser::systemStatus(R"js({"Version":"2.0.0","InstanceID":"old"})js");
        QVERIFY(b.ok());
        QCOMPARE(b.value().instanceId, QStringLiteral("old"));
        QCOMPARE(parser::systemStatus(R"js({"InstanceID":"x"})js").error().kind, ApiError::Kind::Parse);
    }

    void stacksLoose()
    {
        // Numbers as strings, null members, an entry without a name, a non-object entry.
        const QByteArray body = R"js([{"Id":"3","Name":"media","Type":2,"EndpointId":"2","Status":"1","Env":null},
                                   {"Id":4,"Name":"nvr","EndpointId":2,"Status":2,"UpdateDate":null},
                                   {"Id":5},
                                   17, null])js";
        auto r = parser::stacks(body);
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 2);
        QCOMPARE(r.value().at(0).id, 3);
        QCOMPARE(r.value().at(0).endpointId, 2);
        QVERIFY(r.value().at(0).active());
        QVERIFY(!r.value().at(1).active());
        QVERIFY(parser::stacks("null").ok());
        QVERIFY(parser::stacks("").ok()); // 204 No Content
        QCOMPARE(parser::stacks(R"js({"message":"x"})js").error().kind, ApiError::Kind::Parse);
    }

    void containersLoose()
    {
        const QByteArray body = R"js([
          {"Id":"aaaa","Names":["/traefik"],"Image":"traefik:v3","State":"running","Status":"Up 2 hours (healthy)",
           "Labels":{"com.docker.compose.project":"proxy"},"Created":"1700000000"},
          {"Id":"bbbb","Names":null,"Image":"x","State":"Exited","Status":"Exited (0) 1 hour ago","Labels":null},
          {"Id":"cccc","Names":["/db"],"State":"created","Health":{"Status":"none"}},
          {"Id":"dddd","Names":["/api"],"State":"running","Status":"Up 1 minute","Health":{"Status":"starting"}},
          {"Names":["/noid"]}
        ])js";
        auto r = parser::containers(body);
        QVERIFY(r.ok());
        const auto& c = r.value();
        QCOMPARE(c.size(), 4);
        QCOMPARE(c.at(0).name, QStringLiteral("traefik"));
        QCOMPARE(c.at(0).stack, QStringLiteral("proxy"));
        QCOMPARE(c.at(0).health, QStringLiteral("healthy")); // from the status text of an older engine
        QCOMPARE(c.at(0).created, 1700000000);
        QCOMPARE(c.at(1).name, QStringLiteral("bbbb"));    // no names: short id
        QCOMPARE(c.at(1).state, QStringLiteral("exited")); // case folded
        QVERIFY(c.at(1).stopped());
        QVERIFY(c.at(2).stopped()); // created counts as stopped
        QVERIFY(c.at(2).health.isEmpty());
        QCOMPARE(c.at(3).health, QStringLiteral("starting"));
        QVERIFY(!c.at(3).stopped());
    }

    void errorMessages()
    {
        QCOMPARE(parser::errorMessage(R"js({"message":"Stack is already active","details":"x"})js"),
                 QStringLiteral("Stack is already active"));
        QCOMPARE(parser::errorMessage(R"js({"details":"only details"})js"), QStringLiteral("only details"));
        QCOMPARE(parser::errorMessage("<html>"), QString());
    }

    void logFrames()
    {
        const QByteArray body = frame(1, "out one\n") + frame(2, "err two\r\n") + frame(1, "out three\n");
        QCOMPARE(parser::logLines(body), (QStringList{"out one", "err two", "out three"}));
        // A payload split across frames, and a truncated last frame: what arrived is kept.
        const QByteArray split = frame(1, "hal") + frame(1, "f line\n") + frame(1, "cut off here").left(12);
        QCOMPARE(parser::logLines(split), (QStringList{"half line", "cut "}));
        // TTY: raw text.
        QCOMPARE(parser::logLines("a\nb\n"), (QStringList{"a", "b"}));
        // Only the last N lines.
        QByteArray many;
        for (int i = 0; i < 300; ++i)
            many += frame(1, "line " + QByteArray::number(i) + "\n");
        const QStringList last = parser::logLines(many, 200);
        QCOMPARE(last.size(), 200);
        QCOMPARE(last.first(), QStringLiteral("line 100"));
        QCOMPARE(last.last(), QStringLiteral("line 299"));
    }

    void neverCrashes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x01\x00\x00\x00\xff\xff\xff\xff", 8);
        QTest::newRow("deep") << QByteArray(5000, '[');
        QTest::newRow("wrong types") << QByteArray(
            R"js([{"Id":{},"Names":"x","Labels":[1],"Health":"ok","State":5}])js");
        QTest::newRow("huge numbers") << QByteArray(R"js([{"Id":1e400,"Name":"x","Status":-1e30,"Created":1e300}])js");
        QTest::newRow("object") << QByteArray(R"js({"Version":[],"Id":null})js");
    }

    void neverCrashes()
    {
        QFETCH(QByteArray, body);
        (void)parser::systemStatus(body);
        (void)parser::environments(body);
        (void)parser::stacks(body);
        (void)parser::stack(body);
        (void)parser::containers(body);
        (void)parser::errorMessage(body);
        (void)parser::logLines(body);
        QVERIFY(true);
    }
};

QTEST_GUILESS_MAIN(TestPortainerParser)
#include "TestPortainerParser.moc"
