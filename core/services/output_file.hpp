// Files a command writes for the user (ledgers, reports, evidence copies): written next to the
// target under a temporary name and renamed into place only when complete, so a failure never
// leaves half a file where the user expects one.
#pragma once

#include <filesystem>
#include <functional>

namespace patrol::services {

enum class Overwrite { Refuse, Allow };

// Checks the target (its folder exists, it is not a folder, it does not exist unless `overwrite`
// allows), calls `write` with a fresh temporary path in the same folder, and renames that file
// onto the target. On any exception the temporary file is removed and the exception goes on.
// `what` names the file in messages, e.g. "台账文件".
void writeOutputFile(const std::filesystem::path& target, const char* what, Overwrite overwrite,
                     const std::function<void(const std::filesystem::path& temporary)>& write);

}  // namespace patrol::services
