// AdGuardMonitor against the simulated AdGuard Home on 127.0.0.1: polling, the query log filter, a pause followed
// to its outcome (read back, notified, audited) that then expires, and a wrong password shown as the source error.
#include "TestUtil.h"

#include "SimAdGuard.h"
#include "SimHttpServer.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/NotificationCenter.h"
#include "core/ServiceDirectory.h"
#include "home/AdGuardMonitor.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace hlc;
using hlc::test::waitFor;

namespace {
Config oneHost(const HostConfig& h)
{
    Config c;
    c.hosts << h;
    return c;
}
} // namespace

class TestAdGuardMonitor : public QObject
{
    Q_OBJECT

private:
    sim::SimHttpServer* m_server = nullptr;
    sim::SimAdGuard* m_sim = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    QTemporaryDir m_dir;

    std::pair<HostConfig, ServiceConfig> config() const
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
        return {h, s};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_server = new sim::SimHttpServer(this);
        QVERIFY(m_server->listen(false));
        m_sim = new sim::SimAdGuard(m_server, QStringLiteral("admin"), QStringLiteral("pw"), this);
        m_nam = new QNetworkAccessManager(this);
    }

    void pollAndPause()
    {
        AuditLog audit(m_dir.filePath(QStringLiteral("audit.jsonl")));
        NotificationCenter notes;
        const auto [h, s] = config();
        ActionJournal journal(&audit, &notes);
        ServiceDirectory services(oneHost(h), nullptr, m_nam);
        AdGuardMonitor m(h, s, &services, &journal);
        QSignalSpy updated(&m, &AdGuardMonitor::updated);
        services.applySecret(h.id, s.id, QStringLiteral("pw"));
        m.start(60000);
        QVERIFY(waitFor([&] { return m.status() && m.stats() && m.filtering() && !m.queryLog().isEmpty(); }));
        QCOMPARE(m.sourceStatus().state, SourceStatus::State::Ok);
        QVERIFY(m.status()->protectionEnabled);
        QCOMPARE(m.pauseRemainingMs(), qint64(0));

        adguard::QueryLogFilter f = m.queryFilter();
        f.blockedOnly = true;
        m.setQueryFilter(f);
        QVERIFY(waitFor([&] {
            return !m.queryLog().isEmpty() &&
                   std::all_of(m.queryLog().begin(), m.queryLog().end(), [](const auto& e) { return e.isBlocked(); });
        }));

        QSignalSpy finished(&m, &AdGuardMonitor::actionFinished);
        m.pause(5000);
        QVERIFY(m.actionInFlight());
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY2(finished.first().at(1).toString().startsWith(
                     QStringLiteral("DNS protection on pve-thinkpad is paused for 5 second")),
                 qPrintable(finished.first().at(1).toString()));
        QVERIFY(!m.status()->protectionEnabled);
        QVERIFY(m.pauseRemainingMs() > 0 && m.pauseRemainingMs() <= 5000);
        QVERIFY(!notes.history().isEmpty());
        QCOMPARE(notes.history().last().severity, Notification::Severity::Success);
        const auto entries = audit.entries();
        QVERIFY(entries.size() >= 2);
        QCOMPARE(entries.at(entries.size() - 2).outcome, QStringLiteral("requested"));
        QCOMPARE(entries.last().outcome, QStringLiteral("ok"));
        QCOMPARE(entries.last().action, QStringLiteral("pause-protection 5000ms"));
        QVERIFY(!QString::fromUtf8(AuditLog::toJsonLine(entries.last())).contains(QStringLiteral("pw")));

        // The pause ends by itself; the next poll shows protection on again.
        QVERIFY(waitFor([&] { return m.pauseRemainingMs() == 0; }, 12000));
        QTest::qWait(200);
        m.refresh();
        QVERIFY(waitFor([&] { return m.status()->protectionEnabled; }, 5000));
        hlc::test::evidence("AdGuardMonitor polled the simulated AdGuard Home, paused protection (read back, "
                            "notified, audited) and saw the pause expire");
    }

    void pauseIndefinitelyAndResume()
    {
        const auto [h, s] = config();
        ActionJournal journal(nullptr, nullptr);
        ServiceDirectory services(oneHost(h), nullptr, m_nam);
        AdGuardMonitor m(h, s, &services, &journal);
        services.applySecret(h.id, s.id, QStringLiteral("pw"));
        QSignalSpy finished(&m, &AdGuardMonitor::actionFinished);
        m.pause(0);
        QVERIFY(finished.wait(5000));
        QVERIFY(m.pausedIndefinitely());
        QCOMPARE(finished.first().at(1).toString(),
                 QStringLiteral("DNS protection on pve-thinkpad is paused until re-enabled."));
        m.resume();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.last().at(1).toString(), QStringLiteral("DNS protection on pve-thinkpad is on again."));
        QVERIFY(m_sim->protectionEnabled());
    }

    void wrongPassword()
    {
        const auto [h, s] = config();
        NotificationCenter notes;
        ActionJournal journal(nullptr, &notes);
        ServiceDirectory services(oneHost(h), nullptr, m_nam);
        AdGuardMonitor m(h, s, &services, &journal);
        services.applySecret(h.id, s.id, QStringLiteral("nope"));
        m.refresh();
        QVERIFY(waitFor([&] { return m.sourceStatus().state == SourceStatus::State::Error; }));
        QCOMPARE(m.sourceStatus().error.message,
                 QStringLiteral("AdGuard Home rejected the user name or password (HTTP 401)."));
        QSignalSpy finished(&m, &AdGuardMonitor::actionFinished);
        m.pause(60000);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(
            finished.first().at(1).toString(),
            QStringLiteral("Changing DNS protection on pve-thinkpad failed: AdGuard Home rejected the user name or "
                           "password (HTTP 401)."));
        QCOMPARE(notes.history().last().severity, Notification::Severity::Warning);
        QVERIFY(m_sim->protectionEnabled());
    }
};

QTEST_GUILESS_MAIN(TestAdGuardMonitor)
#include "TestAdGuardMonitor.moc"
