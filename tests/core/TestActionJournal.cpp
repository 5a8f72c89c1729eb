// The action journal: the "requested" audit line is on disk before the request reaches the server (n8n webhook and
// agent run, over loopback against the simulator), one outcome line and one notification per outcome kind, server
// text truncated, a secret echoed by a server redacted, a webhook logged by its action id, not its URL path.
#include "TestUtil.h"

#include "SimAgents.h"
#include "SimHttpServer.h"
#include "agents/AgentRunner.h"
#include "agents/WebhookActions.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/NotificationCenter.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kToken = QStringLiteral("n8n-hook-token-7f3a9c");

QList<AuditEntry> linesOf(const QString& path)
{
    QList<AuditEntry> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        if (auto e = AuditLog::fromJsonLine(f.readLine().trimmed()))
            out << *e;
    }
    return out;
}

ActionTarget someTarget()
{
    ActionTarget t;
    t.hostId = QStringLiteral("host-a");
    t.service = ServiceKind::Ollama;
    t.kind = ActionTarget::Kind::Model;
    t.id = QStringLiteral("mistral:7b");
    return t;
}
} // namespace

class TestActionJournal : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<sim::SimHttpServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;

    QString newAuditPath() { return m_dir.filePath(QStringLiteral("audit-%1.jsonl").arg(++m_files)); }

    /// An n8n service on the simulator's server with the webhooks this test routes itself.
    Config n8nConfig() const
    {
        const QByteArray hooks = R"j({"webhooks":[)j"
                                 R"j({"id":"publish","name":"Publish","path":"hidden-path-4711"},)j"
                                 R"j({"id":"echo","name":"Echo","path":"echo-path","headerAuth":"X-Token"},)j"
                                 R"j({"id":"broken","name":"Broken","path":"reset-path"}]})j";
        Config c;
        HostConfig h;
        h.id = QStringLiteral("host-a");
        ServiceConfig s;
        s.id = QStringLiteral("n8n");
        s.kind = ServiceKind::N8n;
        s.baseUrl = m_server->baseUrl();
        s.timeoutMs = 3000;
        s.extra = QJsonDocument::fromJson(hooks).object();
        h.services << s;
        c.hosts << h;
        return c;
    }

    bool runWebhook(WebhookActions& actions, const QString& id)
    {
        bool done = false;
        const auto c = connect(&actions, &WebhookActions::finished, this,
                               [&](const QString&, bool, const QString&) { done = true; });
        const bool started = actions.run(QStringLiteral("host-a/n8n/") + id);
        const bool finished = started && waitFor([&] { return done; });
        disconnect(c);
        return finished;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<sim::SimHttpServer>();
        QVERIFY(m_server->listen(false));
        m_server->route("POST", QStringLiteral("/webhook/hidden-path-4711"), [](const sim::SimRequest&) {
            return sim::SimResponse::json(200, R"({"message":"Workflow was started"})");
        });
        // A server that echoes the caller's token in its error, followed by a long stack trace.
        m_server->route("POST", QStringLiteral("/webhook/echo-path"), [](const sim::SimRequest& r) {
            const QByteArray trace = QByteArray("at Workflow.run (/usr/lib/n8n/core.js:42) ").repeated(40);
            return sim::SimResponse::json(
                500, QJsonDocument(
                         QJsonObject{{QStringLiteral("message"),
                                      QStringLiteral("Token %1 rejected by node 'Auth'. %2")
                                          .arg(QString::fromLatin1(r.header("x-token")), QString::fromLatin1(trace))}})
                         .toJson(QJsonDocument::Compact));
        });
        m_server->route("POST", QStringLiteral("/webhook/reset-path"), [](const sim::SimRequest&) {
            return sim::SimResponse::json(200, R"({"message":"never seen"})");
        });
        sim::Fault reset;
        reset.reset = true;
        m_server->setFault("POST", QStringLiteral("/webhook/reset-path"), reset);

        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        m_secrets->setSessionOnly(true);
    }

    /// The "requested" line is in the file when the webhook's request reaches the server; the outcome after.
    void requestedLineIsWrittenBeforeTheSend()
    {
        AuditLog audit(newAuditPath());
        NotificationCenter notes;
        ActionJournal journal(&audit, &notes);
        ServiceDirectory services(n8nConfig(), m_secrets.get(), m_nam.get());
        WebhookActions actions(&services, &journal);

        QList<AuditEntry> onDiskWhenReceived;
        bool received = false;
        const auto c =
            connect(m_server.get(), &sim::SimHttpServer::requestReceived, this, [&](const sim::SimRequest& r) {
                if (r.path == QLatin1String("/webhook/hidden-path-4711")) {
                    received = true;
                    onDiskWhenReceived = linesOf(audit.path());
                }
            });
        QVERIFY(runWebhook(actions, QStringLiteral("publish")));
        disconnect(c);
        QVERIFY(received);
        QCOMPARE(onDiskWhenReceived.size(), 1);
        QCOMPARE(onDiskWhenReceived.first().outcome, QStringLiteral("requested"));
        QCOMPARE(onDiskWhenReceived.first().action, QStringLiteral("trigger"));

        const QList<AuditEntry> lines = linesOf(audit.path());
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.last().outcome, QStringLiteral("ok"));
        QCOMPARE(lines.last().detail, QStringLiteral("HTTP 200"));
        QCOMPARE(lines.last().service, QStringLiteral("n8n"));
        // Logged by its action id, never by its URL path.
        QCOMPARE(lines.last().target, QStringLiteral("webhook publish (Publish)"));
        QFile f(audit.path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("hidden-path-4711"));
        QCOMPARE(notes.history().size(), 1);
        QCOMPARE(notes.history().first().severity, Notification::Severity::Success);
        QCOMPARE(notes.history().first().title, QStringLiteral("Publish triggered"));
        hlc::test::evidence("action journal: requested line on disk before the webhook reached the simulated n8n");
    }

    /// One outcome line and one notification per outcome kind, with the severity of the kind.
    void oneLineAndOneNotificationPerOutcomeKind()
    {
        using Outcome = ActionJournal::Outcome;
        AuditLog audit(newAuditPath());
        NotificationCenter notes;
        ActionJournal journal(&audit, &notes);
        QSignalSpy finished(&journal, &ActionJournal::finished);

        const auto e1 = journal.begin(someTarget(), QStringLiteral("unload"));
        journal.finish(e1, Outcome::ok(QStringLiteral("Unloaded"), QStringLiteral("memory free")));
        const auto e2 = journal.begin(someTarget(), QStringLiteral("unload"));
        journal.finish(e2, Outcome::failed(QStringLiteral("HTTP 500: model busy"), QStringLiteral("Not unloaded"),
                                           QStringLiteral("model busy")));
        const auto e3 = journal.begin(someTarget(), QStringLiteral("unload"));
        journal.finish(e3, Outcome::unknown(QStringLiteral("connection lost"), QStringLiteral("Check ollama ps."),
                                            QStringLiteral("Unload unknown"), QStringLiteral("connection lost")));
        const auto e4 = journal.begin(someTarget(), QStringLiteral("unload"));
        journal.finish(e4, Outcome::cancelled(QStringLiteral("Cancelled"), QStringLiteral("by you")));
        // An outcome without a title is recorded but not notified (e.g. a cancel whose end is notified later).
        const auto e5 = journal.begin(someTarget(), QStringLiteral("unload"));
        journal.finish(e5, Outcome::ok({}, {}));

        const QList<AuditEntry> lines = linesOf(audit.path());
        QCOMPARE(lines.size(), 10);
        QStringList outcomes;
        for (const AuditEntry& l : lines) {
            outcomes << l.outcome;
            QCOMPARE(l.host, QStringLiteral("host-a"));
            QCOMPARE(l.service, QStringLiteral("ollama"));
            QCOMPARE(l.target, QStringLiteral("mistral:7b"));
            QCOMPARE(l.action, QStringLiteral("unload"));
        }
        QCOMPARE(outcomes,
                 (QStringList{QStringLiteral("requested"), QStringLiteral("ok"), QStringLiteral("requested"),
                              QStringLiteral("failed: HTTP 500: model busy"), QStringLiteral("requested"),
                              QStringLiteral("unknown: connection lost"), QStringLiteral("requested"),
                              QStringLiteral("cancelled"), QStringLiteral("requested"), QStringLiteral("ok")}));
        QCOMPARE(finished.size(), 5);

        const QList<Notification>& n = notes.history();
        QCOMPARE(n.size(), 4);
        QCOMPARE(n.at(0).severity, Notification::Severity::Success);
        QCOMPARE(n.at(1).severity, Notification::Severity::Warning);
        QCOMPARE(n.at(1).body, QStringLiteral("model busy"));
        QCOMPARE(n.at(2).severity, Notification::Severity::Warning);
        QCOMPARE(n.at(2).body, QStringLiteral("connection lost\nCheck ollama ps."));
        QCOMPARE(n.at(3).severity, Notification::Severity::Info);
        for (const Notification& x : n) {
            QCOMPARE(x.hostId, QStringLiteral("host-a"));
            QCOMPARE(x.source, QStringLiteral("actions"));
        }
    }

    /// A connection reset after the POST was sent: the outcome is unknown, and the notification says what to check.
    void brokenConnectionIsAnUnknownOutcome()
    {
        AuditLog audit(newAuditPath());
        NotificationCenter notes;
        ActionJournal journal(&audit, &notes);
        ServiceDirectory services(n8nConfig(), m_secrets.get(), m_nam.get());
        WebhookActions actions(&services, &journal);
        QVERIFY(runWebhook(actions, QStringLiteral("broken")));
        const QList<AuditEntry> lines = linesOf(audit.path());
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.first().outcome, QStringLiteral("requested"));
        QVERIFY2(lines.last().outcome.startsWith(QLatin1String("unknown: ")), qPrintable(lines.last().outcome));
        QCOMPARE(notes.history().size(), 1);
        QCOMPARE(notes.history().first().severity, Notification::Severity::Warning);
        QCOMPARE(notes.history().first().title, QStringLiteral("Broken: outcome unknown"));
        QVERIFY(notes.history().first().body.endsWith(
            QLatin1String("Check in n8n whether the workflow ran before triggering it again.")));
    }

    void serverTextIsTruncated()
    {
        AuditLog audit(newAuditPath());
        NotificationCenter notes;
        ActionJournal journal(&audit, &notes);
        const QString longText = QStringLiteral("x").repeated(5000);
        const auto e = journal.begin(someTarget(), QStringLiteral("unload"));
        ActionJournal::Outcome o = ActionJournal::Outcome::failed(longText, QStringLiteral("Not unloaded"), longText);
        o.detail = longText;
        journal.finish(e, o);

        const AuditEntry line = linesOf(audit.path()).last();
        QCOMPARE(line.outcome.size(), ActionJournal::maxTextLength());
        QVERIFY(line.outcome.startsWith(QLatin1String("failed: xxx")));
        QVERIFY(line.outcome.endsWith(QChar(0x2026)));
        QCOMPARE(line.detail.size(), ActionJournal::maxTextLength());
        QCOMPARE(notes.history().last().body.size(), ActionJournal::maxTextLength());
        QVERIFY(notes.history().last().body.endsWith(QChar(0x2026)));
        // Short text is left alone.
        QCOMPARE(journal.clean(QStringLiteral("HTTP 500")), QStringLiteral("HTTP 500"));
    }

    /// The webhook's header token comes from the SecretStore; the server echoes it in its error. Neither the audit
    /// file nor the notification holds it, and the long error is cut.
    void secretEchoedByTheServerIsRedacted()
    {
        bool written = false;
        m_secrets->write(QStringLiteral("host-a/n8n/echo"), kToken, nullptr,
                         [&](const SecretResult&) { written = true; });
        QVERIFY(waitFor([&] { return written; }));

        AuditLog audit(newAuditPath());
        NotificationCenter notes;
        ActionJournal journal(&audit, &notes);
        journal.redactSecretsOf(m_secrets.get());
        ServiceDirectory services(n8nConfig(), m_secrets.get(), m_nam.get());
        WebhookActions actions(&services, &journal);
        m_server->clearRequests();
        QString shown;
        connect(&actions, &WebhookActions::finished, this,
                [&](const QString&, bool, const QString& message) { shown = message; });
        QVERIFY(runWebhook(actions, QStringLiteral("echo")));
        // The premise: the token was sent and the server's error really carries it back.
        QCOMPARE(m_server->requests().last().header("x-token"), kToken.toUtf8());
        QVERIFY2(shown.contains(kToken), qPrintable(shown));

        QFile f(audit.path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        QVERIFY2(!all.contains(kToken.toUtf8()), all.constData());
        const AuditEntry line = linesOf(audit.path()).last();
        QVERIFY2(line.outcome.startsWith(QLatin1String("failed: ")), qPrintable(line.outcome));
        QVERIFY2(line.outcome.contains(QLatin1String("Token [redacted] rejected")), qPrintable(line.outcome));
        QVERIFY(line.outcome.size() <= ActionJournal::maxTextLength());

        QCOMPARE(notes.history().size(), 1);
        const Notification n = notes.history().first();
        QVERIFY(!n.body.contains(kToken));
        QVERIFY(n.body.contains(QLatin1String("Token [redacted] rejected")));
        QVERIFY(n.body.size() <= ActionJournal::maxTextLength());

        // Redaction is exact and leaves other text alone; too-short values are not taken as secrets.
        journal.addSecret(QStringLiteral("pw"));
        QCOMPARE(journal.redact(QStringLiteral("pw ok ") + kToken), QStringLiteral("pw ok [redacted]"));
    }

    /// The agent run's "requested" line is on disk when its POST reaches the agent platform.
    void agentRunRequestedBeforeThePost()
    {
        sim::SimHttpServer server;
        QVERIFY(server.listen(false));
        sim::SimAgents agents(&server, QStringLiteral("agents-token-5521"));
        agents.setStepMs(50);
        bool written = false;
        m_secrets->write(secretKey(QStringLiteral("host-b"), QStringLiteral("agents")),
                         QStringLiteral("agents-token-5521"), nullptr, [&](const SecretResult&) { written = true; });
        QVERIFY(waitFor([&] { return written; }));

        Config c;
        HostConfig h;
        h.id = QStringLiteral("host-b");
        ServiceConfig s;
        s.id = QStringLiteral("agents");
        s.kind = ServiceKind::Agents;
        QUrl url = server.baseUrl();
        url.setPath(sim::SimAgents::apiPrefix());
        s.baseUrl = url;
        s.auth = AuthScheme::Bearer;
        s.timeoutMs = 3000;
        h.services << s;
        c.hosts << h;

        AuditLog audit(newAuditPath());
        NotificationCenter notes;
        ActionJournal journal(&audit, &notes);
        ServiceDirectory services(c, m_secrets.get(), m_nam.get());
        services.start();
        AgentRunner runner(&services, &journal);
        runner.start(60000);
        QVERIFY(waitFor([&] { return runner.agent(QStringLiteral("content-creator")) != nullptr; }));

        QList<AuditEntry> onDiskAtPost;
        bool posted = false;
        connect(&server, &sim::SimHttpServer::requestReceived, this, [&](const sim::SimRequest& r) {
            if (r.method == "POST" && r.path.endsWith(QLatin1String("/runs"))) {
                posted = true;
                onDiskAtPost = linesOf(audit.path());
            }
        });
        QSignalSpy finished(&runner, &AgentRunner::runFinished);
        runner.runPreset(QStringLiteral("content-creator"), QStringLiteral("weekly-newsletter"));
        QVERIFY(waitFor([&] { return posted; }));
        QCOMPARE(onDiskAtPost.size(), 1);
        QCOMPARE(onDiskAtPost.first().outcome, QStringLiteral("requested"));
        QCOMPARE(onDiskAtPost.first().action, QStringLiteral("run"));
        QCOMPARE(onDiskAtPost.first().target, QStringLiteral("Content Creator: Weekly newsletter"));
        QCOMPARE(onDiskAtPost.first().detail, QStringLiteral("preset weekly-newsletter"));

        QVERIFY(finished.wait(20000));
        const QList<AuditEntry> lines = linesOf(audit.path());
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.last().outcome, QStringLiteral("ok"));
        QCOMPARE(lines.last().target, QStringLiteral("Content Creator: Weekly newsletter"));
        QVERIFY(!lines.last().taskId.isEmpty());
        QCOMPARE(notes.history().size(), 1);
        QCOMPARE(notes.history().first().source, QStringLiteral("agents"));
        QCOMPARE(notes.history().first().severity, Notification::Severity::Success);
        hlc::test::evidence("action journal: agent run's requested line on disk before its POST reached the "
                            "simulated agent platform");
    }
};

QTEST_GUILESS_MAIN(TestActionJournal)
#include "TestActionJournal.moc"
