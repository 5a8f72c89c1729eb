// The fault matrix: every one of the nine service clients against every kind of broken answer, over real loopback
// sockets to the whole simulated homelab. Transport faults (hang, reset, truncated, oversized, refused) and HTTP
// errors (401, 403, 404, 500, 503) must end in an error of the right kind that names where it happened; odd bodies
// (malformed, null, empty, another shape than documented) in a clear parse error or an empty value. Never a crash, a
// hang past the timeout, or the secret in a message.
#include "TestUtil.h"

#include "DemoSetup.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "adguard/AdGuardClient.h"
#include "agents/AgentsClient.h"
#include "alertmanager/AlertmanagerClient.h"
#include "core/Config.h"
#include "homeassistant/HomeAssistantClient.h"
#include "n8n/N8nClient.h"
#include "ollama/OllamaClient.h"
#include "portainer/PortainerClient.h"
#include "prometheus/PrometheusClient.h"
#include "proxmox/ProxmoxClient.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

using namespace hlc;

namespace {

/// What one call ended in.
struct Outcome
{
    bool done = false;
    bool ok = false;
    ApiError error;
};

template<typename T> std::function<void(Result<T>)> into(Outcome* o)
{
    return [o](Result<T> r) {
        o->done = true;
        o->ok = r.ok();
        if (!r.ok())
            o->error = r.error();
    };
}

enum class Fault
{
    Hang,
    Reset,
    Truncated,
    Oversized,
    Http401,
    Http403,
    Http404,
    Http500,
    Http503,
    Malformed,
    Null,
    Empty,
    WrongShape,
    Refused
};

const char* faultName(Fault f)
{
    switch (f) {
    case Fault::Hang:
        return "hang";
    case Fault::Reset:
        return "reset";
    case Fault::Truncated:
        return "truncated";
    case Fault::Oversized:
        return "oversized";
    case Fault::Http401:
        return "401";
    case Fault::Http403:
        return "403";
    case Fault::Http404:
        return "404";
    case Fault::Http500:
        return "500";
    case Fault::Http503:
        return "503";
    case Fault::Malformed:
        return "malformed";
    case Fault::Null:
        return "null";
    case Fault::Empty:
        return "empty";
    case Fault::WrongShape:
        return "wrong-shape";
    case Fault::Refused:
        return "refused";
    }
    return "?";
}

/// Odd bodies with status 200: a parse error or an empty value are both acceptable answers.
bool isBodyFault(Fault f)
{
    return f == Fault::Malformed || f == Fault::Null || f == Fault::Empty || f == Fault::WrongShape;
}

} // namespace

class TestFaultMatrix : public QObject
{
    Q_OBJECT

    std::unique_ptr<sim::Simulator> m_sim;
    QNetworkAccessManager* m_nam = nullptr;
    Config m_config;
    int m_cases = 0;
    int m_parseErrors = 0;
    int m_emptyValues = 0;

