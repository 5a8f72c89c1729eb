// The simulator's "old servers" mode (Simulator::setOldServers, `homelab-sim --old-servers`): PVE 7.4, AdGuard Home
// v0.105.2 without /control/protection, Alertmanager 0.25. Every answer of the mode is spec-checked; the only
// deviation allowed is the AdGuard status field that is newer than v0.105.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "SimAdGuard.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "core/ApiClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QStandardPaths>

using namespace hlc;
using hlc::test::waitFor;

class TestSimOldServers : public QObject
{
    Q_OBJECT

private:
    sim::Simulator* m_sim = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    hlc::test::SpecCheck m_spec;

    ApiResponse fetch(const sim::ServiceEndpoint& ep, Credentials creds, const QByteArray& method, const QString& path,
                      const QByteArray& body = {})
    {
        Endpoint e;
        e.baseUrl = ep.baseUrl;
        e.credentials = std::move(creds);
        e.pinnedSha256 = ep.tlsSha256;
        e.maxRetries = 0;
        ApiClient api(m_nam, e);
        ApiRequest r;
        r.method = method;
        r.path = path;
        r.body = body;
        r.idempotent = method == "GET";
        if (!body.isEmpty())
            r.contentType = "application/json";
        std::optional<ApiResponse> out;
        api.send(r, this, [&out](const ApiResponse& resp) { out = resp; });
        waitFor([&] { return out.has_value(); });
        return out.value_or(ApiResponse{});
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_sim = new sim::Simulator(this);
        m_sim->setTickIntervalMs(0);
        m_sim->setOldServers(true);
        QString err;
        QVERIFY2(m_sim->start(&err), qPrintable(err));
        m_nam = new QNetworkAccessManager(this);
    }

    void proxmoxIsVersion7()
    {
        const QString spec = QStringLiteral("proxmox/pve-api.controlcenter-excerpt.json");
        HLC_REQUIRE_REAL(m_spec.unavailable(spec));
        const sim::ServiceEndpoint ep = m_sim->endpoint(QStringLiteral("host-a"), QStringLiteral("proxmox"));
        const ApiResponse r =
            fetch(ep, {AuthScheme::PveToken, ep.user, ep.secret, {}}, "GET", QStringLiteral("/version"));
        QCOMPARE(r.status, 200);
        const QJsonObject d = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("data")).toObject();
        QCOMPARE(d.value(QStringLiteral("version")).toString(), QStringLiteral("7.4-17"));
        QCOMPARE(d.value(QStringLiteral("release")).toString(), QStringLiteral("7.4"));
        const QString v =
            m_spec.violations(spec, QStringLiteral("GET"), QStringLiteral("/api2/json/version"), r.status, r.body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        const ApiResponse st = fetch(ep, {AuthScheme::PveToken, ep.user, ep.secret, {}}, "GET",
                                     QStringLiteral("/nodes/%1/status").arg(ep.node));
        QVERIFY(st.body.contains("pve-manager/7.4-17/"));
        const QString sv = m_spec.violations(
            spec, QStringLiteral("GET"), QStringLiteral("/api2/json/nodes/%1/status").arg(ep.node), st.status, st.body);
        QVERIFY2(sv.isEmpty(), qPrintable(sv));
    }

    void adguardIsVersion105()
    {
        const QString spec = QStringLiteral("adguardhome/openapi.yaml");
        HLC_REQUIRE_REAL(m_spec.unavailable(spec));
        const sim::ServiceEndpoint ep = m_sim->endpoint(QStringLiteral("host-a"), QStringLiteral("adguard"));
        const Credentials basic{AuthScheme::Basic, ep.user, ep.secret, {}};
        const ApiResponse r = fetch(ep, basic, "GET", QStringLiteral("/status"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("\"v0.105.2\""));
        const QString v =
            m_spec.violations(spec, QStringLiteral("GET"), QStringLiteral("/control/status"), r.status, r.body);
        QCOMPARE(v.count(QLatin1String("protection_disabled_duration")), 1); // the one field newer than v0.105
        QCOMPARE(fetch(ep, basic, "POST", QStringLiteral("/protection"), R"({"enabled":false})").status, 404);
        const ApiResponse cfg =
            fetch(ep, basic, "POST", QStringLiteral("/dns_config"), R"({"protection_enabled":true})");
        QCOMPARE(cfg.status, 200);
        QVERIFY(
            m_spec.violations(spec, QStringLiteral("POST"), QStringLiteral("/control/dns_config"), cfg.status, cfg.body)
                .isEmpty());
    }

    void alertmanagerIs025()
    {
        const QString spec = QStringLiteral("alertmanager/openapi.yaml");
        HLC_REQUIRE_REAL(m_spec.unavailable(spec));
        const sim::ServiceEndpoint ep = m_sim->endpoint(QStringLiteral("host-a"), QStringLiteral("alertmanager"));
        const ApiResponse r = fetch(ep, {}, "GET", QStringLiteral("/api/v2/status"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("\"0.25.0\""));
        const QString v =
            m_spec.violations(spec, QStringLiteral("GET"), QStringLiteral("/api/v2/status"), r.status, r.body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        hlc::test::evidence(QStringLiteral("old-servers simulator mode: PVE 7.4-17, AdGuard v0.105.2, Alertmanager "
                                           "0.25.0 answers spec-checked (%1 passed)")
                                .arg(m_spec.passed()));
    }
};

QTEST_GUILESS_MAIN(TestSimOldServers)
#include "TestSimOldServers.moc"
