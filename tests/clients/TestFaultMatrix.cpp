// The fault matrix: every one of the nine service clients against every kind of broken answer, over real loopback
// sockets to the whole simulated homelab. Transport faults (hang, reset, truncated, oversized, refused) and HTTP
// errors (401, 403, 404, 500, 503) must end in an error of the right kind that names where it happened; odd bodies
// (malformed, null, empty, another shape than documented) in a clear parse error or an empty value. Never a crash, a
// hang past the timeout, or the secret in a message.
#include "TestUtil.h"

#include "DemoSetup.h"
#include "SimAgents.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "TlsIdentity.h"
#include "adguard/AdGuardClient.h"
#include "agents/AgentEventStream.h"
#include "agents/AgentsClient.h"
#include "alertmanager/AlertmanagerClient.h"
#include "core/Config.h"
#include "core/RetryAfter.h"
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
    Refused,
    Latency10s,
    ResetAfterHeaders,
    Http429,
    Http502,
    TextPlainJson,
    TextPlainMessage,
    LoginPage,
    TlsChanged
};
constexpr int kLastFault = int(Fault::TlsChanged);

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
    case Fault::Latency10s:
        return "latency-10s";
    case Fault::ResetAfterHeaders:
        return "reset-after-headers";
    case Fault::Http429:
        return "429-retry-after";
    case Fault::Http502:
        return "502";
    case Fault::TextPlainJson:
        return "text-plain-json";
    case Fault::TextPlainMessage:
        return "text-plain-message";
    case Fault::LoginPage:
        return "html-login-page";
    case Fault::TlsChanged:
        return "tls-changed";
    }
    return "?";
}

