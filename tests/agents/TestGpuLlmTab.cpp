// The GPU / LLM tab over loopback: simulated Prometheus (with SimGpu in nvidia_gpu_exporter format) and Ollama ->
// LlmMonitor -> GpuLlmTab. Moving charts, the GPU only on the host that has one, loaded models with VRAM share,
// unload (confirmed), an explicit speed measurement, stale data when Prometheus fails.
#include "TestUtil.h"

#include "SimGpu.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimOllama.h"
#include "SimPrometheus.h"
#include "agents/GpuLlmTab.h"
#include "agents/LlmMonitor.h"
#include "agents/LoadedModelsModel.h"
#include "core/ActionJournal.h"
#include "core/AuditLog.h"
#include "core/MessageBox.h"
#include "core/NotificationCenter.h"
#include "core/SecretStore.h"
#include "core/ServiceDirectory.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

using namespace hlc;
using hlc::test::waitFor;

class TestGpuLlmTab : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<sim::SimHomelab> m_lab;
    std::unique_ptr<sim::SimHttpServer> m_promServer;
    std::unique_ptr<sim::SimPrometheus> m_prom;
    std::unique_ptr<sim::SimHttpServer> m_ollamaServer;
    std::unique_ptr<sim::SimOllama> m_ollama;
    std::unique_ptr<sim::SimGpu> m_gpu;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<NotificationCenter> m_notes;
    std::unique_ptr<ActionJournal> m_journal;

    Config config(bool withPrometheus) const
    {
        Config c;
        HostConfig a;
        a.id = QStringLiteral("host-a");
        a.name = QStringLiteral("pve-thinkpad");
        if (withPrometheus) {
            ServiceConfig p;
            p.id = QStringLiteral("prometheus");
            p.kind = ServiceKind::Prometheus;
            p.baseUrl = m_promServer->baseUrl();
            p.prometheusInstance = QStringLiteral("pve-thinkpad:9100");
            a.services << p;
        }
        HostConfig b;
        b.id = QStringLiteral("host-b");
        b.name = QStringLiteral("pve-ryzen");
        ServiceConfig o;
        o.id = QStringLiteral("ollama");
        o.kind = ServiceKind::Ollama;
        o.baseUrl = m_ollamaServer->baseUrl();
        b.services << o;
        c.hosts << a << b;
        return c;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_lab.reset(sim::SimHomelab::createSeeded());
        m_promServer = std::make_unique<sim::SimHttpServer>();
        QVERIFY(m_promServer->listen(false));
        m_prom = std::make_unique<sim::SimPrometheus>(m_lab.get(), m_promServer.get());
        m_ollamaServer = std::make_unique<sim::SimHttpServer>();
        QVERIFY(m_ollamaServer->listen(false));
        m_ollama = std::make_unique<sim::SimOllama>(m_ollamaServer.get());
        m_ollama->load(QStringLiteral("llama3:8b"));
        m_ollama->load(QStringLiteral("nomic-embed-text"));
        m_gpu =
            std::make_unique<sim::SimGpu>(m_prom.get(), QStringLiteral("pve-ryzen:9835"),
                                          sim::SimGpu::Format::NvidiaSmi, QList<sim::SimGpu::Gpu>{{}}, m_ollama.get());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_secrets = std::make_unique<SecretStore>();
        m_secrets->setSessionOnly(true);
        m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit.jsonl")));
        m_notes = std::make_unique<NotificationCenter>();
        m_journal = std::make_unique<ActionJournal>(m_audit.get(), m_notes.get());
    }

    void gpuAndModelsLive()
    {
        ServiceDirectory services(config(true), m_secrets.get(), m_nam.get());
        services.start();
        LlmMonitor monitor(&services, m_journal.get());
        GpuLlmTab tab(&monitor);
        tab.resize(1200, 700);
        tab.show();
        monitor.start(150);
        QVERIFY(waitFor([&] { return tab.findChild<QGroupBox*>(QStringLiteral("gpuBox_0")); }));
        auto* box = tab.findChild<QGroupBox*>(QStringLiteral("gpuBox_0"));
        QCOMPARE(box->title(), QStringLiteral("pve-ryzen · GPU 0: NVIDIA GeForce GTX 1080"));
        QVERIFY(!tab.findChild<QGroupBox*>(QStringLiteral("gpuBox_1"))); // host-a has no GPU: no section
        QVERIFY(monitor.gpusOfHost(QStringLiteral("host-a")).isEmpty());
        QCOMPARE(monitor.gpusOfHost(QStringLiteral("host-b")).size(), 1);
        QVERIFY(!tab.findChild<QLabel*>(QStringLiteral("noGpuLabel"))->isVisible());
        QVERIFY(tab.findChild<QProgressBar*>(QStringLiteral("gpuUtilBar_0"))->format().endsWith(QStringLiteral("%")));
        QVERIFY2(
            tab.findChild<QProgressBar*>(QStringLiteral("gpuVramBar_0"))->format().contains(QStringLiteral("of 8")),
            qPrintable(tab.findChild<QProgressBar*>(QStringLiteral("gpuVramBar_0"))->format()));
        // Temperature and power: gauges with the simulator's values, and their own history chart.
        QVERIFY(waitFor([&] { return monitor.gpus().first().temperatureC && monitor.gpus().first().powerWatts; }));
        {
            const gpu::GpuStats now = monitor.gpus().first();
            auto* temp = tab.findChild<QProgressBar*>(QStringLiteral("gpuTempBar_0"));
            auto* power = tab.findChild<QProgressBar*>(QStringLiteral("gpuPowerBar_0"));
            QVERIFY(temp && power);
            QCOMPARE(temp->format(), QStringLiteral("%1 °C").arg(*now.temperatureC, 0, 'f', 0));
            QCOMPARE(temp->value(), qRound(*now.temperatureC * 10));
            QCOMPARE(power->format(), QStringLiteral("%1 W").arg(*now.powerWatts, 0, 'f', 0));
            QVERIFY(power->value() > 0 && power->value() <= 1000);
            QVERIFY(waitFor([&] { return tab.tempPowerPoints(0) >= 2; }));
            hlc::test::evidence(QStringLiteral("GPU gauges from the simulator: %1, %2 (bar %3/1000), %4 points in the "
                                               "temperature/power chart")
                                    .arg(temp->format(), power->format())
                                    .arg(power->value())
                                    .arg(tab.tempPowerPoints(0)));
        }
        // The chart starts with the last 15 minutes from Prometheus (a range query), then moves with each poll.
        QVERIFY(waitFor([&] { return tab.chartPoints(0) > 150; }));
        const int backfilled = tab.chartPoints(0);
        QVERIFY(
            waitFor([&] { return tab.chartPoints(0) >= std::min(backfilled + 2, int(LlmMonitor::kHistoryPoints)); }));
        if (const QString dir = qEnvironmentVariable("HLC_GPU_SCREENSHOT_DIR"); !dir.isEmpty()) {
            tab.resize(1280, 800);
            QVERIFY(waitFor([&] { return tab.tempPowerPoints(0) >= 5; }));
            QVERIFY(tab.grab().save(dir + QStringLiteral("/gpu.png")));
        }
        const auto hist = monitor.history(monitor.gpus().first().key());
        QVERIFY(hist.first().time.secsTo(hist.last().time) > 14 * 60);
        for (qsizetype i = 1; i < hist.size(); ++i)
            QVERIFY(hist[i - 1].time < hist[i].time);

        // Loaded models with their VRAM share.
        auto* table = tab.findChild<QTableView*>(QStringLiteral("loadedModelsTable"));
        QVERIFY(waitFor([&] { return table->model()->rowCount() == 2; }));
        QVERIFY(tab.findChild<QLabel*>(QStringLiteral("ollamaStatusLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Ollama 0.12.6 on host-b: 2 models loaded")));
        auto* model = tab.findChild<LoadedModelsModel*>();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int llama = model->rowOfKey(QStringLiteral("llama3:8b"));
        QVERIFY(llama >= 0);
        QCOMPARE(model->index(llama, LoadedModelsModel::VramShare).data(LoadedModelsModel::RawRole).toDouble(), 1.0);
        QVERIFY(model->index(llama, LoadedModelsModel::ExpiresIn).data(LoadedModelsModel::RawRole).toLongLong() > 200);
        hlc::test::evidence("GPU/LLM tab: GPU gauges and moving chart from the simulated Prometheus, Ollama loaded "
                            "models from the simulated Ollama, over loopback");

        // Polling never generated.
        QCOMPARE(m_ollama->generations(), 0);

        // Measure speed (explicit).
        QSignalSpy posted(m_notes.get(), &NotificationCenter::posted);
        auto* combo = tab.findChild<QComboBox*>(QStringLiteral("speedModelCombo"));
        QVERIFY(waitFor([combo] { return combo->count() == 5; }));
        combo->setCurrentText(QStringLiteral("mistral:7b"));
        tab.findChild<QPushButton*>(QStringLiteral("measureSpeedButton"))->click();
        auto* result = tab.findChild<QLabel*>(QStringLiteral("speedResultLabel"));
        QVERIFY(waitFor([result] { return result->text().contains(QStringLiteral("tokens/s")); }));
        // llama3 already fills most of the 8 GB: mistral is partly on the CPU and slower than its 44.8 tokens/s.
        QVERIFY2(result->text().startsWith(QStringLiteral("mistral:7b: 17.6 tokens/s (64 tokens")),
                 qPrintable(result->text()));
        QCOMPARE(m_ollama->generations(), 1);
        QVERIFY(waitFor([&] { return table->model()->rowCount() == 3; })); // measuring loaded it
        const double mistralShare =
            model->index(model->rowOfKey(QStringLiteral("mistral:7b")), LoadedModelsModel::VramShare)
                .data(LoadedModelsModel::RawRole)
                .toDouble();
        QVERIFY(mistralShare > 0.0 && mistralShare < 0.5);

        // Unload, confirmed.
        const int row = model->rowOfKey(QStringLiteral("mistral:7b"));
        for (int r = 0; r < table->model()->rowCount(); ++r) {
            if (table->model()->index(r, LoadedModelsModel::Name).data(LoadedModelsModel::RawRole).toString() ==
                QLatin1String("mistral:7b"))
                table->selectRow(r);
        }
        QVERIFY(row >= 0);
        auto* unload = tab.findChild<QPushButton*>(QStringLiteral("unloadModelButton"));
        QVERIFY(unload->isEnabled());
        MessageBox::setNextAnswer(QMessageBox::Yes);
        unload->click();
        QVERIFY(MessageBox::lastQuestion().startsWith(QStringLiteral("Unload mistral:7b from memory now?")));
        QVERIFY(waitFor([&] { return table->model()->rowCount() == 2; }));
        QVERIFY(result->text().contains(QStringLiteral("mistral:7b unloaded")));
        QVERIFY(waitFor([&] { return posted.size() >= 2; }));
        QCOMPARE(posted.last().first().value<Notification>().title, QStringLiteral("Model mistral:7b unloaded"));
        QCOMPARE(m_audit->entries().last().action, QStringLiteral("unload"));
        QCOMPARE(m_audit->entries().last().outcome, QStringLiteral("ok"));

        // Prometheus fails: the GPU stays (stale) with a note, it does not turn into zeros.
        sim::Fault f;
        f.status = 503;
        m_promServer->setFault("*", QStringLiteral("*"), f);
        auto* err = tab.findChild<QLabel*>(QStringLiteral("gpuErrorLabel"));
        QVERIFY(waitFor([err] { return err->isVisible(); }));
        QVERIFY(err->text().contains(QStringLiteral("HTTP 503")));
        QVERIFY(tab.findChild<QGroupBox*>(QStringLiteral("gpuBox_0")));
        QVERIFY(tab.findChild<QProgressBar*>(QStringLiteral("gpuUtilBar_0"))->format() != QStringLiteral("–"));
        m_promServer->clearFaults();
        QVERIFY(waitFor([err] { return !err->isVisible(); }));
    }

    // An exporter that lists the GPU but reports no readings: utilisation, VRAM, temperature and power are "–",
    // never 0, and the charts get no points at 0.
    void missingReadingsAreDashes()
    {
        m_gpu->setReportsReadings(false);
        const auto restore = qScopeGuard([this] { m_gpu->setReportsReadings(true); });
        ServiceDirectory services(config(true), m_secrets.get(), m_nam.get());
        services.start();
        LlmMonitor monitor(&services, m_journal.get());
        GpuLlmTab tab(&monitor);
        tab.show();
        monitor.start(150);
        QVERIFY(waitFor([&] { return tab.findChild<QGroupBox*>(QStringLiteral("gpuBox_0")); }));
        QVERIFY(waitFor([&] { return !monitor.history(monitor.gpus().first().key()).isEmpty(); }));
        const gpu::GpuStats g = monitor.gpus().first();
        QVERIFY(!g.utilization && !g.memoryUsedBytes && !g.temperatureC && !g.powerWatts);
        QVERIFY(g.memoryTotalBytes);
        QCOMPARE(tab.findChild<QProgressBar*>(QStringLiteral("gpuUtilBar_0"))->format(), QStringLiteral("–"));
        QCOMPARE(tab.findChild<QProgressBar*>(QStringLiteral("gpuVramBar_0"))->format(), QStringLiteral("–"));
        const QString info = tab.findChild<QProgressBar*>(QStringLiteral("gpuTempBar_0"))->format() +
                             QStringLiteral(" · ") +
                             tab.findChild<QProgressBar*>(QStringLiteral("gpuPowerBar_0"))->format();
        QCOMPARE(info, QStringLiteral("– °C · – W"));
        QCOMPARE(tab.chartPoints(0), 0);
        monitor.stop();
        hlc::test::evidence(
            QStringLiteral("GPU without readings: util and VRAM bars '–', info '%1', 0 chart points").arg(info));
    }

    void noPrometheusNoGpuSection()
    {
        ServiceDirectory services(config(false), m_secrets.get(), m_nam.get());
        services.start();
        LlmMonitor monitor(&services, m_journal.get());
        GpuLlmTab tab(&monitor);
        tab.show();
        monitor.start(150);
        auto* table = tab.findChild<QTableView*>(QStringLiteral("loadedModelsTable"));
        QVERIFY(waitFor([&] { return table->model()->rowCount() >= 1; }));
        QVERIFY(tab.findChild<QLabel*>(QStringLiteral("noGpuLabel"))->isVisible());
        QVERIFY(!tab.findChild<QGroupBox*>(QStringLiteral("gpuBox_0")));
    }
};

QTEST_MAIN(TestGpuLlmTab)
#include "TestGpuLlmTab.moc"
