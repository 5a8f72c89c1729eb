// The inbox's acknowledge and snooze against the REAL Prometheus, node_exporter and Alertmanager from Debian (started
// on free loopback ports, as TestRealMonitoring does): acknowledging a firing alert creates a silence whose matchers
// are exactly its labels, the alert leaves the open list as acknowledged, and the app expires the silence when the
// textfile-driven rule resolves; also when the app was not running at that moment (a new inbox on the same state
// file). A snooze is a silence with the reason in its comment, and unsnooze expires it. A maintenance window of the
// host silences its alerts (its Prometheus instance) until the window ends (injected clock), holds the recovery
// notice inside it and summarises it at the end; quiet hours hold a warning, let a critical one through and summarise
// at their end. Suppress needs a reason, is a silence with it, unsuppress expires it, and it ends by its expiry.
#include "RealMonitoringStack.h"
#include "TestUtil.h"
#include "alertmanager/AlertmanagerClient.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/NotificationCenter.h"
#include "core/ServiceDirectory.h"
#include "metrics/AlertCenter.h"
#include "metrics/AlertInbox.h"
#include "metrics/MaintenanceManager.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace hlc;
using hlc::test::Capture;
using hlc::test::RealMonitoringStack;
using hlc::test::waitFor;

class TestInboxRealAlertmanager : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RealMonitoringStack> m_stack;
    QNetworkAccessManager* m_nam = nullptr;
    QTemporaryDir m_dir;

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
        return c;
    }

    Endpoint amEndpoint() const
    {
        Endpoint e;
        e.baseUrl = m_stack->alertmanagerUrl();
        e.timeoutMs = 5000;
        e.maxRetries = 0;
        return e;
    }

    /// One app instance: its services, alert center and inbox on the state file @p statePath.
    struct App
    {
        App(const Config& config, QNetworkAccessManager* nam, AuditLog* audit, const QString& statePath)
            : journal(audit, &notifications)
            , services(config, nullptr, nam)
            , alerts(&services, &journal)
            , inbox(&journal, statePath)
            , maintenance(&journal, &notifications, statePath + QStringLiteral(".maintenance"))
        {
            inbox.setUserName(QStringLiteral("tester"));
            maintenance.setUserName(QStringLiteral("tester"));
            const auto clock = [this] { return QDateTime::currentDateTimeUtc().addSecs(offsetSeconds); };
            inbox.setClock(clock);
            maintenance.setClock(clock);
            maintenance.setConfig(config);
            maintenance.setAlertCenter(&alerts);
            inbox.setAlertCenter(&alerts);
            inbox.setMaintenance(&maintenance);
        }
        qint64 offsetSeconds = 0; ///< the injected clock runs this far ahead of the real one
        NotificationCenter notifications;
        ActionJournal journal;
        ServiceDirectory services;
        AlertCenter alerts;
        AlertInbox inbox;
        MaintenanceManager maintenance;

        /// Notifications shown (not held) whose title contains @p text.
        int shown(const QString& text) const
        {
            return static_cast<int>(std::count_if(notifications.history().cbegin(), notifications.history().cend(),
                                                  [&](const Notification& n) { return n.title.contains(text); }));
        }

        /// The inbox item of the alert named @p name.
        const InboxItem* byName(const QString& name) const
        {
            for (const InboxItem& i : inbox.items()) {
                if (i.source == InboxItem::Source::Alert && i.labels.value(QStringLiteral("alertname")) == name)
                    return &i;
            }
            return nullptr;
        }
        bool pollUntil(const std::function<bool()>& done, int timeoutMs = 30000)
        {
            return waitFor(
                [&] {
                    alerts.refresh();
                    QTest::qWait(500);
                    return done();
                },
                timeoutMs);
        }
    };

    std::optional<am::Silence> silence(const QString& id)
    {
        am::AlertmanagerClient client(m_nam, amEndpoint());
        Capture<Result<am::Silence>> got;
        client.silence(id, this, got.callback());
        if (!got.wait() || !got.value->ok())
            return std::nullopt;
        return got.value->value();
    }

    /// Every silence in /api/v2/silences.
    QList<am::Silence> silences()
    {
        am::AlertmanagerClient client(m_nam, amEndpoint());
        Capture<Result<QList<am::Silence>>> list;
        client.silences(this, list.callback());
        if (!list.wait() || !list.value->ok())
            return {};
        return list.value->value();
    }

    /// Whether Alertmanager still lists an alert named @p name.
    bool amHasAlert(const QString& name)
    {
        am::AlertmanagerClient client(m_nam, amEndpoint());
        Capture<Result<QList<am::Alert>>> got;
        client.alerts({}, this, got.callback());
        if (!got.wait() || !got.value->ok())
            return true;
        for (const am::Alert& a : got.value->value()) {
            if (a.name() == name)
                return true;
        }
        return false;
    }

    static QList<AuditEntry> lines(const AuditLog& audit, const QString& action, const QString& outcome)
    {
        QList<AuditEntry> out;
        for (const AuditEntry& e : audit.entries()) {
            if (e.service == QLatin1String("inbox") && e.action == action && e.outcome == outcome)
                out << e;
        }
        return out;
    }

    /// Sets the textfile value so HlcTextfileHigh fires, and acknowledges it in @p app: the silence's id.
    QString fireAndAcknowledge(App& app)
    {
        const QString name = QLatin1String(RealMonitoringStack::kTextfileHigh);
        m_stack->setTextfileValue(10);
        if (!app.pollUntil([&] {
                const InboxItem* i = app.byName(name);
                return i && i->state == InboxItem::State::Open;
            }))
            return {};
        QSignalSpy done(&app.inbox, &AlertInbox::actionFinished);
        app.inbox.acknowledge(app.byName(name)->key, 6 * 3600);
        if (!done.wait(10000) || !done.first().at(1).toBool())
            return {};
        return app.byName(name) ? app.byName(name)->silenceId : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        HLC_REQUIRE_REAL(RealMonitoringStack::unavailable());
        QVERIFY(m_dir.isValid());
        m_stack = std::make_unique<RealMonitoringStack>();
        QString error;
        QVERIFY2(m_stack->start(&error), qPrintable(error));
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanupTestCase() { m_stack.reset(); }

    void acknowledgeSilencesExactlyAndExpiresOnResolution()
    {
        AuditLog audit(m_dir.filePath(QStringLiteral("ack-audit.jsonl")));
        const QString statePath = m_dir.filePath(QStringLiteral("ack-inbox.json"));
        const QString name = QLatin1String(RealMonitoringStack::kTextfileHigh);
        auto app = std::make_unique<App>(config(), m_nam, &audit, statePath);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QString id = fireAndAcknowledge(*app);
        QVERIFY2(!id.isEmpty(), qPrintable(m_stack->logs()));
        const InboxItem acked = *app->byName(name);
        QCOMPARE(acked.state, InboxItem::State::Acknowledged);

        // The silence as Alertmanager stores it: exactly the alert's labels, equal and no regex.
        std::optional<am::Silence> s;
        for (const am::Silence& x : silences()) {
            if (x.id == id)
                s = x;
        }
        QVERIFY(s);
        QVERIFY(s->active());
        QCOMPARE(s->matchers.size(), acked.labels.size());
        for (const am::Matcher& m : s->matchers) {
            QVERIFY2(!m.isRegex && m.isEqual, qPrintable(m.name));
            QCOMPARE(m.value, acked.labels.value(m.name));
        }
        QVERIFY(acked.labels.contains(QStringLiteral("instance")));
        QCOMPARE(s->createdBy, QStringLiteral("tester"));
        QVERIFY2(s->comment.contains(QLatin1String("Acknowledged by tester")), qPrintable(s->comment));
        // The maximum end the operator chose (6 h), never open-ended.
        QVERIFY(s->endsAt >= before.addSecs(6 * 3600 - 60) && s->endsAt <= before.addSecs(6 * 3600 + 300));

        // Alertmanager now reports it silenced; the inbox keeps it as acknowledged, not needing the operator.
        QVERIFY(app->pollUntil([&] {
            const AlertEntry* e = app->alerts.alert(acked.fingerprint);
            return e && e->state == AlertEntry::State::Silenced;
        }));
        QCOMPARE(app->byName(name)->state, InboxItem::State::Acknowledged);
        QVERIFY(!app->byName(name)->needsOperator());
        QCOMPARE(lines(audit, QStringLiteral("acknowledge"), QStringLiteral("ok")).size(), 1);

        // Restart while acknowledged: a new instance on the same state file shows it acknowledged.
        app.reset();
        app = std::make_unique<App>(config(), m_nam, &audit, statePath);
        QVERIFY(app->pollUntil([&] {
            const InboxItem* i = app->byName(name);
            return i && i->state == InboxItem::State::Acknowledged && i->silenceId == id;
        }));

        // The rule resolves: the app expires the silence at once (long before its 6 h end).
        m_stack->setTextfileValue(1);
        QVERIFY2(app->pollUntil(
                     [&] {
                         const std::optional<am::Silence> now = silence(id);
                         return now && now->state == QLatin1String("expired");
                     },
                     60000),
                 qPrintable(m_stack->logs()));
        QVERIFY(app->byName(name) == nullptr);
        QCOMPARE(lines(audit, QStringLiteral("ack-resolved"), QStringLiteral("ok")).size(), 1);
        hlc::test::evidence(QStringLiteral("real Alertmanager %1: acknowledge made silence %2 with %3 exact "
                                           "matchers, kept across a new inbox instance, expired when the rule "
                                           "resolved")
                                .arg(m_stack->alertmanagerVersion(), id)
                                .arg(acked.labels.size()));
    }

    void silenceOfAnAlertResolvedWhileTheAppWasClosedIsExpiredOnStart()
    {
        AuditLog audit(m_dir.filePath(QStringLiteral("restart-audit.jsonl")));
        const QString statePath = m_dir.filePath(QStringLiteral("restart-inbox.json"));
        const QString name = QLatin1String(RealMonitoringStack::kTextfileHigh);
        auto app = std::make_unique<App>(config(), m_nam, &audit, statePath);
        const QString id = fireAndAcknowledge(*app);
        QVERIFY2(!id.isEmpty(), qPrintable(m_stack->logs()));
        app.reset(); // the app quits

        m_stack->setTextfileValue(1);
        QVERIFY(waitFor(
            [&] {
                QTest::qWait(500);
                return !amHasAlert(name);
            },
            60000));
        std::optional<am::Silence> meanwhile = silence(id);
        QVERIFY(meanwhile);
        QCOMPARE(meanwhile->state, QStringLiteral("active")); // nobody expired it yet

        app = std::make_unique<App>(config(), m_nam, &audit, statePath); // the app starts again
        QVERIFY(app->pollUntil([&] {
            const std::optional<am::Silence> now = silence(id);
            return now && now->state == QLatin1String("expired");
        }));
        QCOMPARE(lines(audit, QStringLiteral("ack-resolved"), QStringLiteral("ok")).size(), 1);
        QFile f(statePath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains(id.toUtf8()));
        hlc::test::evidence(QStringLiteral("silence %1 of an alert that resolved while the app was closed: active "
                                           "until the next start, then expired by the app")
                                .arg(id));
    }

    void snoozeIsASilenceWithTheReasonAndUnsnoozeExpiresIt()
    {
        AuditLog audit(m_dir.filePath(QStringLiteral("snooze-audit.jsonl")));
        App app(config(), m_nam, &audit, m_dir.filePath(QStringLiteral("snooze-inbox.json")));
        const QString name = QLatin1String(RealMonitoringStack::kAlwaysFiring);
        QVERIFY(app.pollUntil([&] {
            const InboxItem* i = app.byName(name);
            return i && i->state == InboxItem::State::Open;
        }));
        const QString key = app.byName(name)->key;
        const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(3600);
        QSignalSpy done(&app.inbox, &AlertInbox::actionFinished);
        app.inbox.snooze(key, until, QStringLiteral("planned maintenance"));
        QVERIFY(done.wait(10000));
        QVERIFY2(done.first().at(1).toBool(), qPrintable(done.first().at(2).toString()));
        const InboxItem* i = app.inbox.item(key);
        QVERIFY(i);
        QCOMPARE(i->state, InboxItem::State::Snoozed);
        const std::optional<am::Silence> s = silence(i->silenceId);
        QVERIFY(s);
        QVERIFY(s->active());
        QVERIFY2(s->comment.contains(QLatin1String("planned maintenance")), qPrintable(s->comment));
        QVERIFY2(s->comment.contains(QLatin1String("tester")), qPrintable(s->comment));
        QVERIFY(qAbs(s->endsAt.secsTo(until)) <= 2);
        const QString id = i->silenceId;

        done.clear();
        app.inbox.unsnooze(key);
        QVERIFY(done.wait(10000));
        QVERIFY(done.first().at(1).toBool());
        const std::optional<am::Silence> after = silence(id);
        QVERIFY(after);
        QCOMPARE(after->state, QStringLiteral("expired"));
        QVERIFY(app.pollUntil([&] {
            const InboxItem* x = app.inbox.item(key);
            return x && x->state == InboxItem::State::Open;
        }));
        QCOMPARE(lines(audit, QStringLiteral("snooze"), QStringLiteral("ok")).size(), 1);
        QCOMPARE(lines(audit, QStringLiteral("unsnooze"), QStringLiteral("ok")).size(), 1);
        hlc::test::evidence(QStringLiteral("snooze of %1 is silence %2 until %3 with the reason; unsnooze expired it")
                                .arg(name, id, until.toString(Qt::ISODate)));
    }

    void maintenanceWindowSilencesTheHostAndHoldsItsNotificationsUntilItEnds()
    {
        AuditLog audit(m_dir.filePath(QStringLiteral("maint-audit.jsonl")));
        App app(config(), m_nam, &audit, m_dir.filePath(QStringLiteral("maint-inbox.json")));
        NotificationSettings quick = app.alerts.notificationSettings();
        quick.policy.resolvedHoldSeconds = 0; // the recovery notice at once (held by the window)
        app.alerts.setNotificationSettings(quick);
        const QString name = QLatin1String(RealMonitoringStack::kTextfileHigh);
        m_stack->setTextfileValue(10);
        QVERIFY2(app.pollUntil([&] {
            const InboxItem* i = app.byName(name);
            return i && i->state == InboxItem::State::Open && app.shown(QStringLiteral("Test value is high")) > 0;
        }),
                 qPrintable(m_stack->logs()));

        // Maintenance of host-a now for 60 minutes: a silence on its Prometheus instance, ending with the window.
        const QDateTime started = app.maintenance.now();
        app.maintenance.startNow(QStringLiteral("host-a"), 60, QStringLiteral("kernel update"));
        QCOMPARE(app.maintenance.active().size(), 1);
        QVERIFY(waitFor([&] { return !app.maintenance.active().value(0).silenceIds.isEmpty(); }, 10000));
        const MaintenanceManager::Active window = app.maintenance.active().first();
        QCOMPARE(window.silenceIds.size(), 1);
        const QString silenceId = window.silenceIds.first();
        const std::optional<am::Silence> s = silence(silenceId);
        QVERIFY(s);
        QVERIFY(s->active());
        QCOMPARE(s->matchers.size(), 1);
        QCOMPARE(s->matchers.first().name, QStringLiteral("instance"));
        QCOMPARE(s->matchers.first().value, m_stack->nodeInstance());
        QVERIFY(!s->matchers.first().isRegex);
        QVERIFY(qAbs(s->endsAt.secsTo(started.addSecs(3600))) <= 5);
        QVERIFY2(s->comment.contains(QLatin1String("kernel update")), qPrintable(s->comment));
        QCOMPARE(s->createdBy, QStringLiteral("tester"));

        // The host's alert is silenced by Alertmanager and held in the inbox; the window is an inbox item.
        QVERIFY(app.pollUntil([&] {
            const InboxItem* i = app.byName(name);
            const AlertEntry* e = i ? app.alerts.alert(i->fingerprint) : nullptr;
            return e && e->state == AlertEntry::State::Silenced && i->state == InboxItem::State::Held;
        }));
        const QString windowItem = QStringLiteral("maintenance/") + window.key;
        QVERIFY(app.inbox.item(windowItem));
        QCOMPARE(app.inbox.item(windowItem)->state, InboxItem::State::Held);

        // The rule resolves inside the window: the recovery notice is held, not shown, and listed in the inbox.
        m_stack->setTextfileValue(1);
        QVERIFY2(app.pollUntil([&] { return !app.maintenance.held().isEmpty(); }, 60000), qPrintable(m_stack->logs()));
        const MaintenanceManager::Held held = app.maintenance.held().first();
        QVERIFY2(held.notification.title.startsWith(QLatin1String("Resolved:")), qPrintable(held.notification.title));
        QCOMPARE(held.activeKey, window.key);
        QCOMPARE(app.shown(QStringLiteral("Resolved:")), 0);
        QVERIFY(app.inbox.item(QStringLiteral("held/%1").arg(held.id)));

        // The window ends (the clock moves past it): the silence is expired, the held notice comes as one summary.
        app.offsetSeconds = 61 * 60;
        app.maintenance.tick();
        QVERIFY(app.maintenance.active().isEmpty());
        QVERIFY(waitFor(
            [&] {
                const std::optional<am::Silence> now = silence(silenceId);
                return now && now->state == QLatin1String("expired");
            },
            20000));
        QCOMPARE(app.shown(QStringLiteral("Maintenance of this-machine ended")), 1);
        const Notification summary = app.notifications.history().last();
        QVERIFY2(summary.body.contains(held.notification.title), qPrintable(summary.body));
        QVERIFY(app.maintenance.held().isEmpty());
        QVERIFY(app.inbox.item(QStringLiteral("held/%1").arg(held.id)) == nullptr);
        const InboxItem* ended = app.inbox.item(windowItem);
        QVERIFY(ended);
        QCOMPARE(ended->state, InboxItem::State::Open);
        QVERIFY2(ended->summary.contains(QLatin1String("ended")), qPrintable(ended->summary));

        const auto count = [&](const QString& action) {
            const QList<AuditEntry> all = audit.entries();
            return std::count_if(all.cbegin(), all.cend(), [&](const AuditEntry& e) {
                return e.service == QLatin1String("maintenance") && e.action == action &&
                       e.outcome == QLatin1String("ok");
            });
        };
        QCOMPARE(count(QStringLiteral("maintenance-start")), 1);
        QCOMPARE(count(QStringLiteral("maintenance-silence")), 1);
        QCOMPARE(count(QStringLiteral("held")), 1);
        QCOMPARE(count(QStringLiteral("maintenance-end")), 1);
        QVERIFY(waitFor([&] { return count(QStringLiteral("maintenance-unsilence")) == 1; }, 10000));
        hlc::test::evidence(
            QStringLiteral("real Alertmanager %1: maintenance of host-a made silence %2 {instance=\"%3\"} "
                           "ending with the window, held \"%4\", expired the silence and posted "
                           "\"%5\" when the injected clock passed the end")
                .arg(m_stack->alertmanagerVersion(), silenceId, m_stack->nodeInstance(), held.notification.title,
                     summary.title));
    }

    void quietHoursHoldAWarningLetACriticalThroughAndSummariseAtTheirEnd()
    {
        AuditLog audit(m_dir.filePath(QStringLiteral("quiet-audit.jsonl")));
        App app(config(), m_nam, &audit, m_dir.filePath(QStringLiteral("quiet-inbox.json")));
        const QTime local = app.maintenance.now().toLocalTime().time();
        NotificationSettings quiet = app.alerts.notificationSettings();
        quiet.quietHours = true;
        quiet.quietFrom = local.addSecs(-3600);
        quiet.quietTo = local.addSecs(3600);
        quiet.quietCriticalBreaksThrough = true;
        app.maintenance.setNotificationSettings(quiet);
        QVERIFY(app.maintenance.isQuiet());

        m_stack->setTextfileValue(10); // critical; HlcAlwaysFiring is a warning
        const QString always = QStringLiteral("Always firing test alert");
        QVERIFY2(app.pollUntil([&] {
            return app.shown(QStringLiteral("Test value is high")) > 0 &&
                   std::any_of(app.maintenance.held().cbegin(), app.maintenance.held().cend(),
                               [&](const MaintenanceManager::Held& h) { return h.notification.title == always; });
        }),
                 qPrintable(m_stack->logs()));
        QCOMPARE(app.shown(always), 0);
        QVERIFY(app.inbox.heldCount() >= 1);

        app.offsetSeconds = 2 * 3600; // past the end of the quiet hours
        app.maintenance.tick();
        QVERIFY(!app.maintenance.isQuiet());
        QCOMPARE(app.shown(QStringLiteral("Quiet hours ended")), 1);
        const Notification summary = app.notifications.history().last();
        QVERIFY2(summary.body.contains(always), qPrintable(summary.body));
        QVERIFY(app.maintenance.held().isEmpty());
        m_stack->setTextfileValue(1);
        hlc::test::evidence(QStringLiteral("quiet hours %1-%2: the critical alert was shown, \"%3\" was held and "
                                           "summarised as \"%4\": %5")
                                .arg(quiet.quietFrom.toString(QStringLiteral("HH:mm")),
                                     quiet.quietTo.toString(QStringLiteral("HH:mm")), always, summary.title,
                                     summary.body));
    }

    void suppressNeedsAReasonIsASilenceAndEndsByUnsuppressOrExpiry()
    {
        AuditLog audit(m_dir.filePath(QStringLiteral("suppress-audit.jsonl")));
        App app(config(), m_nam, &audit, m_dir.filePath(QStringLiteral("suppress-inbox.json")));
        const QString name = QLatin1String(RealMonitoringStack::kAlwaysFiring);
        QVERIFY(app.pollUntil([&] {
            const InboxItem* i = app.byName(name);
            return i && i->state == InboxItem::State::Open;
        }));
        const QString key = app.byName(name)->key;
        QSignalSpy done(&app.inbox, &AlertInbox::actionFinished);
        app.inbox.suppress(key, app.inbox.now().addDays(7), QStringLiteral("  "));
        QCOMPARE(done.size(), 1);
        QVERIFY(!done.first().at(1).toBool()); // no reason, no suppression
        QCOMPARE(app.inbox.item(key)->state, InboxItem::State::Open);

        done.clear();
        const QDateTime until = app.inbox.now().addDays(7);
        app.inbox.suppress(key, until, QStringLiteral("flapping test rule"));
        QVERIFY(done.wait(10000));
        QVERIFY2(done.first().at(1).toBool(), qPrintable(done.first().at(2).toString()));
        QCOMPARE(app.inbox.item(key)->state, InboxItem::State::Suppressed);
        QCOMPARE(app.inbox.item(key)->reason, QStringLiteral("flapping test rule"));
        const QString id = app.inbox.item(key)->silenceId;
        const std::optional<am::Silence> s = silence(id);
        QVERIFY(s);
        QVERIFY(s->active());
        QVERIFY2(s->comment.contains(QLatin1String("Suppressed by tester")) &&
                     s->comment.contains(QLatin1String("flapping test rule")),
                 qPrintable(s->comment));
        QVERIFY(qAbs(s->endsAt.secsTo(until)) <= 2);
        QVERIFY(app.inbox.countsText().contains(QLatin1String("1 suppressed")));

        done.clear();
        app.inbox.unsuppress(key);
        QVERIFY(done.wait(10000));
        QVERIFY(done.first().at(1).toBool());
        QCOMPARE(silence(id)->state, QStringLiteral("expired"));
        QVERIFY(
            app.pollUntil([&] { return app.inbox.item(key) && app.inbox.item(key)->state == InboxItem::State::Open; }));

        // Suppressed again for a day; the injected clock passes the expiry: it ends by itself (audited).
        done.clear();
        app.inbox.suppress(key, app.inbox.now().addDays(1), QStringLiteral("known"));
        QVERIFY(done.wait(10000));
        const QString second = app.inbox.item(key)->silenceId;
        QCOMPARE(app.inbox.item(key)->state, InboxItem::State::Suppressed);
        app.offsetSeconds = 24 * 3600 + 60;
        app.inbox.refresh();
        QVERIFY(app.inbox.item(key)->state != InboxItem::State::Suppressed);
        QCOMPARE(lines(audit, QStringLiteral("suppress"), QStringLiteral("ok")).size(), 2);
        QCOMPARE(lines(audit, QStringLiteral("unsuppress"), QStringLiteral("ok")).size(), 1);
        QCOMPARE(lines(audit, QStringLiteral("suppress-ended"), QStringLiteral("ok")).size(), 1);
        // (The real Alertmanager's clock has not moved: the test removes the second silence itself.)
        am::AlertmanagerClient client(m_nam, amEndpoint());
        Capture<Result<bool>> removed;
        client.deleteSilence(second, this, removed.callback());
        QVERIFY(removed.wait());
        hlc::test::evidence(QStringLiteral("suppress without a reason refused; with one: silence %1 until %2 with the "
                                           "reason, unsuppress expired it; a second suppression ended by the injected "
                                           "clock (audited suppress 2, unsuppress 1, suppress-ended 1)")
                                .arg(id, until.toString(Qt::ISODate)));
    }
};

QTEST_GUILESS_MAIN(TestInboxRealAlertmanager)
#include "TestInboxRealAlertmanager.moc"
