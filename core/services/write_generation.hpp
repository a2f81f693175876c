// Whether any record was written to the database since an answer was computed, asked of SQLite
// itself, so that writes by other processes (a CLI run next to `patrol serve`) count too.
//
// On every look-up a connection of its own that never writes is asked for PRAGMA data_version,
// which moves when any other connection commits; only then it reads the records' version (schema
// v7, schema_v7.cpp), which triggers move with every change to a record but not with the sign-in
// bookkeeping (a session refreshed once a minute, a failed sign-in, their audit events). So each
// commit that changed a record starts exactly one new generation whichever connection looks first,
// and a commit that changed none starts no generation: answers must not be made of those tables.
// A database in memory, which no second connection can open, falls back to the looking
// connection's own records' version. An answer computed in a generation is current while the
// generation stays. Shared by the caches of read answers (statistics_cache.hpp, answer_cache.hpp).
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
