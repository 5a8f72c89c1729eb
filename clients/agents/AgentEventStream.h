#pragma once

#include "AgentsTypes.h"
#include "SseDecoder.h"
#include "core/ApiError.h"
#include "core/TlsPolicy.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkReply;
class QTimer;

namespace hlc {
class ApiClient;
class ApiCall;
} // namespace hlc

namespace hlc::agents {

/**
 * @brief Follows one run's events: a server-sent event stream (`GET /runs/{id}/events`, `Accept:
 * text/event-stream`) read as it arrives, that reconnects with `Last-Event-ID` when it drops and falls back to
 * polling (JSON events + the run) when streaming keeps failing.
 *
 * Every event is delivered once, in order (ids only grow). finished() is emitted once the run reached a final
 * status; the stream then stops. Destroying the object stops everything.
 */
class AgentEventStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentEventStream)
public:
    enum class Mode
    {
        Idle,         ///< not started, or stopped
        Streaming,    ///< an event stream is open (or being opened)
        Reconnecting, ///< the stream dropped; waiting before the next attempt
        Polling,      ///< streaming failed too often; polling the JSON endpoints
        Finished,     ///< the run reached a final status
    };
    Q_ENUM(Mode)

    AgentEventStream(ApiClient* api, QString runId, QObject* parent = nullptr);
    ~AgentEventStream() override;

    /// Starts following after event @p afterEventId (0: from the first event).
    void start(qint64 afterEventId = 0);
    void stop();

    [[nodiscard]] QString runId() const { return m_runId; }
    [[nodiscard]] Mode mode() const { return m_mode; }
    [[nodiscard]] qint64 lastEventId() const { return m_lastEventId; }
    /// Number of times the stream was (re)opened.
    [[nodiscard]] int connects() const { return m_connects; }
    [[nodiscard]] RunStatus finalStatus() const { return m_finalStatus; }

    /// Consecutive stream failures (without any event in between) before switching to polling. Default 4.
    void setMaxStreamFailures(int n) { m_maxFailures = n; }
    /// First reconnect delay; doubles per consecutive failure, up to 8 s. Default 500 ms.
    void setReconnectDelayMs(int ms) { m_reconnectDelayMs = ms; }
    /// A stream that delivers nothing (not even a keep-alive comment) for this long is dropped. Default 20 s.
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }
    /// Interval of the polling fallback. Default 2 s.
    void setPollIntervalMs(int ms) { m_pollIntervalMs = ms; }

    /// What one stream may send, so that a broken or hostile server cannot grow our memory without bound.
    struct Limits
    {
        qsizetype maxLineBytes = 4LL * 1024 * 1024;     ///< one line; longer: the stream is dropped (an error)
        qsizetype maxEventBytes = 8LL * 1024 * 1024;    ///< the data of one event; larger: dropped (an error)
        qint64 maxConnectionBytes = 64LL * 1024 * 1024; ///< then the stream is reopened after the last event seen
    };
    void setLimits(const Limits& limits)
    {
        m_limits = limits;
        m_decoder.setLimits({limits.maxLineBytes, limits.maxEventBytes});
    }

signals:
    /// A new event (ids strictly increase).
    void eventReceived(const hlc::agents::RunEvent& event);
    /// The run's full state, fetched while polling (or once after the stream ended).
    void runUpdated(const hlc::agents::Run& run);
    void modeChanged(hlc::agents::AgentEventStream::Mode mode);
    /// A connection or poll failed; following continues (reconnect or next poll) unless the run is unknown.
    void problem(const hlc::ApiError& error);
    /// The run reached @p status (succeeded, failed, cancelled).
    void finished(hlc::agents::RunStatus status);

private:
    void openStream();
    void onReadyRead();
    void onStreamFinished();
    /// Delivers the decoded events while streaming; drops the stream when the decoder stopped at a limit.
    void decode();
    void dropForLimit(const QString& message, const QString& detail);
    void dispatchEvent(const SseEvent& sse);
    void deliver(const RunEvent& e);
    void scheduleReconnect();
    void setMode(Mode m);
    void poll();
    /// Polling saw the run final: reads the events written since the last poll, then finishes.
    void finishAfterLastEvents(RunStatus status);
    void finish(RunStatus status);
    void fetchFinalRun();

    ApiClient* m_api;
    QString m_runId;
    Mode m_mode = Mode::Idle;
    QPointer<QNetworkReply> m_reply;
    QPointer<ApiCall> m_pollCall;
    QPointer<ApiCall> m_runCall;
    QTimer* m_idleTimer;
    QTimer* m_retryTimer;
    SseDecoder m_decoder;
    qint64 m_lastEventId = 0;
    int m_failures = 0;
    int m_connects = 0;
    bool m_gotEventThisConnection = false;
    RunStatus m_finalStatus = RunStatus::Unknown;
    int m_maxFailures = 4;
    int m_reconnectDelayMs = 500;
    int m_idleTimeoutMs = 20000;
    int m_pollIntervalMs = 2000;
    std::optional<TlsRejection> m_tlsRejection; ///< what the TLS policy refused on the current connection
    Limits m_limits;
    qint64 m_connectionBytes = 0;
    std::optional<ApiError> m_limitError; ///< why the current stream is being dropped by us
    bool m_recycle = false;               ///< the connection reached maxConnectionBytes: reopen, no error
};

} // namespace hlc::agents
