// Docker Engine answers (through Portainer's Docker proxy): the container list and container logs (multiplexed
// frames or TTY text).
#include "FuzzTarget.h"
#include "portainer/PortainerParser.h"

HLC_FUZZ_SELECTORS(3)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc::portainer::parser;
    const auto in = hlc::fuzz::split(data, size, 3);
    switch (in.selector) {
    case 0:
        hlc::fuzz::check(containers(in.body));
        break;
    case 1:
        if (logLines(in.body).size() > 200)
            hlc::fuzz::fail("more log lines than asked for");
        break;
    default:
        if (logLines(in.body, 3).size() > 3)
            hlc::fuzz::fail("more log lines than asked for");
        break;
    }
    return 0;
}
