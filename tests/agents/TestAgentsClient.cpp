// AgentsClient + AgentEventStream against the simulated agent platform (SimAgents) over real loopback sockets:
// every endpoint, bad input (400 with field errors), busy (409), cancel, a stream cut mid-run (resume with
// Last-Event-ID), a server restart during a run, the polling fallback, faults; and every route against our
// contract docs/api/agents.openapi.yaml through spec-check.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "agents/AgentEventStream.h"
#include "agents/AgentsClient.h"
#include "agents/AgentsParser.h"

#include "SimAgents.h"
#include "SimHttpServer.h"
#include "SimStream.h"
#include "TlsIdentity.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>

using namespace hlc;
using namespace hlc::agents;
using hlc::test::Capture;
using hlc::test::waitFor;

namespace {
const QByteArray kToken = "sim-agents-token-0123456789";

struct Raw
{
    int status = 0;
    QByteArray body;
};

/// Collects what an AgentEventStream delivers.
struct Follower
{
    QList<RunEvent> events;
    QList<Run> runs;
    std::optional<RunStatus> finished;
    QList<ApiError> problems;

    void attach(AgentEventStream* s)
    {
        QObject::connect(s, &AgentEventStream::eventReceived, s, [this](const RunEvent& e) { events << e; });
        QObject::connect(s, &AgentEventStream::runUpdated, s, [this](const Run& r) { runs << r; });
        QObject::connect(s, &AgentEventStream::finished, s, [this](RunStatus st) { finished = st; });
        QObject::connect(s, &AgentEventStream::problem, s, [this](const ApiError& e) { problems << e; });
    }
    [[nodiscard]] bool idsContiguous() const
    {
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (events[i].id != i + 1)
                return false;
        }
        return true;
    }
};

enum class HostileMode
{
    LongLine, ///< a line that never ends
    BigEvent, ///< data lines that never end an event
    Endless   ///< 10 events of ~10 KB per connection, from the one after Last-Event-ID; the 25th ends the run
};

/// An event stream route that misbehaves as *mode says; counts the streams opened in *opened.
void serveHostileEvents(sim::SimHttpServer& server, const HostileMode* mode, int* opened)
{
    server.routeStream("GET", sim::SimAgents::apiPrefix() + QStringLiteral("/runs/{runId}/events"),
                       [mode, opened](const sim::SimRequest& r, sim::SimStream* out) {
                           ++*opened;
                           out->writeHead(200, "text/event-stream");
                           if (*mode == HostileMode::LongLine) {
                               out->write("data: " + QByteArray(2 * 1024 * 1024, 'x')); // never a newline
                               return;
                           }
                           if (*mode == HostileMode::BigEvent) {
                               for (int i = 0; i < 30; ++i) // 3 MB of data lines, no blank line
                                   out->write("data: " + QByteArray(100 * 1024, 'y') + '\n');
                               return;
                           }
                           const qint64 after = r.header("last-event-id").toLongLong();
                           const QByteArray pad(10 * 1024, 'z');
                           QByteArray frames;
                           for (qint64 id = after + 1; id <= std::min<qint64>(after + 10, 25); ++id) {
                               const QByteArray body =
                                   id == 25 ? QByteArray("\"type\":\"status\",\"status\":\"succeeded\"")
                                            : "\"type\":\"log\",\"level\":\"info\",\"message\":\"" + pad + "\"";
                               frames += "id: " + QByteArray::number(id) + "\ndata: {\"id\":" + QByteArray::number(id) +
                                         ',' + body + "}\n\n";
                           }
                           out->write(frames);
                       });
}
} // namespace

// Stops the test function at the first failed check inside the lambda.
#define CHECK(...)                                                                                                     \
    check(__VA_ARGS__);                                                                                                \
    if (QTest::currentTestFailed())                                                                                    \
    return

class TestAgentsClient : public QObject
{
    Q_OBJECT

private:
    sim::SimHttpServer* m_server = nullptr;
    sim::SimAgents* m_agents = nullptr;
    QNetworkAccessManager* m_nam = nullptr;

    Endpoint endpoint(const QByteArray& token = kToken) const
    {
        Endpoint e;
        QUrl url = m_server->baseUrl();
        url.setPath(sim::SimAgents::apiPrefix());
        e.baseUrl = url;
        e.credentials = {AuthScheme::Bearer, {}, QString::fromLatin1(token), {}};
        e.timeoutMs = 3000;
        e.maxRetries = 0;
        return e;
    }