    /// Calls the main read of @p kind (n8n: its webhook, an action) on a client made for this test.
    Outcome call(const QString& kind, const Endpoint& e, const ServiceConfig& svc)
    {
        Outcome o;
        QObject ctx;
        if (kind == QLatin1String("proxmox")) {
            pve::ProxmoxClient c(m_nam, e);
            c.nodes(&ctx, into<QList<pve::NodeEntry>>(&o));
            hlc::test::waitFor([&] { return o.done; }, 20000);
        } else if (kind == QLatin1String("portainer")) {
            portainer::PortainerClient c(m_nam, e);
            c.stacks(&ctx, into<QList<portainer::Stack>>(&o));
            hlc::test::waitFor([&] { return o.done; }, 20000);
        } else if (kind == QLatin1String("prometheus")) {
            prom::PrometheusClient c(m_nam, e);
            c.query(QStringLiteral("up"), {}, &ctx, into<prom::QueryResult>(&o));
            hlc::test::waitFor([&] { return o.done; }, 20000);
        } else if (kind == QLatin1String("alertmanager")) {
            am::AlertmanagerClient c(m_nam, e);
            c.alerts({}, &ctx, into<QList<am::Alert>>(&o));
            hlc::test::waitFor([&] { return o.done; }, 20000);
        } else if (kind == QLatin1String("adguard")) {
            adguard::AdGuardClient c(m_nam, e);
            c.stats(&ctx, into<adguard::Stats>(&o));
            hlc::test::waitFor([&] { return o.done; }, 20000);
        } else if (kind == QLatin1String("homeassistant")) {
            ha::HomeAssistantClient c(m_nam, e);
            c.fetchStates(&ctx, into<QList<ha::EntityState>>(&o));
            hlc::test::waitFor([&] { return o.done; }, 20000);
        } else if (kind == QLatin1String("ollama")) {
            ollama::OllamaClient c(m_nam, e);
            c.ps(&ctx, into<QList<ollama::LoadedModel>>(&o));
            hlc::test::waitFor([&] { return o.done; }, 20000);
        } else if (kind == QLatin1String("agents")) {
            agents::AgentsClient c(m_nam, e);
            c.agents(&ctx, into<QList<agents::Agent>>(&o));
            hlc::test::waitFor([&] { return o.done; }, 20000);
        } else if (kind == QLatin1String("n8n")) {
            n8n::N8nClient c(m_nam, e);
            const QList<n8n::WebhookAction> actions = n8n::N8nClient::actionsFromConfig(svc.extra);
            if (actions.isEmpty())
                return o;
            c.trigger(actions.first(), QStringLiteral("header-secret-not-for-messages"), &ctx,
                      into<n8n::WebhookResult>(&o));
            hlc::test::waitFor([&] { return o.done; }, 20000);
        }
        return o;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<sim::Simulator>();
        m_sim->setTickIntervalMs(0);
        QString error;
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_config = demo::configFor(*m_sim);
        m_nam = new QNetworkAccessManager(this);
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("fault");
        for (const char* kind : {"proxmox", "portainer", "prometheus", "alertmanager", "adguard", "homeassistant",
                                 "ollama", "agents", "n8n"}) {
            for (int f = 0; f <= int(Fault::Refused); ++f)
                QTest::addRow("%s-%s", kind, faultName(Fault(f))) << QString::fromLatin1(kind) << f;
        }
    }

    void matrix()
    {
        QFETCH(QString, kind);
        QFETCH(int, fault);
        const Fault f = Fault(fault);
        const QList<sim::ServiceEndpoint> eps = m_sim->endpoints(kind);
        QVERIFY2(!eps.isEmpty(), qPrintable(kind));
        const sim::ServiceEndpoint& ep = eps.first();
        const ServiceConfig* svc = nullptr;
        for (const HostConfig& h : m_config.hosts) {
            for (const ServiceConfig& s : h.services) {
                if (h.id == ep.hostId && serviceKindName(s.kind) == kind)
                    svc = &s;
            }
        }
        QVERIFY2(svc, qPrintable(kind));
        Endpoint e = endpointFor(*svc, false);
        e.credentials.secret = ep.secret;
        e.timeoutMs = 800;
        e.maxRetries = 0;
        e.maxBodyBytes = 1024 * 1024;
        sim::SimHttpServer* server = m_sim->server(ep.hostId, kind);
        QVERIFY(server);

        sim::Fault injected;
        switch (f) {
        case Fault::Hang:
            injected.hang = true;
            break;
        case Fault::Reset:
            injected.reset = true;
            break;
        case Fault::Truncated:
            injected.body = sim::Fault::Body::Truncated;
            break;
        case Fault::Oversized:
            injected.body = sim::Fault::Body::Oversized;
            injected.oversizedBytes = 4 * 1024 * 1024;
            break;
        case Fault::Http401:
            injected.status = 401;
            break;
        case Fault::Http403:
            injected.status = 403;
            break;
        case Fault::Http404:
            injected.status = 404;
            break;
        case Fault::Http500:
            injected.status = 500;
            break;
        case Fault::Http503:
            injected.status = 503;
            break;
        case Fault::Malformed:
            injected.body = sim::Fault::Body::Malformed;
            break;
        case Fault::Null:
            injected.body = sim::Fault::Body::Null;
            break;
        case Fault::Empty:
            injected.body = sim::Fault::Body::Empty;
            break;
        case Fault::WrongShape:
            injected.body = sim::Fault::Body::WrongShape;
            break;
        case Fault::Refused: {
            // Nothing listens on a port that was just free.
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            const quint16 port = probe.serverPort();
            probe.close();
            QUrl url = e.baseUrl;
            url.setPort(port);
            e.baseUrl = url;
            break;
        }
        }
        if (f != Fault::Refused)
            server->setFault("*", QStringLiteral("*"), injected);
        const auto clear = qScopeGuard([server] { server->clearFaults(); });

        QElapsedTimer t;
        t.start();
        const Outcome o = call(kind, e, *svc);
        QVERIFY2(o.done, "no answer at all: the client hung past its timeout");
        ++m_cases;
        const QString where = QStringLiteral("%1:%2").arg(e.baseUrl.host()).arg(e.baseUrl.port());
        const QString all = o.error.message + QLatin1Char('\n') + o.error.detail;
        QVERIFY2(ep.secret.isEmpty() || !all.contains(ep.secret), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("header-secret-not-for-messages")), qPrintable(all));

