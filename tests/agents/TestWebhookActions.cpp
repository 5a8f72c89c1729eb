// n8n webhook quick actions over loopback: config parsing, the HTTP result shown, header auth with the secret from
// the keychain store, n8n's 403/404/500 answers; and the buttons in the Agents tab.
#include "TestUtil.h"

#include "SimHttpServer.h"
#include "SimN8n.h"
#include "agents/AgentRunner.h"
#include "agents/AgentsTab.h"
#include "agents/WebhookActions.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/ConfigStore.h"
#include "core/NotificationCenter.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"
#include "n8n/N8nClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QByteArray kWebhooks =
    R"j({"webhooks":[)j"
    R"j({"id":"publish-newsletter","name":"Publish newsletter","path":"publish-newsletter","body":{"issue":48}},)j"
    R"j({"id":"backup","name":"Back up now","path":"homelab-backup","headerAuth":"X-Homelab-Token"},)j"
    R"j({"id":"backup-nosecret","name":"Back up (no secret)","path":"homelab-backup","headerAuth":"X-Homelab-Token"},)j"
    R"j({"id":"report","name":"Weekly report","path":"weekly-report","method":"get"},)j"
    R"j({"id":"inactive","name":"Inactive","path":"not-active"},)j"
    R"j({"id":"broken","name":"Broken","path":"broken-workflow"},)j"
    R"j({"id":"Bad Id","path":"x"},)j"
    R"j({"id":"no-path"}]})j";
}

