// The host setup dialog offscreen against the simulator: fill a host, discover its services, read a Proxmox token
// from pveum's output, test (trusting the certificate through the trust dialog), be refused a secret over http://
// until allowed, save -> the Config has the services and the secrets are in the SecretStore only (the saved file is
// grepped for them).

#include "DemoSetup.h"
#include "SimHttpServer.h"
#include "Simulator.h"
#include "TestUtil.h"
#include "core/CertificateTrustDialog.h"
#include "core/ConfigStore.h"
#include "core/MessageBox.h"
#include "core/SecretStore.h"
#include "setup/HostSetupDialog.h"
#include "setup/ServiceSetupPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace hlc;

namespace {

ServiceSetupPage* pageOf(HostSetupDialog& d, ServiceKind kind)
{
    for (ServiceSetupPage* p : d.pages()) {
        if (p->service().kind == kind)
            return p;
    }
    return nullptr;
}

/// Answers the next certificate trust dialog with "Trust this certificate" (and records what it showed).
void trustNextCertificate(QByteArray* shownSha256)
{
    auto* timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, shownSha256] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            auto* d = qobject_cast<CertificateTrustDialog*>(w);
            if (!d || !d->isVisible())
                continue;
            *shownSha256 = d->attention().certificate.sha256;
            d->findChild<QPushButton*>(QStringLiteral("trustCertificateButton"))->click();
            timer->deleteLater();
            return;
        }
    });
    timer->start();
}

bool testPage(ServiceSetupPage* page)
{
    QSignalSpy tested(page, &ServiceSetupPage::tested);
    page->findChild<QPushButton*>(QStringLiteral("testButton"))->click();
    return test::waitForCount(tested, 1, 30000);
}

} // namespace

class TestHostSetupDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<TestReport>();
    }

    void addHostDiscoverTestSave()
    {
        sim::Simulator simulator;
        simulator.setTickIntervalMs(0);
        QString error;
        QVERIFY2(simulator.start(&error), qPrintable(error));
        QNetworkAccessManager nam;
        SecretStore secrets(QStringLiteral("homelab-control-test"));
        secrets.setSessionOnly(true); // no keychain needed: the same calls, kept in memory

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        HostSetupDialog dialog(Config{}, &secrets, &nam);
        dialog.setSavePath(path);
        QList<DiscoveryCandidate> candidates;
        for (const sim::ServiceEndpoint& ep : simulator.endpoints()) {
            if (ep.hostId == QLatin1String("host-a"))
                candidates << DiscoveryCandidate{*serviceKindFromName(ep.kind), static_cast<quint16>(ep.baseUrl.port()),
                                                 ep.baseUrl.scheme()};
        }
        dialog.setDiscoveryCandidates(candidates);
        dialog.show();

        dialog.findChild<QLineEdit*>(QStringLiteral("hostNameEdit"))->setText(QStringLiteral("PVE ThinkPad"));
        dialog.findChild<QLineEdit*>(QStringLiteral("hostAddressEdit"))->setText(QStringLiteral("127.0.0.1"));
        dialog.findChild<QLineEdit*>(QStringLiteral("hostRoleEdit"))->setText(QStringLiteral("Primary services"));
        QSignalSpy discovered(&dialog, &HostSetupDialog::discoveryFinished);
        dialog.findChild<QPushButton*>(QStringLiteral("discoverButton"))->click();
        QVERIFY(test::waitForCount(discovered, 1, 30000));
        const int found = discovered.first().first().toInt();
        QCOMPARE(found, static_cast<int>(candidates.size()));
        QCOMPARE(dialog.findChild<QListWidget*>(QStringLiteral("serviceList"))->count(), found);

        // Proxmox: the token comes from pveum's output pasted into the dialog.
        ServiceSetupPage* pve = pageOf(dialog, ServiceKind::Proxmox);
        QVERIFY(pve);
        const sim::ServiceEndpoint pveEp = simulator.endpoint(QStringLiteral("host-a"), QStringLiteral("proxmox"));
        QVERIFY(pve->findChild<QPlainTextEdit*>(QStringLiteral("pveumCommands"))
                    ->toPlainText()
                    .contains(QLatin1String("--privsep 1")));
        pve->findChild<QPlainTextEdit*>(QStringLiteral("pveumPaste"))
            ->setPlainText(QStringLiteral("{\"full-tokenid\":\"%1\",\"info\":{\"privsep\":\"1\"},\"value\":\"%2\"}")
                               .arg(pveEp.user, pveEp.secret));
        pve->findChild<QPushButton*>(QStringLiteral("readTokenButton"))->click();
        const QString pveumResult = pve->findChild<QLabel*>(QStringLiteral("pveumPasteResult"))->text();
        if (pve->secret() != pveEp.secret) {
            // The simulator's secret is random hex, not a UUID as pveum prints: type it as a user would.
            QVERIFY2(pveumResult.contains(QLatin1String("UUID")), qPrintable(pveumResult));
            pve->findChild<QLineEdit*>(QStringLiteral("userEdit"))->setText(pveEp.user);
            pve->setSecret(pveEp.secret);
        }
        pve->findChild<QLineEdit*>(QStringLiteral("nodeEdit"))->setText(pveEp.node);
        // First test: untrusted self-signed certificate -> the trust dialog -> pinned -> tested again, OK.
        QByteArray shown;
        trustNextCertificate(&shown);
        QSignalSpy pveTested(pve, &ServiceSetupPage::tested);
        pve->findChild<QPushButton*>(QStringLiteral("testButton"))->click();
        QVERIFY(test::waitForCount(pveTested, 2, 30000));
        QCOMPARE(pveTested.at(0).first().value<TestReport>().failure, TestReport::Failure::TlsUntrusted);
        QCOMPARE(shown, pveEp.tlsSha256);
        QVERIFY2(pve->lastReport().ok(), qPrintable(pve->lastReport().toText()));
        QCOMPARE(pve->service().pinnedSha256, pveEp.tlsSha256);
        QCOMPARE(pve->findChild<QTreeWidget*>(QStringLiteral("testSteps"))->topLevelItemCount(), 4);
        // HLC_SETUP_SCREENSHOT_DIR=dir saves the dialog here, on the Proxmox page after its test (for the README).
        if (const QString shots = qEnvironmentVariable("HLC_SETUP_SCREENSHOT_DIR"); !shots.isEmpty()) {
            auto* list = dialog.findChild<QListWidget*>(QStringLiteral("serviceList"));
            list->setCurrentRow(static_cast<int>(dialog.pages().indexOf(pve)));
            dialog.resize(1180, 860);
            QCoreApplication::processEvents();
            QVERIFY(dialog.grab().save(shots + QStringLiteral("/setup.png")));
        }

        // AdGuard over http with a password: refused until allowed.
        ServiceSetupPage* adguard = pageOf(dialog, ServiceKind::AdGuard);
        QVERIFY(adguard);
        const sim::ServiceEndpoint agEp = simulator.endpoint(QStringLiteral("host-a"), QStringLiteral("adguard"));
        adguard->findChild<QLineEdit*>(QStringLiteral("userEdit"))->setText(agEp.user);
        adguard->setSecret(agEp.secret);
        QVERIFY(testPage(adguard));
        QCOMPARE(adguard->lastReport().failure, TestReport::Failure::CleartextRefused);
        QVERIFY(adguard->findChild<QCheckBox*>(QStringLiteral("allowCleartextCheck"))->isVisibleTo(adguard));

        // Home Assistant and Portainer are not set up here.
        for (ServiceKind k : {ServiceKind::HomeAssistant, ServiceKind::Portainer}) {
            auto* list = dialog.findChild<QListWidget*>(QStringLiteral("serviceList"));
            list->setCurrentRow(static_cast<int>(dialog.pages().indexOf(pageOf(dialog, k))));
            dialog.findChild<QPushButton*>(QStringLiteral("removeServiceButton"))->click();
            QCoreApplication::processEvents();
        }

        // Save is refused while AdGuard would send its password in clear...
        dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
        QVERIFY(dialog.isVisible());
        QVERIFY(!adguard->findChild<QLabel*>(QStringLiteral("serviceProblem"))->text().isEmpty());
        QVERIFY(!QFile::exists(path));
        // ...and allowed once the user ticks the box (the test then passes too).
        adguard->findChild<QCheckBox*>(QStringLiteral("allowCleartextCheck"))->setChecked(true);
        QVERIFY(testPage(adguard));
        QVERIFY2(adguard->lastReport().ok(), qPrintable(adguard->lastReport().toText()));

        QSignalSpy saved(&dialog, &HostSetupDialog::saved);
        dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
        QVERIFY2(test::waitForCount(saved, 1, 10000),
                 qPrintable(dialog.findChild<QLabel*>(QStringLiteral("saveError"))->text()));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const Config c = dialog.config();
        QCOMPARE(c.hosts.size(), 1);
        const HostConfig& h = c.hosts.first();
        QCOMPARE(h.id, QStringLiteral("pve-thinkpad"));
        QCOMPARE(h.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(h.services.size(), found - 2);
        const ServiceConfig* savedPve = c.service(h.id, QStringLiteral("proxmox"));
        QVERIFY(savedPve);
        QCOMPARE(savedPve->user, pveEp.user);
        QCOMPARE(savedPve->pinnedSha256, pveEp.tlsSha256);
        QCOMPARE(savedPve->proxmoxNode, pveEp.node);
        const ServiceConfig* savedAg = c.service(h.id, QStringLiteral("adguard"));
        QVERIFY(savedAg && savedAg->allowCleartextAuth);

        // Secrets: in the store under secretKey(host, service), nowhere in the file.
        test::Capture<SecretResult> pveSecret;
        secrets.read(secretKey(h.id, QStringLiteral("proxmox")), nullptr, pveSecret.callback());
        QVERIFY(pveSecret.wait());
        QCOMPARE(pveSecret.value->secret, pveEp.secret);
        test::Capture<SecretResult> agSecret;
        secrets.read(secretKey(h.id, QStringLiteral("adguard")), nullptr, agSecret.callback());
        QVERIFY(agSecret.wait());
        QCOMPARE(agSecret.value->secret, agEp.secret);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(!text.isEmpty());
        QVERIFY(!text.contains(pveEp.secret.toUtf8()));
        QVERIFY(!text.contains(agEp.secret.toUtf8()));
        QVERIFY(text.contains("\"allowCleartextAuth\": true"));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        const auto reloaded = ConfigStore::load(path);
        QVERIFY(std::holds_alternative<Config>(reloaded));
        QCOMPARE(std::get<Config>(reloaded).hosts.first().services.size(), h.services.size());
        test::evidence(QStringLiteral("setup dialog: discovered %1 services, trusted %2..., saved %3 services; "
                                      "2 secrets in the store, 0 in the %4-byte config")
                           .arg(found)
                           .arg(QString::fromLatin1(shown.left(12)))
                           .arg(h.services.size())
                           .arg(text.size()));
    }

    void pinSystemTrustedCertificateAnyway()
    {
        sim::Simulator simulator;
        simulator.setTickIntervalMs(0);
        QString error;
        QVERIFY2(simulator.start(&error), qPrintable(error));
        const sim::ServiceEndpoint ep = simulator.endpoint(QStringLiteral("host-a"), QStringLiteral("proxmox"));
        // The system trusts the certificate (its CA is added for this process): no pin is needed, none asked for.
        const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusted = before;
        trusted.addCaCertificate(
            simulator.server(QStringLiteral("host-a"), QStringLiteral("proxmox"))->tlsIdentity().certificate);
        QSslConfiguration::setDefaultConfiguration(trusted);
        const auto restore = qScopeGuard([before] { QSslConfiguration::setDefaultConfiguration(before); });

        QNetworkAccessManager nam;
        HostSetupDialog dialog(Config{}, nullptr, &nam);
        dialog.show();
        ServiceConfig s;
        s.id = QStringLiteral("proxmox");
        s.kind = ServiceKind::Proxmox;
        s.baseUrl = ep.baseUrl;
        s.auth = AuthScheme::PveToken;
        s.user = ep.user;
        s.proxmoxNode = ep.node;
        ServiceSetupPage* page = dialog.addService(s);
        page->setSecret(ep.secret);
        auto* pinAnyway = page->findChild<QPushButton*>(QStringLiteral("pinAnywayButton"));
        auto* unpin = page->findChild<QPushButton*>(QStringLiteral("unpinButton"));
        QVERIFY(pinAnyway && unpin);
        QVERIFY(!pinAnyway->isVisibleTo(page)); // not before a test showed the certificate
        QVERIFY(testPage(page));
        QVERIFY2(page->lastReport().ok(), qPrintable(page->lastReport().toText()));
        QVERIFY(page->service().pinnedSha256.isEmpty());
        QVERIFY(pinAnyway->isVisibleTo(page));
        QVERIFY(!unpin->isVisibleTo(page));

        // "Pin it anyway": asked first (the fingerprint shown), then tested again through the pin.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        QSignalSpy tested(page, &ServiceSetupPage::tested);
        pinAnyway->click();
        QVERIFY(test::waitForCount(tested, 1, 30000));
        QVERIFY2(MessageBox::lastQuestion().contains(CertificateInfo::groupFingerprint(ep.tlsSha256)),
                 qPrintable(MessageBox::lastQuestion()));
        QVERIFY2(page->lastReport().ok(), qPrintable(page->lastReport().toText()));
        QCOMPARE(page->service().pinnedSha256, ep.tlsSha256);
        QVERIFY(!pinAnyway->isVisibleTo(page));
        QVERIFY(unpin->isVisibleTo(page));
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("pinLabel"))->text().contains(QLatin1String("pinned")));
        // Declining leaves it unpinned; "Forget pin" undoes it.
        unpin->click();
        QVERIFY(page->service().pinnedSha256.isEmpty());
        QVERIFY(testPage(page));
        MessageBox::setNextAnswer(QMessageBox::No);
        pinAnyway->click();
        QVERIFY(page->service().pinnedSha256.isEmpty());
        test::evidence(QStringLiteral("system-trusted certificate: tested without a pin, then pinned anyway "
                                      "(%1...) after the question, tested OK through the pin; forget and decline "
                                      "leave it unpinned")
                           .arg(QString::fromLatin1(ep.tlsSha256.left(12))));
    }

    void editOneService()
    {
        sim::Simulator simulator;
        simulator.setTickIntervalMs(0);
        QVERIFY(simulator.start());
        QNetworkAccessManager nam;
        SecretStore secrets(QStringLiteral("homelab-control-test"));
        secrets.setSessionOnly(true);
        const Config current = demo::configFor(simulator);
        const sim::ServiceEndpoint ep = simulator.endpoint(QStringLiteral("host-b"), QStringLiteral("agents"));
        test::Capture<SecretResult> written;
        secrets.write(secretKey(QStringLiteral("host-b"), QStringLiteral("agents")), ep.secret, nullptr,
                      written.callback());
        QVERIFY(written.wait());

        HostSetupDialog dialog(current, &secrets, &nam);
        QVERIFY(dialog.editService(QStringLiteral("host-b"), QStringLiteral("agents")));
        dialog.show();
        QCOMPARE(dialog.pages().size(), 1);
        ServiceSetupPage* page = dialog.pages().first();
        QVERIFY(page->findChild<QLineEdit*>(QStringLiteral("serviceIdEdit"))->isReadOnly());
        // Nothing typed: the test uses the stored secret.
        QVERIFY(testPage(page));
        QVERIFY2(page->lastReport().ok(), qPrintable(page->lastReport().toText()));
        page->findChild<QLineEdit*>(QStringLiteral("serviceUrlEdit"))
            ->setText(ep.baseUrl.toString() + QStringLiteral("/"));
        QSignalSpy saved(&dialog, &HostSetupDialog::saved);
        dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
        QVERIFY(test::waitForCount(saved, 1, 10000));
        const Config c = dialog.config();
        QCOMPARE(c.hosts.size(), current.hosts.size());
        QCOMPARE(c.service(QStringLiteral("host-b"), QStringLiteral("agents"))->baseUrl.path(),
                 ep.baseUrl.path() + QStringLiteral("/"));
        QCOMPARE(*c.service(QStringLiteral("host-a"), QStringLiteral("proxmox")),
                 *current.service(QStringLiteral("host-a"), QStringLiteral("proxmox")));
        test::evidence(QStringLiteral("edit one service with the stored secret: %1").arg(page->lastReport().fact));
    }

    /// The host editor offers the jobs and targets the Prometheus really has (the seed's per-host jobs); picking
    /// host-a's job and saving writes the matcher to the file.
    void prometheusJobFromTheServer()
    {
        sim::Simulator simulator;
        simulator.setTickIntervalMs(0);
        QVERIFY(simulator.start());
        QNetworkAccessManager nam;
        SecretStore secrets(QStringLiteral("homelab-control-test"));
        secrets.setSessionOnly(true);
        const Config current = demo::configFor(simulator);
        const ServiceConfig* prom = current.service(QStringLiteral("host-a"), QStringLiteral("prometheus"));
        QVERIFY(prom);
        QVERIFY(prom->prometheusMatch.isEmpty());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));

        HostSetupDialog dialog(current, &secrets, &nam);
        dialog.setSavePath(path);
        QVERIFY(dialog.editService(QStringLiteral("host-a"), QStringLiteral("prometheus")));
        dialog.show();
        ServiceSetupPage* page = dialog.pages().first();
        auto* choices = page->findChild<QComboBox*>(QStringLiteral("seriesChoiceCombo"));
        QVERIFY(choices);
        page->findChild<QPushButton*>(QStringLiteral("findSeriesButton"))->click();
        QVERIFY(test::waitFor([&] { return choices->count() > 0; }, 10000));
        QStringList texts;
        for (int i = 0; i < choices->count(); ++i)
            texts << choices->itemText(i);
        QVERIFY2(texts.contains(QStringLiteral("job \"node-exporter-hostA\"")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.contains(QStringLiteral("job \"node-exporter-hostB\"")));
        QVERIFY(texts.contains(QStringLiteral("instance pve-thinkpad:9100 (job node-exporter-hostA)")));
        const int pick = static_cast<int>(texts.indexOf(QStringLiteral("job \"node-exporter-hostA\"")));
        choices->setCurrentIndex(pick);
        emit choices->activated(pick);
        auto* match = page->findChild<QLineEdit*>(QStringLiteral("matchLabelsEdit"));
        QCOMPARE(match->text(), QStringLiteral("job=\"node-exporter-hostA\""));

        // Text that is no matcher set is said at once, under the field.
        match->setText(QStringLiteral("job=~\"node.*\""));
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("matchLabelsError"))->isVisibleTo(page));
        match->setText(QStringLiteral("job=\"node-exporter-hostA\""));
        QVERIFY(!page->findChild<QLabel*>(QStringLiteral("matchLabelsError"))->isVisibleTo(page));

        QSignalSpy saved(&dialog, &HostSetupDialog::saved);
        dialog.findChild<QPushButton*>(QStringLiteral("saveButton"))->click();
        QVERIFY2(test::waitForCount(saved, 1, 10000),
                 qPrintable(dialog.findChild<QLabel*>(QStringLiteral("saveError"))->text()));
        const Config c = dialog.config();
        QCOMPARE(c.service(QStringLiteral("host-a"), QStringLiteral("prometheus"))->prometheusMatch,
                 (QMap<QString, QString>{{QStringLiteral("job"), QStringLiteral("node-exporter-hostA")}}));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY2(text.contains("\"prometheusMatch\": {\n            \"job\": \"node-exporter-hostA\""),
                 text.constData());
        test::evidence(QStringLiteral("host editor offered %1 choices from the simulated Prometheus; saved "
                                      "prometheusMatch job=node-exporter-hostA to the file")
                           .arg(choices->count()));
    }

    void hostIds()
    {
        Config c;
        HostConfig h;
        h.id = QStringLiteral("pve");
        c.hosts << h;
        QCOMPARE(HostSetupDialog::hostIdFor(QStringLiteral("PVE"), c), QStringLiteral("pve-2"));
        QCOMPARE(HostSetupDialog::hostIdFor(QStringLiteral(" My NAS (2nd) "), c), QStringLiteral("my-nas-2nd"));
        QCOMPARE(HostSetupDialog::hostIdFor(QStringLiteral("***"), c), QStringLiteral("host"));
    }
};

QTEST_MAIN(TestHostSetupDialog)
#include "TestHostSetupDialog.moc"
