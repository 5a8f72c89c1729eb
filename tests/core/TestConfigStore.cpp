#include "core/ConfigStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <sys/stat.h>

using namespace hlc;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(HLC_TEST_DATA_DIR "/config/") + name;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return f.readAll();
}

/// The permission bits as the file system has them (QFileInfo::permissions() mixes in the current user).
int modeOf(const QString& path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        return -1;
    }
    return static_cast<int>(st.st_mode & 07777);
}

bool writeAll(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

/// The example plus unknown keys at every level, so a round trip has to keep them.
Config exampleWithExtras()
{
    Config c = ConfigStore::example();
    c.extra.insert(QStringLiteral("ui"), QJsonObject{{QStringLiteral("theme"), QStringLiteral("dark")}});
    c.extra.insert(QStringLiteral("big"), QJsonValue(qint64(9007199254740993LL)));
    c.hosts[0].extra.insert(QStringLiteral("rack"), QJsonArray{1, 2.5, true, QStringLiteral("x"), QJsonValue()});
    c.hosts[1].services[0].extra.insert(QStringLiteral("futureOption"), QJsonObject{{QStringLiteral("enabled"), true}});
    c.hosts[1].services[0].pinnedSha256 = QByteArray(64, 'a');
    return c;
}

/// A configuration file with these hosts.
QByteArray clusterDoc(const QJsonArray& hosts)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("hosts"), hosts}})
        .toJson(QJsonDocument::Compact);
}

/// A Proxmox service object with @p more keys.
QJsonObject clusterPve(const QJsonObject& more)
{
    QJsonObject s{{QStringLiteral("id"), QStringLiteral("proxmox")},
                  {QStringLiteral("kind"), QStringLiteral("proxmox")},
                  {QStringLiteral("baseUrl"), QStringLiteral("https://10.0.0.1:8006/api2/json")}};
    for (auto it = more.begin(); it != more.end(); ++it)
        s.insert(it.key(), it.value());
    return s;
}

} // namespace

class TestConfigStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void names();
    void exampleIsTheHomelab();
    void defaultPath();
    void errorToString();
    void roundTrip();
    void saveReplacesValidFileAndFixesMode();
    void serializeFormat();
    void fixtureWithExtras();
    void emptySecretFieldIsAccepted();
    void invalid_data();
    void invalid();
    void syntaxPositionMatchesNlohmann();
    void missingFile();
    void brokenFileIsNeverOverwritten_data();
    void brokenFileIsNeverOverwritten();
    void invalidConfigIsNotSaved();
    void hostileInputDoesNotCrash();
    void hugeValidNestingIsRefusedAtTheLimit();
    void exampleFileValidates();
    void probesRoundTrip();
    void probesInvalid_data();
    void probesInvalid();
    void proxmoxClusterRoundTrip();
    void proxmoxClusterInvalid_data();
    void proxmoxClusterInvalid();
    void prometheusMatch();
};

void TestConfigStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestConfigStore::names()
{
    const QStringList kinds{
        QStringLiteral("proxmox"),      QStringLiteral("portainer"), QStringLiteral("prometheus"),
        QStringLiteral("alertmanager"), QStringLiteral("adguard"),   QStringLiteral("homeassistant"),
        QStringLiteral("ollama"),       QStringLiteral("agents"),    QStringLiteral("n8n")};
    for (int i = 0; i < kinds.size(); ++i) {
        const auto kind = static_cast<ServiceKind>(i);
        QCOMPARE(serviceKindName(kind), kinds[i]);
        QCOMPARE(serviceKindFromName(kinds[i]), std::optional<ServiceKind>(kind));
    }
    const QStringList schemes{QStringLiteral("none"),    QStringLiteral("pve-token"), QStringLiteral("pve-ticket"),
                              QStringLiteral("api-key"), QStringLiteral("bearer"),    QStringLiteral("basic")};
    for (int i = 0; i < schemes.size(); ++i) {
        const auto scheme = static_cast<AuthScheme>(i);
        QCOMPARE(authSchemeName(scheme), schemes[i]);
        QCOMPARE(authSchemeFromName(schemes[i]), std::optional<AuthScheme>(scheme));
    }
    QVERIFY(!serviceKindFromName(QStringLiteral("Proxmox")));
    QVERIFY(!serviceKindFromName(QString()));
    QVERIFY(!authSchemeFromName(QStringLiteral("token")));
}

