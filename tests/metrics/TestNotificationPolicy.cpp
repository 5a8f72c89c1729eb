// NotificationPolicy, each rule with an injected clock: new firing, suppressed, resolved hold (flapping), repeat
// interval, storm cap.
#include "TestUtil.h"
#include "metrics/NotificationPolicy.h"

#include <QStandardPaths>

using namespace hlc;
using Kind = NotificationPolicy::Decision::Kind;

class TestNotificationPolicy : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now = QDateTime::fromSecsSinceEpoch(1767436620, Qt::UTC);
    NotificationPolicy make(NotificationPolicy::Settings s = {})
    {
        return NotificationPolicy(s, [this] { return m_now; });
    }
    void advance(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    static PolicyAlert firing(const QString& fp, bool suppressed = false) { return PolicyAlert{fp, suppressed}; }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_now = QDateTime::fromSecsSinceEpoch(1767436620, Qt::UTC); }

    void defaults()
    {
        const NotificationPolicy p;
        QCOMPARE(p.settings().resolvedHoldSeconds, 300);
        QCOMPARE(p.settings().stormThreshold, 3);
        QCOMPARE(p.settings().stormWindowSeconds, 60);
        QCOMPARE(p.settings().repeatSeconds, 4 * 3600);
    }

    void oneNotificationPerNewFiringAlert()
    {
        auto p = make();
        auto d = p.evaluate({firing("a")});
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].kind, Kind::Firing);
        QCOMPARE(d[0].fingerprints, QList<QString>{"a"});
        for (int i = 0; i < 10; ++i) {
            advance(30);
            QVERIFY(p.evaluate({firing("a")}).isEmpty()); // still the same incident
        }
        advance(30);
        d = p.evaluate({firing("a"), firing("b")});
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].fingerprints, QList<QString>{"b"});
    }

    void noneForSilencedOrInhibited()
    {
        auto p = make();
        QVERIFY(p.evaluate({firing("a", true)}).isEmpty());
        advance(60);
        QVERIFY(p.evaluate({firing("a", true)}).isEmpty());
        // It resolves while silenced: never announced, so no resolved notice either.
        advance(60);
        QVERIFY(p.evaluate({}).isEmpty());
        advance(600);
        QVERIFY(p.evaluate({}).isEmpty());
    }

    void notifiedWhenTheSilenceEndsAndItStillFires()
    {
        auto p = make();
        QVERIFY(p.evaluate({firing("a", true)}).isEmpty());
        advance(3600);
        const auto d = p.evaluate({firing("a", false)});
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].kind, Kind::Firing);
    }

    void resolvedOnlyAfterHoldTime()
    {
        auto p = make();
        QCOMPARE(p.evaluate({firing("a")}).size(), 1);
        advance(10);
        QVERIFY(p.evaluate({}).isEmpty()); // resolved now: hold
        advance(299);
        QVERIFY(p.evaluate({}).isEmpty());
        advance(1);
        const auto d = p.evaluate({});
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].kind, Kind::Resolved);
        QCOMPARE(d[0].fingerprints, QList<QString>{"a"});
        advance(600);
        QVERIFY(p.evaluate({}).isEmpty()); // once
    }

    void flappingDoesNotSpam()
    {
        NotificationPolicy::Settings s;
        s.resolvedHoldSeconds = 120;
        auto p = make(s);
        QCOMPARE(p.evaluate({firing("a")}).size(), 1);
        for (int i = 0; i < 5; ++i) { // resolves and fires again every 60 s
            advance(60);
            QVERIFY(p.evaluate({}).isEmpty());
            advance(60);
            QVERIFY(p.evaluate({firing("a")}).isEmpty());
        }
        advance(60);
        QVERIFY(p.evaluate({}).isEmpty());
        advance(120);
        const auto d = p.evaluate({});
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].kind, Kind::Resolved);
        advance(10);
        // A new incident after the resolved notice is notified again.
        QCOMPARE(p.evaluate({firing("a")}).value(0).kind, Kind::Firing);
    }

    void reNotifyAfterRepeatInterval()
    {
        NotificationPolicy::Settings s;
        s.repeatSeconds = 3600;
        auto p = make(s);
        QCOMPARE(p.evaluate({firing("a")}).size(), 1);
        advance(3599);
        QVERIFY(p.evaluate({firing("a")}).isEmpty());
        advance(1);
        auto d = p.evaluate({firing("a")});
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].kind, Kind::Repeat);
        advance(1800);
        QVERIFY(p.evaluate({firing("a")}).isEmpty());
        advance(1800);
        QCOMPARE(p.evaluate({firing("a")}).value(0).kind, Kind::Repeat);
    }

    void stormBecomesOneSummary()
    {
        auto p = make();
        const auto d = p.evaluate({firing("a"), firing("b"), firing("c"), firing("d"), firing("e")});
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].kind, Kind::Summary);
        QCOMPARE(d[0].fingerprints.size(), 5);
        QCOMPARE(d[0].summarized.size(), 5);
        // They count as notified: no individual notifications follow.
        advance(30);
        QVERIFY(p.evaluate({firing("a"), firing("b"), firing("c"), firing("d"), firing("e")}).isEmpty());
    }

    void capCountsAcrossTheWindow()
    {
        auto p = make();
        QCOMPARE(p.evaluate({firing("a"), firing("b"), firing("c")}).size(), 3); // exactly 3: individually
        advance(20);
        auto d = p.evaluate({firing("a"), firing("b"), firing("c"), firing("d")});
        QCOMPARE(d.size(), 1); // the 4th within a minute: a summary
        QCOMPARE(d[0].kind, Kind::Summary);
        QCOMPARE(d[0].fingerprints, QList<QString>{"d"});
        advance(61); // the window has passed
        d = p.evaluate({firing("a"), firing("b"), firing("c"), firing("d"), firing("x")});
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].kind, Kind::Firing);
    }

    void resetForgets()
    {
        auto p = make();
        QCOMPARE(p.evaluate({firing("a")}).size(), 1);
        p.reset();
        QCOMPARE(p.evaluate({firing("a")}).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "TestNotificationPolicy.moc"
