// A first start as a new user meets it, in-process: no config file -> the welcome page, both ways on from it (the
// demo with live panels from the simulator; "add my first host" -> the settings' Hosts page); the config path and the
// one-time move from the old doubled path; a broken file keeps its error and is never written.
#include "TestUtil.h"

#include "AppSession.h"
#include "AppShell.h"
#include "Simulator.h"
#include "core/AuditLog.h"
#include "core/ConfigStore.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/WelcomePage.h"
#include "overview/HostCard.h"
#include "settings/HostSettingsPage.h"
#include "settings/SettingsDialog.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace hlc;
using hlc::test::waitFor;

class TestFirstRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QNetworkAccessManager m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AppSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    static void writeFile(const QString& path, const QByteArray& bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    static QByteArray readFile(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    void startDefault()
    {
        m_secrets = std::make_unique<SecretStore>();
        m_secrets->setSessionOnly(true);
        m_session = std::make_unique<AppSession>(m_secrets.get(), &m_nam);
        m_session->openDefaultConfig();
        m_window = std::make_unique<MainWindow>(m_session->homelab());
        shell::connectWindow(m_session.get(), m_window.get());
        m_window->show();
    }
    [[nodiscard]] QString statusText() const { return m_window->statusBar()->currentMessage(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // Test mode puts GenericConfigLocation under $HOME/.qttest: a private, empty home for this test.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QStandardPaths::setTestModeEnabled(true);
    }

    void cleanup()
    {
        m_window.reset();
        m_session.reset();
        m_secrets.reset();
        QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
             QStringLiteral("/homelab-control"))
            .removeRecursively();
        QDir(AuditLog::defaultDir()).removeRecursively();
    }

    void configPathIsOneLevel()
    {
        const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QVERIFY(base.startsWith(m_home.path()));
        QCOMPARE(ConfigStore::defaultPath(), base + QStringLiteral("/homelab-control/config.json"));
        QCOMPARE(ConfigStore::legacyDefaultPath(),
                 base + QStringLiteral("/homelab-control/homelab-control/config.json"));
        hlc::test::evidence(QStringLiteral("config path: %1").arg(ConfigStore::defaultPath()));
    }

    void welcomeThenDemo()
    {
        startDefault();
        QCOMPARE(m_session->mode(), AppSession::Mode::FirstRun);
        WelcomePage* welcome = m_window->welcomePage();
        QVERIFY(welcome);
        QVERIFY(welcome->isVisible());
        QVERIFY(!m_window->findChild<QFrame*>(QStringLiteral("configBanner"))->isVisible()); // no red error
        QVERIFY2(!statusText().contains(QStringLiteral("Demo")), qPrintable(statusText()));
        QCOMPARE(welcome->findChild<QLabel*>(QStringLiteral("welcomeConfigPath"))->text(),
                 QDir::toNativeSeparators(ConfigStore::defaultPath()));

        welcome->findChild<QPushButton*>(QStringLiteral("exploreDemoButton"))->click();
        QVERIFY(waitFor([this] { return m_session->mode() == AppSession::Mode::Demo; }));
        QVERIFY(!m_window->welcomePage());
        QCOMPARE(m_window->hostPanels().size(), 2);
        QVERIFY(waitFor([this] { return m_window->allPanelsHaveData(); }, 20000));
        QVERIFY(m_session->homelab()->isDemo());
        // A notification may stand in the status line for its 15 s (no tray here); then it says "Demo mode" again.
        QVERIFY2(waitFor([this] { return statusText().startsWith(QStringLiteral("Demo mode")); }, 30000),
                 qPrintable(statusText()));
        QVERIFY(!QFile::exists(ConfigStore::defaultPath())); // the demo saves nothing
        // The demo's plain-http services with a secret (allowed for this network) carry the warning badge.
        bool badge = false;
        for (HostCard* panel : m_window->hostPanels()) {
            if (auto* b = panel->findChild<QLabel*>(QStringLiteral("cleartextBadge")))
                badge = badge || b->text().contains(QStringLiteral("Unencrypted"));
        }
        QVERIFY(badge);
        hlc::test::evidence(QStringLiteral("welcome page -> Explore the demo homelab: %1 host panels with live data "
                                           "from the simulator, no config file written")
                                .arg(m_window->hostPanels().size()));
    }

    // `--demo --old-servers`: the session's simulator serves PVE 7.4, and the host panels say so.
    void demoOnOldServersShowsOldVersions()
    {
        m_secrets = std::make_unique<SecretStore>();
        m_secrets->setSessionOnly(true);
        m_session = std::make_unique<AppSession>(m_secrets.get(), &m_nam);
        m_session->setDemoOldServers(true);
        QString error;
        QVERIFY2(m_session->startDemo(&error), qPrintable(error));
        QVERIFY(m_session->simulator()->oldServers());
        m_window = std::make_unique<MainWindow>(m_session->homelab());
        shell::connectWindow(m_session.get(), m_window.get());
        m_window->show();
        QCOMPARE(m_window->hostPanels().size(), 2);
        QVERIFY(waitFor([this] { return m_window->allPanelsHaveData(); }, 20000));
        QStringList versions;
        for (HostCard* panel : m_window->hostPanels()) {
            const QString v = panel->findChild<QLabel*>(QStringLiteral("versionLabel"))->text();
            QVERIFY2(v.startsWith(QLatin1String("Proxmox 7.4")), qPrintable(v));
            versions << v;
        }
        hlc::test::evidence(
            QStringLiteral("demo on old servers: host panels show %1").arg(versions.join(QStringLiteral(", "))));
    }

    void welcomeAddHostOpensHostsPage()
    {
        startDefault();
        QSignalSpy asked(m_window.get(), &MainWindow::addHostRequested);
        m_window->welcomePage()->findChild<QPushButton*>(QStringLiteral("addFirstHostButton"))->click();
        QVERIFY(waitFor([this] { return m_window->hostSetupDialog() != nullptr; }));
        QCOMPARE(asked.count(), 1);
        HostSetupDialog* dialog = m_window->hostSetupDialog();
        QVERIFY(dialog->isVisible());
        dialog->reject();
        QVERIFY(waitFor([this] { return m_window->hostSetupDialog() == nullptr; }));
        hlc::test::evidence("welcome page -> Add my first host: addHostRequested emitted, the host editor opened");
    }

    void oldDoubledPathIsMovedOnce()
    {
        const QString old = ConfigStore::legacyDefaultPath();
        const QByteArray content = "{\n  \"version\": 1,\n  \"refreshIntervalMs\": 7000,\n  \"hosts\": [],\n"
                                   "  \"fromANewerVersion\": {\"keep\": true}\n}\n";
        writeFile(old, content);
        QFile::setPermissions(old, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        startDefault();
        QCOMPARE(m_session->mode(), AppSession::Mode::Configured);
        QVERIFY(!QFile::exists(old));
        QVERIFY(!QDir(QFileInfo(old).absolutePath()).exists()); // the emptied folder is gone too
        QCOMPARE(readFile(ConfigStore::defaultPath()), content);
        const QFileDevice::Permissions mode = QFile::permissions(ConfigStore::defaultPath());
        QVERIFY(mode.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(!(mode & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                          QFileDevice::WriteOther)));
        QCOMPARE(m_session->homelab()->config().refreshIntervalMs, 7000);
        auto* notice = m_window->findChild<QLabel*>(QStringLiteral("configNotice"));
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QDir::toNativeSeparators(old)) &&
                     notice->text().contains(QDir::toNativeSeparators(ConfigStore::defaultPath())),
                 qPrintable(notice->text()));
        QVERIFY(!m_window->findChild<QFrame*>(QStringLiteral("configBanner"))->isVisible());
        QVERIFY(!m_window->welcomePage());
        const QString told = notice->text(); // the label goes with the window below

        // Once: a second start finds the file at the new path and says nothing.
        m_window.reset();
        m_session.reset();
        startDefault();
        QVERIFY(m_session->notice().isEmpty());
        QVERIFY(!m_window->findChild<QLabel*>(QStringLiteral("configNotice"))->isVisible());
        hlc::test::evidence(
            QStringLiteral("old path moved once to the new one, bytes and 0600 kept; told: \"%1\"").arg(told));
    }

    void auditLogLeavesTheDoubledFolder()
    {
        const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
        QVERIFY(base.startsWith(m_home.path()));
        QCOMPARE(AuditLog::defaultDir(), base + QStringLiteral("/homelab-control"));
        QCOMPARE(AuditLog::legacyDir(), base + QStringLiteral("/homelab-control/homelab-control"));
        // Only the old folder has audit.jsonl: moved. Both have demo-audit.jsonl: old entries first, none lost.
        const QByteArray oldReal = "{\"time\":\"2026-01-01T00:00:00.000Z\",\"action\":\"stop\"}\n";
        const QByteArray oldDemo = "{\"time\":\"2026-01-02T00:00:00.000Z\",\"action\":\"start\"}"; // no newline
        const QByteArray newDemo = "{\"time\":\"2026-02-01T00:00:00.000Z\",\"action\":\"run\"}\n";
        writeFile(AuditLog::legacyDir() + QStringLiteral("/audit.jsonl"), oldReal);
        writeFile(AuditLog::legacyDir() + QStringLiteral("/demo-audit.jsonl"), oldDemo);
        writeFile(AuditLog::defaultDir() + QStringLiteral("/demo-audit.jsonl"), newDemo);
        writeFile(ConfigStore::defaultPath(), "{\"version\": 1, \"hosts\": []}\n");
        startDefault();
        QCOMPARE(readFile(AuditLog::defaultDir() + QStringLiteral("/audit.jsonl")), oldReal);
        QCOMPARE(readFile(AuditLog::defaultDir() + QStringLiteral("/demo-audit.jsonl")), oldDemo + '\n' + newDemo);
        QVERIFY(!QDir(AuditLog::legacyDir()).exists());
        QCOMPARE(m_session->homelab()->audit()->path(), AuditLog::defaultDir() + QStringLiteral("/audit.jsonl"));
        QCOMPARE(m_session->homelab()->audit()->entries().size(), 1);
        const QString told = m_session->notice();
        QVERIFY2(told.contains(QDir::toNativeSeparators(AuditLog::legacyDir())), qPrintable(told));
        auto* notice = m_window->findChild<QLabel*>(QStringLiteral("configNotice"));
        QVERIFY(notice->isVisible());
        // Once: nothing is left to move at the next start.
        m_window.reset();
        m_session.reset();
        startDefault();
        QVERIFY(m_session->notice().isEmpty());
        hlc::test::evidence(QStringLiteral("audit logs moved out of the doubled folder, 2 files, entries kept "
                                           "in order; told: \"%1\"")
                                .arg(told));
    }

    void newPathWinsOverOld()
    {
        const QByteArray fresh = "{\"version\": 1, \"refreshIntervalMs\": 9000, \"hosts\": []}\n";
        const QByteArray stale = "{\"version\": 1, \"refreshIntervalMs\": 3000, \"hosts\": []}\n";
        writeFile(ConfigStore::defaultPath(), fresh);
        writeFile(ConfigStore::legacyDefaultPath(), stale);
        startDefault();
        QCOMPARE(m_session->homelab()->config().refreshIntervalMs, 9000);
        QCOMPARE(readFile(ConfigStore::legacyDefaultPath()), stale); // left alone
        QVERIFY(m_session->notice().isEmpty());
    }

    void brokenFileKeepsItsErrorAndIsNeverWritten()
    {
        const QByteArray content = "{\n  \"version\": 1,\n  \"hosts\": [\n    { \"id\": \"host-a\", }\n  ]\n}\n";
        writeFile(ConfigStore::defaultPath(), content);
        startDefault();
        QCOMPARE(m_session->mode(), AppSession::Mode::ConfigProblem);
        QVERIFY(!m_window->welcomePage()); // a broken file is not a first run
        auto* banner = m_window->findChild<QFrame*>(QStringLiteral("configBanner"));
        QVERIFY(banner->isVisible());
        const QString text = m_window->findChild<QLabel*>(QStringLiteral("configBannerText"))->text();
        QVERIFY2(text.contains(ConfigStore::defaultPath() + QStringLiteral(":4:")), qPrintable(text));
        QVERIFY2(!statusText().contains(QStringLiteral("Demo")), qPrintable(statusText()));
        QVERIFY(!m_session->homelab()->isDemo());

        // Settings cannot save over it.
        Config c;
        c.refreshIntervalMs = 2000;
        const auto refused = m_session->apply(c);
        QVERIFY(refused.has_value());
        QCOMPARE(readFile(ConfigStore::defaultPath()), content);
        hlc::test::evidence(QStringLiteral("broken config: banner \"%1\", file unchanged, apply refused").arg(text));
    }
};

QTEST_MAIN(TestFirstRun)
#include "TestFirstRun.moc"
