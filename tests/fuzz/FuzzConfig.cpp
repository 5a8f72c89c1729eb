// The configuration file reader; a file it accepts is written again (ConfigWriter) and must read back equal.
#include "FuzzTarget.h"
#include "core/ConfigReader.h"
#include "core/ConfigWriter.h"

HLC_FUZZ_SELECTORS(1)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc;
    const auto in = hlc::fuzz::split(data, size, 1);
    const auto first = ConfigReader::parse(in.body, QStringLiteral("fuzz.json"));
    if (const auto* e = std::get_if<ConfigError>(&first)) {
        if (e->message.isEmpty())
            hlc::fuzz::fail("a config error without a message");
        return 0;
    }
    const Config& c = std::get<Config>(first);
    const auto again = ConfigReader::parse(ConfigWriter::serialize(c), QStringLiteral("fuzz.json"));
    if (!std::holds_alternative<Config>(again))
        hlc::fuzz::fail("a config written back does not read");
    if (!(std::get<Config>(again) == c))
        hlc::fuzz::fail("a config written back reads differently");
    return 0;
}
