// Repeat problems (屡查屡犯, spec/domain.md "Finding lifecycle").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patrol::domain {

// What the rule needs to know of a finding and the round it belongs to.
struct FindingForRepeat {
    int64_t findingId = 0;
    int64_t roundId = 0;
    int32_t roundStart = 0;  // rounds are ordered by start date, then by id
    std::string unitCode;
    std::string category;
    bool rectified = false;  // marked rectified (or closed after rectification)
};

// The earlier finding the confirmed one repeats: same unit and category, in an earlier round,
// marked rectified. The most recent such finding is chosen (latest round, then highest id).
std::optional<int64_t> repeatedFinding(const FindingForRepeat& confirmed,
                                       const std::vector<FindingForRepeat>& candidates);

}  // namespace patrol::domain
