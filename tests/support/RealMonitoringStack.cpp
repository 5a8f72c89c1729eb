#include "RealMonitoringStack.h"

#include "TestUtil.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>

namespace hlc::test {

namespace {

constexpr int kPortAttempts = 5;

/// A port that was free a moment ago (the caller's server may still lose it: see launchOnFreePort).
quint16 freePortGuess()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

} // namespace

RealMonitoringStack::RealMonitoringStack() = default;

RealMonitoringStack::~RealMonitoringStack()
{
    stop();
}

QString RealMonitoringStack::unavailable()
{
    for (const char* bin : {"prometheus", "prometheus-node-exporter", "prometheus-alertmanager"}) {
        if (QStandardPaths::findExecutable(QString::fromLatin1(bin)).isEmpty())
            return QStringLiteral("%1 is not installed (scripts/bootstrap --test installs it)")
                .arg(QString::fromLatin1(bin));
    }
    return {};
}

bool RealMonitoringStack::start(QString* error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
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

    const QString textfileDir = m_dir.filePath(QStringLiteral("textfile"));
    if (!launchOnFreePort(
            QStringLiteral("prometheus-node-exporter"),
            [&](quint16 port) {
                return QStringList{QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                                   QStringLiteral("--collector.textfile.directory=%1").arg(textfileDir),
                                   QStringLiteral("--no-collector.systemd")};
            },
            QStringLiteral("/metrics"), &m_nodePort, error))
        return false;
    if (!launchOnFreePort(
            QStringLiteral("prometheus-alertmanager"),
            [&](quint16 port) {
                return QStringList{QStringLiteral("--config.file=%1").arg(m_dir.filePath(QStringLiteral("am.yml"))),
                                   QStringLiteral("--storage.path=%1").arg(m_dir.filePath(QStringLiteral("am"))),
                                   QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                                   QStringLiteral("--cluster.listen-address=")};
            },
            QStringLiteral("/-/ready"), &m_amPort, error))
        return false;
    // Prometheus is configured with the ports the other two actually bound.
    write(QStringLiteral("prom.yml"),
          QStringLiteral("global: {scrape_interval: 2s, evaluation_interval: 2s}\n"
                         "alerting:\n  alertmanagers:\n    - static_configs: [{targets: ['127.0.0.1:%1']}]\n"
                         "rule_files: ['%2']\n"
                         "scrape_configs:\n  - job_name: %4\n"
                         "    static_configs: [{targets: ['%3']}]\n")
              .arg(m_amPort)
              .arg(m_dir.filePath(QStringLiteral("rules.yml")), nodeInstance(), QLatin1String(kNodeJob))
              .toUtf8());
    if (!launchOnFreePort(
            QStringLiteral("prometheus"),
            [&](quint16 port) {
                return QStringList{QStringLiteral("--config.file=%1").arg(m_dir.filePath(QStringLiteral("prom.yml"))),
                                   QStringLiteral("--storage.tsdb.path=%1").arg(m_dir.filePath(QStringLiteral("prom"))),
                                   QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                                   QStringLiteral("--rules.alert.resend-delay=2s")};
            },
            QStringLiteral("/-/ready"), &m_promPort, error))
        return false;

    const auto build = get(prometheusUrl().toString() + QStringLiteral("/api/v1/status/buildinfo"), 5000);
    m_promVersion = build ? QJsonDocument::fromJson(*build)
                                .object()
                                .value(QStringLiteral("data"))
                                .toObject()
                                .value(QStringLiteral("version"))
                                .toString()
                          : QString();
    const auto status = get(alertmanagerUrl().toString() + QStringLiteral("/api/v2/status"), 5000);
    m_amVersion = status ? QJsonDocument::fromJson(*status)
                               .object()
                               .value(QStringLiteral("versionInfo"))
                               .toObject()
                               .value(QStringLiteral("version"))
                               .toString()
                         : QString();
    if (m_promVersion.isEmpty() || m_amVersion.isEmpty()) {
        *error = QStringLiteral("the servers did not report their versions; logs:\n%1").arg(logs());
        return false;
    }
    return true;
}

bool RealMonitoringStack::launchOnFreePort(const QString& program, const std::function<QStringList(quint16)>& args,
                                           const QString& readyPath, quint16* port, QString* error)
{
    for (int attempt = 1; attempt <= kPortAttempts; ++attempt) {
        *port = freePortGuess();
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(program, args(*port));
        if (!p->waitForStarted(5000)) {
            *error = QStringLiteral("%1 did not start: %2").arg(program, p->errorString());
            return false;
        }
        QProcess* proc = p.get();
        m_processes.push_back(std::move(p));
        const QString url = QStringLiteral("http://127.0.0.1:%1%2").arg(*port).arg(readyPath);
        // Ready means: our process still runs (so the answer is not from whoever took the port) and answers 200.
        const bool ready =
            waitFor([&] { return proc->state() == QProcess::Running && get(url, 2000).has_value(); }, 15000);
        if (ready && proc->state() == QProcess::Running)
            return true;
        proc->waitForFinished(2000);
        const QByteArray output = proc->readAll();
        if (proc->state() == QProcess::NotRunning && output.contains("address already in use")) {
            m_processes.pop_back();
            continue; // someone took the guessed port first: guess again
        }
        *error = QStringLiteral("%1 did not become ready at %2; output:\n%3\nlogs:\n%4")
                     .arg(program, url, QString::fromUtf8(output.right(2000)), logs());
        return false;
    }
    *error = QStringLiteral("%1: every guessed port was taken (%2 attempts)").arg(program).arg(kPortAttempts);
    return false;
}

std::optional<QByteArray> RealMonitoringStack::get(const QString& url, int timeoutMs)
{
    QNetworkAccessManager nam;
    std::unique_ptr<QNetworkReply> r(nam.get(QNetworkRequest(QUrl(url))));
    waitFor([&] { return r->isFinished(); }, timeoutMs);
    if (!r->isFinished() || r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
        return std::nullopt;
    return r->readAll();
}

void RealMonitoringStack::stop()
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

void RealMonitoringStack::setTextfileValue(double value)
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

QUrl RealMonitoringStack::prometheusUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_promPort));
}

QUrl RealMonitoringStack::alertmanagerUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_amPort));
}

QString RealMonitoringStack::nodeInstance() const
{
    return QStringLiteral("127.0.0.1:%1").arg(m_nodePort);
}

QString RealMonitoringStack::logs() const
{
    QString out;
    for (const auto& p : m_processes)
        out += p->program() + QStringLiteral(":\n") + QString::fromUtf8(p->readAll().right(2000)) + QLatin1Char('\n');
    return out;
}

void RealMonitoringStack::write(const QString& name, const QByteArray& content)
{
    QFile f(m_dir.filePath(name));
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(content);
}

} // namespace hlc::test
