#include "core/SecretStore.h"

#include "TestUtil.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cstdio>

using namespace hlc;

namespace {

// The keychain "service" of these tests: never the application's own entries.
const QString kTestService = QStringLiteral("homelab-control-test");
// Set in a child process: run only the "keychain absent" case and print the outcome (see childMain()).
constexpr char kChildEnv[] = "HLC_SECRETSTORE_CHILD";
// Long enough that a failing call without a retry never takes that long, even on a loaded machine. The retry
// timer is a coarse one (it may fire up to 5 % early): the checks below allow for that.
constexpr int kChildRetryDelayMs = 2000;

const char* statusName(SecretResult::Status s)
{
    switch (s) {
    case SecretResult::Status::Ok:
        return "Ok";
    case SecretResult::Status::NotFound:
        return "NotFound";
    case SecretResult::Status::Unavailable:
        return "Unavailable";
    case SecretResult::Status::Error:
        return "Error";
    }
    return "?";
}

const char* stateName(SecretStore::State s)
{
    switch (s) {
    case SecretStore::State::Unknown:
        return "Unknown";
    case SecretStore::State::Available:
        return "Available";
    case SecretStore::State::Unavailable:
        return "Unavailable";
    case SecretStore::State::SessionOnly:
        return "SessionOnly";
    case SecretStore::State::Locked:
        return "Locked";
    }
    return "?";
}

/// Starts one store operation through @p call and waits for its callback.
SecretResult run(const std::function<void(SecretStore::Callback)>& call)
{
    hlc::test::Capture<SecretResult> capture;
    call(capture.callback());
    if (!capture.wait(30000)) {
        return SecretResult{SecretResult::Status::Error, {}, QStringLiteral("timed out")};
    }
    return *capture.value;
}

QString uniqueKey(const char* what)
{
    return QStringLiteral("test-%1/%2").arg(QUuid::createUuid().toString(QUuid::Id128).left(12), QLatin1String(what));
}

/// The child process: one read and one write against whatever keychain this environment offers, then a report line.
int childMain(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    SecretStore store(kTestService);
    store.setRetryDelay(kChildRetryDelayMs);
    int stateChanges = 0;
    QObject::connect(&store, &SecretStore::stateChanged, &app, [&stateChanges] { ++stateChanges; });

    QElapsedTimer timer;
    timer.start();
    const SecretResult readResult =
        run([&](SecretStore::Callback cb) { store.read(QStringLiteral("host-a/proxmox"), &app, std::move(cb)); });
    const qint64 firstMs = timer.elapsed();
    timer.restart();
    // Once unavailable, a request fails without waiting for another retry.
    const SecretResult writeResult = run([&](SecretStore::Callback cb) {
        store.write(QStringLiteral("host-a/proxmox"), QStringLiteral("s3cr3t"), &app, std::move(cb));
    });
    const qint64 secondMs = timer.elapsed();

    std::printf("CHILD read=%s write=%s state=%s stateChanges=%d firstMs=%lld secondMs=%lld\n",
                statusName(readResult.status), statusName(writeResult.status), stateName(store.state()), stateChanges,
                static_cast<long long>(firstMs), static_cast<long long>(secondMs));
    std::printf("REASON %s\n", qPrintable(store.unavailableReason()));
    std::printf("MESSAGE %s\n", qPrintable(readResult.message));
    std::fflush(stdout);
    return 0;
}

struct ChildReport
{
    QString line;
    QString reason;
    QString message;
    QString all;
};

ChildReport runChild(const QProcessEnvironment& env)
{
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {});
    ChildReport report;
    if (!child.waitForFinished(60000)) {
        child.kill();
        child.waitForFinished();
        report.all = QStringLiteral("child timed out");
        return report;
    }
    report.all = QString::fromUtf8(child.readAllStandardOutput());
    const QString err = QString::fromUtf8(child.readAllStandardError());
    for (const QString& l : report.all.split(QLatin1Char('\n'))) {
        if (l.startsWith(QLatin1String("CHILD "))) {
            report.line = l;
        } else if (l.startsWith(QLatin1String("REASON "))) {
            report.reason = l.mid(7);
        } else if (l.startsWith(QLatin1String("MESSAGE "))) {
            report.message = l.mid(8);
        }
    }
    report.all += err;
    return report;
}

/// A minimal session bus: no service directories, so nothing (no gnome-keyring) can be activated on it.
constexpr char kBareBusConfig[] = "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                                  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                                  "<busconfig>\n"
                                  "  <type>session</type>\n"
                                  "  <listen>unix:dir=%1</listen>\n"
                                  "  <auth>EXTERNAL</auth>\n"
                                  "  <policy context=\"default\">\n"
                                  "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                                  "    <allow eavesdrop=\"true\"/>\n"
                                  "    <allow own=\"*\"/>\n"
                                  "  </policy>\n"
                                  "</busconfig>\n";

