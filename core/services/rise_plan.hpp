// Which open tasks rise on a day and what their notices say (reads only): the first half of a
// mass escalation, done before the write lock is taken.
#pragma once

#include <cstdint>
#include <vector>

#include "core/services/actor.hpp"
#include "core/services/escalation_service.hpp"

namespace patrol::store {
class Database;
}

namespace patrol::services {

struct RisePlan {
    int64_t dataVersion = 0;       // the connection's PRAGMA data_version when planning began
    std::vector<LevelRise> rises;  // in task order; their notices have neither id nor time yet
};

// The rises of every open task `actor` oversees on `asOf`. With `helper` (a second connection to
// the same file, store::Database::openReaderBeside), the upper half of the task ids is planned
// through it on the second core; both connections must see the same committed rows, which a
// later unchanged data_version of `db` vouches for.
RisePlan planRises(store::Database& db, store::Database* helper, const Actor& actor, int32_t asOf);

// Whether nothing was committed by another connection since `plan` began, so that nothing it read
// is stale: PRAGMA data_version of `db` moves with every such commit.
bool isCurrent(store::Database& db, const RisePlan& plan);

}  // namespace patrol::services
