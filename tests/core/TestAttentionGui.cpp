// The window's answers to every "needs attention" kind, for each of the nine service kinds: the attention bar lists
// the item without popping anything up, its button opens the right dialog, the dialog shows what the user needs to
// decide, and the answer leaves as the right request.
#include "TestUtil.h"

#include "core/AttentionBar.h"
#include "core/CertificateTrustDialog.h"
#include "core/KeychainUnavailableDialog.h"
#include "core/SecondFactorDialog.h"
#include "core/SecretEntryDialog.h"
#include "core/ServiceText.h"
#include "core/StatusColors.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>

using namespace hlc;

Q_DECLARE_METATYPE(hlc::ServiceKind)
Q_DECLARE_METATYPE(hlc::AuthScheme)

namespace {
const QString kHost = QStringLiteral("host-a");
const QString kHostName = QStringLiteral("pve-thinkpad");
const QByteArray kNewSha = QByteArrayLiteral("0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9");
const QByteArray kOldSha = QByteArrayLiteral("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100");

struct KindRow
{
    ServiceKind kind;
    AuthScheme auth;
    QString user;
    QString secretWord; ///< what the secret prompt must name
};

QList<KindRow> kindRows()
{
    return {
        {ServiceKind::Proxmox, AuthScheme::PveToken, QStringLiteral("monitor@pve!hlc"),
         QStringLiteral("API token secret of monitor@pve!hlc")},
        {ServiceKind::Portainer, AuthScheme::ApiKey, {}, QStringLiteral("Portainer API key")},
        {ServiceKind::Prometheus, AuthScheme::Basic, QStringLiteral("prom"), QStringLiteral("password of prom")},
        {ServiceKind::Alertmanager, AuthScheme::Bearer, {}, QStringLiteral("bearer token")},
        {ServiceKind::AdGuard, AuthScheme::Basic, QStringLiteral("admin"),
         QStringLiteral("AdGuard Home password of admin")},
        {ServiceKind::HomeAssistant, AuthScheme::Bearer, {}, QStringLiteral("long-lived access token")},
        {ServiceKind::Ollama, AuthScheme::Bearer, {}, QStringLiteral("bearer token")},
        {ServiceKind::Agents, AuthScheme::Bearer, {}, QStringLiteral("agent platform's bearer token")},
        {ServiceKind::N8n, AuthScheme::None, {}, QStringLiteral("authentication header")},
    };
}

Config configWith(ServiceKind kind, AuthScheme auth, const QString& user)
{
    ServiceConfig s;
    s.id = serviceKindName(kind);
    s.kind = kind;
    s.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:9443/"));
    s.auth = auth;
    s.user = user;
    HostConfig h;
    h.id = kHost;
    h.name = kHostName;
    h.services << s;
    Config c;
    c.hosts << h;
    return c;
}

CertificateInfo certificate(bool expired = false)
{
    CertificateInfo c;
    c.sha256 = kNewSha;
    c.subject = QStringLiteral("CN=pve-thinkpad, O=PVE Cluster Node");
    c.issuer = QStringLiteral("CN=Proxmox Virtual Environment, O=PVE Cluster Manager CA");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    c.notBefore = now.addDays(expired ? -400 : -10);
    c.notAfter = now.addDays(expired ? -35 : 355);
    c.subjectAlternativeNames = {QStringLiteral("pve-thinkpad.lan"), QStringLiteral("127.0.0.1")};
    return c;
}

Attention attentionFor(Attention::Kind k, ServiceKind kind)
{
    Attention a;
    a.kind = k;
    a.hostId = kHost;
    a.serviceId = serviceKindName(kind);
    a.serviceKind = kind;
    if (k == Attention::Kind::CertificateUntrusted || k == Attention::Kind::CertificateChanged) {
        a.hostPort = QStringLiteral("127.0.0.1:9443");
        a.certificate = certificate();
    }
    if (k == Attention::Kind::CertificateChanged)
        a.pinnedSha256 = kOldSha;
    if (k == Attention::Kind::KeychainUnavailable)
        a.message = QStringLiteral("No Secret Service is running.");
    return a;
}

QString labelText(QWidget* w, const char* name)
{
    auto* l = w->findChild<QLabel*>(QString::fromLatin1(name));
    return l ? l->text() : QStringLiteral("<no label %1>").arg(QString::fromLatin1(name));
}

QString oneLine(QString fingerprint)
{
    return fingerprint.replace(QLatin1Char('\n'), QLatin1Char(':'));
}
} // namespace

