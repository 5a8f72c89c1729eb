#include "metrics/AlertInbox.h"

#include "agents/AgentRunner.h"
#include "alertmanager/AlertmanagerClient.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/ServiceDirectory.h"
#include "guests/GuestInventory.h"
#include "home/HealthProber.h"
#include "metrics/AlertCenter.h"
#include "metrics/MaintenanceManager.h"

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

#include <algorithm>

Q_LOGGING_CATEGORY(lcInbox, "hlc.app.inbox")

namespace hlc {

namespace {

constexpr qint64 kAgentRunWindowSeconds = 24 * 3600;
constexpr qint64 kExpireRetrySeconds = 300;

QString defaultUser()
{
    QString u = qEnvironmentVariable("USER");
    if (u.isEmpty())
        u = qEnvironmentVariable("USERNAME");
    return u.isEmpty() ? QStringLiteral("unknown") : u;
}

QString isoTime(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QString shownTime(const QDateTime& t)
{
    return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

int InboxItem::actions() const
{
    int a = Open;
    if (state == State::Open)
        a |= Acknowledge | Snooze;
    if (state == State::Open)
        a |= Suppress;
    if (state == State::Snoozed)
        a |= Unsnooze;
    if (state == State::Suppressed)
        a |= Unsuppress;
    if (source == Source::Maintenance && state == State::Held && key.startsWith(QLatin1String("maintenance/")))
        a |= EndMaintenance;
    return a;
}

AlertInbox::AlertInbox(ActionJournal* journal, QString statePath, QObject* parent)
    : QObject(parent)
    , m_journal(journal)
    , m_statePath(std::move(statePath))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_user(defaultUser())
    , m_timer(new QTimer(this))
{
    load();
    // Snoozes and acknowledgements run out by the clock, not by a source's change.
    m_timer->setInterval(60 * 1000);
    connect(m_timer, &QTimer::timeout, this, &AlertInbox::refresh);
    m_timer->start();
}

AlertInbox::~AlertInbox() = default;

QString AlertInbox::defaultStatePath(bool demo)
{
    return AuditLog::defaultDir() + (demo ? QStringLiteral("/demo-inbox.json") : QStringLiteral("/inbox.json"));
}

void AlertInbox::setAlertCenter(AlertCenter* alerts)
{
    m_alerts = alerts;
    connect(alerts, &AlertCenter::alertsChanged, this, &AlertInbox::refresh);
    // The first answer may change nothing in the list (no alerts) but makes absence meaningful.
    connect(alerts, &AlertCenter::statusChanged, this, &AlertInbox::refresh);
    refresh();
}

void AlertInbox::addInventory(GuestInventory* inventory)
{
    m_inventories << inventory;
    connect(inventory, &GuestInventory::portainerUpdated, this, &AlertInbox::refresh);
    connect(inventory, &GuestInventory::guestsUpdated, this, &AlertInbox::refresh);
    connect(inventory, &GuestInventory::proxmoxAttentionUpdated, this, &AlertInbox::refresh);
    connect(inventory, &GuestInventory::restartsUpdated, this, &AlertInbox::refresh);
    refresh();
}

void AlertInbox::setHealthProber(HealthProber* prober)
{
    m_prober = prober;
    connect(prober, &HealthProber::hostUpdated, this, &AlertInbox::refresh);
    refresh();
}

void AlertInbox::setServiceDirectory(ServiceDirectory* services)
{
    m_services = services;
    // A certificate's remaining days change by the clock: the minute timer refreshes them too.
    connect(services, &ServiceDirectory::peerCertificateChanged, this, &AlertInbox::refresh);
    refresh();
}

void AlertInbox::setAgentRunner(AgentRunner* runner)
{
    m_agents = runner;
    connect(runner, &AgentRunner::historyChanged, this, &AlertInbox::refresh);
    connect(runner, &AgentRunner::runFinished, this, &AlertInbox::refresh);
    refresh();
}

void AlertInbox::setMaintenance(MaintenanceManager* maintenance)
{
    m_maintenance = maintenance;
    connect(maintenance, &MaintenanceManager::changed, this, &AlertInbox::refresh);
    refresh();
}

MaintenanceManager* AlertInbox::maintenance() const
{
    return m_maintenance;
}

void AlertInbox::setClock(Clock clock)
{
    m_clock = std::move(clock);
    refresh();
}

const InboxItem* AlertInbox::item(const QString& key) const
{
    for (const InboxItem& i : m_items) {
        if (i.key == key)
            return &i;
    }
    return nullptr;
}

int AlertInbox::openCount() const
{
    return static_cast<int>(std::count_if(m_items.cbegin(), m_items.cend(),
                                          [](const InboxItem& i) { return i.state == InboxItem::State::Open; }));
}

int AlertInbox::acknowledgedCount() const
{
    return static_cast<int>(std::count_if(m_items.cbegin(), m_items.cend(), [](const InboxItem& i) {
        return i.state == InboxItem::State::Acknowledged;
    }));
}

int AlertInbox::snoozedCount() const
{
    return static_cast<int>(std::count_if(m_items.cbegin(), m_items.cend(),
                                          [](const InboxItem& i) { return i.state == InboxItem::State::Snoozed; }));
}

int AlertInbox::suppressedCount() const
{
    return static_cast<int>(std::count_if(m_items.cbegin(), m_items.cend(),
                                          [](const InboxItem& i) { return i.state == InboxItem::State::Suppressed; }));
}

int AlertInbox::heldCount() const
{
    return static_cast<int>(std::count_if(m_items.cbegin(), m_items.cend(),
                                          [](const InboxItem& i) { return i.state == InboxItem::State::Held; }));
}

InboxItem::Severity AlertInbox::worstOpenSeverity() const
{
    InboxItem::Severity worst = InboxItem::Severity::Info;
    for (const InboxItem& i : m_items) {
        if (i.state == InboxItem::State::Open && i.severity > worst)
            worst = i.severity;
    }
    return worst;
}

QString AlertInbox::countsText() const
{
    const int open = openCount(), acked = acknowledgedCount(), snoozed = snoozedCount();
    if (open == 0 && acked == 0 && snoozed == 0 && heldCount() == 0 && suppressedCount() == 0)
        return tr("Inbox: nothing needs attention");
    QString text = tr("Inbox: %n need attention", nullptr, open);
    if (acked > 0)
        text += QStringLiteral(", ") + tr("%n acknowledged", nullptr, acked);
    if (snoozed > 0)
        text += QStringLiteral(", ") + tr("%n snoozed", nullptr, snoozed);
    if (const int suppressed = suppressedCount(); suppressed > 0)
        text += QStringLiteral(", ") + tr("%n suppressed", nullptr, suppressed);
    if (const int held = heldCount(); held > 0)
        text += QStringLiteral(", ") + tr("%n held", nullptr, held);
    return text;
}

QDateTime AlertInbox::tomorrowMorning(const QDateTime& now)
{
    const QDateTime local = now.toLocalTime();
    return QDateTime(local.date().addDays(1), QTime(8, 0), Qt::LocalTime).toUTC();
}

bool AlertInbox::alertsKnown() const
{
    return m_alerts && m_alerts->status().hasData() && m_alerts->status().state == SourceStatus::State::Ok;
}

QList<InboxItem> AlertInbox::collect() const
{
    QList<InboxItem> out;
    if (m_alerts) {
        for (const AlertEntry& e : m_alerts->alerts()) {
            if (!e.isActive())
                continue;
            InboxItem i;
            i.key = QStringLiteral("alert/") + e.fingerprint;
            i.source = InboxItem::Source::Alert;
            i.hostId = e.hostId;
            i.severity = static_cast<InboxItem::Severity>(e.severity);
            i.since = e.since.toUTC();
            i.summary = e.summary;
            i.detail = e.description.isEmpty() ? e.name : e.description;
            i.state = e.state == AlertEntry::State::Silenced ? InboxItem::State::Silenced : InboxItem::State::Open;
            i.fingerprint = e.fingerprint;
            i.labels = e.labels;
            i.target = e.name;
            out << i;
        }
    }
    QSet<QString> nodesSeen;
    for (const QPointer<GuestInventory>& inv : m_inventories) {
        if (!inv || inv->guestsStatus().state != SourceStatus::State::Ok)
            continue;
        // The cluster's view: a node another node reports offline (one item per node, whoever reports it).
        for (const pve::Resource& n : inv->clusterNodes()) {
            if (n.status != QLatin1String("offline") || nodesSeen.contains(n.node))
                continue;
            nodesSeen.insert(n.node);
            InboxItem i;
            i.key = QStringLiteral("node/") + n.node;
            i.source = InboxItem::Source::Proxmox;
            i.hostId = inv->hostId();
            for (const QPointer<GuestInventory>& other : m_inventories) {
                if (other && other->proxmoxNode() == n.node)
                    i.hostId = other->hostId();
            }
            i.severity = InboxItem::Severity::Critical;
            i.summary = tr("Proxmox node %1 is offline").arg(n.node);
            i.detail = tr("Reported by the cluster through %1.").arg(inv->hostName());
            i.target = n.node;
            i.notifies = true;
            out << i;
        }
    }
    for (const QPointer<GuestInventory>& inv : m_inventories) {
        if (!inv)
            continue;
        // A guest Proxmox starts at boot that is not running: it should be (read from its configuration).
        if (inv->guestsStatus().state == SourceStatus::State::Ok) {
            for (const pve::Resource& g : inv->stoppedOnbootGuests()) {
                InboxItem i;
                i.key = QStringLiteral("guest/%1/%2").arg(inv->hostId()).arg(g.vmid);
                i.source = InboxItem::Source::Proxmox;
                i.hostId = inv->hostId();
                i.severity = InboxItem::Severity::Warning;
                const QString label =
                    g.name.isEmpty() ? QString::number(g.vmid) : QStringLiteral("%1 (%2)").arg(g.vmid).arg(g.name);
                i.summary = tr("Guest %1 is stopped but marked to start at boot").arg(label);
                i.detail = tr("Proxmox starts it when %1 boots, but it is not running now. Start it from the Guests "
                              "tab of %2, or clear \"Start at boot\" if it is meant to stay off.")
                               .arg(g.node, inv->hostName());
                i.target = g.id;
                i.notifies = true;
                out << i;
            }
        }
        // Tasks that failed in the last day (backups, migrations, starts): each one until it is a day old.
        if (inv->tasksStatus().state == SourceStatus::State::Ok) {
            const QDateTime now = m_clock();
            for (const pve::TaskEntry& t : inv->failedTasks()) {
                const QDateTime ended = QDateTime::fromSecsSinceEpoch(t.endtime > 0 ? t.endtime : t.starttime, Qt::UTC);
                if (ended.secsTo(now) > kAgentRunWindowSeconds)
                    continue;
                InboxItem i;
                i.key = QStringLiteral("task/%1/%2").arg(inv->hostId(), t.upid);
                i.source = InboxItem::Source::Proxmox;
                i.hostId = inv->hostId();
                i.severity = InboxItem::Severity::Warning;
                i.since = ended;
                i.summary = t.id.isEmpty() ? tr("Proxmox task %1 failed on %2").arg(t.type, t.node)
                                           : tr("Proxmox task %1 of guest %2 failed on %3").arg(t.type, t.id, t.node);
                i.detail =
                    tr("It ended with: %1. Its log is in the Proxmox web interface (task %2).").arg(t.status, t.upid);
                i.target = t.upid;
                i.notifies = true;
                out << i;
            }
        }
    }
    for (const QPointer<GuestInventory>& inv : m_inventories) {
        if (!inv)
            continue;
        QSet<QString> activeStacks;
        for (const portainer::Stack& st : inv->stacks()) {
            if (st.active())
                activeStacks.insert(st.name);
        }
        static const QRegularExpression exited(QStringLiteral("^Exited \\((\\d+)\\)"));
        const QList<GuestInventory::ContainerRestarts> rises = inv->risingRestartCounts();
        for (const portainer::Container& c : inv->containers()) {
            // Exited with an error while its stack is meant to run (a stopped stack's containers exit on purpose).
            const QRegularExpressionMatch m = exited.match(c.status);
            if (c.state == QLatin1String("exited") && m.hasMatch() && m.captured(1).toInt() != 0 &&
                !c.stack.isEmpty() && activeStacks.contains(c.stack)) {
                InboxItem i;
                i.key = QStringLiteral("container/%1/%2").arg(inv->hostId(), c.name);
                i.source = InboxItem::Source::Container;
                i.hostId = inv->hostId();
                i.severity = InboxItem::Severity::Critical;
                i.summary =
                    tr("Container %1 exited with code %2 while stack %3 is active").arg(c.name, m.captured(1), c.stack);
                i.detail = c.status;
                i.target = c.name;
                i.notifies = true;
                out << i;
                continue;
            }
            const bool restarting = c.state == QLatin1String("restarting");
            const bool unhealthy = c.running() && c.health == QLatin1String("unhealthy");
            const auto rise = std::find_if(rises.cbegin(), rises.cend(),
                                           [&c](const GuestInventory::ContainerRestarts& r) { return r.id == c.id; });
            const bool risen = rise != rises.cend();
            if (!restarting && !unhealthy && !risen)
                continue;
            InboxItem i;
            i.key = QStringLiteral("container/%1/%2").arg(inv->hostId(), c.name);
            i.source = InboxItem::Source::Container;
            i.hostId = inv->hostId();
            i.severity = restarting ? InboxItem::Severity::Critical : InboxItem::Severity::Warning;
            if (restarting) {
                i.summary = tr("Container %1 is restarting over and over").arg(c.name);
                i.detail = c.status;
            } else if (risen) {
                i.summary =
                    tr("Container %1 was restarted by Docker (restart count %2)").arg(c.name).arg(rise->restartCount);
                i.detail = tr("%1. It crashed and its restart policy started it again; this clears once it runs "
                              "without another restart.")
                               .arg(c.status);
                i.since = rise->since;
            } else {
                i.summary = tr("Container %1 is unhealthy").arg(c.name);
                i.detail = c.status;
            }
            i.target = c.name;
            i.notifies = true;
            out << i;
        }
    }
    if (m_prober) {
        for (const QString& hostId : m_prober->hostIds()) {
            for (const ProbeResult& r : m_prober->results(hostId)) {
                if (r.state != ProbeResult::State::Down)
                    continue;
                InboxItem i;
                i.key = QStringLiteral("probe/%1/%2").arg(hostId, r.probe.name);
                i.source = InboxItem::Source::Probe;
                i.hostId = hostId;
                i.severity = InboxItem::Severity::Warning;
                i.summary = tr("%1 does not answer").arg(r.probe.name);
                i.detail = r.detail;
                i.target = r.probe.name;
                i.notifies = true;
                out << i;
            }
        }
    }
    if (m_services) {
        // HTTPS certificates the services presented on their last answer: renew before they lock the app out.
        const QDateTime now = m_clock();
        for (const ServiceDirectory::PeerCertificate& c : m_services->expiringCertificates(now, certificateDays())) {
            InboxItem i;
            i.key = QStringLiteral("certificate/%1/%2").arg(c.hostId, c.serviceId);
            i.source = InboxItem::Source::Certificate;
            i.hostId = c.hostId;
            const qint64 days = now.daysTo(c.certificate.notAfter);
            const bool expired = c.certificate.notAfter <= now;
            i.severity = expired || days < 3 ? InboxItem::Severity::Critical : InboxItem::Severity::Warning;
            i.summary = expired ? tr("The certificate of %1 on %2 has expired").arg(c.serviceId, hostName(c.hostId))
                                : tr("The certificate of %1 on %2 expires in %n days", nullptr, int(days))
                                      .arg(c.serviceId, hostName(c.hostId));
            i.detail = tr("Valid until %1 (%2). Renew it on the server; if its fingerprint changes, trust the new "
                          "one when the app asks.")
                           .arg(shownTime(c.certificate.notAfter), c.certificate.subject);
            i.target = c.serviceId;
            i.notifies = true;
            out << i;
        }
    }
    if (m_agents) {
        const QDateTime now = m_clock();
        for (const agents::Run& run : m_agents->history()) {
            if (run.status != agents::RunStatus::Failed)
                continue;
            const QDateTime at = run.finishedAt.isValid() ? run.finishedAt : run.createdAt;
            if (at.isValid() && at.secsTo(now) > kAgentRunWindowSeconds)
                continue;
            InboxItem i;
            i.key = QStringLiteral("agent-run/") + run.id;
            i.source = InboxItem::Source::AgentRun;
            i.hostId = m_agents->hostId();
            i.severity = InboxItem::Severity::Warning;
            i.since = at.toUTC();
            i.summary = tr("Agent run failed: %1").arg(m_agents->runLabel(run));
            i.detail = run.error;
            i.target = run.id;
            out << i;
        }
    }
    if (m_maintenance) {
        const auto notificationSeverity = [](Notification::Severity s) {
            return s == Notification::Severity::Critical  ? InboxItem::Severity::Critical
                   : s == Notification::Severity::Warning ? InboxItem::Severity::Warning
                                                          : InboxItem::Severity::Info;
        };
        const auto where = [this](const QString& hostId) {
            return hostId.isEmpty() ? tr("the whole homelab") : hostName(hostId);
        };
        for (const MaintenanceManager::Active& a : m_maintenance->active()) {
            InboxItem i;
            i.key = QStringLiteral("maintenance/") + a.key;
            i.source = InboxItem::Source::Maintenance;
            i.hostId = a.hostId;
            i.severity = InboxItem::Severity::Info;
            i.since = a.start;
            i.summary = a.reason.isEmpty() ? tr("Maintenance of %1").arg(where(a.hostId))
                                           : tr("Maintenance of %1: %2").arg(where(a.hostId), a.reason);
            i.detail = a.reason;
            i.state = InboxItem::State::Held;
            i.until = a.end;
            i.by = a.by;
            i.reason = a.reason;
            i.target = a.key;
            out << i;
        }
        for (const MaintenanceManager::Active& a : m_maintenance->recentlyEnded()) {
            InboxItem i;
            i.key = QStringLiteral("maintenance/") + a.key;
            i.source = InboxItem::Source::Maintenance;
            i.hostId = a.hostId;
            i.severity = InboxItem::Severity::Info;
            i.since = a.endedAt;
            i.summary = tr("Maintenance of %1 ended: %n notifications held", nullptr, a.heldCount).arg(where(a.hostId));
            i.detail = a.heldTitles.join(QStringLiteral("; "));
            i.target = a.key;
            out << i;
        }
        for (const MaintenanceManager::Held& h : m_maintenance->held()) {
            InboxItem i;
            i.key = QStringLiteral("held/%1").arg(h.id);
            i.source = InboxItem::Source::Maintenance;
            i.hostId = h.notification.hostId;
            i.severity = notificationSeverity(h.notification.severity);
            i.since = h.notification.time;
            i.summary = tr("Held: %1").arg(h.notification.title);
            i.detail = h.notification.body;
            i.state = InboxItem::State::Held;
            i.target = h.activeKey;
            if (h.activeKey.isEmpty()) {
                i.until = m_maintenance->quietEnd();
                i.reason = tr("quiet hours");
            } else if (const MaintenanceManager::Active* a = m_maintenance->activeFor(h.notification.hostId)) {
                i.until = a->end;
                i.reason = tr("maintenance of %1").arg(where(a->hostId));
            }
            out << i;
        }
    }
    return out;
}

void AlertInbox::refresh()
{
    if (m_refreshing) {
        // A change while applying (a notification it posted was held by a maintenance window): once more after.
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    int rounds = 0;
    do {
        m_refreshAgain = false;
        apply(collect());
    } while (m_refreshAgain && ++rounds < 3);
    m_refreshing = false;
}

void AlertInbox::apply(QList<InboxItem> raw)
{
    const QDateTime now = m_clock();
    QSet<QString> present;
    for (const InboxItem& i : std::as_const(raw))
        present.insert(i.key);
    // Whether absence means "cleared": only once the source has answered (never on a start before its first poll).
    const auto sourceKnown = [this](const QString& key) {
        if (key.startsWith(QLatin1String("alert/")))
            return alertsKnown();
        if (key.startsWith(QLatin1String("container/"))) {
            const QString host = key.section(QLatin1Char('/'), 1, 1);
            for (const QPointer<GuestInventory>& inv : m_inventories) {
                if (inv && inv->hostId() == host)
                    return inv->portainerStatus().state == SourceStatus::State::Ok;
            }
            return false;
        }
        if (key.startsWith(QLatin1String("probe/"))) {
            // Known once that probe has an answer (a start has none yet: every probe is Unknown).
            if (!m_prober)
                return false;
            for (const ProbeResult& r : m_prober->results(key.section(QLatin1Char('/'), 1, 1))) {
                if (QStringLiteral("probe/%1/%2").arg(key.section(QLatin1Char('/'), 1, 1), r.probe.name) == key)
                    return r.state != ProbeResult::State::Unknown;
            }
            return true; // the probe is gone from the configuration
        }
        if (key.startsWith(QLatin1String("guest/")) || key.startsWith(QLatin1String("task/"))) {
            const QString host = key.section(QLatin1Char('/'), 1, 1);
            const bool guest = key.startsWith(QLatin1String("guest/"));
            for (const QPointer<GuestInventory>& inv : m_inventories) {
                if (inv && inv->hostId() == host)
                    return (guest ? inv->guestsStatus() : inv->tasksStatus()).state == SourceStatus::State::Ok;
            }
            return false;
        }
        if (key.startsWith(QLatin1String("certificate/")))
            return m_services != nullptr;
        if (key.startsWith(QLatin1String("node/"))) {
            return std::any_of(m_inventories.cbegin(), m_inventories.cend(), [](const QPointer<GuestInventory>& inv) {
                return inv && inv->guestsStatus().state == SourceStatus::State::Ok;
            });
        }
        if (key.startsWith(QLatin1String("maintenance/")) || key.startsWith(QLatin1String("held/")))
            return m_maintenance != nullptr;
        if (key.startsWith(QLatin1String("agent-run/")))
            return m_agents && m_agents->lastError().kind == ApiError::Kind::None && !m_agents->history().isEmpty();
        return false;
    };

    const QList<QString> keys = m_marks.keys();
    for (const QString& key : keys) {
        const Mark m = m_marks.value(key);
        if (m.expiring)
            continue;
        if (m.kind == Mark::Kind::Snooze) {
            if (m.until <= now)
                endMark(key, tr("The snooze ended."), QStringLiteral("snooze-ended"));
            continue;
        }
        if (m.kind == Mark::Kind::Suppress) {
            if (m.until <= now)
                endMark(key, tr("The suppression expired."), QStringLiteral("suppress-ended"));
            continue;
        }
        // Acknowledged: until it clears, at most until its end.
        if (!present.contains(key) && sourceKnown(key)) {
            if (!m.silenceId.isEmpty())
                expireSilence(key, m.silenceId, QStringLiteral("ack-resolved"));
            else
                endMark(key, tr("It cleared."), QStringLiteral("ack-cleared"));
        } else if (m.until.isValid() && m.until <= now) {
            endMark(key, tr("The acknowledgement reached its maximum time."), QStringLiteral("ack-ended"));
        }
    }

    QHash<QString, QDateTime> oldSince;
    for (const InboxItem& i : std::as_const(m_items))
        oldSince.insert(i.key, i.since);
    for (InboxItem& i : raw) {
        // Sources without a start time (containers, probes): the first time the inbox saw it.
        if (!i.since.isValid())
            i.since = oldSince.value(i.key, now);
        if (m_maintenance && i.source != InboxItem::Source::Maintenance &&
            (i.state == InboxItem::State::Open || i.state == InboxItem::State::Silenced)) {
            if (const MaintenanceManager::Active* a = m_maintenance->activeFor(i.hostId)) {
                i.state = InboxItem::State::Held;
                i.until = a->end;
                i.reason =
                    tr("maintenance of %1").arg(a->hostId.isEmpty() ? tr("the whole homelab") : hostName(a->hostId));
            }
        }
        const auto m = m_marks.constFind(i.key);
        if (m == m_marks.cend())
            continue;
        i.state = m->kind == Mark::Kind::Ack      ? InboxItem::State::Acknowledged
                  : m->kind == Mark::Kind::Snooze ? InboxItem::State::Snoozed
                                                  : InboxItem::State::Suppressed;
        i.until = m->until;
        i.reason = m->reason;
        i.by = m->by;
        i.silenceId = m->silenceId;
    }
    // Items that notify: once when they appear, once when they clear (the same notification id is reused).
    QHash<QString, const InboxItem*> before;
    for (const InboxItem& i : std::as_const(m_items))
        before.insert(i.key, &i);
    QList<InboxItem> appeared, cleared;
    for (const InboxItem& i : std::as_const(raw)) {
        const InboxItem* old = before.value(i.key);
        if (i.notifies && (!old || !old->notifies))
            appeared << i;
    }
    for (const InboxItem& i : std::as_const(m_items)) {
        if (i.notifies && !present.contains(i.key) && sourceKnown(i.key))
            cleared << i;
    }
    if (raw != m_items) {
        m_items = raw;
        for (const InboxItem& i : std::as_const(appeared))
            notifyItem(i, false);
        for (const InboxItem& i : std::as_const(cleared))
            notifyItem(i, true);
        emit itemsChanged();
    }
}

void AlertInbox::notifyItem(const InboxItem& item, bool cleared)
{
    if (!m_journal)
        return;
    Notification n;
    n.source = QStringLiteral("inbox");
    n.hostId = item.hostId;
    n.itemKey = item.key;
    n.time = m_clock();
    if (cleared) {
        n.severity = Notification::Severity::Success;
        n.title = tr("Cleared: %1").arg(item.summary);
        n.body = tr("It no longer needs attention.");
    } else {
        n.severity = item.severity == InboxItem::Severity::Critical  ? Notification::Severity::Critical
                     : item.severity == InboxItem::Severity::Warning ? Notification::Severity::Warning
                                                                     : Notification::Severity::Info;
        n.title = item.summary;
        n.body = item.detail;
    }
    m_journal->notify(n);
}

void AlertInbox::audit(const QString& key, const QString& hostId, const QString& label, const QString& action,
                       const QString& outcome, const QString& taskId, const QString& detail)
{
    if (!m_journal || !m_journal->audit())
        return;
    AuditEntry e;
    e.host = hostId;
    e.service = QStringLiteral("inbox");
    e.target = m_journal->clean(label.isEmpty() ? key : key + QLatin1Char(' ') + label);
    e.action = action;
    e.outcome = m_journal->clean(outcome);
    e.taskId = taskId;
    e.detail = m_journal->clean(detail);
    m_journal->audit()->append(e);
}

void AlertInbox::endMark(const QString& key, const QString& why, const QString& auditAction)
{
    const Mark m = m_marks.take(key);
    const InboxItem* i = item(key);
    audit(key, i ? i->hostId : QString(), i ? i->summary : QString(), auditAction, QStringLiteral("ok"), m.silenceId,
          why);
    save();
}

void AlertInbox::expireSilence(const QString& key, const QString& silenceId, const QString& auditAction)
{
    am::AlertmanagerClient* client = m_alerts ? m_alerts->alertmanagerClient() : nullptr;
    Mark& m = m_marks[key];
    if (!client) {
        endMark(key, tr("No Alertmanager is configured any more."), auditAction);
        return;
    }
    if (m.retryAfter.isValid() && m.retryAfter > m_clock())
        return;
    m.expiring = true;
    const InboxItem* i = item(key);
    const QString hostId = i ? i->hostId : QString();
    const QString label = i ? i->summary : QString();
    audit(key, hostId, label, auditAction, QStringLiteral("requested"), silenceId, {});
    client->deleteSilence(silenceId, this, [this, key, silenceId, auditAction, hostId, label](Result<bool> r) {
        if (!m_marks.contains(key))
            return;
        if (!r.ok() && r.error().httpStatus != 404) {
            Mark& failed = m_marks[key];
            failed.expiring = false;
            failed.retryAfter = m_clock().addSecs(kExpireRetrySeconds);
            audit(key, hostId, label, auditAction, QStringLiteral("failed: ") + r.error().message, silenceId, {});
            return;
        }
        m_marks.remove(key);
        save();
        audit(key, hostId, label, auditAction, QStringLiteral("ok"), silenceId, tr("Silence expired."));
        emit actionFinished(key, true, tr("Silence %1 expired.").arg(silenceId));
        if (m_alerts)
            m_alerts->refresh();
        refresh();
    });
}

void AlertInbox::acknowledge(const QString& key, qint64 maxSeconds)
{
    const InboxItem* i = item(key);
    if (!i) {
        emit actionFinished(key, false, tr("This item is no longer in the inbox."));
        return;
    }
    Mark m;
    m.kind = Mark::Kind::Ack;
    m.key = key;
    m.at = m_clock();
    m.until = m.at.addSecs(std::max<qint64>(60, maxSeconds));
    m.by = m_user;
    m.labels = i->labels;
    if (i->source == InboxItem::Source::Alert && m_alerts && m_alerts->alertmanagerClient()) {
        const QString comment =
            tr("Acknowledged by %1 in Homelab Control Center until the alert resolves (at most until %2)")
                .arg(m_user, isoTime(m.until));
        createSilence(*i, m, comment, QStringLiteral("acknowledge"));
        return;
    }
    finishLocal(*i, m, QStringLiteral("acknowledge"), tr("Acknowledged \"%1\" until it clears.").arg(i->summary));
}

void AlertInbox::snooze(const QString& key, const QDateTime& until, const QString& reason)
{
    hide(key, Mark::Kind::Snooze, until, reason);
}

void AlertInbox::suppress(const QString& key, const QDateTime& until, const QString& reason)
{
    if (reason.trimmed().isEmpty()) {
        emit actionFinished(key, false, tr("Say why it is suppressed."));
        return;
    }
    hide(key, Mark::Kind::Suppress, until, reason.trimmed());
}

void AlertInbox::hide(const QString& key, Mark::Kind kind, const QDateTime& until, const QString& reason)
{
    const bool snooze = kind == Mark::Kind::Snooze;
    const InboxItem* i = item(key);
    if (!i) {
        emit actionFinished(key, false, tr("This item is no longer in the inbox."));
        return;
    }
    Mark m;
    m.kind = kind;
    m.key = key;
    m.at = m_clock();
    m.until = until.toUTC();
    m.reason = reason;
    m.by = m_user;
    m.labels = i->labels;
    if (m.until <= m.at) {
        emit actionFinished(key, false,
                            snooze ? tr("The snooze must end in the future.")
                                   : tr("The suppression must end in the future."));
        return;
    }
    const QString action = snooze ? QStringLiteral("snooze") : QStringLiteral("suppress");
    if (i->source == InboxItem::Source::Alert && m_alerts && m_alerts->alertmanagerClient()) {
        QString comment;
        if (!snooze)
            comment = tr("Suppressed by %1 in Homelab Control Center: %2").arg(m_user, reason);
        else if (reason.isEmpty())
            comment = tr("Snoozed by %1 in Homelab Control Center").arg(m_user);
        else
            comment = tr("Snoozed by %1 in Homelab Control Center: %2").arg(m_user, reason);
        createSilence(*i, m, comment, action);
        return;
    }
    finishLocal(*i, m, action,
                snooze ? tr("Snoozed \"%1\" until %2.").arg(i->summary, shownTime(m.until))
                       : tr("Suppressed \"%1\" until %2.").arg(i->summary, shownTime(m.until)));
}

void AlertInbox::unsnooze(const QString& key)
{
    unhide(key, Mark::Kind::Snooze);
}

void AlertInbox::unsuppress(const QString& key)
{
    unhide(key, Mark::Kind::Suppress);
}

void AlertInbox::unhide(const QString& key, Mark::Kind kind)
{
    const bool snooze = kind == Mark::Kind::Snooze;
    const auto it = m_marks.constFind(key);
    if (it == m_marks.cend() || it->kind != kind) {
        emit actionFinished(key, false, snooze ? tr("This item is not snoozed.") : tr("This item is not suppressed."));
        return;
    }
    const QString action = snooze ? QStringLiteral("unsnooze") : QStringLiteral("unsuppress");
    if (!it->silenceId.isEmpty()) {
        expireSilence(key, it->silenceId, action);
        return;
    }
    endMark(key, snooze ? tr("Snooze ended by %1.").arg(m_user) : tr("Suppression ended by %1.").arg(m_user), action);
    emit actionFinished(key, true, snooze ? tr("The snooze ended.") : tr("The suppression ended."));
    refresh();
}

void AlertInbox::finishLocal(const InboxItem& item, Mark mark, const QString& auditAction, const QString& message)
{
    m_marks.insert(mark.key, mark);
    save();
    audit(
        item.key, item.hostId, item.summary, auditAction, QStringLiteral("ok"), {},
        QStringLiteral("until %1 by %2%3")
            .arg(isoTime(mark.until), mark.by, mark.reason.isEmpty() ? QString() : QStringLiteral(": ") + mark.reason));
    emit actionFinished(item.key, true, message);
    refresh();
}

void AlertInbox::createSilence(const InboxItem& item, Mark mark, const QString& comment, const QString& auditAction)
{
    am::Silence s;
    // The alert's exact label set: equal, no regular expression, so it mutes this alert and nothing else.
    for (auto it = item.labels.cbegin(); it != item.labels.cend(); ++it)
        s.matchers.append({it.key(), it.value(), false, true});
    s.startsAt = mark.at;
    s.endsAt = mark.until;
    s.createdBy = m_user;
    s.comment = comment;
    const QString key = item.key, hostId = item.hostId, label = item.summary;
    const QString detail =
        QStringLiteral("until %1 by %2%3")
            .arg(isoTime(mark.until), mark.by, mark.reason.isEmpty() ? QString() : QStringLiteral(": ") + mark.reason);
    audit(key, hostId, label, auditAction, QStringLiteral("requested"), {}, detail);
    // A previous mark's silence (snoozed, then acknowledged) is replaced by the new one.
    const QString previous = m_marks.value(key).silenceId;
    m_alerts->alertmanagerClient()->createSilence(
        s, this, [this, mark, key, hostId, label, auditAction, detail, previous](Result<QString> r) mutable {
            if (!r.ok()) {
                audit(key, hostId, label, auditAction, QStringLiteral("failed: ") + r.error().message, {}, detail);
                emit actionFinished(key, false, r.error().message);
                return;
            }
            mark.silenceId = r.value();
            m_marks.insert(key, mark);
            save();
            audit(key, hostId, label, auditAction, QStringLiteral("ok"), mark.silenceId, detail);
            if (!previous.isEmpty() && previous != mark.silenceId) {
                if (am::AlertmanagerClient* client = m_alerts ? m_alerts->alertmanagerClient() : nullptr)
                    client->deleteSilence(previous, this, [](Result<bool>) {});
            }
            emit actionFinished(key, true,
                                mark.kind == Mark::Kind::Ack
                                    ? tr("Acknowledged \"%1\": silenced until it resolves.").arg(label)
                                : mark.kind == Mark::Kind::Snooze
                                    ? tr("Snoozed \"%1\" until %2.").arg(label, shownTime(mark.until))
                                    : tr("Suppressed \"%1\" until %2.").arg(label, shownTime(mark.until)));
            refresh();
            if (m_alerts)
                m_alerts->refresh();
        });
}

void AlertInbox::load()
{
    if (m_statePath.isEmpty())
        return;
    QFile f(m_statePath);
    if (!f.exists())
        return;
    if (!f.open(QIODevice::ReadOnly)) {
        m_stateError =
            tr("The inbox state %1 cannot be read: %2").arg(QDir::toNativeSeparators(m_statePath), f.errorString());
        return;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        m_stateError =
            tr("The inbox state %1 is not valid JSON; it is started empty.").arg(QDir::toNativeSeparators(m_statePath));
        return;
    }
    const QJsonArray marks = doc.object().value(QLatin1String("marks")).toArray();
    for (const QJsonValue& v : marks) {
        const QJsonObject o = v.toObject();
        Mark m;
        const QString kind = o.value(QLatin1String("kind")).toString();
        m.kind = kind == QLatin1String("snooze")     ? Mark::Kind::Snooze
                 : kind == QLatin1String("suppress") ? Mark::Kind::Suppress
                                                     : Mark::Kind::Ack;
        m.key = o.value(QLatin1String("key")).toString();
        m.at = QDateTime::fromString(o.value(QLatin1String("at")).toString(), Qt::ISODate);
        m.until = QDateTime::fromString(o.value(QLatin1String("until")).toString(), Qt::ISODate);
        m.reason = o.value(QLatin1String("reason")).toString();
        m.by = o.value(QLatin1String("by")).toString();
        m.silenceId = o.value(QLatin1String("silenceId")).toString();
        const QJsonObject labels = o.value(QLatin1String("labels")).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            m.labels.insert(it.key(), it.value().toString());
        if (!m.key.isEmpty())
            m_marks.insert(m.key, m);
    }
    qCInfo(lcInbox) << "loaded" << m_marks.size() << "acknowledgements and snoozes from" << m_statePath;
}

void AlertInbox::save()
{
    if (m_statePath.isEmpty())
        return;
    QJsonArray marks;
    for (const Mark& m : std::as_const(m_marks)) {
        QJsonObject labels;
        for (auto it = m.labels.cbegin(); it != m.labels.cend(); ++it)
            labels.insert(it.key(), it.value());
        marks.append(QJsonObject{
            {QStringLiteral("kind"), m.kind == Mark::Kind::Snooze     ? QStringLiteral("snooze")
                                     : m.kind == Mark::Kind::Suppress ? QStringLiteral("suppress")
                                                                      : QStringLiteral("ack")},
            {QStringLiteral("key"), m.key},
            {QStringLiteral("at"), isoTime(m.at)},
            {QStringLiteral("until"), isoTime(m.until)},
            {QStringLiteral("reason"), m.reason},
            {QStringLiteral("by"), m.by},
            {QStringLiteral("silenceId"), m.silenceId},
            {QStringLiteral("labels"), labels},
        });
    }
    const QByteArray data =
        QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("marks"), marks}}).toJson();
    const QFileInfo info(m_statePath);
    QDir().mkpath(info.absolutePath());
    QSaveFile file(m_statePath);
    // The temporary file gets its final mode before anything is written or it is renamed into place.
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(data) != data.size() || !file.commit()) {
        m_stateError = tr("The inbox state %1 cannot be written: %2")
                           .arg(QDir::toNativeSeparators(m_statePath), file.errorString());
        qCWarning(lcInbox) << "cannot write" << m_statePath << file.errorString();
        file.cancelWriting();
        return;
    }
    m_stateError.clear();
}

} // namespace hlc
