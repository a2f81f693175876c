// Whether anything was written to the database since an answer was computed, asked of SQLite
// itself, so that writes by other processes (a CLI run next to `patrol serve`) count too.
//
// On every look-up the connection's PRAGMA data_version (changes when any other connection
// commits) and sqlite3_total_changes64 (every change this connection made) are compared with what
// that connection showed at its previous look-up; any difference on any connection starts a new
// generation. The first look-up on each connection after a commit sees that commit, so an answer
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