void TestConfigStore::exampleIsTheHomelab()
{
    const Config c = ConfigStore::example();
    QVERIFY(!ConfigStore::validate(c));
    QCOMPARE(c.version, Config::kCurrentVersion);
    QCOMPARE(c.hosts.size(), 2);
    const HostConfig* a = c.host(QStringLiteral("host-a"));
    const HostConfig* b = c.host(QStringLiteral("host-b"));
    QVERIFY(a && b);
    QVERIFY(!c.host(QStringLiteral("host-c")));
    QCOMPARE(a->name, QStringLiteral("pve-thinkpad"));
    QCOMPARE(a->address, QStringLiteral("192.168.16.7"));
    QCOMPARE(b->name, QStringLiteral("pve-ryzen"));
    QCOMPARE(b->address, QStringLiteral("192.168.17.1"));
    QCOMPARE(a->services.first().kind, ServiceKind::Proxmox);
    QCOMPARE(a->services.first().baseUrl, QUrl(QStringLiteral("https://192.168.16.7:8006/api2/json")));
    QCOMPARE(a->services.first().proxmoxNode, QStringLiteral("pve-thinkpad"));
    QCOMPARE(b->services.first().proxmoxNode, QStringLiteral("pve-ryzen"));
    bool hasOllama = false;
    for (const ServiceConfig& s : b->services) {
        hasOllama |= s.kind == ServiceKind::Ollama && s.baseUrl == QUrl(QStringLiteral("http://192.168.17.1:11434"));
    }
    QVERIFY(hasOllama);
    // No secret anywhere in the example's file.
    const QByteArray text = ConfigStore::serialize(c);
    for (const char* word : {"\"secret\"", "\"password\"", "\"token\"", "\"apiKey\""}) {
        QVERIFY2(!text.contains(word), word);
    }
}

void TestConfigStore::defaultPath()
{
    // One level below the config folder, whatever organisation name the application sets (main() sets
    // "homelab-control", which made AppConfigLocation .../homelab-control/homelab-control).
    QCoreApplication::setOrganizationName(QStringLiteral("homelab-control"));
    QCoreApplication::setApplicationName(QStringLiteral("homelab-control"));
    const QString path = ConfigStore::defaultPath();
    QCOMPARE(path, QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                       QStringLiteral("/homelab-control/config.json"));
    QVERIFY(path.contains(QLatin1String("qttest"))); // test mode: never the user's real file
    QCOMPARE(ConfigStore::legacyDefaultPath(),
             QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/config.json"));
    QCoreApplication::setOrganizationName(QString());
    QCoreApplication::setApplicationName(QStringLiteral("TestConfigStore"));
}

void TestConfigStore::errorToString()
{
    ConfigError e{QStringLiteral("/x/config.json"), 3, 7, QStringLiteral("hosts[0].id"), QStringLiteral("Bad.")};
    QCOMPARE(e.toString(), QStringLiteral("/x/config.json:3:7: hosts[0].id: Bad."));
    e.column = 0;
    QCOMPARE(e.toString(), QStringLiteral("/x/config.json:3: hosts[0].id: Bad."));
    e.line = 0;
    QCOMPARE(e.toString(), QStringLiteral("/x/config.json: hosts[0].id: Bad."));
    e.field.clear();
    QCOMPARE(e.toString(), QStringLiteral("/x/config.json: Bad."));
    e.file.clear();
    QCOMPARE(e.toString(), QStringLiteral("Bad."));
}

void TestConfigStore::roundTrip()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("nested/homelab-control"));
    const QString path = dir + QLatin1String("/config.json");
    const Config original = exampleWithExtras();

    const auto saveError = ConfigStore::save(original, path);
    QVERIFY2(!saveError, qPrintable(saveError ? saveError->toString() : QString()));

    const auto loaded = ConfigStore::load(path);
    const auto* error = std::get_if<ConfigError>(&loaded);
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    const Config& c = std::get<Config>(loaded);
    QCOMPARE(c.extra, original.extra);
    QCOMPARE(c.hosts[0].extra, original.hosts[0].extra);
    QCOMPARE(c.hosts[1].services[0].extra, original.hosts[1].services[0].extra);
    QVERIFY(c == original);
    // A second save of what was loaded writes the same bytes.
    QCOMPARE(ConfigStore::serialize(c), readAll(path));

    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(modeOf(dir), 0700);
    // Atomic save: nothing but the file itself is left in the folder.
    QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("config.json")});
}

void TestConfigStore::saveReplacesValidFileAndFixesMode()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("config.json"));
    QVERIFY(writeAll(path, readAll(fixture(QStringLiteral("valid-with-extras.json")))));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                            QFileDevice::ReadOther));
    Config c = ConfigStore::example();
    c.refreshIntervalMs = 7000;
    QVERIFY(!ConfigStore::save(c, path));
    const auto loaded = ConfigStore::load(path);
    QVERIFY(std::holds_alternative<Config>(loaded));
    QCOMPARE(std::get<Config>(loaded).refreshIntervalMs, 7000);
    QCOMPARE(modeOf(path), 0600);
    QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("config.json")});
}

void TestConfigStore::serializeFormat()
{
    const QByteArray text = ConfigStore::serialize(ConfigStore::example());
    QVERIFY2(text.startsWith("{\n  \"version\": 1,\n  \"refreshIntervalMs\": 5000,\n  \"hosts\": [\n    {\n"),
             text.left(80).constData());
    QVERIFY(text.endsWith("}\n"));
    QVERIFY(text.contains("\n        {\n          \"id\": \"proxmox\",\n          \"kind\": \"proxmox\",\n"));
}

