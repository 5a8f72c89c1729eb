// homelab-sim: runs the simulated homelab on loopback until SIGINT/SIGTERM and prints how to reach it.
#include "ProxmoxSim.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "Simulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int s_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(s_signalFd[0], &c, 1); // async-signal-safe: just wake the event loop
}

bool installSignalHandlers(QObject* context)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFd) != 0)
        return false;
    auto* notifier = new QSocketNotifier(s_signalFd[1], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier] {
        notifier->setEnabled(false);
        char c = 0;
        [[maybe_unused]] const auto n = ::read(s_signalFd[1], &c, 1);
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &sa, nullptr) == 0 && ::sigaction(SIGTERM, &sa, nullptr) == 0;
}

QString colonHex(const QByteArray& hex)
{
    QStringList parts;
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        parts.append(QString::fromLatin1(hex.mid(i, 2)).toUpper());
    return parts.join(QLatin1Char(':'));
}

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
    parser.addOption(tickOption);
    parser.addOption(offlineOption);
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    bool ok = false;
    const int tickMs = parser.value(tickOption).toInt(&ok);
    if (!ok || tickMs < 0) {
        err << "homelab-sim: --tick-ms needs a number >= 0\n";
        return 2;
    }
    if (!installSignalHandlers(&app))
        err << "homelab-sim: cannot install signal handlers; stop with SIGKILL\n";

    hlc::sim::Simulator sim;
    sim.setTickIntervalMs(tickMs);
    QString error;
    if (!sim.start(&error)) {
        err << "homelab-sim: " << error << '\n';
        return 1;
    }
    for (const QString& node : parser.values(offlineOption)) {
        if (!sim.homelab()->node(node)) {
            err << "homelab-sim: no node " << node << '\n';
            return 2;
        }
        sim.homelab()->setNodeOnline(node, false);
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

    const int rc = QCoreApplication::exec();
    sim.stop();
    out << "homelab-sim: stopped\n";
    return rc;
}
