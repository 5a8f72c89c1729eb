// The tolerant JSON readers every parser builds on (clients/core/Json): envelopes, lists that may be null, numbers
// sent as strings, RFC 3339 times with any fraction, Go's zero time. Real servers are looser than their specs.
// Also the one nlohmann -> Qt converter and the depth limit that keeps valid but absurdly nested answers from
// overflowing the stack, through the converter and through the parsers that use it.
#include "agents/AgentsParser.h"
#include "core/Json.h"
#include "homeassistant/HomeAssistantParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

namespace {

/// @p depth arrays nested in each other around @p inner: balanced, valid JSON.
QByteArray nested(int depth, const QByteArray& inner = "1")
{
    return QByteArray(depth, '[') + inner + QByteArray(depth, ']');
}

/// @p depth objects {"a": {"a": ...}} around @p inner.
QByteArray nestedObjects(int depth, const QByteArray& inner = "1")
{
    QByteArray out;
    out.reserve(depth * 6 + inner.size() + depth);
    for (int i = 0; i < depth; ++i)
        out += "{\"a\":";
    out += inner;
    out += QByteArray(depth, '}');
    return out;
}

constexpr int kDeep = 100000;

} // namespace

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

    void integersOutsideTheRangeAreNone()
    {
        // A double outside qint64's range cast to qint64 is undefined behaviour (fuzz_proxmox found "mem":1.8e29).
        QCOMPARE(json::toInteger(42.9), std::optional<qint64>(42));
        QCOMPARE(json::toInteger(-42.9), std::optional<qint64>(-42));
        QCOMPARE(json::toInteger(-9223372036854775808.0), std::optional<qint64>(std::numeric_limits<qint64>::min()));
        QVERIFY(!json::toInteger(9223372036854775808.0).has_value());
        QVERIFY(!json::toInteger(1.85896e+29).has_value());
        QVERIFY(!json::toInteger(-1e300).has_value());
        QVERIFY(!json::toInteger(std::numeric_limits<double>::infinity()).has_value());
        QVERIFY(!json::toInteger(std::nan("")).has_value());
        const Json o = Json::parse(R"({"big":1.85896e+29,"ok":"12","frac":3.5,"text":"x"})");
        QVERIFY(!json::optInteger(o, "big").has_value());
        QCOMPARE(json::optInteger(o, "ok"), std::optional<qint64>(12));
        QCOMPARE(json::optInteger(o, "frac"), std::optional<qint64>(3));
        QVERIFY(!json::optInteger(o, "text").has_value());
        QVERIFY(!json::optInteger(o, "missing").has_value());
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

    void convertsNormalDocumentsExactly()
    {
        const QByteArray text = R"({"int":-42,"big":9007199254740993,"huge":18446744073709551615,"real":2.5,
            "str":"grüße \u0022q\u0022","t":true,"f":false,"nul":null,"empty":{},"none":[],
            "nested":{"list":[1,"two",[3,{"four":4}],null],"obj":{"x":0.125}}})";
        const Result<QJsonValue> qt = json::toQt(Json::parse(text), QStringLiteral("doc"));
        QVERIFY(qt.ok());
        const QJsonObject o = qt.value().toObject();
        QCOMPARE(o.size(), 11);
        QCOMPARE(o.value(QLatin1String("int")).toInteger(), qint64(-42));
        QCOMPARE(o.value(QLatin1String("big")).toInteger(), qint64(9007199254740993LL)); // exact, not via double
        QCOMPARE(o.value(QLatin1String("huge")).toDouble(), 18446744073709551615.0);     // beyond qint64: a double
        QCOMPARE(o.value(QLatin1String("real")).toDouble(), 2.5);
        QCOMPARE(o.value(QLatin1String("str")).toString(), QStringLiteral("grüße \"q\""));
        QCOMPARE(o.value(QLatin1String("t")), QJsonValue(true));
        QCOMPARE(o.value(QLatin1String("f")), QJsonValue(false));
        QVERIFY(o.contains(QLatin1String("nul")));
        QVERIFY(o.value(QLatin1String("nul")).isNull());
        QCOMPARE(o.value(QLatin1String("empty")), QJsonValue(QJsonObject()));
        QCOMPARE(o.value(QLatin1String("none")), QJsonValue(QJsonArray()));
        // The whole tree equals what Qt's own parser reads from the same text.
        QCOMPARE(QJsonDocument(o), QJsonDocument::fromJson(text));

        const Result<QVariant> v = json::toVariant(Json::parse(text), QStringLiteral("doc"));
        QVERIFY(v.ok());
        const QVariantMap m = v.value().toMap();
        QCOMPARE(m.size(), 11);
        QCOMPARE(m.value(QStringLiteral("int")).typeId(), QMetaType::LongLong);
        QCOMPARE(m.value(QStringLiteral("int")).toLongLong(), qint64(-42));
        QCOMPARE(m.value(QStringLiteral("big")).toLongLong(), qint64(9007199254740993LL));
        QCOMPARE(m.value(QStringLiteral("real")).typeId(), QMetaType::Double);
        QCOMPARE(m.value(QStringLiteral("str")).toString(), QStringLiteral("grüße \"q\""));
        QCOMPARE(m.value(QStringLiteral("t")).typeId(), QMetaType::Bool);
        QVERIFY(m.contains(QStringLiteral("nul")));
        QVERIFY(!m.value(QStringLiteral("nul")).isValid());
        const QVariantList list = m.value(QStringLiteral("nested")).toMap().value(QStringLiteral("list")).toList();
        QCOMPARE(list.size(), 4);
        QCOMPARE(list.at(1).toString(), QStringLiteral("two"));
        QCOMPARE(list.at(2).toList().at(1).toMap().value(QStringLiteral("four")).toLongLong(), qint64(4));
        QVERIFY(!list.at(3).isValid());
        // Scalars at the top convert too.
        QCOMPARE(json::toQt(Json("x"), QStringLiteral("s")).value(), QJsonValue(QStringLiteral("x")));
        QVERIFY(json::toQt(Json(), QStringLiteral("s")).value().isNull());
    }

    void depthLimitBoundary()
    {
        // kMaxDepth levels are fine, one more is not: when parsing and when converting.
        QVERIFY(json::document(nested(json::kMaxDepth), QStringLiteral("x")).ok());
        QVERIFY(json::toQt(Json::parse(nested(json::kMaxDepth)), QStringLiteral("x")).ok());
        QVERIFY(json::toVariant(Json::parse(nestedObjects(json::kMaxDepth)), QStringLiteral("x")).ok());
        const Result<Json> deeper = json::document(nested(json::kMaxDepth + 1), QStringLiteral("x"));
        QVERIFY(!deeper.ok());
        QVERIFY(!json::toQt(Json::parse(nested(json::kMaxDepth + 1)), QStringLiteral("x")).ok());
        QVERIFY(!json::toVariant(Json::parse(nestedObjects(json::kMaxDepth + 1)), QStringLiteral("x")).ok());
    }

    void hugeNestingThroughTheConverter()
    {
        // nlohmann itself reads and frees this without recursion; converting it must not recurse 100,000 times.
        const Json deepArrays = Json::parse(nested(kDeep));
        const Result<QJsonValue> qt = json::toQt(deepArrays, QStringLiteral("deep document"));
        QVERIFY(!qt.ok());
        QCOMPARE(qt.error().kind, ApiError::Kind::Parse);
        QVERIFY2(qt.error().message.contains(QLatin1String("nested too deeply")), qPrintable(qt.error().message));
        QVERIFY2(qt.error().message.contains(QLatin1String("deep document")), qPrintable(qt.error().message));
        QCOMPARE(qt.error().detail, QStringLiteral("deep document: nested deeper than 64 levels"));

        const Json deepObjects = Json::parse(nestedObjects(kDeep));
        const Result<QVariant> v = json::toVariant(deepObjects, QStringLiteral("deep document"));
        QVERIFY(!v.ok());
        QCOMPARE(v.error().detail, QStringLiteral("deep document: nested deeper than 64 levels"));
    }

    void hugeNestingWhenParsing()
    {
        const Result<Json> doc = json::document(nested(kDeep), QStringLiteral("Proxmox nodes"));
        QVERIFY(!doc.ok());
        QCOMPARE(doc.error().kind, ApiError::Kind::Parse);
        QCOMPARE(doc.error().detail, QStringLiteral("Proxmox nodes: nested deeper than 64 levels"));
        QVERIFY(!json::envelope(R"({"data":)" + nestedObjects(kDeep) + "}", "data", QStringLiteral("x")).ok());
        QVERIFY(json::documentOrNull(nestedObjects(kDeep)).is_null());
        // Unbalanced input stays a syntax error, not a depth error.
        const Result<Json> broken = json::document(QByteArray(50, '['), QStringLiteral("x"));
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().message.contains(QLatin1String("not valid JSON")), qPrintable(broken.error().message));
    }

    void hugeNestingThroughTheHomeAssistantParser()
    {
        const QByteArray states =
            R"([{"entity_id":"light.deep","state":"on","attributes":{"x":)" + nestedObjects(kDeep) + "}}]";
        const auto parsed = ha::parser::states(states);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, ApiError::Kind::Parse);
        QCOMPARE(parsed.error().detail, QStringLiteral("/api/states: nested deeper than 64 levels"));

        const QByteArray event =
            R"({"id":3,"type":"event","event":{"a":{"light.deep":{"s":"on","a":{"x":)" + nested(kDeep) + "}}}}}";
        const auto message = ha::parser::message(event, [](int, bool) { return ha::Expect::EntitiesEvent; });
        QVERIFY(!message.ok());
        QCOMPARE(message.error().detail, QStringLiteral("/api/websocket: nested deeper than 64 levels"));

        // Within the limit: the kept attributes arrive, the others (read past, never built) do not stop the parse.
        const auto ok = ha::parser::states(
            R"([{"entity_id":"light.a","state":"on","attributes":{"brightness":200,"rgb":[1,2,3],"n":{"m":null},
                "friendly_name":"A"}}])");
        QVERIFY(ok.ok());
        QCOMPARE(ok.value().size(), 1);
        QCOMPARE(ok.value().constFirst().friendlyName(), QStringLiteral("A"));
        QCOMPARE(ok.value().constFirst().state, QStringLiteral("on"));
    }

    /// A member filter: refused members (and all they hold) are not built; the openers name the enclosing keys;
    /// depth is checked inside refused members too.
    void memberFilter()
    {
        QList<std::vector<std::string>> seen;
        const json::MemberFilter keep = [&seen](const std::vector<std::string>& openers, const std::string& key) {
            if (key == "k")
                seen << openers;
            return key != "drop";
        };
        const auto doc =
            json::document(R"({"a":[{"k":1,"drop":{"x":[1,{"y":2}]},"b":{"k":2,"drop":3}}],"drop":[[]],"z":"s"})",
                           QStringLiteral("x"), keep);
        QVERIFY(doc.ok());
        QCOMPARE(QString::fromStdString(doc.value().dump()), QStringLiteral(R"({"a":[{"b":{"k":2},"k":1}],"z":"s"})"));
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen[0], (std::vector<std::string>{"", "a", ""}));
        QCOMPARE(seen[1], (std::vector<std::string>{"", "a", "", "b"}));
        const auto deep = json::document(R"({"drop":)" + nested(kDeep) + "}", QStringLiteral("x"), keep);
        QVERIFY(!deep.ok());
        QCOMPARE(deep.error().detail, QStringLiteral("x: nested deeper than 64 levels"));
        const auto broken = json::document(R"({"drop":[1,2})", QStringLiteral("x"), keep);
        QVERIFY(!broken.ok());
    }

    void hugeNestingThroughTheAgentsParser()
    {
        const QByteArray agents =
            R"({"agents":[{"id":"a1","presets":[{"id":"p1","input":{"x":)" + nested(kDeep) + "}}]}]}";
        const auto parsed = agents::parser::agents(agents);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().kind, ApiError::Kind::Parse);
        QCOMPARE(parsed.error().detail, QStringLiteral("/agents: nested deeper than 64 levels"));

        const auto run = agents::parser::run(R"({"id":"r1","input":)" + nestedObjects(kDeep) + "}");
        QVERIFY(!run.ok());
        QVERIFY2(run.error().detail.endsWith(QLatin1String("nested deeper than 64 levels")),
                 qPrintable(run.error().detail));

        // Within the limit the preset input converts whole.
        const auto ok = agents::parser::agents(
            R"({"agents":[{"id":"a1","presets":[{"id":"p1","input":{"n":3,"list":["a",{"b":true}],"z":null}}]}]})");
        QVERIFY(ok.ok());
        QCOMPARE(ok.value().size(), 1);
        QCOMPARE(ok.value().constFirst().presets.size(), 1);
        const QVariantMap input = ok.value().constFirst().presets.constFirst().input;
        QCOMPARE(input.value(QStringLiteral("n")).toLongLong(), qint64(3));
        QCOMPARE(input.value(QStringLiteral("list")).toList().at(1).toMap().value(QStringLiteral("b")).toBool(), true);
        QVERIFY(input.contains(QStringLiteral("z")));
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "TestJson.moc"
