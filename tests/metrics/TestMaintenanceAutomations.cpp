// Home Assistant automations turned off for a maintenance window and back on after it, against the simulated
// homelab's Home Assistant over its real WebSocket: chosen in the Maintenance dialog or on the settings page, each
// turn confirmed by the state Home Assistant pushes, audited; one that was off already is left off; one that cannot
// be turned back on (Home Assistant unreachable, the app closed) is turned on later, also after a restart.
#include "DemoSetup.h"
#include "SimHomeAssistant.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "core/AuditLog.h"
#include "core/Homelab.h"
#include "core/SecretStore.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeServices.h"
#include "metrics/MaintenanceDialog.h"
#include "metrics/MaintenanceManager.h"
#include "settings/MaintenanceSettingsPage.h"

#include <QListWidget>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace hlc;
using hlc::test::waitFor;

namespace {

const QString kAutomation = QStringLiteral("automation.hallway_sunset");

/// Home Assistant as the app sees it, but switchable to "not reachable" (empty state) for the restore-later case;
/// turns go to the real switch (the app's HomeServices over the WebSocket).
class GatedSwitch final : public AutomationSwitch
{
public:
    explicit GatedSwitch(AutomationSwitch* real)
        : m_real(real)
    {}
    bool reachable = true;
    int turns = 0;
    [[nodiscard]] QList<AutomationInfo> automations() const override
    {
        return reachable ? m_real->automations() : QList<AutomationInfo>();
    }
    [[nodiscard]] QString automationState(const QString& id) const override
    {
        return reachable ? m_real->automationState(id) : QString();
    }
    void setAutomationEnabled(const QString& id, bool on, Done done) override
    {
        ++turns;
        m_real->setAutomationEnabled(id, on, std::move(done));
    }

private:
    AutomationSwitch* m_real;
};

} // namespace

class TestMaintenanceAutomations : public QObject
{
    Q_OBJECT

    std::unique_ptr<sim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Homelab> m_homelab;
    sim::SimHomeAssistant* m_ha = nullptr;

