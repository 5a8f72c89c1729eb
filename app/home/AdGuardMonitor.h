#pragma once

#include "adguard/AdGuardTypes.h"
#include "adguard/AdGuardVersion.h"
#include "core/ActionJournal.h"
#include "core/Config.h"
#include "core/SourceStatus.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QTimer;

namespace hlc {
class PollPacer;
}

namespace hlc {
class ApiCall;
class ServiceDirectory;
namespace adguard {
class AdGuardClient;
}

/**
 * @brief Live state of one AdGuard Home: status, stats, filter lists and the recent query log, polled on a timer.
 *
 * Protection actions (pause for a while, pause until re-enabled, resume) are followed to their outcome: the
 * server's /status is read again and the result is shown, posted as a notification and written to the audit log.
 */
class AdGuardMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdGuardMonitor)
public:
    /// The service's client (with its secret) comes from @p services.
    AdGuardMonitor(const HostConfig& host, const ServiceConfig& service, ServiceDirectory* services,
                   ActionJournal* journal, QObject* parent = nullptr);
    ~AdGuardMonitor() override;

    [[nodiscard]] QString hostId() const { return m_hostId; }
    [[nodiscard]] QString hostName() const { return m_hostName; }
    [[nodiscard]] const ServiceConfig& service() const { return m_service; }
    [[nodiscard]] const SourceStatus& sourceStatus() const { return m_source; }
    [[nodiscard]] const std::optional<adguard::ServerStatus>& status() const { return m_status; }
    [[nodiscard]] const std::optional<adguard::Stats>& stats() const { return m_stats; }
    [[nodiscard]] const std::optional<adguard::FilteringStatus>& filtering() const { return m_filtering; }
    [[nodiscard]] const QList<adguard::QueryLogEntry>& queryLog() const { return m_queryLog; }
    [[nodiscard]] const adguard::QueryLogFilter& queryFilter() const { return m_filter; }
    /// Remaining pause, counted down locally between polls; 0 when protection is on or paused indefinitely.
    [[nodiscard]] qint64 pauseRemainingMs() const;
    /// Protection is off with no end set ("until re-enabled").
    [[nodiscard]] bool pausedIndefinitely() const;
    /// The server's version as its /status reports it (unknown before the first answer).
    [[nodiscard]] adguard::AdGuardVersion serverVersion() const;
    /// The server ends a timed pause itself (POST /control/protection, v0.107.27+). False for older servers, and
    /// once /control/protection answered 404: then the app switches protection with POST /control/dns_config and
    /// ends a timed pause itself, which works only while the app runs.
    [[nodiscard]] bool serverTimesPauses() const;
    /// The current pause is ended by this app's timer (an old server without a pause timer).
    [[nodiscard]] bool pauseTimedByApp() const;
    [[nodiscard]] bool actionInFlight() const { return m_actionInFlight; }
    /// A status/stats/filtering round is in flight; refresh() meanwhile is a no-op (the round's updated() follows).
    [[nodiscard]] bool polling() const { return m_pending > 0; }

    void setSourceError(const ApiError& error);
    void start(int intervalMs);
    /// The pace of the status poll: slower while AdGuard fails, or while the window is closed to the tray.
    [[nodiscard]] PollPacer* pacer() const { return m_pacer; }
    void stop();
    void refresh();
    /// Changes the query log filter and reads the log again.
    void setQueryFilter(const adguard::QueryLogFilter& filter);
    /// The query log (200 entries, the largest AdGuard answer) is fetched with each refresh only while someone
    /// shows it (the AdGuard tab); status, stats and filters are always polled. The view registers a predicate
    /// ("am I on screen?") that is asked at every refresh, so the decision follows the screen at that moment and
    /// not the order in which earlier replies arrived. No predicate: always fetched.
    void setQueryLogInterest(std::function<bool()> interest);
    [[nodiscard]] bool queryLogWanted() const { return !m_queryLogInterest || m_queryLogInterest(); }
    /// The view just became visible: fetch the log now (when polling) instead of at the next refresh.
    void queryLogNeededNow();

    /// Pauses protection for @p ms (0: until resumed). Followed by a /status read; see actionFinished().
    void pause(qint64 ms);
    void resume();

signals:
    void updated();
    void queryLogUpdated();
    /// A protection action ended: @p ok with the outcome as the user should read it.
    void actionFinished(bool ok, const QString& message);

private:
    void pollStatus();
    void fetchQueryLog();
    void setProtection(bool enabled, qint64 ms);
    /// Sends the switch (POST /protection, or /dns_config when @p legacy) and reads the state back.
    void sendProtection(bool enabled, qint64 ms, bool legacy, const ActionJournal::Entry& entry);
    void record(const ActionJournal::Entry& entry, const ActionJournal::Outcome& outcome, const QString& message);

    QString m_hostId;
    QString m_hostName;
    ServiceConfig m_service;
    ActionJournal* m_journal;
    adguard::AdGuardClient* m_client;
    QTimer* m_timer;
    PollPacer* m_pacer;
    QTimer* m_appResume;            ///< ends a timed pause on a server that cannot (only while the app runs)
    bool m_noProtectionApi = false; ///< POST /control/protection answered 404: an older server
    SourceStatus m_source;
    std::optional<adguard::ServerStatus> m_status;
    std::optional<adguard::Stats> m_stats;
    std::optional<adguard::FilteringStatus> m_filtering;
    QList<adguard::QueryLogEntry> m_queryLog;
    adguard::QueryLogFilter m_filter;
    QElapsedTimer m_statusAge;
    QPointer<ApiCall> m_statusCall;
    QPointer<ApiCall> m_logCall;
    int m_pending = 0;
    bool m_actionInFlight = false;
    std::function<bool()> m_queryLogInterest;
    int m_filterGeneration = 0;
};

} // namespace hlc
