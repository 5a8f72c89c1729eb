#pragma once

// Shared by the fuzz targets (tests/fuzz/Fuzz*.cpp). Each target is one service: the first input byte chooses which
// of that service's parsers reads the rest: (byte - '0') % HLC_FUZZ_SELECTORS, so a seed file starting with '3' goes to
// parser 3 (':' and ';' are 10 and 11) and every byte value reaches some parser. Built two ways: with clang and
// libFuzzer (HLC_FUZZ=ON, scripts/fuzz), and with the ordinary compiler and ReplayMain.cpp, which feeds the committed
// seeds and regression inputs and deeply nested documents to the same function (ctest FuzzReplay_<target>).

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

/// Defines how many parsers the target's selector byte chooses from (ReplayMain feeds deep documents to each).
#define HLC_FUZZ_SELECTORS(n)                                                                                          \
    extern "C" int hlcFuzzSelectorCount()                                                                              \
    {                                                                                                                  \
        return (n);                                                                                                    \
    }

namespace hlc::fuzz {

struct Input
{
    int selector = 0;
    QByteArray body; ///< the bytes after the selector (a deep copy: the fuzzer's buffer is not kept)
};

inline Input split(const uint8_t* data, size_t size, int selectors)
{
    if (size == 0)
        return {};
    return {static_cast<uint8_t>(data[0] - '0') % selectors,
            QByteArray(reinterpret_cast<const char*>(data + 1), static_cast<qsizetype>(size - 1))};
}

[[noreturn]] inline void fail(const char* what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

/// What every parse result must keep: an error says what went wrong (the panels show error().message).
template<typename R> void check(const R& r)
{
    if (!r.ok() && r.error().message.isEmpty())
        fail("an error without a message");
}

} // namespace hlc::fuzz
