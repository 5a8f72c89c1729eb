// Contract test: every simulator route of the guests feature (PVE actions/tasks/ticket/rrddata/status, Portainer,
// Docker proxy) answers with a body that shared/tools/spec-check validates against the official specs.
#include "PveSimFixture.h"
#include "SpecCheck.h"
#include "TestUtil.h"
#include "core/ApiClient.h"

#include "PortainerSim.h"
#include "ProxmoxSim.h"
#include "ProxmoxTaskSim.h"
#include "SimDocker.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStandardPaths>

using namespace hlc;

namespace {
const QString kUser = QStringLiteral("monitor@pve!homelab-control");
const QString kSecret = QStringLiteral("7a1c0e9d-2b3f-4e5a-8c6d-9f0e1a2b3c4d");
const QString kKey = QStringLiteral("ptr_SpecKey0000000000000000000000000");
const QString kNode = QStringLiteral("pve-thinkpad");
} // namespace

class TestGuestsSpec : public QObject
{
    Q_OBJECT

private:
    hlc::test::SpecCheck m_spec;
    hlc::test::PveSimFixture m_pveSim;
    sim::SimHttpServer* m_pve = nullptr;
    sim::ProxmoxTaskSim* m_tasks = nullptr;
    sim::SimHttpServer* m_pt = nullptr;
    sim::SimDocker* m_docker = nullptr;
    sim::PortainerSim* m_portainer = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    ApiClient* m_pveApi = nullptr;
    ApiClient* m_ptApi = nullptr;

    ApiResponse send(ApiClient* api, const QByteArray& method, const QString& path, const QUrlQuery& q = {},
                     const QByteArray& body = {})
    {
        ApiRequest r;
        r.method = method;
        r.path = path;
        r.query = q;
        r.body = body;
        if (!body.isEmpty())
            r.contentType = "application/x-www-form-urlencoded";
        std::optional<ApiResponse> out;
        api->send(r, this, [&out](const ApiResponse& resp) { out = resp; });
        hlc::test::waitFor([&] { return out.has_value(); });
        return out.value_or(ApiResponse{});
    }

    /// Empty when spec-check says "ok", else its output.
    QString violations(const QString& spec, const QByteArray& method, const QString& path, int status,
                       const QByteArray& body)
    {
        return m_spec.violations(spec, QString::fromLatin1(method), path, status, body);
    }

    /// One evidence line per route family, with the number of answers that validated since @p before.
    void evidenceFor(const char* what, const QString& spec, int before) const
    {
        hlc::test::evidence(QStringLiteral("spec-check validated %1 simulated %2 answers against %3")
                                .arg(m_spec.passed() - before)
                                .arg(QLatin1String(what), spec));
    }

