// A finding on its way from the plugin into the host's arena. From an isolated run's child it
// comes as a wire::Finding frame: written in one pass straight from the plugin's patrol_finding
// (no payload built first and copied into the frame after), and read back into the arena without
// a copy of its own. In process it goes into the arena at once. Either way the same limit holds.
#pragma once

#include "core/plugins/finding_arena.hpp"

#include <patrol/plugin_abi.h>

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace patrol::plugins {

// std::length_error for a finding whose texts and refs add up to more than a frame holds (4 GB),
// before any of them is read: the host's limit on one finding, in process as in a child.
void checkFindingFits(const patrol_finding& finding);

// Appends the finding's frame to `out`; checkFindingFits first, nothing appended when it throws.
void appendFindingFrame(std::string& out, const patrol_finding& finding);

// Why a finding could not be filed, in words, from what filing it threw.
std::string refusalReason(const std::exception_ptr& thrown);

// Runs `file` (which files one finding) and gives the reason in words when it could not be done,
// for the hosts' emit callbacks: no exception may go back into the plugin, which is asked to stop
// instead, and the run then fails with this reason.
template <class File>
std::optional<std::string> refusedFiling(File file) {
    try {
        file();
        return std::nullopt;
    } catch (...) {
        return refusalReason(std::current_exception());
    }
}

// Adds the finding in a frame's payload to `arena`, charged to `plugin`; `refs` is scratch space
// kept by the caller. Throws std::runtime_error for a payload cut short.
void addFindingFrame(FindingArena& arena, std::string_view plugin, std::string_view payload, std::vector<std::string_view>& refs);

// The same straight from the plugin's finding, in process: its texts are copied into the arena
// and nowhere else. checkFindingFits first, so that a finding is refused alike in a child.
void addFinding(FindingArena& arena, std::string_view plugin, const patrol_finding& finding, std::vector<std::string_view>& refs);

}  // namespace patrol::plugins
