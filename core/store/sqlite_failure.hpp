// Turns a failed SQLite call into the error a user can act on (locked, not a database) or
// an internal error carrying SQLite's own text.
#pragma once

#include <string>

struct sqlite3;

namespace patrol::store {

[[noreturn]] void throwSqliteFailure(sqlite3* db, int rc, const std::string& doing);

}  // namespace patrol::store
