// Portainer parsers: system status, environments (endpoints), stacks, one stack, error messages.
#include "FuzzTarget.h"
#include "portainer/PortainerParser.h"

HLC_FUZZ_SELECTORS(5)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc::portainer::parser;
    const auto in = hlc::fuzz::split(data, size, 5);
    switch (in.selector) {
    case 0:
        hlc::fuzz::check(systemStatus(in.body));
        break;
    case 1:
        hlc::fuzz::check(environments(in.body));
        break;
    case 2:
        hlc::fuzz::check(stacks(in.body));
        break;
    case 3:
        hlc::fuzz::check(stack(in.body));
        break;
    default:
        (void)errorMessage(in.body);
        break;
    }
    return 0;
}
