// A Proxmox account with two-factor authentication, answered from the window: the attention bar and the host panel
// offer "Enter code…", a wrong code is said in the bar, the right code brings the host live, with no restart and no
// new password. Against the simulated PVE 7+ TOTP login (ProxmoxSim + ProxmoxTaskSim over HTTPS on 127.0.0.1).
#include "PveSimFixture.h"
#include "TestUtil.h"

#include "core/AttentionBar.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/SecondFactorDialog.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"
#include "guests/GuestInventory.h"
#include "guests/HostMonitor.h"
#include "overview/HostCard.h"
#include "proxmox/ProxmoxTicketSession.h"

#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStandardPaths>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kTokenUser = QStringLiteral("monitor@pve!homelab-control");
const QString kTokenSecret = QStringLiteral("0d9b7c1a-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
const QString kUser = QStringLiteral("admin@pve");
const QString kPassword = QStringLiteral("tfa-Gui-pw 7");
const QString kCode = QStringLiteral("654321");
const QString kNode = QStringLiteral("pve-thinkpad");
const QString kHost = QStringLiteral("host-a");
const QString kService = QStringLiteral("proxmox");
} // namespace

class TestPveTfaGui : public QObject
{
    Q_OBJECT

private:
    hlc::test::PveSimFixture m_pve;

    [[nodiscard]] int secondSteps() const
    {
        int n = 0;
        for (const sim::SimRequest& r : m_pve.server->requests())
            n += r.body.contains("tfa-challenge=") ? 1 : 0;
        return n;
    }

    /// Types @p code in the open two-factor dialog and clicks "Log in".
    static bool answer(AttentionBar* bar, const QString& code)
    {
        auto* d = qobject_cast<SecondFactorDialog*>(bar->openDialog());
        if (!d)
            return false;
        auto* edit = d->findChild<QLineEdit*>(QStringLiteral("secondFactorEdit"));
        auto* login = d->findChild<QPushButton*>(QStringLiteral("secondFactorLoginButton"));
        if (!edit || !login)
            return false;
        edit->setText(QStringLiteral("12"));
        if (login->isEnabled()) // not a code yet
            return false;
        edit->setText(code.left(3) + QLatin1Char(' ') + code.mid(3)); // "654 321" as an authenticator shows it
        if (!login->isEnabled())
            return false;
        login->click();
        return true;
    }

