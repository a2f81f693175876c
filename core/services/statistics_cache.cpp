#include "core/services/statistics_cache.hpp"

#include <sqlite3.h>

#include <atomic>
#include <map>
#include <mutex>
#include <tuple>

#include "core/services/statistics_counts.hpp"
#include "core/store/database.hpp"

namespace patrol::services {

namespace {

// Who asks and what: figures differ by viewer (a unit user, an inspector's own rounds).
using Key = std::tuple<std::string, std::optional<int64_t>, int, std::optional<int64_t>, std::vector<std::string>,
                       std::optional<std::string>, std::optional<int32_t>, std::optional<int32_t>, int32_t>;

struct ConnectionState {
    int64_t dataVersion = 0;
    int64_t totalChanges = 0;
};

struct Cache {
    std::mutex mutex;
    uint64_t generation = 0;
    std::map<sqlite3*, ConnectionState> seen;
    std::map<Key, Statistics> figures;  // all of `generation`
    std::atomic<int64_t> computations = 0;
};

Cache& cache() {
    static Cache c;
    return c;
}

constexpr size_t kMaxEntries = 256;  // viewers × queries between two writes; a full cache starts over

ConnectionState stateOf(store::Database& db) {
    ConnectionState s;
    s.dataVersion = db.prepare("PRAGMA data_version").first([](const store::Statement& st) { return st.integer(0); }).value_or(0);
    s.totalChanges = sqlite3_total_changes64(db.handle());
    return s;
}

// The generation the database is in as this connection sees it now.
uint64_t currentGeneration(Cache& c, store::Database& db) {
    const ConnectionState now = stateOf(db);
    std::lock_guard lock(c.mutex);
    const auto it = c.seen.find(db.handle());
    if (it == c.seen.end() || it->second.dataVersion != now.dataVersion || it->second.totalChanges != now.totalChanges) {
        c.seen[db.handle()] = now;
        c.generation += 1;
        c.figures.clear();
    }
    return c.generation;
}

}  // namespace

Statistics cachedStatistics(store::Database& db, const Actor& actor, const StatisticsQuery& query,
                            const CategoryNames& names) {
    Cache& c = cache();
    if (!sqlite3_get_autocommit(db.handle())) {
        c.computations += 1;
        return countStatistics(db, actor, query, names);
    }
    const uint64_t generation = currentGeneration(c, db);
    const Key key{db.path(), actor.userId, static_cast<int>(actor.role), actor.unitId, query.roundCodes, query.unitCode,
                  query.from, query.to, query.asOf};
    {
        std::lock_guard lock(c.mutex);
        if (c.generation == generation) {
            const auto it = c.figures.find(key);
            if (it != c.figures.end()) return it->second;
        }
    }
    c.computations += 1;
    Statistics computed = countStatistics(db, actor, query, names);
    std::lock_guard lock(c.mutex);
    // Stored only if no connection saw a write meanwhile: then the figures may predate it.
    if (c.generation == generation) {
        if (c.figures.size() >= kMaxEntries) c.figures.clear();
        c.figures.emplace(key, computed);
    }
    return computed;
}

int64_t statisticsComputations() { return cache().computations.load(); }

}  // namespace patrol::services