void TestConfigStore::fixtureWithExtras()
{
    const QString path = fixture(QStringLiteral("valid-with-extras.json"));
    const auto parsed = ConfigStore::load(path);
    const auto* error = std::get_if<ConfigError>(&parsed);
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    const Config c = std::get<Config>(parsed);
    QCOMPARE(c.refreshIntervalMs, 3000);
    QCOMPARE(c.extra.value(QStringLiteral("ui")).toObject().value(QStringLiteral("theme")).toString(),
             QStringLiteral("dark"));
    QCOMPARE(c.hosts[0].extra.value(QStringLiteral("rack")).toObject().value(QStringLiteral("shelf")).toInt(), 2);
    const ServiceConfig& pve = c.hosts[0].services[0];
    QCOMPARE(pve.auth, AuthScheme::PveToken);
    QCOMPARE(pve.user, QStringLiteral("root@pam!homelab-control"));
    QCOMPARE(pve.timeoutMs, 8000);
    // The openssl spelling of a pin is normalised to lower-case hex.
    QCOMPARE(pve.pinnedSha256, QByteArray("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"));
    QCOMPARE(pve.extra.value(QStringLiteral("futureOption")).toObject().value(QStringLiteral("bigNumber")).toInteger(),
             9007199254740993LL);
    const ServiceConfig& prom = c.hosts[0].services[1];
    QCOMPARE(prom.auth, AuthScheme::None);
    QCOMPARE(prom.timeoutMs, 10000);
    QCOMPARE(prom.prometheusInstance, QStringLiteral("192.168.16.7:9100"));
    QCOMPARE(c.hosts[1].services[0].extra.value(QStringLiteral("label")).toString(), QStringLiteral("Küche LLM"));

    // Unknown keys survive serialize -> parse, including integers beyond double precision.
    const QByteArray text = ConfigStore::serialize(c);
    QVERIFY(text.contains("\"futureOption\""));
    QVERIFY(text.contains("9007199254740993"));
    QVERIFY(text.contains("\"columns\""));
    const auto again = ConfigStore::parse(text, QStringLiteral("again.json"));
    QVERIFY(std::holds_alternative<Config>(again));
    QVERIFY(std::get<Config>(again) == c);
}

void TestConfigStore::emptySecretFieldIsAccepted()
{
    // "token": "" (in the fixture above) and null hold no secret: they are kept, not rejected.
    const QByteArray json = R"({"version": 1, "password": null, "hosts": [{"id": "h", "token": ""}]})";
    const auto parsed = ConfigStore::parse(json, QStringLiteral("t.json"));
    QVERIFY(std::holds_alternative<Config>(parsed));
}

