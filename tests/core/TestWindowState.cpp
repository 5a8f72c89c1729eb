// The window as the user left it: geometry, open tab, splitter sizes, column sort order restored in a new window
// (MainWindow::setKeepState, QSettings), and the View and Help menus: Alt+N pages, next/previous host, About.
#include "TestUtil.h"

#include "core/AttentionBar.h"
#include "core/Config.h"
#include "core/Homelab.h"
#include "core/HostDetailView.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
#include "core/StatusColors.h"
#include "metrics/AlertsView.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>

using namespace hlc;
using hlc::test::waitFor;

namespace {
Config twoHosts()
{
    Config config;
    for (const QString& id : {QStringLiteral("host-a"), QStringLiteral("host-b")}) {
        ServiceConfig s;
        s.id = QStringLiteral("proxmox");
        s.kind = ServiceKind::Proxmox;
        s.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:9/api2/json"));
        s.auth = AuthScheme::None;
        HostConfig h;
        h.id = id;
        h.name = id == QLatin1String("host-a") ? QStringLiteral("pve-thinkpad") : QStringLiteral("pve-ryzen");
        h.services << s;
        config.hosts << h;
    }
    return config;
}

int indexOfPage(QTabWidget* tabs, const QString& text)
{
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i) == text)
            return i;
    }
    return -1;
}
} // namespace

class TestWindowState : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("hlc-test"));
        QCoreApplication::setApplicationName(QStringLiteral("TestWindowState"));
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        QSettings().clear();
    }

    void restoredAsLeft()
    {
        SecretStore secrets;
        secrets.setSessionOnly(true);
        QNetworkAccessManager nam;
        Homelab lab(twoHosts(), QString(), &secrets, &nam);
        QList<int> sizes;
        {
            MainWindow first(&lab);
            first.setKeepState(true); // nothing saved yet: the defaults
            first.resize(1000, 700);
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            QTabWidget* tabs = first.tabs();
            const int gpu = indexOfPage(tabs, QStringLiteral("GPU / LLM"));
            QVERIFY(gpu > 0);
            QCOMPARE(tabs->currentIndex(), 0);
            auto* split = tabs->widget(gpu)->findChild<QSplitter*>();
            QVERIFY(split);
            tabs->setCurrentIndex(gpu);
            split->setSizes({180, 700});
            sizes = split->sizes();
            auto* table = first.alertsView()->findChild<QTableView*>();
            QVERIFY(table);
            table->horizontalHeader()->setSortIndicator(1, Qt::DescendingOrder);
        } // the window goes: saved

        MainWindow second(&lab);
        second.setKeepState(true);
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QTabWidget* tabs = second.tabs();
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("GPU / LLM"));
        QCOMPARE(second.size(), QSize(1000, 700));
        auto* split = tabs->currentWidget()->findChild<QSplitter*>();
        QVERIFY(waitFor([&] { return qAbs(split->sizes().value(0) - sizes.value(0)) <= 2; }));
        auto* header = second.alertsView()->findChild<QTableView*>()->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), 1);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);

        // View: Alt+N pages and next/previous host.
        auto* page3 = second.findChild<QAction*>(QStringLiteral("goToTab3Action"));
        QVERIFY(page3);
        QCOMPARE(page3->shortcut(), QKeySequence(Qt::ALT | Qt::Key_3));
        page3->trigger();
        QCOMPARE(tabs->currentIndex(), 2);
        tabs->setCurrentIndex(0);
        auto* next = second.findChild<QAction*>(QStringLiteral("nextHostAction"));
        auto* previous = second.findChild<QAction*>(QStringLiteral("previousHostAction"));
        QVERIFY(next && previous);
        QStringList visited;
        for (int i = 0; i < 3; ++i) {
            next->trigger();
            QVERIFY(qobject_cast<HostDetailView*>(tabs->currentWidget()));
            visited << tabs->tabText(tabs->currentIndex());
        }
        QCOMPARE(visited, QStringList({QStringLiteral("pve-thinkpad"), QStringLiteral("pve-ryzen"),
                                       QStringLiteral("pve-thinkpad")}));
        previous->trigger();
        QCOMPARE(tabs->tabText(tabs->currentIndex()), QStringLiteral("pve-ryzen"));

        // Help > About: the version, Qt, and where the audit log is.
        second.findChild<QAction*>(QStringLiteral("aboutAction"))->trigger();
        QMessageBox* about = nullptr;
        QVERIFY(
            waitFor([&] { return (about = second.findChild<QMessageBox*>(QStringLiteral("aboutBox"))) != nullptr; }));
        QVERIFY2(about->text().contains(QStringLiteral("9.8.7")), qPrintable(about->text()));
        QVERIFY2(about->informativeText().contains(QStringLiteral("Qt 6.")), qPrintable(about->informativeText()));
        QVERIFY(about->informativeText().contains(QStringLiteral("Audit log:")));
        about->close();
        hlc::test::evidence(QStringLiteral("window state: tab, 1000x700 geometry, splitter %1 px and a descending "
                                           "sort restored in a new window; Alt+3, next/previous host and About work")
                                .arg(split->sizes().value(0)));
    }

    /// The desktop switches to a dark palette while the window is open: every page is restyled for it (the
    /// attention bar's tint is chosen against the dark window), the open page stays; and back to light.
    void darkPaletteRestylesLive()
    {
        SecretStore secrets;
        secrets.setSessionOnly(true);
        QNetworkAccessManager nam;
        Homelab lab(twoHosts(), QString(), &secrets, &nam);
        const QPalette light = QApplication::palette();
        QVERIFY(!StatusColors::isDark(light));
        MainWindow window(&lab);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.tabs()->setCurrentIndex(2);
        const QString lightTint = StatusColors::background(StatusColors::Role::Warning, light).name();
        QVERIFY(window.attentionBar()->styleSheet().contains(lightTint));

        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x18, 0x19, 0x1b));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x2a, 0x2c, 0x30));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        QVERIFY(StatusColors::isDark(dark));
        const QString darkTint = StatusColors::background(StatusColors::Role::Warning, dark).name();
        QVERIFY(darkTint != lightTint);
        QApplication::setPalette(dark);
        QVERIFY(waitFor([&] { return window.attentionBar()->styleSheet().contains(darkTint); }));
        QCOMPARE(window.tabs()->currentIndex(), 2);
        const QString keychainStyle = window.findChild<QFrame*>(QStringLiteral("keychainBanner"))->styleSheet();
        QVERIFY(keychainStyle.contains(darkTint));
        QApplication::setPalette(light);
        QVERIFY(waitFor([&] { return window.attentionBar()->styleSheet().contains(lightTint); }));
        hlc::test::evidence(QStringLiteral("palette switch restyled the window live: warning tint %1 on dark, %2 on "
                                           "light, open page kept")
                                .arg(darkTint, lightTint));
    }
};

QTEST_MAIN(TestWindowState)
#include "TestWindowState.moc"
