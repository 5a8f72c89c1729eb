// The settings dialog against the simulator, in-process: every change is saved (atomically, 0600, unknown keys kept)
// and applied live without a restart; a removed service is asked for, stops polling and loses its keychain secret; a
// webhook header secret typed in the dialog goes to the keychain and never into the file.
#include "TestUtil.h"

#include "AppSession.h"
#include "AppShell.h"
#include "DemoSetup.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "core/AppPreferences.h"
#include "core/ConfigStore.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/MessageBox.h"
#include "core/SecretStore.h"
#include "metrics/AlertCenter.h"
#include "metrics/NotificationSettings.h"
#include "settings/HostSettingsPage.h"
#include "settings/SettingsDialog.h"
#include "setup/HostSetupDialog.h"
#include "setup/ServiceSetupPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace hlc;
using hlc::test::waitFor;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sim::Simulator> m_sim;
    QNetworkAccessManager m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AppSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    QString m_path;

    static QByteArray readFile(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static QJsonObject readJson(const QString& path) { return QJsonDocument::fromJson(readFile(path)).object(); }

    /// The simulator's homelab as the user's config file, with keys from a newer version at every level.
    void startConfigured()
    {
        Config c = demo::configFor(*m_sim);
        c.refreshIntervalMs = 1000;
        c.extra.insert(QStringLiteral("futureTopLevel"), QJsonObject{{QStringLiteral("answer"), 42}});
        c.hosts[0].extra.insert(QStringLiteral("futureHostKey"), QStringLiteral("kept"));
        c.hosts[0].services[0].extra.insert(QStringLiteral("futureServiceKey"), true);
        m_path = m_dir.filePath(QStringLiteral("config.json"));
        QFile::remove(m_path);
        const auto err = ConfigStore::save(c, m_path);
        QVERIFY2(!err, err ? qPrintable(err->toString()) : "");
        m_secrets = std::make_unique<SecretStore>();
        demo::storeSecrets(*m_sim, m_secrets.get()); // session-only: the test's keychain
        m_session = std::make_unique<AppSession>(m_secrets.get(), &m_nam);
        m_session->openConfig(m_path);
        QCOMPARE(m_session->mode(), AppSession::Mode::Configured);
        m_window = std::make_unique<MainWindow>(m_session->homelab());
        shell::connectWindow(m_session.get(), m_window.get());
        m_window->show();
    }
    SettingsDialog* openSettings(SettingsDialog::Page page)
    {
        m_window->openSettings(page);
        SettingsDialog* d = m_window->settingsDialog();
        return d && d->isVisible() ? d : nullptr;
    }
    static void clickOk(SettingsDialog* d) { d->findChild<QPushButton*>(QStringLiteral("settingsOkButton"))->click(); }
    /// Whether the keychain still has @p key (the callback runs asynchronously).
    std::optional<SecretResult> readSecret(const QString& key)
    {
        std::optional<SecretResult> out;
        m_secrets->read(key, this, [&out](const SecretResult& r) { out = r; });
        if (!waitFor([&out] { return out.has_value(); }))
            return std::nullopt;
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", QFile::encodeName(m_dir.path()));
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<sim::Simulator>();
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_secrets.reset();
    }

    void refreshIntervalSavedAndAppliedLive()
    {
        startConfigured();
        Homelab* before = m_session->homelab();
        QVERIFY(waitFor([this] { return m_window->allPanelsHaveData(); }, 20000));
        SettingsDialog* d = openSettings(SettingsDialog::General);
        QVERIFY(d);
        d->findChild<QSpinBox*>(QStringLiteral("refreshIntervalSpin"))->setValue(3);
        clickOk(d);
        QVERIFY2(d->problem().isEmpty(), qPrintable(d->problem()));
        QVERIFY(waitFor([this] { return !m_window->settingsDialog(); }));

        // Saved: atomically replaced, 0600, and every key of a newer version still there.
        const QJsonObject saved = readJson(m_path);
        QCOMPARE(saved.value(QStringLiteral("refreshIntervalMs")).toInt(), 3000);
        QCOMPARE(QFile::permissions(m_path) & (QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                               QFileDevice::ReadOther | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QCOMPARE(saved.value(QStringLiteral("futureTopLevel")).toObject().value(QStringLiteral("answer")).toInt(), 42);
        const QJsonObject host0 = saved.value(QStringLiteral("hosts")).toArray().at(0).toObject();
        QCOMPARE(host0.value(QStringLiteral("futureHostKey")).toString(), QStringLiteral("kept"));
        QVERIFY(host0.value(QStringLiteral("services"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("futureServiceKey"))
                    .toBool());

        // Applied live: a new Homelab with the new interval, panels rebuilt and live again.
        QVERIFY(m_session->homelab() != before);
        QCOMPARE(m_session->homelab()->config().refreshIntervalMs, 3000);
        QCOMPARE(m_window->homelab(), m_session->homelab());
        QCOMPARE(m_window->hostPanels().size(), 2);
        QVERIFY(waitFor([this] { return m_window->allPanelsHaveData(); }, 20000));
        hlc::test::evidence(QStringLiteral("settings: refresh 1 s -> 3 s saved (mode %1, unknown keys at 3 levels "
                                           "kept) and applied live to a rebuilt window")
                                .arg(QString::number(QFile::permissions(m_path) & 0x0FFF, 16)));
    }

    void removedServiceIsAskedStopsPollingAndLosesItsSecret()
    {
        startConfigured();
        const QString hostId = QStringLiteral("host-a");
        const QString serviceId = QStringLiteral("portainer");
        QVERIFY(m_session->config().service(hostId, serviceId));
        sim::SimHttpServer* removed = m_sim->server(hostId, QStringLiteral("portainer"));
        sim::SimHttpServer* kept = m_sim->server(hostId, QStringLiteral("proxmox"));
        QVERIFY(removed && kept);
        // It polls before: its request count grows.
        const auto grown = [](sim::SimHttpServer* s, qsizetype from, qsizetype by) {
            return waitFor([s, from, by] { return s->requests().size() >= from + by; }, 20000);
        };
        QVERIFY(grown(removed, removed->requests().size(), 2));
        QVERIFY(readSecret(secretKey(hostId, serviceId))->ok());

        SettingsDialog* d = openSettings(SettingsDialog::Hosts);
        QVERIFY(d);
        d->hostsPage()->select(hostId, serviceId);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        d->findChild<QPushButton*>(QStringLiteral("removeHostOrServiceButton"))->click();
        QVERIFY2(MessageBox::lastQuestion().contains(serviceId) &&
                     MessageBox::lastQuestion().contains(QStringLiteral("keychain")),
                 qPrintable(MessageBox::lastQuestion()));
        clickOk(d);
        QVERIFY(waitFor([this] { return !m_window->settingsDialog(); }));

        QVERIFY(!m_session->config().service(hostId, serviceId));
        // Gone from the file too.
        bool inFile = false;
        for (const QJsonValue& h : readJson(m_path).value(QStringLiteral("hosts")).toArray()) {
            if (h.toObject().value(QStringLiteral("id")).toString() != hostId)
                continue;
            for (const QJsonValue& s : h.toObject().value(QStringLiteral("services")).toArray())
                inFile = inFile || s.toObject().value(QStringLiteral("id")).toString() == serviceId;
        }
        QVERIFY(!inFile);
        // Its secret is gone from the keychain; the others stay.
        QVERIFY(waitFor([this, hostId, serviceId] {
            const auto r = readSecret(secretKey(hostId, serviceId));
            return r && r->status == SecretResult::Status::NotFound;
        }));
        QVERIFY(readSecret(secretKey(hostId, QStringLiteral("proxmox")))->ok());

        // Polling stopped: while the kept service answers several more polls, the removed one gets nothing new.
        QVERIFY(grown(kept, kept->requests().size(), 2)); // in-flight requests of the old homelab are over
        const qsizetype after = removed->requests().size();
        QVERIFY(grown(kept, kept->requests().size(), 6));
        QCOMPARE(removed->requests().size(), after);
        hlc::test::evidence(QStringLiteral("settings: removed host-a/portainer after a confirmation; %1 requests "
                                           "before, none while proxmox answered 6 more; its secret: not found")
                                .arg(after));
    }

    void webhookSecretGoesToKeychainNotFile()
    {
        startConfigured();
        SettingsDialog* d = openSettings(SettingsDialog::Webhooks);
        QVERIFY(d);
        auto* services = d->findChild<QComboBox*>(QStringLiteral("webhookServiceCombo"));
        QVERIFY(services->count() >= 1);
        const QStringList hostAndService = services->currentData().toString().split(QLatin1Char('\n'));
        auto* table = d->findChild<QTableWidget*>(QStringLiteral("webhooksTable"));
        int backupRow = -1;
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == QLatin1String("backup"))
                backupRow = row;
        }
        QVERIFY(backupRow >= 0);
        const QString typed = QStringLiteral("typed-in-the-dialog-7c1f9e");
        auto* secret = qobject_cast<QLineEdit*>(table->cellWidget(backupRow, 5));
        QVERIFY(secret);
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QTest::keyClicks(secret, typed);
        // A new webhook with a secret too.
        d->findChild<QPushButton*>(QStringLiteral("addWebhookButton"))->click();
        const int newRow = table->rowCount() - 1;
        table->item(newRow, 0)->setText(QStringLiteral("restart-media"));
        table->item(newRow, 1)->setText(QStringLiteral("Restart media stack"));
        table->item(newRow, 2)->setText(QStringLiteral("restart-media"));
        table->item(newRow, 4)->setText(QStringLiteral("X-Token"));
        const QString typed2 = QStringLiteral("second-secret-4d2a");
        QTest::keyClicks(qobject_cast<QLineEdit*>(table->cellWidget(newRow, 5)), typed2);
        clickOk(d);
        QVERIFY2(!m_window->settingsDialog() || m_window->settingsDialog()->problem().isEmpty(),
                 qPrintable(m_window->settingsDialog()->problem()));
        QVERIFY(waitFor([this] { return !m_window->settingsDialog(); }));

        const QByteArray file = readFile(m_path);
        QVERIFY(file.contains("restart-media"));
        QVERIFY(file.contains("X-Token"));
        QVERIFY(!file.contains(typed.toUtf8()));
        QVERIFY(!file.contains(typed2.toUtf8()));
        const QString host = hostAndService.value(0);
        const QString service = hostAndService.value(1);
        const auto stored = readSecret(secretKey(host, service + QStringLiteral("/backup")));
        QVERIFY(stored && stored->ok());
        QCOMPARE(stored->secret, typed);
        const auto stored2 = readSecret(secretKey(host, service + QStringLiteral("/restart-media")));
        QVERIFY(stored2 && stored2->ok());
        QCOMPARE(stored2->secret, typed2);
        // The webhook keys this page does not edit (the body of "publish-newsletter") are kept.
        QVERIFY(file.contains("\"issue\""));
        // Live: the new quick action is there.
        QVERIFY(file.contains("Restart media stack"));
        hlc::test::evidence(QStringLiteral("settings: 2 webhook header secrets typed in the dialog are in the "
                                           "keychain under %1/%2/<id>, not in the %3-byte config file")
                                .arg(host, service)
                                .arg(file.size()));
    }

    /// Adds a host with one Prometheus service whose bearer token is @p token through the settings' Hosts page and
    /// the real host editor (modal: answered from a timer).
    void addHostWithSecretThroughSettings(SettingsDialog* d, const QString& name, const QString& token)
    {
        bool answered = false;
        QTimer::singleShot(0, this, [&] {
            auto* editor = qobject_cast<HostSetupDialog*>(QApplication::activeModalWidget());
            QVERIFY(editor);
            editor->findChild<QLineEdit*>(QStringLiteral("hostNameEdit"))->setText(name);
            editor->findChild<QLineEdit*>(QStringLiteral("hostAddressEdit"))->setText(QStringLiteral("127.0.0.1"));
            ServiceConfig prom;
            prom.id = QStringLiteral("prometheus");
            prom.kind = ServiceKind::Prometheus;
            prom.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:9/"));
            prom.auth = AuthScheme::Bearer;
            ServiceSetupPage* page = editor->addService(prom);
            page->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->setText(token);
            editor->findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
            answered = true;
        });
        d->hostsPage()->findChild<QPushButton*>(QStringLiteral("addHostButton"))->click(); // runs the editor
        QVERIFY(answered);
    }

    void secretTypedInSettingsWaitsForOk()
    {
        startConfigured();
        const QString cancelled = QStringLiteral("cancelled-token-7f3e91");
        SettingsDialog* d = openSettings(SettingsDialog::Page::Hosts);
        QVERIFY(d);
        addHostWithSecretThroughSettings(d, QStringLiteral("Lab C"), cancelled);
        const QString key = secretKey(QStringLiteral("lab-c"), QStringLiteral("prometheus"));
        // Saved in the editor, but the settings are still open: nothing in the keychain yet.
        auto r = readSecret(key);
        QVERIFY(r);
        QCOMPARE(r->status, SecretResult::Status::NotFound);
        d->reject();
        QVERIFY(waitFor([this] { return m_window->settingsDialog() == nullptr; }));
        r = readSecret(key);
        QVERIFY(r);
        QCOMPARE(r->status, SecretResult::Status::NotFound); // cancelled: never stored
        QVERIFY(!readFile(m_path).contains("\"lab-c\""));

        // The same with OK: stored in the keychain, never in the file.
        const QString kept = QStringLiteral("kept-token-0c55aa");
        d = openSettings(SettingsDialog::Page::Hosts);
        QVERIFY(d);
        addHostWithSecretThroughSettings(d, QStringLiteral("Lab C"), kept);
        clickOk(d);
        QVERIFY(waitFor([this] { return m_window->settingsDialog() == nullptr; }));
        r = readSecret(key);
        QVERIFY(r);
        QVERIFY(r->ok());
        QCOMPARE(r->secret, kept);
        const QByteArray file = readFile(m_path);
        QVERIFY(file.contains("\"lab-c\""));
        QVERIFY(!file.contains(kept.toUtf8()) && !file.contains(cancelled.toUtf8()));
        hlc::test::evidence(QStringLiteral("settings -> Add host: the token typed in the host editor reached the "
                                           "keychain only on OK (cancel: not found), never the %1-byte file")
                                .arg(file.size()));
    }

    void notificationPolicySavedAndApplied()
    {
        startConfigured();
        SettingsDialog* d = openSettings(SettingsDialog::Notifications);
        QVERIFY(d);
        d->findChild<QSpinBox*>(QStringLiteral("stormThresholdSpin"))->setValue(7);
        auto* minimum = d->findChild<QComboBox*>(QStringLiteral("minimumSeverityCombo"));
        minimum->setCurrentIndex(minimum->findData(static_cast<int>(NotificationSettings::Severity::Warning)));
        d->findChild<QCheckBox*>(QStringLiteral("quietHoursCheck"))->setChecked(true);
        clickOk(d);
        QVERIFY(waitFor([this] { return !m_window->settingsDialog(); }));
        const QJsonObject n = readJson(m_path).value(QStringLiteral("notifications")).toObject();
        QCOMPARE(n.value(QStringLiteral("stormThreshold")).toInt(), 7);
        QCOMPARE(n.value(QStringLiteral("minimumSeverity")).toString(), QStringLiteral("warning"));
        QCOMPARE(n.value(QStringLiteral("quietHours")).toObject().value(QStringLiteral("from")).toString(),
                 QStringLiteral("22:00"));
        const NotificationSettings live = m_session->homelab()->alerts()->notificationSettings();
        QCOMPARE(live.policy.stormThreshold, 7);
        QCOMPARE(m_session->homelab()->alerts()->policy().settings().stormThreshold, 7);
        QCOMPARE(live.minimumSeverity, NotificationSettings::Severity::Warning);
        // Quiet hours over midnight: only critical notifies at 23:30 and 06:59, warnings again at 07:00.
        QVERIFY(!live.allows(NotificationSettings::Severity::Warning, QTime(23, 30)));
        QVERIFY(!live.allows(NotificationSettings::Severity::Warning, QTime(6, 59)));
        QVERIFY(live.allows(NotificationSettings::Severity::Critical, QTime(23, 30)));
        QVERIFY(live.allows(NotificationSettings::Severity::Warning, QTime(7, 0)));
        QVERIFY(!live.allows(NotificationSettings::Severity::Info, QTime(12, 0))); // below the minimum
        hlc::test::evidence("settings: notification policy (storm cap 7, minimum warning, quiet 22:00-07:00) saved "
                            "under \"notifications\" and applied to the live alert center");
    }

    void probeAddedIsSavedAndInvalidOneIsRefused()
    {
        startConfigured();
        SettingsDialog* d = openSettings(SettingsDialog::Probes);
        QVERIFY(d);
        auto* table = d->findChild<QTableWidget*>(QStringLiteral("probesTable"));
        const int before = table->rowCount();
        d->findChild<QPushButton*>(QStringLiteral("addProbeButton"))->click();
        QCOMPARE(table->rowCount(), before + 1);
        table->item(before, 0)->setText(QStringLiteral("Grafana"));
        table->item(before, 2)->setText(QStringLiteral("not a url"));
        clickOk(d);
        QVERIFY2(!d->problem().isEmpty(), "an invalid probe address must keep the dialog open");
        QVERIFY(d->isVisible());
        const QString problem = d->problem();
        table->item(before, 2)->setText(QStringLiteral("http://127.0.0.1:3000/login"));
        clickOk(d);
        QVERIFY(waitFor([this] { return !m_window->settingsDialog(); }));
        QVERIFY(readFile(m_path).contains("http://127.0.0.1:3000/login"));
        const HostConfig* h = m_session->config().host(QStringLiteral("host-a"));
        QVERIFY(h);
        QCOMPARE(h->probes.size(), before + 1);
        QCOMPARE(h->probes.last().name, QStringLiteral("Grafana"));
        hlc::test::evidence(QStringLiteral("settings: a probe with a bad address refused (\"%1\"), a good one saved "
                                           "and live")
                                .arg(problem));
    }

    void screenshotsOnRequest()
    {
        // HLC_SETTINGS_SCREENSHOT_DIR=dir saves the dialog's Hosts and Notifications pages there (for the README);
        // without it they go to a throw-away folder and are only checked.
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QString dir = qEnvironmentVariable("HLC_SETTINGS_SCREENSHOT_DIR", scratch.path());
        startConfigured();
        const QList<QPair<SettingsDialog::Page, QString>> shots{
            {SettingsDialog::Hosts, QStringLiteral("/settings.png")},
            {SettingsDialog::Notifications, QStringLiteral("/settings-notifications.png")}};
        for (const auto& [page, name] : shots) {
            SettingsDialog* d = openSettings(page);
            QVERIFY(d);
            d->hostsPage()->select(QStringLiteral("host-a"), QStringLiteral("proxmox"));
            QTest::qWait(100);
            QVERIFY(d->grab().save(dir + name));
            const QImage shot(dir + name);
            QVERIFY2(!shot.isNull() && shot.width() >= d->width() && shot.height() >= d->height(), qPrintable(name));
            d->reject();
            QVERIFY(waitFor([this] { return !m_window->settingsDialog(); }));
        }
    }

    void autostartFileWrittenAndRemoved()
    {
        startConfigured();
        QVERIFY(!AppPreferences::autostartEnabled());
        SettingsDialog* d = openSettings(SettingsDialog::General);
        d->findChild<QCheckBox*>(QStringLiteral("autostartCheck"))->setChecked(true);
        auto* language = d->findChild<QComboBox*>(QStringLiteral("languageCombo"));
        language->setCurrentIndex(language->findData(QStringLiteral("de")));
        clickOk(d);
        QVERIFY(waitFor([this] { return !m_window->settingsDialog(); }));
        QVERIFY(QFile::exists(AppPreferences::autostartPath()));
        QVERIFY(readFile(AppPreferences::autostartPath()).contains("Exec="));
        QCOMPARE(AppPreferences::language(), QStringLiteral("de"));
        d = openSettings(SettingsDialog::General);
        QVERIFY(d->findChild<QCheckBox*>(QStringLiteral("autostartCheck"))->isChecked());
        d->findChild<QCheckBox*>(QStringLiteral("autostartCheck"))->setChecked(false);
        clickOk(d);
        QVERIFY(waitFor([this] { return !m_window->settingsDialog(); }));
        QVERIFY(!QFile::exists(AppPreferences::autostartPath()));
        AppPreferences::setLanguage(QStringLiteral("system"));
        hlc::test::evidence(
            QStringLiteral("settings: autostart file %1 written, then removed").arg(AppPreferences::autostartPath()));
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
