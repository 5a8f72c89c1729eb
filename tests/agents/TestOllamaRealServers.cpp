// Ollama as real servers answer: a generation without eval_duration (some servers, thinking models) is no speed,
// not "0.0 tokens/s"; an authenticating proxy that protects /api/ps while /api/version and /api/tags answer is named
// precisely (Ollama has no login), and the optional bearer token gets through it. Simulator modes spec-checked.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "SimHttpServer.h"
#include "SimOllama.h"
#include "agents/LlmMonitor.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/NotificationCenter.h"
#include "core/ServiceDirectory.h"
#include "ollama/OllamaClient.h"
#include "ollama/OllamaParser.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace hlc;
using hlc::test::waitFor;

namespace {
const QString kProxyToken = QStringLiteral("proxy-token-6b1f");
}

class TestOllamaRealServers : public QObject
{
    Q_OBJECT

private:
    sim::SimHttpServer* m_server = nullptr;
    sim::SimOllama* m_sim = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    QTemporaryDir m_dir;

    Config config(AuthScheme auth) const
    {
        HostConfig h;
        h.id = QStringLiteral("host-b");
        h.name = QStringLiteral("pve-ryzen");
        ServiceConfig o;
        o.id = QStringLiteral("ollama");
        o.kind = ServiceKind::Ollama;
        o.baseUrl = m_server->baseUrl();
        o.auth = auth;
        o.timeoutMs = 3000;
        h.services << o;
        Config c;
        c.hosts << h;
        return c;
    }
    std::pair<int, QByteArray> raw(const QByteArray& method, const QString& path, const QByteArray& body,
                                   const QByteArray& bearer = {})
    {
        QUrl url = m_server->baseUrl();
        url.setPath(path);
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        if (!bearer.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + bearer);
        QNetworkReply* reply = m_nam->sendCustomRequest(req, method, body);
        waitFor([reply] { return reply->isFinished(); });
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_server = new sim::SimHttpServer(this);
        QVERIFY(m_server->listen(false));
        m_sim = new sim::SimOllama(m_server, this);
        m_nam = new QNetworkAccessManager(this);
    }
    void cleanup()
    {
        m_sim->setReportTimings(true);
        m_sim->setProxyAuth({});
    }

    void noTimingsIsNoSpeed()
    {
        m_sim->setReportTimings(false);
        AuditLog audit(m_dir.filePath(QStringLiteral("audit.jsonl")));
        NotificationCenter notes;
        ActionJournal journal(&audit, &notes);
        ServiceDirectory services(config(AuthScheme::None), nullptr, m_nam);
        LlmMonitor monitor(&services, &journal);
        QSignalSpy measured(&monitor, &LlmMonitor::speedMeasured);
        QSignalSpy finished(&monitor, &LlmMonitor::actionFinished);
        monitor.measureSpeed(QStringLiteral("mistral:7b"));
        QVERIFY(waitFor([&finished] { return finished.count() == 1; }, 20000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        const QString msg = finished.first().at(1).toString();
        QVERIFY2(msg.contains(QLatin1String("the server did not report timings")), qPrintable(msg));
        QVERIFY(!msg.contains(QLatin1String("tokens/s")));
        QCOMPARE(measured.count(), 0);
        QVERIFY(audit.entries().last().outcome.startsWith(QLatin1String("failed")));
        hlc::test::evidence(QStringLiteral("Ollama answer without eval_duration: '%1'").arg(msg));
    }

    void proxyProtectingPsIsNamed()
    {
        m_sim->setProxyAuth(kProxyToken, {QStringLiteral("/api/ps")});
        ServiceDirectory services(config(AuthScheme::None), nullptr, m_nam);
        LlmMonitor monitor(&services, nullptr);
        monitor.start(300);
        QVERIFY(waitFor([&monitor] {
            return monitor.ollamaStatus().state == SourceStatus::State::Error &&
                   monitor.ollamaStatus().error.message.contains(QLatin1String("/api/version and /api/tags"));
        }));
        monitor.stop();
        const QString msg = monitor.ollamaStatus().error.message;
        QVERIFY2(msg.contains(QLatin1String("/api/ps was refused (HTTP 401)")), qPrintable(msg));
        QVERIFY(msg.contains(QLatin1String("proxy")));
        QVERIFY(!msg.contains(QLatin1String("Check the token or password")));
        QVERIFY(!monitor.ollamaVersion().isEmpty()); // the rest answered
        hlc::test::evidence(QStringLiteral("Ollama /api/ps behind a proxy: '%1'").arg(msg));
    }

    void bearerTokenPassesTheProxy()
    {
        m_sim->setProxyAuth(kProxyToken); // every path
        ServiceDirectory services(config(AuthScheme::Bearer), nullptr, m_nam);
        services.applySecret(QStringLiteral("host-b"), QStringLiteral("ollama"), kProxyToken);
        m_sim->load(QStringLiteral("mistral:7b"));
        LlmMonitor monitor(&services, nullptr);
        monitor.start(300);
        QVERIFY(waitFor([&monitor] {
            return monitor.ollamaStatus().state == SourceStatus::State::Ok && !monitor.loadedModels().isEmpty();
        }));
        monitor.stop();
        // A wrong token is the proxy rejecting it, not "Ollama unreachable".
        ServiceDirectory wrong(config(AuthScheme::Bearer), nullptr, m_nam);
        wrong.applySecret(QStringLiteral("host-b"), QStringLiteral("ollama"), QStringLiteral("nope"));
        LlmMonitor denied(&wrong, nullptr);
        denied.start(300);
        QVERIFY(waitFor([&denied] { return denied.ollamaStatus().state == SourceStatus::State::Error; }));
        denied.stop();
        QVERIFY2(denied.ollamaStatus().error.message.contains(QLatin1String("refused /api/")),
                 qPrintable(denied.ollamaStatus().error.message));
        QVERIFY(denied.ollamaStatus().error.message.contains(QLatin1String("Check the token")));
    }

    void modesMatchTheSpec()
    {
        hlc::test::SpecCheck spec;
        const QString file = QStringLiteral("ollama/openapi.yaml");
        HLC_REQUIRE_REAL(spec.unavailable(file));
        m_sim->setReportTimings(false);
        const auto [status, body] =
            raw("POST", QStringLiteral("/api/generate"),
                ollama::parser::generateBody(QStringLiteral("mistral:7b"), QStringLiteral("Hi"), 8));
        QCOMPARE(status, 200);
        QVERIFY(!body.contains("eval_duration"));
        QString v = spec.violations(file, QStringLiteral("POST"), QStringLiteral("/api/generate"), status, body);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        m_sim->setProxyAuth(kProxyToken);
        const auto [ps, psBody] = raw("GET", QStringLiteral("/api/ps"), {}, kProxyToken.toUtf8());
        QCOMPARE(ps, 200);
        v = spec.violations(file, QStringLiteral("GET"), QStringLiteral("/api/ps"), ps, psBody);
        QVERIFY2(v.isEmpty(), qPrintable(v));
        const auto [refused, html] = raw("GET", QStringLiteral("/api/ps"), {});
        QCOMPARE(refused, 401); // the proxy's page: no Ollama shape to check
        QVERIFY(html.contains("401 Authorization Required"));
        hlc::test::evidence(QStringLiteral("Ollama real-server modes: generate without timings and /api/ps through "
                                           "the proxy validated by spec-check (%1 answers)")
                                .arg(spec.passed()));
    }
};

QTEST_GUILESS_MAIN(TestOllamaRealServers)
#include "TestOllamaRealServers.moc"
