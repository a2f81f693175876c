#include "core/services/statistics_cache.hpp"

#include <sqlite3.h>

#include <atomic>
#include <map>
#include <mutex>
#include <tuple>

#include "core/services/statistics_counts.hpp"
#include "core/services/write_generation.hpp"
#include "core/store/database.hpp"

namespace patrol::services {

namespace {

// Who asks and what: figures differ by viewer (a unit user, an inspector's own rounds).
using Key = std::tuple<std::string, std::optional<int64_t>, int, std::optional<int64_t>, std::vector<std::string>,
                       std::optional<std::string>, std::optional<int32_t>, std::optional<int32_t>, int32_t>;

struct FiguresCache {
    std::mutex mutex;
    uint64_t generation = 0;
    std::map<Key, Statistics> figures;  // all of `generation`
    std::atomic<int64_t> computations = 0;
};

FiguresCache& figuresCache() {
    static FiguresCache c;
    return c;
}

constexpr size_t kMaxFigures = 256;  // viewers × queries between two writes; a full cache starts over

}  // namespace

Statistics cachedStatistics(store::Database& db, const Actor& actor, const StatisticsQuery& query,
                            const CategoryNames& names) {
    FiguresCache& c = figuresCache();
    if (!sqlite3_get_autocommit(db.handle())) {
        c.computations += 1;
        return countStatistics(db, actor, query, names);
    }
    const uint64_t generation = writeGeneration(db);
    const Key key{db.path(), actor.userId, static_cast<int>(actor.role), actor.unitId, query.roundCodes, query.unitCode,
                  query.from, query.to, query.asOf};
    {
        std::lock_guard lock(c.mutex);
        // A newer generation drops the older figures; a look-up that saw an older one (a commit
        // was seen meanwhile on another connection) is neither served nor stored.
        if (generation > c.generation) {
            c.figures.clear();
            c.generation = generation;
        }
        const auto it = c.figures.find(key);
        if (c.generation == generation && it != c.figures.end()) return it->second;
    }
    c.computations += 1;
    Statistics computed = countStatistics(db, actor, query, names);
    std::lock_guard lock(c.mutex);
    // Stored only if no connection saw a write meanwhile: then the figures may predate it.
    if (c.generation == generation && latestWriteGeneration() == generation) {
        if (c.figures.size() >= kMaxFigures) c.figures.clear();
        c.figures.emplace(key, computed);
    }
    return computed;
}

int64_t statisticsComputations() { return figuresCache().computations.load(); }

}  // namespace patrol::services
