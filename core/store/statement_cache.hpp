// Prepared statements a connection keeps for reuse: the same few dozen SQL texts run on every
// request of the server, and preparing them again cost about a tenth of a request's time.
// A statement in use is never handed out twice; one that is not returned is simply prepared anew.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace patrol::store {

class StatementCache {
public:
    StatementCache() = default;
    ~StatementCache();
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    // An idle statement for exactly this SQL text, or a freshly prepared one.
    sqlite3_stmt* take(sqlite3* db, std::string_view sql);
    // Resets the statement and keeps it for the next take() of its text (finalized past the cap).
    void giveBack(sqlite3_stmt* stmt);

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::vector<sqlite3_stmt*>, Hash, std::equal_to<>> idle_;
    size_t kept_ = 0;
};

}  // namespace patrol::store
