// The CLI's wording of a refusal: the service's domain message plus what a shell user can do
// about it (which option names the field, which listing shows what exists).
#pragma once

#include <string>

#include "core/cli/command.hpp"
#include "core/domain/errors.hpp"

namespace patrol::cli {

// `message` with the phrases that say `next` in domain words replaced by the command line that
// does it; unchanged when the CLI has no wording for the step. Also used for warnings.
std::string withNextStep(const std::string& message, const NextStep& next);

// The message printed after "错误: " when `command` (nullptr before one is found) fails with `e`.
std::string refusalText(const UserError& e, const CommandSpec* command);

}  // namespace patrol::cli
