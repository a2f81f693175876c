#include "core/services/answer_cache.hpp"

#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <unordered_map>

#include "core/services/write_generation.hpp"
#include "core/store/database.hpp"

namespace patrol::services {

namespace {

struct AnswerCache {
    std::mutex mutex;
    uint64_t generation = 0;
    std::unordered_map<std::string, std::string> answers;  // all of `generation`
    size_t bytes = 0;
    std::atomic<int64_t> computations = 0;
};

AnswerCache& answerCache() {
    static AnswerCache c;
    return c;
}

// Viewers × pages between two writes; a full cache starts over rather than tracking use.
constexpr size_t kMaxAnswers = 1024;
constexpr size_t kMaxBytes = size_t(64) << 20;

}  // namespace

std::string cachedAnswer(store::Database& db, const std::string& key, const std::function<std::string()>& compute) {
    AnswerCache& c = answerCache();
    if (!sqlite3_get_autocommit(db.handle())) {
        c.computations += 1;
        return compute();
    }
    const uint64_t generation = writeGeneration(db);
    const std::string fullKey = db.path() + '\n' + key;
    {
        std::lock_guard lock(c.mutex);
        // A newer generation drops the older answers; a look-up that saw an older one (a commit
        // was seen meanwhile on another connection) is neither served nor stored.
        if (generation > c.generation) {
            c.answers.clear();
            c.bytes = 0;
            c.generation = generation;
        }
        const auto it = c.answers.find(fullKey);
        if (c.generation == generation && it != c.answers.end()) return it->second;
    }
    c.computations += 1;
    std::string computed = compute();
    std::lock_guard lock(c.mutex);
    // Kept only if no connection saw a write meanwhile: then the answer may predate it.
    if (c.generation == generation && latestWriteGeneration() == generation) {
        if (c.answers.size() >= kMaxAnswers || c.bytes + computed.size() > kMaxBytes) {
            c.answers.clear();
            c.bytes = 0;
        }
        if (c.answers.emplace(fullKey, computed).second) c.bytes += computed.size();
    }
    return computed;
}

int64_t answerComputations() { return answerCache().computations.load(); }

}  // namespace patrol::services
