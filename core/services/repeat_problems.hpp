// Repeat problems (屡查屡犯, spec/domain.md "Finding lifecycle"): a finding confirmed in a later
// round with the same unit and category as a rectified finding of an earlier round is flagged
// `repeat` and linked to it — a sign of 虚假整改.
#pragma once

#include <cstdint>
#include <optional>

#include "core/services/actor.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

// Call inside the transaction that confirms the finding (or records a manual one, which starts
// confirmed). Links and audits it when it repeats an earlier one; returns that finding's id.
std::optional<int64_t> flagRepeatProblem(store::Database& db, const Actor& actor, int64_t findingId);

}  // namespace patrol::services