/// The Secret Service's "secret" struct (oayays), for gnome-keyring's UnlockWithMasterPassword.
struct DbusSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};
QDBusArgument& operator<<(QDBusArgument& a, const DbusSecret& s)
{
    a.beginStructure();
    a << s.session << s.parameters << s.value << s.contentType;
    a.endStructure();
    return a;
}
const QDBusArgument& operator>>(const QDBusArgument& a, DbusSecret& s)
{
    a.beginStructure();
    a >> s.session >> s.parameters >> s.value >> s.contentType;
    a.endStructure();
    return a;
}

/// The private keyring's password (scripts/with-keyring unlocked it with this).
constexpr char kKeyringPassword[] = "hlc-test-keyring";

QDBusObjectPath defaultCollection()
{
    QDBusInterface service(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                           QStringLiteral("org.freedesktop.Secret.Service"));
    const QDBusReply<QDBusObjectPath> path = service.call(QStringLiteral("ReadAlias"), QStringLiteral("default"));
    return path.isValid() ? path.value() : QDBusObjectPath();
}

std::optional<bool> collectionLocked()
{
    QDBusInterface props(QStringLiteral("org.freedesktop.secrets"), defaultCollection().path(),
                         QStringLiteral("org.freedesktop.DBus.Properties"));
    const QDBusReply<QDBusVariant> r = props.call(
        QStringLiteral("Get"), QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked"));
    if (!r.isValid())
        return std::nullopt;
    return r.value().variant().toBool();
}

/// Locks the default collection as a screen locker or "Lock keyring" would (gnome-keyring needs no prompt to lock).
QString lockKeyring()
{
    QDBusInterface service(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                           QStringLiteral("org.freedesktop.Secret.Service"));
    const QDBusMessage r =
        service.call(QStringLiteral("Lock"), QVariant::fromValue(QList<QDBusObjectPath>{defaultCollection()}));
    return r.type() == QDBusMessage::ErrorMessage ? r.errorMessage() : QString();
}

/// Unlocks it with its password, as the user does in the keyring's unlock prompt (gnome-keyring's own interface: the
/// standard Unlock needs a prompter, which a test session has not).
QString unlockKeyring()
{
    QDBusInterface service(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                           QStringLiteral("org.freedesktop.Secret.Service"));
    const QDBusMessage opened = service.call(QStringLiteral("OpenSession"), QStringLiteral("plain"),
                                             QVariant::fromValue(QDBusVariant(QString())));
    if (opened.type() == QDBusMessage::ErrorMessage || opened.arguments().size() < 2)
        return QStringLiteral("OpenSession: ") + opened.errorMessage();
    DbusSecret secret;
    secret.session = opened.arguments().at(1).value<QDBusObjectPath>();
    secret.value = QByteArray(kKeyringPassword);
    secret.contentType = QStringLiteral("text/plain");
    QDBusInterface internal(QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
                            QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"));
    const QDBusMessage r = internal.call(QStringLiteral("UnlockWithMasterPassword"),
                                         QVariant::fromValue(defaultCollection()), QVariant::fromValue(secret));
    return r.type() == QDBusMessage::ErrorMessage ? QStringLiteral("Unlock: ") + r.errorMessage() : QString();
}

} // namespace
Q_DECLARE_METATYPE(DbusSecret)

class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void secretKeyFormat();
    void realSecretServiceRoundTrip();
    void notFound();
    void sessionOnlyStaysInMemory();
    void sessionValueWinsOverKeychain();
    void callbackSkippedWhenContextDestroyed();
    void unavailableWithoutSessionBus();
    void unavailableWithoutSecretService();
    void lockedKeychainWaitsForUnlock();

private:
    static bool privateKeyring() { return qEnvironmentVariableIsSet("HLC_KEYRING_PRIVATE"); }
};

// Skipped (or failed under HLC_REQUIRE_REAL=1) outside scripts/with-keyring, so that the user's own keyring is never
// touched.
#define REQUIRE_PRIVATE_KEYRING()                                                                                      \
    HLC_REQUIRE_REAL(privateKeyring() ? QString()                                                                      \
                                      : QStringLiteral("Needs the real Secret Service in a private session: run it "   \
                                                       "through scripts/with-keyring (ctest does)."))

void TestSecretStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSecretStore::secretKeyFormat()
{
    QCOMPARE(secretKey(QStringLiteral("host-a"), QStringLiteral("proxmox")), QStringLiteral("host-a/proxmox"));
}