        if (isBodyFault(f)) {
            if (kind == QLatin1String("n8n")) {
                QVERIFY2(o.ok, qPrintable(all)); // a webhook's answer is whatever the workflow returns
                return;
            }
            if (o.ok) {
                ++m_emptyValues;
            } else {
                ++m_parseErrors;
                QCOMPARE(int(o.error.kind), int(ApiError::Kind::Parse));
                QVERIFY2(!o.error.message.isEmpty(), qPrintable(all));
            }
            return;
        }
        QVERIFY2(!o.ok, qPrintable(QStringLiteral("%1 %2 passed as a success").arg(kind, QLatin1String(faultName(f)))));
        QVERIFY2(!o.error.message.isEmpty(), qPrintable(all));
        ApiError::Kind expected = ApiError::Kind::Network;
        switch (f) {
        case Fault::Hang:
            expected = ApiError::Kind::Timeout;
            break;
        case Fault::Http401:
        case Fault::Http403:
            expected = ApiError::Kind::Auth;
            break;
        case Fault::Http404:
            expected = ApiError::Kind::NotFound;
            break;
        case Fault::Http500:
        case Fault::Http503:
            expected = ApiError::Kind::Server;
            break;
        case Fault::Oversized:
            expected = ApiError::Kind::Parse;
            break;
        default:
            break;
        }
        if (f == Fault::Truncated) // a body cut short: the connection closed early, or the JSON ends too soon
            QVERIFY2(o.error.kind == ApiError::Kind::Network || o.error.kind == ApiError::Kind::Parse, qPrintable(all));
        else
            QVERIFY2(int(o.error.kind) == int(expected),
                     qPrintable(QStringLiteral("kind %1: %2").arg(int(o.error.kind)).arg(all)));
        // Where it happened: the host and port (or, for HTTP errors, the service's own words with the status).
        QVERIFY2(all.contains(where) || all.contains(e.baseUrl.host()), qPrintable(all));
        QVERIFY2(t.elapsed() < 15000, qPrintable(QString::number(t.elapsed())));
        if (kind == QLatin1String("n8n") && (f == Fault::Reset || f == Fault::Hang))
            QVERIFY2(o.error.outcomeUnknown, qPrintable(all)); // an action whose answer never came
    }

    void cleanupTestCase()
    {
        // 9 services x 14 faults ran above; printed only when all of them passed (this runs last).
        if (!QTest::currentTestFailed() && m_cases == 9 * 14)
            hlc::test::evidence(QStringLiteral("fault matrix: %1 cases (9 service clients x 14 faults: hang, reset, "
                                               "truncated, oversized, refused, 401/403/404/500/503, malformed, null, "
                                               "empty, wrong shape) over loopback: right error kind naming the "
                                               "host, no secret in any message; odd bodies gave %2 parse errors "
                                               "and %3 empty values")
                                    .arg(m_cases)
                                    .arg(m_parseErrors)
                                    .arg(m_emptyValues));
        m_sim.reset();
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "TestFaultMatrix.moc"
