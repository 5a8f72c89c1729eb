// The executable as a person runs it: --version, --help, --demo --screenshot, and a broken --config file that
// must be reported and left untouched.
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

class TestAppCommandLine : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList& args, int timeoutMs = 60000, const QHash<QString, QString>& extraEnv = {})
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_LOGGING_RULES"));
        env.remove(QStringLiteral("QT_LOGGING_CONF"));
        env.remove(QStringLiteral("HLC_DEBUG"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/config"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
            env.insert(it.key(), it.value());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(HLC_APP_BINARY), args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }
    QTemporaryDir m_home;

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void version()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("homelab-control"), r.out.constData());
    }

    void help()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char* opt : {"--demo", "--old-servers", "--config", "--screenshot", "--version"})
            QVERIFY2(r.out.contains(opt), opt);
    }

    // Over SSH and in scripts there is no display: --version and --help must not need one.
    void versionAndHelpWithoutDisplay()
    {
        const QHash<QString, QString> noDisplay{{QStringLiteral("QT_QPA_PLATFORM"), QString()},
                                                {QStringLiteral("DISPLAY"), QString()},
                                                {QStringLiteral("WAYLAND_DISPLAY"), QString()}};
        const Run version = run({QStringLiteral("--version")}, 60000, noDisplay);
        QVERIFY2(version.code == 0, version.err.constData());
        QVERIFY2(version.out.startsWith("homelab-control "), version.out.constData());
        const Run help = run({QStringLiteral("--help")}, 60000, noDisplay);
        QVERIFY2(help.code == 0, help.err.constData());
        for (const char* opt : {"--demo", "--config", "--screenshot", "--version", "--help"})
            QVERIFY2(help.out.contains(opt), opt);
        QVERIFY2(!help.err.contains("display"), help.err.constData());
        std::printf("evidence: with QT_QPA_PLATFORM=, DISPLAY=, WAYLAND_DISPLAY= --version printed \"%s\" and "
                    "--help %lld lines, both exit 0\n",
                    version.out.trimmed().constData(), static_cast<long long>(help.out.count('\n')));
    }

    // No config anywhere: the welcome page, not an error, and nothing is written until the user saves.
    void firstStartShowsWelcome()
    {
        const QString shot = m_home.filePath(QStringLiteral("welcome.png"));
        const Run r =
            run({QStringLiteral("--screenshot"), shot, QStringLiteral("--screenshot-timeout"), QStringLiteral("30")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString expected = m_home.path() + QStringLiteral("/config/homelab-control/config.json");
        QVERIFY2(r.err.contains(expected.toUtf8()) && r.err.contains("welcome page"), r.err.constData());
        QVERIFY(!QFile::exists(expected));
        QImage img(shot);
        QVERIFY(!img.isNull());
        std::printf("evidence: a first start (empty XDG_CONFIG_HOME) shows the welcome page (%dx%d PNG), no file "
                    "written at %s\n",
                    img.width(), img.height(), qPrintable(expected));
    }

    void demoScreenshot()
    {
        const QString shot = m_home.filePath(QStringLiteral("demo.png"));
        const Run r = run({QStringLiteral("--demo"), QStringLiteral("--screenshot"), shot});
        QVERIFY2(r.code == 0, r.err.constData());
        QImage img(shot);
        QVERIFY(!img.isNull());
        QVERIFY(img.width() >= 800 && img.height() >= 400);
        // Not a blank window: many distinct colours (bars, text, banners).
        QSet<QRgb> colours;
        for (int y = 0; y < img.height(); y += 4)
            for (int x = 0; x < img.width(); x += 4)
                colours.insert(img.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
        std::printf("evidence: homelab-control --demo --screenshot wrote a %dx%d PNG after the first live data\n",
                    img.width(), img.height());
    }

    // The demo on the simulator's old-servers mode runs to its first data like the normal demo; the panels showing
    // PVE 7.4 are checked in-process by TestFirstRun::demoOnOldServersShowsOldVersions.
    void demoOnOldServers()
    {
        const QString shot = m_home.filePath(QStringLiteral("demo-old.png"));
        const Run r =
            run({QStringLiteral("--demo"), QStringLiteral("--old-servers"), QStringLiteral("--screenshot"), shot});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(!r.err.contains("Unknown option"), r.err.constData());
        QImage img(shot);
        QVERIFY(!img.isNull());
        std::printf("evidence: homelab-control --demo --old-servers --screenshot exit 0 after the first live data, "
                    "%dx%d PNG\n",
                    img.width(), img.height());
    }

    // Idle cost: our debug/info lines (one per PromQL query, per poll) are off by default; HLC_DEBUG=1 or
    // QT_LOGGING_RULES bring them back. Warnings stay on (the broken-config case below reads one).
    void quietLoggingByDefault()
    {
        const QString shot = m_home.filePath(QStringLiteral("quiet.png"));
        const QStringList args{QStringLiteral("--demo"), QStringLiteral("--screenshot"), shot};
        const QByteArray debugLine = "hlc.clients.prometheus: query";
        const Run quiet = run(args);
        QVERIFY2(quiet.code == 0, quiet.err.constData());
        QVERIFY2(!quiet.err.contains(debugLine), quiet.err.constData());
        QVERIFY2(!quiet.err.contains("hlc.app.secrets:"), quiet.err.constData()); // info lines

        const Run debug = run(args, 60000, {{QStringLiteral("HLC_DEBUG"), QStringLiteral("1")}});
        QVERIFY2(debug.code == 0, debug.err.constData());
        QVERIFY2(debug.err.contains(debugLine), debug.err.left(2000).constData());

        const Run rules = run(args, 60000, {{QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("hlc.*=true")}});
        QVERIFY2(rules.code == 0, rules.err.constData());
        QVERIFY2(rules.err.contains(debugLine), rules.err.left(2000).constData());
        std::printf("evidence: --demo wrote %lld stderr lines by default, %lld with HLC_DEBUG=1\n",
                    static_cast<long long>(quiet.err.count('\n')), static_cast<long long>(debug.err.count('\n')));
    }

    void brokenConfigIsReportedAndUntouched()
    {
        const QString path = m_home.filePath(QStringLiteral("broken.json"));
        const QByteArray content = "{\n  \"version\": 1,\n  \"hosts\": [\n    { \"id\": \"host-a\", }\n  ]\n}\n";
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const Run r = run({QStringLiteral("--config"), path, QStringLiteral("--screenshot"),
                           m_home.filePath(QStringLiteral("broken.png"))});
        QCOMPARE(r.code, 0); // the app keeps running (and shows the problem)
        QVERIFY2(r.err.contains(path.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains(":4:"), r.err.constData()); // the line of the syntax error
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
    }

    void missingConfigIsReported()
    {
        const QString path = m_home.filePath(QStringLiteral("nope.json"));
        const Run r = run({QStringLiteral("--config"), path, QStringLiteral("--screenshot"),
                           m_home.filePath(QStringLiteral("nope.png"))});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(path.toUtf8()), r.err.constData());
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestAppCommandLine)
#include "TestAppCommandLine.moc"
