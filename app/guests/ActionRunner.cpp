#include "guests/ActionRunner.h"

#include "guests/GuestInventory.h"
#include "portainer/PortainerClient.h"
#include "proxmox/ProxmoxClient.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcActions, "hlc.app.actions")

namespace hlc {

namespace {
QString progressVerb(const QString& action)
{
    if (action == QLatin1String("start"))
        return ActionRunner::tr("Starting…");
    if (action == QLatin1String("shutdown"))
        return ActionRunner::tr("Shutting down…");
    if (action == QLatin1String("stop"))
        return ActionRunner::tr("Stopping…");
    if (action == QLatin1String("reboot"))
        return ActionRunner::tr("Rebooting…");
    if (action == QLatin1String("suspend"))
        return ActionRunner::tr("Suspending…");
    if (action == QLatin1String("resume"))
        return ActionRunner::tr("Resuming…");
    if (action == QLatin1String("restart"))
        return ActionRunner::tr("Restarting…");
    return ActionRunner::tr("Working…");
}

QString guestLabel(const pve::Resource& g)
{
    const QString kind = g.type == QLatin1String("lxc") ? ActionRunner::tr("CT") : ActionRunner::tr("VM");
    return g.name.isEmpty() ? QStringLiteral("%1 %2").arg(kind).arg(g.vmid)
                            : QStringLiteral("%1 %2 (%3)").arg(kind).arg(g.vmid).arg(g.name);
}
} // namespace

ActionRunner::ActionRunner(InventoryLookup inventories, ActionJournal* journal, QObject* parent)
    : QObject(parent)
    , m_inventories(std::move(inventories))
    , m_journal(journal)
{}

QString ActionRunner::keyOf(const ActionTarget& target)
{
    switch (target.kind) {
    case ActionTarget::Kind::Stack:
        return QStringLiteral("stack/") + target.id;
    case ActionTarget::Kind::Container:
        return QStringLiteral("container/") + target.id;
    default:
        return target.id;
    }
}

ActionTarget ActionRunner::guestTarget(const QString& hostId, const pve::Resource& guest)
{
    ActionTarget t;
    t.hostId = hostId;
    t.service = ServiceKind::Proxmox;
    t.kind = ActionTarget::Kind::Guest;
    t.id = guestKey(guest);
    t.label = guestLabel(guest);
    return t;
}

ActionTarget ActionRunner::stackTarget(const QString& hostId, const portainer::Stack& stack)
{
    ActionTarget t;
    t.hostId = hostId;
    t.service = ServiceKind::Portainer;
    t.kind = ActionTarget::Kind::Stack;
    t.id = QString::number(stack.id);
    t.label = tr("stack %1").arg(stack.name);
    return t;
}

ActionTarget ActionRunner::containerTarget(const QString& hostId, const portainer::Container& container)
{
    ActionTarget t;
    t.hostId = hostId;
    t.service = ServiceKind::Portainer;
    t.kind = ActionTarget::Kind::Container;
    t.id = container.id;
    t.label = tr("container %1").arg(container.name);
    return t;
}

bool ActionRunner::isBusy(const QString& hostId, const QString& key) const
{
    return m_running.contains(id(hostId, key));
}

QString ActionRunner::progress(const QString& hostId, const QString& key) const
{
    const auto it = m_running.constFind(id(hostId, key));
    return it == m_running.constEnd() ? QString() : it->progress;
}

std::optional<ActionOutcome> ActionRunner::lastOutcome(const QString& hostId, const QString& key) const
{
    const auto it = m_last.constFind(id(hostId, key));
    return it == m_last.constEnd() ? std::nullopt : std::optional<ActionOutcome>(*it);
}

void ActionRunner::begin(Running r)
{
    r.hostId = r.target.hostId;
    r.key = keyOf(r.target);
    r.label = r.target.label;
    // People know their hosts by name: every message says "on pve-thinkpad", never the config id "host-a".
    const GuestInventory* inv = m_inventories ? m_inventories(r.hostId) : nullptr;
    r.hostName = inv ? inv->hostName() : r.hostId;
    r.progress = progressVerb(r.action);
    r.started = QDateTime::currentDateTimeUtc();
    // The request is on record before anything is sent: if the app dies mid-action, the log still says what was
    // asked for. The outcome follows as a second line.
    if (m_journal)
        r.entry = m_journal->begin(r.target, r.action);
    m_running.insert(id(r.hostId, r.key), r);
    emit actionStarted(r.target);
    emit actionProgress(r.target, r.progress);
}

void ActionRunner::setProgress(const QString& runId, const QString& text)
{
    auto it = m_running.find(runId);
    if (it == m_running.end())
        return;
    it->progress = text;
    emit actionProgress(it->target, text);
}

bool ActionRunner::runGuestAction(const QString& hostId, const pve::Resource& guest, pve::GuestAction action)
{
    GuestInventory* inv = m_inventories ? m_inventories(hostId) : nullptr;
    const QString key = guestKey(guest);
    if (!inv || !inv->proxmoxClient() || isBusy(hostId, key))
        return false;
    Running r;
    r.target = guestTarget(hostId, guest);
    r.action = pve::guestActionName(action);
    r.node = guest.node.isEmpty() ? inv->proxmoxNode() : guest.node;
    begin(r);
    sendGuestAction(id(hostId, key), guest.type, guest.vmid, action);
    return true;
}

void ActionRunner::sendGuestAction(const QString& runId, const QString& type, int vmid, pve::GuestAction action)
{
    const auto it = m_running.constFind(runId);
    GuestInventory* inv = it != m_running.constEnd() && m_inventories ? m_inventories(it->hostId) : nullptr;
    if (!inv || !inv->proxmoxClient()) {
        ActionOutcome o;
        o.message = tr("The host was removed before the action was sent.");
        finish(runId, o);
        return;
    }
    inv->proxmoxClient()->guestAction(
        it->node, type, vmid, action, this, [this, runId, type, vmid, action](Result<QString> u) {
            if (!m_running.contains(runId))
                return;
            if (!u.ok()) {
                if (reauthenticate(runId, u.error(),
                                   [this, runId, type, vmid, action] { sendGuestAction(runId, type, vmid, action); }))
                    return;
                ActionOutcome o;
                o.message = u.error().message;
                o.outcomeUnknown = u.error().outcomeUnknown;
                finish(runId, o);
                return;
            }
            m_running[runId].upid = u.value();
            setProgress(runId, tr("%1 task running").arg(progressVerb(m_running[runId].action)));
            QTimer::singleShot(m_pollMs, this, [this, runId] { pollTask(runId); });
        });
}

bool ActionRunner::reauthenticate(const QString& runId, const ApiError& error, std::function<void()> retry)
{
    auto it = m_running.find(runId);
    if (it == m_running.end() || error.httpStatus != 401 || it->reauthTried || !m_reauth)
        return false;
    it->reauthTried = true;
    const QString hostId = it->hostId;
    const bool started =
        m_reauth(hostId, this, [this, runId, retry = std::move(retry)](const std::optional<ApiError>& loginError) {
            if (!m_running.contains(runId))
                return;
            if (loginError) {
                ActionOutcome o;
                o.message = tr("Logging in to Proxmox again failed: %1").arg(loginError->message);
                o.taskId = m_running.value(runId).upid;
                finish(runId, o);
                return;
            }
            qCInfo(lcActions) << runId << "logged in again after 401; re-sending";
            retry();
        });
    if (started)
        setProgress(runId, tr("Proxmox ticket expired: logging in again…"));
    return started;
}

void ActionRunner::pollTask(const QString& runId)
{
    auto it = m_running.find(runId);
    if (it == m_running.end())
        return;
    GuestInventory* inv = m_inventories ? m_inventories(it->hostId) : nullptr;
    if (!inv || !inv->proxmoxClient()) {
        ActionOutcome o;
        o.message = tr("The host was removed while the task ran.");
        o.taskId = it->upid;
        o.outcomeUnknown = true;
        finish(runId, o);
        return;
    }
    pve::ProxmoxClient* pve = inv->proxmoxClient();
    pve->taskStatus(
        it->node, it->upid, this, [this, runId, pve = QPointer<pve::ProxmoxClient>(pve)](Result<pve::TaskStatus> s) {
            auto run = m_running.find(runId);
            if (run == m_running.end())
                return;
            const qint64 secs = run->started.secsTo(QDateTime::currentDateTimeUtc());
            if (!s.ok()) {
                if (reauthenticate(runId, s.error(), [this, runId] { pollTask(runId); }))
                    return;
                // The task runs on regardless: a lost poll is retried, a lasting failure reported as unknown.
                if (++run->pollFailures >= 5) {
                    ActionOutcome o;
                    o.message = tr("Lost track of the task: %1").arg(s.error().message);
                    o.taskId = run->upid;
                    o.outcomeUnknown = true;
                    finish(runId, o);
                    return;
                }
                QTimer::singleShot(m_pollMs, this, [this, runId] { pollTask(runId); });
                return;
            }
            run->pollFailures = 0;
            const pve::TaskStatus& t = s.value();
            if (t.running()) {
                if (secs * 1000 > m_taskTimeoutMs) {
                    ActionOutcome o;
                    o.message = tr("The task is still running after %1 s; check it in Proxmox.").arg(secs);
                    o.taskId = run->upid;
                    o.outcomeUnknown = true;
                    finish(runId, o);
                    return;
                }
                setProgress(runId, tr("%1 task running %2 s").arg(progressVerb(run->action)).arg(secs));
                QTimer::singleShot(m_pollMs, this, [this, runId] { pollTask(runId); });
                return;
            }
            ActionOutcome o;
            o.taskId = run->upid;
            if (t.succeeded()) {
                o.result = ActionOutcome::Result::Ok;
                o.message = tr("%1 on %2: %3 finished: %4").arg(run->label, run->hostName, run->action, t.exitstatus);
                finish(runId, o);
                return;
            }
            o.message = tr("%1 on %2: %3 failed: %4").arg(run->label, run->hostName, run->action, t.exitstatus);
            if (!pve) {
                finish(runId, o);
                return;
            }
            pve->taskLogTail(run->node, run->upid, 50, this, // the end of the log: where the error is
                             [this, runId, o](Result<QList<pve::TaskLogLine>> log) mutable {
                                 if (log.ok()) {
                                     const QList<pve::TaskLogLine>& lines = log.value();
                                     for (qsizetype i = std::max<qsizetype>(0, lines.size() - 5); i < lines.size(); ++i)
                                         o.log << lines.at(i).t;
                                 }
                                 finish(runId, o);
                             });
        });
}

bool ActionRunner::runStackAction(const QString& hostId, const portainer::Stack& stack, bool start)
{
    GuestInventory* inv = m_inventories ? m_inventories(hostId) : nullptr;
    const QString key = stackKey(stack);
    if (!inv || !inv->portainerClient() || isBusy(hostId, key))
        return false;
    Running r;
    r.target = stackTarget(hostId, stack);
    r.action = start ? QStringLiteral("start") : QStringLiteral("stop");
    begin(r);
    const QString runId = id(hostId, key);
    const int env = stack.endpointId > 0 ? stack.endpointId : inv->portainerEnvironment();
    inv->portainerClient()->stackAction(
        stack.id, env, start, this, [this, runId, start](Result<portainer::StackActionResult> res) {
            const auto run = m_running.constFind(runId);
            if (run == m_running.constEnd())
                return;
            const QString done = start ? tr("%1 on %2 started.").arg(run->label, run->hostName)
                                       : tr("%1 on %2 stopped.").arg(run->label, run->hostName);
            finishPortainer(runId, res.ok() ? nullptr : &res.error(), res.ok() && res.value().alreadyInState, start,
                            done);
        });
    return true;
}

bool ActionRunner::runContainerAction(const QString& hostId, const portainer::Container& container,
                                      portainer::ContainerAction action)
{
    GuestInventory* inv = m_inventories ? m_inventories(hostId) : nullptr;
    const QString key = containerKey(container);
    if (!inv || !inv->portainerClient() || inv->portainerEnvironment() <= 0 || isBusy(hostId, key))
        return false;
    Running r;
    r.target = containerTarget(hostId, container);
    r.action = portainer::containerActionName(action);
    begin(r);
    const QString runId = id(hostId, key);
    inv->portainerClient()->containerAction(
        inv->portainerEnvironment(), container.id, action, this,
        [this, runId, action](Result<portainer::ContainerActionResult> res) {
            const auto run = m_running.constFind(runId);
            if (run == m_running.constEnd())
                return;
            const QString done = tr("%1 on %2: %3 done.").arg(run->label, run->hostName, run->action);
            finishPortainer(runId, res.ok() ? nullptr : &res.error(), res.ok() && res.value().alreadyInState,
                            action != portainer::ContainerAction::Stop, done);
        });
    return true;
}

void ActionRunner::finishPortainer(const QString& runId, const ApiError* error, bool alreadyInState, bool wantsRunning,
                                   const QString& doneMessage)
{
    const auto run = m_running.constFind(runId);
    if (run == m_running.constEnd())
        return;
    ActionOutcome o;
    if (error) {
        o.message = tr("%1 on %2: %3 failed: %4").arg(run->label, run->hostName, run->action, error->message);
        o.outcomeUnknown = error->outcomeUnknown;
    } else if (alreadyInState) {
        o.result = ActionOutcome::Result::AlreadyInState;
        o.message = wantsRunning ? tr("%1 on %2 is already running.").arg(run->label, run->hostName)
                                 : tr("%1 on %2 is already stopped.").arg(run->label, run->hostName);
    } else {
        o.result = ActionOutcome::Result::Ok;
        o.message = doneMessage;
    }
    finish(runId, o);
}

void ActionRunner::finish(const QString& runId, ActionOutcome outcome)
{
    const auto it = m_running.find(runId);
    if (it == m_running.end())
        return;
    const Running r = *it;
    m_running.erase(it);
    outcome.action = r.action;
    m_last.insert(runId, outcome);
    if (r.key.startsWith(QLatin1String("lxc/")) && outcome.result == ActionOutcome::Result::Ok) {
        if (r.action == QLatin1String("suspend"))
            m_suspendedContainers.insert(runId);
        else
            m_suspendedContainers.remove(runId); // resume, stop, shutdown, reboot, start: no longer frozen
    }

    // A request that never reached its target (host removed, login failed, API error) has only the reason as its
    // message: the target, host and action go in front, so that every outcome is one sentence naming all three.
    const QString reason = outcome.message;
    if (outcome.result == ActionOutcome::Result::Failed && !outcome.message.startsWith(r.label))
        outcome.message = tr("%1 on %2: %3 failed: %4").arg(r.label, r.hostName, r.action, outcome.message);

    if (m_journal) {
        using Outcome = ActionJournal::Outcome;
        // The message is the notification's one line (it names the target and the host); the body adds only the
        // task log, so the status bar and the tray say it once.
        const QString title = outcome.message;
        const QString body = outcome.log.join(QLatin1Char('\n'));
        Outcome o;
        switch (outcome.result) {
        case ActionOutcome::Result::Ok:
            o = Outcome::ok(title, body);
            break;
        case ActionOutcome::Result::AlreadyInState:
            o = Outcome::ok(title, body);
            o.auditOutcome = r.action == QLatin1String("stop") ? QStringLiteral("already stopped")
                                                               : QStringLiteral("already running");
            break;
        case ActionOutcome::Result::Failed:
            o = outcome.outcomeUnknown
                    ? Outcome::unknown(reason,
                                       tr("Check the target's state on %1 before trying again.").arg(r.hostName), title,
                                       body)
                    : Outcome::failed(reason, title, body);
            break;
        }
        o.taskId = outcome.taskId;
        o.detail = outcome.log.join(QLatin1Char('\n'));
        m_journal->finish(r.entry, o);
    }
    if (GuestInventory* inv = m_inventories ? m_inventories(r.hostId) : nullptr)
        inv->refresh();
    emit actionFinished(r.target, outcome);
}

} // namespace hlc
