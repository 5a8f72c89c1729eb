#include "SseDecoder.h"

#include <utility>

namespace hlc::agents {

void SseDecoder::append(const QByteArray& bytes)
{
    if (m_overflow == Overflow::None)
        m_buffer.append(bytes);
}

std::optional<SseEvent> SseDecoder::next()
{
    if (m_overflow != Overflow::None)
        return std::nullopt;
    qsizetype from = 0;
    qsizetype nl;
    std::optional<SseEvent> dispatched;
    while (!dispatched && (nl = m_buffer.indexOf('\n', from)) >= 0) {
        qsizetype end = nl;
        if (end > from && m_buffer.at(end - 1) == '\r')
            --end;
        const QByteArray line = m_buffer.mid(from, end - from);
        from = nl + 1;
        if (!processLine(line, dispatched)) {
            m_buffer.clear();
            return std::nullopt;
        }
    }
    m_buffer.remove(0, from);
    if (!dispatched && m_buffer.size() > m_limits.maxLineBytes) {
        m_overflow = Overflow::Line;
        m_buffer.clear();
        m_data.clear();
    }
    return dispatched;
}

void SseDecoder::reset()
{
    m_buffer.clear();
    m_data.clear();
    m_eventName.clear();
    m_eventIdField.clear();
    m_overflow = Overflow::None;
}

bool SseDecoder::processLine(const QByteArray& line, std::optional<SseEvent>& dispatched)
{
    if (line.isEmpty()) {
        SseEvent e{std::exchange(m_data, {}), std::exchange(m_eventIdField, {}), std::exchange(m_eventName, {})};
        if (!e.data.isEmpty())
            dispatched = std::move(e);
        return true;
    }
    if (line.startsWith(':'))
        return true; // comment / keep-alive
    const qsizetype colon = line.indexOf(':');
    const QByteArray field = colon < 0 ? line : line.left(colon);
    QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (field == "data") {
        if (m_data.size() + value.size() + 1 > m_limits.maxEventBytes) {
            m_overflow = Overflow::Event;
            m_data.clear();
            return false;
        }
        if (!m_data.isEmpty())
            m_data.append('\n');
        m_data.append(value);
    } else if (field == "event") {
        m_eventName = value;
    } else if (field == "id") {
        m_eventIdField = value;
    }
    // "retry" is ignored: the reconnect policy is the caller's.
    return true;
}

} // namespace hlc::agents
