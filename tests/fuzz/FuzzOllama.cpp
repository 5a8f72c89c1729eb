// Ollama parsers: version, installed models (tags), loaded models (ps), generate answers, error messages.
#include "FuzzTarget.h"
#include "ollama/OllamaParser.h"

HLC_FUZZ_SELECTORS(5)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc::ollama::parser;
    const auto in = hlc::fuzz::split(data, size, 5);
    switch (in.selector) {
    case 0:
        hlc::fuzz::check(version(in.body));
        break;
    case 1:
        hlc::fuzz::check(tags(in.body));
        break;
    case 2:
        hlc::fuzz::check(ps(in.body));
        break;
    case 3:
        hlc::fuzz::check(generate(in.body));
        break;
    default:
        (void)errorMessage(in.body);
        break;
    }
    return 0;
}
