#include "metrics/MaintenanceManager.h"

#include "alertmanager/AlertmanagerClient.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "metrics/AlertCenter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QTimer>

Q_LOGGING_CATEGORY(lcMaintenance, "hlc.app.maintenance")

namespace hlc {

namespace {

constexpr qint64 kEndedShownSeconds = 3600;
constexpr int kSummaryTitles = 8;

QString isoTime(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QDateTime fromIso(const QJsonValue& v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : t;
}

QString shownTime(const QDateTime& t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

QString defaultUser()
{
    QString u = qEnvironmentVariable("USER");
    if (u.isEmpty())
        u = qEnvironmentVariable("USERNAME");
    return u.isEmpty() ? QStringLiteral("unknown") : u;
}

QString matcherText(const QList<am::Matcher>& set)
{
    QStringList parts;
    for (const am::Matcher& m : set) {
        const QString op = m.isEqual ? (m.isRegex ? QStringLiteral("=~") : QStringLiteral("="))
                                     : (m.isRegex ? QStringLiteral("!~") : QStringLiteral("!="));
        parts << m.name + op + QLatin1Char('"') + m.value + QLatin1Char('"');
    }
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

MaintenanceManager::MaintenanceManager(ActionJournal* journal, NotificationCenter* notifications, QString statePath,
                                       QObject* parent)
    : QObject(parent)
    , m_journal(journal)
    , m_notifications(notifications)
    , m_statePath(std::move(statePath))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_user(defaultUser())
    , m_timer(new QTimer(this))
{
    load();
    if (m_notifications) {
        QPointer<MaintenanceManager> self(this);
        m_notifications->setGate([self](const Notification& n) { return self && self->hold(n); });
    }
    m_timer->setInterval(30 * 1000);
    connect(m_timer, &QTimer::timeout, this, &MaintenanceManager::tick);
    m_timer->start();
}

MaintenanceManager::~MaintenanceManager()
{
    if (m_notifications)
        m_notifications->setGate({});
}

QString MaintenanceManager::defaultStatePath(bool demo)
{
    return AuditLog::defaultDir() +
           (demo ? QStringLiteral("/demo-maintenance.json") : QStringLiteral("/maintenance.json"));
}

void MaintenanceManager::setConfig(const Config& config)
{
    m_config = config;
    m_scheduled = MaintenanceWindow::fromConfig(config);
    m_settings = NotificationSettings::fromConfig(config);
    tick();
}

void MaintenanceManager::setNotificationSettings(const NotificationSettings& settings)
{
    m_settings = settings;
    tick();
}

void MaintenanceManager::setAlertCenter(AlertCenter* alerts)
{
    m_alerts = alerts;
    // Occurrences restored from the state file, or started before the alert center was known, get their silences.
    for (const Active& a : std::as_const(m_active)) {
        if (a.silenceIds.isEmpty())
            createSilences(a.key);
    }
}

void MaintenanceManager::setClock(Clock clock)
{
    m_clock = std::move(clock);
    tick();
}

const MaintenanceManager::Active* MaintenanceManager::activeFor(const QString& hostId) const
{
    for (const Active& a : m_active) {
        if (a.hostId.isEmpty() || a.hostId == hostId)
            return &a;
    }
    return nullptr;
}

bool MaintenanceManager::isQuiet() const
{
    return m_settings.quietHours && m_settings.isQuiet(m_clock().toLocalTime().time());
}

QDateTime MaintenanceManager::quietEnd() const
{
    if (!isQuiet())
        return {};
    const QDateTime local = m_clock().toLocalTime();
    QDateTime end(local.date(), m_settings.quietTo, Qt::LocalTime);
    if (end <= local)
        end = end.addDays(1);
    return end.toUTC();
}

QString MaintenanceManager::hostName(const QString& hostId) const
{
    const HostConfig* h = m_config.host(hostId);
    return h && !h->name.isEmpty() ? h->name : hostId;
}

QString MaintenanceManager::windowName(const QString& hostId) const
{
    return hostId.isEmpty() ? tr("the whole homelab") : hostName(hostId);
}

QList<QList<am::Matcher>> MaintenanceManager::defaultMatchers(const QString& hostId) const
{
    QList<QList<am::Matcher>> sets;
    if (hostId.isEmpty()) {
        sets.append({am::Matcher{QStringLiteral("alertname"), QStringLiteral(".+"), true, true}});
        return sets;
    }
    const HostConfig* h = m_config.host(hostId);
    if (!h)
        return sets;
    // The same labels AlertCenter maps alerts to this host by.
    for (const ServiceConfig& s : h->services) {
        if (!s.prometheusInstance.isEmpty()) {
            const QList<am::Matcher> set{{QStringLiteral("instance"), s.prometheusInstance, false, true}};
            if (!sets.contains(set))
                sets.append(set);
        }
        if (!s.prometheusMatch.isEmpty()) {
            QList<am::Matcher> set;
            for (auto it = s.prometheusMatch.cbegin(); it != s.prometheusMatch.cend(); ++it)
                set.append({it.key(), it.value(), false, true});
            if (!sets.contains(set))
                sets.append(set);
        }
    }
    if (sets.isEmpty() && !h->address.isEmpty()) {
        sets.append({am::Matcher{QStringLiteral("instance"),
                                 QRegularExpression::escape(h->address) + QStringLiteral("(:[0-9]+)?"), true, true}});
    }
    if (sets.isEmpty())
        sets.append({am::Matcher{QStringLiteral("host"), h->id, false, true}});
    return sets;
}

void MaintenanceManager::setAutomationSwitch(AutomationSwitch* automations)
{
    m_automations = automations;
    if (m_automations)
        tick();
}

void MaintenanceManager::startNow(const QString& hostId, int minutes, const QString& reason,
                                  const QStringList& automations)
{
    if (minutes <= 0) {
        emit actionFinished(false, tr("A maintenance window needs at least one minute."));
        return;
    }
    if (!hostId.isEmpty() && !m_config.host(hostId)) {
        emit actionFinished(false, tr("There is no host %1.").arg(hostId));
        return;
    }
    MaintenanceWindow w;
    const QDateTime now = m_clock();
    w.id = QStringLiteral("now-%1").arg(now.toMSecsSinceEpoch());
    w.hostId = hostId;
    w.reason = reason;
    w.automations = automations;
    w.start = now;
    w.end = now.addSecs(qint64(minutes) * 60);
    m_started << w;
    save();
    tick();
}

void MaintenanceManager::endNow(const QString& key)
{
    for (int i = 0; i < m_active.size(); ++i) {
        if (m_active.at(i).key != key)
            continue;
        // A started window is gone for good; a scheduled one comes again next time.
        const QString windowId = m_active.at(i).windowId;
        m_started.erase(std::remove_if(m_started.begin(), m_started.end(),
                                       [&](const MaintenanceWindow& w) { return w.id == windowId; }),
                        m_started.end());
        finish(i, tr("Ended by %1.").arg(m_user));
        save();
        emit changed();
        return;
    }
    emit actionFinished(false, tr("This maintenance window is not active."));
}

void MaintenanceManager::tick()
{
    if (m_ticking)
        return;
    m_ticking = true;
    const QDateTime now = m_clock();
    bool dirty = false;

    // Started windows that ran out are forgotten (their occurrence is ended below).
    QSet<QString> wanted;
    QList<std::tuple<MaintenanceWindow, QDateTime, QDateTime>> toBegin;
    const auto consider = [&](const MaintenanceWindow& w) {
        const auto occ = w.occurrenceAt(now);
        if (!occ)
            return;
        const QString key = w.id + QLatin1Char('@') + isoTime(occ->first);
        wanted.insert(key);
        const bool known =
            std::any_of(m_active.cbegin(), m_active.cend(), [&](const Active& a) { return a.key == key; });
        if (!known)
            toBegin.append({w, occ->first, occ->second});
    };
    for (const MaintenanceWindow& w : std::as_const(m_scheduled))
        consider(w);
    for (const MaintenanceWindow& w : std::as_const(m_started))
        consider(w);

    for (int i = static_cast<int>(m_active.size()) - 1; i >= 0; --i) {
        if (!wanted.contains(m_active.at(i).key)) {
            finish(i, tr("The window ended."));
            dirty = true;
        }
    }
    const qsizetype startedBefore = m_started.size();
    m_started.erase(
        std::remove_if(m_started.begin(), m_started.end(), [&](const MaintenanceWindow& w) { return w.end <= now; }),
        m_started.end());
    dirty = dirty || m_started.size() != startedBefore;
    for (const auto& [w, start, end] : toBegin) {
        begin(w, start, end);
        dirty = true;
    }

    // Quiet hours: what was held is summarised when they end.
    const bool quiet = isQuiet();
    if (quiet != m_wasQuiet) {
        audit(QStringLiteral("quiet-hours"), {},
              quiet ? QStringLiteral("quiet-started") : QStringLiteral("quiet-ended"), QStringLiteral("ok"),
              QStringLiteral("%1-%2").arg(m_settings.quietFrom.toString(QStringLiteral("HH:mm")),
                                          m_settings.quietTo.toString(QStringLiteral("HH:mm"))));
        m_wasQuiet = quiet;
        dirty = true;
    }
    if (!quiet && std::any_of(m_held.cbegin(), m_held.cend(), [](const Held& h) { return h.activeKey.isEmpty(); })) {
        release({}, tr("Quiet hours ended"));
        dirty = true;
    }

    const qsizetype endedBefore = m_ended.size();
    m_ended.erase(std::remove_if(m_ended.begin(), m_ended.end(),
                                 [&](const Active& a) { return a.endedAt.secsTo(now) >= kEndedShownSeconds; }),
                  m_ended.end());
    dirty = dirty || m_ended.size() != endedBefore;
    m_ticking = false;
    // Automations: those of active windows not handled yet (Home Assistant was not reachable), and those to turn back
    // on.
    for (const Active& a : std::as_const(m_active)) {
        if (!a.automations.isEmpty())
            switchAutomationsOff(a.key);
    }
    restoreAutomations();
    if (dirty) {
        save();
        emit changed();
    }
}

void MaintenanceManager::begin(const MaintenanceWindow& w, const QDateTime& start, const QDateTime& end)
{
    Active a;
    a.key = w.id + QLatin1Char('@') + isoTime(start);
    a.windowId = w.id;
    a.hostId = w.hostId;
    a.start = start;
    a.end = end;
    a.reason = w.reason;
    a.by = w.isScheduled() ? QString() : m_user;
    a.scheduled = w.isScheduled();
    a.automations = w.automations;
    m_active << a;
    audit(a.key, a.hostId, QStringLiteral("maintenance-start"), QStringLiteral("ok"),
          QStringLiteral("%1 until %2%3%4")
              .arg(windowName(a.hostId), isoTime(end), a.by.isEmpty() ? QString() : QStringLiteral(" by ") + a.by,
                   a.reason.isEmpty() ? QString() : QStringLiteral(": ") + a.reason));
    qCInfo(lcMaintenance) << "maintenance started" << a.key;
    emit actionFinished(true,
                        tr("Maintenance of %1 started; it ends at %2.").arg(windowName(a.hostId), shownTime(end)));
    createSilences(a.key);
    switchAutomationsOff(a.key);
}

QString MaintenanceManager::automationName(const QString& entityId) const
{
    if (m_automations) {
        for (const AutomationInfo& i : m_automations->automations()) {
            if (i.entityId == entityId && !i.name.isEmpty())
                return i.name;
        }
    }
    return entityId;
}

void MaintenanceManager::switchAutomationsOff(const QString& key)
{
    if (!m_automations)
        return;
    const auto it = std::find_if(m_active.cbegin(), m_active.cend(), [&](const Active& a) { return a.key == key; });
    if (it == m_active.cend())
        return;
    const Active a = *it;
    const auto update = [this](const QString& k, const std::function<void(Active&)>& change) {
        const auto at = std::find_if(m_active.begin(), m_active.end(), [&](const Active& x) { return x.key == k; });
        if (at == m_active.end())
            return false;
        change(*at);
        save();
        emit changed();
        return true;
    };
    for (const QString& id : a.automations) {
        if (m_automationBusy.contains(id))
            continue;
        const QString state = m_automations->automationState(id);
        if (state.isEmpty())
            continue; // its Home Assistant has not answered yet: the next tick asks again
        if (state != QLatin1String("on")) {
            // Off already (by hand, or by another window): left off, and not turned on at the end.
            audit(key, a.hostId, QStringLiteral("maintenance-automation-off"), QStringLiteral("skipped: ") + state, id);
            update(key, [&](Active& x) { x.automations.removeAll(id); });
            continue;
        }
        m_automationBusy.insert(id);
        audit(key, a.hostId, QStringLiteral("maintenance-automation-off"), QStringLiteral("requested"), id);
        QPointer<MaintenanceManager> self(this);
        m_automations->setAutomationEnabled(
            id, false, [self, key, hostId = a.hostId, id, update](bool ok, const QString& message) {
                if (!self)
                    return;
                self->m_automationBusy.remove(id);
                self->audit(key, hostId, QStringLiteral("maintenance-automation-off"),
                            ok ? QStringLiteral("ok") : QStringLiteral("failed: ") + message, id);
                const bool active = update(key, [&](Active& x) {
                    x.automations.removeAll(id);
                    if (ok)
                        x.automationsOff << id;
                });
                if (ok && !active) {
                    // The window ended while it was being turned off: back on.
                    self->m_restore << id;
                    self->save();
                    self->restoreAutomations();
                }
                const QString name = self->automationName(id);
                emit self->actionFinished(
                    ok, ok ? tr("Automation %1 is off for the maintenance window.").arg(name)
                           : tr("Automation %1 could not be turned off for the maintenance window: %2 Turn it off in "
                                "Home Assistant if it must not run now.")
                                 .arg(name, message));
            });
    }
}

void MaintenanceManager::restoreAutomations()
{
    if (!m_automations || m_restore.isEmpty())
        return;
    const QStringList ids = m_restore;
    for (const QString& id : ids) {
        if (m_automationBusy.contains(id))
            continue;
        // Another window that is still active wants it off: it turns it back on when it ends.
        const auto other = std::find_if(m_active.begin(), m_active.end(), [&](const Active& a) {
            return a.automations.contains(id) || a.automationsOff.contains(id);
        });
        if (other != m_active.end()) {
            if (!other->automationsOff.contains(id))
                other->automationsOff << id;
            other->automations.removeAll(id);
            m_restore.removeAll(id);
            save();
            continue;
        }
        const QString state = m_automations->automationState(id);
        if (state.isEmpty())
            continue; // not reachable now: tried again on the next tick
        if (state == QLatin1String("on")) {
            audit(id, {}, QStringLiteral("maintenance-automation-on"), QStringLiteral("skipped: on already"), id);
            m_restore.removeAll(id);
            m_restoreWarned.remove(id);
            save();
            continue;
        }
        m_automationBusy.insert(id);
        audit(id, {}, QStringLiteral("maintenance-automation-on"), QStringLiteral("requested"), id);
        QPointer<MaintenanceManager> self(this);
        m_automations->setAutomationEnabled(id, true, [self, id](bool ok, const QString& message) {
            if (!self)
                return;
            self->m_automationBusy.remove(id);
            self->audit(id, {}, QStringLiteral("maintenance-automation-on"),
                        ok ? QStringLiteral("ok") : QStringLiteral("failed: ") + message, id);
            const QString name = self->automationName(id);
            if (ok) {
                self->m_restore.removeAll(id);
                self->m_restoreWarned.remove(id);
                self->save();
                emit self->changed();
                emit self->actionFinished(true, tr("Automation %1 is on again after maintenance.").arg(name));
            } else if (!self->m_restoreWarned.contains(id)) {
                self->m_restoreWarned.insert(id);
                emit self->actionFinished(false, tr("Automation %1 could not be turned back on after maintenance: "
                                                    "%2 The app tries again every 30 s; you can also turn it on in "
                                                    "Home Assistant.")
                                                     .arg(name, message));
            }
        });
    }
}

void MaintenanceManager::createSilences(const QString& key)
{
    am::AlertmanagerClient* client = m_alerts ? m_alerts->alertmanagerClient() : nullptr;
    const auto it = std::find_if(m_active.cbegin(), m_active.cend(), [&](const Active& a) { return a.key == key; });
    if (!client || it == m_active.cend())
        return;
    const Active a = *it;
    QList<QList<am::Matcher>> sets;
    for (const MaintenanceWindow& w : std::as_const(m_scheduled) + m_started) {
        if (w.id == a.windowId && !w.matchers.isEmpty())
            sets.append(w.matchers);
    }
    if (sets.isEmpty())
        sets = defaultMatchers(a.hostId);
    for (const QList<am::Matcher>& set : std::as_const(sets)) {
        am::Silence s;
        s.matchers = set;
        s.startsAt = m_clock();
        s.endsAt = a.end; // Alertmanager ends it with the window even if the app is closed by then
        s.createdBy = m_user;
        s.comment = a.reason.isEmpty()
                        ? tr("Maintenance of %1 in Homelab Control Center").arg(windowName(a.hostId))
                        : tr("Maintenance of %1 in Homelab Control Center: %2").arg(windowName(a.hostId), a.reason);
        const QString matchers = matcherText(set);
        audit(key, a.hostId, QStringLiteral("maintenance-silence"), QStringLiteral("requested"), matchers);
        client->createSilence(s, this, [this, key, matchers, hostId = a.hostId](Result<QString> r) {
            if (!r.ok()) {
                audit(key, hostId, QStringLiteral("maintenance-silence"),
                      QStringLiteral("failed: ") + r.error().message, matchers);
                emit actionFinished(false,
                                    tr("The maintenance silence could not be created: %1").arg(r.error().message));
                return;
            }
            const auto at =
                std::find_if(m_active.begin(), m_active.end(), [&](const Active& x) { return x.key == key; });
            audit(key, hostId, QStringLiteral("maintenance-silence"), QStringLiteral("ok"),
                  matchers + QLatin1Char(' ') + r.value());
            if (at == m_active.end()) {
                // The window ended while the silence was being made.
                if (am::AlertmanagerClient* c = m_alerts ? m_alerts->alertmanagerClient() : nullptr)
                    c->deleteSilence(r.value(), this, [](Result<bool>) {});
                return;
            }
            at->silenceIds << r.value();
            save();
            emit changed();
            if (m_alerts)
                m_alerts->refresh();
        });
    }
}

void MaintenanceManager::finish(int index, const QString& why)
{
    Active a = m_active.takeAt(index);
    a.endedAt = m_clock();
    if (a.endedAt < a.end)
        a.end = a.endedAt;
    if (am::AlertmanagerClient* client = m_alerts ? m_alerts->alertmanagerClient() : nullptr) {
        for (const QString& id : std::as_const(a.silenceIds)) {
            client->deleteSilence(id, this, [this, key = a.key, hostId = a.hostId, id](Result<bool> r) {
                // 404 or "already expired": Alertmanager ended it with the window.
                audit(key, hostId, QStringLiteral("maintenance-unsilence"),
                      r.ok() ? QStringLiteral("ok") : QStringLiteral("failed: ") + r.error().message, id);
                if (m_alerts)
                    m_alerts->refresh();
            });
        }
    }
    for (const Held& h : std::as_const(m_held)) {
        if (h.activeKey == a.key) {
            ++a.heldCount;
            a.heldTitles << h.notification.title;
        }
    }
    audit(a.key, a.hostId, QStringLiteral("maintenance-end"), QStringLiteral("ok"),
          QStringLiteral("%1; %2 held").arg(why).arg(a.heldCount));
    for (const QString& id : std::as_const(a.automationsOff)) {
        if (!m_restore.contains(id))
            m_restore << id;
    }
    qCInfo(lcMaintenance) << "maintenance ended" << a.key << a.heldCount << "held";
    m_ended.prepend(a);
    release(a.key, tr("Maintenance of %1 ended").arg(windowName(a.hostId)));
    emit actionFinished(true, tr("Maintenance of %1 ended.").arg(windowName(a.hostId)));
    save(); // the automations to turn back on survive a crash right now
    restoreAutomations();
}

void MaintenanceManager::release(const QString& activeKey, const QString& title)
{
    QList<Held> mine;
    QList<Held> rest;
    for (const Held& h : std::as_const(m_held))
        (h.activeKey == activeKey ? mine : rest) << h;
    m_held = rest;
    if (!m_notifications)
        return;
    Notification n;
    n.source = QStringLiteral("maintenance");
    n.title = title;
    n.severity = Notification::Severity::Info;
    QStringList titles;
    for (const Held& h : std::as_const(mine)) {
        if (h.notification.severity > n.severity && h.notification.severity != Notification::Severity::Success)
            n.severity = h.notification.severity;
        if (titles.size() < kSummaryTitles)
            titles << h.notification.title;
    }
    const int count = static_cast<int>(mine.size());
    if (count == 0) {
        n.body = tr("No notifications were held.");
    } else {
        n.body = tr("%n notifications were held: ", nullptr, count) + titles.join(QStringLiteral("; "));
        if (count > titles.size())
            n.body += QStringLiteral("; …");
    }
    if (!activeKey.isEmpty()) {
        for (const Active& a : std::as_const(m_ended)) {
            if (a.key == activeKey)
                n.hostId = a.hostId;
        }
    }
    audit(activeKey.isEmpty() ? QStringLiteral("quiet-hours") : activeKey, n.hostId, QStringLiteral("released"),
          QStringLiteral("ok"), QString::number(count));
    m_notifications->release(n);
}

bool MaintenanceManager::hold(const Notification& n)
{
    // Only what the homelab tells the operator is held; the outcome of an action they started is not.
    if (n.source != QLatin1String("alerts") && n.source != QLatin1String("inbox"))
        return false;
    tick();
    Held h;
    if (const Active* a = activeFor(n.hostId)) {
        h.activeKey = a->key;
    } else if (isQuiet()) {
        if (n.severity == Notification::Severity::Critical && m_settings.quietCriticalBreaksThrough)
            return false;
    } else {
        return false;
    }
    h.id = m_nextHeld++;
    h.notification = n;
    if (!h.notification.time.isValid())
        h.notification.time = m_clock();
    m_held << h;
    audit(h.activeKey.isEmpty() ? QStringLiteral("quiet-hours") : h.activeKey, n.hostId, QStringLiteral("held"),
          QStringLiteral("ok"), n.title);
    save();
    emit changed();
    return true;
}

void MaintenanceManager::audit(const QString& target, const QString& hostId, const QString& action,
                               const QString& outcome, const QString& detail)
{
    if (!m_journal || !m_journal->audit())
        return;
    AuditEntry e;
    e.host = hostId;
    e.service = QStringLiteral("maintenance");
    e.target = m_journal->clean(target);
    e.action = action;
    e.outcome = m_journal->clean(outcome);
    e.detail = m_journal->clean(detail);
    m_journal->audit()->append(e);
}

void MaintenanceManager::load()
{
    if (m_statePath.isEmpty())
        return;
    QFile f(m_statePath);
    if (!f.exists() || !f.open(QIODevice::ReadOnly))
        return;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isObject()) {
        qCWarning(lcMaintenance) << "ignoring unreadable" << m_statePath;
        return;
    }
    const QJsonObject root = doc.object();
    for (const QJsonValue& v : root.value(QLatin1String("started")).toArray()) {
        const QJsonObject o = v.toObject();
        MaintenanceWindow w;
        w.id = o.value(QLatin1String("id")).toString();
        w.hostId = o.value(QLatin1String("host")).toString();
        w.reason = o.value(QLatin1String("reason")).toString();
        w.start = fromIso(o.value(QLatin1String("start")));
        w.end = fromIso(o.value(QLatin1String("end")));
        for (const QJsonValue& id : o.value(QLatin1String("automations")).toArray())
            w.automations << id.toString();
        if (!w.id.isEmpty() && w.start.isValid() && w.end.isValid())
            m_started << w;
    }
    for (const QJsonValue& v : root.value(QLatin1String("active")).toArray()) {
        const QJsonObject o = v.toObject();
        Active a;
        a.key = o.value(QLatin1String("key")).toString();
        a.windowId = o.value(QLatin1String("windowId")).toString();
        a.hostId = o.value(QLatin1String("host")).toString();
        a.start = fromIso(o.value(QLatin1String("start")));
        a.end = fromIso(o.value(QLatin1String("end")));
        a.reason = o.value(QLatin1String("reason")).toString();
        a.by = o.value(QLatin1String("by")).toString();
        a.scheduled = o.value(QLatin1String("scheduled")).toBool();
        for (const QJsonValue& id : o.value(QLatin1String("silenceIds")).toArray())
            a.silenceIds << id.toString();
        for (const QJsonValue& id : o.value(QLatin1String("automations")).toArray())
            a.automations << id.toString();
        for (const QJsonValue& id : o.value(QLatin1String("automationsOff")).toArray())
            a.automationsOff << id.toString();
        if (!a.key.isEmpty())
            m_active << a;
    }
    for (const QJsonValue& v : root.value(QLatin1String("held")).toArray()) {
        const QJsonObject o = v.toObject();
        Held h;
        h.id = m_nextHeld++;
        h.activeKey = o.value(QLatin1String("activeKey")).toString();
        h.notification.source = o.value(QLatin1String("source")).toString();
        h.notification.severity = static_cast<Notification::Severity>(
            std::clamp(o.value(QLatin1String("severity")).toInt(), 0, int(Notification::Severity::Critical)));
        h.notification.title = o.value(QLatin1String("title")).toString();
        h.notification.body = o.value(QLatin1String("body")).toString();
        h.notification.hostId = o.value(QLatin1String("host")).toString();
        h.notification.itemKey = o.value(QLatin1String("itemKey")).toString();
        h.notification.time = fromIso(o.value(QLatin1String("time")));
        m_held << h;
    }
    for (const QJsonValue& id : root.value(QLatin1String("restoreAutomations")).toArray()) {
        if (id.toString().startsWith(QLatin1String("automation.")))
            m_restore << id.toString();
    }
    m_wasQuiet = root.value(QLatin1String("quiet")).toBool();
}

void MaintenanceManager::save()
{
    if (m_statePath.isEmpty())
        return;
    QJsonArray started;
    for (const MaintenanceWindow& w : std::as_const(m_started)) {
        started.append(QJsonObject{{QStringLiteral("id"), w.id},
                                   {QStringLiteral("host"), w.hostId},
                                   {QStringLiteral("reason"), w.reason},
                                   {QStringLiteral("start"), isoTime(w.start)},
                                   {QStringLiteral("end"), isoTime(w.end)},
                                   {QStringLiteral("automations"), QJsonArray::fromStringList(w.automations)}});
    }
    QJsonArray active;
    for (const Active& a : std::as_const(m_active)) {
        active.append(QJsonObject{{QStringLiteral("key"), a.key},
                                  {QStringLiteral("windowId"), a.windowId},
                                  {QStringLiteral("host"), a.hostId},
                                  {QStringLiteral("start"), isoTime(a.start)},
                                  {QStringLiteral("end"), isoTime(a.end)},
                                  {QStringLiteral("reason"), a.reason},
                                  {QStringLiteral("by"), a.by},
                                  {QStringLiteral("scheduled"), a.scheduled},
                                  {QStringLiteral("silenceIds"), QJsonArray::fromStringList(a.silenceIds)},
                                  {QStringLiteral("automations"), QJsonArray::fromStringList(a.automations)},
                                  {QStringLiteral("automationsOff"), QJsonArray::fromStringList(a.automationsOff)}});
    }
    QJsonArray held;
    for (const Held& h : std::as_const(m_held)) {
        held.append(QJsonObject{{QStringLiteral("activeKey"), h.activeKey},
                                {QStringLiteral("source"), h.notification.source},
                                {QStringLiteral("severity"), static_cast<int>(h.notification.severity)},
                                {QStringLiteral("title"), h.notification.title},
                                {QStringLiteral("body"), h.notification.body},
                                {QStringLiteral("host"), h.notification.hostId},
                                {QStringLiteral("itemKey"), h.notification.itemKey},
                                {QStringLiteral("time"), isoTime(h.notification.time)}});
    }
    const QByteArray data =
        QJsonDocument(QJsonObject{{QStringLiteral("version"), 1},
                                  {QStringLiteral("started"), started},
                                  {QStringLiteral("active"), active},
                                  {QStringLiteral("held"), held},
                                  {QStringLiteral("restoreAutomations"), QJsonArray::fromStringList(m_restore)},
                                  {QStringLiteral("quiet"), m_wasQuiet}})
            .toJson();
    QDir().mkpath(QFileInfo(m_statePath).absolutePath());
    QSaveFile file(m_statePath);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(data) != data.size() || !file.commit()) {
        qCWarning(lcMaintenance) << "cannot write" << m_statePath << file.errorString();
        file.cancelWriting();
    }
}

} // namespace hlc
