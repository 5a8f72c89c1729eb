// homelab-sim: runs the simulated homelab on loopback until SIGINT/SIGTERM and prints how to reach it.
#include "ProxmoxSim.h"
#include "SimHealthServices.h"
#include "SimHomeAssistant.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimN8n.h"
#include "Simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <csignal>
#include <functional>
#include <memory>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int s_signalFd[2] = {-1, -1};

void onSignal(int sig)
{
    const char c = sig == SIGUSR1 ? 2 : 1;
    [[maybe_unused]] const auto n = ::write(s_signalFd[0], &c, 1); // async-signal-safe: just wake the event loop
}

/// SIGINT/SIGTERM quit the event loop; SIGUSR1 calls @p onUsr1 (restart the request-count window).
bool installSignalHandlers(QObject* context, std::function<void()> onUsr1)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFd) != 0)
        return false;
    auto* notifier = new QSocketNotifier(s_signalFd[1], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier, onUsr1] {
        char c = 0;
        [[maybe_unused]] const auto n = ::read(s_signalFd[1], &c, 1);
        if (c == 2) {
            if (onUsr1)
                onUsr1();
            return;
        }
        notifier->setEnabled(false);
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &sa, nullptr) == 0 && ::sigaction(SIGTERM, &sa, nullptr) == 0 &&
           ::sigaction(SIGUSR1, &sa, nullptr) == 0;
}

QString colonHex(const QByteArray& hex)
{
    QStringList parts;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        parts.append(QString::fromLatin1(hex.mid(i, 2)).toUpper());
    return parts.join(QLatin1Char(':'));
}

/// What the app's config file calls the auth scheme of a simulated service (see app/DemoSetup.cpp, which wires the
/// in-process demo the same way; the simulator cannot link the app library).
QString authOf(const hlc::sim::ServiceEndpoint& ep)
{
    const QString& kind = ep.kind;
    if (kind == QLatin1String("proxmox"))
        return ep.auth.isEmpty() ? QStringLiteral("pve-token") : ep.auth;
    if (kind == QLatin1String("portainer"))
        return QStringLiteral("api-key");
    if (kind == QLatin1String("agents") || kind == QLatin1String("homeassistant"))
        return QStringLiteral("bearer");
    if (kind == QLatin1String("adguard"))
        return QStringLiteral("basic");
    return QStringLiteral("none");
}