/// Bodies a webhook may legitimately answer with (its workflow decides): text, or JSON of any shape.
bool isWebhookBody(Fault f)
{
    return f == Fault::TextPlainMessage || f == Fault::LoginPage;
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
    int m_rows = 0;
    int m_failed = 0; ///< test functions or rows that failed: no evidence then
    int m_htmlNamed = 0;

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
            for (int f = 0; f <= kLastFault; ++f) {
                // A changed certificate needs TLS: the simulator serves Proxmox and Portainer over HTTPS (as the
                // homelab does), the others over plain HTTP.
                const bool tls = qstrcmp(kind, "proxmox") == 0 || qstrcmp(kind, "portainer") == 0;
                if (Fault(f) == Fault::TlsChanged && !tls)
                    continue;
                QTest::addRow("%s-%s", kind, faultName(Fault(f))) << QString::fromLatin1(kind) << f;
                ++m_rows;
            }
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
        case Fault::Latency10s:
            injected.latencyMs = 10000; // the client's 800 ms timeout ends it; nobody waits the 10 s
            break;
        case Fault::ResetAfterHeaders:
            injected.resetAfterHeaders = true;
            break;
        case Fault::Http429:
            injected.status = 429;
            injected.headers = {{"Retry-After", "2"}};
            break;
        case Fault::Http502:
            injected.status = 502;
            break;
        case Fault::TextPlainJson:
            injected.contentType = "text/plain; charset=utf-8"; // the right JSON, labelled wrong: read all the same
            break;
        case Fault::TextPlainMessage:
            injected.body = sim::Fault::Body::PlainText;
            break;
        case Fault::LoginPage:
            injected.body = sim::Fault::Body::LoginPage;
            break;
        case Fault::TlsChanged:
            break; // below: the server's identity itself
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
        const sim::TlsIdentity original = server->tlsIdentity();
        if (f == Fault::TlsChanged) {
            QString why;
            const sim::TlsIdentity other = sim::TlsIdentity::generate(QStringLiteral("localhost"), &why);
            QVERIFY2(!other.isNull(), qPrintable(why));
            server->replaceTlsIdentity(other);
            QVERIFY(!ep.tlsSha256.isEmpty());
            e.pinnedSha256 = ep.tlsSha256; // the app pins what it trusted
        } else if (f != Fault::Refused) {
            server->setFault("*", QStringLiteral("*"), injected);
        }
        const auto clear = qScopeGuard([server, f, original] {
            server->clearFaults();
            if (f == Fault::TlsChanged)
                server->replaceTlsIdentity(original);
        });

        QElapsedTimer t;
        t.start();
        const Outcome o = call(kind, e, *svc);
        QVERIFY2(o.done, "no answer at all: the client hung past its timeout");
        ++m_cases;
        const QString where = QStringLiteral("%1:%2").arg(e.baseUrl.host()).arg(e.baseUrl.port());
        const QString all = o.error.message + QLatin1Char('\n') + o.error.detail;
        QVERIFY2(ep.secret.isEmpty() || !all.contains(ep.secret), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("header-secret-not-for-messages")), qPrintable(all));

        if (f == Fault::TextPlainJson || (kind == QLatin1String("n8n") && isWebhookBody(f))) {
            // JSON labelled text/plain is still JSON (real servers do this); a webhook answers whatever its
            // workflow returns.
            QVERIFY2(o.ok, qPrintable(all));
            return;
        }
        if (f == Fault::TextPlainMessage || f == Fault::LoginPage) {
            QVERIFY2(!o.ok,
                     qPrintable(QStringLiteral("%1 %2 passed as a success").arg(kind, QLatin1String(faultName(f)))));
            QCOMPARE(int(o.error.kind), int(ApiError::Kind::Parse));
            QVERIFY2(o.error.message.contains(where), qPrintable(all));
            if (f == Fault::LoginPage) {
                QVERIFY2(o.error.message.contains(QStringLiteral("web page instead of the API's answer")) &&
                             o.error.message.contains(QStringLiteral("single sign-on")) &&
                             o.error.message.contains(QStringLiteral("authentik")),
                         qPrintable(all));
                ++m_htmlNamed;
            } else {
                QVERIFY2(o.error.message.contains(QStringLiteral("answered with text/plain instead of the API's JSON")),
                         qPrintable(all));
            }
            return;
        }
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
        case Fault::Latency10s:
            expected = ApiError::Kind::Timeout;
            break;
        case Fault::Http429:
            expected = ApiError::Kind::RateLimited;
            break;
        case Fault::Http502:
            expected = ApiError::Kind::Server;
            break;
        case Fault::TlsChanged:
            expected = ApiError::Kind::Tls;
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
        if (kind == QLatin1String("n8n") &&
            (f == Fault::Reset || f == Fault::Hang || f == Fault::Latency10s || f == Fault::ResetAfterHeaders))
            QVERIFY2(o.error.outcomeUnknown, qPrintable(all)); // an action whose answer never came
        // What to do next is in the message.
        if (f == Fault::Http429 && kind != QLatin1String("n8n"))
            QVERIFY2(o.error.message.contains(QStringLiteral("waits 2 s, as it asked (Retry-After)")), qPrintable(all));
        if (f == Fault::Http502)
            QVERIFY2(o.error.message.contains(QStringLiteral("is the service running")), qPrintable(all));
        if (f == Fault::TlsChanged)
            QVERIFY2(o.error.message.contains(QStringLiteral("changed: it is not the one you trusted")),
                     qPrintable(all));
    }

    /// The endpoint of @p kind on host-a as the app configures it (secret, pin), with a short timeout.
    Endpoint endpointOf(const QString& kind) const
    {
        const sim::ServiceEndpoint ep = m_sim->endpoint(QStringLiteral("host-a"), kind);
        for (const HostConfig& h : m_config.hosts) {
            for (const ServiceConfig& s : h.services) {
                if (h.id == ep.hostId && serviceKindName(s.kind) == kind) {
                    Endpoint e = endpointFor(s, false);
                    e.credentials.secret = ep.secret;
                    e.timeoutMs = 3000;
                    e.maxRetries = 0;
                    return e;
                }
            }
        }
        return {};
    }

    /// Actions whose connection breaks after the answer's headers (the action was carried out, its answer lost):
    /// "outcome unknown" with what to check, sent once, never reported as done.
    void actionsResetAfterHeaders()
    {
        sim::Fault cut;
        cut.resetAfterHeaders = true;
        QObject ctx;

        // A Portainer stack start.
        const Endpoint pe = endpointOf(QStringLiteral("portainer"));
        portainer::PortainerClient portainer(m_nam, pe);
        QList<portainer::Stack> stacks;
        bool listed = false;
        portainer.stacks(&ctx, [&](Result<QList<portainer::Stack>> r) {
            listed = true;
            if (r.ok())
                stacks = r.value();
        });
        QVERIFY(hlc::test::waitFor([&] { return listed; }, 10000));
        QVERIFY(!stacks.isEmpty());
        const portainer::Stack* stopped = nullptr;
        for (const portainer::Stack& st : std::as_const(stacks)) {
            if (!st.active() && !stopped)
                stopped = &st;
        }
        const portainer::Stack target = stopped ? *stopped : stacks.first();
        sim::SimHttpServer* ps = m_sim->server(QStringLiteral("host-a"), QStringLiteral("portainer"));
        if (!stopped) { // every stack runs: stop one first, normally
            bool done = false;
            portainer.stackAction(target.id, target.endpointId, false, &ctx,
                                  [&](Result<portainer::StackActionResult>) { done = true; });
            QVERIFY(hlc::test::waitFor([&] { return done; }, 10000));
        }
        ps->setFault("POST", QStringLiteral("*"), cut);
        const auto clearP = qScopeGuard([ps] { ps->clearFaults(); });
        ps->clearRequests();
        Outcome started;
        portainer.stackAction(target.id, target.endpointId, true, &ctx, into<portainer::StackActionResult>(&started));
        QVERIFY(hlc::test::waitFor([&] { return started.done; }, 20000));
        QVERIFY2(!started.ok, "a start whose answer was cut passed as done");
        QVERIFY(started.error.outcomeUnknown);
        QVERIFY2(started.error.message.contains(QStringLiteral("check its current state before trying again")),
                 qPrintable(started.error.message));
        QTest::qWait(300); // a resend by Qt would come now
        int posts = 0;
        for (const sim::SimRequest& r : ps->requests())
            posts += r.method == "POST" ? 1 : 0;
        QCOMPARE(posts, 1);

        // A Proxmox guest start (its answer, the task id, lost).
        const Endpoint xe = endpointOf(QStringLiteral("proxmox"));
        pve::ProxmoxClient pve(m_nam, xe);
        sim::SimHttpServer* xs = m_sim->server(QStringLiteral("host-a"), QStringLiteral("proxmox"));
        const sim::ServiceEndpoint xep = m_sim->endpoint(QStringLiteral("host-a"), QStringLiteral("proxmox"));
        QList<pve::Resource> guests;
        bool read = false;
        pve.clusterResources(QString(), &ctx, [&](Result<QList<pve::Resource>> r) {
            read = true;
            if (r.ok())
                guests = r.value();
        });
        QVERIFY(hlc::test::waitFor([&] { return read; }, 10000));
        const pve::Resource* guest = nullptr;
        for (const pve::Resource& g : std::as_const(guests)) {
            if (g.isGuest() && g.node == xep.node && !guest)
                guest = &g;
        }
        QVERIFY(guest);
        xs->setFault("POST", QStringLiteral("*"), cut);
        const auto clearX = qScopeGuard([xs] { xs->clearFaults(); });
        xs->clearRequests();
        Outcome action;
        pve.guestAction(guest->node, guest->type, guest->vmid,
                        guest->status == QLatin1String("running") ? pve::GuestAction::Reboot : pve::GuestAction::Start,
                        &ctx, into<QString>(&action));
        QVERIFY(hlc::test::waitFor([&] { return action.done; }, 20000));
        QVERIFY2(!action.ok, "a guest action whose answer was cut passed as done");
        QVERIFY(action.error.outcomeUnknown);
        QTest::qWait(300);
        posts = 0;
        for (const sim::SimRequest& r : xs->requests())
            posts += r.method == "POST" ? 1 : 0;
        QCOMPARE(posts, 1);
        hlc::test::evidence(QStringLiteral("actions cut after the answer's headers (Portainer stack start, Proxmox "
                                           "guest action): outcome unknown, sent once, never done: \"%1\"")
                                .arg(started.error.message));
    }

    /// 429 with Retry-After: the client that got it sends no poll before the pause is over (it answers at once,
    /// saying when the next request goes out), and sends again after it. Actions are not held back.
    void retryAfterHonoured()
    {
        const sim::ServiceEndpoint ep = m_sim->endpoint(QStringLiteral("host-a"), QStringLiteral("prometheus"));
        sim::SimHttpServer* server = m_sim->server(ep.hostId, ep.kind);
        QVERIFY(server);
        Endpoint e;
        e.baseUrl = ep.baseUrl;
        e.timeoutMs = 2000;
        e.maxRetries = 0;
        prom::PrometheusClient c(m_nam, e);
        sim::Fault limited;
        limited.status = 429;
        limited.headers = {{"Retry-After", "2"}};
        limited.times = 1;
        server->setFault("*", QStringLiteral("*"), limited);
        const auto clear = qScopeGuard([server] { server->clearFaults(); });
        server->clearRequests();

        auto query = [&c] {
            Outcome o;
            QObject ctx;
            c.query(QStringLiteral("up"), {}, &ctx, into<prom::QueryResult>(&o));
            hlc::test::waitFor([&] { return o.done; }, 20000);
            return o;
        };
        const Outcome first = query();
        QVERIFY(!first.ok);
        QCOMPARE(int(first.error.kind), int(ApiError::Kind::RateLimited));
        QVERIFY(retryafter::remainingMs(c.api()) > 0);
        const Outcome held = query(); // within the 2 s: answered here, nothing sent
        QCOMPARE(int(held.error.kind), int(ApiError::Kind::RateLimited));
        QVERIFY2(held.error.message.contains(QStringLiteral("the next request goes out in")),
                 qPrintable(held.error.message));
        QCOMPARE(server->requests().size(), 1);
        QVERIFY(hlc::test::waitFor([&c] { return retryafter::remainingMs(c.api()) == 0; }, 10000));
        const Outcome after = query();
        QVERIFY2(after.ok, qPrintable(after.error.message));
        QCOMPARE(server->requests().size(), 2);

        // Delay-seconds and HTTP-dates; junk and absurd values are no pause, or one hour at most.
        const QDateTime now = QDateTime::fromString(QStringLiteral("2026-12-07T10:00:00Z"), Qt::ISODate);
        QCOMPARE(retryafter::parseMs("120", now), qint64(120000));
        QCOMPARE(retryafter::parseMs(" 0 ", now), qint64(0));
        QCOMPARE(retryafter::parseMs("Mon, 07 Dec 2026 10:00:30 GMT", now), qint64(30000));
        QCOMPARE(retryafter::parseMs("soon", now), qint64(0));
        QCOMPARE(retryafter::parseMs("-5", now), qint64(0));
        QCOMPARE(retryafter::parseMs("999999999", now), qint64(3600 * 1000));
        hlc::test::evidence(QStringLiteral("429 with Retry-After: 2: the poll within the pause was answered without a "
                                           "request (%1 reached the server), the one after it went out and was "
                                           "answered")
                                .arg(1));
    }

    /// The agent event stream cut in the middle of an event: the half event is never delivered, the stream comes
    /// back with Last-Event-ID and the event arrives once, whole.
    void eventStreamCutMidEvent()
    {
        const sim::ServiceEndpoint ep = m_sim->endpoints(QStringLiteral("agents")).value(0);
        QVERIFY(!ep.baseUrl.isEmpty());
        Endpoint e;
        e.baseUrl = ep.baseUrl;
        e.credentials.scheme = AuthScheme::Bearer;
        e.credentials.secret = ep.secret;
        e.timeoutMs = 3000;
        agents::AgentsClient c(m_nam, e);
        sim::SimAgents* simAgents = m_sim->agents();
        QVERIFY(simAgents);
        simAgents->setStepMs(150);
        const auto restore = qScopeGuard([simAgents] { simAgents->setStepMs(700); });

        QObject ctx;
        QString runId;
        bool started = false;
        c.startRun(QStringLiteral("verifier"), {QStringLiteral("verify-newsletter"), {}}, &ctx,
                   [&](Result<agents::Run> r) {
                       started = true;
                       if (r.ok())
                           runId = r.value().id;
                   });
        QVERIFY(hlc::test::waitFor([&] { return started; }, 10000));
        QVERIFY2(!runId.isEmpty(), "the run did not start");

        std::unique_ptr<agents::AgentEventStream> stream(c.followRun(runId, nullptr));
        QVERIFY(stream);
        stream->setReconnectDelayMs(100);
        QList<qint64> ids;
        QStringList problems;
        bool finished = false;
        connect(stream.get(), &agents::AgentEventStream::eventReceived, &ctx,
                [&ids](const agents::RunEvent& ev) { ids << ev.id; });
        connect(stream.get(), &agents::AgentEventStream::problem, &ctx,
                [&problems](const ApiError& err) { problems << err.message; });
        connect(stream.get(), &agents::AgentEventStream::finished, &ctx,
                [&finished](agents::RunStatus) { finished = true; });
        stream->start();
        QVERIFY(hlc::test::waitFor([&] { return ids.size() >= 2; }, 15000));
        const int cutBefore = simAgents->streamsCutMidEvent();
        simAgents->cutNextEventMidway();
        QVERIFY(hlc::test::waitFor([&] { return simAgents->streamsCutMidEvent() > cutBefore; }, 15000));
        QVERIFY(hlc::test::waitFor([&] { return finished; }, 30000));
        // Every event once, in order, none lost or doubled by the cut.
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(ids[i], i + 1);
        QVERIFY2(stream->connects() >= 2, "the stream did not come back after the cut");
        hlc::test::evidence(QStringLiteral("agent event stream cut mid-event: %1 connects, %2 problems reported, %3 "
                                           "events each delivered once in order")
                                .arg(stream->connects())
                                .arg(problems.size())
                                .arg(ids.size()));
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            ++m_failed;
    }

    void cleanupTestCase()
    {
        // Every row ran above; printed only when all of them passed (this runs last).
        if (m_failed == 0 && m_rows > 0 && m_cases == m_rows)
            hlc::test::evidence(QStringLiteral("fault matrix: %1 cases (9 service clients x 21 faults: hang, 10 s "
                                               "latency, reset before and after the headers, truncated, oversized, "
                                               "refused, 401/403/404/429 with Retry-After/500/502/503, malformed, "
                                               "null, empty, wrong shape, JSON labelled text/plain, a text/plain "
                                               "message, an HTML login page; a changed certificate on the 2 TLS "
                                               "services) over loopback: right error kind naming the host and what "
                                               "to do, no secret in any message; odd bodies gave %2 parse errors "
                                               "and %3 empty values; %4 login pages named as such")
                                    .arg(m_cases)
                                    .arg(m_parseErrors)
                                    .arg(m_emptyValues)
                                    .arg(m_htmlNamed));
        m_sim.reset();
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "TestFaultMatrix.moc"
