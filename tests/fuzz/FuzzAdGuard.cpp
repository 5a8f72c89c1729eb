// AdGuard Home parsers: status, stats, filtering status, query log, accepted answers, server versions.
#include "FuzzTarget.h"
#include "adguard/AdGuardParser.h"
#include "adguard/AdGuardVersion.h"

HLC_FUZZ_SELECTORS(6)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc::adguard::parser;
    const auto in = hlc::fuzz::split(data, size, 6);
    switch (in.selector) {
    case 0:
        hlc::fuzz::check(status(in.body));
        break;
    case 1:
        hlc::fuzz::check(stats(in.body));
        break;
    case 2:
        hlc::fuzz::check(filteringStatus(in.body));
        break;
    case 3:
        hlc::fuzz::check(queryLog(in.body));
        break;
    case 4:
        hlc::fuzz::check(accepted(in.body));
        break;
    default:
        (void)hlc::adguard::AdGuardVersion::parse(QString::fromUtf8(in.body));
        break;
    }
    return 0;
}
