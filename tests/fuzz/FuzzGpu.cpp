// GPU exporter text (Prometheus exposition of nvidia_gpu_exporter / dcgm-exporter) read into samples and grouped
// into GPUs; instance labels read as hosts.
#include "FuzzTarget.h"
#include "gpu/GpuMetrics.h"

HLC_FUZZ_SELECTORS(2)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc::gpu;
    const auto in = hlc::fuzz::split(data, size, 2);
    if (in.selector == 0) {
        const QList<MetricSample> samples = parseExposition(in.body);
        (void)fromSamples(samples);
    } else {
        (void)hostOfInstance(QString::fromUtf8(in.body));
    }
    return 0;
}
