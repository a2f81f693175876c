#include "core/store/round_finding_counts.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

std::vector<std::pair<std::string, int64_t>> countFindingsByStatus(Database& db, int64_t roundId, std::optional<int64_t> unitId) {
    auto st = db.prepare(unitId ? "SELECT status, count(*) FROM findings WHERE round_id = ? AND unit_id = ? GROUP BY status"
                                : "SELECT status, count(*) FROM findings WHERE round_id = ? GROUP BY status");
    st.bind(1, roundId);
    if (unitId) st.bind(2, *unitId);
    return st.collect([](const Statement& row) { return std::make_pair(row.text(0), row.integer(1)); });
}

}  // namespace patrol::store
