// The Alerts tab's silences against the REAL Alertmanager from Debian (started on free loopback ports with
// Prometheus and node_exporter, as TestInboxRealAlertmanager does): an active and a pending silence made by someone
// else are listed with who, why, until, matchers and state; expiring one asks first, is audited, and is followed to
// what Alertmanager then says about the silence.
#include "RealMonitoringStack.h"
#include "TestUtil.h"
#include "alertmanager/AlertmanagerClient.h"
#include "core/AuditLog.h"
#include "core/Homelab.h"
#include "core/MainWindow.h"
#include "core/MessageBox.h"
#include "core/SecretStore.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertsView.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>

using namespace hlc;
using hlc::test::Capture;
using hlc::test::RealMonitoringStack;
using hlc::test::waitFor;

class TestSilencesReal : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RealMonitoringStack> m_stack;
    QNetworkAccessManager* m_nam = nullptr;

    Config config() const
    {
        Config c;
        HostConfig h;
        h.id = QStringLiteral("host-a");
        h.name = QStringLiteral("this-machine");
        h.address = QStringLiteral("127.0.0.1");
        ServiceConfig p;
        p.id = QStringLiteral("prometheus");
        p.kind = ServiceKind::Prometheus;
        p.baseUrl = m_stack->prometheusUrl();
        p.prometheusInstance = m_stack->nodeInstance();
        p.timeoutMs = 5000;
        h.services << p;
        ServiceConfig a;
        a.id = QStringLiteral("alertmanager");
        a.kind = ServiceKind::Alertmanager;
        a.baseUrl = m_stack->alertmanagerUrl();
        a.timeoutMs = 5000;
        h.services << a;
        c.hosts << h;
        c.refreshIntervalMs = 1000;
        return c;
    }

    am::AlertmanagerClient* client()
    {
        Endpoint e;
        e.baseUrl = m_stack->alertmanagerUrl();
        e.timeoutMs = 5000;
        e.maxRetries = 0;
        return new am::AlertmanagerClient(m_nam, e, this);
    }

    /// Creates a silence directly in Alertmanager (as another user would): its id.
    QString create(const QString& alertname, const QString& by, const QString& comment, qint64 startInS, qint64 endInS)
    {
        am::Silence s;
        s.matchers << am::Matcher{QStringLiteral("alertname"), alertname, false, true}
                   << am::Matcher{QStringLiteral("instance"), QStringLiteral("nas:9100"), false, true};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        s.startsAt = now.addSecs(startInS);
        s.endsAt = now.addSecs(endInS);
        s.createdBy = by;
        s.comment = comment;
        Capture<Result<QString>> got;
        client()->createSilence(s, this, got.callback());
        if (!got.wait() || !got.value->ok())
            return {};
        return got.value->value();
    }

    std::optional<am::Silence> read(const QString& id)
    {
        Capture<Result<am::Silence>> got;
        client()->silence(id, this, got.callback());
        if (!got.wait() || !got.value->ok())
            return std::nullopt;
        return got.value->value();
    }

    static int rowOf(QTableWidget* t, const QString& id)
    {
        for (int r = 0; r < t->rowCount(); ++r) {
            if (t->item(r, 0) && t->item(r, 0)->data(Qt::UserRole).toString() == id)
                return r;
        }
        return -1;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        HLC_REQUIRE_REAL(RealMonitoringStack::unavailable());
        m_stack = std::make_unique<RealMonitoringStack>();
        QString error;
        QVERIFY2(m_stack->start(&error), qPrintable(error));
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanupTestCase() { m_stack.reset(); }

    void listsAndExpiresSilences()
    {
        const QString active = create(QStringLiteral("DiskAlmostFull"), QStringLiteral("alice"),
                                      QStringLiteral("Replacing the disk tonight"), 0, 2 * 3600);
        const QString pending = create(QStringLiteral("BackupLate"), QStringLiteral("bob"),
                                       QStringLiteral("Maintenance window on Saturday"), 3600, 5 * 3600);
        QVERIFY2(!active.isEmpty() && !pending.isEmpty(), qPrintable(m_stack->logs()));

        SecretStore secrets;
        Homelab homelab(config(), QString(), &secrets, m_nam);
        MainWindow window(&homelab);
        window.resize(1280, 800);
        window.show();
        homelab.start();
        AlertsView* view = window.alertsView();
        window.tabs()->setCurrentWidget(view);
        QTableWidget* table = view->silencesTable();
        QVERIFY(waitFor([&] { return rowOf(table, active) >= 0 && rowOf(table, pending) >= 0; }, 30000));

        // Who, why, until, matchers, state: as Alertmanager stores them.
        const int a = rowOf(table, active);
        QCOMPARE(table->item(a, 0)->text(), QStringLiteral("active"));
        QCOMPARE(table->item(a, 2)->text(), QStringLiteral("alice"));
        QCOMPARE(table->item(a, 3)->text(), QStringLiteral("Replacing the disk tonight"));
        QCOMPARE(table->item(a, 4)->text(), QStringLiteral("alertname=\"DiskAlmostFull\", instance=\"nas:9100\""));
        QCOMPARE(table->item(a, 1)->text(),
                 QLocale().toString(read(active)->endsAt.toLocalTime(), QLocale::ShortFormat));
        const int p = rowOf(table, pending);
        QVERIFY2(table->item(p, 0)->text().startsWith(QStringLiteral("pending (from ")),
                 qPrintable(table->item(p, 0)->text()));
        QCOMPARE(table->item(p, 2)->text(), QStringLiteral("bob"));
        hlc::test::evidence(QStringLiteral("real Alertmanager %1: %2 silences listed (active by alice, pending by bob)")
                                .arg(m_stack->alertmanagerVersion())
                                .arg(table->rowCount()));

        const QString dir = qEnvironmentVariable("HLC_SILENCES_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(waitFor([view] { return view->table()->model()->rowCount() > 0; }, 30000));
            QVERIFY(window.grab().save(dir + QStringLiteral("/silences.png")));
        }

        // "No" sends nothing.
        table->selectRow(rowOf(table, active));
        MessageBox::setNextAnswer(QMessageBox::No);
        view->expireSelectedSilence();
        QVERIFY(MessageBox::lastQuestion().contains(QStringLiteral("alertname=\"DiskAlmostFull\"")));
        QCOMPARE(read(active)->state, QStringLiteral("active"));

        // "Yes": expired, followed to Alertmanager's own word, audited, and gone from the list.
        QSignalSpy expired(homelab.alerts(), &AlertCenter::silenceExpired);
        table->selectRow(rowOf(table, active));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        view->expireSelectedSilence();
        QVERIFY(waitFor([&] { return expired.count() > 0; }, 15000));
        QCOMPARE(expired.first().at(0).toString(), active);
        QVERIFY2(expired.first().at(1).toBool(), qPrintable(expired.first().at(2).toString()));
        QCOMPARE(read(active)->state, QStringLiteral("expired"));
        QVERIFY(waitFor([&] { return rowOf(table, active) < 0; }, 15000));
        QVERIFY(rowOf(table, pending) >= 0);
        QVERIFY2(
            view->findChild<QLabel*>(QStringLiteral("alertsResultLabel"))->text().contains(QStringLiteral("expired")),
            qPrintable(view->findChild<QLabel*>(QStringLiteral("alertsResultLabel"))->text()));
        int audited = 0; // this silence's outcome line (the log file may hold earlier runs)
        for (const AuditEntry& e : homelab.audit()->entries()) {
            if (e.action == QLatin1String("expire-silence") && e.outcome == QLatin1String("ok"))
                audited += (e.taskId == active || e.target.contains(active)) ? 1 : 0;
        }
        QCOMPARE(audited, 1);
        hlc::test::evidence(QStringLiteral("expired %1 in the real Alertmanager: it then reports 'expired', one audit "
                                           "line, %2 silence left in the table")
                                .arg(active.left(8))
                                .arg(table->rowCount()));
        homelab.stop();
    }
};

QTEST_MAIN(TestSilencesReal)
#include "TestSilencesReal.moc"
