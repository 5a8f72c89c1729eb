#pragma once

// Starts Debian's real prometheus-node-exporter, prometheus-alertmanager and prometheus on free loopback ports with
// configs written into a QTemporaryDir (2 s scrape/evaluation, resend delay 2 s), and stops them again.

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QProcess;

namespace hlc::test {

class RealMonitoringStack
{
public:
    /// Alert rules every test can rely on.
    static constexpr const char* kAlwaysFiring = "HlcAlwaysFiring";
    static constexpr const char* kTextfileHigh = "HlcTextfileHigh";
    /// The scrape job of node_exporter, named as the seed's Prometheus names its per-host jobs.
    static constexpr const char* kNodeJob = "node-exporter-hostA";

    RealMonitoringStack();
    ~RealMonitoringStack();
    Q_DISABLE_COPY_MOVE(RealMonitoringStack)

    /// Why the stack cannot run here (a binary is missing), or empty. For HLC_REQUIRE_REAL.
    [[nodiscard]] static QString unavailable();

    /// Starts the three servers and waits until each answers; false with @p error (and their logs) otherwise.
    bool start(QString* error);
    void stop();

    /// Publishes `hlc_test_value VALUE` through node_exporter's textfile collector (atomically, as documented).
    void setTextfileValue(double value);

    [[nodiscard]] QUrl prometheusUrl() const;
    [[nodiscard]] QUrl alertmanagerUrl() const;
    [[nodiscard]] QString nodeInstance() const;

    /// The versions the running servers report (/api/v1/status/buildinfo, /api/v2/status), read by start().
    [[nodiscard]] QString prometheusVersion() const { return m_promVersion; }
    [[nodiscard]] QString alertmanagerVersion() const { return m_amVersion; }

    /// What the processes printed (for failure messages).
    [[nodiscard]] QString logs() const;

private:
    /// Starts @p program on a port it binds itself (from a fresh free-port guess each attempt): another process may
    /// take a guessed port before the server binds it, so "address already in use" is retried with a new one.
    bool launchOnFreePort(const QString& program, const std::function<QStringList(quint16)>& args,
                          const QString& readyPath, quint16* port, QString* error);
    /// GETs @p url; the body when it answered 200, else nothing.
    static std::optional<QByteArray> get(const QString& url, int timeoutMs);
    void write(const QString& name, const QByteArray& content);

    QTemporaryDir m_dir;
    quint16 m_nodePort = 0;
    quint16 m_amPort = 0;
    quint16 m_promPort = 0;
    QString m_promVersion;
    QString m_amVersion;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

} // namespace hlc::test
