// Agent platform API: agents, runs, run events (JSON), field errors and error messages; the event stream (SSE) split
// into two chunks at a point chosen by the input and decoded with small limits, each event read by the event parser;
// a form filled from an agent's presets normalised and validated against its input schema.
#include "FuzzTarget.h"
#include "agents/AgentsParser.h"
#include "agents/SseDecoder.h"

HLC_FUZZ_SELECTORS(10)

namespace {
using namespace hlc::agents;

void stream(const QByteArray& body)
{
    if (body.isEmpty())
        return;
    // First byte: where the chunk boundary falls; small limits so the fuzzer reaches them.
    const qsizetype cut = static_cast<unsigned char>(body.at(0)) % body.size();
    const QByteArray bytes = body.mid(1);
    SseDecoder::Limits limits;
    limits.maxLineBytes = 512;
    limits.maxEventBytes = 1024;
    SseDecoder d(limits);
    const auto drain = [&d, &limits] {
        while (const std::optional<SseEvent> e = d.next()) {
            if (e->data.size() > limits.maxEventBytes)
                hlc::fuzz::fail("an event over the event limit");
            hlc::fuzz::check(parser::event(e->data));
        }
    };
    d.append(bytes.left(cut));
    drain();
    d.append(bytes.mid(cut));
    drain();
    if (d.overflow() == SseDecoder::Overflow::None && !d.idle() && bytes.endsWith("\n\n"))
        hlc::fuzz::fail("a stream ending in a blank line left an event behind");
}

void forms(const QByteArray& body)
{
    const auto list = parser::agents(body);
    hlc::fuzz::check(list);
    if (!list.ok())
        return;
    for (const Agent& a : list.value()) {
        for (const Preset& p : a.presets) {
            const QVariantMap input = normalizeInput(a.inputSchema, p.input);
            (void)validateInput(a.inputSchema, input);
            (void)validateInput(a.inputSchema, p.input);
        }
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto in = hlc::fuzz::split(data, size, 10);
    switch (in.selector) {
    case 0:
        hlc::fuzz::check(parser::agents(in.body));
        break;
    case 1:
        hlc::fuzz::check(parser::run(in.body));
        break;
    case 2:
        hlc::fuzz::check(parser::runs(in.body));
        break;
    case 3:
        hlc::fuzz::check(parser::events(in.body));
        break;
    case 4:
        hlc::fuzz::check(parser::event(in.body));
        break;
    case 5:
        (void)parser::fieldErrors(in.body);
        break;
    case 6:
        (void)parser::errorMessage(in.body);
        break;
    case 7:
        (void)parser::errorCode(in.body);
        break;
    case 8:
        stream(in.body);
        break;
    default:
        forms(in.body);
        break;
    }
    return 0;
}
