#include "metrics/AlertCenter.h"

#include "alertmanager/AlertmanagerClient.h"
#include "core/ActionJournal.h"
#include "core/ServiceDirectory.h"
#include "prometheus/PrometheusClient.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSet>
#include <QTimer>

Q_LOGGING_CATEGORY(lcAlerts, "hlc.app.alerts")

namespace hlc {

namespace {

AlertEntry::Severity severityOf(const QString& s)
{
    const QString v = s.toLower();
    if (v == QLatin1String("critical") || v == QLatin1String("error") || v == QLatin1String("page"))
        return AlertEntry::Severity::Critical;
    if (v == QLatin1String("warning") || v == QLatin1String("warn"))
        return AlertEntry::Severity::Warning;
    return AlertEntry::Severity::Info;
}

Notification::Severity notificationSeverity(AlertEntry::Severity s)
{
    switch (s) {
    case AlertEntry::Severity::Critical:
        return Notification::Severity::Critical;
    case AlertEntry::Severity::Warning:
        return Notification::Severity::Warning;
    case AlertEntry::Severity::Info:
        break;
    }
    return Notification::Severity::Info;
}

QString durationText(qint64 seconds)
{
    // Plain ints for the counts: lupdate 6.4 drops a translate() whose arguments hold a cast.
    const int hours = static_cast<int>(seconds / 3600), minutes = static_cast<int>(seconds / 60);
    if (seconds % 3600 == 0)
        return QCoreApplication::translate("hlc::AlertCenter", "%n h", nullptr, hours);
    return QCoreApplication::translate("hlc::AlertCenter", "%n min", nullptr, minutes);
}

QString defaultUser()
{
    QString u = qEnvironmentVariable("USER");
    if (u.isEmpty())
        u = qEnvironmentVariable("USERNAME");
    return u.isEmpty() ? QStringLiteral("unknown") : u;
}

} // namespace

AlertCenter::AlertCenter(ServiceDirectory* services, ActionJournal* journal, QObject* parent)
    : QObject(parent)
    , m_config(services->config())
    , m_journal(journal)
    , m_timer(new QTimer(this))
    , m_user(defaultUser())
{
    // The first Alertmanager of the configuration; without one, the first Prometheus (its /api/v1/alerts).
    for (const HostConfig& h : m_config.hosts) {
        for (const ServiceConfig& s : h.services) {
            if (s.kind == ServiceKind::Alertmanager && !m_am) {
                m_am = services->alertmanager(h.id, s.id);
                m_amRef = {h.id, s.id};
            }
        }
    }
    if (!m_am) {
        for (const HostConfig& h : m_config.hosts) {
            for (const ServiceConfig& s : h.services) {
                if (s.kind == ServiceKind::Prometheus && !m_prom) {
                    m_prom = services->prometheus(h.id, s.id);
                    m_promRef = {h.id, s.id};
                }
            }
        }
    }
    setNotificationSettings(NotificationSettings::fromConfig(m_config));
    connect(m_timer, &QTimer::timeout, this, &AlertCenter::poll);
}

AlertCenter::~AlertCenter() = default;

void AlertCenter::setNotificationSettings(const NotificationSettings& s)
{
    m_notifySettings = s;
    m_policy.setSettings(s.policy);
}

const AlertEntry* AlertCenter::alert(const QString& fingerprint) const
{
    for (const AlertEntry& a : m_alerts) {
        if (a.fingerprint == fingerprint)
            return &a;
    }
    return nullptr;
}

int AlertCenter::firingCount() const
{
    int n = 0;
    for (const AlertEntry& a : m_alerts)
        n += a.state == AlertEntry::State::Firing ? 1 : 0;
    return n;
}

AlertEntry::Severity AlertCenter::worstSeverity() const
{
    AlertEntry::Severity worst = AlertEntry::Severity::Info;
    for (const AlertEntry& a : m_alerts) {
        if (a.state == AlertEntry::State::Firing && a.severity > worst)
            worst = a.severity;
    }
    return worst;
}

void AlertCenter::start(int intervalMs)
{
    if (!isConfigured())
        return;
    m_timer->start(std::max(1000, intervalMs));
    poll();
}

void AlertCenter::stop()
{
    m_timer->stop();
    if (m_call)
        m_call->cancel();
    if (m_silencesCall)
        m_silencesCall->cancel();
}

void AlertCenter::refresh()
{
    poll();
}

void AlertCenter::poll()
{
    if (m_call || !isConfigured())
        return;
    m_status.lastAttempt = QDateTime::currentDateTimeUtc();
    if (m_am) {
        pollSilences();
        m_call = m_am->alerts({}, this, [this](Result<QList<am::Alert>> r) {
            if (!r.ok()) {
                setError(r.error());
                return;
            }
            merge(r.value());
        });
        return;
    }
    m_call = m_prom->alerts(this, [this](Result<QList<prom::Alert>> r) {
        if (!r.ok()) {
            setError(r.error());
            return;
        }
        QList<am::Alert> converted;
        for (const prom::Alert& a : r.value()) {
            if (a.state == QLatin1String("firing"))
                converted.append(fromPrometheus(a.labels, a.annotations, a.activeAt));
        }
        merge(converted);
    });
}

void AlertCenter::pollSilences()
{
    if (!m_am || m_silencesCall)
        return;
    m_silencesCall = m_am->silences(this, [this](Result<QList<am::Silence>> r) {
        if (!r.ok())
            return; // the alerts' poll shows the error; the list keeps what was last read
        QList<am::Silence> current;
        for (const am::Silence& s : r.value()) {
            if (s.state != QLatin1String("expired"))
                current.append(s);
        }
        std::stable_sort(current.begin(), current.end(),
                         [](const am::Silence& a, const am::Silence& b) { return a.endsAt < b.endsAt; });
        m_silencesRead = true;
        if (current == m_silences)
            return;
        m_silences = current;
        emit silencesChanged();
    });
}

am::Alert AlertCenter::fromPrometheus(const QMap<QString, QString>& labels, const QMap<QString, QString>& annotations,
                                      const QDateTime& activeAt)
{
    am::Alert a;
    a.labels = labels;
    a.annotations = annotations;
    a.startsAt = activeAt;
    a.state = QStringLiteral("active");
    a.fingerprint = am::fingerprintOf(labels);
    return a;
}

void AlertCenter::setError(const ApiError& e)
{
    qCInfo(lcAlerts) << "alert source failed:" << e.detail;
    m_status.state = SourceStatus::State::Error;
    m_status.error = e;
    emit statusChanged();
}

QString AlertCenter::hostFor(const QMap<QString, QString>& labels) const
{
    const QString instance = labels.value(QStringLiteral("instance"));
    const QString hostLabel = labels.value(QStringLiteral("host"));
    const QString instanceHost = instance.section(QLatin1Char(':'), 0, 0);
    for (const HostConfig& h : m_config.hosts) {
        if (!hostLabel.isEmpty() && (hostLabel == h.id || hostLabel == h.name))
            return h.id;
        for (const ServiceConfig& s : h.services) {
            if (!instance.isEmpty() && s.prometheusInstance == instance)
                return h.id;
            // A host matched by labels (e.g. job="node-exporter-hostA"): an alert carrying all of them is its.
            bool all = !s.prometheusMatch.isEmpty();
            for (auto m = s.prometheusMatch.cbegin(); m != s.prometheusMatch.cend() && all; ++m)
                all = labels.value(m.key()) == m.value();
            if (all)
                return h.id;
        }
    }
    if (instanceHost.isEmpty())
        return {};
    for (const HostConfig& h : m_config.hosts) {
        if (instanceHost == h.name || (!h.address.isEmpty() && instanceHost == h.address))
            return h.id;
    }
    return {};
}

void AlertCenter::merge(const QList<am::Alert>& current)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool wasOk = m_status.state == SourceStatus::State::Ok;
    m_status.state = SourceStatus::State::Ok;
    m_status.error = {};
    m_status.lastSuccess = now;

