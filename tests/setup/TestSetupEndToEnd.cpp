// Tried as a new user would, end to end: `homelab-sim` runs as its own process (a "real" homelab on loopback, on
// ports of its own choosing), the app starts with no configuration and the real keychain. Welcome page -> "Add my
// first host" -> address 127.0.0.1 and the simulator's ports typed into "Other ports" -> Discover services ->
// the secrets typed (the Proxmox certificate trusted in the trust dialog, AdGuard's cleartext allowed) -> Test
// connection on every service -> Save -> the dashboard is live. No file is edited; the secrets are in the keychain
// and nowhere in the config file. HLC_SETUP_SCREENSHOT_DIR=dir saves the steps as pictures for the README.

#include "AppSession.h"
#include "AppShell.h"
#include "TestUtil.h"
#include "core/AttentionBar.h"
#include "core/CertificateTrustDialog.h"
#include "core/ConfigStore.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/WelcomePage.h"
#include "overview/HostCard.h"
#include "setup/HostSetupDialog.h"
#include "setup/ServiceSetupPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace hlc;
using hlc::test::waitFor;

namespace {

/// What the simulator process told about one of its services (from --write-config and --write-secrets).
struct SimService
{
    ServiceKind kind = ServiceKind::Proxmox;
    QUrl baseUrl;
    QString user;
    QString secret;
    QString node;
    QString instance;
    int environment = 0;
};

/// Answers every certificate trust dialog that appears with "Trust this certificate"; counts them.
class TrustAnswerer : public QObject
{
public:
    explicit TrustAnswerer(QObject* parent)
        : QObject(parent)
    {
        auto* timer = new QTimer(this);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, [this] {
            for (QWidget* w : QApplication::topLevelWidgets()) {
                auto* d = qobject_cast<CertificateTrustDialog*>(w);
                if (!d || !d->isVisible() || d->property("answered").toBool())
                    continue;
                d->setProperty("answered", true);
                ++trusted;
                d->findChild<QPushButton*>(QStringLiteral("trustCertificateButton"))->click();
            }
        });
        timer->start();
    }
    int trusted = 0;
};

} // namespace

