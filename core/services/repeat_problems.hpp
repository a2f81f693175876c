// Repeat problems (屡查屡犯, spec/domain.md "Finding lifecycle"): a finding confirmed in a later
// round with the same unit and category as a rectified finding of an earlier round is flagged
// `repeat` and linked to it — a sign of 虚假整改.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "core/domain/repeat.hpp"

#include "core/services/actor.hpp"
#include "core/store/finding_repository.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

// Call inside the transaction that confirms the finding (or records a manual one, which starts
// confirmed). Links and audits it when it repeats an earlier one; returns that finding's id.
std::optional<int64_t> flagRepeatProblem(store::Database& db, const Actor& actor, int64_t findingId);

// The same check for many findings confirmed in one transaction: each unit's rectified findings
// are read once, so confirming thousands stays linear.
class RepeatProblemFlagger {
public:
    RepeatProblemFlagger(store::Database& db, const Actor& actor) : db_(db), actor_(actor) {}
    // `finding` as stored, just confirmed.
    std::optional<int64_t> flag(const store::FindingRecord& finding);

private:
    store::Database& db_;
    const Actor& actor_;
    std::map<int64_t, int32_t> roundStarts_;
    std::map<int64_t, std::vector<domain::FindingForRepeat>> rectifiedByUnit_;
};

}  // namespace patrol::services
