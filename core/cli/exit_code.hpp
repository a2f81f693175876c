// The exit codes of the `patrol` executable: every refusal (UserError of any kind) is 2.
#pragma once

namespace patrol::cli {

enum class ExitCode : int { Done = 0, Internal = 1, BadInput = 2 };

}  // namespace patrol::cli