void TestConfigStore::invalid_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    // JSON syntax: line and column of the last character nlohmann read.
    QTest::newRow("syntax: missing comma") << "syntax-missing-comma.json"
                                           << ""
                                           << "not valid JSON" << 4 << 26;
    QTest::newRow("syntax: trailing comma, UTF-8 before it") << "syntax-trailing-comma-utf8.json"
                                                             << ""
                                                             << "not valid JSON" << 4 << 39;
    QTest::newRow("syntax: truncated") << "syntax-truncated.json"
                                       << ""
                                       << "unexpected end of input" << 4 << 1;
    QTest::newRow("syntax: empty file") << "syntax-empty.json"
                                        << ""
                                        << "not valid JSON" << 1 << 1;
    QTest::newRow("not an object") << "not-an-object.json"
                                   << ""
                                   << "one JSON object" << 0 << 0;
    // Version.
    QTest::newRow("version missing") << "version-missing.json"
                                     << "version"
                                     << "missing" << 0 << 0;
    QTest::newRow("version string") << "version-string.json"
                                    << "version"
                                    << "expected an integer, found a string" << 0 << 0;
    QTest::newRow("version decimal") << "version-decimal.json"
                                     << "version"
                                     << "expected an integer, found a decimal number" << 0 << 0;
    QTest::newRow("version zero") << "version-zero.json"
                                  << "version"
                                  << "Unsupported format version 0" << 0 << 0;
    QTest::newRow("version newer") << "version-newer.json"
                                   << "version"
                                   << "written by a newer version" << 0 << 0;
    // Wrong types.
    QTest::newRow("hosts not array") << "hosts-not-array.json"
                                     << "hosts"
                                     << "expected an array, found an object" << 0 << 0;
    QTest::newRow("host not object") << "host-not-object.json"
                                     << "hosts[0]"
                                     << "expected an object, found a string" << 0 << 0;
    QTest::newRow("host name number") << "host-name-number.json"
                                      << "hosts[1].name"
                                      << "expected a string, found an integer" << 0 << 0;
    QTest::newRow("services not array") << "services-not-array.json"
                                        << "hosts[0].services"
                                        << "expected an array" << 0 << 0;
    QTest::newRow("timeout string") << "service-timeout-string.json"
                                    << "hosts[0].services[0].timeoutMs"
                                    << "expected an integer, found a string" << 0 << 0;
    QTest::newRow("auth number") << "service-auth-number.json"
                                 << "hosts[0].services[0].auth"
                                 << "expected a string, found an integer" << 0 << 0;
    // Ids.
    QTest::newRow("host id missing") << "host-id-missing.json"
                                     << "hosts[0].id"
                                     << "missing" << 0 << 0;
    QTest::newRow("host id empty") << "host-id-empty.json"
                                   << "hosts[0].id"
                                   << "must not be empty" << 0 << 0;
    QTest::newRow("host id invalid") << "host-id-invalid.json"
                                     << "hosts[0].id"
                                     << "lower-case letters" << 0 << 0;
    QTest::newRow("host id duplicate") << "host-id-duplicate.json"
                                       << "hosts[1].id"
                                       << "already used by hosts[0]" << 0 << 0;
    QTest::newRow("service id missing") << "service-id-missing.json"
                                        << "hosts[0].services[0].id"
                                        << "missing" << 0 << 0;
    QTest::newRow("service id duplicate") << "service-id-duplicate.json"
                                          << "hosts[0].services[1].id"
                                          << "already used by services[0]" << 0 << 0;
    // Kind, auth, URL, timeouts, pins.
    QTest::newRow("kind unknown") << "service-kind-unknown.json"
                                  << "hosts[0].services[0].kind"
                                  << "Unknown service kind \"grafana\"" << 0 << 0;
    QTest::newRow("auth unknown") << "service-auth-unknown.json"
                                  << "hosts[0].services[0].auth"
                                  << "Unknown auth scheme \"oauth\"" << 0 << 0;
    QTest::newRow("baseUrl missing") << "service-baseurl-missing.json"
                                     << "hosts[0].services[0].baseUrl"
                                     << "missing" << 0 << 0;
    QTest::newRow("baseUrl relative") << "service-baseurl-relative.json"
                                      << "hosts[0].services[0].baseUrl"
                                      << "absolute http:// or https:// URL" << 0 << 0;
    QTest::newRow("baseUrl ftp") << "service-baseurl-ftp.json"
                                 << "hosts[0].services[0].baseUrl"
                                 << "absolute http:// or https:// URL" << 0 << 0;
    QTest::newRow("baseUrl without host") << "service-baseurl-no-host.json"
                                          << "hosts[0].services[0].baseUrl"
                                          << "with a host" << 0 << 0;
    QTest::newRow("timeout too small") << "service-timeout-too-small.json"
                                       << "hosts[0].services[0].timeoutMs"
                                       << "out of range: use 100 to 600000" << 0 << 0;
    QTest::newRow("timeout too large") << "service-timeout-too-large.json"
                                       << "hosts[0].services[0].timeoutMs"
                                       << "out of range" << 0 << 0;
    QTest::newRow("timeout overflow") << "service-timeout-overflow.json"
                                      << "hosts[0].services[0].timeoutMs"
                                      << "too large" << 0 << 0;
    QTest::newRow("refresh out of range") << "refresh-out-of-range.json"
                                          << "refreshIntervalMs"
                                          << "out of range" << 0 << 0;
    QTest::newRow("pin short") << "service-pin-short.json"
                               << "hosts[0].services[0].pinnedSha256"
                               << "64 hexadecimal characters" << 0 << 0;
    QTest::newRow("pin not hex") << "service-pin-not-hex.json"
                                 << "hosts[0].services[0].pinnedSha256"
                                 << "64 hexadecimal characters" << 0 << 0;
    // Secrets never belong in the file.
    QTest::newRow("secret: token in service") << "secret-token-in-service.json"
                                              << "hosts[0].services[0].token"
                                              << "system keychain" << 0 << 0;
    QTest::newRow("secret: apiKey in host") << "secret-apikey-in-host.json"
                                            << "hosts[0].apiKey"
                                            << "system keychain" << 0 << 0;
    QTest::newRow("secret: password at top") << "secret-password-top.json"
                                             << "password"
                                             << "system keychain" << 0 << 0;
    QTest::newRow("secret: nested") << "secret-nested.json"
                                    << "hosts[0].services[0].options.auth.Secret"
                                    << "system keychain" << 0 << 0;
    QTest::newRow("secret: password in URL") << "service-baseurl-password.json"
                                             << "hosts[0].services[0].baseUrl"
                                             << "system keychain" << 0 << 0;
}

void TestConfigStore::invalid()
{
    QFETCH(QString, file);
    QFETCH(QString, field);
    QFETCH(QString, fragment);
    QFETCH(int, line);
    QFETCH(int, column);

    const QString path = fixture(QStringLiteral("invalid/") + file);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const auto result = ConfigStore::load(path);
    QVERIFY2(std::holds_alternative<ConfigError>(result), "the file was accepted");
    const ConfigError& e = std::get<ConfigError>(result);
    qDebug().noquote() << e.toString();
    QCOMPARE(e.file, path);
    QCOMPARE(e.field, field);
    QVERIFY2(e.message.contains(fragment), qPrintable(e.message));
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QVERIFY(e.toString().contains(e.message));
    // The message never repeats a secret found in the file.
    QVERIFY(!e.message.contains(QLatin1String("0b6c2f1e")));
    QVERIFY(!e.message.contains(QLatin1String("hunter2")));
    QVERIFY(!e.message.contains(QLatin1String("ptr_abc")));
}

