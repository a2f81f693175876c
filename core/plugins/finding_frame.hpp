// One finding as a wire::Finding frame, as an isolated run's child sends it to the host: written
// in one pass straight from the plugin's patrol_finding (no payload built first and copied into
// the frame after), and read back into the host's arena without a copy of its own.
#pragma once

#include "core/plugins/finding_arena.hpp"

#include <patrol/plugin_abi.h>

#include <string>
#include <string_view>
#include <vector>

namespace patrol::plugins {

// Appends the finding's frame to `out`.
void appendFindingFrame(std::string& out, const patrol_finding& finding);

// Adds the finding in a frame's payload to `arena`, charged to `plugin`; `refs` is scratch space
// kept by the caller. Throws std::runtime_error for a payload cut short.
void addFindingFrame(FindingArena& arena, std::string_view plugin, std::string_view payload, std::vector<std::string_view>& refs);

}  // namespace patrol::plugins
