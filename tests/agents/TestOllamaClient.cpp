// OllamaClient against the simulated Ollama (SimOllama) over loopback: version, tags, ps with VRAM share and expiry,
// unload, the explicit speed measurement, errors; parser on loose shapes (nulls); routes against ollama/openapi.yaml.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "ollama/OllamaClient.h"
#include "ollama/OllamaParser.h"

#include "SimHttpServer.h"
#include "SimOllama.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>

using namespace hlc;
using namespace hlc::ollama;
using hlc::test::Capture;
using hlc::test::waitFor;

class TestOllamaClient : public QObject
{
    Q_OBJECT

private:
    sim::SimHttpServer* m_server = nullptr;
    sim::SimOllama* m_sim = nullptr;
    QNetworkAccessManager* m_nam = nullptr;

    Endpoint endpoint() const
    {
        Endpoint e;
        e.baseUrl = m_server->baseUrl();
        e.timeoutMs = 3000;
        e.maxRetries = 0;
        return e;
    }

    QList<LoadedModel> ps()
    {
        OllamaClient c(m_nam, endpoint());
        Capture<Result<QList<LoadedModel>>> cap;
        c.ps(this, cap.callback());
        if (!cap.wait() || !cap.value->ok())
            return {};
        return cap.value->value();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = new sim::SimHttpServer(this);
        QVERIFY(m_server->listen(false));
        m_sim = new sim::SimOllama(m_server, this);
        m_nam = new QNetworkAccessManager(this);
    }

    void cleanup() { m_server->clearFaults(); }