void TestConfigStore::syntaxPositionMatchesNlohmann()
{
    // nlohmann's own message says "at line L, column C" (C in bytes); ours counts characters.
    const auto lineColumnOfNlohmann = [](const QByteArray& data) {
        try {
            const auto doc = nlohmann::json::parse(data.constBegin(), data.constEnd());
            Q_UNUSED(doc);
        } catch (const nlohmann::json::parse_error& e) {
            const QString what = QString::fromUtf8(e.what());
            const QRegularExpression re(QStringLiteral("at line (\\d+), column (\\d+)"));
            const auto m = re.match(what);
            if (m.hasMatch()) {
                return std::make_pair(m.captured(1).toInt(), m.captured(2).toInt());
            }
        }
        return std::make_pair(-1, -1);
    };
    const QString ascii = fixture(QStringLiteral("invalid/syntax-missing-comma.json"));
    const ConfigError e = std::get<ConfigError>(ConfigStore::load(ascii));
    QCOMPARE(std::make_pair(e.line, e.column), lineColumnOfNlohmann(readAll(ascii)));

    // "Küche" has one two-byte character before the error: nlohmann's byte column is one more than ours.
    const QString utf8 = fixture(QStringLiteral("invalid/syntax-trailing-comma-utf8.json"));
    const ConfigError u = std::get<ConfigError>(ConfigStore::load(utf8));
    const auto [line, byteColumn] = lineColumnOfNlohmann(readAll(utf8));
    QCOMPARE(u.line, line);
    QCOMPARE(u.column, byteColumn - 1);
}

void TestConfigStore::missingFile()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("nope/config.json"));
    const auto result = ConfigStore::load(path);
    QVERIFY(std::holds_alternative<ConfigError>(result));
    const ConfigError& e = std::get<ConfigError>(result);
    QCOMPARE(e.file, path);
    QVERIFY2(e.message.contains(QLatin1String("does not exist")), qPrintable(e.message));
}

void TestConfigStore::brokenFileIsNeverOverwritten_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("syntax error") << "syntax-missing-comma.json";
    QTest::newRow("newer version") << "version-newer.json";
    QTest::newRow("secret in file") << "secret-token-in-service.json";
    QTest::newRow("wrong type") << "service-timeout-string.json";
    QTest::newRow("empty") << "syntax-empty.json";
}

void TestConfigStore::brokenFileIsNeverOverwritten()
{
    QFETCH(QString, file);
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("config.json"));
    const QByteArray before = readAll(fixture(QStringLiteral("invalid/") + file));
    QVERIFY(writeAll(path, before));

    const auto error = ConfigStore::save(ConfigStore::example(), path);
    QVERIFY(error.has_value());
    QCOMPARE(error->file, path);
    QVERIFY2(error->message.contains(QLatin1String("left untouched")), qPrintable(error->message));
    QCOMPARE(readAll(path), before);
    QCOMPARE(QDir(tmp.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("config.json")});
}

void TestConfigStore::invalidConfigIsNotSaved()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("config.json"));
    Config c = ConfigStore::example();
    c.hosts[0].services[0].extra.insert(QStringLiteral("apiKey"), QStringLiteral("ptr_abc"));
    auto error = ConfigStore::save(c, path);
    QVERIFY(error.has_value());
    QCOMPARE(error->field, QStringLiteral("hosts[0].services[0].apiKey"));
    QVERIFY(!QFile::exists(path));

    c = ConfigStore::example();
    c.hosts[1].id = c.hosts[0].id;
    error = ConfigStore::validate(c);
    QVERIFY(error.has_value());
    QCOMPARE(error->field, QStringLiteral("hosts[1].id"));
    QVERIFY(error->file.isEmpty());

    c = ConfigStore::example();
    c.version = 2;
    error = ConfigStore::validate(c);
    QVERIFY(error && error->message.contains(QLatin1String("newer version")));
}

void TestConfigStore::hostileInputDoesNotCrash()
{
    const QList<QByteArray> inputs{
        QByteArray(),
        QByteArray("\0\0\0", 3),
        QByteArray("\xEF\xBB\xBF"),
        QByteArray("{\"version\": 1, \"hosts\": [{\"id\": \"\xFF\xFE\"}]}"),
        QByteArray(100000, '['),
        QByteArray("{\"version\": 1, \"x\": ") + QByteArray(5000, '[') + QByteArray(5000, ']') + "}",
        QByteArray("{\"version\": 18446744073709551615}"),
        QByteArray("{\"version\": -9223372036854775808}"),
        QByteArray("{\"version\": 1e999}"),
        QByteArray("{\"version\": 1, \"hosts\": [null, {}]}"),
        QByteArray("{\"version\": 1, \"hosts\": [{\"id\": \"h\", \"services\": [null]}]}"),
        QByteArray("{\"version\": 1, \"hosts\": [{\"id\": \"h\", \"services\": [{\"id\": \"s\", \"kind\": 1}]}]}"),
    };
    for (const QByteArray& input : inputs) {
        const auto result = ConfigStore::parse(input, QStringLiteral("hostile.json"));
        QVERIFY2(std::holds_alternative<ConfigError>(result), input.left(60).toHex().constData());
        QVERIFY(!std::get<ConfigError>(result).message.isEmpty());
    }
}

