// The fault matrix at the panel level (issue 12): the whole demo homelab behind the real MainWindow, and for each
// panel kind the simulator breaks that panel's service in one way after another. For every case: the app keeps
// running; the panel shows an error that names its service and says what happened, keeps its last good rows and marks
// them stale with the time they are from; the panels of the other services go on updating; once the fault is cleared
// the panel recovers by itself (no F5); a 429 with Retry-After is not asked again before the pause is over. The GUI
// thread's worst stall over the whole matrix is measured with StallWatch (its 20 ms timer) and printed.
//
// Not the full cross product (10 panels x 21 faults would take far too long at a real refresh pace): every HTTP fault
// (hang, 10 s latency, resets before and after the headers, refused, 401/403/404/429/500/502/503, malformed,
// truncated, 100 MB, text/plain, JSON labelled text/plain, an HTML login page, a changed certificate) runs on the
// Proxmox guests; each other panel runs one to four of them (the Portainer stacks a changed certificate, 502 and
// refused; AdGuard a login page, 429, 100 MB and text/plain; ...), Home Assistant its WebSocket cut mid-message.
// The client-level matrix (tests/clients/TestFaultMatrix) runs every fault on every client.
#include "TestUtil.h"

#include "DemoSetup.h"
#include "SimAgents.h"
#include "SimHealthServices.h"
#include "SimHomeAssistant.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "TlsIdentity.h"
#include "agents/AgentRunner.h"
#include "agents/LlmMonitor.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/StallWatch.h"
#include "guests/GuestInventory.h"
#include "home/AdGuardMonitor.h"
#include "home/HealthProber.h"
#include "home/HomeAssistantLink.h"
#include "home/HomeServices.h"
#include "metrics/AlertCenter.h"
#include "metrics/MetricsMonitor.h"

#include <QAbstractItemView>
#include <QElapsedTimer>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace hlc;
using hlc::test::waitFor;

