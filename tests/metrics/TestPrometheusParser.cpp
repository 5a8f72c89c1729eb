// Prometheus parsers: the documented shapes, the looser shapes real servers send, and garbage (never a crash).
#include "TestUtil.h"
#include "prometheus/NodeQueries.h"
#include "prometheus/PrometheusClient.h"
#include "prometheus/PrometheusParser.h"

#include <QStandardPaths>

#include <cmath>

using namespace hlc;
using namespace hlc::prom;

class TestPrometheusParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void vector()
    {
        const QByteArray body =
            R"({"status":"success","data":{"resultType":"vector","result":[
                {"metric":{"__name__":"up","instance":"a:9100","job":"node"},"value":[1767436620.5,"1"]},
                {"metric":{"instance":"b:9100"},"value":[1767436620,"NaN"]},
                {"metric":{"instance":"c:9100"},"value":["1767436620","+Inf"]},
                {"metric":{},"histogram":[1767436620,{"count":"1","sum":"2"}]}]}})";
        const auto r = parser::queryResult(body);
        QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().detail));
        QCOMPARE(r.value().type, QueryResult::Type::Vector);
        QCOMPARE(r.value().vector.size(), 3); // the histogram sample is skipped
        QCOMPARE(r.value().vector[0].metric.value(QStringLiteral("instance")), QStringLiteral("a:9100"));
        QCOMPARE(r.value().vector[0].point.time, 1767436620.5);
        QCOMPARE(r.value().vector[0].point.value, 1.0);
        QVERIFY(std::isnan(r.value().vector[1].point.value));
        QVERIFY(std::isinf(r.value().vector[2].point.value));
        QCOMPARE(r.value().vector[2].point.time, 1767436620.0); // time as a string
    }

    void matrixWithWarnings()
    {
        const QByteArray body =
            R"({"status":"success","warnings":["too many points"],"infos":["PromQL info: x"],
                "data":{"resultType":"matrix","result":[
                {"metric":{"instance":"a"},"values":[[1,"0.5"],[2,"1e3"],[3,"-Inf"],["bad"],[4]]},
                {"metric":null,"values":null}]}})";
        const auto r = parser::queryResult(body);
        QVERIFY(r.ok());
        QCOMPARE(r.value().type, QueryResult::Type::Matrix);
        QCOMPARE(r.value().warnings, QStringList{QStringLiteral("too many points")});
        QCOMPARE(r.value().infos.size(), 1);
        QCOMPARE(r.value().matrix.size(), 2);
        QCOMPARE(r.value().matrix[0].points.size(), 3);
        QCOMPARE(r.value().matrix[0].points[1].value, 1000.0);
        QVERIFY(r.value().matrix[1].points.isEmpty());
        QVERIFY(r.value().matrix[1].metric.isEmpty());
    }

    /// The fast path for sample values read from JSON (std::string, from_chars) gives what the QString one gives.
    void sampleValueFastPath_data()
    {
        QTest::addColumn<QByteArray>("text");
        for (
            const char* t :
            {"0",     "1",     "12.5",    "-3e-05", "1e3",  "0.1",  "1.",    ".5",  "-.5", "007", "123456789.123456789",
             "1e308", "1e999", "-1e-400", " 7 ",    "+Inf", "-Inf", "Inf",   "NaN", "nan", "inf", "+1",
             "0x10",  "1,5",   "",        "-",      ".",    "abc",  "12abc", "1e",  "--1"})
            QTest::newRow(t) << QByteArray(t);
    }
    void sampleValueFastPath()
    {
        QFETCH(QByteArray, text);
        const double fast = parser::sampleValue(text.toStdString());
        const double slow = parser::sampleValue(QString::fromUtf8(text));
        if (std::isnan(slow))
            QVERIFY2(std::isnan(fast), QByteArray::number(fast).constData());
        else
            QCOMPARE(fast, slow);
    }

    void scalarAndString()
    {
        auto r =
            parser::queryResult(R"({"status":"success","data":{"resultType":"scalar","result":[1767436620,"42"]}})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().type, QueryResult::Type::Scalar);
        QCOMPARE(r.value().scalar.value, 42.0);
        r = parser::queryResult(R"({"status":"success","data":{"resultType":"string","result":[1,"hello"]}})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().string, QStringLiteral("hello"));
    }

    void nullResultIsEmpty()
    {
        const auto r = parser::queryResult(R"({"status":"success","data":{"resultType":"vector","result":null}})");
        QVERIFY(r.ok());
        QVERIFY(r.value().vector.isEmpty());
    }

    void errorEnvelope()
    {
        const QByteArray body =
            R"({"status":"error","errorType":"bad_data","error":"parse error: unexpected end of input"})";
        const auto r = parser::queryResult(body);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Rejected);
        QCOMPARE(r.error().message,
                 QStringLiteral("Prometheus answered with an error (bad_data): parse error: unexpected end of input"));
        const auto env = parser::envelopeError(body);
        QVERIFY(env);
        QCOMPARE(env->errorType, QStringLiteral("bad_data"));
        QVERIFY(!parser::envelopeError(R"({"status":"success","data":{}})"));
        QVERIFY(!parser::envelopeError("Unauthorized\n"));
    }

    void garbage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("text") << QByteArray("404 page not found\n");
        QTest::newRow("array") << QByteArray("[1,2]");
        QTest::newRow("no-data") << QByteArray(R"({"status":"success"})");
        QTest::newRow("data-string") << QByteArray(R"({"status":"success","data":"x"})");
        QTest::newRow("unknown-type") << QByteArray(R"({"status":"success","data":{"resultType":"blob"}})");
        QTest::newRow("scalar-bad") << QByteArray(R"({"status":"success","data":{"resultType":"scalar","result":3}})");
        QTest::newRow("truncated") << QByteArray(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":)");
    }

    void garbage()
    {
        QFETCH(QByteArray, body);
        const auto r = parser::queryResult(body);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Parse);
        // The other parsers must not crash either.
        QVERIFY(!parser::targets(body).ok() || body.contains("data"));
        QVERIFY(!parser::alerts(body).ok() || body.contains("data"));
        QVERIFY(!parser::rules(body).ok() || body.contains("data"));
        QVERIFY(!parser::buildInfo(body).ok());
    }

    void targetsLoose()
    {
        // Prometheus 2.42 has no scrapeInterval/globalUrl in old versions; lastScrape may be Go's zero time.
        const QByteArray body = R"({"status":"success","data":{"activeTargets":[
            {"labels":{"instance":"a:9100","job":"node"},"scrapePool":"node","scrapeUrl":"http:\/\/a:9100\/metrics",
             "health":"down","lastError":"connection refused","lastScrape":"0001-01-01T00:00:00Z",
             "lastScrapeDuration":"0.5"},
            {"labels":null,"scrapePool":"prometheus","health":"up","lastScrape":"2026-01-02T13:36:56.874Z"},
            7],"droppedTargets":null}})";
        const auto r = parser::targets(body);
        QVERIFY(r.ok());
        QCOMPARE(r.value().active.size(), 2);
        const Target& a = r.value().active[0];
        QCOMPARE(a.job(), QStringLiteral("node"));
        QCOMPARE(a.instance(), QStringLiteral("a:9100"));
        QVERIFY(!a.up());
        QCOMPARE(a.lastError, QStringLiteral("connection refused"));
        QVERIFY(!a.lastScrape.isValid());
        QCOMPARE(a.lastScrapeDuration, 0.5);
        QCOMPARE(r.value().active[1].job(), QStringLiteral("prometheus")); // from scrapePool
        QVERIFY(r.value().active[1].lastScrape.isValid());
        QCOMPARE(r.value().droppedCount, 0);
    }

    void alertsAndRules()
    {
        const QByteArray alerts = R"({"status":"success","data":{"alerts":[
            {"labels":{"alertname":"Always","severity":"warning"},"annotations":{"summary":"always"},
             "state":"firing","activeAt":"2026-01-02T13:36:56.874123456Z","value":"1e+00"},
            {"labels":{"alertname":"X"},"annotations":null,"state":"pending"}]}})";
        const auto a = parser::alerts(alerts);
        QVERIFY(a.ok());
        QCOMPARE(a.value().size(), 2);
        QCOMPARE(a.value()[0].name(), QStringLiteral("Always"));
        QCOMPARE(a.value()[0].annotations.value(QStringLiteral("summary")), QStringLiteral("always"));
        QVERIFY(a.value()[0].activeAt.isValid());
        QVERIFY(a.value()[1].annotations.isEmpty());

        const QByteArray rules = R"({"status":"success","data":{"groups":[{"name":"g","file":"f.yml","interval":2,
            "rules":[{"type":"alerting","name":"Always","query":"up == 1","health":"ok","state":"firing",
                      "duration":"0","labels":{"severity":"warning"},"alerts":null},
                     {"type":"recording","name":"r","query":"up","health":"err","lastError":"boom"}]}]}})";
        const auto g = parser::rules(rules);
        QVERIFY(g.ok());
        QCOMPARE(g.value().size(), 1);
        QCOMPARE(g.value()[0].interval, 2.0);
        QCOMPARE(g.value()[0].rules.size(), 2);
        QCOMPARE(g.value()[0].rules[1].lastError, QStringLiteral("boom"));
    }

    void buildInfo()
    {
        const auto b = parser::buildInfo(R"({"status":"success","data":{"version":"2.42.0","revision":"r",
            "branch":"b","buildUser":"u","buildDate":"d","goVersion":"go1.19"}})");
        QVERIFY(b.ok());
        QCOMPARE(b.value().version, QStringLiteral("2.42.0"));
    }

    void stepFor_data()
    {
        QTest::addColumn<qint64>("spanSeconds");
        QTest::addColumn<double>("step");
        QTest::newRow("15m") << qint64(15 * 60) << 2.0;
        QTest::newRow("1h") << qint64(3600) << 10.0;
        QTest::newRow("6h") << qint64(6 * 3600) << 60.0;
        QTest::newRow("24h") << qint64(24 * 3600) << 300.0;
        QTest::newRow("7d") << qint64(7 * 86400) << 1800.0;
        QTest::newRow("zero") << qint64(0) << 1.0;
    }

    void stepFor()
    {
        QFETCH(qint64, spanSeconds);
        QFETCH(double, step);
        const QDateTime end = QDateTime::currentDateTimeUtc();
        const QDateTime start = end.addSecs(-spanSeconds);
        const double s = PrometheusClient::stepFor(start, end);
        QCOMPARE(s, step);
        QVERIFY(static_cast<double>(spanSeconds) / s + 1 <= PrometheusClient::kMaxPointsPerSeries);
    }

    void promqlQuoting()
    {
        QCOMPARE(PrometheusClient::quoteLabelValue(QStringLiteral("a\"b\\c")), QStringLiteral("a\\\"b\\\\c"));
        QCOMPARE(PrometheusClient::regexAlternation({QStringLiteral("h.lan:9100"), QStringLiteral("b")}),
                 QStringLiteral("h\\\\.lan\\\\:9100|b"));
    }

    /// /api/v1/label/<name>/values: strings (others skipped), null as empty, errors from the envelope.
    void labelValues()
    {
        const auto r = parser::labelValues(
            R"({"status":"success","data":["node-exporter-hostA","node-exporter-hostB",3,null,"prometheus"]})");
        QVERIFY(r.ok());
        QCOMPARE(r.value(), (QStringList{QStringLiteral("node-exporter-hostA"), QStringLiteral("node-exporter-hostB"),
                                         QStringLiteral("prometheus")}));
        QVERIFY(parser::labelValues(R"({"status":"success","data":null})").value().isEmpty());
        QVERIFY(!parser::labelValues(R"({"status":"success","data":{"a":1}})").ok());
        QVERIFY(!parser::labelValues(R"({"status":"success"})").ok());
        const auto err = parser::labelValues(R"({"status":"error","errorType":"bad_data","error":"invalid label"})");
        QVERIFY(!err.ok());
        QVERIFY(err.error().message.contains(QStringLiteral("invalid label")));
        QVERIFY(!parser::labelValues("[").ok());
    }

    /// /api/v1/series: one label set per series; non-objects skipped, nested values skipped.
    void series()
    {
        const auto r = parser::series(R"({"status":"success","data":[
            {"__name__":"up","instance":"192.168.16.7:9100","job":"node-exporter-hostA"},
            {"__name__":"up","instance":"localhost:9090","job":"prometheus","x":{"nested":1}},
            "junk", null]})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 2);
        QCOMPARE(r.value().at(0).value(QStringLiteral("job")), QStringLiteral("node-exporter-hostA"));
        QCOMPARE(r.value().at(0).value(QStringLiteral("instance")), QStringLiteral("192.168.16.7:9100"));
        QVERIFY(!r.value().at(1).contains(QStringLiteral("x")));
        QVERIFY(parser::series(R"({"status":"success","data":[]})").value().isEmpty());
        QVERIFY(!parser::series(R"({"status":"success","data":"x"})").ok());
    }

    /// Label matchers for hosts: values escaped for PromQL, and read back from what a person types.
    void labelMatchers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QVariantMap>("labels");
        QTest::newRow("job") << QStringLiteral("job=\"node-exporter-hostA\"")
                             << QVariantMap{{QStringLiteral("job"), QStringLiteral("node-exporter-hostA")}};
        QTest::newRow("braces, spaces, single quotes") << QStringLiteral(" { job = 'a' , env=\"lab\" } ")
                                                       << QVariantMap{{QStringLiteral("job"), QStringLiteral("a")},
                                                                      {QStringLiteral("env"), QStringLiteral("lab")}};
        QTest::newRow("unquoted") << QStringLiteral("job=node-exporter-hostB")
                                  << QVariantMap{{QStringLiteral("job"), QStringLiteral("node-exporter-hostB")}};
        QTest::newRow("escapes") << QStringLiteral("job=\"a\\\"b\\\\c\\nd\"")
                                 << QVariantMap{{QStringLiteral("job"), QStringLiteral("a\"b\\c\nd")}};
        QTest::newRow("empty") << QString() << QVariantMap{};
        QTest::newRow("regex operator") << QStringLiteral("job=~\"a.*\"") << QVariantMap{{QStringLiteral("!"), 1}};
        QTest::newRow("not equal") << QStringLiteral("job!=\"a\"") << QVariantMap{{QStringLiteral("!"), 1}};
        QTest::newRow("reserved name") << QStringLiteral("__name__=\"up\"") << QVariantMap{{QStringLiteral("!"), 1}};
        QTest::newRow("our own label") << QStringLiteral("hlc_host=\"a\"") << QVariantMap{{QStringLiteral("!"), 1}};
        QTest::newRow("empty value") << QStringLiteral("job=\"\"") << QVariantMap{{QStringLiteral("!"), 1}};
        QTest::newRow("unclosed") << QStringLiteral("job=\"a") << QVariantMap{{QStringLiteral("!"), 1}};
        QTest::newRow("twice") << QStringLiteral("job=a,job=b") << QVariantMap{{QStringLiteral("!"), 1}};
        QTest::newRow("no separator") << QStringLiteral("job=\"a\" env=\"b\"") << QVariantMap{{QStringLiteral("!"), 1}};
    }

    void labelMatchers()
    {
        QFETCH(QString, text);
        QFETCH(QVariantMap, labels);
        QString error;
        const auto parsed = nodequeries::parseLabelMatchers(text, &error);
        if (labels.contains(QStringLiteral("!"))) {
            QVERIFY2(!parsed.has_value(), qPrintable(text));
            QVERIFY(!error.isEmpty());
            return;
        }
        QVERIFY2(parsed.has_value(), qPrintable(error));
        Labels expected;
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            expected.insert(it.key(), it.value().toString());
        QCOMPARE(*parsed, expected);
        // Written back as PromQL and read again: the same set (escaping round-trips).
        QCOMPARE(nodequeries::parseLabelMatchers(nodequeries::labelMatchers(*parsed)), std::optional<Labels>(expected));
    }

    void labelMatcherEscaping()
    {
        const Labels l{{QStringLiteral("job"), QStringLiteral("a\"b\\c\nd")},
                       {QStringLiteral("env"), QStringLiteral("x")}};
        QCOMPARE(nodequeries::labelMatchers(l), QStringLiteral("env=\"x\",job=\"a\\\"b\\\\c\\nd\""));
        const QString q = nodequeries::hostBatchQuery({NodeMetric::Load1}, {{QStringLiteral("host-a"), l}});
        QCOMPARE(q, QStringLiteral("label_replace(label_replace(max (node_load1{env=\"x\",job=\"a\\\"b\\\\c\\nd\"}), "
                                   "\"hlc_metric\", \"load\", \"\", \"\"), \"hlc_host\", \"host-a\", \"\", \"\")"));
        QVERIFY(nodequeries::hostBatchQuery({NodeMetric::Load1}, {{QStringLiteral("x"), {}}}).isEmpty());
        const auto k = nodequeries::hostKeyOfSeries({{QStringLiteral("hlc_metric"), QStringLiteral("load")},
                                                     {QStringLiteral("hlc_host"), QStringLiteral("host-a")}});
        QVERIFY(k.has_value());
        QCOMPARE(k->host, QStringLiteral("host-a"));
        QVERIFY(!nodequeries::hostKeyOfSeries({{QStringLiteral("hlc_metric"), QStringLiteral("load")}}));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusParser)
#include "TestPrometheusParser.moc"
