// Turns a failed SQLite call into the error a user can act on (locked, not a database) or
// an internal error carrying SQLite's own text.
#pragma once

#include <string>

struct sqlite3;

namespace patrol::store {

[[noreturn]] void throwSqliteFailure(sqlite3* db, int rc, const std::string& doing);

// The refusal of a write that another process kept waiting past database.busy_timeout_ms,
// whether it waited in SQLite or on the writer lock file (writer_lock.hpp).
[[noreturn]] void throwLockedOut(const std::string& path);

}  // namespace patrol::store