class TestSetupEndToEnd final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcess m_sim;
    QList<SimService> m_services; ///< host-a's
    QString m_shots;

    void shot(QWidget* w, const QString& name)
    {
        if (m_shots.isEmpty())
            return;
        QCoreApplication::processEvents();
        QVERIFY(w->grab().save(m_shots + u'/' + name));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("HOME", QFile::encodeName(m_home.path()));
        QStandardPaths::setTestModeEnabled(true);
        m_shots = qEnvironmentVariable("HLC_SETUP_SCREENSHOT_DIR");

        const QString config = m_home.filePath(QStringLiteral("sim-config.json"));
        const QString secrets = m_home.filePath(QStringLiteral("sim-secrets.tsv"));
        m_sim.setProcessChannelMode(QProcess::SeparateChannels);
        m_sim.start(QStringLiteral(HLC_SIM_BINARY),
                    {QStringLiteral("--tick-ms"), QStringLiteral("1000"), QStringLiteral("--write-config"), config,
                     QStringLiteral("--write-secrets"), secrets});
        QVERIFY2(m_sim.waitForStarted(10000), qPrintable(m_sim.errorString()));
        QByteArray banner;
        QVERIFY2(waitFor(
                     [&] {
                         banner += m_sim.readAllStandardOutput();
                         return banner.contains("Press Ctrl+C to stop.");
                     },
                     30000),
                 m_sim.readAllStandardError().constData());

        QHash<QString, QString> secretOf;
        QFile tsv(secrets);
        QVERIFY(tsv.open(QIODevice::ReadOnly));
        for (const QByteArray& line : tsv.readAll().split('\n')) {
            const QList<QByteArray> f = line.split('\t');
            if (f.size() == 2)
                secretOf.insert(QString::fromUtf8(f[0]), QString::fromUtf8(f[1]));
        }
        QFile cfg(config);
        QVERIFY(cfg.open(QIODevice::ReadOnly));
        const QJsonArray hosts =
            QJsonDocument::fromJson(cfg.readAll()).object().value(QStringLiteral("hosts")).toArray();
        for (const QJsonValue& h : hosts) {
            if (h[QStringLiteral("id")].toString() != QLatin1String("host-a"))
                continue;
            for (const QJsonValue& s : h[QStringLiteral("services")].toArray()) {
                SimService x;
                const auto kind = serviceKindFromName(s[QStringLiteral("kind")].toString());
                QVERIFY(kind);
                x.kind = *kind;
                x.baseUrl = QUrl(s[QStringLiteral("baseUrl")].toString());
                x.user = s[QStringLiteral("user")].toString();
                x.secret = secretOf.value(QStringLiteral("host-a/") + s[QStringLiteral("id")].toString());
                x.node = s[QStringLiteral("proxmoxNode")].toString();
                x.instance = s[QStringLiteral("prometheusInstance")].toString();
                x.environment = s[QStringLiteral("portainerEndpointId")].toInt();
                m_services << x;
            }
        }
        QVERIFY2(m_services.size() >= 5, qPrintable(QString::number(m_services.size())));
    }

    void cleanupTestCase()
    {
        m_sim.terminate();
        if (!m_sim.waitForFinished(10000))
            m_sim.kill();
    }

    void welcomeDiscoverTestSaveLive()
    {
        // The real keychain in a private session (scripts/with-keyring): what Save stores, a restart reads.
        HLC_REQUIRE_REAL(qEnvironmentVariableIsSet("HLC_KEYRING_PRIVATE")
                             ? QString()
                             : QStringLiteral("Needs the real Secret Service: run it through scripts/with-keyring."));
        QNetworkAccessManager nam;
        SecretStore secrets;
        AppSession session(&secrets, &nam);
        session.openDefaultConfig();
        QCOMPARE(session.mode(), AppSession::Mode::FirstRun);
        MainWindow window(session.homelab());
        shell::connectWindow(&session, &window);
        window.resize(1280, 800);
        window.show();

        // Welcome -> Add my first host.
        QVERIFY(window.welcomePage());
        window.welcomePage()->findChild<QPushButton*>(QStringLiteral("addFirstHostButton"))->click();
        QVERIFY(waitFor([&] { return window.hostSetupDialog() != nullptr; }));
        HostSetupDialog* dialog = window.hostSetupDialog();
        dialog->findChild<QLineEdit*>(QStringLiteral("hostNameEdit"))->setText(QStringLiteral("PVE ThinkPad"));
        dialog->findChild<QLineEdit*>(QStringLiteral("hostAddressEdit"))->setText(QStringLiteral("127.0.0.1"));
        dialog->findChild<QLineEdit*>(QStringLiteral("hostRoleEdit"))->setText(QStringLiteral("Primary services"));
        QStringList ports;
        for (const SimService& s : std::as_const(m_services))
            ports << QString::number(s.baseUrl.port());
        // A typo first: said precisely, nothing probed.
        auto* extra = dialog->findChild<QLineEdit*>(QStringLiteral("extraPortsEdit"));
        QVERIFY(extra);
        extra->setText(QStringLiteral("8006, 9o90"));
        auto* status = dialog->findChild<QLabel*>(QStringLiteral("discoverStatus"));
        dialog->findChild<QPushButton*>(QStringLiteral("discoverButton"))->click();
        QVERIFY2(status->text().contains(QLatin1String("9o90")), qPrintable(status->text()));
        extra->setText(ports.join(QStringLiteral(", ")));
        QSignalSpy discovered(dialog, &HostSetupDialog::discoveryFinished);
        dialog->findChild<QPushButton*>(QStringLiteral("discoverButton"))->click();
        QVERIFY(test::waitForCount(discovered, 1, 60000));

        // Every service of the simulated host was found with its kind, on its port (anything else that happens to
        // answer on a usual port of this machine is removed, as a user would).
        auto* list = dialog->findChild<QListWidget*>(QStringLiteral("serviceList"));
        for (ServiceSetupPage* page : dialog->pages()) {
            bool ours = false;
            for (const SimService& s : std::as_const(m_services))
                ours = ours || (s.baseUrl.port() == page->service().baseUrl.port());
            if (!ours) {
                list->setCurrentRow(static_cast<int>(dialog->pages().indexOf(page)));
                dialog->findChild<QPushButton*>(QStringLiteral("removeServiceButton"))->click();
                QCoreApplication::processEvents();
            }
        }
        QStringList found;
        for (const SimService& s : std::as_const(m_services)) {
            ServiceSetupPage* page = nullptr;
            for (ServiceSetupPage* p : dialog->pages()) {
                if (p->service().baseUrl.port() == s.baseUrl.port())
                    page = p;
            }
            QVERIFY2(page, qPrintable(QStringLiteral("%1 on port %2 not discovered: %3")
                                          .arg(serviceKindName(s.kind))
                                          .arg(s.baseUrl.port())
                                          .arg(status->text())));
            QCOMPARE(page->service().kind, s.kind);
            QCOMPARE(page->service().baseUrl.scheme(), s.baseUrl.scheme());
            found << serviceKindName(s.kind);
        }
        shot(dialog, QStringLiteral("setup-discovered.png"));

        // The secrets and the few fields discovery cannot know, then Test connection on each.
        TrustAnswerer trust(this);
        for (const SimService& s : std::as_const(m_services)) {
            ServiceSetupPage* page = nullptr;
            for (ServiceSetupPage* p : dialog->pages()) {
                if (p->service().baseUrl.port() == s.baseUrl.port())
                    page = p;
            }
            list->setCurrentRow(static_cast<int>(dialog->pages().indexOf(page)));
            if (!s.user.isEmpty())
                page->findChild<QLineEdit*>(QStringLiteral("userEdit"))->setText(s.user);
            if (!s.secret.isEmpty())
                page->setSecret(s.secret);
            if (!s.node.isEmpty())
                page->findChild<QLineEdit*>(QStringLiteral("nodeEdit"))->setText(s.node);
            if (!s.instance.isEmpty())
                page->findChild<QLineEdit*>(QStringLiteral("instanceEdit"))->setText(s.instance);
            if (s.kind == ServiceKind::Portainer)
                page->findChild<QSpinBox*>(QStringLiteral("environmentSpin"))->setValue(s.environment);
            if (s.baseUrl.scheme() == QLatin1String("http") && !s.secret.isEmpty())
                page->findChild<QCheckBox*>(QStringLiteral("allowCleartextCheck"))->setChecked(true);
            QSignalSpy tested(page, &ServiceSetupPage::tested);
            page->findChild<QPushButton*>(QStringLiteral("testButton"))->click();
            // An untrusted certificate: the trust dialog (answered above), then the test runs again with the pin.
            QVERIFY2(waitFor([&] { return !tested.isEmpty() && page->lastReport().ok(); }, 60000),
                     qPrintable(page->lastReport().toText()));
        }
        QVERIFY(trust.trusted >= 1); // Proxmox's self-signed certificate at least
        shot(dialog, QStringLiteral("setup-tested.png"));

        dialog->findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
        QVERIFY(waitFor([&] { return window.hostSetupDialog() == nullptr; }, 20000));
        QVERIFY(waitFor([&] { return session.mode() == AppSession::Mode::Configured; }, 20000));

        // The dashboard: live data from every service, nothing waiting for the user.
        QVERIFY(!window.welcomePage());
        QCOMPARE(window.hostPanels().size(), 1);
        QVERIFY(waitFor([&] { return window.allPanelsHaveData(); }, 30000));
        QVERIFY(waitFor([&] { return window.attentionBar()->items().isEmpty(); }, 30000));
        shot(&window, QStringLiteral("setup-live.png"));

        // The file holds the host and its services, no secret; the keychain holds the secrets.
        QFile file(ConfigStore::defaultPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("\"pve-thinkpad\""));
        SecretStore afterRestart;
        int inKeychain = 0;
        for (const SimService& s : std::as_const(m_services)) {
            if (s.secret.isEmpty())
                continue;
            QVERIFY2(!text.contains(s.secret.toUtf8()), serviceKindName(s.kind).toUtf8().constData());
            test::Capture<SecretResult> r;
            afterRestart.read(secretKey(QStringLiteral("pve-thinkpad"), serviceKindName(s.kind)), nullptr,
                              r.callback());
            QVERIFY(r.wait(20000));
            QVERIFY2(r.value->ok(), qPrintable(r.value->message));
            QCOMPARE(r.value->secret, s.secret);
            ++inKeychain;
        }
        test::evidence(QStringLiteral("new user, homelab-sim in its own process: welcome -> discovery found %1 (%2) "
                                      "-> %3 connections tested OK (%4 certificate trusted) -> saved -> live "
                                      "dashboard; %5 secrets in the real keychain, none in the %6-byte config")
                           .arg(found.size())
                           .arg(found.join(QStringLiteral(", ")))
                           .arg(m_services.size())
                           .arg(trust.trusted)
                           .arg(inKeychain)
                           .arg(text.size()));
    }
};

QTEST_MAIN(TestSetupEndToEnd)
#include "TestSetupEndToEnd.moc"