void TestConfigStore::probesRoundTrip()
{
    Config c = ConfigStore::example();
    QVERIFY(!c.hosts[0].probes.isEmpty());
    QVERIFY(!c.hosts[1].probes.isEmpty());
    c.healthIntervalMs = 15000;
    c.healthTimeoutMs = 2500;
    ProbeConfig redis;
    redis.name = QStringLiteral("Redis (cache)");
    redis.kind = ProbeConfig::Kind::Redis;
    redis.url = QUrl(QStringLiteral("redis://192.168.17.1:6379"));
    c.hosts[1].probes << redis;
    QVERIFY(!ConfigStore::validate(c));
    const QByteArray text = ConfigStore::serialize(c);
    QVERIFY(text.contains("\"healthIntervalMs\": 15000"));
    QVERIFY(text.contains("\"kind\": \"redis\""));
    QVERIFY(text.contains("\"openInBrowser\": true"));
    const auto parsed = ConfigStore::parse(text, QStringLiteral("x.json"));
    const auto* error = std::get_if<ConfigError>(&parsed);
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    QCOMPARE(std::get<Config>(parsed), c);
    // Defaults are not written, so older files stay as they were.
    const QByteArray plain = ConfigStore::serialize(ConfigStore::example());
    QVERIFY(!plain.contains("healthIntervalMs"));
    // A host without probes parses to an empty list (the prober then checks each service's base URL).
    const auto minimal = ConfigStore::parse(R"({"version":1,"hosts":[{"id":"h","probes":null}]})", QString());
    QVERIFY(std::holds_alternative<Config>(minimal));
    QVERIFY(std::get<Config>(minimal).hosts.first().probes.isEmpty());
    QCOMPARE(std::get<Config>(minimal).healthIntervalMs, 30000);
}

void TestConfigStore::probesInvalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    const auto host = [](const char* probes) -> QByteArray {
        return QByteArray(R"({"version":1,"hosts":[{"id":"host-a","probes":)") + probes + "}]}";
    };
    QTest::newRow("not array") << host(R"({"name":"x"})") << "hosts[0].probes"
                               << "expected an array, found an object";
    QTest::newRow("kind unknown") << host(R"([{"name":"x","kind":"icmp","url":"tcp:\/\/h:1"}])")
                                  << "hosts[0].probes[0].kind"
                                  << "Unknown probe kind \"icmp\"";
    QTest::newRow("name missing") << host(R"([{"kind":"tcp","url":"tcp:\/\/h:1"}])") << "hosts[0].probes[0].name"
                                  << "missing";
    QTest::newRow("name empty") << host(R"([{"name":" ","kind":"tcp","url":"tcp:\/\/h:1"}])")
                                << "hosts[0].probes[0].name"
                                << "needs a name";
    QTest::newRow("tcp without port") << host(R"([{"name":"pg","kind":"tcp","url":"tcp:\/\/db"}])")
                                      << "hosts[0].probes[0].url"
                                      << "not a usable address for a tcp probe";
    QTest::newRow("http wrong scheme") << host(R"([{"name":"g","kind":"http","url":"ftp:\/\/h\/"}])")
                                       << "hosts[0].probes[0].url"
                                       << "not a usable address for an HTTP probe";
    QTest::newRow("credentials in url") << host(R"([{"name":"g","kind":"http","url":"http:\/\/u:p@h\/"}])")
                                        << "hosts[0].probes[0].url"
                                        << "must not contain a user name or password";
    QTest::newRow("openInBrowser string")
        << host(R"([{"name":"g","kind":"http","url":"http:\/\/h\/","openInBrowser":"yes"}])")
        << "hosts[0].probes[0].openInBrowser"
        << "expected true/false";
    QTest::newRow("interval too small") << QByteArray(R"({"version":1,"healthIntervalMs":10})") << "healthIntervalMs"
                                        << "health check interval 10 ms is out of range";
    QTest::newRow("timeout too large") << QByteArray(R"({"version":1,"healthTimeoutMs":600000})") << "healthTimeoutMs"
                                       << "health check timeout 600000 ms is out of range";
}

void TestConfigStore::probesInvalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const auto parsed = ConfigStore::parse(json, QStringLiteral("c.json"));
    const auto* error = std::get_if<ConfigError>(&parsed);
    QVERIFY2(error, json.constData());
    QCOMPARE(error->field, field);
    QVERIFY2(error->message.contains(message), qPrintable(error->message));
}

void TestConfigStore::proxmoxClusterRoundTrip()
{
    // Without the key nothing changes: the example (two standalone hosts) writes no "cluster".
    QVERIFY(!ConfigStore::serialize(ConfigStore::example()).contains("\"cluster\""));

    Config c = ConfigStore::example();
    c.hosts[0].services[0].proxmoxCluster = QStringLiteral("homelab");
    c.hosts[1].services[0].proxmoxCluster = QStringLiteral("homelab");
    QVERIFY(!ConfigStore::validate(c));
    const QByteArray text = ConfigStore::serialize(c);
    QVERIFY(text.contains("\"proxmoxNode\": \"pve-thinkpad\",\n          \"cluster\": \"homelab\""));
    QCOMPARE(text.count("\"cluster\": \"homelab\""), 2);
    const auto parsed = ConfigStore::parse(text, QStringLiteral("x.json"));
    const auto* error = std::get_if<ConfigError>(&parsed);
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    const Config& back = std::get<Config>(parsed);
    QCOMPARE(back, c);
    QCOMPARE(back.hosts[1].services[0].proxmoxCluster, QStringLiteral("homelab"));
    // A known key: read into the field, never kept in `extra` (which would write it twice).
    QVERIFY(!back.hosts[0].services[0].extra.contains(QStringLiteral("cluster")));
    QCOMPARE(ConfigStore::serialize(back), text);

    // From a hand-written file, next to an unknown key that stays in `extra`.
    const QByteArray file = clusterDoc({QJsonObject{
        {QStringLiteral("id"), QStringLiteral("a")},
        {QStringLiteral("name"), QStringLiteral("n1")},
        {QStringLiteral("services"), QJsonArray{clusterPve({{QStringLiteral("cluster"), QStringLiteral("lab-1")},
                                                            {QStringLiteral("futureKey"), 1}})}}}});
    const auto fromFile = ConfigStore::parse(file, QStringLiteral("f.json"));
    QVERIFY(std::holds_alternative<Config>(fromFile));
    const ServiceConfig& s = std::get<Config>(fromFile).hosts[0].services[0];
    QCOMPARE(s.proxmoxCluster, QStringLiteral("lab-1"));
    QCOMPARE(s.extra.keys(), QStringList{QStringLiteral("futureKey")});

    // A key from `extra` never overrides the field (a Config built in code with both).
    Config both = c;
    both.hosts[0].services[0].extra.insert(QStringLiteral("cluster"), QStringLiteral("other"));
    QVERIFY(!ConfigStore::serialize(both).contains("\"other\""));
}

