// One patrol database file: opened in WAL mode with foreign keys on and a busy timeout (so
// a second writer waits), checked to be a patrol database, and migrated to the current schema.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/store/statement.hpp"
#include "core/store/statement_cache.hpp"

struct sqlite3;

namespace patrol::store {

struct OpenOptions {
    int busyTimeoutMs = 5000;  // setting database.busy_timeout_ms
    // Migrate only up to this version (0 = the current one). For tests that build old files.
    int upToVersion = 0;
    // false: a missing file is an error (SQLITE_CANTOPEN) and nothing is created.
    bool create = true;
    // false: the connection is used by one thread at a time (a command's own thread, or the
    // request a pool lends it to), so SQLite's own per-call mutex is skipped. That mutex was 7 %
    // of a mass escalation's CPU, taken around every column read.
    bool serialized = false;
};

class Database {
public:
    // Opens or creates `path`; refuses a file that is not a patrol database or is newer than
    // this program (UserError); upgrades an older one in place.
    static Database open(const std::string& path, const OpenOptions& options = {});
    // Opens an existing file for reading only: no migration, no journal-mode change, nothing
    // written (for checking a backup). UserError when it is not a patrol database.
    static Database openReadOnly(const std::string& path);
    // A second connection to the file `beside` has open, reading only, for work on another
    // thread. It sees what is committed: while `beside` holds the write lock, the state that
    // connection's transaction started from. nullopt when no second connection can share the
    // data (a database in memory or a temporary one) or the file cannot be opened again.
    static std::optional<Database> openReaderBeside(const Database& beside);

    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&&) = delete;
    Database(const Database&) = delete;

    // Reuses a prepared statement of the same text when one is idle (statement_cache.hpp).
    Statement prepare(std::string_view sql) { return Statement(db_, sql, *statements_); }
    // Runs one or more statements that return nothing.
    void exec(const std::string& sql);
    int64_t lastInsertId() const;
    int changes() const;
    // An integer pragma's value as the connection reads it now, e.g. pragma("cache_size").
    int64_t pragma(std::string_view name);
    // PRAGMA user_version of the open file.
    int schemaVersion();
    const std::string& path() const { return path_; }
    int busyTimeoutMs() const { return busyTimeoutMs_; }
    // The schema version the file had when opened (0: created now); differs from
    // schemaVersion() when this open upgraded it.
    int versionBeforeOpen() const { return versionBeforeOpen_; }
    sqlite3* handle() const { return db_; }

private:
    Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)), statements_(std::make_unique<StatementCache>()) {}
    sqlite3* db_;
    std::string path_;
    int versionBeforeOpen_ = 0;
    int busyTimeoutMs_ = 5000;
    std::unique_ptr<StatementCache> statements_;  // on the heap: statements keep its address across moves
};

}  // namespace patrol::store
