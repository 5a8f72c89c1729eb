// The thin executable: parses the command line, wires app, widgets and (in demo mode) the simulator.
#include "DemoSetup.h"
#include "Simulator.h"
#include "core/ConfigStore.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/StartupTiming.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace hlc;

namespace {
// Our own debug and info lines (every query, every poll) cost CPU and fill the journal of an app that runs all
// day: off by default. Warnings and errors stay on. HLC_DEBUG=1 turns them back on; QT_LOGGING_RULES and
// QT_LOGGING_CONF still win over these rules, as Qt documents.
void applyDefaultLoggingRules()
{
    if (qEnvironmentVariable("HLC_DEBUG") == QLatin1String("1"))
        return;
    QLoggingCategory::setFilterRules(QStringLiteral("hlc.*.debug=false\nhlc.*.info=false"));
}
} // namespace

int main(int argc, char* argv[])
{
    const qint64 mainStartMs = QDateTime::currentMSecsSinceEpoch(); // for HLC_TIMING=1 (scripts/bench) only
    applyDefaultLoggingRules();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("homelab-control"));
    QApplication::setApplicationDisplayName(QStringLiteral("Homelab Control Center"));
    QApplication::setApplicationVersion(QStringLiteral(HLC_VERSION));
    QApplication::setOrganizationName(QStringLiteral("homelab-control"));
    QApplication::setDesktopFileName(QStringLiteral("homelab-control"));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("homelab-control"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Native control center for a Proxmox homelab: live host panels, safe actions, alerts."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOpt(QStringLiteral("demo"),
                                     QApplication::translate("main", "Run on the built-in simulated homelab "
                                                                     "(loopback only; no real homelab needed)."));
    const QCommandLineOption configOpt(QStringList{QStringLiteral("c"), QStringLiteral("config")},
                                       QApplication::translate("main", "Use this configuration file."),
                                       QApplication::translate("main", "file"));
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                                     QApplication::translate("main", "Write a PNG of the main window once the first "
                                                                     "data has arrived, then exit."),
                                     QApplication::translate("main", "file"));
    const QCommandLineOption shotTimeoutOpt(QStringLiteral("screenshot-timeout"),
                                            QApplication::translate("main", "Give up waiting for data after this "
                                                                            "many seconds (default 20)."),
                                            QApplication::translate("main", "seconds"), QStringLiteral("20"));
    parser.addOption(demoOpt);
    parser.addOption(configOpt);
    parser.addOption(shotOpt);
    parser.addOption(shotTimeoutOpt);
    parser.process(app);

    QNetworkAccessManager nam;
    SecretStore secrets;
    std::unique_ptr<sim::Simulator> simulator;
    Config config;
    QString configPath;
    QString configProblem;

    if (parser.isSet(demoOpt)) {
        simulator = std::make_unique<sim::Simulator>();
        simulator->setProxmoxTicketLogin(QStringLiteral("host-b")); // Host A uses an API token: both modes on show
        QString error;
        if (!simulator->start(&error)) {
            std::fprintf(stderr, "homelab-control: the simulator did not start: %s\n", qPrintable(error));
            return 1;
        }
        config = demo::configFor(*simulator);
        demo::storeSecrets(*simulator, &secrets);
    } else {
        configPath = parser.isSet(configOpt) ? parser.value(configOpt) : ConfigStore::defaultPath();
        auto loaded = ConfigStore::load(configPath);
        if (std::holds_alternative<Config>(loaded)) {
            config = std::get<Config>(std::move(loaded));
        } else {
            const ConfigError& err = std::get<ConfigError>(loaded);
            configProblem = QApplication::translate("main", "The configuration was not loaded and has not been "
                                                            "changed: %1")
                                .arg(err.toString());
            std::fprintf(stderr, "homelab-control: %s\n", qPrintable(err.toString()));
            // Never save over a file we could not read: run without a path.
            configPath.clear();
        }
    }

    Homelab homelab(config, configPath, &secrets, &nam);
    MainWindow window(&homelab);
    window.setConfigProblem(configProblem);
    window.show();
    homelab.start();
    if (timing::enabled()) // opt-in start-up figures for scripts/bench
        timing::watch(&homelab, mainStartMs);

    if (parser.isSet(shotOpt)) {
        const QString file = parser.value(shotOpt);
        auto shoot = [&window, file](int code) {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "homelab-control: could not write %s\n", qPrintable(file));
            QApplication::exit(saved ? code : 1);
        };
        // Let one more refresh paint after the first data, so the window shows live numbers.
        QObject::connect(&window, &MainWindow::firstDataShown, &window,
                         [shoot] { QTimer::singleShot(400, qApp, [shoot] { shoot(0); }); });
        if (window.allPanelsHaveData())
            QTimer::singleShot(400, qApp, [shoot] { shoot(0); });
        const int timeoutS = std::max(1, parser.value(shotTimeoutOpt).toInt());
        QTimer::singleShot(timeoutS * 1000, qApp, [shoot, timeoutS] {
            std::fprintf(stderr, "homelab-control: no data after %d s; the screenshot shows what is there\n", timeoutS);
            shoot(2);
        });
    }
    const int rc = QApplication::exec();
    homelab.stop();
    return rc;
}