void TestConfigStore::proxmoxClusterInvalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    const auto host = [](const char* id, const QJsonObject& service, const char* name = nullptr) {
        QJsonObject h{{QStringLiteral("id"), QString::fromLatin1(id)},
                      {QStringLiteral("services"), QJsonArray{service}}};
        if (name)
            h.insert(QStringLiteral("name"), QString::fromLatin1(name));
        return h;
    };
    const auto cluster = [](const QJsonValue& v) { return QJsonObject{{QStringLiteral("cluster"), v}}; };
    QTest::newRow("number") << clusterDoc({host("a", clusterPve(cluster(7)), "n")}) << "hosts[0].services[0].cluster"
                            << "expected a string, found an integer";
    QTest::newRow("blank") << clusterDoc({host("a", clusterPve(cluster(QStringLiteral("  "))), "n")})
                           << "hosts[0].services[0].cluster"
                           << "must not be blank";
    QTest::newRow("trailing space") << clusterDoc({host("a", clusterPve(cluster(QStringLiteral("lab "))), "n")})
                                    << "hosts[0].services[0].cluster"
                                    << "start or end with a space";
    QJsonObject portainer = clusterPve(cluster(QStringLiteral("lab")));
    portainer.insert(QStringLiteral("kind"), QStringLiteral("portainer"));
    QTest::newRow("not proxmox") << clusterDoc({host("a", portainer)}) << "hosts[0].services[0].cluster"
                                 << "applies to Proxmox services only";
    const QJsonObject onN1 = clusterPve(
        {{QStringLiteral("cluster"), QStringLiteral("lab")}, {QStringLiteral("proxmoxNode"), QStringLiteral("n1")}});
    QTest::newRow("same node twice") << clusterDoc({host("a", onN1), host("b", onN1)})
                                     << "hosts[1].services[0].proxmoxNode"
                                     << "The node \"n1\" of cluster \"lab\" is already host \"a\"";
    QTest::newRow("no node name") << clusterDoc({host("a", clusterPve(cluster(QStringLiteral("lab"))))})
                                  << "hosts[0].services[0].proxmoxNode"
                                  << "set \"proxmoxNode\" to its PVE node name";
}

void TestConfigStore::proxmoxClusterInvalid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const auto parsed = ConfigStore::parse(json, QStringLiteral("c.json"));
    const auto* error = std::get_if<ConfigError>(&parsed);
    QVERIFY2(error, json.constData());
    QCOMPARE(error->field, field);
    QVERIFY2(error->message.contains(message), qPrintable(error->message));
}

void TestConfigStore::hugeValidNestingIsRefusedAtTheLimit()
{
    // Balanced and valid, 100,000 levels deep in an unknown key: refused with the field's path, never a crash.
    const QByteArray deep =
        QByteArray("{\"version\": 1, \"hosts\": [], \"x\": ") + QByteArray(100000, '[') + QByteArray(100000, ']') + "}";
    const auto result = ConfigStore::parse(deep, QStringLiteral("deep.json"));
    const auto* error = std::get_if<ConfigError>(&result);
    QVERIFY(error);
    QCOMPARE(error->file, QStringLiteral("deep.json"));
    QCOMPARE(error->field, QStringLiteral("x"));
    QVERIFY2(error->message.contains(QLatin1String("nested too deeply (more than 64 levels)")),
             qPrintable(error->message));
    // At the limit the value is kept whole.
    const QByteArray ok =
        QByteArray("{\"version\": 1, \"hosts\": [], \"x\": ") + QByteArray(64, '[') + QByteArray(64, ']') + "}";
    const auto kept = ConfigStore::parse(ok, QStringLiteral("ok.json"));
    QVERIFY(std::holds_alternative<Config>(kept));
    QVERIFY(std::get<Config>(kept).extra.value(QStringLiteral("x")).isArray());
}