class TestAttentionGui : public QObject
{
    Q_OBJECT

private:
    /// A bar with @p attention listed, its row's button clicked: the dialog that opened.
    static QDialog* openFromBar(AttentionBar& bar, const Attention& attention)
    {
        bar.add(attention);
        if (!bar.isVisible() || bar.openDialog())
            return nullptr; // listed, never popped up by itself
        auto* button = bar.findChild<QPushButton*>(AttentionBar::buttonName(attention.hostId, attention.serviceId));
        if (!button)
            return nullptr;
        button->click();
        return bar.openDialog();
    }

    static void addKindRows()
    {
        QTest::addColumn<ServiceKind>("kind");
        QTest::addColumn<AuthScheme>("auth");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("secretWord");
        for (const KindRow& r : kindRows())
            QTest::newRow(qPrintable(serviceKindName(r.kind))) << r.kind << r.auth << r.user << r.secretWord;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<hlc::Attention>();
    }

    void certificateUntrusted_data() { addKindRows(); }
    void certificateUntrusted()
    {
        QFETCH(ServiceKind, kind);
        QFETCH(AuthScheme, auth);
        QFETCH(QString, user);
        const Config config = configWith(kind, auth, user);
        AttentionBar bar(&config);
        bar.show();
        QSignalSpy trust(&bar, &AttentionBar::trustRequested);
        QSignalSpy dismissed(&bar, &AttentionBar::dismissed);
        const Attention a = attentionFor(Attention::Kind::CertificateUntrusted, kind);

        auto* dialog = qobject_cast<CertificateTrustDialog*>(openFromBar(bar, a));
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(labelText(dialog, "certificateSubject"), a.certificate.subject);
        QCOMPARE(labelText(dialog, "certificateIssuer"), a.certificate.issuer);
        QVERIFY(labelText(dialog, "certificateValidFrom") != QStringLiteral("–"));
        QVERIFY(!labelText(dialog, "certificateValidUntil").contains(QStringLiteral("expired")));
        QCOMPARE(labelText(dialog, "certificateSans"), QStringLiteral("pve-thinkpad.lan, 127.0.0.1"));
        QCOMPARE(oneLine(labelText(dialog, "certificateFingerprint")), a.certificate.groupedFingerprint());
        QVERIFY(labelText(dialog, "certificateFingerprint").startsWith(QStringLiteral("0A:1B:2C:3D")));
        QCOMPARE(labelText(dialog, "certificateHostPort"), QStringLiteral("127.0.0.1:9443"));
        const QString service = labelText(dialog, "certificateService");
        QVERIFY2(service.contains(serviceKindTitle(kind)) && service.contains(kHostName), qPrintable(service));
        QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("oldFingerprint")));
        // Enter does not trust: Cancel is the default button.
        auto* trustButton = dialog->findChild<QPushButton*>(QStringLiteral("trustCertificateButton"));
        QVERIFY(trustButton);
        QVERIFY(!trustButton->isDefault());

        trustButton->click();
        QCOMPARE(trust.size(), 1);
        QCOMPARE(trust.at(0).at(0).toString(), kHost);
        QCOMPARE(trust.at(0).at(1).toString(), serviceKindName(kind));
        QCOMPARE(trust.at(0).at(2).toByteArray(), kNewSha);
        QCOMPARE(dismissed.size(), 0);
        QVERIFY(!bar.openDialog());
        // The item stays listed until the directory says it is cleared.
        QCOMPARE(bar.items().size(), 1);
        bar.clear(kHost, serviceKindName(kind));
        QVERIFY(bar.items().isEmpty());
        QVERIFY(!bar.isVisible());

        // Cancel leaves the service off: dismissed, nothing trusted.
        dialog = qobject_cast<CertificateTrustDialog*>(openFromBar(bar, a));
        QVERIFY(dialog);
        dialog->findChild<QPushButton*>(QStringLiteral("cancelButton"))->click();
        QCOMPARE(trust.size(), 1);
        QCOMPARE(dismissed.size(), 1);
        QCOMPARE(dismissed.at(0).at(0).value<Attention>().serviceId, serviceKindName(kind));
        QVERIFY(bar.items().isEmpty());
    }

    void expiredCertificateIsShownInRed()
    {
        Attention a = attentionFor(Attention::Kind::CertificateUntrusted, ServiceKind::Portainer);
        a.certificate = certificate(true);
        CertificateTrustDialog dialog(a, kHostName);
        auto* until = dialog.findChild<QLabel*>(QStringLiteral("certificateValidUntil"));
        QVERIFY(until->text().contains(QStringLiteral("expired")));
        QVERIFY2(until->styleSheet().contains(StatusColors::color(StatusColors::Role::Critical).name()),
                 qPrintable(until->styleSheet()));
    }

    void certificateChanged_data() { addKindRows(); }
    void certificateChanged()
    {
        QFETCH(ServiceKind, kind);
        QFETCH(AuthScheme, auth);
        QFETCH(QString, user);
        const Config config = configWith(kind, auth, user);
        AttentionBar bar(&config);
        bar.show();
        QSignalSpy trust(&bar, &AttentionBar::trustRequested);
        const Attention a = attentionFor(Attention::Kind::CertificateChanged, kind);

        auto* dialog = qobject_cast<CertificateTrustDialog*>(openFromBar(bar, a));
        QVERIFY(dialog);
        const QString intro = labelText(dialog, "certificateIntro");
        QVERIFY2(intro.contains(QStringLiteral("has changed")) && intro.contains(QStringLiteral("Nothing is sent")),
                 qPrintable(intro));
        QVERIFY(intro.contains(serviceKindTitle(kind).toHtmlEscaped()));
        QCOMPARE(oneLine(labelText(dialog, "oldFingerprint")), CertificateInfo::groupFingerprint(kOldSha));
        QCOMPARE(oneLine(labelText(dialog, "newFingerprint")), a.certificate.groupedFingerprint());
        QCOMPARE(labelText(dialog, "certificateHostPort"), QStringLiteral("127.0.0.1:9443"));
        QCOMPARE(labelText(dialog, "certificateSubject"), a.certificate.subject);
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("trustCertificateButton")));

        // Replacing the pin is a second, explicit step.
        auto* replace = dialog->findChild<QPushButton*>(QStringLiteral("replacePinButton"));
        auto* verified = dialog->findChild<QCheckBox*>(QStringLiteral("verifiedNewCertificateCheck"));
        QVERIFY(replace && verified);
        QVERIFY(!replace->isEnabled());
        replace->click();
        QCOMPARE(trust.size(), 0);
        QCOMPARE(bar.openDialog(), dialog);
        verified->setChecked(true);
        QVERIFY(replace->isEnabled());
        replace->click();
        QCOMPARE(trust.size(), 1);
        QCOMPARE(trust.at(0).at(2).toByteArray(), kNewSha);
    }

    void secretMissing_data() { addKindRows(); }
    void secretMissing() { checkSecretPrompt(Attention::Kind::SecretMissing); }

    void secretRejected_data() { addKindRows(); }
    void secretRejected() { checkSecretPrompt(Attention::Kind::SecretRejected); }

    void proxmoxPasswordLogin()
    {
        Attention a = attentionFor(Attention::Kind::SecretMissing, ServiceKind::Proxmox);
        SecretEntryDialog dialog(a, AuthScheme::PveTicket, QStringLiteral("homelab@pve"), kHostName);
        QVERIFY2(labelText(&dialog, "secretWhat").contains(QStringLiteral("Proxmox password of homelab@pve")),
                 qPrintable(labelText(&dialog, "secretWhat")));
    }

    /// A Proxmox login that wants a TOTP code: "Enter code…", a dialog that takes 6 to 8 digits only, the code leaves
    /// as secondFactorEntered (spaces removed); a refused code's reason is shown in the dialog.
    void secondFactorCode()
    {
        Config config = configWith(ServiceKind::Proxmox, AuthScheme::PveTicket, QStringLiteral("admin@pve"));
        AttentionBar bar(&config);
        bar.show();
        QSignalSpy code(&bar, &AttentionBar::secondFactorEntered);
        QSignalSpy secret(&bar, &AttentionBar::secretEntered);
        Attention a = attentionFor(Attention::Kind::SecondFactorRequired, ServiceKind::Proxmox);
        bar.add(a);
        auto* button = bar.findChild<QPushButton*>(AttentionBar::buttonName(kHost, QStringLiteral("proxmox")));
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("Enter code…"));
        auto* dialog = qobject_cast<SecondFactorDialog*>(openFromBar(bar, a));
        QVERIFY(dialog);
        const QString what = labelText(dialog, "secondFactorWhat");
        QVERIFY2(what.contains(kHostName) && what.contains(QStringLiteral("admin@pve")), qPrintable(what));
        QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("secondFactorReason"))); // first time: nothing refused
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("secondFactorEdit"));
        auto* login = dialog->findChild<QPushButton*>(QStringLiteral("secondFactorLoginButton"));
        QVERIFY(edit && login);
        for (const QString& bad : {QStringLiteral("12345"), QStringLiteral("123456789"), QStringLiteral("12a456"),
                                   QStringLiteral("      ")}) {
            edit->setText(bad);
            QVERIFY2(!login->isEnabled(), qPrintable(bad));
            QTest::keyClick(edit, Qt::Key_Return);
            QCOMPARE(code.size(), 0);
        }
        edit->setText(QStringLiteral("123 456"));
        QVERIFY(login->isEnabled());
        login->click();
        QCOMPARE(code.size(), 1);
        QCOMPARE(code.at(0).at(0).toString(), kHost);
        QCOMPARE(code.at(0).at(1).toString(), QStringLiteral("proxmox"));
        QCOMPARE(code.at(0).at(2).toString(), QStringLiteral("123456"));
        QCOMPARE(secret.size(), 0);
        QCOMPARE(bar.items().size(), 1); // the item stays until the login succeeds

        // Refused: the reason is in the bar and in the dialog.
        a.message = QStringLiteral("Proxmox did not accept the code (HTTP 401).");
        bar.add(a);
        const QString text = bar.findChild<QWidget*>(AttentionBar::itemName(kHost, QStringLiteral("proxmox")))
                                 ->findChild<QLabel*>(QStringLiteral("attentionText"))
                                 ->text();
        QVERIFY2(text.contains(QStringLiteral("did not accept the code")), qPrintable(text));
        dialog = qobject_cast<SecondFactorDialog*>(openFromBar(bar, a));
        QVERIFY(dialog);
        QCOMPARE(labelText(dialog, "secondFactorReason"), a.message);
        QVERIFY(SecondFactorDialog::isCode(QStringLiteral("12345678")));
        QVERIFY(!SecondFactorDialog::isCode(QStringLiteral("1234567a")));
    }

    void keychainUnavailable_data() { addKindRows(); }
    void keychainUnavailable()
    {
        QFETCH(ServiceKind, kind);
        QFETCH(AuthScheme, auth);
        QFETCH(QString, user);
        const Config config = configWith(kind, auth, user);
        AttentionBar bar(&config);
        bar.show();
        QSignalSpy sessionOnly(&bar, &AttentionBar::sessionOnlyRequested);
        QSignalSpy dismissed(&bar, &AttentionBar::dismissed);
        const Attention a = attentionFor(Attention::Kind::KeychainUnavailable, kind);

        auto* dialog = qobject_cast<KeychainUnavailableDialog*>(openFromBar(bar, a));
        QVERIFY(dialog);
        QCOMPARE(labelText(dialog, "keychainMessage"), a.message);
        auto* keep = dialog->findChild<QPushButton*>(QStringLiteral("sessionOnlyButton"));
        QVERIFY(keep);
        QCOMPARE(keep->text(), QStringLiteral("Keep secrets for this session only"));
        dialog->findChild<QPushButton*>(QStringLiteral("cancelButton"))->click();
        QCOMPARE(sessionOnly.size(), 0);
        QCOMPARE(dismissed.size(), 1);

        dialog = qobject_cast<KeychainUnavailableDialog*>(openFromBar(bar, a));
        QVERIFY(dialog);
        dialog->findChild<QPushButton*>(QStringLiteral("sessionOnlyButton"))->click();
        QCOMPARE(sessionOnly.size(), 1);
    }

    void keychainItemWithoutService()
    {
        AttentionBar bar(nullptr);
        bar.show();
        Attention a;
        a.kind = Attention::Kind::KeychainUnavailable;
        a.message = QStringLiteral("The keychain is locked.");
        bar.add(a);
        QVERIFY(bar.findChild<QWidget*>(QStringLiteral("attentionItem_keychain")));
        QVERIFY(bar.findChild<QPushButton*>(QStringLiteral("attentionButton_keychain")));
    }

    void barListsEveryItemAndClearClosesItsDialog()
    {
        Config config = configWith(ServiceKind::Proxmox, AuthScheme::PveToken, QStringLiteral("u@pve!t"));
        AttentionBar bar(&config);
        bar.show();
        bar.add(attentionFor(Attention::Kind::CertificateUntrusted, ServiceKind::Proxmox));
        bar.add(attentionFor(Attention::Kind::SecretMissing, ServiceKind::Portainer));
        bar.add(attentionFor(Attention::Kind::SecretMissing, ServiceKind::HomeAssistant));
        QCOMPARE(bar.items().size(), 3);
        QVERIFY(!bar.openDialog());
        // The same (host, service) again replaces its item.
        bar.add(attentionFor(Attention::Kind::SecretRejected, ServiceKind::Portainer));
        QCOMPARE(bar.items().size(), 3);
        QCOMPARE(bar.items().at(1).kind, Attention::Kind::SecretRejected);
        const QString portainerText =
            bar.findChild<QWidget*>(AttentionBar::itemName(kHost, QStringLiteral("portainer")))
                ->findChild<QLabel*>(QStringLiteral("attentionText"))
                ->text();
        QVERIFY2(portainerText.contains(QStringLiteral("401")), qPrintable(portainerText));

        // Answered elsewhere: the item goes and its open dialog closes without an answer.
        QSignalSpy dismissed(&bar, &AttentionBar::dismissed);
        QSignalSpy secret(&bar, &AttentionBar::secretEntered);
        bar.findChild<QPushButton*>(AttentionBar::buttonName(kHost, QStringLiteral("homeassistant")))->click();
        QPointer<QDialog> dialog = bar.openDialog();
        QVERIFY(dialog);
        bar.clear(kHost, QStringLiteral("homeassistant"));
        QVERIFY(!bar.openDialog());
        QVERIFY(hlc::test::waitFor([&dialog] { return dialog.isNull(); }, 2000));
        QCOMPARE(bar.items().size(), 2);
        QCOMPARE(dismissed.size(), 0);
        QCOMPARE(secret.size(), 0);
    }