    QList<AlertEntry> next;
    QSet<QString> present;
    QList<PolicyAlert> firing;
    for (const am::Alert& a : current) {
        if (present.contains(a.fingerprint))
            continue;
        present.insert(a.fingerprint);
        AlertEntry e;
        e.fingerprint = a.fingerprint;
        e.name = a.name();
        e.labels = a.labels;
        e.annotations = a.annotations;
        e.severityText = a.labels.value(QStringLiteral("severity"));
        e.severity = severityOf(e.severityText);
        e.summary = a.annotations.value(QStringLiteral("summary"), e.name);
        e.description = a.annotations.value(QStringLiteral("description"));
        e.hostId = hostFor(a.labels);
        e.since = a.startsAt;
        e.inhibited = a.inhibited();
        e.silenceIds = a.silencedBy;
        e.state = a.suppressed() ? AlertEntry::State::Silenced : AlertEntry::State::Firing;
        next.append(e);
        firing.append(PolicyAlert{e.fingerprint, a.suppressed()});
    }
    // Alerts that went away stay in the list as resolved for a while.
    for (const AlertEntry& old : std::as_const(m_alerts)) {
        if (present.contains(old.fingerprint))
            continue;
        AlertEntry e = old;
        if (e.state != AlertEntry::State::Resolved) {
            e.state = AlertEntry::State::Resolved;
            e.resolvedAt = now;
        }
        if (e.resolvedAt.secsTo(now) < m_resolvedRetention)
            next.append(e);
    }
    const bool changed = next != m_alerts;
    m_alerts = next;
    // The policy needs the entries (for texts) of resolved alerts too: notify before dropping them.
    notify(m_policy.evaluate(firing));
    if (changed)
        emit alertsChanged();
    if (!wasOk)
        emit statusChanged();
}

