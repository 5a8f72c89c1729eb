// PortainerClient against the simulated Portainer (PortainerSim + SimDocker) over HTTP on 127.0.0.1.
#include "TestUtil.h"
#include "portainer/PortainerClient.h"

#include "PortainerSim.h"
#include "SimDocker.h"
#include "SimHttpServer.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>

using namespace hlc;
using namespace hlc::portainer;
using hlc::test::Capture;

namespace {
const QString kKey = QStringLiteral("ptr_TestKey0123456789abcdefABCDEF=");
}

class TestPortainerClient : public QObject
{
    Q_OBJECT

private:
    sim::SimHttpServer* m_server = nullptr;
    sim::SimDocker* m_docker = nullptr;
    sim::PortainerSim* m_portainer = nullptr;
    QNetworkAccessManager* m_nam = nullptr;

    Endpoint endpoint(const QString& key = kKey) const
    {
        Endpoint e;
        QUrl url = m_server->baseUrl();
        url.setPath(QStringLiteral("/api"));
        e.baseUrl = url;
        e.credentials = {AuthScheme::ApiKey, {}, key, {}};
        e.timeoutMs = 3000;
        e.maxRetries = 0;
        return e;
    }

    template<typename T> T ok(Capture<Result<T>>& cap)
    {
        if (!cap.wait())
            qFatal("no answer");
        if (!cap.value->ok())
            qWarning("%s", qPrintable(cap.value->error().detail + QStringLiteral(" / ") + cap.value->error().message));
        return cap.value->ok() ? cap.value->value() : T();
    }

