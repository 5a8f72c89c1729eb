// The imports: a `.env` file, Homepage's services.yaml and widgets.yaml; what they find is applied to an empty
// configuration (ImportPlan::apply), whose result must pass the configuration's validation.
#include "FuzzTarget.h"
#include "core/ConfigValidator.h"
#include "setup/EnvImport.h"
#include "setup/HomepageImport.h"
#include "setup/ImportPlan.h"

HLC_FUZZ_SELECTORS(3)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace hlc;
    const auto in = hlc::fuzz::split(data, size, 3);
    ImportParse parsed;
    switch (in.selector) {
    case 0:
        parsed = EnvImport::parse(in.body, QStringLiteral("fuzz-host"));
        break;
    case 1:
        parsed = HomepageImport::parseServices(in.body);
        break;
    default:
        parsed = HomepageImport::parseWidgets(in.body);
        break;
    }
    const ImportApplied applied = ImportPlan::apply(parsed.rows, Config());
    (void)ConfigValidator::validate(applied.config);
    return 0;
}
