// The agent API parser on documented, loose and broken shapes; client-side input validation.
#include "TestUtil.h"

#include "agents/AgentsParser.h"

#include <QStandardPaths>

using namespace hlc;
using namespace hlc::agents;

class TestAgentsParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void agentsDocumented()
    {
        const QByteArray body =
            R"({"agents":[{"id":"content-creator","name":"Content Creator","model":"gpt-4o-mini",)"
            R"("status":"busy","activeRunId":"run-1","description":"d",)"
            R"("inputSchema":{"type":"object","required":["topic"],"propertyOrder":["topic","format"],)"
            R"("properties":{"format":{"type":"string","enum":["newsletter","video_script"],"default":"newsletter"},)"
            R"("topic":{"type":"string","title":"Topic","maxLength":20},)"
            R"("count":{"type":"integer","minimum":1,"maximum":5}}},)"
            R"("presets":[{"id":"weekly","name":"Weekly","input":{"topic":"x"}}],)"
            R"("lastRun":{"id":"run-1","status":"running","presetId":"weekly","createdAt":"2026-11-26T07:00:00Z","finishedAt":null}}]})";
        const auto r = parser::agents(body);
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 1);
        const Agent& a = r.value().first();
        QCOMPARE(a.status, Agent::Status::Busy);
        QCOMPARE(a.activeRunId, QStringLiteral("run-1"));
        QCOMPARE(a.inputSchema.fields.size(), 3);
        QCOMPARE(a.inputSchema.fields[0].name, QStringLiteral("topic")); // propertyOrder first
        QCOMPARE(a.inputSchema.fields[1].name, QStringLiteral("format"));
        QCOMPARE(a.inputSchema.fields[2].name, QStringLiteral("count")); // the rest after
        QVERIFY(a.inputSchema.fields[0].required);
        QCOMPARE(a.inputSchema.fields[0].maxLength, 20);
        QCOMPARE(a.inputSchema.fields[1].options, QStringList({"newsletter", "video_script"}));
        QCOMPARE(a.presets.first().input.value(QStringLiteral("topic")).toString(), QStringLiteral("x"));
        QVERIFY(a.lastRun);
        QCOMPARE(a.lastRun->status, RunStatus::Running);
        QVERIFY(!a.lastRun->finishedAt.isValid());
    }

    void agentsLoose()
    {
        // A bare array, nulls for arrays and objects, numbers as strings, an entry without id, unknown status.
        const QByteArray body =
            R"([{"id":"a","status":"sleeping","presets":null,"inputSchema":null},)"
            R"({"name":"no id"}, 42, {"id":"b","inputSchema":{"properties":{"n":{"type":"integer","minimum":"2"}},)"
            R"("required":null},"presets":[{"id":null},{"id":"p","input":null}],"lastRun":{"status":"done"}}])";
        const auto r = parser::agents(body);
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 2);
        QCOMPARE(r.value()[0].status, Agent::Status::Unknown);
        QCOMPARE(r.value()[0].name, QStringLiteral("a"));
        QVERIFY(r.value()[0].presets.isEmpty());
        QCOMPARE(*r.value()[1].inputSchema.fields.first().minimum, 2);
        QCOMPARE(r.value()[1].presets.size(), 1);
        QVERIFY(!r.value()[1].lastRun);
        QVERIFY(parser::agents(R"({"agents":null})").ok());
    }

    void broken_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("truncated") << QByteArray(R"({"agents":[{"id":"a")");
        QTest::newRow("string") << QByteArray(R"("agents")");
        QTest::newRow("agents not array") << QByteArray(R"({"agents":{"id":"a"}})");
    }

    void broken()
    {
        QFETCH(QByteArray, body);
        const auto r = parser::agents(body);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ApiError::Kind::Parse);
        QVERIFY(!parser::run(body).ok());
    }

    void runLoose()
    {
        const QByteArray body =
            R"({"id":"r1","agentId":"x","status":"SUCCEEDED","progress":"55","output":"# Hi",)"
            R"("usage":{"promptTokens":"10","completionTokens":5,"costUsd":null},"createdAt":"2026-11-26T07:00:00.123+01:00",)"
            R"("startedAt":"garbage","lastEventId":"7"})";
        const auto r = parser::run(body);
        QVERIFY(r.ok());
        QCOMPARE(r.value().status, RunStatus::Succeeded);
        QCOMPARE(r.value().progress, 0.55);
        QCOMPARE(r.value().outputMarkdown, QStringLiteral("# Hi"));
        QCOMPARE(r.value().usage->totalTokens, 15);
        QVERIFY(!r.value().usage->costUsd);
        QCOMPARE(r.value().createdAt, QDateTime(QDate(2026, 11, 26), QTime(6, 0, 0, 123), Qt::UTC));
        QVERIFY(!r.value().startedAt.isValid());
        QCOMPARE(r.value().lastEventId, 7);
        QVERIFY(!parser::run(R"({"status":"running"})").ok()); // no id
        const auto full = parser::run(R"({"id":"r2","output":{"markdown":"m","artifacts":[{"url":"http://h/a/b.md"},)"
                                      R"({"name":"no url"}, null]},"error":null,"usage":null})");
        QVERIFY(full.ok());
        QCOMPARE(full.value().artifacts.size(), 1);
        QCOMPARE(full.value().artifacts.first().name, QStringLiteral("b.md"));
        QVERIFY(!full.value().usage);
        QVERIFY(full.value().error.isEmpty());
    }

    void eventsAndStatus()
    {
        const auto ev = parser::events(
            R"({"events":[{"id":1,"type":"log","level":"warning","message":"m"},)"
            R"({"id":"2","type":"progress","progress":1.7},{"id":3,"type":"status","status":"canceled"},{"id":4,"type":"x"}]})");
        QVERIFY(ev.ok());
        QCOMPARE(ev.value().size(), 4);
        QCOMPARE(ev.value()[0].level, QStringLiteral("warning"));
        QCOMPARE(*ev.value()[1].progress, 1.0);
        QCOMPARE(ev.value()[2].status, RunStatus::Cancelled);
        QCOMPARE(ev.value()[3].type, RunEvent::Type::Unknown);
        QVERIFY(parser::events(R"({"events":null})").ok());
        QVERIFY(!parser::event("data").ok());
        QVERIFY(isFinal(RunStatus::Failed));
        QVERIFY(!isFinal(RunStatus::Running));
        QCOMPARE(runStatusName(RunStatus::Queued), QStringLiteral("queued"));
    }

    void errorBodies()
    {
        const QByteArray body = R"({"error":"invalid_input","message":"bad","fields":{"topic":"is required","n":3}})";
        const FieldErrors f = parser::fieldErrors(body);
        QCOMPARE(f.size(), 2);
        QCOMPARE(f.value(QStringLiteral("n")), QStringLiteral("3"));
        QCOMPARE(parser::errorMessage(body), QStringLiteral("bad"));
        QCOMPARE(parser::errorCode(body), QStringLiteral("invalid_input"));
        QCOMPARE(parser::fieldErrors(R"({"fields":[{"field":"a","message":"m"}]})").value(QStringLiteral("a")),
                 QStringLiteral("m"));
        QVERIFY(parser::fieldErrors("<html>").isEmpty());
    }

    void startBody()
    {
        QCOMPARE(parser::startRunBody({QStringLiteral("weekly"), {}}), QByteArray(R"({"preset":"weekly"})"));
        QCOMPARE(parser::startRunBody({QString(), {{QStringLiteral("n"), 3}, {QStringLiteral("b"), true}}}),
                 QByteArray(R"({"input":{"b":true,"n":3}})"));
        QCOMPARE(parser::startRunBody({}), QByteArray(R"({"input":{}})"));
    }

    void validation()
    {
        InputSchema s;
        InputField topic;
        topic.name = QStringLiteral("topic");
        topic.title = QStringLiteral("Topic");
        topic.required = true;
        topic.maxLength = 5;
        InputField n;
        n.name = QStringLiteral("n");
        n.type = InputField::Type::Integer;
        n.minimum = 1;
        n.maximum = 3;
        InputField e;
        e.name = QStringLiteral("e");
        e.type = InputField::Type::Enum;
        e.options = {QStringLiteral("a"), QStringLiteral("b")};
        InputField b;
        b.name = QStringLiteral("b");
        b.type = InputField::Type::Boolean;
        s.fields = {topic, n, e, b};

        const QVariantMap form{{QStringLiteral("topic"), QStringLiteral("   ")},
                               {QStringLiteral("n"), QStringLiteral("7")},
                               {QStringLiteral("e"), QStringLiteral("c")},
                               {QStringLiteral("b"), QStringLiteral("maybe")},
                               {QStringLiteral("x"), 1}};
        const QVariantMap input = normalizeInput(s, form);
        QCOMPARE(input.value(QStringLiteral("n")).toLongLong(), 7);
        const FieldErrors errs = validateInput(s, input);
        QCOMPARE(errs.value(QStringLiteral("topic")), QStringLiteral("Topic is required."));
        QCOMPARE(errs.value(QStringLiteral("n")), QStringLiteral("n must be between 1 and 3."));
        QCOMPARE(errs.value(QStringLiteral("e")), QStringLiteral("e must be one of: a, b."));
        QCOMPARE(errs.value(QStringLiteral("b")), QStringLiteral("b must be yes or no."));
        QCOMPARE(errs.value(QStringLiteral("x")), QStringLiteral("x is not an input of this agent."));

        const QVariantMap ok = normalizeInput(s, {{QStringLiteral("topic"), QStringLiteral("abc")},
                                                  {QStringLiteral("n"), QStringLiteral("")},
                                                  {QStringLiteral("b"), QStringLiteral("yes")}});
        QVERIFY(!ok.contains(QStringLiteral("n")));
        QCOMPARE(ok.value(QStringLiteral("b")), QVariant(true));
        QVERIFY(validateInput(s, ok).isEmpty());
        QCOMPARE(
            validateInput(s, {{QStringLiteral("topic"), QStringLiteral("too long")}}).value(QStringLiteral("topic")),
            QStringLiteral("Topic is longer than 5 characters."));
    }
};

QTEST_GUILESS_MAIN(TestAgentsParser)
#include "TestAgentsParser.moc"
