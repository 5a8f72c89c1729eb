#pragma once

#include <QHash>
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
 * - **Viewers:** a poller may also name the views that show its data (addViewer(): the Overview's host cards, the
 *   charts, the GPU tab). While it has viewers and none of them is on screen (another tab is open), it waits in the
 *   background as well; a poller without viewers follows the window alone.
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
    /// True while the poll waits backgroundFactor() times longer: the window is closed, or no viewer is on screen.
    [[nodiscard]] bool inBackground() const { return m_background || unwatched(); }

    /// @p viewer shows this poller's data; it counts as on screen once setViewerVisible() says so. Forgotten when it
    /// is destroyed (or with removeViewer()).
    void addViewer(QObject* viewer);
    void removeViewer(QObject* viewer);
    /// @p viewer (added before) came on screen (true) or left it (false).
    void setViewerVisible(QObject* viewer, bool visible);
    [[nodiscard]] int viewerCount() const { return static_cast<int>(m_viewers.size()); }

    /// After each poll: @p ok false counts a failure (backoff), true resets it.
    void pollFinished(bool ok);
    /// The window was closed to the tray (true) or shown again (false).
    void setBackground(bool background);

signals:
    /// currentMs() changed.
    void paceChanged(int currentMs);

private:
    void apply();
    /// Some views show this poller's data and none of them is on screen.
    [[nodiscard]] bool unwatched() const;

    QTimer* m_timer;
    int m_intervalMs = 5000;
    int m_failures = 0;
    bool m_background = false;
    int m_applied = -1;
    QHash<QObject*, bool> m_viewers; ///< viewer -> on screen
};

} // namespace hlc
