// How many findings a round has per status, for its page: of one unit (all a unit user may see
// of it) or of all its units, the latter from the (round_id, status) index alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace patrol::store {

class Database;

// (status, count) for each status that has any.
std::vector<std::pair<std::string, int64_t>> countFindingsByStatus(Database& db, int64_t roundId, std::optional<int64_t> unitId);

}  // namespace patrol::store
