// Findings added to an arena and finished as the host finishes a run's: sealed (fingerprinted or
// only their refs sorted), put in output order, repeats dropped.
#pragma once

#include "core/plugins/finding_arena.hpp"
#include "core/plugins/finding_checks.hpp"

#include <vector>

namespace patrol::testing {

inline plugins::FindingArena finishedInArena(const std::vector<plugins::CheckFinding>& findings, bool fingerprints) {
    plugins::FindingArena arena;
    for (const auto& f : findings) arena.add(f);
    arena.seal(fingerprints);
    size_t repeats = 0;
    arena.reorder(plugins::finishedOrder(arena, repeats));
    return arena;
}

}  // namespace patrol::testing