void TestSecretStore::realSecretServiceRoundTrip()
{
    REQUIRE_PRIVATE_KEYRING();
    SecretStore store(kTestService);
    QSignalSpy stateSpy(&store, &SecretStore::stateChanged);
    QCOMPARE(store.state(), SecretStore::State::Unknown);
    const QString key = uniqueKey("proxmox");
    QObject context;

    SecretResult r = run([&](auto cb) { store.write(key, QStringLiteral("first-secret"), &context, cb); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(store.state(), SecretStore::State::Available);
    QCOMPARE(stateSpy.count(), 1);
    QCOMPARE(stateSpy.first().first().value<SecretStore::State>(), SecretStore::State::Available);
    QVERIFY(store.unavailableReason().isEmpty());

    r = run([&](auto cb) { store.read(key, &context, cb); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.secret, QStringLiteral("first-secret"));

    // Overwrite, with characters that need care on the wire.
    const QString second = QStringLiteral("zweites Geheimnis: äöü €, \"quotes\" and \\ backslash");
    r = run([&](auto cb) { store.write(key, second, &context, cb); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    r = run([&](auto cb) { store.read(key, &context, cb); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.secret, second);

    // A second store (as after a restart) sees the value: it is in the keychain, not in memory.
    SecretStore other(kTestService);
    r = run([&](auto cb) { other.read(key, &context, cb); });
    QCOMPARE(r.secret, second);

    r = run([&](auto cb) { store.remove(key, &context, cb); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    r = run([&](auto cb) { store.read(key, &context, cb); });
    QCOMPARE(r.status, SecretResult::Status::NotFound);
    QVERIFY(r.secret.isEmpty());

    // Which process owns org.freedesktop.secrets on this bus: proof that the real service answered.
    QString owner = QStringLiteral("unknown process");
    QProcess dbusSend;
    dbusSend.start(QStringLiteral("dbus-send"),
                   {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                    QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                    QStringLiteral("org.freedesktop.DBus.GetConnectionUnixProcessID"),
                    QStringLiteral("string:org.freedesktop.secrets")});
    if (dbusSend.waitForFinished(5000)) {
        const QString out = QString::fromUtf8(dbusSend.readAllStandardOutput());
        const QString pid = out.section(QLatin1String("uint32 "), 1).trimmed();
        const QString exe = QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
        if (!pid.isEmpty() && !exe.isEmpty()) {
            owner = QFileInfo(exe).fileName();
        }
    }
    QVERIFY2(owner == QLatin1String("gnome-keyring-daemon"), qPrintable(owner));
    hlc::test::evidence(
        qPrintable(QStringLiteral("keychain backend: real Secret Service (%1) round trip OK").arg(owner)));
}

void TestSecretStore::notFound()
{
    REQUIRE_PRIVATE_KEYRING();
    SecretStore store(kTestService);
    QObject context;
    const SecretResult r = run([&](auto cb) { store.read(uniqueKey("never-written"), &context, cb); });
    QCOMPARE(r.status, SecretResult::Status::NotFound);
    QVERIFY(!r.message.isEmpty());
    QCOMPARE(store.state(), SecretStore::State::Available);
    // Removing what is not there is not an error.
    const SecretResult removed = run([&](auto cb) { store.remove(uniqueKey("never-written"), &context, cb); });
    QVERIFY2(removed.ok(), qPrintable(removed.message));
}

void TestSecretStore::sessionOnlyStaysInMemory()
{
    SecretStore store(kTestService);
    QSignalSpy stateSpy(&store, &SecretStore::stateChanged);
    store.setSessionOnly(true);
    QCOMPARE(store.state(), SecretStore::State::SessionOnly);
    QCOMPARE(stateSpy.count(), 1);
    const QString key = uniqueKey("portainer");
    QObject context;

    SecretResult r = run([&](auto cb) { store.write(key, QStringLiteral("memory-only"), &context, cb); });
    QVERIFY(r.ok());
    r = run([&](auto cb) { store.read(key, &context, cb); });
    QVERIFY(r.ok());
    QCOMPARE(r.secret, QStringLiteral("memory-only"));
    // A key never written this session is "not found", without asking the keychain.
    r = run([&](auto cb) { store.read(uniqueKey("other"), &context, cb); });
    QCOMPARE(r.status, SecretResult::Status::NotFound);
    // A null context is allowed: the callback still runs.
    r = run([&](auto cb) { store.read(key, nullptr, cb); });
    QCOMPARE(r.secret, QStringLiteral("memory-only"));

    if (privateKeyring()) {
        // Nothing reached the keychain: a fresh store in keychain mode does not find it.
        SecretStore fresh(kTestService);
        r = run([&](auto cb) { fresh.read(key, &context, cb); });
        QCOMPARE(r.status, SecretResult::Status::NotFound);
    }
    r = run([&](auto cb) { store.remove(key, &context, cb); });
    QVERIFY(r.ok());
    r = run([&](auto cb) { store.read(key, &context, cb); });
    QCOMPARE(r.status, SecretResult::Status::NotFound);
}

void TestSecretStore::sessionValueWinsOverKeychain()
{
    REQUIRE_PRIVATE_KEYRING();
    SecretStore store(kTestService);
    QObject context;
    const QString key = uniqueKey("homeassistant");
    SecretResult r = run([&](auto cb) { store.write(key, QStringLiteral("in-keychain"), &context, cb); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    store.setSessionOnly(true);
    r = run([&](auto cb) { store.write(key, QStringLiteral("for-this-session"), &context, cb); });
    QVERIFY(r.ok());
    store.setSessionOnly(false);
    QCOMPARE(store.state(), SecretStore::State::Available);
    r = run([&](auto cb) { store.read(key, &context, cb); });
    QCOMPARE(r.secret, QStringLiteral("for-this-session"));
    // The keychain still holds its own value, and a keychain write replaces the session value.
    SecretStore other(kTestService);
    r = run([&](auto cb) { other.read(key, &context, cb); });
    QCOMPARE(r.secret, QStringLiteral("in-keychain"));
    r = run([&](auto cb) { store.write(key, QStringLiteral("new"), &context, cb); });
    QVERIFY(r.ok());
    r = run([&](auto cb) { store.read(key, &context, cb); });
    QCOMPARE(r.secret, QStringLiteral("new"));
    r = run([&](auto cb) { store.remove(key, &context, cb); });
    QVERIFY(r.ok());
}

void TestSecretStore::callbackSkippedWhenContextDestroyed()
{
    SecretStore store(kTestService);
    store.setSessionOnly(true);
    const QString key = uniqueKey("n8n");
    bool called = false;
    auto* context = new QObject;
    store.write(key, QStringLiteral("x"), context, [&called](const SecretResult&) { called = true; });
    store.read(key, context, [&called](const SecretResult&) { called = true; });
    QVERIFY(!called); // never inside the call
    delete context;
    QTest::qWait(50);
    QVERIFY(!called);
}

void TestSecretStore::unavailableWithoutSessionBus()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR"}) {
        env.remove(QString::fromLatin1(name));
    }
    QTemporaryDir home;
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QString::fromLatin1(kChildEnv), QStringLiteral("1"));
    const ChildReport report = runChild(env);
    qInfo().noquote() << "child:" << report.line << "| reason:" << report.reason;
    QVERIFY2(report.line.contains(QLatin1String("read=Unavailable write=Unavailable state=Unavailable stateChanges=1")),
             qPrintable(report.all));
    QVERIFY2(report.reason.contains(QLatin1String("D-Bus")), qPrintable(report.reason));
    QCOMPARE(report.message, report.reason);
    // The first request waited for its one retry, the second did not.
    const qint64 firstMs =
        report.line.section(QLatin1String("firstMs="), 1).section(QLatin1Char(' '), 0, 0).toLongLong();
    const qint64 secondMs = report.line.section(QLatin1String("secondMs="), 1).toLongLong();
    QVERIFY2(firstMs >= kChildRetryDelayMs * 9 / 10, qPrintable(report.line));
    QVERIFY2(secondMs < kChildRetryDelayMs * 9 / 10, qPrintable(report.line));
}

void TestSecretStore::unavailableWithoutSecretService()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString configPath = tmp.filePath(QStringLiteral("bus.conf"));
    {
        QFile config(configPath);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QString::fromLatin1(kBareBusConfig).arg(tmp.path()).toUtf8());
    }
    QProcess bus;
    bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--config-file=") + configPath, QStringLiteral("--nofork"),
                                              QStringLiteral("--print-address=1")});
    if (!bus.waitForStarted(5000))
        HLC_REQUIRE_REAL(QStringLiteral("dbus-daemon is not installed"));
    QVERIFY(hlc::test::waitFor([&bus] { return bus.canReadLine(); }, 10000));
    const QString address = QString::fromUtf8(bus.readLine()).trimmed();
    QVERIFY2(address.startsWith(QLatin1String("unix:")), qPrintable(address));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    env.insert(QStringLiteral("HOME"), tmp.path());
    env.insert(QString::fromLatin1(kChildEnv), QStringLiteral("1"));
    const ChildReport report = runChild(env);
    bus.terminate();
    if (!bus.waitForFinished(5000)) {
        bus.kill();
        bus.waitForFinished();
    }
    qInfo().noquote() << "child:" << report.line << "| reason:" << report.reason;
    QVERIFY2(report.line.contains(QLatin1String("read=Unavailable write=Unavailable state=Unavailable stateChanges=1")),
             qPrintable(report.all));
    QVERIFY2(report.reason.contains(QLatin1String("No Secret Service is running (org.freedesktop.secrets)")),
             qPrintable(report.reason));
    const qint64 firstMs =
        report.line.section(QLatin1String("firstMs="), 1).section(QLatin1Char(' '), 0, 0).toLongLong();
    const qint64 secondMs = report.line.section(QLatin1String("secondMs="), 1).toLongLong();
    QVERIFY2(firstMs >= kChildRetryDelayMs * 9 / 10, qPrintable(report.line));
    QVERIFY2(secondMs < kChildRetryDelayMs * 9 / 10, qPrintable(report.line));
}

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsSet(kChildEnv)) {
        return childMain(argc, argv);
    }
    QCoreApplication app(argc, argv);
    TestSecretStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "TestSecretStore.moc"

void TestSecretStore::lockedKeychainWaitsForUnlock()
{
    REQUIRE_PRIVATE_KEYRING();
    qDBusRegisterMetaType<DbusSecret>();
    QObject context;
    const QString storedKey = uniqueKey("proxmox");
    const QString lockedKey = uniqueKey("portainer");
    {
        SecretStore before(kTestService);
        const SecretResult r =
            run([&](auto cb) { before.write(storedKey, QStringLiteral("stored-before-lock"), &context, cb); });
        QVERIFY2(r.ok(), qPrintable(r.message));
    }
    QCOMPARE(collectionLocked(), std::optional<bool>(false));
    const QString lockError = lockKeyring();
    QVERIFY2(lockError.isEmpty(), qPrintable(lockError));
    QCOMPARE(collectionLocked(), std::optional<bool>(true));

    SecretStore store(kTestService);
    store.setUnlockPollInterval(200);
    // A read of what the locked keychain holds is neither "not found" (the app would ask for it again) nor an
    // error: it waits.
    hlc::test::Capture<SecretResult> held;
    store.read(storedKey, &context, held.callback());
    QVERIFY(hlc::test::waitFor([&] { return store.state() == SecretStore::State::Locked; }, 15000));
    QVERIFY(!held.value.has_value());
    QVERIFY2(store.unavailableReason().contains(QStringLiteral("locked")), qPrintable(store.unavailableReason()));
    // A write is kept (readable at once) and waits too.
    SecretResult w =
        run([&](auto cb) { store.write(lockedKey, QStringLiteral("written-while-locked"), &context, cb); });
    QVERIFY2(w.ok(), qPrintable(w.message));
    QVERIFY2(w.message.contains(QStringLiteral("locked")), qPrintable(w.message));
    QCOMPARE(store.waitingForUnlock(), 1);
    SecretResult r = run([&](auto cb) { store.read(lockedKey, &context, cb); });
    QCOMPARE(r.secret, QStringLiteral("written-while-locked"));
    QVERIFY(!held.value.has_value());
    QCOMPARE(collectionLocked(), std::optional<bool>(true)); // nothing unlocked it behind the user's back

    // The user unlocks the keyring: the waiting read is answered and the kept write lands in the keychain.
    const QString unlockError = unlockKeyring();
    QVERIFY2(unlockError.isEmpty(), qPrintable(unlockError));
    QVERIFY(held.wait(15000));
    QVERIFY2(held.value->ok(), qPrintable(held.value->message));
    QCOMPARE(held.value->secret, QStringLiteral("stored-before-lock"));
    QVERIFY(hlc::test::waitFor([&] { return store.waitingForUnlock() == 0; }, 15000));
    QCOMPARE(store.state(), SecretStore::State::Available);
    SecretStore afterRestart(kTestService);
    r = run([&](auto cb) { afterRestart.read(lockedKey, &context, cb); });
    QVERIFY2(r.ok(), qPrintable(r.message));
    QCOMPARE(r.secret, QStringLiteral("written-while-locked"));
    for (const QString& key : {storedKey, lockedKey}) {
        r = run([&](auto cb) { afterRestart.remove(key, &context, cb); });
        QVERIFY(r.ok());
    }
    hlc::test::evidence("locked gnome-keyring: a read waited (not 'not found'), a write was kept; after the unlock "
                        "the read got its value and the write reached the keychain (read back by a new store)");
}
