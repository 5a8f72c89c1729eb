#include "TestUtil.h"

#include <cstdio>

namespace hlc::test {

void evidence(const QString& what)
{
    evidence(what.toUtf8().constData());
}

void evidence(const char* what)
{
    std::printf("evidence: %s\n", what);
    std::fflush(stdout);
}

bool realRequired()
{
    return qEnvironmentVariable("HLC_REQUIRE_REAL") == QLatin1String("1");
}

} // namespace hlc::test
