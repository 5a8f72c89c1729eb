// AdGuard Home parsers on spec examples and on what real servers send: nulls for arrays, numbers as strings,
// the pre-rename `protection_disabled_until`, and garbage.
#include "adguard/AdGuardParser.h"

#include <QStandardPaths>
#include <QTest>

using namespace hlc;
using namespace hlc::adguard;

class TestAdGuardParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void status()
    {
        const auto r = parser::status(R"({"dns_addresses":["10.0.0.2"],"dns_port":53,"http_port":3000,
            "protection_enabled":false,"protection_disabled_duration":59000,"running":true,"version":"v0.107.52",
            "language":"de"})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().httpPort, 3000);
        QVERIFY(!r.value().protectionEnabled);
        QCOMPARE(r.value().protectionDisabledDurationMs, qint64(59000));
        QCOMPARE(r.value().dnsAddresses, QStringList{QStringLiteral("10.0.0.2")});
    }

    void statusLoose()
    {
        // Nulls, strings for numbers, and the old field name with an end timestamp.
        const QString until = QDateTime::currentDateTimeUtc().addSecs(30).toString(Qt::ISODateWithMs);
        const QByteArray body = QStringLiteral(R"({"dns_addresses":null,"dns_port":"53","protection_enabled":false,
            "protection_disabled_until":"%1","running":true,"version":"v0.107.20"})")
                                    .arg(until)
                                    .toUtf8();
        const auto r = parser::status(body);
        QVERIFY(r.ok());
        QVERIFY(r.value().dnsAddresses.isEmpty());
        QCOMPARE(r.value().dnsPort, 53);
        QVERIFY(r.value().protectionDisabledDurationMs > 25000);
        QVERIFY(r.value().protectionDisabledDurationMs <= 30000);
        // A null duration is "not paused".
        const auto n = parser::status(R"({"protection_enabled":true,"protection_disabled_duration":null})");
        QVERIFY(n.ok());
        QCOMPARE(n.value().protectionDisabledDurationMs, qint64(0));
    }

    void stats()
    {
        const auto r = parser::stats(R"({"time_units":"hours","num_dns_queries":123,"num_blocked_filtering":50,
            "num_replaced_safebrowsing":5,"num_replaced_safesearch":5,"num_replaced_parental":15,
            "avg_processing_time":0.34,"top_queried_domains":[{"example.org":12},{"example.com":"7"}],
            "top_clients":[{"10.0.0.3":100}],"top_blocked_domains":null,"dns_queries":[1,2,"3",null],
            "blocked_filtering":null})");
        QVERIFY(r.ok());
        const Stats& s = r.value();
        QCOMPARE(s.dnsQueries, qint64(123));
        QCOMPARE(s.blockedPercent(), 100.0 * (50 + 5 + 15) / 123.0);
        QCOMPARE(s.topQueriedDomains.size(), 2);
        QCOMPARE(s.topQueriedDomains[1].name, QStringLiteral("example.com"));
        QCOMPARE(s.topQueriedDomains[1].value, 7.0);
        QVERIFY(s.topBlockedDomains.isEmpty());
        QCOMPARE(s.dnsQueriesSeries, (QList<qint64>{1, 2, 3, 0}));
        QVERIFY(s.blockedSeries.isEmpty());
        QCOMPARE(s.avgProcessingTimeSec, 0.34);
        // Empty stats: no division by zero.
        const auto e = parser::stats("{}");
        QVERIFY(e.ok());
        QCOMPARE(e.value().blockedPercent(), 0.0);
    }

    void filtering()
    {
        const auto r = parser::filteringStatus(R"({"enabled":true,"interval":24,"filters":[{"enabled":true,
            "id":1,"name":"A","rules_count":"100","url":"https:\/\/a","last_updated":"2018-10-30T12:18:57.123456789+03:00"},
            {"id":2,"url":"https:\/\/b","enabled":false,"rules_count":5}],"whitelist_filters":null,
            "user_rules":["||x^","","! comment","@@||y^"]})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().filters.size(), 2);
        QCOMPARE(r.value().filters[0].rulesCount, qint64(100));
        QVERIFY(r.value().filters[0].lastUpdated.isValid());
        QCOMPARE(r.value().filters[1].name, QStringLiteral("https://b"));
        QCOMPARE(r.value().userRules, 2);
        QCOMPARE(r.value().totalRules(), qint64(102));
    }

    void queryLog()
    {
        const auto r = parser::queryLog(R"({"oldest":"2018-11-26T00:02:41+03:00","data":[
            {"client":"10.0.0.3","client_info":{"name":"tv","whois":{},"disallowed":false,"disallowed_rule":""},
             "question":{"name":"xn--d1abbgf6aiiy.xn--p1ai","unicode_name":"президент.рф","type":"A"},
             "reason":"FilteredBlackList","rules":[{"filter_list_id":1,"text":"||x^"}],"elapsedMs":"54.02",
             "status":"NOERROR","time":"2018-11-26T00:02:41.123+03:00"},
            {"client":"10.0.0.4","question":null,"reason":"NotFilteredNotFound","rules":null,"rule":"",
             "elapsedMs":0.5,"time":"garbage"},
            42, null]})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().entries.size(), 2);
        const auto& a = r.value().entries[0];
        QCOMPARE(a.domain, QStringLiteral("президент.рф"));
        QCOMPARE(a.clientName, QStringLiteral("tv"));
        QVERIFY(a.isBlocked());
        QCOMPARE(a.rule, QStringLiteral("||x^"));
        QCOMPARE(a.elapsedMs, 54.02);
        QVERIFY(a.time.isValid());
        const auto& b = r.value().entries[1];
        QVERIFY(!b.isBlocked());
        QVERIFY(b.domain.isEmpty());
        QVERIFY(!b.time.isValid());
        QVERIFY(parser::queryLog(R"({"data":null})").ok());
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("html") << QByteArray("<html>login</html>");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("truncated") << QByteArray("{\"num_dns_queries\":12,\"top_cl");
        QTest::newRow("string") << QByteArray(R"("ok")");
        QTest::newRow("huge numbers") << QByteArray(R"({"num_dns_queries":1e300,"dns_queries":[1e300,-1e300]})");
    }

    void garbage()
    {
        QFETCH(QByteArray, body);
        // Never crash; a non-object body is a Parse error.
        const auto s = parser::stats(body);
        const auto st = parser::status(body);
        const auto f = parser::filteringStatus(body);
        const auto q = parser::queryLog(body);
        if (!body.startsWith('{')) {
            QVERIFY(!s.ok());
            QCOMPARE(s.error().kind, ApiError::Kind::Parse);
            QVERIFY(!st.ok() && !f.ok() && !q.ok());
        }
    }
};

QTEST_GUILESS_MAIN(TestAdGuardParser)
#include "TestAdGuardParser.moc"
