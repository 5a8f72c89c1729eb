// AlertCenter against the simulated Alertmanager/Prometheus over real sockets: alerts keyed by fingerprint and
// mapped to hosts, notifications through the policy, a silence created from the app (audited), the Prometheus
// fallback without Alertmanager, and an unreachable source shown as such.
#include "MetricsSimFixture.h"
#include "TestUtil.h"
#include "alertmanager/AlertmanagerTypes.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/NotificationCenter.h"
#include "core/ServiceDirectory.h"
#include "metrics/AlertCenter.h"

#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace hlc;

class TestAlertCenter : public QObject
{
    Q_OBJECT

private:
    hlc::test::MetricsSimFixture m_sim;
    QNetworkAccessManager* m_nam = nullptr;
    QTemporaryDir m_dir;

    const AlertEntry* byName(const AlertCenter& c, const QString& name)
    {
        for (const AlertEntry& a : c.alerts()) {
            if (a.name == name)
                return &a;
        }
        return nullptr;
    }

    void gpuFiring(bool on)
    {
        // period 1000 s; firing during the first 500 s after the offset.
        const double t = m_sim.lab->elapsed();
        m_sim.prom->setGpuAlertCycle(1000, 500, on ? t - 1 : t + 100);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_sim.start(this));
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanup()
    {
        m_sim.amServer->clearFaults();
        m_sim.promServer->clearFaults();
    }

    void firingAlertIsListedAndNotifiedOnce()
    {
        gpuFiring(true);
        NotificationCenter notes;
        AuditLog audit(m_dir.filePath(QStringLiteral("a1.jsonl")));
        ActionJournal cJournal(&audit, &notes);
        ServiceDirectory cServices(m_sim.config(), nullptr, m_nam);
        AlertCenter c(&cServices, &cJournal);
        QVERIFY(c.isConfigured());
        QVERIFY(!c.usingPrometheusFallback());
        QSignalSpy changed(&c, &AlertCenter::alertsChanged);
        c.refresh();
        QVERIFY(changed.wait(5000));
        const AlertEntry* gpu = byName(c, QStringLiteral("GpuTemperatureHigh"));
        QVERIFY(gpu);
        QCOMPARE(gpu->state, AlertEntry::State::Firing);
        QCOMPARE(gpu->severity, AlertEntry::Severity::Warning);
        QCOMPARE(gpu->hostId, QStringLiteral("host-b"));
        QCOMPARE(gpu->fingerprint, am::fingerprintOf(gpu->labels));
        QCOMPARE(gpu->summary, QStringLiteral("GPU temperature high on pve-ryzen:9100"));
        QVERIFY(gpu->since.isValid());
        QCOMPARE(c.firingCount(), 1);
        QCOMPARE(c.worstSeverity(), AlertEntry::Severity::Warning);
        QCOMPARE(notes.history().size(), 1);
        QCOMPARE(notes.history().first().title, QStringLiteral("GPU temperature high on pve-ryzen:9100"));
        QCOMPARE(notes.history().first().source, QStringLiteral("alerts"));
        QCOMPARE(notes.history().first().severity, Notification::Severity::Warning);
        QCOMPARE(notes.history().first().hostId, QStringLiteral("host-b"));

        // Polling again: same alert, no second notification, no list change.
        changed.clear();
        c.refresh();
        QVERIFY(hlc::test::waitFor([&] { return c.status().lastSuccess.isValid(); }));
        QTest::qWait(200);
        QCOMPARE(notes.history().size(), 1);

        // It resolves: kept in the list as resolved; the resolved notice waits for the hold time.
        gpuFiring(false);
        c.refresh();
        QVERIFY(changed.wait(5000));
        gpu = byName(c, QStringLiteral("GpuTemperatureHigh"));
        QVERIFY(gpu);
        QCOMPARE(gpu->state, AlertEntry::State::Resolved);
        QCOMPARE(c.firingCount(), 0);
        QCOMPARE(notes.history().size(), 1);
        hlc::test::evidence(QStringLiteral("AlertCenter <-> simulated Alertmanager and Prometheus over HTTP on %1: an "
                                           "alert listed firing, notified once, then resolved")
                                .arg(m_sim.amServer->baseUrl().host()));
    }