void AlertCenter::notify(const QList<NotificationPolicy::Decision>& decisions)
{
    if (!m_journal)
        return;
    // Quiet hours and maintenance windows hold notifications at the NotificationCenter (MaintenanceManager's gate),
    // so they can be summarised when they end; here only the minimum severity applies.
    const auto allowed = [this](AlertEntry::Severity s) {
        return static_cast<NotificationSettings::Severity>(s) >= m_notifySettings.minimumSeverity;
    };
    for (const NotificationPolicy::Decision& d : decisions) {
        Notification n;
        n.source = QStringLiteral("alerts");
        if (d.kind == NotificationPolicy::Decision::Kind::Summary) {
            QStringList names;
            AlertEntry::Severity worst = AlertEntry::Severity::Info;
            for (const QString& fp : d.fingerprints) {
                if (const AlertEntry* e = alert(fp)) {
                    names << e->summary;
                    worst = std::max(worst, e->severity);
                }
            }
            if (!allowed(worst))
                continue; // below the minimum severity
            n.severity = notificationSeverity(worst);
            const int changed = static_cast<int>(d.fingerprints.size()); // lupdate drops a cast in translate()
            n.title = QCoreApplication::translate("hlc::AlertCenter", "%n alerts changed", nullptr, changed);
            n.body = names.join(QStringLiteral("; "));
            m_journal->notify(n);
            continue;
        }
        const AlertEntry* e = alert(d.fingerprints.value(0));
        if (!e || !allowed(e->severity))
            continue;
        n.hostId = e->hostId;
        n.itemKey = QStringLiteral("alert/") + e->fingerprint;
        const QString where = e->labels.value(QStringLiteral("instance"));
        switch (d.kind) {
        case NotificationPolicy::Decision::Kind::Firing:
        case NotificationPolicy::Decision::Kind::Repeat:
            n.severity = notificationSeverity(e->severity);
            n.title = e->summary;
            n.body = e->description.isEmpty() ? e->name : e->description;
            if (d.kind == NotificationPolicy::Decision::Kind::Repeat)
                n.body = tr("Still firing: %1").arg(n.body);
            if (!where.isEmpty())
                n.body += QLatin1String(" (") + where + QLatin1Char(')');
            break;
        case NotificationPolicy::Decision::Kind::Resolved:
            n.severity = Notification::Severity::Success;
            n.title = tr("Resolved: %1").arg(e->summary);
            n.body = tr("%1 has stopped firing.").arg(e->name);
            break;
        case NotificationPolicy::Decision::Kind::Summary:
            break;
        }
        m_journal->notify(n);
    }
}

