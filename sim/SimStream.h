#pragma once

#include <QByteArray>
#include <QObject>

namespace hlc::sim {

class SimHttpConnection;

/**
 * @brief A long-lived response (server-sent events, NDJSON, ...) written piece by piece with chunked encoding.
 *
 * Owned by the connection that received the request: it is deleted with the connection, so keep it in a
 * QPointer. After end(), abort() or closed() every call is a no-op.
 */
class SimStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimStream)
public:
    /// Sends the status line and headers (`Transfer-Encoding: chunked`). Called implicitly by the first write().
    void writeHead(int status = 200, const QByteArray& contentType = "text/event-stream");
    /// Sends one chunk (ignored when empty: an empty chunk would end the stream).
    void write(const QByteArray& chunk);
    /// Sends the terminating chunk; the connection then serves its next request.
    void end();
    /// Drops the connection abruptly.
    void abort();

    [[nodiscard]] bool isOpen() const { return m_state == State::Idle || m_state == State::Streaming; }
    [[nodiscard]] bool headWritten() const { return m_state != State::Idle; }

signals:
    /// The client went away (or abort() was called) before end().
    void closed();

private:
    friend class SimHttpConnection;
    explicit SimStream(SimHttpConnection* connection);
    void markClosed();

    enum class State
    {
        Idle,
        Streaming,
        Ended,
        Closed
    };
    SimHttpConnection* m_connection;
    State m_state = State::Idle;
};

} // namespace hlc::sim
