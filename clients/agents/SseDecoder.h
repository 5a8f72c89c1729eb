#pragma once

#include <QByteArray>

#include <optional>

namespace hlc::agents {

/// One server-sent event as it arrived: its data lines joined by '\n', its last `id` and `event` fields.
struct SseEvent
{
    QByteArray data;
    QByteArray id;
    QByteArray name;
};

/**
 * @brief The framing of a `text/event-stream` (bytes in, events out), with limits on what it holds.
 *
 * Lines end in LF or CRLF; `field: value` lines (one space after the colon dropped), `:` comments, a blank line ends
 * an event. An event without data is no event. `retry` and unknown fields are ignored. The decoder holds at most one
 * unfinished line and one event's data: a line longer than Limits::maxLineBytes, or an event's data larger than
 * Limits::maxEventBytes, stops it (overflow()) until reset(). No I/O and no Qt object: AgentEventStream feeds it the
 * bytes of its reply, the fuzz target (tests/fuzz) feeds it anything.
 */
class SseDecoder
{
public:
    struct Limits
    {
        qsizetype maxLineBytes = 4LL * 1024 * 1024;  ///< one line
        qsizetype maxEventBytes = 8LL * 1024 * 1024; ///< the data of one event
    };
    enum class Overflow
    {
        None,
        Line, ///< a line longer than maxLineBytes
        Event ///< an event whose data is larger than maxEventBytes
    };

    SseDecoder() = default;
    explicit SseDecoder(const Limits& limits)
        : m_limits(limits)
    {}

    void setLimits(const Limits& limits) { m_limits = limits; }
    [[nodiscard]] const Limits& limits() const { return m_limits; }

    /// Appends bytes of the stream; nothing is decoded until next().
    void append(const QByteArray& bytes);
    /// The next complete event, or nothing when the complete lines held are used up or a limit was exceeded (see
    /// overflow()). Reads only as far as that event: the caller may stop between events.
    [[nodiscard]] std::optional<SseEvent> next();
    /// Why decoding stopped; None while it goes on.
    [[nodiscard]] Overflow overflow() const { return m_overflow; }
    /// Nothing held: no partial line and no partial event (a good moment to reopen a connection).
    [[nodiscard]] bool idle() const { return m_buffer.isEmpty() && m_data.isEmpty(); }
    /// Forgets everything held, including an overflow (a new connection).
    void reset();

private:
    /// false: the line made the event too large (overflow set).
    bool processLine(const QByteArray& line, std::optional<SseEvent>& dispatched);

    Limits m_limits;
    QByteArray m_buffer; ///< bytes after the last complete line
    QByteArray m_data;
    QByteArray m_eventName;
    QByteArray m_eventIdField;
    Overflow m_overflow = Overflow::None;
};

} // namespace hlc::agents
