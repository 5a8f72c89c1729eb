#pragma once

#include "agents/AgentsTypes.h"
#include "core/ActionJournal.h"
#include "core/ApiError.h"
#include "core/Config.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

class QTimer;

namespace hlc {

class ServiceDirectory;
namespace agents {
class AgentsClient;
class AgentEventStream;
} // namespace agents

/**
 * @brief Starts agent runs (from a preset or a form), follows each run's event stream to its end, cancels, and
 * keeps the agents and the run history fresh.
 *
 * Talks to the first service of kind ServiceKind::Agents in the configuration. Every run that is not finished is
 * followed, also runs started elsewhere (n8n, another client), so a notification is posted whenever any run
 * finishes or fails. Starts (the "requested" line before the POST), cancels and outcomes are recorded through the
 * ActionJournal.
 */
class AgentRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentRunner)
public:
    /// The first agents service of @p services' config and its client come from @p services.
    AgentRunner(ServiceDirectory* services, ActionJournal* journal, QObject* parent = nullptr);
    ~AgentRunner() override;

    /// True when an agents service is configured.
    [[nodiscard]] bool isConfigured() const { return m_client != nullptr; }
    [[nodiscard]] QString hostId() const { return m_hostId; }
    [[nodiscard]] agents::AgentsClient* client() const { return m_client; }

    /// Refreshes every @p intervalMs, once the service directory has read the secret (if one is needed).
    void start(int intervalMs);
    void stop();
    void refresh();

    [[nodiscard]] const QList<agents::Agent>& agents() const { return m_agents; }
    [[nodiscard]] const agents::Agent* agent(const QString& id) const;
    /// Known runs, newest first.
    [[nodiscard]] const QList<agents::Run>& history() const { return m_history; }
    [[nodiscard]] const agents::Run* run(const QString& runId) const;
    /// The events received for a run so far (followed runs, or loaded with loadEvents()).
    [[nodiscard]] QList<agents::RunEvent> events(const QString& runId) const { return m_events.value(runId); }
    [[nodiscard]] bool isFollowing(const QString& runId) const { return m_streams.contains(runId); }
    /// The last error talking to the service (Kind::None when the last refresh worked).
    [[nodiscard]] const ApiError& lastError() const { return m_lastError; }
    /// When the agent list was last read (null: never): the agents shown are from then while lastError() is set.
    [[nodiscard]] QDateTime lastSuccess() const { return m_lastSuccess; }

    /// Starts a run of @p presetId. The result arrives as runStarted() or startFailed().
    void runPreset(const QString& agentId, const QString& presetId);
    /// Starts a run with @p input (validate it with agents::validateInput() first).
    void runWithInput(const QString& agentId, const QVariantMap& input);
    void cancel(const QString& runId);
    /// Fetches the events of a run that is not followed (history), then emits runEventsLoaded().
    void loadEvents(const QString& runId);

    /// The "Agent: preset" label of a run, for titles and notifications.
    [[nodiscard]] QString runLabel(const agents::Run& run) const;

signals:
    void agentsChanged();
    void historyChanged();
    void errorChanged();
    void runStarted(const QString& runId, const QString& agentId);
    /// @param fieldErrors the server's per-field messages for a 400 (empty otherwise)
    void startFailed(const QString& agentId, const QString& presetId, const hlc::ApiError& error,
                     const hlc::agents::FieldErrors& fieldErrors);
    void runEvent(const QString& runId, const hlc::agents::RunEvent& event);
    void runChanged(const QString& runId);
    void runFinished(const QString& runId, hlc::agents::RunStatus status);
    void runEventsLoaded(const QString& runId);
    /// Streaming for @p runId fell back to polling, or came back.
    void followModeChanged(const QString& runId, const QString& mode);
    /// A cancel failed (the message is also posted as a notification).
    void actionFailed(const QString& message);

private:
    void startRun(const QString& agentId, const agents::StartRun& request);
    void follow(const QString& runId, qint64 afterEventId = 0);
    void mergeRun(const agents::Run& run);
    void onFinished(const QString& runId, agents::RunStatus status);
    void setError(const ApiError& e);
    [[nodiscard]] ActionTarget runTarget(const QString& label) const;

    QString m_hostId;
    ServiceConfig m_service;
    ServiceDirectory* m_services;
    bool m_waitingForSecret = false;
    ActionJournal* m_journal;
    QHash<QString, ActionJournal::Entry> m_runEntries; ///< run id -> the journal entry of a run started here
    agents::AgentsClient* m_client = nullptr;
    QTimer* m_timer;
    QList<agents::Agent> m_agents;
    QList<agents::Run> m_history;
    QHash<QString, QList<agents::RunEvent>> m_events;
    QHash<QString, QPointer<agents::AgentEventStream>> m_streams;
    QHash<QString, QString> m_origin; ///< run id -> "panel" for runs started here
    ApiError m_lastError;
    QDateTime m_lastSuccess;
    bool m_refreshing = false;
};

} // namespace hlc
