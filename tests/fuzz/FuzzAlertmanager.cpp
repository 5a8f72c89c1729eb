// Alertmanager API v2 parsers: alerts, silences, one silence, the id of a created silence, status, error texts; a
// silence read back is written again (postableSilence) and must read back once more.
#include "FuzzTarget.h"
#include "alertmanager/AlertmanagerParser.h"

HLC_FUZZ_SELECTORS(6)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc::am::parser;
    const auto in = hlc::fuzz::split(data, size, 6);
    switch (in.selector) {
    case 0:
        hlc::fuzz::check(alerts(in.body));
        break;
    case 1:
        hlc::fuzz::check(silences(in.body));
        break;
    case 2: {
        const auto s = silence(in.body);
        hlc::fuzz::check(s);
        if (s.ok())
            (void)silence(postableSilence(s.value()));
        break;
    }
    case 3:
        hlc::fuzz::check(silenceId(in.body));
        break;
    case 4:
        hlc::fuzz::check(status(in.body));
        break;
    default:
        (void)errorText(in.body);
        break;
    }
    return 0;
}