private:
    void checkSecretPrompt(Attention::Kind k)
    {
        QFETCH(ServiceKind, kind);
        QFETCH(AuthScheme, auth);
        QFETCH(QString, user);
        QFETCH(QString, secretWord);
        const Config config = configWith(kind, auth, user);
        AttentionBar bar(&config);
        bar.show();
        QSignalSpy entered(&bar, &AttentionBar::secretEntered);
        QSignalSpy dismissed(&bar, &AttentionBar::dismissed);
        Attention a = attentionFor(k, kind);

        auto* dialog = qobject_cast<SecretEntryDialog*>(openFromBar(bar, a));
        QVERIFY(dialog);
        const QString what = labelText(dialog, "secretWhat");
        QVERIFY2(what.contains(kHostName) && what.contains(serviceKindTitle(kind)) && what.contains(secretWord),
                 qPrintable(what));
        const QString reason = labelText(dialog, "secretReason");
        if (k == Attention::Kind::SecretRejected)
            QVERIFY2(reason.contains(QStringLiteral("refused")) && reason.contains(QStringLiteral("401")),
                     qPrintable(reason));
        else
            QVERIFY2(reason.contains(QStringLiteral("No secret is stored")), qPrintable(reason));
        auto* edit = dialog->findChild<QLineEdit*>(QStringLiteral("secretEdit"));
        QVERIFY(edit);
        QCOMPARE(edit->echoMode(), QLineEdit::Password);
        QVERIFY(edit->text().isEmpty()); // never the old secret
        auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveSecretButton"));
        QVERIFY(!save->isEnabled());
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(entered.size(), 0);

        QTest::keyClicks(edit, QStringLiteral("s3cret-value"));
        QVERIFY(save->isEnabled());
        save->click();
        QCOMPARE(entered.size(), 1);
        QCOMPARE(entered.at(0).at(0).toString(), kHost);
        QCOMPARE(entered.at(0).at(1).toString(), serviceKindName(kind));
        QCOMPARE(entered.at(0).at(2).toString(), QStringLiteral("s3cret-value"));
        QCOMPARE(dismissed.size(), 0);

        // Cancel: dismissed, nothing stored.
        dialog = qobject_cast<SecretEntryDialog*>(openFromBar(bar, a));
        QVERIFY(dialog);
        QVERIFY(dialog->findChild<QLineEdit*>(QStringLiteral("secretEdit"))->text().isEmpty());
        dialog->findChild<QPushButton*>(QStringLiteral("cancelButton"))->click();
        QCOMPARE(entered.size(), 1);
        QCOMPARE(dismissed.size(), 1);
    }
};

QTEST_MAIN(TestAttentionGui)
#include "TestAttentionGui.moc"