class TestWebhookActions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sim::SimHttpServer> m_server;
    std::unique_ptr<sim::SimN8n> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<NotificationCenter> m_notes;
    std::unique_ptr<ActionJournal> m_journal;
    std::unique_ptr<ServiceDirectory> m_services;
    std::unique_ptr<WebhookActions> m_actions;

    struct Outcome
    {
        bool ok = false;
        QString message;
    };
    Outcome runAndWait(const QString& id)
    {
        const QString key = QStringLiteral("host-a/n8n/") + id;
        std::optional<Outcome> out;
        QMetaObject::Connection c = connect(m_actions.get(), &WebhookActions::finished, this,
                                            [&](const QString& k, bool ok, const QString& msg) {
                                                if (k == key)
                                                    out = Outcome{ok, msg};
                                            });
        if (!m_actions->run(key))
            return {false, QStringLiteral("not started")};
        waitFor([&] { return out.has_value(); });
        disconnect(c);
        return out.value_or(Outcome{false, QStringLiteral("timeout")});
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = std::make_unique<sim::SimHttpServer>();
        QVERIFY(m_server->listen(false));
        m_sim = std::make_unique<sim::SimN8n>(m_server.get(), "backup-secret-42");
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        m_secrets->setSessionOnly(true);
        bool done = false;
        m_secrets->write(QStringLiteral("host-a/n8n/backup"), QStringLiteral("backup-secret-42"), nullptr,
                         [&](const SecretResult&) { done = true; });
        QVERIFY(waitFor([&] { return done; }));
        m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit.jsonl")));
        m_notes = std::make_unique<NotificationCenter>();
        m_journal = std::make_unique<ActionJournal>(m_audit.get(), m_notes.get());
        Config c;
        HostConfig h;
        h.id = QStringLiteral("host-a");
        ServiceConfig s;
        s.id = QStringLiteral("n8n");
        s.kind = ServiceKind::N8n;
        s.baseUrl = m_server->baseUrl();
        s.timeoutMs = 3000;
        s.extra = QJsonDocument::fromJson(kWebhooks).object();
        QVERIFY(!s.extra.isEmpty());
        h.services << s;
        c.hosts << h;
        m_services = std::make_unique<ServiceDirectory>(c, m_secrets.get(), m_nam.get());
        m_actions = std::make_unique<WebhookActions>(m_services.get(), m_journal.get());
    }

    void configParsing()
    {
        QCOMPARE(m_actions->actions().size(), 6);
        QCOMPARE(m_actions->problems().size(), 2);
        QCOMPARE(m_actions->actions().at(3).action.method, QByteArray("GET"));
        QCOMPARE(m_actions->actions().at(0).action.body, QByteArray(R"({"issue":48})"));
        QCOMPARE(m_actions->actions().at(1).key(), QStringLiteral("host-a/n8n/backup"));
    }

    void fromConfigFile()
    {
        // The documented form in a configuration file: kept in the service's extra keys, round-trips on save.
        const QByteArray file = R"j({"version":1,"hosts":[{"id":"host-a","name":"pve-thinkpad","services":[)j"
                                R"j({"id":"n8n","kind":"n8n","baseUrl":"http://192.168.16.7:5678","webhooks":[)j"
                                R"j({"id":"backup","name":"Back up now","path":"homelab-backup",)j"
                                R"j("headerAuth":"X-Homelab-Token","body":{"hosts":["host-a"]}}]}]}]})j";
        const auto parsed = ConfigStore::parse(file, QStringLiteral("config.json"));
        QVERIFY2(std::holds_alternative<Config>(parsed),
                 qPrintable(std::holds_alternative<ConfigError>(parsed) ? std::get<ConfigError>(parsed).toString()
                                                                        : QString()));
        const Config c = std::get<Config>(parsed);
        ServiceDirectory services(c, m_secrets.get(), m_nam.get());
        WebhookActions actions(&services, m_journal.get());
        QCOMPARE(actions.actions().size(), 1);
        QCOMPARE(actions.actions().first().action.headerName, QStringLiteral("X-Homelab-Token"));
        QCOMPARE(actions.actions().first().action.body, QByteArray(R"j({"hosts":["host-a"]})j"));
        QVERIFY(ConfigStore::serialize(c).contains("homelab-backup"));
    }

    void publishShowsResult()
    {
        QSignalSpy posted(m_notes.get(), &NotificationCenter::posted);
        const Outcome o = runAndWait(QStringLiteral("publish-newsletter"));
        QVERIFY(o.ok);
        QCOMPARE(o.message, QStringLiteral("HTTP 200: Workflow was started"));
        QCOMPARE(m_sim->calls().last().body, QByteArray(R"({"issue":48})"));
        QCOMPARE(posted.size(), 1);
        QCOMPARE(posted.first().first().value<Notification>().title, QStringLiteral("Publish newsletter triggered"));
        QCOMPARE(m_audit->entries().last().outcome, QStringLiteral("ok"));
        hlc::test::evidence("n8n webhook quick action called the simulated n8n /webhook/<path> over loopback");
    }

    void headerAuth()
    {
        const Outcome ok = runAndWait(QStringLiteral("backup"));
        QVERIFY2(ok.ok, qPrintable(ok.message));
        QVERIFY(ok.message.startsWith(QStringLiteral("HTTP 200: {\"backup\":\"started\"")));
        QVERIFY(m_sim->calls().last().authorized);
        QVERIFY(!m_audit->entries().last().detail.contains(QStringLiteral("backup-secret-42")));

        const Outcome missing = runAndWait(QStringLiteral("backup-nosecret"));
        QVERIFY(!missing.ok);
        QCOMPARE(missing.message, QStringLiteral("No secret for the header X-Homelab-Token of Back up (no secret) is "
                                                 "stored (keychain key host-a/n8n/backup-nosecret)."));

        bool done = false;
        m_secrets->write(QStringLiteral("host-a/n8n/backup-nosecret"), QStringLiteral("wrong"), nullptr,
                         [&](const SecretResult&) { done = true; });
        QVERIFY(waitFor([&] { return done; }));
        const Outcome wrong = runAndWait(QStringLiteral("backup-nosecret"));
        QVERIFY(!wrong.ok);
        QCOMPARE(wrong.message,
                 QStringLiteral("n8n refused the webhook's credentials (HTTP 403): Authorization data is wrong!"));
    }

    void errors()
    {
        const Outcome report = runAndWait(QStringLiteral("report"));
        QVERIFY(report.ok);
        QVERIFY(report.message.contains(QStringLiteral("\"week\":48")));
        const Outcome inactive = runAndWait(QStringLiteral("inactive"));
        QVERIFY(!inactive.ok);
        QVERIFY2(
            inactive.message.startsWith(QStringLiteral("n8n does not know this webhook (HTTP 404): is the workflow "
                                                       "active? The requested webhook \"POST not-active\" is not "
                                                       "registered.")),
            qPrintable(inactive.message));
        const Outcome broken = runAndWait(QStringLiteral("broken"));
        QVERIFY(!broken.ok);
        QVERIFY2(broken.message.endsWith(QStringLiteral("Error in workflow")), qPrintable(broken.message));
        QVERIFY(broken.message.contains(QStringLiteral("HTTP 500")));
    }

    void buttonsInAgentsTab()
    {
        Config empty;
        ServiceDirectory services(empty, m_secrets.get(), m_nam.get());
        AgentRunner runner(&services, m_journal.get());
        AgentsTab tab(&runner);
        tab.setWebhookActions(m_actions.get());
        tab.show();
        QVERIFY(tab.findChild<QLabel*>(QStringLiteral("noAgentsLabel")));
        auto* b = tab.findChild<QPushButton*>(QStringLiteral("webhook_publish-newsletter"));
        QVERIFY(b);
        b->click();
        auto* result = tab.findChild<QLabel*>(QStringLiteral("webhookResult_publish-newsletter"));
        QVERIFY(waitFor([result] { return result->text().startsWith(QStringLiteral("HTTP")); }));
        QCOMPARE(result->text(), QStringLiteral("HTTP 200: Workflow was started"));
        QVERIFY(b->isEnabled());
    }
};

QTEST_MAIN(TestWebhookActions)
#include "TestWebhookActions.moc"
