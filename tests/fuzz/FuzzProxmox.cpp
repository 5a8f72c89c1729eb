// Proxmox VE parsers: version, nodes, node status, cluster resources, UPID, task status/log, ticket, cluster status,
// rrddata, error messages, a node's task list and a guest's config.
#include "FuzzTarget.h"
#include "proxmox/ProxmoxParser.h"

HLC_FUZZ_SELECTORS(14)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc::pve::parser;
    const auto in = hlc::fuzz::split(data, size, 14);
    switch (in.selector) {
    case 0:
        hlc::fuzz::check(version(in.body));
        break;
    case 1:
        hlc::fuzz::check(nodes(in.body));
        break;
    case 2:
        hlc::fuzz::check(nodeStatus(in.body));
        break;
    case 3:
        hlc::fuzz::check(resources(in.body));
        break;
    case 4:
        hlc::fuzz::check(upid(in.body));
        break;
    case 5:
        hlc::fuzz::check(taskStatus(in.body));
        break;
    case 6:
        hlc::fuzz::check(taskLog(in.body));
        break;
    case 7:
        hlc::fuzz::check(taskLogPage(in.body));
        break;
    case 8:
        hlc::fuzz::check(ticket(in.body));
        break;
    case 9:
        hlc::fuzz::check(clusterStatus(in.body));
        break;
    case 10:
        hlc::fuzz::check(rrdData(in.body));
        break;
    case 11:
        (void)errorMessage(in.body);
        break;
    case 12: // '<'
        hlc::fuzz::check(taskList(in.body));
        break;
    default: // '='
        hlc::fuzz::check(guestConfig(in.body));
        break;
    }
    return 0;
}