    QString upidOf(const ApiResponse& r) const
    {
        return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("data")).toString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        for (const char* spec :
             {"proxmox/pve-api.controlcenter-excerpt.json", "portainer/swagger-2.31.2.controlcenter-excerpt.yaml",
              "docker-engine/swagger.controlcenter-excerpt.yaml"})
            HLC_REQUIRE_REAL(m_spec.unavailable(QLatin1String(spec)));
        QVERIFY(m_pveSim.start(this, {kNode}, kUser, kSecret));
        m_pve = m_pveSim.server;
        m_tasks = m_pveSim.tasks;
        m_tasks->setTaskDurationMs(200);
        m_tasks->setLogin(QStringLiteral("root@pam"), QStringLiteral("pw"));
        m_pt = new sim::SimHttpServer(this);
        QVERIFY(m_pt->listen(false));
        m_docker = sim::SimDocker::createSeeded(QStringLiteral("host-a"), 1, this);
        m_portainer = new sim::PortainerSim(m_docker, m_pt, kNode, kKey, this);
        m_nam = new QNetworkAccessManager(this);
        Endpoint pe = m_pveSim.tokenEndpoint(kUser, kSecret);
        pe.maxRetries = 0;
        m_pveApi = new ApiClient(m_nam, pe, this);
        Endpoint te;
        QUrl t = m_pt->baseUrl();
        t.setPath(QStringLiteral("/api"));
        te.baseUrl = t;
        te.credentials = {AuthScheme::ApiKey, {}, kKey, {}};
        te.maxRetries = 0;
        m_ptApi = new ApiClient(m_nam, te, this);
    }

    void proxmoxRoutes()
    {
        const QString spec = QStringLiteral("proxmox/pve-api.controlcenter-excerpt.json");
        const int before = m_spec.passed();
        const QString p = QStringLiteral("/api2/json");
        struct Check
        {
            QByteArray method;
            QString path;
            int status;
            ApiResponse r;
        };
        QList<Check> checks;
        const auto check = [&](const QByteArray& m, const QString& path, int status, const ApiResponse& r) {
            checks.append({m, p + path, status, r});
        };
        ApiResponse stop = send(m_pveApi, "POST", QStringLiteral("/nodes/%1/lxc/201/status/stop").arg(kNode));
        check("POST", QStringLiteral("/nodes/%1/lxc/201/status/stop").arg(kNode), 200, stop);
        const QString upid = upidOf(stop);
        QVERIFY(upid.startsWith(QLatin1String("UPID:")));
        check("GET", QStringLiteral("/nodes/%1/tasks/%2/status").arg(kNode, upid), 200,
              send(m_pveApi, "GET", QStringLiteral("/nodes/%1/tasks/%2/status").arg(kNode, upid)));
        QTest::qWait(400);
        check("GET", QStringLiteral("/nodes/%1/tasks/%2/status").arg(kNode, upid), 200,
              send(m_pveApi, "GET", QStringLiteral("/nodes/%1/tasks/%2/status").arg(kNode, upid)));
        check("GET", QStringLiteral("/nodes/%1/tasks/%2/log").arg(kNode, upid), 200,
              send(m_pveApi, "GET", QStringLiteral("/nodes/%1/tasks/%2/log").arg(kNode, upid)));
        for (const char* a : {"start", "shutdown", "reboot", "suspend", "resume"}) {
            const QString path = QStringLiteral("/nodes/%1/qemu/100/status/%2").arg(kNode, QLatin1String(a));
            check("POST", path, 200, send(m_pveApi, "POST", path));
        }
        check("GET", QStringLiteral("/nodes/%1/qemu/100/status/current").arg(kNode), 200,
              send(m_pveApi, "GET", QStringLiteral("/nodes/%1/qemu/100/status/current").arg(kNode)));
        check("GET", QStringLiteral("/nodes/%1/lxc/200/status/current").arg(kNode), 200,
              send(m_pveApi, "GET", QStringLiteral("/nodes/%1/lxc/200/status/current").arg(kNode)));
        QUrlQuery tf;
        tf.addQueryItem(QStringLiteral("timeframe"), QStringLiteral("hour"));
        check("GET", QStringLiteral("/nodes/%1/rrddata").arg(kNode), 200,
              send(m_pveApi, "GET", QStringLiteral("/nodes/%1/rrddata").arg(kNode), tf));
        check("GET", QStringLiteral("/nodes/%1/qemu/100/rrddata").arg(kNode), 200,
              send(m_pveApi, "GET", QStringLiteral("/nodes/%1/qemu/100/rrddata").arg(kNode), tf));
        check("GET", QStringLiteral("/nodes/%1/lxc/202/rrddata").arg(kNode), 200,
              send(m_pveApi, "GET", QStringLiteral("/nodes/%1/lxc/202/rrddata").arg(kNode), tf));
        check("POST", QStringLiteral("/access/ticket"), 200,
              send(m_pveApi, "POST", QStringLiteral("/access/ticket"), {}, "username=root%40pam&password=pw"));
        for (const Check& c : checks) {
            QCOMPARE(c.r.status, c.status);
            const QString v = violations(spec, c.method, c.path, c.r.status, c.r.body);
            QVERIFY2(v.isEmpty(), qPrintable(c.method + ' ' + c.path + QStringLiteral(": ") + v +
                                             QStringLiteral("\nbody: ") + QString::fromUtf8(c.r.body)));
        }
        evidenceFor("PVE action/task/ticket/rrddata", spec, before);
    }

    void portainerRoutes()
    {
        const QString spec = QStringLiteral("portainer/swagger-2.31.2.controlcenter-excerpt.yaml");
        const int before = m_spec.passed();
        QUrlQuery env;
        env.addQueryItem(QStringLiteral("endpointId"), QStringLiteral("1"));
        const int id = m_docker->stackByName(QStringLiteral("automation"))->id;
        const struct
        {
            QByteArray method;
            QString path;
            QUrlQuery query;
            int status;
        } checks[] = {
            {"GET", QStringLiteral("/system/status"), {}, 200},
            {"GET", QStringLiteral("/endpoints"), {}, 200},
            {"GET", QStringLiteral("/stacks"), {}, 200},
            {"POST", QStringLiteral("/stacks/%1/stop").arg(id), env, 200},
            {"POST", QStringLiteral("/stacks/%1/stop").arg(id), env, 400}, // already inactive
            {"POST", QStringLiteral("/stacks/%1/start").arg(id), env, 200},
            {"POST", QStringLiteral("/stacks/%1/start").arg(id), env, 400}, // already active: the real server's 400
            {"POST", QStringLiteral("/stacks/999/start"), env, 404},
        };
        for (const auto& c : checks) {
            const ApiResponse r = send(m_ptApi, c.method, c.path, c.query);
            QCOMPARE(r.status, c.status);
            const QString v = violations(spec, c.method, QStringLiteral("/api") + c.path, r.status, r.body);
            QVERIFY2(v.isEmpty(), qPrintable(c.method + ' ' + c.path + QStringLiteral(": ") + v +
                                             QStringLiteral("\nbody: ") + QString::fromUtf8(r.body.left(2000))));
        }
        // the spec's 409 for "already active" (the sim's other mode) validates too
        m_portainer->setAlreadyActiveStatus(409);
        const ApiResponse conflict = send(m_ptApi, "POST", QStringLiteral("/stacks/%1/start").arg(id), env);
        m_portainer->setAlreadyActiveStatus(400);
        QCOMPARE(conflict.status, 409);
        const QString cv = violations(spec, "POST", QStringLiteral("/api/stacks/%1/start").arg(id), 409, conflict.body);
        QVERIFY2(cv.isEmpty(), qPrintable(cv));
        evidenceFor("Portainer stack", spec, before);
    }

    void dockerProxyRoutes()
    {
        // Portainer passes Docker Engine bodies through unchanged: validate them against the engine's spec.
        const QString spec = QStringLiteral("docker-engine/swagger.controlcenter-excerpt.yaml");
        const int before = m_spec.passed();
        const QString id = m_docker->container(QStringLiteral("n8n"))->id;
        QUrlQuery all;
        all.addQueryItem(QStringLiteral("all"), QStringLiteral("1"));
        const struct
        {
            QByteArray method;
            QString path;
            QUrlQuery query;
            int status;
        } checks[] = {
            {"GET", QStringLiteral("/containers/json"), all, 200},
            {"POST", QStringLiteral("/containers/%1/stop").arg(id), {}, 204},
            {"POST", QStringLiteral("/containers/%1/stop").arg(id), {}, 304},
            {"POST", QStringLiteral("/containers/%1/start").arg(id), {}, 204},
            {"POST", QStringLiteral("/containers/%1/restart").arg(id), {}, 204},
            {"POST", QStringLiteral("/containers/nope/start"), {}, 404},
            {"GET", QStringLiteral("/containers/%1/json").arg(id), {}, 200},
            {"GET", QStringLiteral("/containers/nope/json"), {}, 404},
        };
        for (const auto& c : checks) {
            const ApiResponse r = send(m_ptApi, c.method, QStringLiteral("/endpoints/1/docker") + c.path, c.query);
            QCOMPARE(r.status, c.status);
            if (r.body.isEmpty())
                continue; // 204/304: no body to validate
            const QString v = violations(spec, c.method, c.path, r.status, r.body);
            QVERIFY2(v.isEmpty(), qPrintable(c.method + ' ' + c.path + QStringLiteral(": ") + v +
                                             QStringLiteral("\nbody: ") + QString::fromUtf8(r.body.left(2000))));
        }
        evidenceFor("Docker proxy (via Portainer)", spec, before);
    }

    /// What the inbox reads besides the guest list: the node's failed tasks of the last day (errors=1&since=) and a
    /// stopped guest's configuration (onboot), and Docker inspect after a restart by the restart policy.
    void attentionRoutes()
    {
        const QString excerpt = QStringLiteral("proxmox/pve-api.controlcenter-excerpt.json");
        const QString full = QStringLiteral("proxmox/pve-apidata.full.json"); // .../config is not in the excerpt
        HLC_REQUIRE_REAL(m_spec.unavailable(full));
        const int before = m_spec.passed();
        const QString p = QStringLiteral("/api2/json");
        const QString failed = m_tasks->addFinishedTask(kNode, QStringLiteral("vzdump"), QStringLiteral("202"),
                                                        QStringLiteral("job errors"), 600);
        m_tasks->addFinishedTask(kNode, QStringLiteral("vzdump"), QStringLiteral("201"), QStringLiteral("OK"), 300);
        QUrlQuery errors;
        errors.addQueryItem(QStringLiteral("errors"), QStringLiteral("1"));
        errors.addQueryItem(QStringLiteral("since"), QString::number(QDateTime::currentSecsSinceEpoch() - 86400));
        errors.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
        const QString tasks = QStringLiteral("/nodes/%1/tasks").arg(kNode);
        const ApiResponse onlyErrors = send(m_pveApi, "GET", tasks, errors);
        const ApiResponse every = send(m_pveApi, "GET", tasks);
        for (const ApiResponse& r : {onlyErrors, every}) {
            QCOMPARE(r.status, 200);
            const QString v = violations(excerpt, "GET", p + tasks, r.status, r.body);
            QVERIFY2(v.isEmpty(), qPrintable(v + QStringLiteral("\nbody: ") + QString::fromUtf8(r.body)));
        }
        const QJsonArray errorList = QJsonDocument::fromJson(onlyErrors.body).object().value("data").toArray();
        QVERIFY(!errorList.isEmpty());
        for (const QJsonValue& t : errorList)
            QVERIFY(t.toObject().value("status").toString() != QLatin1String("OK"));
        QVERIFY(onlyErrors.body.contains(failed.toUtf8()));
        QVERIFY(QJsonDocument::fromJson(every.body).object().value("data").toArray().size() > errorList.size());
        for (const QString& guest : {QStringLiteral("qemu/100"), QStringLiteral("lxc/202")}) {
            const QString path = QStringLiteral("/nodes/%1/%2/config").arg(kNode, guest);
            const ApiResponse r = send(m_pveApi, "GET", path);
            QCOMPARE(r.status, 200);
            const QString v = violations(full, "GET", p + path, r.status, r.body);
            QVERIFY2(v.isEmpty(), qPrintable(path + QStringLiteral(": ") + v + QStringLiteral("\nbody: ") +
                                             QString::fromUtf8(r.body)));
        }
        const ApiResponse missing = send(m_pveApi, "GET", QStringLiteral("/nodes/%1/qemu/999/config").arg(kNode));
        QCOMPARE(missing.status, 500);
        QVERIFY(m_docker->restartByPolicy(QStringLiteral("n8n")));
        const QString id = m_docker->container(QStringLiteral("n8n"))->id;
        const ApiResponse inspect =
            send(m_ptApi, "GET", QStringLiteral("/endpoints/1/docker/containers/%1/json").arg(id));
        QCOMPARE(inspect.status, 200);
        const QString dockerSpec = QStringLiteral("docker-engine/swagger.controlcenter-excerpt.yaml");
        const QString v =
            violations(dockerSpec, "GET", QStringLiteral("/containers/%1/json").arg(id), 200, inspect.body);
        QVERIFY2(v.isEmpty(), qPrintable(v + QStringLiteral("\nbody: ") + QString::fromUtf8(inspect.body)));
        QCOMPARE(QJsonDocument::fromJson(inspect.body).object().value("RestartCount").toInt(), 1);
        evidenceFor("PVE tasks/config and Docker inspect", excerpt + QStringLiteral(", ") + full, before);
    }

    /// Real servers' states the simulator can now take: a crash-looping (restarting) and a paused container that
    /// stop applies to, a locked VM in QEMU's "prelaunch" state, a hibernated VM: every answer is spec-checked.
    void realServerStates()
    {
        const QString dockerSpec = QStringLiteral("docker-engine/swagger.controlcenter-excerpt.yaml");
        const int before = m_spec.passed();
        const QString loop = m_docker->container(QStringLiteral("n8n"))->id;
        QVERIFY(m_docker->setContainerState(loop, QStringLiteral("restarting"), 1));
        QUrlQuery all;
        all.addQueryItem(QStringLiteral("all"), QStringLiteral("1"));
        const ApiResponse list = send(m_ptApi, "GET", QStringLiteral("/endpoints/1/docker/containers/json"), all);
        QCOMPARE(list.status, 200);
        QVERIFY(list.body.contains("\"restarting\"") && list.body.contains("Restarting (1)"));
        QString v = violations(dockerSpec, "GET", QStringLiteral("/containers/json"), list.status, list.body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        // Docker stops a restarting container (204), and a start of it is "already started" (304)
        QCOMPARE(send(m_ptApi, "POST", QStringLiteral("/endpoints/1/docker/containers/%1/start").arg(loop)).status,
                 304);
        QCOMPARE(send(m_ptApi, "POST", QStringLiteral("/endpoints/1/docker/containers/%1/stop").arg(loop)).status, 204);
        QCOMPARE(m_docker->container(loop)->state, QStringLiteral("exited"));
        QVERIFY(m_docker->setContainerState(loop, QStringLiteral("paused")));
        QCOMPARE(send(m_ptApi, "POST", QStringLiteral("/endpoints/1/docker/containers/%1/stop").arg(loop)).status, 204);
        QVERIFY(m_docker->setContainerState(loop, QStringLiteral("dead")));
        const ApiResponse dead = send(m_ptApi, "GET", QStringLiteral("/endpoints/1/docker/containers/json"), all);
        v = violations(dockerSpec, "GET", QStringLiteral("/containers/json"), dead.status, dead.body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        QCOMPARE(send(m_ptApi, "POST", QStringLiteral("/endpoints/1/docker/containers/%1/start").arg(loop)).status,
                 204);

        const QString pveSpec = QStringLiteral("proxmox/pve-api.controlcenter-excerpt.json");
        const QString p = QStringLiteral("/api2/json");
        QVERIFY(m_pveSim.lab->setGuestStatus(100, QStringLiteral("prelaunch")));
        QVERIFY(m_pveSim.lab->setGuestLock(100, QStringLiteral("backup")));
        const ApiResponse res = send(m_pveApi, "GET", QStringLiteral("/cluster/resources"));
        QVERIFY(res.body.contains("\"lock\":\"backup\"") && res.body.contains("\"prelaunch\""));
        v = violations(pveSpec, "GET", p + QStringLiteral("/cluster/resources"), res.status, res.body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        const QString cur = QStringLiteral("/nodes/%1/qemu/100/status/current").arg(kNode);
        const ApiResponse current = send(m_pveApi, "GET", cur);
        QVERIFY(current.body.contains("\"qmpstatus\":\"prelaunch\"") &&
                current.body.contains("\"status\":\"running\""));
        v = violations(pveSpec, "GET", p + cur, current.status, current.body);
        QVERIFY2(v.isEmpty(), qPrintable(v + QString::fromUtf8(current.body)));
        QVERIFY(m_pveSim.lab->setGuestStatus(100, QStringLiteral("stopped")));
        QVERIFY(m_pveSim.lab->setGuestLock(100, QStringLiteral("suspended"))); // hibernated
        const ApiResponse hib = send(m_pveApi, "GET", cur);
        v = violations(pveSpec, "GET", p + cur, hib.status, hib.body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        QVERIFY(m_pveSim.lab->setGuestLock(100, QString()));
        evidenceFor("real-server states (crash loop, paused, dead, lock, prelaunch)",
                    dockerSpec + QStringLiteral(", ") + pveSpec, before);
    }
};

QTEST_GUILESS_MAIN(TestGuestsSpec)
#include "TestGuestsSpec.moc"