    QString containerId(const QString& name) const { return m_docker->container(name)->id; }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = new sim::SimHttpServer(this);
        QVERIFY(m_server->listen(false));
        m_docker = sim::SimDocker::createSeeded(QStringLiteral("host-a"), 1, this);
        m_portainer = new sim::PortainerSim(m_docker, m_server, QStringLiteral("pve-thinkpad"), kKey, this);
        m_nam = new QNetworkAccessManager(this);
        QCOMPARE(m_server->baseUrl().host(), QStringLiteral("127.0.0.1"));
    }

    void cleanup()
    {
        m_server->clearFaults();
        m_server->clearRequests();
    }

    void systemStatusIsPublic()
    {
        PortainerClient c(m_nam, endpoint());
        Capture<Result<SystemStatus>> cap;
        c.systemStatus(this, cap.callback());
        QCOMPARE(ok(cap).version, QStringLiteral("2.31.2"));
        QCOMPARE(m_server->requests().last().header("x-api-key"), kKey.toUtf8());
        hlc::test::evidence(QStringLiteral("PortainerClient <-> simulated Portainer (reports %1) over HTTP on %2")
                                .arg(cap.value->value().version, m_server->baseUrl().host()));
    }

    void environments()
    {
        PortainerClient c(m_nam, endpoint());
        Capture<Result<QList<Environment>>> cap;
        c.environments(this, cap.callback());
        const auto envs = ok(cap);
        QCOMPARE(envs.size(), 1);
        QCOMPARE(envs.first().id, 1);
        QCOMPARE(envs.first().name, QStringLiteral("pve-thinkpad"));
        QVERIFY(envs.first().up());
    }

    void stacksAndContainers()
    {
        PortainerClient c(m_nam, endpoint());
        Capture<Result<QList<Stack>>> stacks;
        c.stacks(this, stacks.callback());
        const auto s = ok(stacks);
        QStringList names;
        for (const Stack& x : s)
            names << x.name;
        QVERIFY2(names.contains(QStringLiteral("home")) && names.contains(QStringLiteral("monitoring")),
                 qPrintable(names.join(',')));
        Capture<Result<QList<Container>>> cs;
        c.containers(1, this, cs.callback());
        const auto containers = ok(cs);
        QCOMPARE(containers.size(), 14);
        QCOMPARE(m_server->requests().last().query.queryItemValue(QStringLiteral("all")), QStringLiteral("1"));
        int stopped = 0;
        for (const Container& x : containers) {
            stopped += x.stopped() ? 1 : 0;
            if (x.name == QLatin1String("traefik")) {
                QVERIFY(x.running());
                QCOMPARE(x.health, QStringLiteral("healthy"));
                QCOMPARE(x.stack, QStringLiteral("proxy"));
                QCOMPARE(x.image, QStringLiteral("traefik:v3.2"));
                QVERIFY(x.status.startsWith(QLatin1String("Up ")));
            }
            if (x.name == QLatin1String("portainer"))
                QVERIFY(x.stack.isEmpty());
            if (x.name == QLatin1String("loki"))
                QCOMPARE(x.health, QStringLiteral("unhealthy"));
        }
        QCOMPARE(stopped, 1); // esphome exited
    }

    void stackStopStartAndAlready()
    {
        PortainerClient c(m_nam, endpoint());
        const int id = m_docker->stackByName(QStringLiteral("monitoring"))->id;
        Capture<Result<StackActionResult>> stop;
        c.stackAction(id, 1, false, this, stop.callback());
        const StackActionResult r = ok(stop);
        QVERIFY(!r.alreadyInState);
        QCOMPARE(r.stack.status, 2);
        QCOMPARE(m_server->requests().last().method, QByteArray("POST"));
        QCOMPARE(m_server->requests().last().path, QStringLiteral("/api/stacks/%1/stop").arg(id));
        QCOMPARE(m_server->requests().last().query.queryItemValue(QStringLiteral("endpointId")), QStringLiteral("1"));
        QCOMPARE(m_docker->container(QStringLiteral("grafana"))->state, QStringLiteral("exited"));

        Capture<Result<StackActionResult>> again;
        c.stackAction(id, 1, false, this, again.callback());
        const StackActionResult a = ok(again);
        QVERIFY(a.alreadyInState); // "already stopped" is not a failure
        QCOMPARE(a.message, QStringLiteral("Stack is already inactive"));

        Capture<Result<StackActionResult>> start;
        c.stackAction(id, 1, true, this, start.callback());
        QCOMPARE(ok(start).stack.status, 1);
        QCOMPARE(m_docker->container(QStringLiteral("grafana"))->state, QStringLiteral("running"));
        // "already active": 400 as the real server answers, and 409 as the spec also documents; both accepted
        Capture<Result<StackActionResult>> startAgain;
        c.stackAction(id, 1, true, this, startAgain.callback());
        QVERIFY(ok(startAgain).alreadyInState);
        m_portainer->setAlreadyActiveStatus(409);
        Capture<Result<StackActionResult>> startConflict;
        c.stackAction(id, 1, true, this, startConflict.callback());
        QVERIFY(ok(startConflict).alreadyInState);
        QCOMPARE(ok(startConflict).message, QStringLiteral("Stack is already active"));
        m_portainer->setAlreadyActiveStatus(400);
    }

    void stackErrors()
    {
        PortainerClient c(m_nam, endpoint());
        Capture<Result<StackActionResult>> missing;
        c.stackAction(999, 1, true, this, missing.callback());
        QVERIFY(missing.wait());
        QVERIFY(!missing.value->ok());
        QCOMPARE(missing.value->error().kind, ApiError::Kind::NotFound);
        QVERIFY2(missing.value->error().message.contains(QLatin1String("Unable to find a stack")),
                 qPrintable(missing.value->error().message));

        PortainerClient bad(m_nam, endpoint(QStringLiteral("ptr_wrong")));
        Capture<Result<QList<Stack>>> unauth;
        bad.stacks(this, unauth.callback());
        QVERIFY(unauth.wait());
        QCOMPARE(unauth.value->error().kind, ApiError::Kind::Auth);
        QCOMPARE(
            unauth.value->error().message,
            QStringLiteral("Portainer rejected the access token (HTTP 401). Check the API key (it starts with ptr_)."));
        QVERIFY(!unauth.value->error().message.contains(QLatin1String("ptr_wrong"))); // never the secret
    }

    void containerActions()
    {
        PortainerClient c(m_nam, endpoint());
        const QString id = containerId(QStringLiteral("esphome"));
        Capture<Result<ContainerActionResult>> start;
        c.containerAction(1, id, ContainerAction::Start, this, start.callback());
        QVERIFY(!ok(start).alreadyInState);
        QCOMPARE(m_docker->container(id)->state, QStringLiteral("running"));
        Capture<Result<ContainerActionResult>> again;
        c.containerAction(1, id, ContainerAction::Start, this, again.callback());
        QVERIFY(ok(again).alreadyInState); // 304
        Capture<Result<ContainerActionResult>> restart;
        c.containerAction(1, id, ContainerAction::Restart, this, restart.callback());
        QVERIFY(!ok(restart).alreadyInState);
        Capture<Result<ContainerActionResult>> stop;
        c.containerAction(1, id, ContainerAction::Stop, this, stop.callback());
        QVERIFY(!ok(stop).alreadyInState);
        QCOMPARE(m_docker->container(id)->state, QStringLiteral("exited"));
        Capture<Result<ContainerActionResult>> stopAgain;
        c.containerAction(1, id, ContainerAction::Stop, this, stopAgain.callback());
        QVERIFY(ok(stopAgain).alreadyInState);

        Capture<Result<ContainerActionResult>> missing;
        c.containerAction(1, QStringLiteral("deadbeef"), ContainerAction::Stop, this, missing.callback());
        QVERIFY(missing.wait());
        QCOMPARE(missing.value->error().kind, ApiError::Kind::NotFound);
        QCOMPARE(missing.value->error().message, QStringLiteral("Portainer: No such container: deadbeef (HTTP 404)"));
    }

    void logsMultiplexedAndTty()
    {
        PortainerClient c(m_nam, endpoint());
        Capture<Result<QStringList>> plain;
        c.containerLogs(1, containerId(QStringLiteral("traefik")), 200, this, plain.callback());
        const QStringList lines = ok(plain);
        QCOMPARE(lines.size(), 200);
        QVERIFY2(lines.last().contains(QLatin1String("traefik: line 249")), qPrintable(lines.last()));
        QVERIFY(std::any_of(lines.cbegin(), lines.cend(), [](const QString& l) { return l.contains("WARN"); }));
        QCOMPARE(m_server->requests().last().query.queryItemValue(QStringLiteral("tail")), QStringLiteral("200"));

        Capture<Result<QStringList>> tty;
        c.containerLogs(1, containerId(QStringLiteral("homeassistant")), 200, this, tty.callback());
        const QStringList ttyLines = ok(tty);
        QCOMPARE(ttyLines.size(), 200);
        QVERIFY(ttyLines.first().contains(QLatin1String("homeassistant")));
    }

    void serverErrorAndMalformed()
    {
        PortainerClient c(m_nam, endpoint());
        sim::Fault f;
        f.status = 500;
        m_server->setFault("GET", QStringLiteral("/api/stacks"), f);
        Capture<Result<QList<Stack>>> e500;
        c.stacks(this, e500.callback());
        QVERIFY(e500.wait());
        QCOMPARE(e500.value->error().kind, ApiError::Kind::Server);
        QCOMPARE(e500.value->error().httpStatus, 500);

        sim::Fault m;
        m.body = sim::Fault::Body::Malformed;
        m_server->setFault("GET", QStringLiteral("/api/stacks"), m);
        Capture<Result<QList<Stack>>> malformed;
        c.stacks(this, malformed.callback());
        QVERIFY(malformed.wait());
        QCOMPARE(malformed.value->error().kind, ApiError::Kind::Parse);
        QCOMPARE(malformed.value->error().message, QStringLiteral("The answer for /api/stacks is not valid JSON."));
    }

    void timeoutAndReset()
    {
        Endpoint e = endpoint();
        e.timeoutMs = 400;
        PortainerClient c(m_nam, e);
        sim::Fault hang;
        hang.hang = true;
        m_server->setFault("GET", QStringLiteral("/api/endpoints/{env}/docker/containers/json"), hang);
        Capture<Result<QList<Container>>> t;
        c.containers(1, this, t.callback());
        QVERIFY(t.wait());
        QCOMPARE(t.value->error().kind, ApiError::Kind::Timeout);
        QCOMPARE(t.value->error().message,
                 QStringLiteral("127.0.0.1:%1 did not answer within 0.4 s.").arg(m_server->port()));

        sim::Fault reset;
        reset.reset = true;
        m_server->setFault("POST", QStringLiteral("/api/stacks/{id}/stop"), reset);
        m_server->clearRequests();
        Capture<Result<StackActionResult>> r;
        c.stackAction(m_docker->stacks().first().id, 1, false, this, r.callback());
        QVERIFY(r.wait());
        QCOMPARE(r.value->error().kind, ApiError::Kind::Network);
        QVERIFY(r.value->error().outcomeUnknown);
        QVERIFY2(r.value->error().message.contains(QLatin1String("may or may not have been carried out")),
                 qPrintable(r.value->error().message));
        // The connection died after the POST was sent: it went out once, and was not re-sent (by us or by Qt).
        QTest::qWait(300);
        const QList<sim::SimRequest> all = m_server->requests();
        QCOMPARE(std::count_if(all.cbegin(), all.cend(),
                               [](const sim::SimRequest& q) {
                                   return q.method == "POST" && q.path.endsWith(QLatin1String("/stop"));
                               }),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestPortainerClient)
#include "TestPortainerClient.moc"