    [[nodiscard]] QString simState() const
    {
        const sim::SimEntity* e = m_ha->entity(kAutomation);
        return e ? e->state : QString();
    }
    [[nodiscard]] QString appState() const { return m_homelab->home()->automationState(kAutomation); }
    /// Audit entries of this test function (the log is the test user's, kept between runs).
    [[nodiscard]] int auditCount(const QString& action, const QString& outcome) const
    {
        int n = 0;
        const QList<AuditEntry> entries = m_homelab->audit()->entries();
        for (qsizetype i = m_auditBase; i < entries.size(); ++i) {
            const AuditEntry& e = entries.at(i);
            n += e.action == action && e.outcome == outcome && e.detail == kAutomation ? 1 : 0;
        }
        return n;
    }
    qsizetype m_auditBase = 0;
    /// Sets the automation in Home Assistant (as the operator would there) and waits until the app has seen it.
    bool setInHomeAssistant(bool on)
    {
        bool done = false;
        bool ok = false;
        m_homelab->home()->setAutomationEnabled(kAutomation, on, [&](bool o, const QString&) {
            done = true;
            ok = o;
        });
        return waitFor([&] { return done; }, 15000) && ok &&
               appState() == (on ? QLatin1String("on") : QLatin1String("off"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<sim::Simulator>();
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        m_ha = m_sim->findChild<sim::SimHomeAssistant*>();
        QVERIFY(m_ha);
        QCOMPARE(simState(), QStringLiteral("on"));
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        demo::storeSecrets(*m_sim, m_secrets.get());
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 700;
        m_homelab = std::make_unique<Homelab>(config, QString(), m_secrets.get(), m_nam.get());
        m_homelab->start();
        QVERIFY(waitFor([&] { return appState() == QLatin1String("on"); }, 20000));
        HomeAssistantLink* link = m_homelab->home()->homeAssistant(QStringLiteral("host-a"));
        QVERIFY(link);
        QCOMPARE(link->mode(), HomeAssistantLink::Mode::Live);
    }

    void init() { m_auditBase = m_homelab->audit()->entries().size(); }

    void cleanupTestCase()
    {
        m_homelab.reset();
        m_sim.reset();
    }

    void dialogChoosesAutomationTurnedOffAndBackOn()
    {
        MaintenanceManager* maintenance = m_homelab->maintenance();
        QVERIFY(maintenance->automationSwitch());
        MaintenanceDialog d(maintenance, QStringLiteral("host-b"));
        auto* list = d.findChild<QListWidget*>(QStringLiteral("maintenanceAutomationsList"));
        QVERIFY(list);
        QListWidgetItem* row = nullptr;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(Qt::UserRole).toString() == kAutomation)
                row = list->item(i);
        }
        QVERIFY2(row, "the dialog lists the simulated Home Assistant's automation");
        QVERIFY2(row->text().contains(QLatin1String("Hallway Light at Sunset")), qPrintable(row->text()));
        QVERIFY(d.automations().isEmpty());
        row->setCheckState(Qt::Checked);
        QCOMPARE(d.automations(), QStringList{kAutomation});
        if (const QString shots = qEnvironmentVariable("HLC_INBOX_SCREENSHOT_DIR"); !shots.isEmpty()) {
            d.show();
            QTest::qWait(200);
            QVERIFY(d.grab().save(shots + QStringLiteral("/maintenance-automations.png")));
            d.hide();
        }

        QSignalSpy said(maintenance, &MaintenanceManager::actionFinished);
        maintenance->startNow(d.hostId(), d.minutes(), QStringLiteral("GPU swap"), d.automations());
        QCOMPARE(maintenance->active().size(), 1);
        const QString key = maintenance->active().first().key;
        // Turned off in Home Assistant, confirmed by the pushed state, remembered for the end.
        QVERIFY(waitFor([&] { return simState() == QLatin1String("off"); }, 15000));
        QVERIFY(
            waitFor([&] { return maintenance->active().first().automationsOff == QStringList{kAutomation}; }, 15000));
        QVERIFY(maintenance->active().first().automations.isEmpty());
        QCOMPARE(appState(), QStringLiteral("off"));
        QCOMPARE(auditCount(QStringLiteral("maintenance-automation-off"), QStringLiteral("ok")), 1);
        bool told = false;
        for (const QList<QVariant>& args : std::as_const(said))
            told = told || args.at(1).toString() ==
                               QStringLiteral("Automation Hallway Light at Sunset is off for the maintenance window.");
        QVERIFY(told);

        // Ending the window turns it back on.
        maintenance->endNow(key);
        QVERIFY(waitFor([&] { return simState() == QLatin1String("on"); }, 15000));
        QVERIFY(waitFor([&] { return maintenance->automationsToRestore().isEmpty(); }, 15000));
        QCOMPARE(auditCount(QStringLiteral("maintenance-automation-on"), QStringLiteral("ok")), 1);
        hlc::test::evidence(QStringLiteral("maintenance of host-b with %1 chosen in the dialog: Home Assistant "
                                           "state on -> off at the start, off -> on at the end, both audited ok")
                                .arg(kAutomation));
    }

    void automationOffAlreadyIsLeftOff()
    {
        QVERIFY(setInHomeAssistant(false));
        MaintenanceManager* maintenance = m_homelab->maintenance();
        maintenance->startNow(QStringLiteral("host-a"), 15, QString(), {kAutomation});
        QVERIFY(waitFor([&] { return maintenance->active().first().automations.isEmpty(); }, 15000));
        QVERIFY(maintenance->active().first().automationsOff.isEmpty());
        QCOMPARE(auditCount(QStringLiteral("maintenance-automation-off"), QStringLiteral("skipped: off")), 1);
        maintenance->endNow(maintenance->active().first().key);
        QTest::qWait(1500); // nothing is sent now: an ended window with nothing to restore
        QCOMPARE(simState(), QStringLiteral("off"));
        QVERIFY(maintenance->automationsToRestore().isEmpty());
        QVERIFY(setInHomeAssistant(true));
    }