    void versionAndTags()
    {
        OllamaClient c(m_nam, endpoint());
        Capture<Result<QString>> v;
        c.version(this, v.callback());
        QVERIFY(v.wait());
        QCOMPARE(v.value->value(), QStringLiteral("0.12.6"));
        Capture<Result<QList<InstalledModel>>> tags;
        c.tags(this, tags.callback());
        QVERIFY(tags.wait());
        QVERIFY(tags.value->ok());
        QCOMPARE(tags.value->value().size(), 5);
        const InstalledModel& llama = tags.value->value().first();
        QCOMPARE(llama.name, QStringLiteral("llama3:8b"));
        QCOMPARE(llama.parameterSize, QStringLiteral("8.0B"));
        QCOMPARE(llama.quantization, QStringLiteral("Q4_0"));
        QVERIFY(llama.size > 4'000'000'000);
        QVERIFY(llama.modifiedAt.isValid());
    }

    void loadedModelsShareAndExpire()
    {
        QVERIFY(ps().isEmpty());
        m_sim->load(QStringLiteral("llama3:8b"));
        m_sim->load(QStringLiteral("qwen2.5:14b")); // does not fit next to llama3: partly on the CPU
        m_sim->load(QStringLiteral("nomic-embed-text"), 1);
        const QList<LoadedModel> loaded = ps();
        QCOMPARE(loaded.size(), 3);
        QCOMPARE(loaded[0].name, QStringLiteral("llama3:8b"));
        QCOMPARE(loaded[0].vramShare(), 1.0);
        QCOMPARE(loaded[0].contextLength, 4096);
        QVERIFY(loaded[0].expiresAt > QDateTime::currentDateTimeUtc().addSecs(250));
        QVERIFY(loaded[1].vramShare() > 0.0 && loaded[1].vramShare() < 0.5);
        QVERIFY(loaded[1].sizeVram < loaded[1].size);
        // The 1 s keep-alive model expires.
        QVERIFY(waitFor([this] { return ps().size() == 2; }, 5000));
        hlc::test::evidence("Ollama client read /api/version, /api/tags, /api/ps (VRAM share, expiry) from the "
                            "simulated Ollama over loopback");
    }

    void unloadAndMeasureSpeed()
    {
        OllamaClient c(m_nam, endpoint());
        Capture<Result<GenerateResult>> unload;
        c.unload(QStringLiteral("qwen2.5:14b"), this, unload.callback());
        QVERIFY(unload.wait());
        QVERIFY(unload.value->ok());
        QCOMPARE(unload.value->value().doneReason, QStringLiteral("unload"));
        QCOMPARE(ps().size(), 1);
        // The request carried keep_alive 0.
        bool sentKeepAlive0 = false;
        for (const sim::SimRequest& r : m_server->requests())
            sentKeepAlive0 =
                sentKeepAlive0 || (r.path == QLatin1String("/api/generate") && r.body.contains("\"keep_alive\":0"));
        QVERIFY(sentKeepAlive0);

        const int before = m_sim->generations();
        Capture<Result<GenerateResult>> gen;
        c.generate(QStringLiteral("llama3:8b"), QStringLiteral("Say hello."), 64, 60000, this, gen.callback());
        QVERIFY(gen.wait());
        QVERIFY(gen.value->ok());
        const GenerateResult& g = gen.value->value();
        QCOMPARE(g.evalCount, 64);
        QVERIFY2(g.tokensPerSecond() > 40.0 && g.tokensPerSecond() < 42.0,
                 qPrintable(QString::number(g.tokensPerSecond())));
        QVERIFY(!g.response.isEmpty());
        QCOMPARE(m_sim->generations(), before + 1);
        QVERIFY(m_server->requests().last().body.contains("\"stream\":false"));
    }

    void noGenerationWithoutAsking()
    {
        // version/tags/ps never generate: only the explicit measurement does.
        const int before = m_sim->generations();
        OllamaClient c(m_nam, endpoint());
        Capture<Result<QString>> v;
        c.version(this, v.callback());
        QVERIFY(v.wait());
        ps();
        QCOMPARE(m_sim->generations(), before);
    }

    void errors()
    {
        OllamaClient c(m_nam, endpoint());
        Capture<Result<GenerateResult>> missing;
        c.generate(QStringLiteral("llama9:400b"), QStringLiteral("x"), 8, 5000, this, missing.callback());
        QVERIFY(missing.wait());
        QCOMPARE(missing.value->error().kind, ApiError::Kind::NotFound);
        QCOMPARE(missing.value->error().message, QStringLiteral("Ollama: model 'llama9:400b' not found"));

        sim::Fault f;
        f.body = sim::Fault::Body::Truncated;
        m_server->setFault("GET", QStringLiteral("/api/ps"), f);
        Capture<Result<QList<LoadedModel>>> cut;
        c.ps(this, cut.callback());
        QVERIFY(cut.wait());
        QVERIFY(!cut.value->ok());
        QVERIFY2(cut.value->error().kind == ApiError::Kind::Network || cut.value->error().kind == ApiError::Kind::Parse,
                 qPrintable(cut.value->error().detail));
    }

    void parserLoose()
    {
        QVERIFY(parser::ps(R"({"models":null})").ok());
        QVERIFY(parser::ps(R"({"models":null})").value().isEmpty());
        QVERIFY(parser::tags(R"({})").value().isEmpty());
        const auto r = parser::ps(R"({"models":[{"name":"a","size":"100","size_vram":150,"details":null,)"
                                  R"("expires_at":"2025-10-17T16:47:07.93355123-07:00","context_length":null},)"
                                  R"({"size":5},{"model":"b","expires_at":"0001-01-01T00:00:00Z"}]})");
        QVERIFY(r.ok());
        QCOMPARE(r.value().size(), 2);
        QCOMPARE(r.value()[0].size, 100);
        QCOMPARE(r.value()[0].vramShare(), 1.0);
        QCOMPARE(r.value()[0].expiresAt, QDateTime(QDate(2025, 10, 17), QTime(23, 47, 7, 933), Qt::UTC));
        QCOMPARE(r.value()[1].name, QStringLiteral("b"));
        QVERIFY(!r.value()[1].expiresAt.isValid());
        QVERIFY(!parser::version(R"({"version":null})").ok());
        QVERIFY(!parser::ps("[1,2").ok());
        QCOMPARE(parser::generate(R"({"eval_count":"10","eval_duration":500000000})").value().tokensPerSecond(), 20.0);
        QCOMPARE(parser::generate(R"({"eval_count":10})").value().tokensPerSecond(), 0.0);
    }

    void routesMatchSpec()
    {
        hlc::test::SpecCheck specCheck;
        const QString spec = QStringLiteral("ollama/openapi.yaml");
        HLC_REQUIRE_REAL(specCheck.unavailable(spec));
        m_sim->load(QStringLiteral("mistral:7b"));
        auto fetch = [this](const QByteArray& method, const QString& path, const QByteArray& body) {
            QUrl url = m_server->baseUrl();
            url.setPath(path);
            QNetworkRequest req(url);
            req.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            QNetworkReply* reply = m_nam->sendCustomRequest(req, method, body);
            waitFor([reply] { return reply->isFinished(); });
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray b = reply->readAll();
            reply->deleteLater();
            return qMakePair(status, b);
        };
        const QList<std::tuple<QByteArray, QString, QByteArray>> routes = {
            {"GET", QStringLiteral("/api/version"), {}},
            {"GET", QStringLiteral("/api/tags"), {}},
            {"GET", QStringLiteral("/api/ps"), {}},
            {"POST", QStringLiteral("/api/generate"),
             parser::generateBody(QStringLiteral("mistral:7b"), QStringLiteral("Hi"), 8)},
            {"POST", QStringLiteral("/api/generate"), parser::unloadBody(QStringLiteral("mistral:7b"))},
        };
        for (const auto& [method, path, body] : routes) {
            const auto [status, answer] = fetch(method, path, body);
            QCOMPARE(status, 200);
            const QString v = specCheck.violations(spec, QString::fromLatin1(method), path, status, answer);
            QVERIFY2(v.isEmpty(),
                     qPrintable(path + QStringLiteral(": ") + v + QStringLiteral("\n") + QString::fromUtf8(answer)));
        }
        hlc::test::evidence(QStringLiteral("Simulated Ollama: %1 answers (%2 distinct method/path/status) validated "
                                           "against shared/api/ollama/openapi.yaml by spec-check")
                                .arg(specCheck.passed())
                                .arg(specCheck.routes()));
    }
};

QTEST_GUILESS_MAIN(TestOllamaClient)
#include "TestOllamaClient.moc"
