// The simulator's `large` profile (issue 13): the sizes it promises, served over real sockets in the official API
// shapes (spec-checked), the same on every start (seeded), and the churn that moves it between refreshes.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "SimDocker.h"
#include "SimHealthServices.h"
#include "SimHomeAssistant.h"
#include "SimHomelab.h"
#include "SimLargeProfile.h"
#include "SimOllama.h"
#include "SimPrometheus.h"
#include "Simulator.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <memory>

using hlc::sim::ServiceEndpoint;
using hlc::sim::Simulator;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
};

Reply get(QNetworkAccessManager* nam, const ServiceEndpoint& e, const QString& path, const QByteArray& header,
          const QByteArray& value)
{
    QUrl url = e.baseUrl;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(e.baseUrl.path() + path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest request(url);
    request.setRawHeader(header, value);
    QNetworkReply* reply = nam->get(request);
    QObject::connect(
        reply, &QNetworkReply::sslErrors, reply, [reply, pin = e.tlsSha256](const QList<QSslError>& errors) {
            if (!errors.isEmpty() && errors.first().certificate().digest(QCryptographicHash::Sha256).toHex() == pin)
                reply->ignoreSslErrors(errors);
        });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(30000))
        reply->abort();
    Reply r{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    reply->deleteLater();
    return r;
}

std::unique_ptr<Simulator> startLarge(qint64* ms = nullptr)
{
    auto sim = std::make_unique<Simulator>();
    sim->setProfile(Simulator::Profile::Large);
    sim->setTickIntervalMs(0); // time moves only when the test advances it
    QElapsedTimer t;
    t.start();
    QString error;
    if (!sim->start(&error)) {
        qWarning("the large simulator did not start: %s", qPrintable(error));
        return nullptr;
    }
    if (ms)
        *ms = t.elapsed();
    return sim;
}

} // namespace

