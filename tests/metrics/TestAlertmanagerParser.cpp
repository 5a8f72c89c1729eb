// Alertmanager v2 parsers: documented shapes, what older versions leave out, garbage; fingerprint and matchers.
#include "TestUtil.h"
#include "alertmanager/AlertmanagerParser.h"

#include <QStandardPaths>

using namespace hlc;
using namespace hlc::am;

class TestAlertmanagerParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void alerts()
    {
        // The second alert is as Alertmanager 0.21 sends it: no mutedBy, null silencedBy, no fingerprint.
        const QByteArray body = R"([
          {"annotations":{"summary":"GPU hot"},"endsAt":"2026-01-02T13:40:00.000Z","fingerprint":"0123456789abcdef",
           "receivers":[{"name":"tray"}],"startsAt":"2026-01-02T13:36:56.874123456Z","updatedAt":"2026-01-02T13:37:00Z",
           "status":{"inhibitedBy":[],"silencedBy":["s1"],"mutedBy":[],"state":"suppressed"},
           "labels":{"alertname":"GpuHot","severity":"warning","instance":"b:9100"}},
          {"labels":{"alertname":"Down"},"annotations":null,"receivers":null,
           "status":{"state":"active","silencedBy":null,"inhibitedBy":["x"]}},
          42])";
        const auto r = parser::alerts(body);
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 2);
        const Alert& a = r.value()[0];
        QCOMPARE(a.fingerprint, QStringLiteral("0123456789abcdef"));
        QCOMPARE(a.name(), QStringLiteral("GpuHot"));
        QVERIFY(a.silenced());
        QVERIFY(a.suppressed());
        QVERIFY(a.startsAt.isValid());
        QCOMPARE(a.startsAt.time().msec(), 874);
        QCOMPARE(a.receivers, QStringList{QStringLiteral("tray")});
        const Alert& b = r.value()[1];
        QCOMPARE(b.fingerprint, fingerprintOf(b.labels));
        QVERIFY(!b.silenced());
        QVERIFY(b.inhibited());
        QVERIFY(parser::alerts("null").ok());
    }

    void silences()
    {
        // Alertmanager 0.25 has no silence annotations and no isEqual in old silences.
        const QByteArray body = R"([{"id":"a-b","status":{"state":"active"},"updatedAt":"2026-01-02T13:00:00Z",
            "matchers":[{"name":"alertname","value":"X","isRegex":false},
                        {"name":"instance","value":"b.*","isRegex":true,"isEqual":false}],
            "startsAt":"2026-01-02T13:00:00Z","endsAt":"2026-01-02T14:00:00Z","createdBy":"me","comment":"c"}])";
        const auto r = parser::silences(body);
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 1);
        const Silence& s = r.value()[0];
        QVERIFY(s.active());
        QCOMPARE(s.matchers.size(), 2);
        QVERIFY(s.matchers[0].isEqual);
        QVERIFY(!s.matchers[1].isEqual);
        QVERIFY(matches(s.matchers, {{QStringLiteral("alertname"), QStringLiteral("X")},
                                     {QStringLiteral("instance"), QStringLiteral("a:9100")}}));
        QVERIFY(!matches(s.matchers, {{QStringLiteral("alertname"), QStringLiteral("X")},
                                      {QStringLiteral("instance"), QStringLiteral("b:9100")}}));
    }

    void postableSilenceRoundTrip()
    {
        Silence s;
        s.matchers = {{QStringLiteral("alertname"), QStringLiteral("A\"b"), false, true}};
        s.startsAt = QDateTime::fromSecsSinceEpoch(1767436620, Qt::UTC);
        s.endsAt = s.startsAt.addSecs(3600);
        s.createdBy = QStringLiteral("alice");
        s.comment = QStringLiteral("Silenced from Homelab Control Center");
        const QByteArray body = parser::postableSilence(s);
        QVERIFY(body.contains("\"startsAt\":\"2026-01-03T10:37:00.000Z\""));
        const auto back = parser::silences("[" + body + "]");
        QVERIFY(back.ok());
        QCOMPARE(back.value()[0].matchers, s.matchers);
        QCOMPARE(back.value()[0].endsAt, s.endsAt);
        QCOMPARE(back.value()[0].comment, s.comment);
    }

    void silenceIdAndErrors()
    {
        QCOMPARE(parser::silenceId(R"({"silenceID":"abc"})").value(), QStringLiteral("abc"));
        QVERIFY(!parser::silenceId("{}").ok());
        QCOMPARE(parser::errorText(R"("silence invalid: comment missing")"),
                 QStringLiteral("silence invalid: comment missing"));
        QCOMPARE(parser::errorText("plain text\n"), QStringLiteral("plain text"));
    }

    void fingerprintMatchesAlertmanager()
    {
        // The empty set hashes to FNV-1a's offset basis; TestRealMonitoring compares with a real Alertmanager.
        QCOMPARE(fingerprintOf({}), QStringLiteral("cbf29ce484222325"));
        QCOMPARE(fingerprintOf({{QStringLiteral("a"), QStringLiteral("b")}}).size(), 16);
        QVERIFY(fingerprintOf({{QStringLiteral("a"), QStringLiteral("b")}}) !=
                fingerprintOf({{QStringLiteral("a"), QStringLiteral("c")}}));
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("object") << QByteArray("{}");
        QTest::newRow("string") << QByteArray("\"x\"");
        QTest::newRow("truncated") << QByteArray("[{\"labels\":");
    }

    void garbage()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!parser::alerts(body).ok());
        QVERIFY(!parser::silences(body).ok());
        QVERIFY(!parser::silence(body).ok());
        QVERIFY(!parser::silenceId(body).ok());
    }
};

QTEST_GUILESS_MAIN(TestAlertmanagerParser)
#include "TestAlertmanagerParser.moc"