namespace {

enum class F
{
    Hang,
    Latency10s,
    Reset,
    ResetAfterHeaders,
    Refused,
    Http401,
    Http403,
    Http404,
    Http429,
    Http500,
    Http502,
    Http503,
    Malformed,
    Truncated,
    Oversized,
    TextPlainMessage,
    TextPlainJson,
    LoginPage,
    TlsChanged,
    WebSocketCut,
};

const char* faultName(F f)
{
    switch (f) {
    case F::Hang:
        return "hang";
    case F::Latency10s:
        return "latency-10s";
    case F::Reset:
        return "reset";
    case F::ResetAfterHeaders:
        return "reset-after-headers";
    case F::Refused:
        return "refused";
    case F::Http401:
        return "401";
    case F::Http403:
        return "403";
    case F::Http404:
        return "404";
    case F::Http429:
        return "429-retry-after";
    case F::Http500:
        return "500";
    case F::Http502:
        return "502";
    case F::Http503:
        return "503";
    case F::Malformed:
        return "malformed";
    case F::Truncated:
        return "truncated";
    case F::Oversized:
        return "oversized-100MB";
    case F::TextPlainMessage:
        return "text-plain-message";
    case F::TextPlainJson:
        return "text-plain-json";
    case F::LoginPage:
        return "html-login-page";
    case F::TlsChanged:
        return "tls-changed";
    case F::WebSocketCut:
        return "websocket-cut-mid-message";
    }
    return "?";
}

/// What the panel's error must say for @p f (any one of these).
QStringList expectedWords(F f)
{
    switch (f) {
    case F::Hang:
    case F::Latency10s:
        return {QStringLiteral("did not answer")};
    case F::Reset:
    case F::ResetAfterHeaders:
    case F::Truncated:
        return {QStringLiteral("closed the connection"), QStringLiteral("connection"), QStringLiteral("JSON")};
    case F::Refused:
        return {QStringLiteral("connection refused")};
    case F::Http401:
        return {QStringLiteral("401")};
    case F::Http403:
        return {QStringLiteral("403")};
    case F::Http404:
        return {QStringLiteral("404")};
    case F::Http429:
        return {QStringLiteral("429")};
    case F::Http500:
        return {QStringLiteral("HTTP 500")};
    case F::Http502:
        return {QStringLiteral("HTTP 502")};
    case F::Http503:
        return {QStringLiteral("HTTP 503")};
    case F::Malformed:
        return {QStringLiteral("not valid JSON")};
    case F::Oversized:
        return {QStringLiteral("larger than")};
    case F::TextPlainMessage:
        return {QStringLiteral("answered with text/plain instead of the API's JSON")};
    case F::TextPlainJson:
        return {};
    case F::LoginPage:
        return {QStringLiteral("web page instead of the API's answer")};
    case F::TlsChanged:
        return {QStringLiteral("certificate")};
    case F::WebSocketCut:
        return {QStringLiteral("WebSocket")};
    }
    return {};
}

/// One panel kind: where its data and its error are, and which server feeds it.
struct Panel
{
    QString name;
    QString word; ///< how the panel names its service in the error ("Proxmox", "AdGuard", ...)
    sim::SimHttpServer* server = nullptr;
    bool tls = false;
    std::function<bool()> failing;       ///< the app's source is in error
    std::function<bool()> fine;          ///< fresh data, no error
    std::function<qint64()> version;     ///< grows with every fresh update
    std::function<int()> rows;           ///< rows of data the panel holds
    std::function<QString()> errorText;  ///< what the panel shows about its error
    std::function<QWidget*()> widget;    ///< shown while the panel is under test (hidden views defer updates)
    bool stale = true;                   ///< keeps old data marked stale (health probes show a fresh "down" instead)
    std::function<QStringList(F)> words; ///< what its error says for a fault, when not expectedWords()
    QList<F> faults;
    bool home = false;            ///< Home Assistant: live over its WebSocket, HTTP faults meet its REST fallback
    std::function<bool()> readOk; ///< the reads themselves succeed (when failing() also counts a fallback)
};

qint64 msOf(const QDateTime& t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

} // namespace

class TestPanelFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<sim::Simulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<Homelab> m_homelab;
    std::unique_ptr<MainWindow> m_window;
    QList<Panel> m_panels;
    int m_tried = 0;
    int m_failedRows = 0;
    bool m_fullMatrix = false;    ///< HLC_PANEL_FAULTS=all: every fault on every panel
    std::function<void()> m_undo; ///< clears the fault in place (also when a case failed half-way)
    int m_survived = 0;
    qint64 m_haChanges = 0;
    qint64 m_minRetryAfterGapMs = -1;
    QStringList m_samples;

    /// The widget @p name, host-a's first (each host's tab has its own guests, stacks, charts and probes).
    template<typename T> T* find(const QString& name) const
    {
        T* w = nullptr;
        if (auto* hostA = m_window->findChild<QWidget*>(QStringLiteral("hostDetail_host-a")))
            w = hostA->findChild<T*>(name);
        if (!w)
            w = m_window->findChild<T*>(name);
        if (!w)
            qWarning() << "no widget" << name;
        return w;
    }
    QString labelText(const QString& name) const
    {
        const auto* l = find<QLabel>(name);
        return l && !l->isHidden() ? l->text() : QString();
    }
    int modelRows(const QString& viewName) const
    {
        const auto* v = find<QAbstractItemView>(viewName);
        return v && v->model() ? v->model()->rowCount() : -1;
    }

    /// Brings @p w to the front: every tab and stacked page on its way up is switched to it.
    static void reveal(QWidget* w)
    {
        for (QWidget* p = w; p && p->parentWidget(); p = p->parentWidget()) {
            QWidget* up = p->parentWidget();
            if (auto* stack = qobject_cast<QStackedWidget*>(up)) {
                if (auto* tabs = qobject_cast<QTabWidget*>(stack->parentWidget()))
                    tabs->setCurrentWidget(p);
                else
                    stack->setCurrentWidget(p);
            }
        }
    }

