// The window as the user left it: geometry, open tab, splitter sizes, column sort order restored in a new window
// (MainWindow::setKeepState, QSettings), and the View and Help menus: Alt+N pages, next/previous host, About.
#include "TestUtil.h"

#include "core/Config.h"
#include "core/Homelab.h"
#include "core/HostDetailView.h"
#include "core/MainWindow.h"
#include "core/SecretStore.h"
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
};

QTEST_MAIN(TestWindowState)
#include "TestWindowState.moc"
