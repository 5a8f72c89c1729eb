#pragma once

// Starts Debian's real prometheus-node-exporter, prometheus-alertmanager and prometheus on free loopback ports with
// configs written into a QTemporaryDir (2 s scrape/evaluation, resend delay 2 s), and stops them again.

#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

#include <memory>

namespace hlc::test {

class RealMonitoringStack
{
public:
    /// Alert rules every test can rely on.
    static constexpr const char* kAlwaysFiring = "HlcAlwaysFiring";
    static constexpr const char* kTextfileHigh = "HlcTextfileHigh";

    ~RealMonitoringStack() { stop(); }

    /// Why the stack cannot run here (a binary is missing), or empty.
    [[nodiscard]] static QString unavailable()
    {
        for (const char* bin : {"prometheus", "prometheus-node-exporter", "prometheus-alertmanager"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(bin)).isEmpty())
                return QStringLiteral("%1 is not installed (scripts/bootstrap --test installs it)").arg(bin);
        }
        return {};
    }

    bool start(QString* error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary directory");
            return false;
        }
        m_nodePort = freePort();
        m_amPort = freePort();
        m_promPort = freePort();
        QDir(m_dir.path()).mkpath(QStringLiteral("textfile"));
        setTextfileValue(1);
        write(QStringLiteral("am.yml"), "route:\n  receiver: 'null'\n  group_wait: 1s\n  group_interval: 1s\n"
                                        "  repeat_interval: 1h\nreceivers:\n  - name: 'null'\n");
        write(QStringLiteral("rules.yml"),
              QStringLiteral("groups:\n"
                             "  - name: hlc-test\n"
                             "    interval: 2s\n"
                             "    rules:\n"
                             "      - alert: %1\n"
                             "        expr: vector(1)\n"
                             "        labels: {severity: warning}\n"
                             "        annotations: {summary: 'Always firing test alert', description: 'It fires.'}\n"
                             "      - alert: %2\n"
                             "        expr: hlc_test_value > 5\n"
                             "        labels: {severity: critical}\n"
                             "        annotations: {summary: 'Test value is high on {{ $labels.instance }}'}\n")
                  .arg(QLatin1String(kAlwaysFiring), QLatin1String(kTextfileHigh))
                  .toUtf8());
        write(QStringLiteral("prom.yml"),
              QStringLiteral("global: {scrape_interval: 2s, evaluation_interval: 2s}\n"
                             "alerting:\n  alertmanagers:\n    - static_configs: [{targets: ['127.0.0.1:%1']}]\n"
                             "rule_files: ['%2']\n"
                             "scrape_configs:\n  - job_name: node\n"
                             "    static_configs: [{targets: ['%3']}]\n")
                  .arg(m_amPort)
                  .arg(m_dir.filePath(QStringLiteral("rules.yml")), nodeInstance())
                  .toUtf8());

        if (!launch(
                QStringLiteral("prometheus-node-exporter"),
                {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_nodePort),
                 QStringLiteral("--collector.textfile.directory=%1").arg(m_dir.filePath(QStringLiteral("textfile"))),
                 QStringLiteral("--no-collector.systemd")},
                error) ||
            !launch(QStringLiteral("prometheus-alertmanager"),
                    {QStringLiteral("--config.file=%1").arg(m_dir.filePath(QStringLiteral("am.yml"))),
                     QStringLiteral("--storage.path=%1").arg(m_dir.filePath(QStringLiteral("am"))),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_amPort),
                     QStringLiteral("--cluster.listen-address=")},
                    error) ||
            !launch(QStringLiteral("prometheus"),
                    {QStringLiteral("--config.file=%1").arg(m_dir.filePath(QStringLiteral("prom.yml"))),
                     QStringLiteral("--storage.tsdb.path=%1").arg(m_dir.filePath(QStringLiteral("prom"))),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_promPort),
                     QStringLiteral("--rules.alert.resend-delay=2s")},
                    error))
            return false;
        QNetworkAccessManager nam;
        for (const QString& url : {QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_nodePort),
                                   QStringLiteral("http://127.0.0.1:%1/-/ready").arg(m_amPort),
                                   QStringLiteral("http://127.0.0.1:%1/-/ready").arg(m_promPort)}) {
            const bool ready = waitFor(
                [&] {
                    std::unique_ptr<QNetworkReply> r(nam.get(QNetworkRequest(QUrl(url))));
                    waitFor([&] { return r->isFinished(); }, 2000);
                    return r->isFinished() && r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
                },
                15000);
            if (!ready) {
                *error = QStringLiteral("%1 did not become ready; logs:\n%2").arg(url, logs());
                return false;
            }
        }
        return true;
    }

    void stop()
    {
        for (auto& p : m_processes) {
            if (p->state() != QProcess::NotRunning) {
                p->terminate();
                if (!p->waitForFinished(5000)) {
                    p->kill();
                    p->waitForFinished(2000);
                }
            }
        }
        m_processes.clear();
    }

    /// Publishes `hlc_test_value VALUE` through node_exporter's textfile collector (atomically, as documented).
    void setTextfileValue(double value)
    {
        const QString dir = m_dir.filePath(QStringLiteral("textfile"));
        QFile f(dir + QStringLiteral("/hlc.prom.tmp"));
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            f.write(QByteArray("# HELP hlc_test_value A value the tests set.\n# TYPE hlc_test_value gauge\n"
                               "hlc_test_value ") +
                    QByteArray::number(value) + '\n');
            f.close();
            QFile::remove(dir + QStringLiteral("/hlc.prom"));
            f.rename(dir + QStringLiteral("/hlc.prom"));
        }
    }

    [[nodiscard]] QUrl prometheusUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_promPort)); }
    [[nodiscard]] QUrl alertmanagerUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_amPort)); }
    [[nodiscard]] QString nodeInstance() const { return QStringLiteral("127.0.0.1:%1").arg(m_nodePort); }

    /// What the processes printed (for failure messages).
    [[nodiscard]] QString logs() const
    {
        QString out;
        for (const auto& p : m_processes)
            out +=
                p->program() + QStringLiteral(":\n") + QString::fromUtf8(p->readAll().right(2000)) + QLatin1Char('\n');
        return out;
    }

private:
    static quint16 freePort()
    {
        QTcpServer s;
        s.listen(QHostAddress::LocalHost, 0);
        return s.serverPort();
    }

    void write(const QString& name, const QByteArray& content)
    {
        QFile f(m_dir.filePath(name));
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(content);
    }

    bool launch(const QString& program, const QStringList& args, QString* error)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(program, args);
        if (!p->waitForStarted(5000)) {
            *error = QStringLiteral("%1 did not start: %2").arg(program, p->errorString());
            return false;
        }
        m_processes.push_back(std::move(p));
        return true;
    }

    QTemporaryDir m_dir;
    quint16 m_nodePort = 0;
    quint16 m_amPort = 0;
    quint16 m_promPort = 0;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

} // namespace hlc::test
