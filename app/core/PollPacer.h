#pragma once

#include <QObject>

class QTimer;

namespace hlc {

/**
 * @brief The pace of one poller's timer: the refresh interval while its server answers, slower while it fails or
 * nobody looks.
 *
 * - **Backoff:** every failed poll doubles the wait (5 s, 10 s, 20 s, ...) up to limitMs() (60 s, or the interval if
 *   that is longer); the first success brings the interval back. A server that is down or overloaded is asked less
 *   often, and the app is not the one that keeps it down.
 * - **Background:** a poller whose data only a view shows (charts, GPU load, AdGuard statistics) waits
 *   backgroundFactor() times longer while the window is closed to the tray; pollers the tray needs (alerts, health
 *   probes, agent runs) are never put in the background.
 *
 * The pacer sets the interval of the poller's own QTimer (the poller still starts and stops it); a change takes effect
 * from the next tick, never fires a poll early.
 */
class PollPacer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PollPacer)

public:
    static constexpr int kLimitMs = 60'000;
    static constexpr int kBackgroundFactor = 6;

    PollPacer(QTimer* timer, QObject* parent);

    /// The interval while the server answers and the window is open (what the poller's start() got).
    void setIntervalMs(int ms);
    [[nodiscard]] int intervalMs() const { return m_intervalMs; }
    /// The wait until the next poll as things are now.
    [[nodiscard]] int currentMs() const;
    [[nodiscard]] int limitMs() const;
    /// Failed polls in a row.
    [[nodiscard]] int failures() const { return m_failures; }
    [[nodiscard]] bool inBackground() const { return m_background; }

    /// After each poll: @p ok false counts a failure (backoff), true resets it.
    void pollFinished(bool ok);
    /// The window was closed to the tray (true) or shown again (false).
    void setBackground(bool background);

signals:
    /// currentMs() changed.
    void paceChanged(int currentMs);

private:
    void apply();

    QTimer* m_timer;
    int m_intervalMs = 5000;
    int m_failures = 0;
    bool m_background = false;
    int m_applied = -1;
};

} // namespace hlc