ActionTarget AlertCenter::silenceTarget(const QString& hostId, const QString& id, const QString& label) const
{
    ActionTarget t;
    t.hostId = hostId;
    t.service = m_am ? ServiceKind::Alertmanager : ServiceKind::Prometheus;
    t.kind = ActionTarget::Kind::Silence;
    t.id = id;
    t.label = label;
    return t;
}

void AlertCenter::silence(const QString& fingerprint, qint64 seconds)
{
    using Outcome = ActionJournal::Outcome;
    const AlertEntry* e = alert(fingerprint);
    const ActionJournal::Entry entry =
        m_journal->begin(e ? silenceTarget(e->hostId, fingerprint, e->name) : silenceTarget({}, fingerprint, {}),
                         QStringLiteral("silence"));
    auto fail = [this, fingerprint, entry](const QString& message) {
        m_journal->finish(entry, Outcome::failed(message, tr("Silence not created"), message));
        emit silenceFinished(fingerprint, false, {}, message);
    };
    if (!m_am) {
        fail(tr("No Alertmanager is configured: silences need one."));
        return;
    }
    if (!e) {
        fail(tr("The alert is no longer known."));
        return;
    }
    am::Silence s;
    for (auto it = e->labels.cbegin(); it != e->labels.cend(); ++it)
        s.matchers.append({it.key(), it.value(), false, true});
    s.startsAt = QDateTime::currentDateTimeUtc();
    s.endsAt = s.startsAt.addSecs(seconds);
    s.createdBy = m_user;
    s.comment = tr("Silenced for %1 from Homelab Control Center by %2").arg(durationText(seconds), m_user);
    const QString summary = e->summary;
    m_am->createSilence(s, this, [this, fingerprint, summary, seconds, fail, entry](Result<QString> r) {
        if (!r.ok()) {
            fail(r.error().message);
            return;
        }
        const QString id = r.value();
        const QString message = tr("Silenced \"%1\" for %2.").arg(summary, durationText(seconds));
        Outcome o = Outcome::ok(tr("Alert silenced"), message);
        o.taskId = id;
        o.detail = QStringLiteral("%1 s by %2").arg(seconds).arg(m_user);
        m_journal->finish(entry, o);
        emit silenceFinished(fingerprint, true, id, message);
        poll();
    });
}

void AlertCenter::expireSilence(const QString& silenceId)
{
    if (!m_am)
        return;
    const ActionJournal::Entry entry =
        m_journal->begin(silenceTarget({}, silenceId, {}), QStringLiteral("expire-silence"));
    m_am->deleteSilence(silenceId, this, [this, silenceId, entry](Result<bool> r) {
        using Outcome = ActionJournal::Outcome;
        if (!r.ok()) {
            m_journal->finish(entry, Outcome::failed(r.error().message, tr("Silence not expired"), r.error().message));
            emit silenceExpired(silenceId, false, r.error().message);
            poll();
            return;
        }
        // The answer to DELETE only says it was accepted: the silence itself says whether it is over.
        m_am->silence(silenceId, this, [this, silenceId, entry](Result<am::Silence> s) {
            const bool expired = s.ok() && s.value().state == QLatin1String("expired");
            const QString message =
                expired ? tr("Silence expired")
                        : (s.ok() ? tr("Alertmanager still reports the silence as %1").arg(s.value().state)
                                  : tr("The silence could not be read again: %1").arg(s.error().message));
            m_journal->finish(entry, expired ? Outcome::ok(message, silenceId)
                                             : Outcome::failed(message, tr("Silence not expired"), message));
            emit silenceExpired(silenceId, expired, message);
            poll();
        });
    });
}

} // namespace hlc
