#include "core/domain/repeat.hpp"

#include <tuple>

namespace patrol::domain {

std::optional<int64_t> repeatedFinding(const FindingForRepeat& confirmed,
                                       const std::vector<FindingForRepeat>& candidates) {
    const FindingForRepeat* best = nullptr;
    const auto order = [](const FindingForRepeat& f) { return std::tuple(f.roundStart, f.roundId, f.findingId); };
    for (const FindingForRepeat& c : candidates) {
        const bool earlierRound = std::tuple(c.roundStart, c.roundId) < std::tuple(confirmed.roundStart, confirmed.roundId);
        if (!earlierRound || !c.rectified || c.unitCode != confirmed.unitCode || c.category != confirmed.category)
            continue;
        if (!best || order(c) > order(*best)) best = &c;
    }
    if (!best) return std::nullopt;
    return best->findingId;
}

}  // namespace patrol::domain
