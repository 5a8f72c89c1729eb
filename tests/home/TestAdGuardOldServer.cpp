// AdGuard Home older than v0.107.27 has no POST /control/protection (404) and no pause timer. The app reads the
// version (v0.105.2, v0.107.55, edge, dev), switches protection through POST /control/dns_config there, ends a
// timed pause itself and says so in the view. The simulator's old-server mode is spec-checked.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "SimAdGuard.h"
#include "SimHttpServer.h"
#include "adguard/AdGuardVersion.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/MessageBox.h"
#include "core/NotificationCenter.h"
#include "core/ServiceDirectory.h"
#include "home/AdGuardMonitor.h"
#include "home/AdGuardView.h"
#include "home/HomeServices.h"

#include <QComboBox>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace hlc;
using hlc::test::waitFor;

class TestAdGuardOldServer : public QObject
{
    Q_OBJECT

private:
    sim::SimHttpServer* m_server = nullptr;
    sim::SimAdGuard* m_sim = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    hlc::test::SpecCheck m_spec;
    QTemporaryDir m_dir;

    Config config() const
    {
        HostConfig h;
        h.id = QStringLiteral("host-a");
        h.name = QStringLiteral("pve-thinkpad");
        ServiceConfig s;
        s.id = QStringLiteral("adguard");
        s.kind = ServiceKind::AdGuard;
        QUrl u = m_server->baseUrl();
        u.setPath(QStringLiteral("/control"));
        s.baseUrl = u;
        s.auth = AuthScheme::Basic;
        s.user = QStringLiteral("admin");
        s.timeoutMs = 2000;
        h.services << s;
        Config c;
        c.hosts << h;
        return c;
    }
    [[nodiscard]] int requests(const QByteArray& method, const char* path) const
    {
        int n = 0;
        for (const sim::SimRequest& r : m_server->requests())
            n += r.method == method && r.path == QLatin1String(path) ? 1 : 0;
        return n;
    }
    std::pair<int, QByteArray> raw(const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        QUrl u = m_server->baseUrl();
        u.setPath(path);
        QNetworkRequest req(u);
        req.setRawHeader("Authorization", "Basic " + QByteArray("admin:pw").toBase64());
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        QNetworkReply* reply = m_nam->sendCustomRequest(req, method, body);
        waitFor([reply] { return reply->isFinished(); }, 5000);
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_server = new sim::SimHttpServer(this);
        QVERIFY(m_server->listen(false));
        m_sim = new sim::SimAdGuard(m_server, QStringLiteral("admin"), QStringLiteral("pw"), this);
        m_sim->setVersion(QStringLiteral("v0.105.2"));
        m_nam = new QNetworkAccessManager(this);
    }

