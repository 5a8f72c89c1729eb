// GPU metrics of both exporter families: the real nvidia_gpu_exporter captures (shared/api/gpu-exporters), a
// dcgm-exporter scrape with two GPUs, loose values; and SimGpu through the simulated Prometheus over loopback.
#include "SpecCheck.h"
#include "TestUtil.h"

#include "gpu/GpuMetrics.h"
#include "prometheus/PrometheusClient.h"

#include "SimGpu.h"
#include "SimHomelab.h"
#include "SimHttpServer.h"
#include "SimOllama.h"
#include "SimPrometheus.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QStandardPaths>

using namespace hlc;
using namespace hlc::gpu;
using hlc::test::Capture;

namespace {
QByteArray read(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<MetricSample> withInstance(QList<MetricSample> samples, const QString& instance)
{
    for (MetricSample& s : samples)
        s.labels.insert(QStringLiteral("instance"), instance);
    return samples;
}

QList<MetricSample> fromProm(const QList<prom::Sample>& vector)
{
    QList<MetricSample> out;
    for (const prom::Sample& s : vector)
        out << MetricSample{s.metric.value(QStringLiteral("__name__")), s.metric, s.point.value};
    return out;
}
} // namespace

class TestGpuMetrics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void nvidiaSmiCaptures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("util");
        QTest::addColumn<double>("used");
        QTest::addColumn<double>("total");
        QTest::addColumn<double>("temp");
        QTest::addColumn<double>("power");
        QTest::newRow("rtx4080 load") << "linux-x86_64__nvidia-geforce-rtx-4080-super__595.71.05__load.metrics"
                                      << "NVIDIA GeForce RTX 4080 SUPER" << 0.07 << 1.545601024e+09 << 1.7171480576e+10
                                      << 46.0 << 84.24;
        QTest::newRow("h100 load") << "linux-x86_64__nvidia-h100-80gb-hbm3__590.48.01__load.metrics"
                                   << "NVIDIA H100 80GB HBM3" << 1.0 << 2.0780679168e+10 << 8.5520809984e+10 << 59.0
                                   << 631.95;
    }

    void nvidiaSmiCaptures()
    {
        QFETCH(QString, file);
        const hlc::test::SpecCheck specs;
        const QString capture = QStringLiteral("gpu-exporters/nvidia_gpu_exporter/") + file;
        HLC_REQUIRE_REAL(specs.unavailable(capture));
        const QByteArray text = read(specs.specPath(capture));
        QVERIFY2(!text.isEmpty(), qPrintable(specs.specPath(capture)));
        const QList<MetricSample> samples = parseExposition(text);
        QVERIFY(samples.size() > 50);
        const QList<GpuStats> gpus = fromSamples(withInstance(samples, QStringLiteral("gpu-box:9835")));
        QCOMPARE(gpus.size(), 1);
        const GpuStats& g = gpus.first();
        QCOMPARE(g.exporter, GpuStats::Exporter::NvidiaSmi);
        QTEST(g.name, "name");
        QTEST(*g.utilization, "util");
        QTEST(*g.memoryUsedBytes, "used");
        QTEST(*g.memoryTotalBytes, "total");
        QTEST(*g.temperatureC, "temp");
        QTEST(*g.powerWatts, "power");
        QCOMPARE(g.host, QStringLiteral("gpu-box"));
        QCOMPARE(g.uuid, QStringLiteral("00000000-0000-0000-0000-000000000000"));
    }

    void dcgmTwoGpus()
    {
        const QByteArray text = read(QStringLiteral(HLC_TEST_DATA_DIR "/gpu/dcgm-two-gpus.metrics"));
        QVERIFY(!text.isEmpty());
        const QList<GpuStats> gpus = fromSamples(withInstance(parseExposition(text), QStringLiteral("10.0.0.2:9400")));
        QCOMPARE(gpus.size(), 2);
        const GpuStats& a = gpus[0];
        QCOMPARE(a.exporter, GpuStats::Exporter::Dcgm);
        QCOMPARE(a.name, QStringLiteral("NVIDIA GeForce GTX 1080"));
        QCOMPARE(a.host, QStringLiteral("pve-ryzen")); // dcgm's Hostname label wins over the instance
        QCOMPARE(*a.utilization, 0.37);
        QCOMPARE(*a.memoryUsedBytes, 6144.0 * 1024 * 1024);
        QCOMPARE(*a.memoryTotalBytes, 8192.0 * 1024 * 1024);
        QCOMPARE(*a.temperatureC, 61.0);
        QCOMPARE(*a.powerWatts, 97.431);
        const GpuStats& b = gpus[1];
        QCOMPARE(b.index, 1);
        QCOMPARE(b.name, QStringLiteral("NVIDIA RTX A2000 12GB"));
        QCOMPARE(*b.utilization, 0.0);        // a real zero stays a zero
        QVERIFY(!b.temperatureC.has_value()); // the DCGM "blank" sentinel is no temperature
        QCOMPARE(*b.memoryTotalBytes, (12000.0 + 288.0) * 1024 * 1024);
    }

    void noGpuMeansNoGpu()
    {
        const QByteArray nodeExporter = "# HELP node_load1 1m load average.\nnode_load1 0.42\n"
                                        "node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} 1234.5\n";
        QVERIFY(
            fromSamples(withInstance(parseExposition(nodeExporter), QStringLiteral("pve-thinkpad:9100"))).isEmpty());
        QVERIFY(fromSamples({}).isEmpty());
    }

    void looseAndBroken()
    {
        const QByteArray text = "nvidia_smi_utilization_gpu_ratio{uuid=\"u1\"} NaN\n"
                                "nvidia_smi_memory_used_bytes{uuid=\"u1\"} 1e9 1700000000000\n"
                                "nvidia_smi_temperature_gpu{uuid=\"u1\",weird=\"a\\\"b\"} 50\n"
                                "nvidia_smi_power_draw_watts{uuid=\"u1\"\n"   // broken: skipped
                                "nvidia_smi_power_draw_watts{uuid=\"\"} 12\n" // no uuid: skipped
                                "garbage line without value\n"
                                "{only=\"labels\"} 3\n";
        const QList<MetricSample> samples = parseExposition(text);
        QCOMPARE(samples.size(), 4);
        QCOMPARE(samples[2].labels.value(QStringLiteral("weird")), QStringLiteral("a\"b"));
        const QList<GpuStats> gpus = fromSamples(samples);
        QCOMPARE(gpus.size(), 1);
        QVERIFY(!gpus[0].utilization); // NaN is no value
        QCOMPARE(*gpus[0].memoryUsedBytes, 1e9);
        QVERIFY(!gpus[0].powerWatts);
        QVERIFY(gpus[0].name.isEmpty());
        QCOMPARE(hostOfInstance(QStringLiteral("[::1]:9400")), QStringLiteral("::1"));
        QCOMPARE(hostOfInstance(QStringLiteral("pve-ryzen:9835")), QStringLiteral("pve-ryzen"));
    }

    void throughSimulatedPrometheus_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("nvidia_gpu_exporter") << int(sim::SimGpu::Format::NvidiaSmi);
        QTest::newRow("dcgm-exporter") << int(sim::SimGpu::Format::Dcgm);
    }

    void throughSimulatedPrometheus()
    {
        QFETCH(int, format);
        std::unique_ptr<sim::SimHomelab> lab(sim::SimHomelab::createSeeded());
        sim::SimHttpServer promServer;
        QVERIFY(promServer.listen(false));
        sim::SimPrometheus prometheus(lab.get(), &promServer);
        sim::SimHttpServer ollamaServer;
        sim::SimOllama ollama(&ollamaServer);
        ollama.load(QStringLiteral("llama3:8b"));
        sim::SimGpu gpu(&prometheus, QStringLiteral("pve-ryzen:9835"), sim::SimGpu::Format(format),
                        {sim::SimGpu::Gpu{}}, &ollama);
        QNetworkAccessManager nam;
        Endpoint e;
        e.baseUrl = promServer.baseUrl();
        e.timeoutMs = 3000;
        prom::PrometheusClient client(&nam, e);
        Capture<Result<prom::QueryResult>> cap;
        client.query(prometheusQuery(), {}, nullptr, cap.callback());
        QVERIFY(cap.wait());
        QVERIFY2(cap.value->ok(), qPrintable(cap.value->ok() ? QString() : cap.value->error().detail));
        const QList<GpuStats> gpus = fromSamples(fromProm(cap.value->value().vector));
        QCOMPARE(gpus.size(), 1);
        const GpuStats& g = gpus.first();
        QCOMPARE(g.name, QStringLiteral("NVIDIA GeForce GTX 1080"));
        QCOMPARE(g.host, QStringLiteral("pve-ryzen"));
        QCOMPARE(g.exporter,
                 format == int(sim::SimGpu::Format::Dcgm) ? GpuStats::Exporter::Dcgm : GpuStats::Exporter::NvidiaSmi);
        QVERIFY(*g.utilization >= 0.0 && *g.utilization <= 1.0);
        QVERIFY(std::abs(*g.memoryTotalBytes - 8.0 * 1024 * 1024 * 1024) < 2 * 1024 * 1024);
        // VRAM used = driver base + the loaded Ollama model.
        QVERIFY(*g.memoryUsedBytes > double(ollama.vramUsed()));
        QVERIFY(g.temperatureC && g.powerWatts);
        // The node_exporter hosts without a GPU exporter have no GPU.
        for (const GpuStats& x : gpus)
            QVERIFY(x.host != QLatin1String("pve-thinkpad"));
        hlc::test::evidence("GPU metrics (both exporter formats) read through the Prometheus client from the "
                            "simulated Prometheus over loopback");
    }
};

QTEST_GUILESS_MAIN(TestGpuMetrics)
#include "TestGpuMetrics.moc"
