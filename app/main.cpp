// The thin executable: parses the command line, opens the session (config, demo or first run) and its window.
#include "AppSession.h"
#include "AppShell.h"
#include "core/AppPreferences.h"
#include "core/ConfigStore.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/SingleInstance.h"
#include "core/StallWatch.h"
#include "core/StartupTiming.h"
#include "core/TrayIcon.h"
#include "core/UiLanguage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>
#include <QLineEdit>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>

#include <cstdio>
#include <functional>
#include <memory>
#include <tuple>

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

/// Makes @p w the shown page of every tab widget or stack above it.
void bringToFront(QWidget* w)
{
    for (QWidget* c = w; c && c->parentWidget(); c = c->parentWidget()) {
        auto* stack = qobject_cast<QStackedWidget*>(c->parentWidget());
        if (!stack)
            continue;
        if (auto* tabs = qobject_cast<QTabWidget*>(stack->parentWidget()))
            tabs->setCurrentWidget(c);
        else
            stack->setCurrentWidget(c);
    }
}

/// The bench phases on the first host page's tables: sorting by each column in turn and typing filters into the
/// guests table and the stacks tree (their StallWatch figures are the cost of a click or a key at that size).
template<typename Step> void appendTableSteps(QWidget* page, int tab, QList<Step>* steps)
{
    const QStringList filters{QStringLiteral("w"),       QStringLiteral("we"),    QStringLiteral("web"),
                              QStringLiteral("web-"),    QStringLiteral("web-1"), QString(),
                              QStringLiteral("d"),       QStringLiteral("db"),    QStringLiteral("run"),
                              QStringLiteral("running"), QStringLiteral("x"),     QString()};
    for (const auto& [view, item, edit] :
         {std::tuple{QStringLiteral("guests"), QStringLiteral("guestsTable"), QStringLiteral("guestFilter")},
          std::tuple{QStringLiteral("containers"), QStringLiteral("stacksTree"), QStringLiteral("stackFilter")}}) {
        auto* table = page ? page->findChild<QAbstractItemView*>(item) : nullptr;
        auto* filter = page ? page->findChild<QLineEdit*>(edit) : nullptr;
        if (!table || !filter)
            continue;
        QPointer<QAbstractItemView> t(table);
        QPointer<QLineEdit> f(filter);
        steps->append({QStringLiteral("sort:") + view, tab, [t, f](int tick) {
                           if (!t || !t->model())
                               return;
                           if (tick == 0) {
                               if (f)
                                   f->clear();
                               bringToFront(t);
                           }
                           const int columns = t->model()->columnCount();
                           const int column = (tick / 2) % std::max(1, columns);
                           const Qt::SortOrder order = tick % 2 ? Qt::DescendingOrder : Qt::AscendingOrder;
                           if (auto* tv = qobject_cast<QTableView*>(t.data()))
                               tv->sortByColumn(column, order);
                           else if (auto* tree = qobject_cast<QTreeView*>(t.data()))
                               tree->sortByColumn(column, order);
                       }});
        steps->append({QStringLiteral("filter:") + view, tab, [t, f, filters](int tick) {
                           if (!f)
                               return;
                           if (tick == 0 && t)
                               bringToFront(t);
                           f->setText(filters.at(tick % filters.size()));
                       }});
    }
}

/**
 * scripts/bench --large (HLC_BENCH_PHASES="SETTLE_S,PHASE_S", with HLC_STALL_WATCH=1): after SETTLE_S seconds shows
 * each main tab in turn (the Overview, the first host, then every tab after the hosts) for PHASE_S seconds each,
 * then closes the window to the tray for PHASE_S seconds. Each phase starts with "bench-phase: <name>" on stderr and
 * ends with StallWatch's figures for it; "bench-phase: done" when all are over. Off unless the variable is set.
 */
