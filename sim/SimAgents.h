#pragma once

#include "SimHttpServer.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QTimer;

namespace hlc::sim {

class SimStream;

/**
 * @brief The agent platform API of docs/api/agents.openapi.yaml (`/api/v1/...`) with the agents of the seed.
 *
 * Content Creator, Researcher, Analyst, Verifier, Project Manager and Communicator, with realistic presets
 * (seed/AGENTS.md). A run is queued, then runs through its agent's steps, one every stepMs(), each a log line and a
 * progress event; it ends with markdown output and an artifact, or fails (the Researcher's "Investment
 * opportunities" preset runs into an exhausted Perplexity quota). An agent takes one run at a time (409 while busy).
 * Events stream as server-sent events with `Last-Event-ID` resume and `: ping` keep-alives, or as JSON.
 * Bearer-token auth. State lives here, not in the server: a server that is closed and listens again on the same
 * port (a restart) serves the same runs.
 */
class SimAgents final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimAgents)
public:
    SimAgents(SimHttpServer* server, QString token, QObject* parent = nullptr);
    ~SimAgents() override;

    [[nodiscard]] static QString apiPrefix() { return QStringLiteral("/api/v1"); }
    [[nodiscard]] QString token() const { return m_token; }

    /// Time between two steps of a run (default 700 ms; a run has 6 to 9 steps).
    void setStepMs(int ms);
    /// Interval of `: ping` comments on open event streams (default 1000 ms).
    void setHeartbeatMs(int ms);
    /// Drops every open event stream abruptly (a proxy restart); returns how many.
    int abortStreams();
    [[nodiscard]] int openStreams() const;
    /// The next event written to the open event streams is cut mid-message: half its frame is sent, then each stream
    /// is dropped abruptly (a proxy that dies while relaying). The event itself is kept: a client that reconnects with
    /// `Last-Event-ID` gets it whole. Once; then streams are written normally again.
    void cutNextEventMidway() { m_cutNextEvent = true; }
    /// Streams cut so by cutNextEventMidway() (since construction).
    [[nodiscard]] int streamsCutMidEvent() const { return m_streamsCut; }
    /// Puts an agent in error (it refuses runs with 409) or back to normal with an empty @p message.
    void setAgentError(const QString& agentId, const QString& message);
    [[nodiscard]] QStringList agentIds() const;
    /// The status of a run ("queued", "running", ...), empty when unknown.
    [[nodiscard]] QString runStatus(const QString& runId) const;
    /// Number of runs ever started.
    [[nodiscard]] int runCount() const;

private:
    struct Agent;
    struct Run;
    struct Subscriber
    {
        QString runId;
        QPointer<SimStream> stream;
    };

    void setupAgents();
    void setupRoutes();
    [[nodiscard]] bool authorized(const SimRequest& r) const;
    SimResponse listAgents(const SimRequest& r) const;
    SimResponse startRun(const SimRequest& r);
    SimResponse getRun(const SimRequest& r) const;
    SimResponse listRuns(const SimRequest& r) const;
    SimResponse cancelRun(const SimRequest& r);
    SimResponse artifact(const SimRequest& r) const;
    void events(const SimRequest& r, SimStream* stream);
    void step();
    void heartbeat();
    void addEvent(Run& run, const QByteArray& type, const QByteArray& eventJson);
    void logLine(Run& run, const QString& level, const QString& message);
    void setProgress(Run& run, double progress, const QString& step);
    void setStatus(Run& run, const QString& status, const QString& message = {});
    void finishStreams(const QString& runId);
    [[nodiscard]] Agent* agent(const QString& id);
    [[nodiscard]] const Agent* agent(const QString& id) const;
    [[nodiscard]] QByteArray runJson(const Run& run) const;

    QPointer<SimHttpServer> m_server;
    QString m_token;
    QList<std::shared_ptr<Agent>> m_agents;
    QMap<QString, std::shared_ptr<Run>> m_runs;
    QStringList m_runOrder; ///< oldest first
    QList<Subscriber> m_subscribers;
    QTimer* m_stepTimer;
    QTimer* m_heartbeatTimer;
    int m_nextRun = 1;
    bool m_cutNextEvent = false;
    int m_streamsCut = 0;
};

} // namespace hlc::sim
