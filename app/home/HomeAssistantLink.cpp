#include "home/HomeAssistantLink.h"

#include "core/ServiceDirectory.h"
#include "homeassistant/HomeAssistantClient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSettings>
#include <QTimer>

Q_LOGGING_CATEGORY(lcHaLink, "hlc.app.homeassistant")

namespace hlc {

namespace {
bool isToggle(const QString& domain)
{
    return domain == QLatin1String("light") || domain == QLatin1String("switch") || domain == QLatin1String("fan") ||
           domain == QLatin1String("input_boolean");
}
} // namespace

HomeAssistantLink::HomeAssistantLink(const HostConfig& host, const ServiceConfig& service, ServiceDirectory* services,
                                     ActionJournal* journal, QObject* parent)
    : QObject(parent)
    , m_hostId(host.id)
    , m_hostName(host.name.isEmpty() ? host.id : host.name)
    , m_service(service)
    , m_journal(journal)
    , m_client(services->homeAssistant(host.id, service.id))
    , m_restTimer(new QTimer(this))
    , m_pendingTimer(new QTimer(this))
{
    // A token read or typed in after start(): connect with it.
    connect(services, &ServiceDirectory::secretApplied, this, [this](const QString& hostId, const QString& serviceId) {
        if (hostId == m_hostId && serviceId == m_service.id && m_started)
            m_client->open();
    });

    QSettings settings;
    if (settings.contains(settingsKey())) {
        m_favourites = settings.value(settingsKey()).toStringList();
    } else {
        for (const QJsonValue& v : service.extra.value(QStringLiteral("favourites")).toArray())
            m_favourites << v.toString();
    }

    connect(m_restTimer, &QTimer::timeout, this, &HomeAssistantLink::pollRest);
    m_pendingTimer->setInterval(500);
    connect(m_pendingTimer, &QTimer::timeout, this, [this] { checkPending({}); });

    connect(m_client, &ha::HomeAssistantClient::stateChanged, this, [this](ha::HomeAssistantClient::State s) {
        switch (s) {
        case ha::HomeAssistantClient::State::Live:
            m_restTimer->stop(); // no polling while the socket is up
            m_restCurrentMs = m_restIntervalMs;
            setMode(Mode::Live);
            break;
        case ha::HomeAssistantClient::State::Connecting:
        case ha::HomeAssistantClient::State::Authenticating:
        case ha::HomeAssistantClient::State::Syncing:
            if (m_mode == Mode::Offline)
                setMode(Mode::Connecting);
            break;
        case ha::HomeAssistantClient::State::Disconnected:
            break;
        }
    });
    connect(m_client, &ha::HomeAssistantClient::synced, this, [this](const ha::EntityDelta& all) {
        m_source.state = SourceStatus::State::Ok;
        m_source.error = {};
        m_source.lastSuccess = m_source.lastAttempt = QDateTime::currentDateTimeUtc();
        applyFull(all.changed);
    });
    connect(m_client, &ha::HomeAssistantClient::changed, this, &HomeAssistantLink::applyDelta);
    connect(m_client, &ha::HomeAssistantClient::registryLoaded, this, [this](const ha::Registry& r) {
        m_registry = r;
        emit entitiesChanged(m_entities.keys(), {});
    });
    connect(m_client, &ha::HomeAssistantClient::authFailed, this, [this](const ApiError& e) {
        m_restTimer->stop();
        m_source.state = SourceStatus::State::Error;
        m_source.error = e;
        m_source.lastAttempt = QDateTime::currentDateTimeUtc();
        setMode(Mode::AuthFailed);
    });
    connect(m_client, &ha::HomeAssistantClient::connectionLost, this, [this](const ApiError& e, int) {
        qCInfo(lcHaLink) << m_hostId << "websocket down:" << e.detail;
        if (m_mode == Mode::AuthFailed || !m_started)
            return;
        m_socketError = e;
        // The socket is down: keep the data fresh over REST until it is back.
        if (!m_restTimer->isActive()) {
            m_restTimer->start(m_restCurrentMs);
            pollRest();
        }
        if (m_mode != Mode::RestFallback) {
            m_source.state = SourceStatus::State::Error;
            m_source.error = e;
            setMode(Mode::RestFallback);
        }
    });
}

HomeAssistantLink::~HomeAssistantLink() = default;

QString HomeAssistantLink::settingsKey() const
{
    return QStringLiteral("homeassistant/%1/%2/favourites").arg(m_hostId, m_service.id);
}

void HomeAssistantLink::setMode(Mode m)
{
    if (m_mode == m)
        return;
    m_mode = m;
    emit modeChanged(m);
}

const ha::EntityState* HomeAssistantLink::entity(const QString& entityId) const
{
    const auto it = m_entities.constFind(entityId);
    return it == m_entities.constEnd() ? nullptr : &*it;
}

QString HomeAssistantLink::areaOf(const QString& entityId) const
{
    const QString area = m_registry.entityArea.value(entityId);
    return area.isEmpty() ? QString() : m_registry.areaNames.value(area, area);
}

QStringList HomeAssistantLink::areaNames() const
{
    QStringList out = m_registry.areaNames.values();
    out.sort(Qt::CaseInsensitive);
    return out;
}

QString HomeAssistantLink::actionFor(const QString& entityId)
{
    const QString domain = entityId.section(QLatin1Char('.'), 0, 0);
    if (isToggle(domain))
        return tr("Toggle");
    if (domain == QLatin1String("scene"))
        return tr("Activate");
    if (domain == QLatin1String("script"))
        return tr("Run");
    if (domain == QLatin1String("automation"))
        return tr("Trigger");
    return {};
}

void HomeAssistantLink::setFavourite(const QString& entityId, bool on)
{
    if (on == m_favourites.contains(entityId))
        return;
    if (on)
        m_favourites << entityId;
    else
        m_favourites.removeAll(entityId);
    QSettings().setValue(settingsKey(), m_favourites);
    emit favouritesChanged();
}

void HomeAssistantLink::setSourceError(const ApiError& error)
{
    m_source.state = SourceStatus::State::Error;
    m_source.error = error;
    m_source.lastAttempt = QDateTime::currentDateTimeUtc();
    setMode(Mode::Offline);
    emit modeChanged(m_mode);
}

void HomeAssistantLink::start(int restIntervalMs)
{
    m_started = true;
    m_restIntervalMs = std::max(1000, restIntervalMs);
    m_restCurrentMs = m_restIntervalMs;
    if (!m_client->endpoint().credentials.secret.isEmpty())
        m_client->open();
}

void HomeAssistantLink::stop()
{
    m_started = false;
    m_restTimer->stop();
    m_client->close();
    setMode(Mode::Offline);
}

void HomeAssistantLink::refresh()
{
    if (m_mode == Mode::RestFallback)
        pollRest();
}

void HomeAssistantLink::backOffRest()
{
    m_restCurrentMs = std::min(restBackoffLimitMs(), m_restCurrentMs * 2);
    if (m_restTimer->isActive())
        m_restTimer->start(m_restCurrentMs);
}

void HomeAssistantLink::resetRestInterval()
{
    if (m_restCurrentMs == m_restIntervalMs)
        return;
    m_restCurrentMs = m_restIntervalMs;
    if (m_restTimer->isActive())
        m_restTimer->start(m_restCurrentMs);
}

void HomeAssistantLink::pollRest()
{
    if (m_client->isLive())
        return;
    if (m_restInFlight) {
        // The last read has not finished within an interval: a slow server, asked less often.
        if (sender() == m_restTimer)
            backOffRest();
        return;
    }
    m_source.lastAttempt = QDateTime::currentDateTimeUtc();
    m_restInFlight = true;
    m_client->fetchStates(this, [this](Result<QList<ha::EntityState>> r) {
        m_restInFlight = false;
        if (m_client->isLive())
            return; // the socket came back meanwhile; its data is newer
        if (!r.ok()) {
            if (r.error().kind == ApiError::Kind::Cancelled)
                return;
            backOffRest();
            m_source.state = SourceStatus::State::Error;
            m_source.error = r.error();
            if (r.error().kind == ApiError::Kind::Auth)
                setMode(Mode::AuthFailed);
            emit modeChanged(m_mode);
            return;
        }
        m_source.lastSuccess = QDateTime::currentDateTimeUtc();
        // Fresh data over REST: no error and nothing stale (the mode says the socket is away, and why).
        const bool wasError = m_source.state == SourceStatus::State::Error;
        m_source.state = SourceStatus::State::Ok;
        m_source.error = {};
        resetRestInterval();
        applyFull(r.value());
        if (wasError)
            emit modeChanged(m_mode);
    });
}

void HomeAssistantLink::applyFull(const QList<ha::EntityState>& all)
{
    QStringList upserted;
    QSet<QString> seen;
    seen.reserve(all.size());
    for (const ha::EntityState& s : all) {
        seen.insert(s.entityId);
        auto it = m_entities.find(s.entityId);
        if (it == m_entities.end()) {
            m_entities.insert(s.entityId, s);
            upserted << s.entityId;
        } else if (!(*it == s)) {
            *it = s;
            upserted << s.entityId;
        }
    }
    QStringList removed;
    for (auto it = m_entities.begin(); it != m_entities.end();) {
        if (!seen.contains(it.key())) {
            removed << it.key();
            it = m_entities.erase(it);
        } else {
            ++it;
        }
    }
    if (!upserted.isEmpty() || !removed.isEmpty())
        emit entitiesChanged(upserted, removed);
    checkPending(upserted);
}

void HomeAssistantLink::applyDelta(const ha::EntityDelta& delta)
{
    QStringList upserted;
    for (const ha::EntityState& s : delta.changed) {
        m_entities.insert(s.entityId, s);
        upserted << s.entityId;
    }
    for (const ha::EntityPatch& p : delta.patches) {
        auto it = m_entities.find(p.entityId);
        if (it == m_entities.end())
            continue; // a diff for an entity we never saw: the next resync brings it
        p.applyTo(*it);
        upserted << p.entityId;
    }
    QStringList removed;
    for (const QString& id : delta.removed) {
        if (m_entities.remove(id))
            removed << id;
    }
    if (!upserted.isEmpty() || !removed.isEmpty())
        emit entitiesChanged(upserted, removed);
    checkPending(upserted);
}

void HomeAssistantLink::act(const QString& entityId)
{
    const ha::EntityState* e = entity(entityId);
    if (!e || m_pending.contains(entityId))
        return;
    const QString domain = e->domain();
    QString service;
    if (isToggle(domain))
        service = QStringLiteral("toggle");
    else if (domain == QLatin1String("scene") || domain == QLatin1String("script"))
        service = QStringLiteral("turn_on");
    else if (domain == QLatin1String("automation"))
        service = QStringLiteral("trigger");
    else
        return;
    startAction(*e, service, {}, {});
}

void HomeAssistantLink::setAutomationEnabled(const QString& entityId, bool on,
                                             std::function<void(bool, const QString&)> done)
{
    const ha::EntityState* e = entity(entityId);
    if (!e || e->domain() != QLatin1String("automation")) {
        if (done)
            done(false, tr("Home Assistant on %1 has no automation %2.").arg(m_hostName, entityId));
        return;
    }
    if (m_pending.contains(entityId)) {
        if (done)
            done(false, tr("Another action on %1 is still waiting for Home Assistant.").arg(e->friendlyName()));
        return;
    }
    const QString expect = on ? QStringLiteral("on") : QStringLiteral("off");
    if (e->state == expect) {
        if (done)
            done(true, tr("%1 is %2 already.").arg(e->friendlyName(), e->state));
        return;
    }
    startAction(*e, on ? QStringLiteral("turn_on") : QStringLiteral("turn_off"), expect, std::move(done));
}

void HomeAssistantLink::startAction(const ha::EntityState& e, const QString& service, const QString& expectState,
                                    std::function<void(bool, const QString&)> done)
{
    const QString entityId = e.entityId;
    const QString domain = e.domain();
    Pending p;
    p.service = service;
    p.before = e;
    p.expectState = expectState;
    p.done = std::move(done);
    p.deadline = QDateTime::currentMSecsSinceEpoch() + m_confirmTimeoutMs;
    ActionTarget target;
    target.hostId = m_hostId;
    target.hostName = m_hostName;
    target.service = ServiceKind::HomeAssistant;
    target.kind = ActionTarget::Kind::HaEntity;
    target.id = entityId;
    target.label = e.friendlyName();
    p.entry = m_journal->begin(target, domain + QLatin1Char('.') + service);
    m_pending.insert(entityId, p);
    m_pendingTimer->start();
    emit entitiesChanged({entityId}, {});
    m_client->callService(domain, service, entityId, this, [this, entityId](Result<bool> r) {
        if (!m_pending.contains(entityId))
            return;
        if (!r.ok() && r.error().outcomeUnknown) {
            // Sent, unanswered: the state decides. Keep waiting for the change (read over REST while the socket
            // reconnects); at the deadline the outcome is reported unknown, never failed.
            m_pending[entityId].connectionLost = true;
            pollRest();
            return;
        }
        if (!r.ok()) {
            const QString msg = tr("%1: %2").arg(m_pending.value(entityId).before.friendlyName(), r.error().message);
            finishAction(entityId,
                         ActionJournal::Outcome::failed(r.error().message, tr("Home Assistant action failed"), msg),
                         msg);
            return;
        }
        // Accepted. Done only when the state change arrives (pushed, or read back over REST).
        if (!m_client->isLive())
            pollRest();
    });
}

void HomeAssistantLink::checkPending(const QStringList& ids)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QStringList pendingIds = m_pending.keys();
    for (const QString& id : pendingIds) {
        const Pending p = m_pending.value(id);
        const ha::EntityState* e = entity(id);
        if (e && (ids.isEmpty() || ids.contains(id))) {
            bool confirmed = false;
            if (!p.expectState.isEmpty())
                confirmed = e->state == p.expectState;
            else if (isToggle(p.before.domain()))
                confirmed = e->state != p.before.state;
            else if (p.before.domain() == QLatin1String("automation"))
                confirmed = e->lastTriggered != p.before.lastTriggered;
            else
                confirmed = e->state != p.before.state || e->lastChanged != p.before.lastChanged;
            if (confirmed) {
                QString msg;
                if (isToggle(p.before.domain()) || !p.expectState.isEmpty())
                    msg = tr("%1 is now %2.").arg(e->friendlyName(), e->state);
                else if (p.before.domain() == QLatin1String("scene"))
                    msg = tr("Scene %1 activated.").arg(e->friendlyName());
                else if (p.before.domain() == QLatin1String("script"))
                    msg = tr("Script %1 ran.").arg(e->friendlyName());
                else
                    msg = tr("Automation %1 triggered.").arg(e->friendlyName());
                ActionJournal::Outcome o = ActionJournal::Outcome::ok(tr("Home Assistant"), msg);
                o.auditOutcome = QStringLiteral("ok: ") + e->state;
                finishAction(id, o, msg);
                continue;
            }
        }
        if (now > p.deadline && p.connectionLost) {
            const QString msg = tr("%1: the connection to Home Assistant was lost after the action was sent, and no "
                                   "state change has been seen since. It may or may not have been carried out: check "
                                   "its state before trying again.")
                                    .arg(p.before.friendlyName());
            finishAction(id,
                         ActionJournal::Outcome::unknown(QStringLiteral("connection lost before the answer"),
                                                         tr("Check the entity's state in Home Assistant."),
                                                         tr("Home Assistant action: outcome unknown"), msg),
                         msg);
        } else if (now > p.deadline) {
            const QString msg = tr("%1: Home Assistant accepted the action, but no state change followed within %2 s.")
                                    .arg(p.before.friendlyName())
                                    .arg((m_confirmTimeoutMs + 999) / 1000);
            finishAction(id,
                         ActionJournal::Outcome::failed(QStringLiteral("no state change"),
                                                        tr("Home Assistant action failed"), msg),
                         msg);
        }
    }
    if (m_pending.isEmpty())
        m_pendingTimer->stop();
}

void HomeAssistantLink::finishAction(const QString& entityId, const ActionJournal::Outcome& outcome,
                                     const QString& message)
{
    const Pending p = m_pending.take(entityId);
    m_journal->finish(p.entry, outcome);
    if (p.done)
        p.done(outcome.result == ActionJournal::Outcome::Result::Ok, message);
    emit actionFinished(entityId, outcome.result == ActionJournal::Outcome::Result::Ok, message);
    emit entitiesChanged({entityId}, {});
}

} // namespace hlc