void runBenchPhases(MainWindow* window, const QString& spec)
{
    const QStringList parts = spec.split(QLatin1Char(','));
    const int settleS = parts.value(0).toInt();
    const int phaseS = parts.value(1).toInt();
    if (parts.size() != 2 || settleS < 0 || phaseS < 1) {
        std::fprintf(stderr, "homelab-control: HLC_BENCH_PHASES needs SETTLE_S,PHASE_S; ignored\n");
        return;
    }
    struct Step
    {
        QString name;
        int tab = -1;                      ///< -1: the window closed to the tray
        std::function<void(int tick)> act; ///< called every 250 ms of the phase (sorting, filtering)
    };
    auto steps = std::make_shared<QList<Step>>();
    auto announce = [](const QString& name) {
        std::fprintf(stderr, "bench-phase: %s\n", qPrintable(name));
        std::fflush(stderr);
        stallwatch::phase(name);
    };
    QTimer::singleShot(settleS * 1000, window, [window, steps, phaseS, announce] {
        QTabWidget* tabs = window->tabs();
        const int hosts = static_cast<int>(window->hostPanels().size());
        for (int i = 0; tabs && i < tabs->count(); ++i) {
            if (i > 1 && i <= hosts)
                continue; // one host page stands for all
            QString name = tabs->tabText(i).remove(QLatin1Char('&'));
            name.replace(QLatin1Char(' '), QLatin1Char('_'));
            steps->append({QStringLiteral("tab:") + name, i, {}});
            if (i == 1)
                appendTableSteps(tabs->widget(i), i, steps.get());
        }
        steps->append({QStringLiteral("tray"), -1, {}});
        auto next = std::make_shared<std::function<void()>>();
        *next = [window, steps, phaseS, announce, next] {
            if (steps->isEmpty()) {
                stallwatch::phase(QString()); // the figures of the last phase
                std::fprintf(stderr, "bench-phase: done\n");
                std::fflush(stderr);
                return;
            }
            const Step step = steps->takeFirst();
            if (step.tab >= 0) {
                window->tabs()->setCurrentIndex(step.tab);
            } else if (window->trayIcon() && window->trayIcon()->isAvailable()) {
                window->close(); // to the tray, as the user closes it
            } else {
                window->hide(); // no tray (offscreen): hidden all the same, without quitting
            }
            announce(step.name);
            QTimer* ticker = nullptr;
            if (step.act) { // sorting or filtering: one step every 250 ms, as a user clicking or typing
                ticker = new QTimer(window);
                auto tick = std::make_shared<int>(0);
                QObject::connect(ticker, &QTimer::timeout, window, [act = step.act, tick] { act((*tick)++); });
                ticker->start(250);
            }
            QTimer::singleShot(phaseS * 1000, window, [next, ticker] {
                delete ticker;
                if (*next)
                    (*next)();
            });
        };
        (*next)();
    });
}

/// The command line, the same for the display-less pre-parse (--version, --help) and the real run.
struct Options
{
    QCommandLineOption demo{QStringLiteral("demo"),
                            QCoreApplication::translate("main", "Run on the built-in simulated homelab "
                                                                "(loopback only; no real homelab needed).")};
    QCommandLineOption oldServers{
        QStringLiteral("old-servers"),
        QCoreApplication::translate("main", "With --demo: simulate the oldest server versions the app supports "
                                            "(Proxmox VE 7.4, AdGuard Home v0.105, Home Assistant without "
                                            "subscribe_entities, Alertmanager 0.25).")};
    QCommandLineOption config{QStringList{QStringLiteral("c"), QStringLiteral("config")},
                              QCoreApplication::translate("main", "Use this configuration file."),
                              QCoreApplication::translate("main", "file")};
    QCommandLineOption minimized{QStringLiteral("minimized"),
                                 QCoreApplication::translate("main", "Start in the tray, as the \"Start minimised\" "
                                                                     "setting does (where a tray is available).")};
    QCommandLineOption shot{QStringLiteral("screenshot"),
                            QCoreApplication::translate("main", "Write a PNG of the main window once the first data "
                                                                "has arrived (or of the welcome page on a first "
                                                                "start), then exit."),
                            QCoreApplication::translate("main", "file")};
    QCommandLineOption shotTimeout{QStringLiteral("screenshot-timeout"),
                                   QCoreApplication::translate("main", "Give up waiting for data after this many "
                                                                       "seconds (default 20)."),
                                   QCoreApplication::translate("main", "seconds"), QStringLiteral("20")};

    void addTo(QCommandLineParser* parser) const
    {
        parser->setApplicationDescription(QCoreApplication::translate(
            "main", "Native control center for a Proxmox homelab: live host panels, safe actions, alerts."));
        parser->addHelpOption();
        parser->addVersionOption();
        parser->addOptions({demo, oldServers, config, minimized, shot, shotTimeout});
    }
};

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("homelab-control"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HLC_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("homelab-control"));
}

/// The translation the user chose in the settings ("system", "en", "de"), installed on the application.
void installTranslators(QTranslator* app, QTranslator* qt)
{
    const QString code = UiLanguage::choose(AppPreferences::language(), QLocale::system().uiLanguages());
    if (!UiLanguage::install(code, app, qt))
        std::fprintf(stderr, "homelab-control: the %s translation did not load\n", qPrintable(code));
}

/// True when the arguments ask only for --version or --help: those must work without a display (SSH, scripts).
bool wantsVersionOrHelp(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--")
            break;
        if (a == "-v" || a == "--version" || a == "-h" || a == "--help" || a == "-?" || a == "--help-all")
            return true;
    }
    return false;
}
} // namespace