/// A homelab-control configuration file (format 1) with every simulated service and health probe, polling at the
/// app's default intervals (as a user's file would). Holds no secret.
QByteArray configJson(const hlc::sim::Simulator& sim)
{
    QJsonArray hosts;
    QStringList order;
    QMap<QString, QJsonObject> hostObjects;
    QMap<QString, QJsonArray> hostServices;
    for (const hlc::sim::ServiceEndpoint& ep : sim.endpoints()) {
        if (!hostObjects.contains(ep.hostId)) {
            order << ep.hostId;
            hostObjects.insert(ep.hostId, QJsonObject{{QStringLiteral("id"), ep.hostId},
                                                      {QStringLiteral("name"), ep.hostName},
                                                      {QStringLiteral("role"), QStringLiteral("Simulated host")},
                                                      {QStringLiteral("address"), QStringLiteral("127.0.0.1")}});
        }
        QJsonObject s{{QStringLiteral("id"), ep.kind},
                      {QStringLiteral("kind"), ep.kind},
                      {QStringLiteral("baseUrl"), ep.baseUrl.toString()},
                      {QStringLiteral("auth"), authOf(ep)},
                      {QStringLiteral("timeoutMs"), ep.kind == QLatin1String("ollama") ? 8000 : 4000}};
        if (!ep.user.isEmpty())
            s.insert(QStringLiteral("user"), ep.user);
        if (!ep.tlsSha256.isEmpty())
            s.insert(QStringLiteral("pinnedSha256"), QString::fromLatin1(ep.tlsSha256));
        if (ep.kind == QLatin1String("proxmox"))
            s.insert(QStringLiteral("proxmoxNode"), ep.node);
        if (ep.kind == QLatin1String("proxmox") && !ep.cluster.isEmpty())
            s.insert(QStringLiteral("cluster"), ep.cluster);
        if (ep.kind == QLatin1String("portainer"))
            s.insert(QStringLiteral("portainerEndpointId"), ep.portainerEnvironment);
        if (ep.kind == QLatin1String("prometheus"))
            s.insert(QStringLiteral("prometheusInstance"), ep.prometheusInstance);
        if (ep.kind == QLatin1String("n8n"))
            s.insert(QStringLiteral("webhooks"), hlc::sim::SimN8n::quickActionsConfig(false));
        if (ep.kind == QLatin1String("homeassistant")) {
            s.insert(QStringLiteral("websocketUrl"), ep.webSocketUrl.toString());
            s.insert(QStringLiteral("favourites"), QJsonArray{QStringLiteral("light.living_room_ceiling"),
                                                              QStringLiteral("sensor.living_room_temperature")});
        }
        hostServices[ep.hostId].append(s);
    }
    for (const QString& id : std::as_const(order)) {
        QJsonObject h = hostObjects.value(id);
        h.insert(QStringLiteral("services"), hostServices.value(id));
        if (const hlc::sim::SimHealthServices* health = sim.health()) {
            QJsonArray probes;
            for (const hlc::sim::SimProbeTarget& t : health->targets(id)) {
                probes.append(QJsonObject{{QStringLiteral("name"), t.name},
                                          {QStringLiteral("kind"), t.kind},
                                          {QStringLiteral("url"), t.url.toString()},
                                          {QStringLiteral("openInBrowser"), t.openInBrowser}});
            }
            if (!probes.isEmpty())
                h.insert(QStringLiteral("probes"), probes);
        }
        hosts.append(h);
    }
    const QJsonObject root{{QStringLiteral("version"), 1},
                           {QStringLiteral("refreshIntervalMs"), 5000},
                           {QStringLiteral("healthIntervalMs"), 30000},
                           {QStringLiteral("healthTimeoutMs"), 3000},
                           {QStringLiteral("hosts"), hosts}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

/// "KEY<TAB>SECRET" lines: the keychain key homelab-control reads (`<host id>/<service id>`, n8n's webhook header
/// under `<host id>/n8n/backup`) and this run's throw-away secret.
QByteArray secretsTsv(const hlc::sim::Simulator& sim)
{
    QByteArray out;
    for (const hlc::sim::ServiceEndpoint& ep : sim.endpoints()) {
        if (ep.secret.isEmpty())
            continue;
        const QString key = ep.hostId + QLatin1Char('/') + ep.kind +
                            (ep.kind == QLatin1String("n8n") ? QStringLiteral("/backup") : QString());
        out += key.toUtf8() + '\t' + ep.secret.toUtf8() + '\n';
    }
    return out;
}

bool writeFile(const QString& path, const QByteArray& data, bool privateFile, QString* error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = f.errorString();
        return false;
    }
    if (privateFile)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(data);
    if (!f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

/// Counts the requests each simulated service receives within a window (from start, or the last restart(), to
/// write()). Servers shared by several hosts (the one Prometheus) are counted once.
class RequestCounter
{
public:
    explicit RequestCounter(const hlc::sim::Simulator& sim)
        : m_sim(sim)
    {
        for (const hlc::sim::ServiceEndpoint& ep : sim.endpoints()) {
            hlc::sim::SimHttpServer* server = sim.server(ep.hostId, ep.kind);
            if (!server)
                continue;
            bool shared = false;
            for (Entry& e : m_entries) {
                if (e.server == server) {
                    if (ep.cluster.isEmpty())
                        e.label += QLatin1Char('+') + ep.hostId;
                    shared = true;
                }
            }
            // A cluster's one API is counted under the cluster's name (its nodes are many hosts).
            if (!shared)
                m_entries.append({ep.kind + QLatin1Char('/') +
                                      (ep.cluster.isEmpty() ? ep.hostId : QStringLiteral("cluster-") + ep.cluster),
                                  server, 0});
        }
        m_ha = sim.findChildren<hlc::sim::SimHomeAssistant*>();
        restart();
    }

    void restart()
    {
        for (Entry& e : m_entries)
            e.baseline = e.server->requests().size();
        m_healthBaseline = m_sim.health() ? m_sim.health()->requestsSeen() : 0;
        m_wsBaseline = wsCommands();
        m_clock.start();
    }

    /// Tab-separated: a header, one line per service ("service requests per_minute"), then per request path.
    [[nodiscard]] QByteArray report() const
    {
        const double minutes = std::max<qint64>(1, m_clock.elapsed()) / 60000.0;
        QByteArray out = "# homelab-sim request counts over the window (SIGUSR1 or start .. exit)\n";
        out += "window_s\t" + QByteArray::number(m_clock.elapsed() / 1000.0, 'f', 1) + '\n';
        out += "service\trequests\tper_min\n";
        auto line = [&out, minutes](const QString& label, qint64 n) {
            out +=
                label.toUtf8() + '\t' + QByteArray::number(n) + '\t' + QByteArray::number(n / minutes, 'f', 1) + '\n';
        };
        qint64 total = 0;
        QMap<QString, qint64> paths;
        for (const Entry& e : m_entries) {
            const QList<hlc::sim::SimRequest> all = e.server->requests();
            const qint64 n = all.size() - e.baseline;
            total += n;
            line(e.label, n);
            for (qsizetype i = e.baseline; i < all.size(); ++i) {
                QString key =
                    e.label + QLatin1Char('\t') + QString::fromLatin1(all[i].method) + QLatin1Char(' ') + all[i].path;
                // PromQL says which numbers were asked for (a query is never a secret).
                if (all[i].path.endsWith(QLatin1String("/query")) ||
                    all[i].path.endsWith(QLatin1String("/query_range")))
                    key += QStringLiteral("?query=") +
                           all[i].query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded).left(100);
                ++paths[key];
            }
        }
        if (m_sim.health()) {
            const qint64 n = m_sim.health()->requestsSeen() - m_healthBaseline;
            total += n;
            line(QStringLiteral("health-http/all"), n);
        }
        out += "TOTAL_HTTP\t" + QByteArray::number(total) + '\t' + QByteArray::number(total / minutes, 'f', 1) + '\n';
        line(QStringLiteral("homeassistant-ws-commands/all"), wsCommands() - m_wsBaseline);
        out += "# per path: service, method and path, requests\n";
        for (auto it = paths.cbegin(); it != paths.cend(); ++it)
            out += "path\t" + it.key().toUtf8() + '\t' + QByteArray::number(it.value()) + '\n';
        return out;
    }

private:
    struct Entry
    {
        QString label;
        hlc::sim::SimHttpServer* server = nullptr;
        qsizetype baseline = 0;
    };
    [[nodiscard]] qint64 wsCommands() const
    {
        static const char* const kTypes[] = {"ping",
                                             "get_states",
                                             "subscribe_events",
                                             "subscribe_entities",
                                             "unsubscribe_events",
                                             "call_service",
                                             "config/entity_registry/list_for_display",
                                             "config/area_registry/list"};
        qint64 n = 0;
        for (const hlc::sim::SimHomeAssistant* ha : m_ha) {
            for (const char* t : kTypes)
                n += ha->commandCount(QLatin1String(t));
        }
        return n;
    }

    const hlc::sim::Simulator& m_sim;
    QList<Entry> m_entries;
    QList<hlc::sim::SimHomeAssistant*> m_ha;
    qint64 m_healthBaseline = 0;
    qint64 m_wsBaseline = 0;
    QElapsedTimer m_clock;
};

/// scripts/soak: every @p periodMs, turns the next fault on for every request to every simulated service, or clears
/// it again (on and off in turn), and prints each change on stdout. Health probe targets are left alone.
class FaultCycler : public QObject
{
public:
    /// @param only the names of the faults to cycle through (faults()); empty: all of them
    FaultCycler(const hlc::sim::Simulator& sim, int periodMs, const QStringList& only, QTextStream* out,
                QObject* parent)
        : QObject(parent)
        , m_out(out)
    {
        for (const Named& n : faults()) {
            if (only.isEmpty() || only.contains(QLatin1String(n.name)))
                m_faults.append(n);
        }
        for (const hlc::sim::ServiceEndpoint& ep : sim.endpoints()) {
            hlc::sim::SimHttpServer* server = sim.server(ep.hostId, ep.kind);
            if (server && !m_servers.contains(server))
                m_servers.append(server);
        }
        auto* timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, &FaultCycler::step);
        timer->start(periodMs);
    }

    struct Named
    {
        const char* name;
        hlc::sim::Fault fault;
    };
    static QList<Named> faults()
    {
        using F = hlc::sim::Fault;
        auto with = [](auto set) {
            F f;
            set(f);
            return f;
        };
        return {{"hang", with([](F& f) { f.hang = true; })},
                {"latency 10 s", with([](F& f) { f.latencyMs = 10000; })},
                {"reset", with([](F& f) { f.reset = true; })},
                {"500", with([](F& f) { f.status = 500; })},
                {"malformed JSON", with([](F& f) { f.body = F::Body::Malformed; })},
                {"401", with([](F& f) { f.status = 401; })},
                {"truncated body", with([](F& f) { f.body = F::Body::Truncated; })},
                {"503", with([](F& f) { f.status = 503; })},
                {"wrong shape", with([](F& f) { f.body = F::Body::WrongShape; })},
                {"empty body", with([](F& f) { f.body = F::Body::Empty; })}};
    }

private:
    void step()
    {
        if (m_on) {
            for (hlc::sim::SimHttpServer* s : std::as_const(m_servers))
                s->clearFaults();
            *m_out << "homelab-sim: faults cleared\n";
        } else {
            const Named& next = m_faults.at(m_next % m_faults.size());
            ++m_next;
            for (hlc::sim::SimHttpServer* s : std::as_const(m_servers))
                s->setFault("*", QStringLiteral("*"), next.fault);
            *m_out << "homelab-sim: fault on: " << next.name << '\n';
        }
        m_on = !m_on;
        m_out->flush();
    }

    QList<hlc::sim::SimHttpServer*> m_servers;
    QList<Named> m_faults;
    QTextStream* m_out;
    qsizetype m_next = 0;
    bool m_on = false;
};
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("homelab-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HLC_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Simulated homelab for homelab-control: two standalone Proxmox VE hosts (pve-thinkpad, "
                       "pve-ryzen) with moving metrics, served over HTTPS on 127.0.0.1 with self-signed "
                       "certificates and random API tokens. Runs until Ctrl+C / SIGTERM."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption tickOption(QStringLiteral("tick-ms"),
                                        QStringLiteral("Milliseconds between metric updates (default 1000)."),
                                        QStringLiteral("ms"), QStringLiteral("1000"));
    const QCommandLineOption offlineOption(QStringLiteral("offline"),
                                           QStringLiteral("Start with node <name> offline (repeatable)."),
                                           QStringLiteral("name"));
    const QCommandLineOption configOption(
        QStringLiteral("write-config"),
        QStringLiteral("Write a homelab-control configuration file pointing at this simulator (every service and "
                       "health probe, the app's default intervals, pinned certificates, no secrets)."),
        QStringLiteral("file"));
    const QCommandLineOption secretsOption(
        QStringLiteral("write-secrets"),
        QStringLiteral("Write this run's throw-away secrets as KEY<TAB>SECRET lines (mode 0600), KEY being the "
                       "keychain key homelab-control reads (service homelab-control)."),
        QStringLiteral("file"));
    const QCommandLineOption statsOption(
        QStringLiteral("stats"),
        QStringLiteral("At exit, write the requests each service received (total, per minute, per path) since the "
                       "start or the last SIGUSR1, tab-separated. Each SIGUSR1 writes the counts so far to <file>.1, "
                       "<file>.2, ... and starts counting anew."),
        QStringLiteral("file"));
    const QCommandLineOption oldOption(
        QStringLiteral("old-servers"),
        QStringLiteral("Serve the oldest versions homelab-control supports: PVE 7.4, AdGuard Home v0.105.2 (no "
                       "/control/protection), Home Assistant without subscribe_entities, Alertmanager 0.25."));
    const QCommandLineOption faultsOption(
        QStringLiteral("cycle-faults"),
        QStringLiteral("Every <seconds>, turn the next fault (hang, 10 s latency, reset, 500, malformed JSON, 401, "
                       "truncated body, 503, wrong shape, empty body) on for every service, or off again, in turn."),
        QStringLiteral("seconds"));
    parser.addOption(faultsOption);
    const QCommandLineOption faultKindsOption(
        QStringLiteral("cycle-only"),
        QStringLiteral("With --cycle-faults: cycle only through these faults, comma-separated names as listed there "
                       "(e.g. \"malformed JSON,401\"), to find which one a soak's memory growth follows."),
        QStringLiteral("names"));
    parser.addOption(faultKindsOption);
    const QCommandLineOption haEntitiesOption(
        QStringLiteral("ha-entities"),
        QStringLiteral("Home Assistant serves <n> entities: the seed plus bulk lights and sensors with ~4 kB of "
                       "attributes each (5000: a ~20 MB get_states answer)."),
        QStringLiteral("n"), QStringLiteral("0"));
    parser.addOption(haEntitiesOption);
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QStringLiteral("The homelab to simulate: \"demo\" (default: two standalone hosts) or \"large\" (20 Proxmox "
                       "nodes in 2 clusters with 2,000 guests, 6 Portainer environments with 3,000 containers, 5,000 "
                       "Home Assistant entities changing 50 times a second, 300 alerts, 8 GPUs, 12 loaded models, 60 "
                       "health probes, guests and containers changing every 5 s)."),
        QStringLiteral("name"), QStringLiteral("demo"));
    parser.addOption(profileOption);
    parser.addOption(tickOption);
    parser.addOption(oldOption);
    parser.addOption(offlineOption);
    parser.addOption(configOption);
    parser.addOption(secretsOption);
    parser.addOption(statsOption);
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    bool ok = false;
    const int tickMs = parser.value(tickOption).toInt(&ok);
    if (!ok || tickMs < 0) {
        err << "homelab-sim: --tick-ms needs a number >= 0\n";
        return 2;
    }
    const int haEntities = parser.value(haEntitiesOption).toInt(&ok);
    if (!ok || haEntities < 0 || haEntities > 200000) {
        err << "homelab-sim: --ha-entities needs a number from 0 to 200000\n";
        return 2;
    }
    const std::optional<hlc::sim::Simulator::Profile> profile =
        hlc::sim::Simulator::profileNamed(parser.value(profileOption));
    if (!profile) {
        err << "homelab-sim: --profile needs \"demo\" or \"large\"\n";
        return 2;
    }
    hlc::sim::Simulator sim;
    sim.setProfile(*profile);
    sim.setHomeAssistantEntities(haEntities);
    std::unique_ptr<RequestCounter> counter;
    // SIGUSR1 ends a counting window: with --stats FILE its counts go to FILE.1, FILE.2, ... (scripts/bench --large
    // counts each phase), then a new window starts.
    int windowsWritten = 0;
    const QString statsPath = parser.value(statsOption);
    if (!installSignalHandlers(&app, [&counter, &windowsWritten, statsPath, &err] {
            if (!counter)
                return;
            QString writeError;
            const QString path = statsPath + QLatin1Char('.') + QString::number(++windowsWritten);
            if (!statsPath.isEmpty() && !writeFile(path, counter->report(), /*privateFile=*/false, &writeError))
                err << "homelab-sim: cannot write " << path << ": " << writeError << '\n';
            counter->restart();
        }))
        err << "homelab-sim: cannot install signal handlers; stop with SIGKILL\n";

    sim.setTickIntervalMs(tickMs);
    sim.setOldServers(parser.isSet(oldOption));
    QString error;
    if (!sim.start(&error)) {
        err << "homelab-sim: " << error << '\n';
        return 1;
    }
    counter = std::make_unique<RequestCounter>(sim);
    for (const QString& node : parser.values(offlineOption)) {
        if (!sim.homelab()->node(node)) {
            err << "homelab-sim: no node " << node << '\n';
            return 2;
        }
        sim.homelab()->setNodeOnline(node, false);
    }

    // Files for scripts/bench: written after the offline nodes are set, before the banner (whose end means ready).
    if (parser.isSet(secretsOption) &&
        !writeFile(parser.value(secretsOption), secretsTsv(sim), /*privateFile=*/true, &error)) {
        err << "homelab-sim: cannot write " << parser.value(secretsOption) << ": " << error << '\n';
        return 1;
    }
    if (parser.isSet(configOption) &&
        !writeFile(parser.value(configOption), configJson(sim), /*privateFile=*/false, &error)) {
        err << "homelab-sim: cannot write " << parser.value(configOption) << ": " << error << '\n';
        return 1;
    }

    // The certificates, so curl can verify instead of using --insecure (they cover IP:127.0.0.1).
    QTemporaryDir certDir;
    out << "homelab-sim " << HLC_VERSION << ": simulated homelab on 127.0.0.1\n"
        << "The secrets below are random throw-away tokens of this simulator run, printed on purpose.\n\n";
    QString curlExample;
    for (const hlc::sim::ServiceEndpoint& ep : sim.endpoints()) {
        QString certPath;
        if (hlc::sim::SimHttpServer* server = sim.server(ep.hostId, ep.kind); server && server->isTls()) {
            certPath = certDir.filePath(ep.hostId + QLatin1Char('-') + ep.kind + QStringLiteral(".pem"));
            QFile f(certPath);
            if (f.open(QIODevice::WriteOnly))
                f.write(server->tlsIdentity().certificate.toPem());
        }
        out << ep.hostId << " (" << ep.hostName << ")  " << ep.kind << '\n'
            << "  url:      " << ep.baseUrl.toString() << '\n'
            << "  user:     " << ep.user << '\n'
            << "  secret:   " << ep.secret << '\n'
            << "  sha256:   " << ep.tlsSha256 << '\n'
            << "            " << colonHex(ep.tlsSha256) << '\n';
        if (!certPath.isEmpty())
            out << "  cert:     " << certPath << '\n';
        if (ep.webSocketUrl.isValid())
            out << "  ws:       " << ep.webSocketUrl.toString() << '\n';
        out << '\n';
        if (curlExample.isEmpty() && ep.kind == QLatin1String("proxmox")) {
            curlExample = QStringLiteral("curl --cacert %1 -H 'Authorization: PVEAPIToken=%2=%3' %4/nodes/%5/status")
                              .arg(certPath, ep.user, ep.secret, ep.baseUrl.toString(), ep.node);
        }
    }
    if (!curlExample.isEmpty())
        out << "Try:\n  " << curlExample << "\n\n";
    out << "Press Ctrl+C to stop.\n";
    out.flush();

    if (parser.isSet(faultsOption)) {
        const int seconds = parser.value(faultsOption).toInt(&ok);
        if (!ok || seconds < 1) {
            err << "homelab-sim: --cycle-faults needs a number of seconds >= 1\n";
            return 2;
        }
        QStringList only;
        for (const QString& name : parser.value(faultKindsOption).split(QLatin1Char(','), Qt::SkipEmptyParts))
            only.append(name.trimmed());
        for (const QString& name : std::as_const(only)) {
            const QList<FaultCycler::Named> all = FaultCycler::faults();
            if (std::none_of(all.begin(), all.end(), [&](const auto& n) { return name == QLatin1String(n.name); })) {
                err << "homelab-sim: --cycle-only: no fault named \"" << name << "\" (see --help)\n";
                return 2;
            }
        }
        new FaultCycler(sim, seconds * 1000, only, &out, &app);
    }
    const int rc = QCoreApplication::exec();
    if (parser.isSet(statsOption) &&
        !writeFile(parser.value(statsOption), counter->report(), /*privateFile=*/false, &error))
        err << "homelab-sim: cannot write " << parser.value(statsOption) << ": " << error << '\n';
    counter.reset();
    sim.stop();
    out << "homelab-sim: stopped\n";
    return rc;
}
