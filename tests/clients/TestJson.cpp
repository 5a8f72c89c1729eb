// The tolerant JSON readers every parser builds on (clients/core/Json): envelopes, lists that may be null, numbers
// sent as strings, RFC 3339 times with any fraction, Go's zero time. Real servers are looser than their specs.
#include "core/Json.h"

#include <QTest>

using namespace hlc;
using hlc::json::Json;

class TestJson : public QObject
{
    Q_OBJECT

private slots:
    void documentAndObject()
    {
        QVERIFY(json::document("[1,2]", QStringLiteral("x")).ok());
        const Result<Json> bad = json::document("{\"a\":", QStringLiteral("Proxmox nodes"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ApiError::Kind::Parse);
        QVERIFY2(bad.error().message.contains(QLatin1String("Proxmox nodes")), qPrintable(bad.error().message));
        const Result<Json> notObject = json::object("[1]", QStringLiteral("x"));
        QVERIFY(!notObject.ok());
        QVERIFY2(notObject.error().detail.contains(QLatin1String("not an object")),
                 qPrintable(notObject.error().detail));
        QVERIFY(json::documentOrNull("<html>").is_null());
    }

    void envelope()
    {
        const Result<Json> data = json::envelope("{\"data\":[{\"a\":1}]}", "data", QStringLiteral("x"));
        QVERIFY(data.ok());
        QVERIFY(data.value().is_array());
        // A null member is there: the caller decides (lists read it as empty).
        const Result<Json> null = json::envelope("{\"data\":null}", "data", QStringLiteral("x"));
        QVERIFY(null.ok());
        QVERIFY(null.value().is_null());
        const Result<Json> missing = json::envelope("{\"errors\":{}}", "data", QStringLiteral("x"));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().detail.contains(QLatin1String("no \"data\" member")),
                 qPrintable(missing.error().detail));
        QVERIFY(!json::envelope("\"data\"", "data", QStringLiteral("x")).ok());
    }

    void listsAcceptNullAndSkipJunk()
    {
        const auto name = [](const Json& o) { return json::string(o, "name"); };
        const Result<QList<QString>> fromNull = json::list<QString>(Json(), QStringLiteral("x"), "items", name);
        QVERIFY(fromNull.ok());
        QVERIFY(fromNull.value().isEmpty());
        const Json mixed = Json::parse(R"([{"name":"a"}, 3, null, "x", {"name":"b"}])");
        const Result<QList<QString>> items = json::list<QString>(mixed, QStringLiteral("x"), "items", name);
        QVERIFY(items.ok());
        QCOMPARE(items.value(), (QList<QString>{QStringLiteral("a"), QStringLiteral("b")}));
        const Result<QList<QString>> wrong =
            json::list<QString>(Json::parse(R"({"a":1})"), QStringLiteral("x"), "items", name);
        QVERIFY(!wrong.ok());
        QVERIFY2(wrong.error().detail.contains(QLatin1String("items is not an array")),
                 qPrintable(wrong.error().detail));
        // An item function returning optional drops entries.
        const QList<QString> some = json::objects<QString>(mixed, [](const Json& o) -> std::optional<QString> {
            const QString n = json::string(o, "name");
            return n == QLatin1String("a") ? std::nullopt : std::optional<QString>(n);
        });
        QCOMPARE(some, QList<QString>{QStringLiteral("b")});
    }

    void scalarsAreTolerant()
    {
        const Json o = Json::parse(R"({"n":"42.5","i":"7","s":12,"b":"true","b2":1,"nul":null,"arr":null,
                                       "tags":["a","",3,null,"b"],"labels":{"job":"node","x":{"nested":1},"n":2}})");
        QCOMPARE(json::number(o, "n"), 42.5);
        QCOMPARE(json::integer(o, "i"), qint64(7));
        QCOMPARE(json::string(o, "s"), QStringLiteral("12"));
        QCOMPARE(json::boolean(o, "b"), true);
        QCOMPARE(json::boolean(o, "b2"), true);
        QCOMPARE(json::number(o, "nul", -1.0), -1.0);
        QCOMPARE(json::number(o, "missing", -2.0), -2.0);
        QVERIFY(!json::optNumber(o, "nul").has_value());
        QVERIFY(json::array(o, "arr").empty());
        QCOMPARE(json::strings(o, "tags"),
                 (QStringList{QStringLiteral("a"), QStringLiteral("3"), QStringLiteral("b")}));
        const QMap<QString, QString> labels = json::stringMap(json::member(o, "labels"));
        QCOMPARE(labels.value(QStringLiteral("job")), QStringLiteral("node"));
        QCOMPARE(labels.value(QStringLiteral("n")), QStringLiteral("2"));
        QVERIFY(!labels.contains(QStringLiteral("x")));
        QVERIFY(json::stringMap(nullptr).isEmpty());
        // Not an object at all: every reader falls back.
        QCOMPARE(json::string(Json(5), "a", QStringLiteral("fb")), QStringLiteral("fb"));
    }

    void times()
    {
        const QDateTime go = json::dateTime(QStringLiteral("2026-11-26T10:00:29.204838123Z"));
        QVERIFY(go.isValid());
        QCOMPARE(go.toMSecsSinceEpoch() % 1000, qint64(204)); // cut, not rounded
        const QDateTime offset = json::dateTime(QStringLiteral("2026-11-26T11:00:00+01:00"));
        QCOMPARE(offset.toUTC(), QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC));
        QVERIFY(!json::dateTime(QStringLiteral("0001-01-01T00:00:00Z")).isValid()); // Go's "never"
        QVERIFY(!json::dateTime(QStringLiteral("yesterday")).isValid());
        QVERIFY(!json::dateTime(Json::parse(R"({"t":null})"), "t").isValid());
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "TestJson.moc"
