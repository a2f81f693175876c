// Schema versions. The file carries PRAGMA application_id (so a foreign SQLite file is
// refused) and PRAGMA user_version (the schema version); migrations only ever append.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace patrol::store {

class Database;

// "PTRL" in ASCII: marks a SQLite file as a patrol database.
inline constexpr int32_t kApplicationId = 0x5054524C;

struct Migration {
    int version;               // the schema version after this step
    std::string_view summary;  // what the step adds, for people reading the code
    std::string_view sql;
};

// Every migration in order; the last one's version is the current schema version.
const std::vector<Migration>& migrations();
int currentSchemaVersion();

// Checks the file is a patrol database no newer than this program and applies the missing
// migrations in one transaction. `upToVersion` 0 means the current version. Returns the
// version the file had before (0 for a new file).
int migrateToCurrent(Database& db, int upToVersion = 0);

}  // namespace patrol::store