    void buildPanels()
    {
        const QString a = QStringLiteral("host-a");
        GuestInventory* inv = m_homelab->inventory(a);
        AdGuardMonitor* adguard = m_homelab->home()->adGuards().first();
        HomeAssistantLink* ha = m_homelab->home()->homeAssistants().first();
        MetricsMonitor* metrics = m_homelab->metrics();
        AlertCenter* alerts = m_homelab->alerts();
        LlmMonitor* llm = m_homelab->llm();
        AgentRunner* agents = m_homelab->agents();
        HealthProber* health = m_homelab->home()->health();
        auto status = [](const SourceStatus& s) { return s.state == SourceStatus::State::Error; };
        auto ok = [](const SourceStatus& s) { return s.state == SourceStatus::State::Ok && s.hasData(); };
        const QList<F> all = {
            F::Hang,      F::Latency10s, F::Reset,     F::ResetAfterHeaders, F::Refused,       F::Http401,
            F::Http403,   F::Http404,    F::Http429,   F::Http500,           F::Http502,       F::Http503,
            F::Malformed, F::Truncated,  F::Oversized, F::TextPlainMessage,  F::TextPlainJson, F::LoginPage};

        Panel guests;
        guests.name = QStringLiteral("Proxmox guests");
        guests.word = QStringLiteral("Proxmox: ");
        guests.server = m_sim->server(a, QStringLiteral("proxmox"));
        guests.tls = true;
        guests.failing = [=] { return status(inv->guestsStatus()); };
        guests.fine = [=] { return ok(inv->guestsStatus()); };
        guests.version = [=] { return msOf(inv->guestsStatus().lastSuccess); };
        guests.rows = [this] { return modelRows(QStringLiteral("guestsTable")); };
        guests.errorText = [this] { return labelText(QStringLiteral("guestsBanner")); };
        guests.widget = [this] { return find<QWidget>(QStringLiteral("guestsView")); };
        guests.faults = all;
        guests.faults << F::TlsChanged;
        m_panels << guests;

        Panel stacks;
        stacks.name = QStringLiteral("Portainer stacks");
        stacks.word = QStringLiteral("Portainer: ");
        stacks.server = m_sim->server(a, QStringLiteral("portainer"));
        stacks.tls = true;
        stacks.failing = [=] { return status(inv->portainerStatus()); };
        stacks.fine = [=] { return ok(inv->portainerStatus()); };
        stacks.version = [=] { return msOf(inv->portainerStatus().lastSuccess); };
        stacks.rows = [this] { return modelRows(QStringLiteral("stacksTree")); };
        stacks.errorText = [this] { return labelText(QStringLiteral("portainerBanner")); };
        stacks.widget = [this] { return find<QWidget>(QStringLiteral("stacksView")); };
        stacks.faults = {F::TlsChanged, F::Http502, F::Refused};
        m_panels << stacks;

        Panel ad;
        ad.name = QStringLiteral("AdGuard");
        ad.word = QStringLiteral("AdGuard Home: ");
        ad.server = m_sim->server(a, QStringLiteral("adguard"));
        ad.failing = [=] { return status(adguard->sourceStatus()); };
        ad.fine = [=] { return ok(adguard->sourceStatus()); };
        ad.version = [=] { return msOf(adguard->sourceStatus().lastSuccess); };
        ad.rows = [=] { return adguard->stats() && adguard->status() ? 1 : 0; }; // the figures shown stay
        ad.errorText = [this] { return labelText(QStringLiteral("adguardError")); };
        ad.widget = [this] { return find<QWidget>(QStringLiteral("adguardView")); };
        ad.faults = {F::LoginPage, F::Http429, F::Oversized, F::TextPlainMessage};
        m_panels << ad;

        Panel charts;
        charts.name = QStringLiteral("Prometheus charts");
        charts.word = QStringLiteral("Prometheus: ");
        charts.server = m_sim->server(a, QStringLiteral("prometheus"));
        charts.failing = [=] { return status(metrics->status(a)); };
        charts.fine = [=] { return ok(metrics->status(a)); };
        charts.version = [=] { return msOf(metrics->status(a).lastSuccess); };
        charts.rows = [=] { return metrics->historySpan(a) > 0 ? 1 : 0; };
        charts.errorText = [this] { return labelText(QStringLiteral("chartStatusLabel")); };
        charts.widget = [this] { return find<QWidget>(QStringLiteral("hostCharts_host-a")); };
        charts.faults = {F::Hang, F::LoginPage};
        m_panels << charts;

        Panel al;
        al.name = QStringLiteral("Alertmanager alerts");
        al.word = QStringLiteral("Alerts could not be read");
        al.server = m_sim->server(m_sim->endpoints(QStringLiteral("alertmanager")).first().hostId,
                                  QStringLiteral("alertmanager"));
        al.failing = [=] { return status(alerts->status()); };
        al.fine = [=] { return ok(alerts->status()); };
        al.version = [=] { return msOf(alerts->status().lastSuccess); };
        al.rows = [this] { return modelRows(QStringLiteral("alertsTable")); };
        al.errorText = [this] { return labelText(QStringLiteral("alertsSourceLabel")); };
        al.widget = [this] { return find<QWidget>(QStringLiteral("alertsView")); };
        al.faults = {F::Http502, F::ResetAfterHeaders};
        m_panels << al;

        Panel ol;
        ol.name = QStringLiteral("Ollama");
        ol.word = QStringLiteral("Ollama: ");
        ol.server = m_sim->server(m_sim->endpoints(QStringLiteral("ollama")).first().hostId, QStringLiteral("ollama"));
        ol.failing = [=] { return status(llm->ollamaStatus()); };
        ol.fine = [=] { return ok(llm->ollamaStatus()); };
        ol.version = [=] { return msOf(llm->ollamaStatus().lastSuccess); };
        ol.rows = [=] { return int(llm->loadedModels().size() + llm->installedModels().size()); };
        ol.errorText = [this] { return labelText(QStringLiteral("ollamaStatusLabel")); };
        ol.widget = [this] { return find<QWidget>(QStringLiteral("gpuLlmTab")); };
        ol.faults = {F::LoginPage, F::Http429};
        m_panels << ol;

        Panel ag;
        ag.name = QStringLiteral("Agents");
        ag.word = QStringLiteral("Agent platform");
        ag.server = m_sim->server(m_sim->endpoints(QStringLiteral("agents")).first().hostId, QStringLiteral("agents"));
        ag.failing = [=] { return agents->lastError().isError(); };
        ag.fine = [=] { return !agents->lastError().isError() && agents->lastSuccess().isValid(); };
        ag.version = [=] { return msOf(agents->lastSuccess()); };
        ag.rows = [=] { return int(agents->agents().size()); };
        ag.errorText = [this] { return labelText(QStringLiteral("agentsErrorBanner")); };
        ag.widget = [this] { return find<QWidget>(QStringLiteral("agentsErrorBanner"))->parentWidget(); };
        ag.faults = {F::Http502, F::Hang};
        m_panels << ag;

        Panel home;
        home.name = QStringLiteral("Home Assistant");
        home.word = QStringLiteral("WebSocket");
        home.server = m_sim->server(a, QStringLiteral("homeassistant"));
        connect(ha, &HomeAssistantLink::entitiesChanged, this, [this] { ++m_haChanges; });
        home.failing = [=] { return ha->mode() != HomeAssistantLink::Mode::Live; };
        home.fine = [=] { return ha->mode() == HomeAssistantLink::Mode::Live && ha->entityCount() > 0; };
        home.version = [this] { return m_haChanges; };
        home.rows = [this] { return modelRows(QStringLiteral("entityTable")); };
        home.errorText = [this] { return labelText(QStringLiteral("haModeLabel")); };
        home.widget = [this] { return find<QWidget>(QStringLiteral("homeAssistantView")); };
        home.stale = false; // while the socket is down the states are read over REST: fresh, not stale
        home.faults = {F::WebSocketCut};
        home.home = true;
        home.readOk = [=] {
            return ha->mode() == HomeAssistantLink::Mode::RestFallback && ok(ha->sourceStatus()) &&
                   !ha->sourceStatus().error.isError();
        };
        m_panels << home;

        // Health probes: the first HTTP health endpoint of host-a.
        sim::SimProbeTarget target;
        for (const sim::SimProbeTarget& t : m_sim->health()->targets(a)) {
            if (t.kind == QLatin1String("http") && target.name.isEmpty())
                target = t;
        }
        sim::SimHttpServer* probeServer = nullptr;
        for (sim::SimHttpServer* s : m_sim->health()->findChildren<sim::SimHttpServer*>()) {
            if (s->port() == target.url.port())
                probeServer = s;
        }
        QVERIFY2(probeServer, qPrintable(target.name));
        const QString probeName = target.name;
        auto probe = [health, a, probeName]() -> ProbeResult {
            for (const ProbeResult& r : health->results(a)) {
                if (r.probe.name == probeName)
                    return r;
            }
            return {};
        };
        Panel hp;
        hp.name = QStringLiteral("Health probes");
        hp.word = QString(); // the row itself names the service; its detail says why it is down
        hp.server = probeServer;
        hp.failing = [=] { return probe().state == ProbeResult::State::Down; };
        hp.fine = [=] { return probe().state == ProbeResult::State::Up; };
        hp.version = [=] {
            qint64 v = 0; // the other probes of the host keep being checked
            for (const ProbeResult& r : health->results(a)) {
                if (r.probe.name != probeName)
                    v = std::max(v, msOf(r.checkedAt));
            }
            return v;
        };
        hp.rows = [this] { return modelRows(QStringLiteral("servicesTable")); };
        hp.errorText = [=] { return probe().detail; };
        hp.widget = [this] { return find<QWidget>(QStringLiteral("servicesHealthView")); };
        hp.stale = false; // a probe's answer is the data: "down, timeout after 1000 ms" is fresh
        hp.faults = {F::Hang, F::Http502};
        hp.words = [](F f) {
            switch (f) {
            case F::Hang:
                return QStringList{QStringLiteral("no answer within 1000 ms")};
            case F::Latency10s:
                return QStringList{QStringLiteral("no answer within 1000 ms")};
            case F::Http500:
                return QStringList{QStringLiteral("HTTP 500")};
            case F::Http502:
                return QStringList{QStringLiteral("HTTP 502")};
            case F::Http503:
                return QStringList{QStringLiteral("HTTP 503")};
            default:
                return QStringList{QStringLiteral("refused"), QStringLiteral("no answer"), QStringLiteral("closed")};
            }
        };
        m_panels << hp;

        // HLC_PANEL_FAULTS=all (scripts/faults): the whole cross product, every fault on every panel it applies to.
        // The test command runs the subset above (each fault at least once, all of them on the Proxmox guests).
        if (qEnvironmentVariable("HLC_PANEL_FAULTS") == QLatin1String("all")) {
            for (Panel& p : m_panels) {
                QList<F> full = all;
                if (&p == &m_panels.last()) // a probe judges the answer's status and time, not its body
                    full = {F::Hang, F::Latency10s, F::Reset, F::Refused, F::Http500, F::Http502, F::Http503};
                if (p.home) // its REST fallback's error names the fault, not always the socket
                    p.word.clear();
                if (p.tls)
                    full << F::TlsChanged;
                for (F f : std::as_const(p.faults)) {
                    if (!full.contains(f))
                        full << f;
                }
                p.faults = full;
            }
            m_fullMatrix = true;
        }
    }