int main(int argc, char* argv[])
{
    const qint64 mainStartMs = QDateTime::currentMSecsSinceEpoch(); // for HLC_TIMING=1 (scripts/bench) only
    applyDefaultLoggingRules();

    if (wantsVersionOrHelp(argc, argv)) {
        // No QApplication: it would connect to a display, and abort without one.
        QCoreApplication core(argc, argv);
        setApplicationNames();
        QTranslator translator, qtTranslator;
        installTranslators(&translator, &qtTranslator);
        QCommandLineParser parser;
        const Options options;
        options.addTo(&parser);
        parser.process(core); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Homelab Control Center"));
    QApplication::setDesktopFileName(QStringLiteral("homelab-control"));

    QTranslator translator, qtTranslator;
    installTranslators(&translator, &qtTranslator);

    QCommandLineParser parser;
    const Options options;
    options.addTo(&parser);
    parser.process(app);

    // One app per configuration: launching it again shows the running window instead of a second copy polling
    // the same homelab. A --screenshot run is a one-shot tool and never in the way.
    std::unique_ptr<SingleInstance> instance;
    if (!parser.isSet(options.shot)) {
        const QString key =
            parser.isSet(options.demo)
                ? QStringLiteral("demo%1").arg(QLatin1String(parser.isSet(options.oldServers) ? "-old" : ""))
                : QFileInfo(parser.isSet(options.config) ? parser.value(options.config) : ConfigStore::defaultPath())
                      .absoluteFilePath();
        instance = std::make_unique<SingleInstance>(key);
        switch (instance->start()) {
        case SingleInstance::Outcome::Forwarded:
            std::fprintf(stderr, "homelab-control: already running with this configuration: its window was "
                                 "brought to the front\n");
            return 0;
        case SingleInstance::Outcome::Failed:
            std::fprintf(stderr,
                         "homelab-control: cannot listen on %s (%s): a second launch will start a second "
                         "copy\n",
                         qPrintable(instance->path()), qPrintable(instance->error()));
            break;
        case SingleInstance::Outcome::Primary:
            break;
        }
    }

    QNetworkAccessManager nam;
    SecretStore secrets;
    AppSession session(&secrets, &nam);

    if (parser.isSet(options.oldServers) && !parser.isSet(options.demo))
        std::fprintf(stderr, "homelab-control: --old-servers applies only with --demo; ignored\n");
    if (parser.isSet(options.demo)) {
        session.setDemoOldServers(parser.isSet(options.oldServers));
        QString error;
        if (!session.startDemo(&error)) {
            std::fprintf(stderr, "homelab-control: the simulator did not start: %s\n", qPrintable(error));
            return 1;
        }
    } else if (parser.isSet(options.config)) {
        session.openConfig(parser.value(options.config));
    } else {
        session.openDefaultConfig();
    }
    if (session.mode() == AppSession::Mode::ConfigProblem)
        std::fprintf(stderr, "homelab-control: %s\n", qPrintable(session.problem()));
    else if (session.mode() == AppSession::Mode::FirstRun)
        std::fprintf(stderr, "homelab-control: no configuration at %s yet: showing the welcome page\n",
                     qPrintable(session.configPath()));
    if (!session.notice().isEmpty())
        std::fprintf(stderr, "homelab-control: %s\n", qPrintable(session.notice()));

    // The pages are built when the window is shown (a start in the tray builds none) and released a few seconds
    // after it is closed to the tray: the tray, its notifications and the polls it needs are all that stay.
    MainWindow window(nullptr);
    window.setReleaseWhenHidden(!parser.isSet(options.shot));
    shell::connectWindow(&session, &window);
    // As the user left it (geometry, open tab, splitters, columns); a screenshot shows the defaults.
    if (!parser.isSet(options.shot))
        window.setKeepState(true);
    // Start minimised only where the tray can bring the window back.
    if (!((AppPreferences::startMinimized() || parser.isSet(options.minimized)) && window.trayIcon() &&
          window.trayIcon()->isAvailable()) ||
        parser.isSet(options.shot))
        window.show();
    else if (session.homelab())
        session.homelab()->setInBackground(true); // in the tray from the start: the window's own polls wait
    if (instance) {
        QObject::connect(instance.get(), &SingleInstance::activationRequested, &window, [&window] {
            std::fprintf(stderr, "homelab-control: launched again: showing the window\n");
            window.show();
            window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
            window.raise();
            window.activateWindow();
        });
    }
    if (timing::enabled()) // opt-in start-up figures for scripts/bench
        timing::watch(session.homelab(), mainStartMs);
    if (stallwatch::enabled()) // opt-in GUI-thread stall figures for scripts/soak and scripts/bench
        stallwatch::start(&app);
    if (qEnvironmentVariableIsSet("HLC_BENCH_PHASES"))
        runBenchPhases(&window, qEnvironmentVariable("HLC_BENCH_PHASES"));

    if (parser.isSet(options.shot)) {
        const QString file = parser.value(options.shot);
        auto shoot = [&window, file](int code) {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "homelab-control: could not write %s\n", qPrintable(file));
            QApplication::exit(saved ? code : 1);
        };
        // Let one more refresh paint after the first data, so the window shows live numbers. The welcome page and
        // a window without hosts have nothing to wait for.
        QObject::connect(&window, &MainWindow::firstDataShown, &window,
                         [shoot] { QTimer::singleShot(400, qApp, [shoot] { shoot(0); }); });
        if (window.allPanelsHaveData())
            QTimer::singleShot(400, qApp, [shoot] { shoot(0); });
        const int timeoutS = std::max(1, parser.value(options.shotTimeout).toInt());
        QTimer::singleShot(timeoutS * 1000, qApp, [shoot, timeoutS] {
            std::fprintf(stderr, "homelab-control: no data after %d s; the screenshot shows what is there\n", timeoutS);
            shoot(2);
        });
    }
    return QApplication::exec();
}
