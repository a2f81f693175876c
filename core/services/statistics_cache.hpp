// The leaders' dashboard asks for the same figures again and again between writes, and computing
// them reads every task and finding in scope (about a second on 50,000 tasks). This seam hands back
// the figures computed last for the same database file, viewer, query and as-of day while nothing
// was written since, and computes them in SQL when it must (countStatistics, statistics_counts.hpp);
// computeStatistics (statistics.hpp) stays the plain reference both are tested against, and every
// other front door (CLI, ledger) still calls it directly.
//
// "Nothing written since" is asked of SQLite itself (write_generation.hpp), so writes by other
// processes count too. A look-up inside an open transaction is never served nor stored (what it
// sees may still roll back).
#pragma once

#include <cstdint>

#include "core/services/statistics.hpp"

namespace patrol::services {

Statistics cachedStatistics(store::Database& db, const Actor& actor, const StatisticsQuery& query,
                            const CategoryNames& names);

// How many times cachedStatistics computed rather than reused (for tests and the bench).
int64_t statisticsComputations();

}  // namespace patrol::services