    Raw raw(const QByteArray& method, const QString& path, const QByteArray& body = {},
            const QByteArray& accept = "application/json", const QByteArray& token = kToken)
    {
        QUrl url = m_server->baseUrl();
        url.setPath(sim::SimAgents::apiPrefix() + path.section(QLatin1Char('?'), 0, 0));
        if (path.contains(QLatin1Char('?')))
            url.setQuery(path.section(QLatin1Char('?'), 1));
        QNetworkRequest req(url);
        req.setRawHeader("Authorization", "Bearer " + token);
        req.setRawHeader("Accept", accept);
        if (!body.isEmpty())
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply* reply = m_nam->sendCustomRequest(req, method, body);
        waitFor([reply] { return reply->isFinished(); }, 10000);
        Raw r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        reply->deleteLater();
        return r;
    }

    Run start(AgentsClient& c, const QString& agent, const StartRun& req)
    {
        Capture<Result<Run>> cap;
        c.startRun(agent, req, this, cap.callback());
        if (!cap.wait() || !cap.value->ok())
            return {};
        return cap.value->value();
    }

    QString specFile() const
    {
        return qEnvironmentVariable("HLC_SOURCE_DIR", QStringLiteral(HLC_TEST_DATA_DIR "/../..")) +
               QStringLiteral("/docs/api/agents.openapi.yaml");
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = new sim::SimHttpServer(this);
        QVERIFY(m_server->listen(false));
        m_agents = new sim::SimAgents(m_server, QString::fromLatin1(kToken), this);
        m_agents->setStepMs(60);
        m_agents->setHeartbeatMs(100);
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanup()
    {
        m_server->clearFaults();
        m_agents->setStepMs(60);
    }

    void listsAgentsWithSchemaAndPresets()
    {
        AgentsClient c(m_nam, endpoint());
        Capture<Result<QList<Agent>>> cap;
        c.agents(this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY2(cap.value->ok(), qPrintable(cap.value->ok() ? QString() : cap.value->error().detail));
        const QList<Agent>& agents = cap.value->value();
        QStringList names;
        for (const Agent& a : agents)
            names << a.name;
        QCOMPARE(names, QStringList({"Content Creator", "Researcher", "Analyst", "Verifier", "Project Manager",
                                     "Communicator"}));
        const Agent& cc = agents.first();
        QCOMPARE(cc.status, Agent::Status::Idle);
        QCOMPARE(cc.model, QStringLiteral("gpt-4o-mini"));
        QVERIFY(cc.preset(QStringLiteral("weekly-newsletter")));
        QCOMPARE(cc.preset(QStringLiteral("weekly-newsletter"))->name, QStringLiteral("Weekly newsletter"));
        QStringList fields;
        for (const InputField& f : cc.inputSchema.fields)
            fields << f.name;
        QCOMPARE(fields, QStringList({"format", "topic", "target_duration", "key_points", "style", "language"}));
        const InputField* duration = cc.inputSchema.field(QStringLiteral("target_duration"));
        QCOMPARE(duration->type, InputField::Type::Integer);
        QCOMPARE(*duration->minimum, 1);
        QCOMPARE(*duration->maximum, 60);
        QCOMPARE(duration->defaultValue.toInt(), 8);
        QCOMPARE(cc.inputSchema.field(QStringLiteral("key_points"))->type, InputField::Type::Text);
        QCOMPARE(cc.inputSchema.field(QStringLiteral("format"))->type, InputField::Type::Enum);
        QVERIFY(cc.inputSchema.field(QStringLiteral("topic"))->required);
        QVERIFY(agents[1].preset(QStringLiteral("tech-trend-next-year")));
        QCOMPARE(agents[5].inputSchema.field(QStringLiteral("text"))->type, InputField::Type::Text);
        QCOMPARE(agents[2].inputSchema.field(QStringLiteral("include_charts"))->type, InputField::Type::Boolean);
    }

    void presetRunStreamsToSuccess()
    {
        AgentsClient c(m_nam, endpoint());
        const Run run = start(c, QStringLiteral("content-creator"), {QStringLiteral("weekly-newsletter"), {}});
        QVERIFY(!run.id.isEmpty());
        QCOMPARE(run.status, RunStatus::Queued);
        QCOMPARE(run.presetId, QStringLiteral("weekly-newsletter"));
        QCOMPARE(run.input.value(QStringLiteral("format")).toString(), QStringLiteral("newsletter"));

        std::unique_ptr<AgentEventStream> s(c.followRun(run.id, nullptr));
        Follower f;
        f.attach(s.get());
        s->start();
        QVERIFY(waitFor([&] { return f.finished.has_value(); }, 15000));
        QCOMPARE(*f.finished, RunStatus::Succeeded);
        QCOMPARE(s->mode(), AgentEventStream::Mode::Finished);
        QVERIFY(f.idsContiguous());
        int logs = 0;
        double lastProgress = -1;
        for (const RunEvent& e : f.events) {
            logs += e.type == RunEvent::Type::Log;
            if (e.type == RunEvent::Type::Progress) {
                QVERIFY(*e.progress >= lastProgress);
                lastProgress = *e.progress;
            }
        }
        QVERIFY(logs >= 8);
        QCOMPARE(lastProgress, 1.0);
        QCOMPARE(f.events.last().status, RunStatus::Succeeded);
        QCOMPARE(s->connects(), 1);
        QCOMPARE(f.runs.size(), 1);
        const Run& done = f.runs.first();
        QCOMPARE(done.status, RunStatus::Succeeded);
        QVERIFY(done.outputMarkdown.startsWith(QStringLiteral("# Content Creator")));
        QCOMPARE(done.artifacts.size(), 1);
        QVERIFY(done.artifacts.first().url.startsWith(QStringLiteral("http://127.0.0.1:")));
        QVERIFY(done.usage && done.usage->totalTokens > 0 && done.usage->costUsd.value_or(0) > 0);
        QVERIFY(done.finishedAt.isValid() && done.startedAt.isValid() && done.finishedAt >= done.startedAt);
        hlc::test::evidence("Agents client started a preset run on the simulated agent API and followed its "
                            "server-sent event stream over loopback to success");
    }

    void failingPresetFails()
    {
        AgentsClient c(m_nam, endpoint());
        const Run run = start(c, QStringLiteral("researcher"), {QStringLiteral("investment-scan"), {}});
        QVERIFY(!run.id.isEmpty());
        std::unique_ptr<AgentEventStream> s(c.followRun(run.id, nullptr));
        Follower f;
        f.attach(s.get());
        s->start();
        QVERIFY(waitFor([&] { return f.finished.has_value(); }, 15000));
        QCOMPARE(*f.finished, RunStatus::Failed);
        QVERIFY(f.events.last().message.contains(QStringLiteral("quota exhausted")));
        QCOMPARE(f.runs.last().error,
                 QStringLiteral("Perplexity API: monthly quota exhausted (HTTP 429); no report written"));
        QVERIFY(f.runs.last().outputMarkdown.isEmpty());
    }

    void badInputGivesFieldErrors()
    {
        AgentsClient c(m_nam, endpoint());
        QVariantMap input{{QStringLiteral("format"), QStringLiteral("podcast")},
                          {QStringLiteral("target_duration"), 500},
                          {QStringLiteral("bogus"), true}};
        Capture<Result<Run>> cap;
        c.startRun(QStringLiteral("content-creator"), {QString(), input}, this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(!cap.value->ok());
        const ApiError& e = cap.value->error();
        QCOMPARE(e.kind, ApiError::Kind::Rejected);
        QCOMPARE(e.httpStatus, 400);
        const FieldErrors fields = parser::fieldErrors(e.body);
        QCOMPARE(fields.value(QStringLiteral("topic")), QStringLiteral("is required"));
        QVERIFY(fields.value(QStringLiteral("format")).startsWith(QStringLiteral("must be one of")));
        QCOMPARE(fields.value(QStringLiteral("target_duration")), QStringLiteral("must be between 1 and 60"));
        QCOMPARE(fields.value(QStringLiteral("bogus")), QStringLiteral("unknown field"));
        QVERIFY2(e.message.startsWith(QStringLiteral("The agent rejected the input: bogus: unknown field")),
                 qPrintable(e.message));

        Capture<Result<Run>> preset;
        c.startRun(QStringLiteral("content-creator"), {QStringLiteral("no-such-preset"), {}}, this, preset.callback());
        QVERIFY(preset.wait());
        QCOMPARE(preset.value->error().httpStatus, 400);
        QCOMPARE(parser::fieldErrors(preset.value->error().body).value(QStringLiteral("preset")),
                 QStringLiteral("unknown preset: no-such-preset"));

        Capture<Result<Run>> agent;
        c.startRun(QStringLiteral("no-such-agent"), {QStringLiteral("x"), {}}, this, agent.callback());
        QVERIFY(agent.wait());
        QCOMPARE(agent.value->error().kind, ApiError::Kind::NotFound);
    }

    void busyAgentGives409AndCancelWorks()
    {
        m_agents->setStepMs(300); // still running when the cancel arrives, even on a loaded machine
        AgentsClient c(m_nam, endpoint());
        const Run first = start(c, QStringLiteral("analyst"), {QStringLiteral("weekly-kpi"), {}});
        QVERIFY(!first.id.isEmpty());
        Capture<Result<Run>> second;
        c.startRun(QStringLiteral("analyst"), {QStringLiteral("homelab-uptime"), {}}, this, second.callback());
        QVERIFY(second.wait());
        QCOMPARE(second.value->error().httpStatus, 409);
        QCOMPARE(second.value->error().kind, ApiError::Kind::Rejected);
        QCOMPARE(second.value->error().message,
                 QStringLiteral("Not possible now: Analyst is busy with run %1").arg(first.id));
        QCOMPARE(parser::errorCode(second.value->error().body), QStringLiteral("agent_busy"));

        std::unique_ptr<AgentEventStream> s(c.followRun(first.id, nullptr));
        Follower f;
        f.attach(s.get());
        s->start();
        QVERIFY(waitFor([&] { return f.events.size() >= 3; }));
        Capture<Result<Run>> cancel;
        c.cancelRun(first.id, this, cancel.callback());
        QVERIFY(cancel.wait());
        QVERIFY(cancel.value->ok());
        QCOMPARE(cancel.value->value().status, RunStatus::Cancelled);
        QVERIFY(waitFor([&] { return f.finished.has_value(); }));
        QCOMPARE(*f.finished, RunStatus::Cancelled);
        QCOMPARE(m_agents->runStatus(first.id), QStringLiteral("cancelled"));

        Capture<Result<Run>> again;
        c.cancelRun(first.id, this, again.callback());
        QVERIFY(again.wait());
        QCOMPARE(again.value->error().httpStatus, 409);
        QCOMPARE(again.value->error().message,
                 QStringLiteral("Not possible now: run %1 already cancelled").arg(first.id));

        // The agent takes runs again.
        const Run third = start(c, QStringLiteral("analyst"), {QStringLiteral("homelab-uptime"), {}});
        QVERIFY(!third.id.isEmpty());
        c.cancelRun(third.id, this, [](Result<Run>) {});
        QVERIFY(waitFor([&] { return m_agents->runStatus(third.id) == QLatin1String("cancelled"); }));
    }

    void runsAndFilters()
    {
        AgentsClient c(m_nam, endpoint());
        Capture<Result<QList<Run>>> all;
        c.runs({}, this, all.callback());
        QVERIFY(all.wait());
        QVERIFY(all.value->ok());
        QVERIFY(all.value->value().size() >= 3);
        QVERIFY(all.value->value().first().createdAt >= all.value->value().last().createdAt);

        Capture<Result<QList<Run>>> filtered;
        c.runs({QStringLiteral("analyst"), RunStatus::Cancelled, 1}, this, filtered.callback());
        QVERIFY(filtered.wait());
        QCOMPARE(filtered.value->value().size(), 1);
        QCOMPARE(filtered.value->value().first().agentId, QStringLiteral("analyst"));
        QCOMPARE(filtered.value->value().first().status, RunStatus::Cancelled);

        const Raw bad = raw("GET", QStringLiteral("/runs?limit=0"));
        QCOMPARE(bad.status, 400);

        Capture<Result<QList<RunEvent>>> ev;
        c.events(filtered.value->value().first().id, 2, this, ev.callback());
        QVERIFY(ev.wait());
        QVERIFY(ev.value->ok());
        QCOMPARE(ev.value->value().first().id, 3);
    }

    void wrongTokenIs401()
    {
        AgentsClient c(m_nam, endpoint("wrong"));
        Capture<Result<QList<Agent>>> cap;
        c.agents(this, cap.callback());
        QVERIFY(cap.wait());
        QCOMPARE(cap.value->error().kind, ApiError::Kind::Auth);
        QCOMPARE(cap.value->error().message, QStringLiteral("The agent platform rejected the API token (HTTP 401)."));
        QVERIFY(!cap.value->error().detail.contains(QStringLiteral("wrong")));

        std::unique_ptr<AgentEventStream> s(c.followRun(QStringLiteral("run-00001"), nullptr));
        Follower f;
        f.attach(s.get());
        s->start();
        QVERIFY(waitFor([&] { return !f.problems.isEmpty(); }));
        QCOMPARE(f.problems.first().httpStatus, 401);
        QCOMPARE(s->mode(), AgentEventStream::Mode::Idle);
    }

    void streamCutMidRunResumes()
    {
        m_agents->setStepMs(250); // still running when the stream is cut
        AgentsClient c(m_nam, endpoint());
        const Run run = start(c, QStringLiteral("project-manager"), {QStringLiteral("create-newsletter"), {}});
        QVERIFY(!run.id.isEmpty());
        std::unique_ptr<AgentEventStream> s(c.followRun(run.id, nullptr));
        s->setReconnectDelayMs(50);
        Follower f;
        f.attach(s.get());
        s->start();
        QVERIFY(waitFor([&] { return f.events.size() >= 4; }));
        m_server->clearRequests();
        QCOMPARE(m_agents->abortStreams(), 1);
        QVERIFY(waitFor([&] { return f.finished.has_value(); }, 15000));
        QCOMPARE(*f.finished, RunStatus::Succeeded);
        QVERIFY2(f.idsContiguous(), "events lost or repeated across the reconnect");
        QVERIFY(s->connects() >= 2);
        // The reconnect asked for what came after the last event seen.
        bool resumed = false;
        for (const sim::SimRequest& r : m_server->requests()) {
            if (r.path.endsWith(QLatin1String("/events")) && r.header("last-event-id").toInt() >= 4)
                resumed = true;
        }
        QVERIFY(resumed);
        hlc::test::evidence("Agent event stream cut mid-run by the simulator resumed with Last-Event-ID, no event "
                            "lost or repeated");
    }

    void serverRestartDuringRun()
    {
        AgentsClient c(m_nam, endpoint());
        const Run run = start(c, QStringLiteral("verifier"), {QStringLiteral("verify-newsletter"), {}});
        QVERIFY(!run.id.isEmpty());
        std::unique_ptr<AgentEventStream> s(c.followRun(run.id, nullptr));
        s->setReconnectDelayMs(100);
        s->setMaxStreamFailures(30);
        Follower f;
        f.attach(s.get());
        s->start();
        QVERIFY(waitFor([&] { return f.events.size() >= 3; }));
        const quint16 port = m_server->port();
        m_server->close();
        QVERIFY(waitFor([&] { return !f.problems.isEmpty(); }));
        QVERIFY(waitFor([&] { return f.problems.size() >= 2; })); // at least one refused reconnect
        QCOMPARE(f.problems.last().kind, ApiError::Kind::Network);
        QVERIFY(m_server->listen(false, port));
        QVERIFY(waitFor([&] { return f.finished.has_value(); }, 15000));
        QCOMPARE(*f.finished, RunStatus::Succeeded);
        QVERIFY(f.idsContiguous());
        QVERIFY(s->connects() >= 3);
    }

    void fallsBackToPolling()
    {
        AgentsClient c(m_nam, endpoint());
        const Run run = start(c, QStringLiteral("communicator"), {QStringLiteral("translate-newsletter"), {}});
        QVERIFY(!run.id.isEmpty());
        // Streams hang (no byte ever): the idle timeout drops them; after two failures the follower polls JSON.
        sim::Fault hang;
        hang.hang = true;
        m_server->setFault("GET", sim::SimAgents::apiPrefix() + QStringLiteral("/runs/{runId}/events"), hang);
        std::unique_ptr<AgentEventStream> s(c.followRun(run.id, nullptr));
        s->setIdleTimeoutMs(300);
        s->setReconnectDelayMs(50);
        s->setMaxStreamFailures(2);
        s->setPollIntervalMs(150);
        Follower f;
        f.attach(s.get());
        s->start();
        QVERIFY(waitFor([&] { return s->mode() == AgentEventStream::Mode::Polling; }));
        m_server->clearFaults();
        QVERIFY(waitFor([&] { return f.finished.has_value(); }, 15000));
        QCOMPARE(*f.finished, RunStatus::Succeeded);
        QVERIFY(f.idsContiguous());
        QVERIFY(f.events.size() >= 6);
        QVERIFY(!f.runs.isEmpty());
        QVERIFY(!f.runs.last().outputMarkdown.isEmpty());
    }

    /// A broken or hostile event stream cannot grow our memory: a line or an event over its limit drops the stream
    /// with a clear error (then reconnect, then polling), and a connection that has read its byte budget is reopened
    /// after the last event seen, losing nothing.
    void streamLimits()
    {
        sim::SimHttpServer hostile;
        HostileMode mode = HostileMode::LongLine;
        int opened = 0;
        serveHostileEvents(hostile, &mode, &opened);
        QVERIFY(hostile.listen(false));
        Endpoint e = endpoint();
        QUrl url = hostile.baseUrl();
        url.setPath(sim::SimAgents::apiPrefix());
        e.baseUrl = url;
        AgentsClient c(m_nam, e);
        AgentEventStream::Limits limits;
        limits.maxLineBytes = 1024 * 1024;
        limits.maxEventBytes = 1024 * 1024;
        limits.maxConnectionBytes = 50 * 1024;

        for (const HostileMode m : {HostileMode::LongLine, HostileMode::BigEvent}) {
            mode = m;
            opened = 0;
            std::unique_ptr<AgentEventStream> s(c.followRun(QStringLiteral("run-hostile"), nullptr));
            s->setLimits(limits);
            s->setReconnectDelayMs(50);
            s->setMaxStreamFailures(2);
            s->setPollIntervalMs(60000);
            Follower f;
            f.attach(s.get());
            s->start();
            QVERIFY(waitFor([&] { return s->mode() == AgentEventStream::Mode::Polling; }, 15000));
            QVERIFY(f.events.isEmpty());
            QVERIFY(!f.problems.isEmpty());
            QCOMPARE(f.problems.first().kind, ApiError::Kind::Parse);
            const QString expected = m == HostileMode::LongLine ? QStringLiteral("line longer than 1 MiB")
                                                                : QStringLiteral("event larger than 1 MiB");
            QVERIFY2(f.problems.first().message.contains(expected), qPrintable(f.problems.first().message));
            QCOMPARE(s->connects(), 2); // dropped twice, then polling
        }

        mode = HostileMode::Endless;
        opened = 0;
        std::unique_ptr<AgentEventStream> s(c.followRun(QStringLiteral("run-long"), nullptr));
        s->setLimits(limits);
        s->setReconnectDelayMs(20);
        Follower f;
        f.attach(s.get());
        s->start();
        QVERIFY(waitFor([&] { return f.finished.has_value(); }, 15000));
        QCOMPARE(*f.finished, RunStatus::Succeeded);
        QCOMPARE(f.events.size(), 25);
        QVERIFY(f.idsContiguous());
        QVERIFY2(opened >= 3, qPrintable(QString::number(opened)));
        // (The hostile server has no GET /runs/{id}: the final read of the run answers 404, which is reported.)
        for (const ApiError& p : std::as_const(f.problems))
            QVERIFY2(p.httpStatus == 404, qPrintable(p.detail));
        hlc::test::evidence(QStringLiteral("agent event stream limits: a 2 MiB line and a 3 MB event were refused "
                                           "with a clear error (then polling); a 250 KB stream with a 50 KB "
                                           "connection budget was reopened %1 times, 25 events in order, none lost")
                                .arg(opened - 1));
    }

    void tlsPinnedStream()
    {
        // Behind an HTTPS proxy with a self-signed certificate: the pinned stream works, an unpinned one is refused
        // before any request (and token) is sent.
        sim::SimHttpServer tls;
        QVERIFY(tls.listen(true));
        sim::SimAgents agents(&tls, QString::fromLatin1(kToken));
        agents.setStepMs(40);
        Endpoint e = endpoint();
        QUrl url = tls.baseUrl();
        url.setPath(sim::SimAgents::apiPrefix());
        e.baseUrl = url;
        e.pinnedSha256 = tls.tlsIdentity().sha256Hex();
        AgentsClient c(m_nam, e);
        const Run run = start(c, QStringLiteral("communicator"), {QStringLiteral("translate-newsletter"), {}});
        QVERIFY(!run.id.isEmpty());
        std::unique_ptr<AgentEventStream> s(c.followRun(run.id, nullptr));
        Follower f;
        f.attach(s.get());
        s->start();
        QVERIFY(waitFor([&] { return f.finished.has_value(); }, 15000));
        QCOMPARE(*f.finished, RunStatus::Succeeded);
        QVERIFY(f.idsContiguous());

        tls.clearRequests();
        Endpoint unpinned = e;
        unpinned.pinnedSha256.clear();
        AgentsClient u(m_nam, unpinned);
        std::unique_ptr<AgentEventStream> us(u.followRun(run.id, nullptr));
        us->setMaxStreamFailures(1);
        us->setPollIntervalMs(50);
        Follower uf;
        uf.attach(us.get());
        us->start();
        QVERIFY(waitFor([&] { return uf.problems.size() >= 2; }));
        for (const ApiError& p : std::as_const(uf.problems))
            QCOMPARE(p.kind, ApiError::Kind::Tls);
        QVERIFY(uf.events.isEmpty());
        QCOMPARE(tls.requests().size(), 0);
    }

    /// The event stream over HTTPS (self-signed), the three cases of trust: unpinned -> refused with the certificate,
    /// pinned -> streams, another certificate than the pinned one -> refused; refused streams never send a request.
    void tlsEventStreamTrust()
    {
        sim::SimHttpServer tls;
        QVERIFY(tls.listen(true));
        sim::SimAgents agents(&tls, QString::fromLatin1(kToken));
        agents.setStepMs(40);
        const QByteArray served = tls.tlsIdentity().sha256Hex();
        Endpoint pinnedEp = endpoint();
        QUrl url = tls.baseUrl();
        url.setPath(sim::SimAgents::apiPrefix());
        pinnedEp.baseUrl = url;
        pinnedEp.pinnedSha256 = served;

        // Pinned: live, the events arrive over the stream.
        AgentsClient pinned(m_nam, pinnedEp);
        const Run run = start(pinned, QStringLiteral("communicator"), {QStringLiteral("translate-newsletter"), {}});
        QVERIFY(!run.id.isEmpty());
        {
            std::unique_ptr<AgentEventStream> s(pinned.followRun(run.id, nullptr));
            Follower f;
            f.attach(s.get());
            s->start();
            QVERIFY(waitFor([&] { return f.finished.has_value(); }, 15000));
            QCOMPARE(*f.finished, RunStatus::Succeeded);
            QVERIFY(f.idsContiguous());
            QVERIFY(f.problems.isEmpty());
            bool streamed = false;
            for (const sim::SimRequest& r : tls.requests())
                streamed = streamed ||
                           (r.path.endsWith(QLatin1String("/events")) && r.header("accept") == "text/event-stream" &&
                            r.header("authorization") == "Bearer " + kToken);
            QVERIFY(streamed);
        }

        // Unpinned, then pinned to another certificate: refused with the certificate seen, nothing sent.
        QString err;
        const sim::TlsIdentity other = sim::TlsIdentity::generate(QStringLiteral("localhost"), &err);
        QVERIFY2(!other.isNull(), qPrintable(err));
        for (const QByteArray& pin : {QByteArray(), other.sha256Hex()}) {
            tls.clearRequests();
            Endpoint ep = pinnedEp;
            ep.pinnedSha256 = pin;
            AgentsClient c(m_nam, ep);
            QSignalSpy untrusted(c.api(), &ApiClient::untrustedCertificate);
            QSignalSpy rejected(c.api(), &ApiClient::certificateRejected);
            std::unique_ptr<AgentEventStream> s(c.followRun(run.id, nullptr));
            s->setMaxStreamFailures(3);
            s->setReconnectDelayMs(20);
            Follower f;
            f.attach(s.get());
            s->start();
            QVERIFY(waitFor([&] { return f.problems.size() >= 2; }));
            s->stop();
            for (const ApiError& p : std::as_const(f.problems)) {
                QCOMPARE(p.kind, ApiError::Kind::Tls);
                QCOMPARE(p.tlsFingerprint, served);
                QCOMPARE(p.tlsCertificate.sha256, served);
                QCOMPARE(p.tlsCertificate.subject, QStringLiteral("localhost"));
                QCOMPARE(p.tlsPinnedSha256, pin);
                QVERIFY2(p.message.contains(QString::fromLatin1(served)), qPrintable(p.message));
                QVERIFY2(p.message.contains(pin.isEmpty() ? QStringLiteral("not trusted") : QStringLiteral("changed")),
                         qPrintable(p.message));
            }
            QVERIFY(f.events.isEmpty());
            QVERIFY(untrusted.size() >= 2);
            QCOMPARE(untrusted.first().at(0).toByteArray(), served);
            QCOMPARE(untrusted.first().at(1).toString(), QStringLiteral("127.0.0.1:%1").arg(tls.port()));
            QCOMPARE(rejected.size(), untrusted.size());
            QCOMPARE(rejected.first().at(0).value<CertificateInfo>().sha256, served);
            QCOMPARE(rejected.first().at(1).toByteArray(), pin);
            QCOMPARE(tls.requests().size(), 0); // the token never left
        }
        hlc::test::evidence("agent event stream over HTTPS (SSE): unpinned and changed certificates refused with the "
                            "certificate details before any request, pinned one streams");
    }

    void faults_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("message");
        QTest::newRow("500") << 0 << int(ApiError::Kind::Server) << QStringLiteral("reported a server error (HTTP 500");
        QTest::newRow("malformed") << 1 << int(ApiError::Kind::Parse)
                                   << QStringLiteral("The answer for /agents is not valid JSON.");
        QTest::newRow("reset") << 2 << int(ApiError::Kind::Network) << QStringLiteral("127.0.0.1:");
        QTest::newRow("hang") << 3 << int(ApiError::Kind::Timeout) << QStringLiteral("did not answer within 0.5 s");
    }

    void faults()
    {
        QFETCH(int, kind);
        QFETCH(int, expected);
        QFETCH(QString, message);
        sim::Fault f;
        if (kind == 0)
            f.status = 500;
        else if (kind == 1)
            f.body = sim::Fault::Body::Malformed;
        else if (kind == 2)
            f.reset = true;
        else
            f.hang = true;
        m_server->setFault("GET", sim::SimAgents::apiPrefix() + QStringLiteral("/agents"), f);
        Endpoint e = endpoint();
        e.timeoutMs = 500;
        AgentsClient c(m_nam, e);
        Capture<Result<QList<Agent>>> cap;
        c.agents(this, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY(!cap.value->ok());
        QCOMPARE(int(cap.value->error().kind), expected);
        QVERIFY2(cap.value->error().message.contains(message), qPrintable(cap.value->error().message));
    }

    void routesMatchContract()
    {
        hlc::test::SpecCheck specCheck;
        HLC_REQUIRE_REAL(specCheck.unavailable());
        const QString spec = specFile();
        QVERIFY2(QFileInfo::exists(spec), qPrintable(spec));
        // Each spec-check starts python (1-2 s each under load, 11 of them before the cancel): the run must still be
        // running when cancelled, so its steps take a minute here.
        m_agents->setStepMs(60000);
        auto check = [&](const QByteArray& method, const QString& path, const Raw& r, int status) {
            QCOMPARE(r.status, status);
            const QString v = specCheck.violations(spec, QString::fromLatin1(method),
                                                   sim::SimAgents::apiPrefix() + path, r.status, r.body);
            QVERIFY2(v.isEmpty(),
                     qPrintable(QStringLiteral("%1 %2: %3\nbody: %4")
                                    .arg(QString::fromLatin1(method), path, v, QString::fromUtf8(r.body))));
        };
        CHECK("GET", QStringLiteral("/agents"), raw("GET", QStringLiteral("/agents")), 200);
        CHECK("GET", QStringLiteral("/agents"), raw("GET", QStringLiteral("/agents"), {}, "application/json", "x"),
              401);
        const Raw started = raw("POST", QStringLiteral("/agents/verifier/runs"), R"({"preset":"verify-newsletter"})");
        CHECK("POST", QStringLiteral("/agents/verifier/runs"), started, 202);
        const QString id = QJsonDocument::fromJson(started.body).object().value(QStringLiteral("id")).toString();
        CHECK("POST", QStringLiteral("/agents/verifier/runs"),
              raw("POST", QStringLiteral("/agents/verifier/runs"), R"({"preset":"verify-newsletter"})"), 409);
        CHECK("POST", QStringLiteral("/agents/verifier/runs"),
              raw("POST", QStringLiteral("/agents/verifier/runs"), R"({"input":{"min_sources":"two"}})"), 400);
        CHECK("POST", QStringLiteral("/agents/nobody/runs"),
              raw("POST", QStringLiteral("/agents/nobody/runs"), R"({"preset":"x"})"), 404);
        CHECK("GET", QStringLiteral("/agents"), raw("GET", QStringLiteral("/agents")), 200); // with a busy agent
        CHECK("GET", QStringLiteral("/runs/") + id, raw("GET", QStringLiteral("/runs/") + id), 200);
        CHECK("GET", QStringLiteral("/runs/none"), raw("GET", QStringLiteral("/runs/none")), 404);
        CHECK("GET", QStringLiteral("/runs"), raw("GET", QStringLiteral("/runs?agent=verifier&limit=5")), 200);
        CHECK("GET", QStringLiteral("/runs"), raw("GET", QStringLiteral("/runs?status=bogus")), 400);
        CHECK("GET", QStringLiteral("/runs/%1/events").arg(id),
              raw("GET", QStringLiteral("/runs/%1/events?after=1").arg(id)), 200);
        CHECK("POST", QStringLiteral("/runs/%1/cancel").arg(id), raw("POST", QStringLiteral("/runs/%1/cancel").arg(id)),
              202);
        CHECK("POST", QStringLiteral("/runs/%1/cancel").arg(id), raw("POST", QStringLiteral("/runs/%1/cancel").arg(id)),
              409);
        // A finished run with output, usage and artifacts.
        m_agents->setStepMs(60);
        const Raw done =
            raw("POST", QStringLiteral("/agents/communicator/runs"), R"({"preset":"translate-newsletter"})");
        const QString doneId = QJsonDocument::fromJson(done.body).object().value(QStringLiteral("id")).toString();
        QVERIFY(waitFor([&] { return m_agents->runStatus(doneId) == QLatin1String("succeeded"); }, 10000));
        CHECK("GET", QStringLiteral("/runs/") + doneId, raw("GET", QStringLiteral("/runs/") + doneId), 200);
        CHECK("GET", QStringLiteral("/runs/%1/events").arg(doneId),
              raw("GET", QStringLiteral("/runs/%1/events").arg(doneId)), 200);
        // The SSE form: text/event-stream, whose data lines are Event objects.
        const Raw sse = raw("GET", QStringLiteral("/runs/%1/events").arg(doneId), {}, "text/event-stream");
        QCOMPARE(sse.status, 200);
        QVERIFY(sse.body.contains("event: status\ndata: {"));
        hlc::test::evidence(QStringLiteral("Simulated agent API: %1 answers (%2 distinct method/path/status) validated "
                                           "against docs/api/agents.openapi.yaml by spec-check")
                                .arg(specCheck.passed())
                                .arg(specCheck.routes()));
    }
};

QTEST_GUILESS_MAIN(TestAgentsClient)
#include "TestAgentsClient.moc"
