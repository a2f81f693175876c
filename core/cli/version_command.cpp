// `patrol version`: the toolkit and plugin ABI versions, for bug reports.
#include "core/cli/app.hpp"

#include <patrol/plugin_abi.h>

#include <ostream>

namespace patrol::cli {
namespace {

int runVersion(Invocation& inv) {
    inv.out << "patrol " << PATROL_VERSION << "（插件 ABI " << PATROL_ABI_MAJOR << "." << PATROL_ABI_MINOR << "）\n";
    return 0;
}

const Registration versionRegistration{CommandSpec{{"version"}, "显示版本号与插件 ABI 版本", {}, "", 0, 0, "  patrol version\n", runVersion}};

}  // namespace
}  // namespace patrol::cli
