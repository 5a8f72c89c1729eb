// The imports (pure): a .env.master-style file with a malformed line, Homepage's services.yaml and widgets.yaml, and
// the rows applied to a configuration: secrets go to the keychain list, never into the config's bytes. Plus the
// allowCleartextAuth flag's round trip through the config file.

#include "ImportFixtures.h"
#include "TestUtil.h"
#include "core/ConfigStore.h"
#include "setup/EnvImport.h"
#include "setup/HomepageImport.h"

#include <QStandardPaths>
#include <QTest>

using namespace hlc;

namespace {

const ImportRow* rowOf(const ImportParse& p, const QString& source)
{
    for (const ImportRow& r : p.rows) {
        if (r.source == source)
            return &r;
    }
    return nullptr;
}

} // namespace

class TestSetupImports final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void envFile()
    {
        const ImportParse p = EnvImport::parse(fixtures::envMaster(), QStringLiteral("pve-thinkpad"));
        QCOMPARE(p.problems.size(), 2);
        QCOMPARE(p.problems.at(0).line, 13);
        QCOMPARE(p.problems.at(1).line, 15);
        QVERIFY(p.problems.at(1).text.contains(QLatin1String("quote")));

        const ImportRow* id = rowOf(p, QStringLiteral("PROXMOX_TOKEN_ID"));
        QVERIFY(id);
        QCOMPARE(id->kind, ServiceKind::Proxmox);
        QCOMPARE(id->field, ImportRow::Field::User);
        QCOMPARE(id->value, QStringLiteral("monitor@pve!homelab"));
        const ImportRow* secret = rowOf(p, QStringLiteral("PROXMOX_TOKEN_SECRET"));
        QVERIFY(secret && secret->isSecret() && secret->import);
        QCOMPARE(secret->line, 3);
        QCOMPARE(secret->value, QStringLiteral("8c1f9a2e-5b7d-4e3a-9f60-1d2c3b4a5e6f"));
        QVERIFY(!secret->displayValue().contains(QLatin1String("5b7d")));
        QCOMPARE(rowOf(p, QStringLiteral("PORTAINER_API_KEY"))->value, QStringLiteral("ptr_Zx9kQ2mW8vB4nT6yL1pR3s"));
        QCOMPARE(rowOf(p, QStringLiteral("ADGUARD_PASSWORD"))->value, QStringLiteral("correct horse battery"));
        QCOMPARE(rowOf(p, QStringLiteral("PVE_NODE"))->field, ImportRow::Field::Node);
        // ${VAR} kept as written, and not imported as a secret.
        const ImportRow* ha = rowOf(p, QStringLiteral("HA_TOKEN"));
        QVERIFY(ha);
        QCOMPARE(ha->value, QStringLiteral("${HOMEASSISTANT_LONG_LIVED}"));
        QVERIFY(!ha->import);
        QVERIFY(!rowOf(p, QStringLiteral("N8N_API_KEY"))->import);
        const ImportRow* ryzen = rowOf(p, QStringLiteral("PVE_RYZEN_IP"));
        QVERIFY(ryzen);
        QCOMPARE(ryzen->field, ImportRow::Field::Address);
        QCOMPARE(ryzen->host, QStringLiteral("pve-ryzen"));
        QCOMPARE(rowOf(p, QStringLiteral("SPACED_HOST"))->value, QStringLiteral("10.0.0.5"));
        QVERIFY(!rowOf(p, QStringLiteral("UNRELATED_SETTING")));

        const ImportApplied a = ImportPlan::apply(p.rows, Config{});
        QVERIFY2(!ConfigStore::validate(a.config), qPrintable(ConfigStore::validate(a.config)->toString()));
        const ServiceConfig* pve = a.config.service(QStringLiteral("pve-thinkpad"), QStringLiteral("proxmox"));
        QVERIFY(pve);
        QCOMPARE(pve->auth, AuthScheme::PveToken);
        QCOMPARE(pve->user, QStringLiteral("monitor@pve!homelab"));
        QCOMPARE(pve->proxmoxNode, QStringLiteral("pve-thinkpad"));
        QCOMPARE(pve->baseUrl.toString(), QStringLiteral("https://192.168.16.7:8006/api2/json"));
        QCOMPARE(a.config.host(QStringLiteral("pve-ryzen"))->address, QStringLiteral("192.168.17.1"));
        const QByteArray bytes = ConfigStore::serialize(a.config);
        QStringList keys;
        for (const auto& [key, value] : a.secrets) {
            keys << key;
            QVERIFY2(!bytes.contains(value.toUtf8()), qPrintable(key));
        }
        QVERIFY(keys.contains(QStringLiteral("pve-thinkpad/proxmox")));
        QVERIFY(keys.contains(QStringLiteral("pve-thinkpad/portainer")));
        QVERIFY(keys.contains(QStringLiteral("pve-thinkpad/adguard")));
        QCOMPARE(a.secrets.size(), 3);
        // AdGuard's default URL is http:// with a password: the user is told.
        QVERIFY(a.notes.join(QLatin1Char('\n')).contains(QLatin1String("adguard")));
        test::evidence(QStringLiteral(".env import: %1 rows, %2 malformed lines (13, 15) listed, %3 secrets for the "
                                      "keychain, 0 in the %4-byte config")
                           .arg(p.rows.size())
                           .arg(p.problems.size())
                           .arg(a.secrets.size())
                           .arg(bytes.size()));
    }

    void homepageServices()
    {
        const QByteArray yaml = fixtures::homepageServicesYaml();
        const ImportParse p = HomepageImport::parseServices(yaml);
        QVERIFY2(p.problems.isEmpty(), qPrintable(p.problems.value(0).text));
        const ImportRow* user = rowOf(p, QStringLiteral("Infrastructure/Proxmox: widget.username"));
        QVERIFY(user);
        QCOMPARE(user->value, QStringLiteral("homepage@pam!homepage"));
        QCOMPARE(user->line, 11);
        QCOMPARE(user->host, QStringLiteral("192.168.16.7"));
        const ImportRow* env = rowOf(p, QStringLiteral("Infrastructure/Portainer: widget.env"));
        QVERIFY(env && env->field == ImportRow::Field::Environment);
        QCOMPARE(env->host, QStringLiteral("pve-thinkpad")); // its `server:`
        const ImportRow* glances = rowOf(p, QStringLiteral("Infrastructure/Glances: widget (glances)"));
        QVERIFY(glances && !glances->import && !glances->note.isEmpty());
        QVERIFY(!rowOf(p, QStringLiteral("Home/AdGuard Home: widget.password"))->import);
        QVERIFY(!rowOf(p, QStringLiteral("Home/Jellyfin: widget.key")));

        const ImportApplied a = ImportPlan::apply(p.rows, Config{});
        QVERIFY2(!ConfigStore::validate(a.config), qPrintable(ConfigStore::validate(a.config)->toString()));
        const ServiceConfig* pve = a.config.service(QStringLiteral("192-168-16-7"), QStringLiteral("proxmox"));
        QVERIFY(pve);
        QCOMPARE(pve->baseUrl.path(), QStringLiteral("/api2/json"));
        QCOMPARE(pve->proxmoxNode, QStringLiteral("pve-thinkpad"));
        const ServiceConfig* portainer = a.config.service(QStringLiteral("pve-thinkpad"), QStringLiteral("portainer"));
        QVERIFY(portainer);
        QCOMPARE(portainer->portainerEndpointId, 2);
        QCOMPARE(portainer->baseUrl.toString(), QStringLiteral("https://192.168.16.7:9443/api"));
        QVERIFY(a.config.service(QStringLiteral("192-168-16-7"), QStringLiteral("homeassistant")));
        QVERIFY(a.config.service(QStringLiteral("192-168-16-7"), QStringLiteral("prometheus")));
        QCOMPARE(a.secrets.size(), 3); // proxmox, portainer, home assistant (AdGuard's is a reference)
        const QByteArray bytes = ConfigStore::serialize(a.config);
        for (const auto& [key, value] : a.secrets)
            QVERIFY2(!bytes.contains(value.toUtf8()), qPrintable(key));
        QVERIFY(!bytes.contains("ptr_homepage_key_123"));
        test::evidence(QStringLiteral("Homepage services.yaml: %1 rows -> %2 hosts, %3 secrets for the keychain")
                           .arg(p.rows.size())
                           .arg(a.config.hosts.size())
                           .arg(a.secrets.size()));
    }

    void homepageWidgetsAndErrors()
    {
        const ImportParse w = HomepageImport::parseWidgets(fixtures::homepageWidgetsYaml());
        QVERIFY(w.problems.isEmpty());
        QCOMPARE(w.rows.size(), 1);
        QVERIFY(!w.rows.first().import);
        const ImportParse bad = HomepageImport::parseServices("- Group:\n    - A: {widget: [unclosed\n");
        QCOMPARE(bad.problems.size(), 1);
        QVERIFY(bad.problems.first().line > 0);
        QVERIFY(HomepageImport::parseServices("just: a map\n").problems.size() == 1);
        QVERIFY(HomepageImport::parseServices("").rows.isEmpty());
    }

    void cleartextFlagRoundTrip()
    {
        Config c = ConfigStore::example();
        QVERIFY(!c.hosts.isEmpty());
        const ServiceConfig* ag = c.service(QStringLiteral("host-a"), QStringLiteral("adguard"));
        QVERIFY(ag && cleartextAuth(*ag) && ag->allowCleartextAuth && !cleartextAuthRefused(*ag));
        c.hosts[0].services[4].allowCleartextAuth = false;
        const QByteArray bytes = ConfigStore::serialize(c);
        const auto parsed = ConfigStore::parse(bytes, QStringLiteral("x.json"));
        QVERIFY(std::holds_alternative<Config>(parsed));
        QCOMPARE(std::get<Config>(parsed), c); // still loads: a warning badge, not an error
        const auto wrongType =
            ConfigStore::parse(QByteArray(bytes).replace("\"allowCleartextAuth\": true", "\"allowCleartextAuth\": 1"),
                               QStringLiteral("x.json"));
        QVERIFY(std::holds_alternative<ConfigError>(wrongType));
        QVERIFY(std::get<ConfigError>(wrongType).field.endsWith(QLatin1String("allowCleartextAuth")));
    }
};

QTEST_GUILESS_MAIN(TestSetupImports)
#include "TestSetupImports.moc"