    void versions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("known");
        QTest::addColumn<bool>("development");
        QTest::addColumn<int>("minor");
        QTest::addColumn<int>("patch");
        QTest::addColumn<bool>("timedPause");
        QTest::newRow("v0.105.2") << "v0.105.2" << true << false << 105 << 2 << false;
        QTest::newRow("v0.107.26") << "v0.107.26" << true << false << 107 << 26 << false;
        QTest::newRow("v0.107.27") << "v0.107.27" << true << false << 107 << 27 << true;
        QTest::newRow("v0.107.55") << "v0.107.55" << true << false << 107 << 55 << true;
        QTest::newRow("beta v0.108.0-b.5") << "v0.108.0-b.5" << true << false << 108 << 0 << true;
        QTest::newRow("no v, two parts") << "0.106" << true << false << 106 << 0 << false;
        QTest::newRow("edge") << "edge" << false << true << 0 << 0 << true;
        QTest::newRow("dev") << "dev" << false << true << 0 << 0 << true;
        QTest::newRow("missing") << "" << false << false << 0 << 0 << true; // try, fall back on 404
    }
    void versions()
    {
        QFETCH(QString, text);
        QFETCH(bool, known);
        QFETCH(bool, development);
        QFETCH(int, minor);
        QFETCH(int, patch);
        QFETCH(bool, timedPause);
        const adguard::AdGuardVersion v = adguard::AdGuardVersion::parse(text);
        QCOMPARE(v.known, known);
        QCOMPARE(v.development, development);
        QCOMPARE(v.minor, minor);
        QCOMPARE(v.patch, patch);
        QCOMPARE(v.hasTimedPause(), timedPause);
    }

    /// The old-server mode answers as v0.105 did; the only deviation from today's spec is the field that came later.
    void oldServerModeMatchesTheSpec()
    {
        const QString spec = QStringLiteral("adguardhome/openapi.yaml");
        HLC_REQUIRE_REAL(m_spec.unavailable(spec));
        const auto [status, body] = raw("GET", QStringLiteral("/control/status"));
        QCOMPARE(status, 200);
        QVERIFY(body.contains("\"v0.105.2\"") && !body.contains("protection_disabled_duration"));
        const QString v =
            m_spec.violations(spec, QStringLiteral("GET"), QStringLiteral("/control/status"), status, body);
        // today's spec requires protection_disabled_duration (new in v0.107.27); nothing else may differ
        QVERIFY2(v.contains(QLatin1String("protection_disabled_duration")), qPrintable(v));
        QCOMPARE(v.count(QLatin1String("protection_disabled_duration")), 1);
        QVERIFY2(!v.contains(QLatin1String("version")) && !v.contains(QLatin1String("dns_addresses")), qPrintable(v));
        const auto [p404, b404] = raw("POST", QStringLiteral("/control/protection"), R"({"enabled":false})");
        QCOMPARE(p404, 404);
        QCOMPARE(b404, QByteArray("404 page not found\n"));
        const auto [cfg, cfgBody] =
            raw("POST", QStringLiteral("/control/dns_config"), R"({"protection_enabled":false})");
        QCOMPARE(cfg, 200);
        const QString cv =
            m_spec.violations(spec, QStringLiteral("POST"), QStringLiteral("/control/dns_config"), cfg, cfgBody);
        QVERIFY2(cv.isEmpty(), qPrintable(cv));
        QVERIFY(!m_sim->protectionEnabled());
        m_sim->setProtection(true, 0);
        hlc::test::evidence(QStringLiteral("AdGuard old-server mode (v0.105.2): /status differs from the v0.107 spec "
                                           "only by protection_disabled_duration; /protection 404; /dns_config 200 "
                                           "spec-checked"));
    }

    /// Paused before the first /status read: /protection answers 404, the monitor switches through /dns_config
    /// once, and ends the timed pause itself.
    void pauseFallsBackAndTheAppEndsIt()
    {
        AuditLog audit(m_dir.filePath(QStringLiteral("audit.jsonl")));
        NotificationCenter notes;
        ActionJournal journal(&audit, &notes);
        const Config c = config();
        ServiceDirectory services(c, nullptr, m_nam);
        AdGuardMonitor m(c.hosts.first(), c.hosts.first().services.first(), &services, &journal);
        services.applySecret(QStringLiteral("host-a"), QStringLiteral("adguard"), QStringLiteral("pw"));
        QVERIFY(m.serverTimesPauses()); // nothing known yet
        const int protectionPosts = requests("POST", "/control/protection");
        const int configPosts = requests("POST", "/control/dns_config");
        QSignalSpy finished(&m, &AdGuardMonitor::actionFinished);
        m.pause(2000);
        QVERIFY(waitFor([&] { return finished.count() == 1; }));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        const QString msg = finished.first().at(1).toString();
        QVERIFY2(msg.contains(QLatin1String("AdGuard Home v0.105.2 has no pause timer")), qPrintable(msg));
        QVERIFY(msg.contains(QLatin1String("only while it is running")));
        QCOMPARE(requests("POST", "/control/protection") - protectionPosts, 1);
        QCOMPARE(requests("POST", "/control/dns_config") - configPosts, 1);
        QVERIFY(!m.serverTimesPauses());
        QVERIFY(m.pauseTimedByApp());
        QVERIFY(!m.pausedIndefinitely());
        QVERIFY(!m_sim->protectionEnabled());
        // The app's timer ends the pause: protection on again through /dns_config, audited as a resume.
        QVERIFY(waitFor([&] { return finished.count() == 2; }, 15000));
        QVERIFY(m_sim->protectionEnabled());
        QVERIFY(!m.pauseTimedByApp());
        QCOMPARE(requests("POST", "/control/protection") - protectionPosts, 1); // never tried again
        QCOMPARE(audit.entries().last().action, QStringLiteral("resume-protection"));
        hlc::test::evidence(QStringLiteral("AdGuard v0.105.2: pause via /control/dns_config after one 404, ended by "
                                           "the app (%1 dns_config posts)")
                                .arg(requests("POST", "/control/dns_config") - configPosts));
    }

    /// The view tells the user that the pause depends on the app, and shows who ends it.
    void viewExplainsTheOldServer()
    {
        ServiceDirectory directory(config(), nullptr, m_nam);
        HomeServices services(&directory, new ActionJournal(nullptr, nullptr, this));
        services.start(60000);
        directory.applySecret(QStringLiteral("host-a"), QStringLiteral("adguard"), QStringLiteral("pw"));
        AdGuardMonitor* m = services.adGuards().first();
        AdGuardView view(&services);
        view.show();
        QVERIFY(waitFor([m] { return m->status().has_value(); }));
        auto* note = view.findChild<QLabel*>(QStringLiteral("pauseTimerNote"));
        QVERIFY(note);
        QVERIFY(waitFor([note] { return note->isVisible(); }));
        QVERIFY2(note->text().contains(QLatin1String("AdGuard Home v0.105.2 has no pause timer")),
                 qPrintable(note->text()));
        QVERIFY(note->text().contains(QLatin1String("only while it is running")));
        auto* duration = view.findChild<QComboBox*>(QStringLiteral("pauseDuration"));
        duration->setCurrentIndex(duration->findData(600'000));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        view.findChild<QPushButton*>(QStringLiteral("pauseButton"))->click();
        auto* remaining = view.findChild<QLabel*>(QStringLiteral("pauseRemainingLabel"));
        QVERIFY(waitFor([remaining] { return remaining->text().contains(QLatin1String("this app ends the pause")); }));
        QVERIFY(!m_sim->protectionEnabled());
        view.findChild<QPushButton*>(QStringLiteral("resumeButton"))->click();
        QVERIFY(waitFor([this] { return m_sim->protectionEnabled(); }));
        QVERIFY(waitFor([m] { return !m->pauseTimedByApp(); }));
        hlc::test::evidence(QStringLiteral("AdGuard view on v0.105.2: note shown, pause labelled as ended by the app"));
    }

    /// Real servers can count more blocked than total queries: no share above 100 %, the raw counts instead. The
    /// simulator's answer in that state still matches the spec.
    void blockedShareNeverAbove100()
    {
        m_sim->setCounters(100, 209);
        const QString spec = QStringLiteral("adguardhome/openapi.yaml");
        if (m_spec.unavailable(spec).isEmpty()) {
            const auto [status, body] = raw("GET", QStringLiteral("/control/stats"));
            QCOMPARE(status, 200);
            const QString v =
                m_spec.violations(spec, QStringLiteral("GET"), QStringLiteral("/control/stats"), status, body);
            QVERIFY2(v.isEmpty(), qPrintable(v));
        }
        ServiceDirectory directory(config(), nullptr, m_nam);
        HomeServices services(&directory, new ActionJournal(nullptr, nullptr, this));
        services.start(60000);
        directory.applySecret(QStringLiteral("host-a"), QStringLiteral("adguard"), QStringLiteral("pw"));
        AdGuardMonitor* m = services.adGuards().first();
        AdGuardView view(&services);
        view.show();
        QVERIFY(waitFor([m] { return m->stats().has_value(); }));
        auto* percent = view.findChild<QLabel*>(QStringLiteral("blockedPercentLabel"));
        // "–" until the view shows the monitor's stats.
        QVERIFY(waitFor([percent] { return percent->text().contains(QLatin1String(" blocked")); }));
        QVERIFY2(percent->text().contains(QLatin1String("blocked of 100 queries")), qPrintable(percent->text()));
        QVERIFY2(!percent->text().contains(QLatin1Char('%')), qPrintable(percent->text()));
        hlc::test::evidence(QStringLiteral("AdGuard blocked > total: '%1'").arg(percent->text()));
    }

    /// A current server keeps the server-side pause and shows no note.
    void currentServerKeepsServerPause()
    {
        m_sim->setVersion(QStringLiteral("v0.107.55"));
        AuditLog audit(m_dir.filePath(QStringLiteral("audit2.jsonl")));
        NotificationCenter notes;
        ActionJournal journal(&audit, &notes);
        const Config c = config();
        ServiceDirectory services(c, nullptr, m_nam);
        AdGuardMonitor m(c.hosts.first(), c.hosts.first().services.first(), &services, &journal);
        services.applySecret(QStringLiteral("host-a"), QStringLiteral("adguard"), QStringLiteral("pw"));
        m.start(60000);
        QVERIFY(waitFor([&m] { return m.status().has_value(); }));
        QVERIFY(m.serverTimesPauses());
        const int configPosts = requests("POST", "/control/dns_config");
        QSignalSpy finished(&m, &AdGuardMonitor::actionFinished);
        m.pause(60000);
        QVERIFY(waitFor([&] { return finished.count() == 1; }));
        QVERIFY(!m.pauseTimedByApp());
        QVERIFY(m_sim->pauseRemainingMs() > 50000);
        QCOMPARE(requests("POST", "/control/dns_config"), configPosts);
        m.resume();
        QVERIFY(waitFor([this] { return m_sim->protectionEnabled(); }));
        m_sim->setVersion(QStringLiteral("v0.105.2"));
    }
};

QTEST_MAIN(TestAdGuardOldServer)
#include "TestAdGuardOldServer.moc"
