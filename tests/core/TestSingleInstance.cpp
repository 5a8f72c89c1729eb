// One app per configuration: the real executable started twice with the same config shows the first window and the
// second launch exits; a different config runs beside it; a socket left by a killed instance is taken over; a
// --screenshot run is never in the way. Offscreen, with a private XDG_RUNTIME_DIR and home.
#include "TestUtil.h"

#include "core/SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <unistd.h>

using hlc::SingleInstance;
using hlc::test::waitFor;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    [[nodiscard]] QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        env.remove(QStringLiteral("HLC_DEBUG"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_home.filePath(QStringLiteral("run")));
        return env;
    }

    [[nodiscard]] std::unique_ptr<QProcess> launch(const QStringList& args) const
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(environment());
        p->start(QStringLiteral(HLC_APP_BINARY), args);
        return p;
    }

    [[nodiscard]] QString socketFor(const QString& configPath) const
    {
        qputenv("XDG_RUNTIME_DIR", m_home.filePath(QStringLiteral("run")).toUtf8());
        return SingleInstance::socketPath(QFileInfo(configPath).absoluteFilePath());
    }

    /// The app listens (its socket answers a connection).
    static bool listening(const QString& socket)
    {
        QLocalSocket s;
        s.connectToServer(socket);
        const bool ok = s.waitForConnected(1000);
        s.abort();
        return ok;
    }

    static void stop(QProcess* p)
    {
        if (p->state() == QProcess::NotRunning)
            return;
        p->terminate();
        if (!p->waitForFinished(10000)) {
            p->kill();
            p->waitForFinished();
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_home.isValid());
        QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral("run"))));
        QFile::setPermissions(m_home.filePath(QStringLiteral("run")),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void secondLaunchShowsTheFirstWindow()
    {
        const QString config = m_home.filePath(QStringLiteral("a.json")); // none yet: the welcome page
        const QString socket = socketFor(config);
        auto first = launch({QStringLiteral("--config"), config});
        QVERIFY(first->waitForStarted(10000));
        QVERIFY2(waitFor([&] { return listening(socket) || first->state() == QProcess::NotRunning; }, 30000) &&
                     first->state() == QProcess::Running,
                 first->readAllStandardError().constData());
        QFileInfo info(socket);
        QVERIFY(info.exists());
        QCOMPARE(info.ownerId(), static_cast<uint>(::getuid()));

        // The same config again: brought to the front, and the second process ends at once without a window.
        auto second = launch({QStringLiteral("--config"), config});
        QVERIFY(second->waitForFinished(30000));
        const QByteArray secondErr = second->readAllStandardError();
        QCOMPARE(second->exitStatus(), QProcess::NormalExit);
        QVERIFY2(second->exitCode() == 0, secondErr.constData());
        QVERIFY2(secondErr.contains("already running with this configuration"), secondErr.constData());
        QByteArray firstErr;
        QVERIFY(waitFor(
            [&] {
                firstErr += first->readAllStandardError();
                return firstErr.contains("launched again: showing the window");
            },
            15000));
        QCOMPARE(first->state(), QProcess::Running);

        // Another config is another homelab: it runs beside the first.
        const QString otherConfig = m_home.filePath(QStringLiteral("b.json"));
        auto other = launch({QStringLiteral("--config"), otherConfig});
        QVERIFY(other->waitForStarted(10000));
        QVERIFY(waitFor([&] { return listening(socketFor(otherConfig)); }, 30000));
        QCOMPARE(other->state(), QProcess::Running);

        // A screenshot run with the first one's config is not taken for a second launch.
        const QString shot = m_home.filePath(QStringLiteral("shot.png"));
        auto tool = launch({QStringLiteral("--config"), config, QStringLiteral("--screenshot"), shot});
        QVERIFY(tool->waitForFinished(60000));
        QVERIFY2(tool->exitCode() == 0, tool->readAllStandardError().constData());
        QVERIFY(QFile::exists(shot));

        // Killed without a chance to clean up: the next launch takes its socket over and is the new first.
        ::kill(static_cast<pid_t>(first->processId()), SIGKILL);
        QVERIFY(first->waitForFinished(10000));
        QVERIFY(QFileInfo::exists(socket)); // left behind
        auto next = launch({QStringLiteral("--config"), config});
        QVERIFY(next->waitForStarted(10000));
        QVERIFY2(waitFor([&] { return listening(socket) || next->state() == QProcess::NotRunning; }, 30000) &&
                     next->state() == QProcess::Running,
                 next->readAllStandardError().constData());
        stop(next.get());
        stop(other.get());
        hlc::test::evidence(QStringLiteral("single instance: a second launch with the same config exited 0 and the "
                                           "first showed its window; another config and a --screenshot run were not "
                                           "in the way; a socket left by a killed instance was taken over"));
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
