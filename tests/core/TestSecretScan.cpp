// A whole session of the real executable, then a search for every secret it used in everything it left behind.
//
// The simulated homelab runs in this process on 127.0.0.1; its random tokens and passwords go into the real Secret
// Service (gnome-keyring in this test's private D-Bus session), the config (without secrets) into a file. The app
// runs with every debug log line on (HLC_DEBUG=1) until all its panels show live data (--screenshot), in a HOME of
// its own. Then its stdout, stderr and every file under that HOME (config, settings, audit log, caches) are searched
// for each secret, raw and percent-encoded: none may appear.
#include "TestUtil.h"

#include "DemoSetup.h"
#include "Simulator.h"
#include "core/ConfigStore.h"
#include "core/SecretStore.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace hlc;

class TestSecretScan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void noSecretLeavesTheKeychain()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            HLC_REQUIRE_REAL(
                QStringLiteral("no D-Bus session with a Secret Service (run through scripts/with-keyring)"));
        sim::Simulator simulator;
        simulator.setProxmoxTicketLogin(QStringLiteral("host-b")); // a password and a ticket as well as tokens
        QString error;
        QVERIFY2(simulator.start(&error), qPrintable(error));

        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString configPath = home.filePath(QStringLiteral("config/homelab-control/config.json"));
        const auto saved = ConfigStore::save(demo::configFor(simulator), configPath);
        QVERIFY2(!saved, saved ? qPrintable(saved->toString()) : "");

        // The secrets, where the app reads them: the real keychain.
        SecretStore store;
        QStringList secrets;
        int pending = 0;
        int failed = 0;
        for (const sim::ServiceEndpoint& ep : simulator.endpoints()) {
            if (ep.secret.isEmpty())
                continue;
            const QString key = ep.kind == QLatin1String("n8n") ? secretKey(ep.hostId, QStringLiteral("n8n/backup"))
                                                                : secretKey(ep.hostId, ep.kind);
            secrets << ep.secret;
            ++pending;
            store.write(key, ep.secret, this, [&](const SecretResult& r) {
                --pending;
                failed += r.status == SecretResult::Status::Ok ? 0 : 1;
            });
        }
        QVERIFY(hlc::test::waitFor([&] { return pending == 0; }, 30000));
        QCOMPARE(failed, 0);
        QVERIFY(secrets.size() >= 8);

        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HLC_DEBUG"), QStringLiteral("1"));
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), home.filePath(QStringLiteral("state")));
        app.setProcessEnvironment(env);
        const QString shot = home.filePath(QStringLiteral("shot.png"));
        app.start(QStringLiteral(HLC_APP_BINARY),
                  {QStringLiteral("--config"), configPath, QStringLiteral("--screenshot"), shot,
                   QStringLiteral("--screenshot-timeout"), QStringLiteral("60")});
        QVERIFY(app.waitForStarted(10000));
        // The simulator answers from this thread: keep its event loop running while the app works.
        QVERIFY(hlc::test::waitFor([&] { return app.state() == QProcess::NotRunning; }, 120000));
        const QByteArray out = app.readAllStandardOutput();
        const QByteArray err = app.readAllStandardError();
        QVERIFY2(
            app.exitStatus() == QProcess::NormalExit && app.exitCode() == 0,
            qPrintable(QStringLiteral("exit %1: %2").arg(app.exitCode()).arg(QString::fromLocal8Bit(err.right(3000)))));
        QVERIFY(QFile::exists(shot));
        QVERIFY2(err.contains("hlc."), "HLC_DEBUG=1 produced no log lines: nothing was scanned");

        // Everything it left behind.
        QList<QPair<QString, QByteArray>> haystacks{{QStringLiteral("stdout"), out}, {QStringLiteral("stderr"), err}};
        QDirIterator it(home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        qint64 bytes = out.size() + err.size();
        while (it.hasNext()) {
            const QString file = it.next();
            if (file == shot)
                continue;
            QFile f(file);
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
            haystacks.append({file, f.readAll()});
            bytes += haystacks.last().second.size();
        }
        QVERIFY2(
            std::any_of(haystacks.cbegin(), haystacks.cend(), [&](const auto& h) { return h.first == configPath; }),
            "the config file was not among the files scanned");
        int checked = 0;
        for (const QString& secret : std::as_const(secrets)) {
            const QList<QByteArray> forms{secret.toUtf8(), QUrl::toPercentEncoding(secret), secret.toUtf8().toBase64()};
            for (const auto& [name, data] : std::as_const(haystacks)) {
                for (const QByteArray& form : forms) {
                    ++checked;
                    QVERIFY2(!data.contains(form),
                             qPrintable(QStringLiteral("a secret (%1...) is in %2").arg(secret.left(3), name)));
                }
            }
        }
        hlc::test::evidence(QStringLiteral("secret scan: a real session (%1 secrets from the real keychain, all panels "
                                           "live, every debug line on) left none of them, raw, percent-encoded or "
                                           "base64, in %2 files and outputs (%3 KB)")
                                .arg(secrets.size())
                                .arg(haystacks.size())
                                .arg(bytes / 1024));
        // Leave the keychain as we found it.
        for (const sim::ServiceEndpoint& ep : simulator.endpoints()) {
            const QString key = ep.kind == QLatin1String("n8n") ? secretKey(ep.hostId, QStringLiteral("n8n/backup"))
                                                                : secretKey(ep.hostId, ep.kind);
            ++pending;
            store.remove(key, this, [&](const SecretResult&) { --pending; });
        }
        hlc::test::waitFor([&] { return pending == 0; }, 30000);
    }
};

QTEST_GUILESS_MAIN(TestSecretScan)
#include "TestSecretScan.moc"
