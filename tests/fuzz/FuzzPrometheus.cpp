// Prometheus HTTP API parsers: query results (vector, matrix, scalar, string), targets, alerts, rules, build info,
// the error envelope, sample values.
#include "FuzzTarget.h"
#include "prometheus/PrometheusParser.h"

HLC_FUZZ_SELECTORS(7)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc::prom::parser;
    const auto in = hlc::fuzz::split(data, size, 7);
    switch (in.selector) {
    case 0:
        hlc::fuzz::check(queryResult(in.body));
        break;
    case 1:
        hlc::fuzz::check(targets(in.body));
        break;
    case 2:
        hlc::fuzz::check(alerts(in.body));
        break;
    case 3:
        hlc::fuzz::check(rules(in.body));
        break;
    case 4:
        hlc::fuzz::check(buildInfo(in.body));
        break;
    case 5:
        (void)envelopeError(in.body);
        break;
    default:
        (void)sampleValue(QString::fromUtf8(in.body));
        break;
    }
    return 0;
}
