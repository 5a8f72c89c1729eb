// hlc-parse-bench: parse throughput of the largest payloads of the large profile (issue 13), printed by scripts/bench.
//
// Starts the simulator's large profile in this process (homelab-sim --profile large), fetches each payload over HTTP
// from 127.0.0.1 as the app's clients would (ApiClient: auth, pinned TLS), then runs the client's parser on the bytes
// N times and prints size, median/min/max parse time, MB/s at the median and where the app parses it: "worker" for
// answers above ServiceClient::kOffThreadParseBytes (256 KB) and Home Assistant's WebSocket messages (its socket
// thread), "GUI" for the rest.
#include "Simulator.h"

#include "core/ApiClient.h"
#include "core/ServiceClient.h"
#include "homeassistant/HomeAssistantParser.h"
#include "portainer/PortainerParser.h"
#include "prometheus/NodeQueries.h"
#include "prometheus/PrometheusParser.h"
#include "proxmox/ProxmoxParser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QSet>
#include <QStandardPaths>
#include <QUrlQuery>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

using namespace hlc;

namespace {

/// GET @p path (with @p query) from @p e, as the app's client for that service would send it; the body, or empty
/// with @p error set.
QByteArray fetch(QNetworkAccessManager* nam, const sim::ServiceEndpoint& e, const Credentials& credentials,
                 const QString& path, const QUrlQuery& query, QString* error)
{
    Endpoint endpoint;
    endpoint.baseUrl = e.baseUrl;
    endpoint.credentials = credentials;
    endpoint.pinnedSha256 = e.tlsSha256;
    endpoint.timeoutMs = 120000;
    endpoint.maxRetries = 0;
    ApiClient api(nam, endpoint);
    QEventLoop loop;
    QByteArray body;
    api.get(path, query, nullptr, [&](const ApiResponse& r) {
        if (r.ok())
            body = r.body;
        else
            *error = QStringLiteral("%1 %2: %3").arg(e.kind, path, r.error.detail);
        loop.quit();
    });
    loop.exec();
    return body;
}

struct Payload
{
    QString name;
    QByteArray body;
    bool workerAlways = false; ///< parsed on a worker whatever its size (Home Assistant's WebSocket thread)
    /// Parses the body once: the number of items read, or -1 with @p error set.
    std::function<qsizetype(const QByteArray&, QString* error)> parse;
};

template<typename T> qsizetype countOf(const Result<T>& r, QString* error)
{
    if (!r.ok()) {
        *error = r.error().detail;
        return -1;
    }
    return r.value().size();
}

int fail(const QString& error)
{
    std::fprintf(stderr, "hlc-parse-bench: %s\n", qPrintable(error));
    return 1;
}

/// The elements of the JSON arrays @p arrays (each `[...]`) as one array.
QByteArray joinArrays(const QList<QByteArray>& arrays)
{
    QByteArray out("[");
    for (const QByteArray& a : arrays) {
        const QByteArray inner = a.trimmed().mid(1).chopped(1).trimmed();
        if (inner.isEmpty())
            continue;
        if (out.size() > 1)
            out += ',';
        out += inner;
    }
    return out + ']';
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("hlc-parse-bench"));
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Parse throughput of the large profile's largest payloads."));
    cli.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Parses per payload (at least 5)."),
                                        QStringLiteral("N"), QStringLiteral("7"));
    cli.addOption(runsOption);
    cli.process(app);
    const int runs = std::max(5, cli.value(runsOption).toInt());
    QStandardPaths::setTestModeEnabled(true); // the simulator writes nothing into the user's folders

    sim::Simulator simulator;
    simulator.setProfile(sim::Simulator::Profile::Large);
    simulator.setTickIntervalMs(0);
    QString error;
    if (!simulator.start(&error))
        return fail(QStringLiteral("the large simulator did not start: %1").arg(error));
    QNetworkAccessManager nam;
    std::vector<Payload> payloads;

    // Proxmox: the app polls /cluster/resources once per cluster (10 nodes, 1,000 guests each); the issue's figure
    // is for 2,000 guests in one answer, so both clusters' answers are also joined into one array.
    QList<QByteArray> pveData;
    QSet<QString> clusters;
    for (const sim::ServiceEndpoint& e : simulator.endpoints(QStringLiteral("proxmox"))) {
        if (clusters.contains(e.cluster))
            continue;
        clusters.insert(e.cluster);
        const QByteArray b = fetch(&nam, e, {AuthScheme::PveToken, e.user, e.secret, {}},
                                   QStringLiteral("/cluster/resources"), {}, &error);
        if (b.isEmpty())
            return fail(error);
        const qsizetype open = b.indexOf('[');
        const qsizetype close = b.lastIndexOf(']');
        if (open < 0 || close < open)
            return fail(QStringLiteral("proxmox /cluster/resources: no data array"));
        pveData << b.mid(open, close - open + 1);
    }
    const auto pveParse = [](const QByteArray& b, QString* e) { return countOf(pve::parser::resources(b), e); };
    payloads.push_back({QStringLiteral("Proxmox /cluster/resources, 1 cluster"), "{\"data\":" + pveData.value(0) + '}',
                        false, pveParse});
    payloads.push_back({QStringLiteral("Proxmox /cluster/resources, 2,000 guests"),
                        "{\"data\":" + joinArrays(pveData) + '}', false, pveParse});

    // Home Assistant: the 5,000 entities' states, as GET /api/states and as the WebSocket get_states result.
    {
        const sim::ServiceEndpoint e = simulator.endpoints(QStringLiteral("homeassistant")).value(0);
        const QByteArray b =
            fetch(&nam, e, {AuthScheme::Bearer, {}, e.secret, {}}, QStringLiteral("/api/states"), {}, &error);
        if (b.isEmpty())
            return fail(error);
        payloads.push_back(
            {QStringLiteral("Home Assistant /api/states, 5,000"), b, false,
             [](const QByteArray& body, QString* err) { return countOf(ha::parser::states(body), err); }});
        payloads.push_back({QStringLiteral("Home Assistant get_states (WebSocket)"),
                            R"({"id":7,"type":"result","success":true,"result":)" + b + '}', true,
                            [](const QByteArray& body, QString* err) -> qsizetype {
                                const auto m = ha::parser::message(body, [](int id, bool event) {
                                    return id == 7 && !event ? ha::Expect::States : ha::Expect::Nothing;
                                });
                                if (!m.ok()) {
                                    *err = m.error().detail;
                                    return -1;
                                }
                                return m.value().delta.changed.size();
                            }});
    }

    // Prometheus: the node charts' batched range query for 5 metrics of 10 hosts (50 series) over 600 points.
    {
        const QList<sim::ServiceEndpoint> eps = simulator.endpoints(QStringLiteral("prometheus"));
        QStringList instances;
        for (const sim::ServiceEndpoint& e : eps) {
            if (instances.size() < 10)
                instances << e.prometheusInstance;
        }
        const QList<prom::NodeMetric> metrics{prom::NodeMetric::CpuPercent, prom::NodeMetric::MemoryPercent,
                                              prom::NodeMetric::RootDiskPercent, prom::NodeMetric::NetReceive,
                                              prom::NodeMetric::Load1};
        const double step = 15;
        const double end = std::floor(static_cast<double>(QDateTime::currentSecsSinceEpoch()) / step) * step;
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("query"),
                       QString::fromLatin1(QUrl::toPercentEncoding(prom::nodequeries::batchQuery(metrics, instances))));
        q.addQueryItem(QStringLiteral("start"), QString::number(end - 599 * step, 'f', 0));
        q.addQueryItem(QStringLiteral("end"), QString::number(end, 'f', 0));
        q.addQueryItem(QStringLiteral("step"), QString::number(step, 'f', 0));
        const sim::ServiceEndpoint e = eps.value(0);
        const QByteArray b =
            fetch(&nam, e, {AuthScheme::None, {}, {}, {}}, QStringLiteral("/api/v1/query_range"), q, &error);
        if (b.isEmpty())
            return fail(error);
        payloads.push_back({QStringLiteral("Prometheus query_range 50 x 600"), b, false,
                            [](const QByteArray& body, QString* err) -> qsizetype {
                                const auto r = prom::parser::queryResult(body);
                                if (!r.ok()) {
                                    *err = r.error().detail;
                                    return -1;
                                }
                                qsizetype points = 0;
                                for (const prom::Series& s : r.value().matrix)
                                    points += s.points.size();
                                return points;
                            }});
    }

    // Docker (Portainer): each environment answers with its 500 containers; the issue's 3,000 are all six joined.
    {
        QList<QByteArray> lists;
        for (const sim::ServiceEndpoint& e : simulator.endpoints(QStringLiteral("portainer"))) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("all"), QStringLiteral("1"));
            const QByteArray b =
                fetch(&nam, e, {AuthScheme::ApiKey, {}, e.secret, {}},
                      QStringLiteral("/endpoints/%1/docker/containers/json").arg(e.portainerEnvironment), q, &error);
            if (b.isEmpty())
                return fail(error);
            lists << b;
        }
        const auto parse = [](const QByteArray& body, QString* err) {
            return countOf(portainer::parser::containers(body), err);
        };
        payloads.push_back({QStringLiteral("Docker containers, 1 environment"), lists.value(0), false, parse});
        payloads.push_back({QStringLiteral("Docker containers, 3,000"), joinArrays(lists), false, parse});
    }

    std::printf("Parse throughput (hlc-parse-bench: the large profile's payloads fetched from homelab-sim on "
                "127.0.0.1, each parsed %d times by the client's parser; median, min-max)\n",
                runs);
    std::printf("%-40s %9s %8s %10s %19s %9s  %s\n", "payload", "size", "items", "median", "min-max", "MB/s",
                "thread (256 KB rule)");
    for (const Payload& p : payloads) {
        std::vector<double> ms;
        qsizetype items = 0;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer t;
            t.start();
            items = p.parse(p.body, &error);
            ms.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
            if (items < 0)
                return fail(QStringLiteral("%1: %2").arg(p.name, error));
        }
        std::sort(ms.begin(), ms.end());
        const double median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
        const double mb = static_cast<double>(p.body.size()) / (1024.0 * 1024.0);
        const bool worker = p.workerAlways || p.body.size() > ServiceClient::kOffThreadParseBytes;
        std::printf("%-40s %6.2f MB %8lld %7.1f ms %8.1f-%6.1f ms %9.1f  %s\n", qPrintable(p.name), mb,
                    static_cast<long long>(items), median, ms.front(), ms.back(), mb / (median / 1000.0),
                    worker ? (p.workerAlways ? "worker (HA socket thread)" : "worker") : "GUI");
    }
    std::printf("  items: resources, states, points or containers read. MB = 1,048,576 bytes. The app polls one\n"
                "  /cluster/resources per cluster and one container list per environment: the joined lines are the\n"
                "  issue's sizes in one answer.\n");
    return 0;
}
