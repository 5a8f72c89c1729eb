#pragma once

#include "core/Config.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

class QNetworkAccessManager;
class QTimer;

namespace hlc {

/// The last outcome of one probe.
struct ProbeResult
{
    enum class State
    {
        Unknown, ///< not probed yet
        Up,
        Down
    };
    ProbeConfig probe;
    State state = State::Unknown;
    int latencyMs = -1;  ///< time to the answer (HTTP status line, TCP connect, PONG)
    QString detail;      ///< "HTTP 200", "connection refused", "PONG", "timeout after
                         ///< 3000 ms", ...
    QDateTime checkedAt; ///< UTC
};

/**
 * @brief Probes every service of every host on a timer: HTTP(S) GET of a health
 * or login page, TCP connect, or Redis PING. Reports up/down and latency per
 * service and the number of services down per host.
 *
 * A probe never sends a secret: no Authorization header, no cookies, no AUTH.
 * HTTPS certificates are verified; an untrusted certificate still proves the
 * service answers, so it counts as up (with a note), and the request is aborted
 * before anything is sent.
 */
class HealthProber final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthProber)
public:
    HealthProber(const Config& config, QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~HealthProber() override;

    /// The probes of a host: its configured probes, or one HTTP probe per
    /// configured service when it has none.
    [[nodiscard]] static QList<ProbeConfig> probesFor(const HostConfig& host);

    void setIntervalMs(int ms);
    void setTimeoutMs(int ms) { m_timeoutMs = std::max(100, ms); }
    [[nodiscard]] int intervalMs() const { return m_intervalMs; }
    [[nodiscard]] int timeoutMs() const { return m_timeoutMs; }

    void start();
    void stop();
    /// Probes everything now (probes still running are not started twice).
    void probeAll();

    [[nodiscard]] QStringList hostIds() const { return m_order; }
    [[nodiscard]] QList<ProbeResult> results(const QString& hostId) const { return m_results.value(hostId); }
    [[nodiscard]] int downCount(const QString& hostId) const;
    [[nodiscard]] int totalDown() const;
    /// One line per host with services down, for the tray tooltip; empty when
    /// everything is up.
    [[nodiscard]] QString downSummary() const;

signals:
    void hostUpdated(const QString& hostId);

private:
    void probe(const QString& hostId, int index);
    void finish(const QString& hostId, int index, bool up, int latencyMs, const QString& detail);
    void probeHttp(const QString& hostId, int index, const QUrl& url);
    void probeSocket(const QString& hostId, int index, const QUrl& url, bool redisPing);

    QNetworkAccessManager* m_nam;
    QTimer* m_timer;
    QStringList m_order;
    QHash<QString, QString> m_hostNames;
    QHash<QString, QList<ProbeResult>> m_results;
    QHash<QString, QList<bool>> m_running;
    int m_intervalMs = 30000;
    int m_timeoutMs = 3000;
};

} // namespace hlc
