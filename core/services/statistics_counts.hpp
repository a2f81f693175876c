// The dashboard's statistics counted in SQL (store/statistics_queries.hpp): the same figures as
// computeStatistics (statistics.hpp), which reads every task and finding in scope into memory and
// stays the plain reference this is tested against. Only the dashboard's question (every round,
// every unit the viewer may see) is counted so; any other question is answered by the reference.
#pragma once

#include "core/services/statistics.hpp"

namespace patrol::services {

Statistics countStatistics(store::Database& db, const Actor& actor, const StatisticsQuery& query,
                           const CategoryNames& names);

}  // namespace patrol::services