void TestConfigStore::exampleFileValidates()
{
    // The example is a data file embedded in the application; it parses, validates and is exactly what the
    // application would write for it (so it can be copied as a starting config.json).
    const QByteArray text = readAll(ConfigStore::examplePath());
    QVERIFY(!text.isEmpty());
    const auto parsed = ConfigStore::parse(text, ConfigStore::examplePath());
    QVERIFY2(std::holds_alternative<Config>(parsed),
             qPrintable(std::get_if<ConfigError>(&parsed) ? std::get<ConfigError>(parsed).toString() : QString()));
    const Config& c = std::get<Config>(parsed);
    QVERIFY(!ConfigStore::validate(c));
    QCOMPARE(ConfigStore::serialize(c), text);
    QCOMPARE(ConfigStore::serialize(ConfigStore::example()), text);
    QCOMPARE(c.hosts.size(), 2);
    QCOMPARE(c.hosts[0].services.size(), 7);
    QCOMPARE(c.hosts[1].services.size(), 5);
    QCOMPARE(c.hosts[0].probes.size(), 14);
    QCOMPARE(c.hosts[1].probes.size(), 11);
}

/// A host matched in Prometheus by labels (the seed's `job="node-exporter-hostA"`): read, validated, written back,
/// unknown keys beside it kept; wrong shapes and unusable label names refused with the field.
void TestConfigStore::prometheusMatch()
{
    QJsonObject prom{
        {QStringLiteral("id"), QStringLiteral("prometheus")},
        {QStringLiteral("kind"), QStringLiteral("prometheus")},
        {QStringLiteral("baseUrl"), QStringLiteral("http://10.0.0.1:9090")},
        {QStringLiteral("prometheusMatch"), QJsonObject{{QStringLiteral("job"), QStringLiteral("node-exporter-hostA")},
                                                        {QStringLiteral("env"), QStringLiteral("la\"b")}}},
        {QStringLiteral("futureKey"), 1}};
    const auto doc = [](const QJsonObject& service) {
        return clusterDoc({QJsonObject{{QStringLiteral("id"), QStringLiteral("a")},
                                       {QStringLiteral("services"), QJsonArray{service}}}});
    };
    const auto parsed = ConfigStore::parse(doc(prom), QStringLiteral("m.json"));
    const auto* error = std::get_if<ConfigError>(&parsed);
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    const ServiceConfig& s = std::get<Config>(parsed).hosts[0].services[0];
    QCOMPARE(s.prometheusMatch.value(QStringLiteral("job")), QStringLiteral("node-exporter-hostA"));
    QCOMPARE(s.prometheusMatch.value(QStringLiteral("env")), QStringLiteral("la\"b"));
    QCOMPARE(s.extra.keys(), QStringList{QStringLiteral("futureKey")});
    const QByteArray text = ConfigStore::serialize(std::get<Config>(parsed));
    QVERIFY2(text.contains("\"prometheusMatch\": {"), text.constData());
    QVERIFY(text.contains("\"job\": \"node-exporter-hostA\""));
    QVERIFY(text.contains("\"futureKey\": 1"));
    const auto back = ConfigStore::parse(text, QStringLiteral("m.json"));
    QVERIFY(std::holds_alternative<Config>(back));
    QCOMPARE(std::get<Config>(back), std::get<Config>(parsed));
    // Without it, nothing is written (files stay as they were).
    Config without = std::get<Config>(parsed);
    without.hosts[0].services[0].prometheusMatch.clear();
    QVERIFY(!ConfigStore::serialize(without).contains("prometheusMatch"));

    const QList<std::tuple<QJsonValue, QString, QString>> bad{
        {QJsonValue(QStringLiteral("job=x")), QStringLiteral("hosts[0].services[0].prometheusMatch"),
         QStringLiteral("an object of strings")},
        {QJsonObject{{QStringLiteral("job"), 3}}, QStringLiteral("hosts[0].services[0].prometheusMatch.job"),
         QStringLiteral("expected a string")},
        {QJsonObject{{QStringLiteral("__name__"), QStringLiteral("up")}},
         QStringLiteral("hosts[0].services[0].prometheusMatch.__name__"), QStringLiteral("not a usable label name")},
        {QJsonObject{{QStringLiteral("1job"), QStringLiteral("a")}},
         QStringLiteral("hosts[0].services[0].prometheusMatch.1job"), QStringLiteral("not a usable label name")},
        {QJsonObject{{QStringLiteral("job"), QString()}}, QStringLiteral("hosts[0].services[0].prometheusMatch.job"),
         QStringLiteral("must not be empty")}};
    for (const auto& [value, field, message] : bad) {
        QJsonObject b = prom;
        b.insert(QStringLiteral("prometheusMatch"), value);
        const auto r = ConfigStore::parse(doc(b), QStringLiteral("m.json"));
        const auto* e = std::get_if<ConfigError>(&r);
        QVERIFY2(e, qPrintable(field));
        QCOMPARE(e->field, field);
        QVERIFY2(e->message.contains(message), qPrintable(e->message));
    }
    QJsonObject pve =
        clusterPve({{QStringLiteral("prometheusMatch"), QJsonObject{{QStringLiteral("job"), QStringLiteral("a")}}}});
    const auto r = ConfigStore::parse(doc(pve), QStringLiteral("m.json"));
    QVERIFY(std::holds_alternative<ConfigError>(r));
    QVERIFY(std::get<ConfigError>(r).message.contains(QStringLiteral("Prometheus services only")));
}

QTEST_GUILESS_MAIN(TestConfigStore)
#include "TestConfigStore.moc"
