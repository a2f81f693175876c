#include "core/store/statement_cache.hpp"

#include <sqlite3.h>

#include "core/store/sqlite_failure.hpp"

namespace patrol::store {

namespace {
// Enough for every SQL text the program runs on one connection; beyond it (texts built with
// varying filters) statements are finalized as before.
constexpr size_t kMaxKept = 256;
}  // namespace

StatementCache::~StatementCache() {
    for (auto& [sql, stmts] : idle_)
        for (sqlite3_stmt* s : stmts) sqlite3_finalize(s);
}

sqlite3_stmt* StatementCache::take(sqlite3* db, std::string_view sql) {
    if (const auto it = idle_.find(sql); it != idle_.end() && !it->second.empty()) {
        sqlite3_stmt* stmt = it->second.back();
        it->second.pop_back();
        --kept_;
        return stmt;
    }
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(stmt);
        throwSqliteFailure(db, rc, "preparing: " + std::string(sql.substr(0, 80)));
    }
    return stmt;
}

void StatementCache::giveBack(sqlite3_stmt* stmt) {
    if (!stmt) return;
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    const char* sql = sqlite3_sql(stmt);
    if (kept_ >= kMaxKept || !sql) {
        sqlite3_finalize(stmt);
        return;
    }
    auto it = idle_.find(std::string_view(sql));
    if (it == idle_.end()) it = idle_.emplace(sql, std::vector<sqlite3_stmt*>{}).first;
    it->second.push_back(stmt);
    ++kept_;
}

}  // namespace patrol::store
