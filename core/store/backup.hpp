// A consistent copy of a live database file through SQLite's online backup API: the copy is
// one snapshot even while other processes keep writing (WAL readers do not block writers).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace patrol::store {

class Database;

// Copies `source` into the new file `targetPath` (which must not exist) and switches the copy
// to a rollback journal, so it is one self-contained file that can be read without writing.
// UserError when the source stays locked longer than `busyTimeoutMs`.
void copyDatabase(Database& source, const std::string& targetPath, int busyTimeoutMs);
// The same copy in steps of a few thousand pages, telling `pagesCopied(done, total)` after
// each: the source holds one read transaction throughout, so the copy is still one snapshot
// and writers elsewhere never make it start over.
void copyDatabase(Database& source, const std::string& targetPath, int busyTimeoutMs,
                  const std::function<void(int64_t done, int64_t total)>& pagesCopied);

// Rows in each table of the database (SQLite's own tables left out), for a backup's manifest.
std::map<std::string, int64_t> tableRowCounts(Database& db);

// The first line PRAGMA integrity_check reports, or none when the file is sound.
std::optional<std::string> integrityProblem(Database& db);

}  // namespace patrol::store