class TestSimLargeProfile final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Simulator> m_sim;
    QNetworkAccessManager* m_nam = nullptr;
    hlc::test::SpecCheck m_spec;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCOMPARE(Simulator::profileNamed(QStringLiteral("large")), Simulator::Profile::Large);
        QCOMPARE(Simulator::profileNamed(QStringLiteral("demo")), Simulator::Profile::Demo);
        QVERIFY(!Simulator::profileNamed(QStringLiteral("huge")));
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanupTestCase() { m_sim.reset(); }

    /// Every size the profile promises, counted from the running simulator.
    void sizes()
    {
        qint64 startMs = 0;
        m_sim = startLarge(&startMs);
        QVERIFY(m_sim);
        const hlc::sim::SimHomelab* lab = m_sim->homelab();
        QCOMPARE(lab->nodes().size(), 20);
        QCOMPARE(lab->guests().size(), 2000);

        // 20 hosts, each with its Proxmox endpoint; one API (server) per cluster.
        const QList<ServiceEndpoint> pve = m_sim->endpoints(QStringLiteral("proxmox"));
        QCOMPARE(pve.size(), 20);
        QSet<QString> clusters;
        QSet<QString> hosts;
        QSet<hlc::sim::SimHttpServer*> servers;
        for (const ServiceEndpoint& e : pve) {
            clusters.insert(e.cluster);
            hosts.insert(e.hostId);
            servers.insert(m_sim->server(e.hostId, e.kind));
        }
        QCOMPARE(clusters, (QSet<QString>{QStringLiteral("alpha"), QStringLiteral("beta")}));
        QCOMPARE(hosts.size(), 20);
        QCOMPARE(servers.size(), 2);

        const QList<ServiceEndpoint> portainer = m_sim->endpoints(QStringLiteral("portainer"));
        QCOMPARE(portainer.size(), 6);
        const QList<hlc::sim::SimDocker*> dockers = m_sim->findChildren<hlc::sim::SimDocker*>();
        QCOMPARE(dockers.size(), 6);
        qsizetype stacks = 0;
        qsizetype containers = 0;
        for (const hlc::sim::SimDocker* d : dockers) {
            stacks += d->stacks().size();
            containers += d->containers().size();
        }
        QCOMPARE(stacks, 300);
        QCOMPARE(containers, 3000);

        const QList<hlc::sim::SimHomeAssistant*> ha = m_sim->findChildren<hlc::sim::SimHomeAssistant*>();
        QCOMPARE(ha.size(), 1);
        QCOMPARE(ha.first()->entityCount(), 5000);
        QCOMPARE(m_sim->prometheus()->firingAlerts().size(), 300);
        QCOMPARE(m_sim->ollama()->loaded().size(), 12);
        QCOMPARE(m_sim->health()->targets().size(), 60);
        hlc::test::evidence(
            QStringLiteral("homelab-sim large profile: 20 nodes in 2 clusters, 2000 guests, 6 Portainer "
                           "environments with %1 stacks and %2 containers, 5000 HA entities, 300 alerts, "
                           "12 models, 60 probes; generated and listening in %3 ms")
                .arg(stacks)
                .arg(containers)
                .arg(startMs));
    }

    /// The big answers over real sockets, in the official shapes: one /cluster/resources for a whole cluster, and
    /// a Docker container list of 500 through Portainer.
    void servedInOfficialShapes()
    {
        HLC_REQUIRE_REAL(m_spec.unavailable(QStringLiteral("proxmox/pve-api.controlcenter-excerpt.json")));
        HLC_REQUIRE_REAL(m_spec.unavailable(QStringLiteral("docker-engine/swagger.controlcenter-excerpt.yaml")));
        if (!m_sim)
            m_sim = startLarge();
        QVERIFY(m_sim);
        const ServiceEndpoint alpha = m_sim->endpoint(QStringLiteral("host-a"), QStringLiteral("proxmox"));
        const Reply res = get(m_nam, alpha, QStringLiteral("/cluster/resources"), "Authorization",
                              "PVEAPIToken=" + alpha.user.toUtf8() + '=' + alpha.secret.toUtf8());
        QCOMPARE(res.status, 200);
        const QJsonArray data = QJsonDocument::fromJson(res.body).object().value(QStringLiteral("data")).toArray();
        int guests = 0;
        int nodes = 0;
        for (const QJsonValue& v : data) {
            const QString type = v.toObject().value(QStringLiteral("type")).toString();
            guests += type == QLatin1String("qemu") || type == QLatin1String("lxc") ? 1 : 0;
            nodes += type == QLatin1String("node") ? 1 : 0;
        }
        QCOMPARE(nodes, 10);
        QCOMPARE(guests, 1000);
        QString v =
            m_spec.violations(QStringLiteral("proxmox/pve-api.controlcenter-excerpt.json"), QStringLiteral("GET"),
                              QStringLiteral("/api2/json/cluster/resources"), res.status, res.body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        const Reply status = get(m_nam, alpha, QStringLiteral("/cluster/status"), "Authorization",
                                 "PVEAPIToken=" + alpha.user.toUtf8() + '=' + alpha.secret.toUtf8());
        QCOMPARE(status.status, 200);
        QVERIFY(status.body.contains("\"name\":\"alpha\""));

        const ServiceEndpoint env = m_sim->endpoints(QStringLiteral("portainer")).first();
        const Reply list =
            get(m_nam, env, QStringLiteral("/endpoints/%1/docker/containers/json?all=1").arg(env.portainerEnvironment),
                "X-API-Key", env.secret.toUtf8());
        QCOMPARE(list.status, 200);
        QCOMPARE(QJsonDocument::fromJson(list.body).array().size(), 500);
        v = m_spec.violations(QStringLiteral("docker-engine/swagger.controlcenter-excerpt.yaml"), QStringLiteral("GET"),
                              QStringLiteral("/containers/json"), list.status, list.body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        hlc::test::evidence(QStringLiteral("large profile over sockets, spec-checked: /cluster/resources of cluster "
                                           "alpha %1 kB (10 nodes, 1000 guests), containers/json of one environment "
                                           "%2 kB (500)")
                                .arg(res.body.size() / 1024)
                                .arg(list.body.size() / 1024));
    }

    /// Seeded: a second start builds the same homelab; the churn moves guests and containers, and the alert ring
    /// moves on, by the same steps.
    void deterministicWithChurn()
    {
        if (!m_sim)
            m_sim = startLarge();
        QVERIFY(m_sim);
        std::unique_ptr<Simulator> other = startLarge();
        QVERIFY(other);
        auto fingerprint = [](const Simulator& s) {
            QStringList out;
            for (const hlc::sim::SimGuest& g : s.homelab()->guests())
                out << QStringLiteral("%1 %2 %3 %4 %5").arg(g.vmid).arg(g.name, g.node, g.status).arg(g.maxmem);
            QList<hlc::sim::SimDocker*> dockers = s.findChildren<hlc::sim::SimDocker*>();
            std::sort(dockers.begin(), dockers.end(),
                      [](auto* a, auto* b) { return a->endpointId() < b->endpointId(); });
            for (const hlc::sim::SimDocker* d : dockers) {
                for (const hlc::sim::SimContainer& c : d->containers())
                    out << c.id + c.state + c.health;
            }
            return out;
        };
        QCOMPARE(fingerprint(*other), fingerprint(*m_sim));

        const QStringList before = fingerprint(*m_sim);
        const QList<hlc::sim::SimPromAlert> alertsBefore = m_sim->prometheus()->firingAlerts();
        for (Simulator* s : {m_sim.get(), other.get()}) {
            for (int i = 0; i < 5; ++i) // one churn step: 5 simulated seconds
                s->homelab()->tick();
        }
        QCOMPARE(fingerprint(*other), fingerprint(*m_sim));
        int guestsChanged = 0;
        const QList<hlc::sim::SimGuest> now = m_sim->homelab()->guests();
        const QStringList after = fingerprint(*m_sim);
        for (qsizetype i = 0; i < now.size(); ++i)
            guestsChanged += before.at(i) != after.at(i) ? 1 : 0;
        QVERIFY2(guestsChanged >= 1 && guestsChanged <= hlc::sim::large::kGuestsChurned,
                 qPrintable(QString::number(guestsChanged)));
        const QList<hlc::sim::SimPromAlert> alertsAfter = m_sim->prometheus()->firingAlerts();
        QCOMPARE(alertsAfter.size(), 300);
        QSet<QString> was;
        for (const auto& a : alertsBefore)
            was.insert(a.labels.value(QStringLiteral("service")));
        int fresh = 0;
        for (const auto& a : alertsAfter)
            fresh += was.contains(a.labels.value(QStringLiteral("service"))) ? 0 : 1;
        QCOMPARE(fresh, 1); // 5 s: the ring moved on by one (every 3 s)
        hlc::test::evidence(QStringLiteral("large profile is seeded (two starts equal before and after a churn step); "
                                           "one step of 5 s changed %1 guests and replaced %2 of 300 alerts")
                                .arg(guestsChanged)
                                .arg(fresh));
    }
};

QTEST_GUILESS_MAIN(TestSimLargeProfile)
#include "TestSimLargeProfile.moc"