    void silenceFromTheApp()
    {
        gpuFiring(true);
        NotificationCenter notes;
        AuditLog audit(m_dir.filePath(QStringLiteral("a2.jsonl")));
        ActionJournal cJournal(&audit, &notes);
        ServiceDirectory cServices(m_sim.config(), nullptr, m_nam);
        AlertCenter c(&cServices, &cJournal);
        c.setUserName(QStringLiteral("alice"));
        QSignalSpy changed(&c, &AlertCenter::alertsChanged);
        c.refresh();
        QVERIFY(changed.wait(5000));
        const AlertEntry* gpu = byName(c, QStringLiteral("GpuTemperatureHigh"));
        QVERIFY(gpu);
        const QString fp = gpu->fingerprint;
        QSignalSpy done(&c, &AlertCenter::silenceFinished);
        c.silence(fp, 4 * 3600);
        QVERIFY(done.wait(5000));
        QCOMPARE(done.first().at(1).toBool(), true);
        const QString id = done.first().at(2).toString();
        QCOMPARE(done.first().at(3).toString(),
                 QStringLiteral("Silenced \"GPU temperature high on pve-ryzen:9100\" for 4 h."));
        // A real silence in Alertmanager with a comment naming the app and the user.
        QCOMPARE(m_sim.am->silences().size(), 1);
        const sim::SimSilence s = m_sim.am->silences().first();
        QCOMPARE(s.id, id);
        QCOMPARE(s.createdBy, QStringLiteral("alice"));
        QCOMPARE(s.comment, QStringLiteral("Silenced for 4 h from Homelab Control Center by alice"));
        QVERIFY(qAbs(s.startsAt.secsTo(s.endsAt) - 4 * 3600) <= 1);
        // The list follows: silenced.
        QVERIFY(hlc::test::waitFor([&] {
            const AlertEntry* e = c.alert(fp);
            return e && e->state == AlertEntry::State::Silenced;
        }));
        QCOMPARE(c.alert(fp)->silenceIds, QStringList{id});
        QCOMPARE(c.firingCount(), 0);
        // Audited and posted.
        // The "requested" line was written before the silence was sent, the outcome line after.
        const QList<AuditEntry> entries = audit.entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.first().action, QStringLiteral("silence"));
        QCOMPARE(entries.first().outcome, QStringLiteral("requested"));
        QCOMPARE(entries.last().action, QStringLiteral("silence"));
        QCOMPARE(entries.last().outcome, QStringLiteral("ok"));
        QCOMPARE(entries.last().taskId, id);
        QCOMPARE(notes.history().last().title, QStringLiteral("Alert silenced"));

        c.expireSilence(id);
        QVERIFY(hlc::test::waitFor([&] {
            const AlertEntry* e = c.alert(fp);
            return e && e->state == AlertEntry::State::Firing;
        }));
        QCOMPARE(audit.entries().size(), 4);
        QCOMPARE(audit.entries().at(2).outcome, QStringLiteral("requested"));
        QCOMPARE(audit.entries().last().action, QStringLiteral("expire-silence"));
        QCOMPARE(audit.entries().last().outcome, QStringLiteral("ok"));
    }

    void silencedAlertIsNotNotified()
    {
        gpuFiring(true);
        // Someone silences the alert (here: another AlertCenter) before this app instance sees it.
        ActionJournal otherJournal(nullptr, nullptr);
        ServiceDirectory otherServices(m_sim.config(), nullptr, m_nam);
        AlertCenter other(&otherServices, &otherJournal);
        other.refresh();
        QVERIFY(hlc::test::waitFor([&] { return byName(other, QStringLiteral("GpuTemperatureHigh")) != nullptr; }));
        const QString fp = byName(other, QStringLiteral("GpuTemperatureHigh"))->fingerprint;
        QSignalSpy done(&other, &AlertCenter::silenceFinished);
        other.silence(fp, 3600);
        QVERIFY(done.wait(5000));
        QVERIFY(done.first().at(1).toBool());

        NotificationCenter notes;
        ActionJournal cJournal(nullptr, &notes);
        ServiceDirectory cServices(m_sim.config(), nullptr, m_nam);
        AlertCenter c(&cServices, &cJournal);
        QSignalSpy changed(&c, &AlertCenter::alertsChanged);
        c.refresh();
        QVERIFY(changed.wait(5000));
        QCOMPARE(c.alert(fp)->state, AlertEntry::State::Silenced);
        QCOMPARE(notes.history().size(), 0); // silenced: no notification

        other.expireSilence(done.first().at(2).toString());
        QVERIFY(hlc::test::waitFor([&] { return other.alert(fp)->state == AlertEntry::State::Firing; }));
        // The silence ended while it still fires: now it is notified.
        c.refresh();
        QVERIFY(hlc::test::waitFor([&] { return notes.history().size() == 1; }));
    }

    void prometheusFallbackWithoutAlertmanager()
    {
        gpuFiring(true);
        NotificationCenter notes;
        ActionJournal cJournal(nullptr, &notes);
        ServiceDirectory cServices(m_sim.config(false), nullptr, m_nam);
        AlertCenter c(&cServices, &cJournal);
        QVERIFY(c.usingPrometheusFallback());
        QVERIFY(!c.canSilence());
        QSignalSpy changed(&c, &AlertCenter::alertsChanged);
        c.refresh();
        QVERIFY(changed.wait(5000));
        const AlertEntry* gpu = byName(c, QStringLiteral("GpuTemperatureHigh"));
        QVERIFY(gpu);
        QCOMPARE(gpu->hostId, QStringLiteral("host-b"));
        // Same key as Alertmanager would give.
        QCOMPARE(gpu->fingerprint, sim::SimAlertmanager::fingerprint(gpu->labels));
        QSignalSpy done(&c, &AlertCenter::silenceFinished);
        c.silence(gpu->fingerprint, 3600);
        QCOMPARE(done.size(), 1);
        QCOMPARE(done.first().at(3).toString(), QStringLiteral("No Alertmanager is configured: silences need one."));
    }

    void unreachableSourceIsShown()
    {
        sim::Fault f;
        f.reset = true;
        m_sim.amServer->setFault("*", QStringLiteral("*"), f);
        ActionJournal cJournal(nullptr, nullptr);
        ServiceDirectory cServices(m_sim.config(), nullptr, m_nam);
        AlertCenter c(&cServices, &cJournal);
        QSignalSpy st(&c, &AlertCenter::statusChanged);
        c.refresh();
        QVERIFY(st.wait(5000));
        QCOMPARE(c.status().state, SourceStatus::State::Error);
        QCOMPARE(c.status().error.kind, ApiError::Kind::Network);
    }
};

QTEST_GUILESS_MAIN(TestAlertCenter)
#include "TestAlertCenter.moc"
