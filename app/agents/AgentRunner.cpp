#include "agents/AgentRunner.h"

#include "agents/AgentEventStream.h"
#include "agents/AgentsClient.h"
#include "agents/AgentsParser.h"
#include "core/ServiceDirectory.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcAgentRunner, "hlc.app.agents")

namespace hlc {

using namespace hlc::agents;

namespace {
constexpr int kMaxHistory = 100;

} // namespace

AgentRunner::AgentRunner(ServiceDirectory* services, ActionJournal* journal, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_journal(journal)
    , m_timer(new QTimer(this))
{
    for (const HostConfig& h : services->config().hosts) {
        for (const ServiceConfig& s : h.services) {
            if (s.kind == ServiceKind::Agents && !m_client) {
                m_hostId = h.id;
                m_service = s;
                m_client = services->agents(h.id, s.id);
            }
        }
    }
    connect(m_timer, &QTimer::timeout, this, &AgentRunner::refresh);
    connect(services, &ServiceDirectory::secretApplied, this, [this](const QString& hostId, const QString& serviceId) {
        if (!m_client || hostId != m_hostId || serviceId != m_service.id)
            return;
        refresh(); // read at start, or typed in by the user: use it at once
        if (std::exchange(m_waitingForSecret, false))
            m_timer->start();
    });
    connect(services, &ServiceDirectory::secretUnavailable, this,
            [this](const QString& hostId, const QString& serviceId, const ApiError& error) {
                if (!m_client || hostId != m_hostId || serviceId != m_service.id)
                    return;
                setError(error);
                if (std::exchange(m_waitingForSecret, false)) {
                    refresh();
                    m_timer->start();
                }
            });
}

AgentRunner::~AgentRunner() = default;

void AgentRunner::start(int intervalMs)
{
    if (!m_client)
        return;
    m_timer->setInterval(std::max(1000, intervalMs));
    switch (m_services->secretState(m_hostId, m_service.id)) {
    case ServiceDirectory::SecretState::Pending:
        m_waitingForSecret = true; // the directory's secretApplied()/secretUnavailable() starts the polls
        return;
    case ServiceDirectory::SecretState::Unavailable:
        setError(m_services->secretError(m_hostId, m_service.id));
        break;
    case ServiceDirectory::SecretState::NotNeeded:
    case ServiceDirectory::SecretState::Applied:
        break;
    }
    refresh();
    m_timer->start();
}

void AgentRunner::stop()
{
    m_timer->stop();
    for (const auto& s : std::as_const(m_streams)) {
        if (s)
            s->stop();
    }
}

void AgentRunner::setError(const ApiError& e)
{
    if (m_lastError.kind == e.kind && m_lastError.message == e.message)
        return;
    m_lastError = e;
    emit errorChanged();
}

const Agent* AgentRunner::agent(const QString& id) const
{
    for (const Agent& a : m_agents) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

const Run* AgentRunner::run(const QString& runId) const
{
    for (const Run& r : m_history) {
        if (r.id == runId)
            return &r;
    }
    return nullptr;
}

QString AgentRunner::runLabel(const Run& r) const
{
    const Agent* a = agent(r.agentId);
    const QString name = a ? a->name : r.agentId;
    const Preset* p = a && !r.presetId.isEmpty() ? a->preset(r.presetId) : nullptr;
    if (p)
        return QStringLiteral("%1: %2").arg(name, p->name);
    return r.presetId.isEmpty() ? tr("%1 (custom input)").arg(name) : QStringLiteral("%1: %2").arg(name, r.presetId);
}

void AgentRunner::refresh()
{
    if (!m_client || m_refreshing)
        return;
    m_refreshing = true;
    m_client->agents(this, [this](Result<QList<Agent>> r) {
        if (!r) {
            m_refreshing = false;
            setError(r.error());
            return;
        }
        m_agents = std::move(r).value();
        m_lastSuccess = QDateTime::currentDateTimeUtc();
        setError({});
        emit agentsChanged();
        RunQuery q;
        q.limit = 50;
        m_client->runs(q, this, [this](Result<QList<Run>> runs) {
            m_refreshing = false;
            if (!runs) {
                setError(runs.error());
                return;
            }
            // Oldest first so that the newest ends up on top.
            const QList<Run>& list = runs.value();
            for (auto it = list.crbegin(); it != list.crend(); ++it) {
                mergeRun(*it);
                // Runs started elsewhere are followed too: their end is notified like ours.
                if (!isFinal(it->status) && !m_streams.contains(it->id))
                    follow(it->id, m_events.value(it->id).isEmpty() ? 0 : m_events.value(it->id).last().id);
            }
            emit historyChanged();
        });
    });
}

void AgentRunner::mergeRun(const Run& incoming)
{
    for (Run& r : m_history) {
        if (r.id == incoming.id) {
            r = incoming;
            emit runChanged(r.id);
            return;
        }
    }
    // Insert by creation time, newest first.
    qsizetype pos = 0;
    while (pos < m_history.size() && m_history.at(pos).createdAt > incoming.createdAt)
        ++pos;
    m_history.insert(pos, incoming);
    while (m_history.size() > kMaxHistory)
        m_history.removeLast();
    emit runChanged(incoming.id);
}

void AgentRunner::runPreset(const QString& agentId, const QString& presetId)
{
    StartRun req;
    req.presetId = presetId;
    startRun(agentId, req);
}

void AgentRunner::runWithInput(const QString& agentId, const QVariantMap& input)
{
    StartRun req;
    req.input = input;
    startRun(agentId, req);
}

void AgentRunner::startRun(const QString& agentId, const StartRun& request)
{
    const Agent* a = agent(agentId);
    const QString agentName = a ? a->name : agentId;
    const Preset* p = a ? a->preset(request.presetId) : nullptr;
    const QString target = p ? QStringLiteral("%1: %2").arg(agentName, p->name) : agentName;
    if (!m_client) {
        ApiError e;
        e.kind = ApiError::Kind::Config;
        e.message = tr("No agent platform is configured.");
        emit startFailed(agentId, request.presetId, e, {});
        return;
    }
    const QString presetId = request.presetId;
    // On record before the POST: if the app dies while the platform starts the run, the log still says it was asked.
    const ActionJournal::Entry entry = m_journal->begin(runTarget(target), QStringLiteral("run"),
                                                        presetId.isEmpty() ? QStringLiteral("custom input")
                                                                           : QStringLiteral("preset %1").arg(presetId));
    m_client->startRun(agentId, request, this, [this, agentId, presetId, target, entry](Result<Run> r) {
        if (!r) {
            const FieldErrors fields =
                r.error().httpStatus == 400 ? parser::fieldErrors(r.error().body) : FieldErrors();
            m_journal->finish(entry, r.error().outcomeUnknown
                                         ? ActionJournal::Outcome::unknown(
                                               r.error().message, tr("Check the run history before starting it again."),
                                               tr("%1: start unknown").arg(target), r.error().message)
                                         : ActionJournal::Outcome::failed(
                                               r.error().message, tr("%1 not started").arg(target), r.error().message));
            emit startFailed(agentId, presetId, r.error(), fields);
            return;
        }
        const Run& run = r.value();
        ActionJournal::Entry started = entry;
        started.target.id = run.id;
        m_runEntries.insert(run.id, started);
        m_origin.insert(run.id, QStringLiteral("panel"));
        mergeRun(run);
        emit historyChanged();
        emit runStarted(run.id, agentId);
        follow(run.id);
        refresh(); // the agent is busy now
    });
}

ActionTarget AgentRunner::runTarget(const QString& label) const
{
    ActionTarget t;
    t.hostId = m_hostId;
    t.service = ServiceKind::Agents;
    t.kind = ActionTarget::Kind::AgentRun;
    t.label = label;
    return t;
}

void AgentRunner::follow(const QString& runId, qint64 afterEventId)
{
    if (!m_client || m_streams.contains(runId))
        return;
    AgentEventStream* s = m_client->followRun(runId, this);
    m_streams.insert(runId, s);
    connect(s, &AgentEventStream::eventReceived, this, [this, runId](const RunEvent& e) {
        m_events[runId].append(e);
        for (Run& r : m_history) {
            if (r.id != runId)
                continue;
            if (e.type == RunEvent::Type::Progress && e.progress) {
                r.progress = *e.progress;
                r.step = e.step;
            } else if (e.type == RunEvent::Type::Status && e.status != RunStatus::Unknown) {
                r.status = e.status;
                if (e.status == RunStatus::Failed && !e.message.isEmpty())
                    r.error = e.message;
            }
            r.lastEventId = e.id;
        }
        emit runEvent(runId, e);
        if (e.type != RunEvent::Type::Log)
            emit runChanged(runId);
    });
    connect(s, &AgentEventStream::runUpdated, this, [this](const Run& r) {
        mergeRun(r);
        emit historyChanged();
    });
    connect(s, &AgentEventStream::modeChanged, this, [this, runId](AgentEventStream::Mode m) {
        if (m == AgentEventStream::Mode::Polling)
            emit followModeChanged(runId, tr("The live log stream failed; polling every 2 s."));
        else if (m == AgentEventStream::Mode::Reconnecting)
            emit followModeChanged(runId, tr("The live log stream dropped; reconnecting…"));
        else if (m == AgentEventStream::Mode::Streaming)
            emit followModeChanged(runId, QString());
    });
    connect(s, &AgentEventStream::problem, this,
            [runId](const ApiError& e) { qCDebug(lcAgentRunner) << "following" << runId << ":" << e.detail; });
    connect(s, &AgentEventStream::finished, this, [this, runId](RunStatus st) { onFinished(runId, st); });
    s->start(afterEventId);
}

void AgentRunner::onFinished(const QString& runId, RunStatus status)
{
    if (auto s = m_streams.take(runId))
        s->deleteLater();
    const Run* r = run(runId);
    Run fallback;
    fallback.id = runId;
    fallback.status = status;
    const Run& rr = r ? *r : fallback;
    const QString label = runLabel(rr);

    // A run started here finishes its own entry; one started elsewhere (n8n, another client) was only observed.
    ActionTarget target = runTarget(label);
    target.id = runId;
    const ActionJournal::Entry entry =
        m_runEntries.contains(runId) ? m_runEntries.take(runId) : m_journal->observed(target, QStringLiteral("run"));
    using Outcome = ActionJournal::Outcome;
    Outcome o;
    const qint64 secs = rr.startedAt.isValid() && rr.finishedAt.isValid() ? rr.startedAt.secsTo(rr.finishedAt) : -1;
    switch (status) {
    case RunStatus::Succeeded: {
        QStringList parts;
        parts << tr("Run %1 succeeded").arg(runId);
        if (secs >= 0)
            parts << tr("%n s", nullptr, static_cast<int>(secs));
        if (rr.usage) {
            parts << tr("%n tokens", nullptr, static_cast<int>(std::min<qint64>(rr.usage->totalTokens, INT_MAX)));
            if (rr.usage->costUsd)
                parts << QStringLiteral("$%1").arg(*rr.usage->costUsd, 0, 'f', 4);
        }
        o = Outcome::ok(tr("%1 finished").arg(label), parts.join(QStringLiteral(", ")));
        break;
    }
    case RunStatus::Failed:
        o = Outcome::failed(rr.error, tr("%1 failed").arg(label),
                            rr.error.isEmpty() ? tr("Run %1 failed.").arg(runId) : rr.error);
        o.severity = Notification::Severity::Critical;
        break;
    default:
        o = Outcome::cancelled(tr("%1 cancelled").arg(label), tr("Run %1 was cancelled.").arg(runId));
        break;
    }
    o.taskId = runId;
    m_journal->finish(entry, o);
    emit runChanged(runId);
    emit runFinished(runId, status);
    refresh(); // the agent is idle again, its last run changed
}

void AgentRunner::cancel(const QString& runId)
{
    if (!m_client)
        return;
    const Run* known = run(runId);
    ActionTarget target = runTarget(known ? runLabel(*known) : QString());
    target.id = runId;
    const ActionJournal::Entry entry = m_journal->begin(target, QStringLiteral("cancel"));
    m_client->cancelRun(runId, this, [this, runId, entry](Result<Run> r) {
        if (!r) {
            ActionJournal::Outcome o = ActionJournal::Outcome::failed(
                r.error().message, tr("Run %1 not cancelled").arg(runId), r.error().message);
            o.taskId = runId;
            m_journal->finish(entry, o);
            emit actionFailed(r.error().message);
            return;
        }
        // No notification here: the stream delivers the cancelled status and onFinished() notifies.
        ActionJournal::Outcome o = ActionJournal::Outcome::ok({}, {});
        o.taskId = runId;
        m_journal->finish(entry, o);
        mergeRun(r.value());
        emit historyChanged();
    });
}

void AgentRunner::loadEvents(const QString& runId)
{
    if (!m_client || m_streams.contains(runId))
        return;
    m_client->events(runId, 0, this, [this, runId](Result<QList<RunEvent>> r) {
        if (!r) {
            setError(r.error());
            return;
        }
        m_events.insert(runId, r.value());
        emit runEventsLoaded(runId);
    });
}

} // namespace hlc