    [[nodiscard]] static QString itemText(AttentionBar* bar)
    {
        auto* row = bar->findChild<QWidget*>(AttentionBar::itemName(kHost, kService));
        auto* text = row ? row->findChild<QLabel*>(QStringLiteral("attentionText")) : nullptr;
        return text ? text->text() : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_pve.start(this, {kNode}, kTokenUser, kTokenSecret));
        m_pve.tasks->setLogin(kUser, kPassword);
        m_pve.tasks->setLoginTotp(kCode);
    }

    void codeEnteredInTheWindow()
    {
        HostConfig host;
        host.id = kHost;
        host.name = kNode;
        host.services = {m_pve.service(kNode, AuthScheme::PveTicket, kUser)};
        Config config;
        config.hosts << host;
        config.refreshIntervalMs = 1000;
        SecretStore secrets;
        secrets.setSessionOnly(true);
        bool stored = false;
        secrets.write(secretKey(kHost, kService), kPassword, nullptr,
                      [&stored](const SecretResult&) { stored = true; });
        QVERIFY(waitFor([&stored] { return stored; }));
        QNetworkAccessManager nam;
        Homelab lab(config, QString(), &secrets, &nam);
        MainWindow window(&lab);
        window.resize(1280, 800);
        window.show();
        lab.start();

        // The bar lists the item with "Enter code…"; nothing pops up by itself.
        auto* bar = window.findChild<AttentionBar*>(QStringLiteral("attentionBar"));
        QVERIFY(bar);
        QPushButton* barButton = nullptr;
        QVERIFY(waitFor(
            [&] {
                barButton = bar->findChild<QPushButton*>(AttentionBar::buttonName(kHost, kService));
                return barButton != nullptr;
            },
            15000));
        QCOMPARE(barButton->text(), QStringLiteral("Enter code…"));
        QVERIFY2(itemText(bar).contains(QLatin1String("needs a two-factor code")), qPrintable(itemText(bar)));
        QVERIFY(!bar->openDialog());
        // The host panel says why, with the same control.
        auto* panel = window.findChild<HostCard*>();
        QVERIFY(panel);
        auto* panelButton = panel->findChild<QPushButton*>(QStringLiteral("enterSecretButton"));
        const bool panelReady = waitFor(
            [&] { return panelButton->isVisibleTo(panel) && panelButton->text() == QStringLiteral("Enter code…"); });
        QVERIFY2(panelReady, qPrintable(QStringLiteral("%1 visible=%2 error=%3")
                                            .arg(panelButton->text())
                                            .arg(panelButton->isVisibleTo(panel))
                                            .arg(lab.host(kHost)->proxmoxStatus().error.message)));
        QVERIFY(panel->findChild<QLabel*>(QStringLiteral("proxmoxErrorText"))
                    ->text()
                    .contains(QLatin1String("two-factor")));
        GuestInventory* inventory = lab.inventory(kHost);
        QVERIFY(!inventory->guestsStatus().hasData());

        // A wrong code from the panel's button: said in the bar, still waiting, nothing sent with the half ticket.
        const int halfBefore = m_pve.tasks->halfTicketRequests();
        panelButton->click();
        QVERIFY(answer(bar, QStringLiteral("000000")));
        QVERIFY(waitFor([&] { return itemText(bar).contains(QLatin1String("did not accept the code")); }, 15000));
        QCOMPARE(secondSteps(), 1);
        QVERIFY(lab.host(kHost)->ticketSession()->needsSecondFactor());

        // The right code from the bar's button: the dialog shows why it asks again; then live, the item gone.
        barButton = bar->findChild<QPushButton*>(AttentionBar::buttonName(kHost, kService));
        QVERIFY(barButton);
        barButton->click();
        QVERIFY(bar->openDialog());
        auto* reason = bar->openDialog()->findChild<QLabel*>(QStringLiteral("secondFactorReason"));
        QVERIFY(reason && reason->text().contains(QLatin1String("did not accept the code")));
        if (!qEnvironmentVariableIsEmpty("HLC_TFA_SCREENSHOT_DIR")) {
            QVERIFY(waitFor([&] { return bar->openDialog()->isVisible(); }));
            QVERIFY(bar->openDialog()->grab().save(
                QDir(qEnvironmentVariable("HLC_TFA_SCREENSHOT_DIR")).filePath(QStringLiteral("pve-two-factor.png"))));
        }
        QVERIFY(answer(bar, kCode));
        QVERIFY(waitFor([&] { return !bar->findChild<QWidget*>(AttentionBar::itemName(kHost, kService)); }, 15000));
        QVERIFY(waitFor([&] { return inventory->guestsStatus().hasData() && !inventory->guests().isEmpty(); }, 15000));
        QVERIFY(waitFor([&] { return lab.host(kHost)->proxmoxStatus().state == SourceStatus::State::Ok; }, 15000));
        QVERIFY(waitFor([&] { return !panelButton->isVisibleTo(panel); }));
        QCOMPARE(secondSteps(), 2);
        QCOMPARE(m_pve.tasks->halfTicketRequests() - halfBefore, 0);
        // The code travelled in the one POST body only.
        for (const sim::SimRequest& r : m_pve.server->requests()) {
            QVERIFY(!r.query.toString().contains(kCode));
            for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it)
                QVERIFY2(!it.value().contains(kCode.toUtf8()), it.key().constData());
        }
        const qsizetype guests = inventory->guests().size();
        lab.stop();
        hlc::test::evidence(QStringLiteral("PVE two-factor from the window: 'Enter code…' in the bar and on the host "
                                           "panel, wrong code said in the bar, right code live with %1 guests; %2 "
                                           "second steps, 0 requests with the half ticket")
                                .arg(guests)
                                .arg(secondSteps()));
    }
};

QTEST_MAIN(TestPveTfaGui)
#include "TestPveTfaGui.moc"