    void restoredLaterWhenUnreachableAndAfterARestart()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString state = dir.filePath(QStringLiteral("maintenance.json"));
        GatedSwitch gate(m_homelab->home());
        QDateTime now = QDateTime::currentDateTimeUtc();
        {
            MaintenanceManager first(m_homelab->journal(), nullptr, state);
            first.setConfig(m_homelab->config());
            first.setClock([&] { return now; });
            first.setAutomationSwitch(&gate);
            first.startNow(QStringLiteral("host-a"), 30, QStringLiteral("UPS test"), {kAutomation});
            QVERIFY(waitFor([&] { return simState() == QLatin1String("off"); }, 15000));
            QVERIFY(waitFor([&] { return !first.active().first().automationsOff.isEmpty(); }, 15000));
        } // the app is closed during the window

        // Next start, after the window's end, while Home Assistant does not answer: kept, not lost.
        gate.reachable = false;
        now = now.addSecs(31 * 60);
        MaintenanceManager second(m_homelab->journal(), nullptr, state);
        second.setConfig(m_homelab->config());
        second.setClock([&] { return now; });
        second.setAutomationSwitch(&gate);
        QVERIFY(second.active().isEmpty());
        QCOMPARE(second.automationsToRestore(), QStringList{kAutomation});
        QCOMPARE(simState(), QStringLiteral("off"));
        const QByteArray saved = [&] {
            QFile f(state);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY2(saved.contains("\"restoreAutomations\""), saved.constData());
        QCOMPARE(QFile(state).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());

        // Home Assistant answers again: the next tick turns it on.
        gate.reachable = true;
        second.tick();
        QVERIFY(waitFor([&] { return simState() == QLatin1String("on"); }, 15000));
        QVERIFY(waitFor([&] { return second.automationsToRestore().isEmpty(); }, 15000));
        QVERIFY(waitFor([&] { return appState() == QLatin1String("on"); }, 15000));
        hlc::test::evidence(QStringLiteral("window ended while the app was closed and Home Assistant unreachable: "
                                           "%1 kept in the 0600 state file, turned on after %2 turns once it answered")
                                .arg(kAutomation)
                                .arg(gate.turns));
    }

    void settingsPageKeepsChosenAutomations()
    {
        Config config = m_homelab->config();
        MaintenanceSettingsPage page(&config);
        page.setKnownAutomations(m_homelab->home()->automations());
        page.addWindow();
        auto* button = qobject_cast<QToolButton*>(page.table()->cellWidget(0, 5));
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("None"));
        QAction* choice = nullptr;
        for (QAction* a : button->menu()->actions()) {
            if (a->data().toString() == kAutomation)
                choice = a;
        }
        QVERIFY(choice);
        choice->setChecked(true);
        QCOMPARE(button->text(), QStringLiteral("1 automation"));
        QCOMPARE(page.commit(nullptr), QString());
        const QList<MaintenanceWindow> windows = MaintenanceWindow::fromConfig(config);
        QCOMPARE(windows.size(), 1);
        QCOMPARE(windows.first().automations, QStringList{kAutomation});

        // Reopened while Home Assistant is unknown: the choice stays, shown by its id.
        MaintenanceSettingsPage again(&config);
        QCOMPARE(again.automationsOf(0), QStringList{kAutomation});
        QCOMPARE(again.commit(nullptr), QString());
        QCOMPARE(MaintenanceWindow::fromConfig(config).first().automations, QStringList{kAutomation});
    }
};

QTEST_MAIN(TestMaintenanceAutomations)
#include "TestMaintenanceAutomations.moc"