    /// Breaks @p p's server as @p f says; returns what undoes it.
    std::function<void()> injectFault(const Panel& p, F f)
    {
        sim::SimHttpServer* server = p.server;
        sim::Fault x;
        switch (f) {
        case F::Hang:
            x.hang = true;
            break;
        case F::Latency10s:
            x.latencyMs = 10000; // the 1 s client timeout gives up long before
            break;
        case F::Reset:
            x.reset = true;
            break;
        case F::ResetAfterHeaders:
            x.resetAfterHeaders = true;
            break;
        case F::Http401:
            x.status = 401;
            break;
        case F::Http403:
            x.status = 403;
            break;
        case F::Http404:
            x.status = 404;
            break;
        case F::Http429:
            x.status = 429;
            x.headers = {{"Retry-After", "3"}};
            break;
        case F::Http500:
            x.status = 500;
            break;
        case F::Http502:
            x.status = 502;
            break;
        case F::Http503:
            x.status = 503;
            break;
        case F::Malformed:
            x.body = sim::Fault::Body::Malformed;
            break;
        case F::Truncated:
            x.body = sim::Fault::Body::Truncated;
            break;
        case F::Oversized:
            x.body = sim::Fault::Body::Oversized;
            x.oversizedBytes = 100ll * 1024 * 1024; // past the client's 64 MB limit: aborted, never held
            break;
        case F::TextPlainMessage:
            x.body = sim::Fault::Body::PlainText;
            break;
        case F::TextPlainJson:
            x.contentType = "text/plain; charset=utf-8";
            break;
        case F::LoginPage:
            x.body = sim::Fault::Body::LoginPage;
            break;
        case F::Refused: {
            const quint16 port = server->port();
            const bool tls = server->isTls();
            server->close();
            return [server, port, tls] { QVERIFY2(server->listen(tls, port), qPrintable(server->errorString())); };
        }
        case F::TlsChanged: {
            const sim::TlsIdentity original = server->tlsIdentity();
            QString why;
            const sim::TlsIdentity other = sim::TlsIdentity::generate(QStringLiteral("localhost"), &why);
            if (other.isNull())
                qFatal("no TLS identity: %s", qPrintable(why));
            server->replaceTlsIdentity(other);
            return [server, original] { server->replaceTlsIdentity(original); };
        }
        case F::WebSocketCut: {
            auto* ha = m_sim->findChild<sim::SimHomeAssistant*>();
            // Cut every connection mid-message, and keep the socket away a moment so the panel shows it.
            m_cutMidFrame += ha->cutConnectionsMidMessage();
            const quint16 port = ha->webSocketPort();
            ha->closeWebSocket();
            return [ha, port] { QVERIFY(ha->listenWebSocket(port)); };
        }
        }
        server->setFault("*", QStringLiteral("*"), x);
        return [server] { server->clearFaults(); };
    }

