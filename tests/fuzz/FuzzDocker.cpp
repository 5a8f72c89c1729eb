// Docker Engine answers (through Portainer's Docker proxy): the container list, container logs (multiplexed frames or
// TTY text) and a container's inspection (restart count, start time).
#include "FuzzTarget.h"
#include "portainer/PortainerParser.h"

HLC_FUZZ_SELECTORS(4)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc::portainer::parser;
    const auto in = hlc::fuzz::split(data, size, 4);
    switch (in.selector) {
    case 0:
        hlc::fuzz::check(containers(in.body));
        break;
    case 1:
        if (logLines(in.body).size() > 200)
            hlc::fuzz::fail("more log lines than asked for");
        break;
    case 2:
        if (logLines(in.body, 3).size() > 3)
            hlc::fuzz::fail("more log lines than asked for");
        break;
    default:
        hlc::fuzz::check(containerInspect(in.body));
        break;
    }
    return 0;
}
