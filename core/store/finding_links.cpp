#include "core/store/finding_links.hpp"

#include "core/store/database.hpp"

namespace patrol::store {

void setFindingRepeatOf(Database& db, int64_t findingId, int64_t earlierFindingId) {
    db.prepare("UPDATE findings SET repeat_of = ? WHERE id = ?").bindAll(earlierFindingId, findingId).run();
}

void setFindingTransferred(Database& db, int64_t findingId) {
    db.prepare("UPDATE findings SET transferred = 1 WHERE id = ?").bindAll(findingId).run();
}

}  // namespace patrol::store
