// The rectification workflow's marks on a finding: the earlier finding it repeats (屡查屡犯)
// and whether it was transferred as a clue.
#pragma once

#include <cstdint>

namespace patrol::store {

class Database;

void setFindingRepeatOf(Database& db, int64_t findingId, int64_t earlierFindingId);
void setFindingTransferred(Database& db, int64_t findingId);

}  // namespace patrol::store
