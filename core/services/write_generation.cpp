#include "core/services/write_generation.hpp"

#include <sqlite3.h>

#include <map>
#include <mutex>

#include "core/store/database.hpp"

namespace patrol::services {

namespace {

struct ConnectionState {
    int64_t dataVersion = 0;
    int64_t totalChanges = 0;
};

struct Generations {
    std::mutex mutex;
    uint64_t generation = 0;
    std::map<sqlite3*, ConnectionState> seen;
};

Generations& generations() {
    static Generations g;
    return g;
}

ConnectionState stateOf(store::Database& db) {
    ConnectionState s;
    s.dataVersion = db.prepare("PRAGMA data_version").first([](const store::Statement& st) { return st.integer(0); }).value_or(0);
    s.totalChanges = sqlite3_total_changes64(db.handle());
    return s;
}

}  // namespace

uint64_t writeGeneration(store::Database& db) {
    const ConnectionState now = stateOf(db);
    Generations& g = generations();
    std::lock_guard lock(g.mutex);
    const auto it = g.seen.find(db.handle());
    if (it == g.seen.end() || it->second.dataVersion != now.dataVersion || it->second.totalChanges != now.totalChanges) {
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
