#include "SimStream.h"

#include "SimHttpConnection.h"

namespace hlc::sim {

SimStream::SimStream(SimHttpConnection* connection)
    : QObject(connection)
    , m_connection(connection)
{}

void SimStream::writeHead(int status, const QByteArray& contentType)
{
    if (m_state != State::Idle)
        return;
    m_state = State::Streaming;
    m_connection->streamHead(status, contentType);
}

void SimStream::write(const QByteArray& chunk)
{
    if (m_state == State::Idle)
        writeHead();
    if (m_state != State::Streaming || chunk.isEmpty())
        return;
    m_connection->streamChunk(chunk);
}

void SimStream::end()
{
    if (m_state == State::Idle)
        writeHead();
    if (m_state != State::Streaming)
        return;
    m_state = State::Ended;
    m_connection->streamEnd();
}

void SimStream::abort()
{
    if (!isOpen())
        return;
    m_connection->streamAbort(); // ends in markClosed()
}

void SimStream::markClosed()
{
    if (!isOpen())
        return;
    m_state = State::Closed;
    emit closed();
}

} // namespace hlc::sim