    std::function<void()> inject(const Panel& p, F f)
    {
        if (!p.home || f == F::WebSocketCut)
            return injectFault(p, f);
        // Home Assistant's WebSocket has its own port: an HTTP fault reaches the app through the REST reads it falls
        // back to while the socket is away, so the socket goes away with it.
        auto* ha = m_sim->findChild<sim::SimHomeAssistant*>();
        const quint16 port = ha->webSocketPort();
        ha->dropConnections();
        ha->closeWebSocket();
        std::function<void()> undo = injectFault(p, f);
        return [undo, ha, port] {
            undo();
            QVERIFY(ha->listenWebSocket(port));
        };
    }
    int m_cutMidFrame = 0;

    void runCase(const Panel& p, F f)
    {
        ++m_tried;
        const QString what = QStringLiteral("%1 / %2").arg(p.name, QLatin1String(faultName(f)));
        QWidget* w = p.widget();
        QVERIFY2(w, qPrintable(what));
        reveal(w);
        QVERIFY2(waitFor(p.fine, 30000), qPrintable(what + QStringLiteral(": no good data before the fault")));
        const int rowsBefore = p.rows();
        QVERIFY2(rowsBefore > 0, qPrintable(what));
        QHash<int, qint64> others;
        for (int i = 0; i < m_panels.size(); ++i) {
            if (m_panels[i].server != p.server && m_panels[i].name != p.name)
                others.insert(i, m_panels[i].version());
        }

        // The requests the service gets while it answers 429 (Retry-After: 3 s), with when they came.
        QList<qint64> limitedAt;
        QElapsedTimer clock;
        clock.start();
        QMetaObject::Connection watch;
        if (f == F::Http429)
            watch = connect(p.server, &sim::SimHttpServer::requestReceived, this,
                            [&limitedAt, &clock](const sim::SimRequest&) { limitedAt << clock.elapsed(); });

        m_undo = inject(p, f);
        if (f == F::TextPlainJson) {
            // JSON labelled text/plain is read all the same: the panel keeps updating, no error.
            const qint64 v = p.version();
            QVERIFY2(waitFor([&] { return p.version() > v; }, 20000), qPrintable(what));
            if (p.readOk) // reading over its fallback, and that works
                QVERIFY2(waitFor(p.readOk, 20000), qPrintable(what + QStringLiteral(": ") + p.errorText()));
            else
                QVERIFY2(!p.failing(), qPrintable(what + QStringLiteral(": ") + p.errorText()));
        } else {
            const QStringList words = p.words ? p.words(f) : expectedWords(f);
            auto shown = [&] {
                if (!p.failing())
                    return false;
                const QString text = p.errorText();
                if (!p.word.isEmpty() && !text.contains(p.word))
                    return false;
                for (const QString& word : words) {
                    if (text.contains(word))
                        return !p.stale || text.contains(QStringLiteral("Data shown is stale, last fresh at"));
                }
                return false;
            };
            QVERIFY2(waitFor(shown, 30000),
                     qPrintable(what + QStringLiteral(": panel says \"") + p.errorText() + QStringLiteral("\"")));
            if (m_samples.size() < 6 || f == F::LoginPage || f == F::Http429)
                m_samples << QStringLiteral("%1: \"%2\"").arg(what, p.errorText());
            // The last good rows stay.
            QVERIFY2(p.rows() == rowsBefore || (!p.stale && p.rows() > 0),
                     qPrintable(QStringLiteral("%1: %2 rows before, %3 now").arg(what).arg(rowsBefore).arg(p.rows())));
        }
        // The others go on.
        for (auto it = others.cbegin(); it != others.cend(); ++it) {
            const Panel& o = m_panels[it.key()];
            const qint64 before = it.value();
            QVERIFY2(waitFor([&] { return o.version() > before; }, 30000),
                     qPrintable(QStringLiteral("%1: %2 stopped updating").arg(what, o.name)));
        }
        if (f == F::Http429) {
            // Let a few polls come: none before the 3 s the service asked for. Requests sent together (a poll's
            // parallel requests, all on the wire before the first 429 came back) form one burst; between the last
            // 429 of a burst and the next request lie at least the 3 s.
            QVERIFY(waitFor([&] { return !limitedAt.isEmpty() && clock.elapsed() - limitedAt.first() > 8000; }, 30000));
            disconnect(watch);
            QList<QPair<qint64, qint64>> bursts; // first, last arrival
            for (qint64 t : std::as_const(limitedAt)) {
                if (!bursts.isEmpty() && t - bursts.last().second < 500)
                    bursts.last().second = t;
                else
                    bursts << qMakePair(t, t);
            }
            QVERIFY2(bursts.size() >= 2, qPrintable(what + QStringLiteral(": %1 bursts").arg(bursts.size())));
            for (qsizetype i = 1; i < bursts.size(); ++i) {
                const qint64 gap = bursts[i].first - bursts[i - 1].second;
                QVERIFY2(gap >= 2990, qPrintable(QStringLiteral("%1: asked again after %2 ms").arg(what).arg(gap)));
                m_minRetryAfterGapMs = m_minRetryAfterGapMs < 0 ? gap : std::min(m_minRetryAfterGapMs, gap);
            }
        }
        std::exchange(m_undo, {})();
        // Back by itself: no refresh from the test.
        QVERIFY2(waitFor(p.fine, 60000), qPrintable(what + QStringLiteral(": did not recover: ") + p.errorText()));
        QVERIFY2(p.rows() > 0, qPrintable(what));
        QVERIFY2(m_window->isVisible(), qPrintable(what));
        ++m_survived;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QStandardPaths::setTestModeEnabled(true);
        m_sim = std::make_unique<sim::Simulator>();
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        m_sim->agents()->setStepMs(300);
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        m_secrets->setSessionOnly(true);
        demo::storeSecrets(*m_sim, m_secrets.get());

        // A fast pace and short timeouts: a hang costs a second, not ten.
        Config config = demo::configFor(*m_sim);
        config.refreshIntervalMs = 1000;
        config.healthIntervalMs = 1000;
        config.healthTimeoutMs = 1000;
        for (HostConfig& h : config.hosts) {
            for (ServiceConfig& s : h.services)
                s.timeoutMs = 1000;
        }
        m_homelab = std::make_unique<Homelab>(config, QString(), m_secrets.get(), m_nam.get());
        m_window = std::make_unique<MainWindow>(m_homelab.get());
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_homelab->start();
        QVERIFY(waitFor([this] { return m_window->allPanelsHaveData(); }, 30000));
        buildPanels();
        if (QTest::currentTestFailed())
            return;
        for (const Panel& p : std::as_const(m_panels)) {
            reveal(p.widget());
            QVERIFY2(waitFor(p.fine, 30000), qPrintable(p.name + QStringLiteral(": no data at the start")));
        }
        stallwatch::start(this); // from here on: the whole matrix
    }

