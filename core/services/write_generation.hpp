// Whether anything was written to the database since an answer was computed, asked of SQLite
// itself, so that writes by other processes (a CLI run next to `patrol serve`) count too.
//
// On every look-up a connection of its own that never writes is asked for PRAGMA data_version,
// which moves when any other connection commits, so each commit starts exactly one new generation
// whichever connection looks first. A database in memory, which no second connection can open,
// falls back to the looking connection's data_version and sqlite3_total_changes64. An answer
// computed in a generation is current while the generation stays. Shared by the caches of read
// answers (statistics_cache.hpp, answer_cache.hpp).
#pragma once

#include <cstdint>

namespace patrol::store {
class Database;
}

namespace patrol::services {

// The generation the database is in as `db` sees it now (a new one if it saw any commit).
uint64_t writeGeneration(store::Database& db);

// The newest generation any connection has seen, without asking SQLite: an answer computed in
// generation g may be kept only while this is still g (no commit was seen meanwhile).
uint64_t latestWriteGeneration();

}  // namespace patrol::services
