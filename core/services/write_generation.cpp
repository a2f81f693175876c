#include "core/services/write_generation.hpp"

#include <sqlite3.h>
#include <sys/stat.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/store/database.hpp"

namespace patrol::services {

namespace {

int64_t dataVersion(sqlite3* handle) {
    sqlite3_stmt* st = nullptr;
    int64_t version = 0;
    if (sqlite3_prepare_v2(handle, "PRAGMA data_version", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return version;
}

// The version of the records (schema v7): it moves with every change to a record, and not with a
// session refresh, a sign-in or its audit event. nullopt where the table cannot be read (a file not
// yet migrated), so that every commit counts there as before.
std::optional<int64_t> recordsVersion(sqlite3* handle) {
    sqlite3_stmt* st = nullptr;
    std::optional<int64_t> version;
    if (sqlite3_prepare_v2(handle, "SELECT version FROM records_version WHERE id = 1", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return version;
}

// A connection of the cache's own that never writes: every commit, by this process or another,
// is a commit by "another connection" to it, so its data_version moves once per commit however
// many pooled connections later look. (Asking each pooled connection instead started a new
// generation once per connection after every write, so 32 server threads recomputed the same
// figures up to 32 times.)
struct Watcher {
    sqlite3* handle = nullptr;
    int64_t seenVersion = -1;                 // data_version: whether anything was committed
    std::optional<int64_t> seenRecords;       // records_version: whether a record changed
    dev_t device = 0;  // the file it opened: a file put in its place (a restore) needs a new watcher
    ino_t inode = 0;
    ~Watcher() { sqlite3_close_v2(handle); }
};

// Databases the watcher cannot follow (in memory) fall back to their own connection: the records'
// version, or (before v7) its commit counters.
struct ConnectionState {
    std::optional<int64_t> records;
    int64_t dataVersion = 0;
    int64_t totalChanges = 0;
    bool operator==(const ConnectionState&) const = default;
};

ConnectionState stateOf(sqlite3* handle) {
    if (const auto records = recordsVersion(handle)) return {records, 0, 0};
    return {std::nullopt, dataVersion(handle), sqlite3_total_changes64(handle)};
}

struct Generations {
    std::mutex mutex;
    uint64_t generation = 0;
    std::map<std::string, std::unique_ptr<Watcher>> watchers;  // by database path
    std::map<sqlite3*, ConnectionState> seen;                  // fallback, by connection
};

Generations& generations() {
    static Generations g;
    return g;
}

Watcher* watcherFor(Generations& g, const std::string& path) {
    if (path.empty() || path == ":memory:" || path.starts_with("file:")) return nullptr;
    struct stat file {};
    if (stat(path.c_str(), &file) != 0) return nullptr;
    auto& w = g.watchers[path];
    if (!w || w->device != file.st_dev || w->inode != file.st_ino) {
        w = std::make_unique<Watcher>();
        w->device = file.st_dev;
        w->inode = file.st_ino;
        if (sqlite3_open_v2(path.c_str(), &w->handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
            g.watchers.erase(path);
            return nullptr;
        }
    }
    return w.get();
}

}  // namespace

uint64_t writeGeneration(store::Database& db) {
    Generations& g = generations();
    std::lock_guard lock(g.mutex);
    if (Watcher* w = watcherFor(g, db.path())) {
        // data_version is only the cheap first look: most commits a server sees are sessions'.
        const int64_t version = dataVersion(w->handle);
        if (version != w->seenVersion) {
            w->seenVersion = version;
            const auto records = recordsVersion(w->handle);
            if (!records || records != w->seenRecords) g.generation += 1;
            w->seenRecords = records;
        }
        return g.generation;
    }
    const ConnectionState now = stateOf(db.handle());
    const auto it = g.seen.find(db.handle());
    if (it == g.seen.end() || !(it->second == now)) {
        g.seen[db.handle()] = now;
        g.generation += 1;
    }
    return g.generation;
}

uint64_t latestWriteGeneration() {
    Generations& g = generations();
    std::lock_guard lock(g.mutex);
    return g.generation;
}

}  // namespace patrol::services