    void matrix_data()
    {
        QTest::addColumn<int>("panel");
        const QStringList names = {QStringLiteral("proxmox-guests"), QStringLiteral("portainer-stacks"),
                                   QStringLiteral("adguard"),        QStringLiteral("prometheus-charts"),
                                   QStringLiteral("alertmanager"),   QStringLiteral("ollama"),
                                   QStringLiteral("agents"),         QStringLiteral("homeassistant"),
                                   QStringLiteral("health-probes")};
        for (int i = 0; i < names.size(); ++i)
            QTest::newRow(qPrintable(names[i])) << i;
    }

    /// One row per panel kind (each row has QtTest's own time limit): every fault of that panel in turn.
    void matrix()
    {
        QFETCH(int, panel);
        QVERIFY(panel < m_panels.size());
        const Panel& p = m_panels[panel];
        for (F f : p.faults) {
            const int before = m_survived;
            runCase(p, f);
            if (m_survived == before) // a QVERIFY failed inside
                return;
            qInfo().noquote() << "survived:" << p.name << faultName(f);
        }
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            ++m_failedRows;
        if (m_undo) // a case failed with its fault still in place: the next rows need a working homelab
            std::exchange(m_undo, {})();
    }

    void cleanupTestCase()
    {
        const stallwatch::Figures stalls = stallwatch::figures();
        qInfo().noquote() << QStringLiteral("faults tried: %1, survived: %2").arg(m_tried).arg(m_survived);
        qInfo().noquote() << QStringLiteral("GUI stall over the matrix: max %1 ms, %2 of %3 ticks over 50 ms; without "
                                            "the time the GUI thread waited for a CPU: max %4 ms, %5 over 50 ms")
                                 .arg(stalls.maxLateMs)
                                 .arg(stalls.stalls)
                                 .arg(stalls.ticks)
                                 .arg(stalls.ownMaxLateMs)
                                 .arg(stalls.ownStalls);
        for (const QString& s : std::as_const(m_samples))
            qInfo().noquote() << "shown:" << s;
        if (m_failedRows == 0 && m_tried > 0) {
            QCOMPARE(m_survived, m_tried);
            QVERIFY(stalls.ticks > 0);
            // A bound that never flakes on a loaded 2-core machine; the measured figure is the evidence.
            QVERIFY2(stalls.maxLateMs < 1000, qPrintable(QString::number(stalls.maxLateMs)));
            QVERIFY2(m_cutMidFrame > 0, "the Home Assistant socket was not cut mid-frame");
            QVERIFY(m_minRetryAfterGapMs >= 2990);
            const QString scope =
                m_fullMatrix ? QStringLiteral("every fault on every panel it applies to")
                             : QStringLiteral("every HTTP fault on the Proxmox guests, 1 to 4 on each other panel");
            hlc::test::evidence(
                QStringLiteral(
                    "faults tried: %1, survived: %2 (9 panel kinds of the real MainWindow on the demo homelab; %3): "
                    "each panel named its service and the fault, kept its rows marked stale with their time, the "
                    "other panels kept updating, it recovered without F5; 429 Retry-After 3 s: next request after "
                    "%4 ms at the least; GUI stall max %5 ms over %6 ticks (%7 over 50 ms), without the time the "
                    "GUI thread waited for a CPU max %8 ms (%9 over 50 ms)")
                    .arg(m_tried)
                    .arg(m_survived)
                    .arg(scope)
                    .arg(m_minRetryAfterGapMs)
                    .arg(stalls.maxLateMs)
                    .arg(stalls.ticks)
                    .arg(stalls.stalls)
                    .arg(stalls.ownMaxLateMs)
                    .arg(stalls.ownStalls));
        }
        m_window.reset();
        m_homelab.reset();
        m_sim.reset();
    }
};

QTEST_MAIN(TestPanelFaults)
#include "TestPanelFaults.moc"
