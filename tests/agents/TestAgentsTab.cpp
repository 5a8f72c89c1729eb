// The Agents tab end to end over loopback: simulated agent API -> AgentsClient -> AgentRunner -> AgentsTab.
// Clicks a preset, watches the live log stream in, sees the run succeed with markdown output and a notification;
// cancels; a failing preset; the form validates locally and shows the server's field errors at the fields.
#include "TestUtil.h"

#include "SimAgents.h"
#include "SimHttpServer.h"
#include "agents/AgentRunDialog.h"
#include "agents/AgentRunner.h"
#include "agents/AgentsTab.h"
#include "agents/RunHistoryModel.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/MessageBox.h"
#include "core/NotificationCenter.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>

using namespace hlc;
using namespace hlc::agents;
using hlc::test::waitFor;

class TestAgentsTab : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sim::SimHttpServer> m_server;
    std::unique_ptr<sim::SimAgents> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<NotificationCenter> m_notes;
    std::unique_ptr<ActionJournal> m_journal;
    std::unique_ptr<ServiceDirectory> m_services;
    std::unique_ptr<AgentRunner> m_runner;
    std::unique_ptr<AgentsTab> m_tab;

    template<typename T> T* find(const QString& name) const { return m_tab->findChild<T*>(name); }
    QString log() const { return find<QPlainTextEdit>(QStringLiteral("runLog"))->toPlainText(); }
    QString status() const { return find<QLabel>(QStringLiteral("runStatusLabel"))->text(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<sim::SimHttpServer>();
        QVERIFY(m_server->listen(false));
        m_sim = std::make_unique<sim::SimAgents>(m_server.get(), QStringLiteral("tab-token"));
        m_sim->setStepMs(80);
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        m_secrets->setSessionOnly(true);
        bool written = false;
        m_secrets->write(secretKey(QStringLiteral("host-b"), QStringLiteral("agents")), QStringLiteral("tab-token"),
                         nullptr, [&](const SecretResult&) { written = true; });
        QVERIFY(waitFor([&] { return written; }));
        m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit.jsonl")));
        m_notes = std::make_unique<NotificationCenter>();
        m_journal = std::make_unique<ActionJournal>(m_audit.get(), m_notes.get());

        Config c;
        HostConfig h;
        h.id = QStringLiteral("host-b");
        h.name = QStringLiteral("pve-ryzen");
        ServiceConfig s;
        s.id = QStringLiteral("agents");
        s.kind = ServiceKind::Agents;
        QUrl url = m_server->baseUrl();
        url.setPath(sim::SimAgents::apiPrefix());
        s.baseUrl = url;
        s.auth = AuthScheme::Bearer;
        s.timeoutMs = 3000;
        h.services << s;
        c.hosts << h;
        m_services = std::make_unique<ServiceDirectory>(c, m_secrets.get(), m_nam.get());
        m_services->start();
        m_runner = std::make_unique<AgentRunner>(m_services.get(), m_journal.get());
        QVERIFY(m_runner->isConfigured());
        m_tab = std::make_unique<AgentsTab>(m_runner.get());
        m_tab->resize(1200, 800);
        m_tab->show();
        m_runner->start(60000);
        QVERIFY(waitFor(
            [this] { return find<QPushButton>(QStringLiteral("runPreset_content-creator_weekly-newsletter")); }));
    }

    void cardsShowAgentsAndPresets()
    {
        for (const QString& id : m_sim->agentIds()) {
            QVERIFY2(find<QWidget>(QStringLiteral("agentCard_%1").arg(id)), qPrintable(id));
            QCOMPARE(find<QLabel>(QStringLiteral("agentStatus_%1").arg(id))->text(), QStringLiteral("Status: idle"));
            QVERIFY(find<QPushButton>(QStringLiteral("customRun_%1").arg(id)));
        }
        QVERIFY(find<QPushButton>(QStringLiteral("runPreset_researcher_tech-trend-next-year")));
        QCOMPARE(find<QPushButton>(QStringLiteral("runPreset_researcher_tech-trend-next-year"))->text(),
                 QStringLiteral("▶ Tech trend: next year"));
    }

    void oneClickPresetStreamsToSuccess()
    {
        QSignalSpy posted(m_notes.get(), &NotificationCenter::posted);
        // Slow enough steps that "still running while its log streamed in" holds on a loaded CI machine too.
        m_sim->setStepMs(400);
        const auto restoreStep = qScopeGuard([this] { m_sim->setStepMs(80); });
        auto* button = find<QPushButton>(QStringLiteral("runPreset_content-creator_weekly-newsletter"));
        button->click();
        // The run is shown at once and its log streams in while it runs.
        QVERIFY(waitFor([this] { return status() == QLatin1String("running"); }));
        QVERIFY(waitFor([this] { return log().contains(QStringLiteral("Drafting the outline")); }));
        QVERIFY2(status() == QLatin1String("running"), qPrintable(status())); // still running: it streamed live
        QVERIFY(waitFor([this] {
            return find<QLabel>(QStringLiteral("agentStatus_content-creator"))->text().contains(QStringLiteral("busy"));
        }));
        QVERIFY(waitFor([this] { return status() == QLatin1String("succeeded"); }, 30000));
        QCOMPARE(find<QProgressBar>(QStringLiteral("runProgress"))->value(), 1000);
        QVERIFY(log().contains(QStringLiteral("== succeeded")));
        QVERIFY(!find<QPushButton>(QStringLiteral("cancelRunButton"))->isEnabled());
        // The final state (output, usage) is fetched right after the final status event; then the notification.
        QVERIFY(waitFor([&] { return !posted.isEmpty(); }));
        const QString output = find<QTextBrowser>(QStringLiteral("runOutput"))->toPlainText();
        QVERIFY2(output.contains(QStringLiteral("Content Creator: Homelab & KI: Wochenrückblick")), qPrintable(output));
        QVERIFY(output.contains(QStringLiteral("content.md")));
        QVERIFY(output.contains(QStringLiteral("tokens")));
        const auto n = posted.last().first().value<Notification>();
        QCOMPARE(n.title, QStringLiteral("Content Creator: Weekly newsletter finished"));
        QCOMPARE(n.severity, Notification::Severity::Success);
        QCOMPARE(n.source, QStringLiteral("agents"));
        QVERIFY(n.body.startsWith(QStringLiteral("Run run-")));
        // The history and the audit log.
        auto* table = find<QTableView>(QStringLiteral("runHistoryTable"));
        QVERIFY(table->model()->rowCount() >= 1);
        QVERIFY(waitFor([this] {
            return find<QLabel>(QStringLiteral("agentStatus_content-creator"))->text() == QLatin1String("Status: idle");
        }));
        QVERIFY(
            find<QLabel>(QStringLiteral("agentLastRun_content-creator"))->text().contains(QStringLiteral("succeeded")));
        const QList<AuditEntry> audit = m_audit->entries();
        QVERIFY(audit.size() >= 2);
        QCOMPARE(audit.at(audit.size() - 2).outcome, QStringLiteral("requested"));
        QCOMPARE(audit.last().outcome, QStringLiteral("ok"));
        QCOMPARE(audit.last().target, QStringLiteral("Content Creator: Weekly newsletter"));
        QVERIFY(!m_audit->path().isEmpty());
        QFile f(m_audit->path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("tab-token"));
        hlc::test::evidence("Agents tab: one-click preset run streamed its log live from the simulated agent API "
                            "to success, markdown output shown, notification posted");
    }

    void failingPresetNotifies()
    {
        QSignalSpy posted(m_notes.get(), &NotificationCenter::posted);
        find<QPushButton>(QStringLiteral("runPreset_researcher_investment-scan"))->click();
        QVERIFY(waitFor([this] { return status() == QLatin1String("failed"); }, 15000));
        QVERIFY(
            find<QTextBrowser>(QStringLiteral("runOutput"))->toPlainText().contains(QStringLiteral("quota exhausted")));
        QVERIFY(waitFor([&] { return !posted.isEmpty(); }));
        const auto n = posted.last().first().value<Notification>();
        QCOMPARE(n.severity, Notification::Severity::Critical);
        QCOMPARE(n.title, QStringLiteral("Researcher: Investment opportunities failed"));
    }

    void cancelFromTheTab()
    {
        m_sim->setStepMs(400);
        find<QPushButton>(QStringLiteral("runPreset_analyst_weekly-kpi"))->click();
        QVERIFY(waitFor([this] { return status() == QLatin1String("running"); }));
        auto* cancel = find<QPushButton>(QStringLiteral("cancelRunButton"));
        QVERIFY(cancel->isEnabled());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        cancel->click();
        QVERIFY(MessageBox::lastQuestion().startsWith(QStringLiteral("Cancel Analyst: Weekly KPI report")));
        QVERIFY(waitFor([this] { return status() == QLatin1String("cancelled"); }));
        QVERIFY(log().contains(QStringLiteral("Cancelled by the operator")));
        m_sim->setStepMs(80);
    }

    void busyAgentShowsMessage()
    {
        m_sim->setStepMs(400);
        find<QPushButton>(QStringLiteral("runPreset_project-manager_create-newsletter"))->click();
        QVERIFY(waitFor([this] { return status() == QLatin1String("running"); }));
        find<QPushButton>(QStringLiteral("runPreset_project-manager_research-and-analyse"))->click();
        auto* msg = find<QLabel>(QStringLiteral("agentsActionMessage"));
        QVERIFY(waitFor([msg] { return msg->isVisible(); }));
        QVERIFY2(msg->text().contains(QStringLiteral("is busy with run")), qPrintable(msg->text()));
        m_sim->setStepMs(40);
        QVERIFY(waitFor([this] { return status() == QLatin1String("succeeded"); }, 15000));
        m_sim->setStepMs(80);
    }

    void formValidatesLocally()
    {
        find<QPushButton>(QStringLiteral("customRun_content-creator"))->click();
        auto* dlg = m_tab->findChild<AgentRunDialog*>(QStringLiteral("agentRunDialog"));
        QVERIFY(dlg);
        QVERIFY(waitFor([dlg] { return dlg->isVisible(); }));
        const int runsBefore = m_sim->runCount();
        dlg->findChild<QLineEdit*>(QStringLiteral("field_topic"))->setText(QString());
        dlg->findChild<QLineEdit*>(QStringLiteral("field_target_duration"))->setText(QStringLiteral("90"));
        dlg->findChild<QPushButton*>(QStringLiteral("startRunButton"))->click();
        auto* topicError = dlg->findChild<QLabel*>(QStringLiteral("fieldError_topic"));
        QVERIFY(topicError->isVisible());
        QCOMPARE(topicError->text(), QStringLiteral("Topic is required."));
        QCOMPARE(dlg->findChild<QLabel*>(QStringLiteral("fieldError_target_duration"))->text(),
                 QStringLiteral("Duration (min) must be between 1 and 60."));
        QTest::qWait(100);
        QCOMPARE(m_sim->runCount(), runsBefore); // nothing was sent

        dlg->findChild<QLineEdit*>(QStringLiteral("field_topic"))->setText(QStringLiteral("Proxmox backups"));
        dlg->findChild<QLineEdit*>(QStringLiteral("field_target_duration"))->setText(QStringLiteral("10"));
        QPointer<AgentRunDialog> guard(dlg);
        dlg->findChild<QPushButton*>(QStringLiteral("startRunButton"))->click();
        QVERIFY(waitFor([guard] { return !guard || !guard->isVisible(); }));
        QCOMPARE(m_sim->runCount(), runsBefore + 1);
        QVERIFY(waitFor([this] { return status() == QLatin1String("succeeded"); }, 15000));
        QVERIFY(find<QLabel>(QStringLiteral("runTitle"))
                    ->text()
                    .startsWith(QStringLiteral("Content Creator (custom input)")));
    }

    void formShowsServerFieldErrors()
    {
        // A schema that is out of date on our side (no maxLength): the server's 400 names the field.
        Agent stale = *m_runner->agent(QStringLiteral("content-creator"));
        for (InputField& f : stale.inputSchema.fields) {
            if (f.name == QLatin1String("topic"))
                f.maxLength = 0;
        }
        auto* dlg = new AgentRunDialog(m_runner.get(), stale, m_tab.get());
        dlg->show();
        dlg->findChild<QLineEdit*>(QStringLiteral("field_topic"))->setText(QString(300, QLatin1Char('x')));
        dlg->findChild<QPushButton*>(QStringLiteral("startRunButton"))->click();
        auto* topicError = dlg->findChild<QLabel*>(QStringLiteral("fieldError_topic"));
        QVERIFY(waitFor([topicError] { return topicError->isVisible(); }));
        QCOMPARE(topicError->text(), QStringLiteral("longer than 200 characters"));
        QVERIFY(dlg->isVisible());
        dlg->close();
    }

    void historyModel()
    {
        RunHistoryModel model(m_runner.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.rowCount() >= 4);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const int before = model.rowCount();
        find<QPushButton>(QStringLiteral("runPreset_verifier_verify-newsletter"))->click();
        QVERIFY(waitFor([&] { return model.rowCount() == before + 1; }));
        QVERIFY(waitFor([this] { return status() == QLatin1String("succeeded"); }, 15000));
        const QString runId = find<QLabel>(QStringLiteral("runTitle"))->text().section(QStringLiteral(" · "), 1);
        QVERIFY(waitFor([&] {
            const int r = model.rowOfKey(runId);
            return r >= 0 && model.index(r, RunHistoryModel::Tokens).data(RunHistoryModel::RawRole).toLongLong() > 0;
        }));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        const int row = model.rowOfKey(runId);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, RunHistoryModel::Status).data().toString(), QStringLiteral("succeeded"));
        QVERIFY(model.index(row, RunHistoryModel::Tokens).data(RunHistoryModel::RawRole).toLongLong() > 0);
        QVERIFY(model.index(row, RunHistoryModel::Started).data(RunHistoryModel::RawRole).toDateTime().isValid());
    }

    void cleanupTestCase()
    {
        m_tab.reset();
        m_runner.reset();
    }
};

QTEST_MAIN(TestAgentsTab)
#include "TestAgentsTab.moc"
