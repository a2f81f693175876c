#include "core/store/backup.hpp"

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "core/domain/errors.hpp"
#include "core/store/database.hpp"
#include "core/store/sqlite_failure.hpp"

namespace patrol::store {

namespace {

// Closes the target connection however copyDatabase leaves.
struct Connection {
    sqlite3* db = nullptr;
    ~Connection() { sqlite3_close_v2(db); }
};

}  // namespace

void copyDatabase(Database& source, const std::string& targetPath, int busyTimeoutMs) {
    Connection target;
    int rc = sqlite3_open_v2(targetPath.c_str(), &target.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) throwSqliteFailure(target.db, rc, "creating " + targetPath);
    sqlite3_backup* backup = sqlite3_backup_init(target.db, "main", source.handle(), "main");
    if (!backup) throwSqliteFailure(target.db, sqlite3_errcode(target.db), "starting the backup");
    // All pages in one step: one read snapshot of the source, so concurrent writers never make
    // the copy restart; retried while another connection holds a lock the step needs.
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::milliseconds(busyTimeoutMs);
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && std::chrono::steady_clock::now() < giveUp);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throwSqliteFailure(rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? source.handle() : target.db, rc,
                                              "copying the database");
    // The copied header still says WAL; a rollback journal keeps the copy a single file.
    rc = sqlite3_exec(target.db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throwSqliteFailure(target.db, rc, "setting the journal mode of " + targetPath);
}

void copyDatabase(Database& source, const std::string& targetPath, int busyTimeoutMs,
                  const std::function<void(int64_t done, int64_t total)>& pagesCopied) {
    if (!pagesCopied) return copyDatabase(source, targetPath, busyTimeoutMs);
    // The snapshot: a read transaction the backup steps find open, so none of them starts its
    // own (a new one would see other writers' pages and restart the copy).
    source.exec("BEGIN");
    struct EndRead {
        Database& db;
        ~EndRead() { sqlite3_exec(db.handle(), "ROLLBACK", nullptr, nullptr, nullptr); }
    } endRead{source};
    source.exec("SELECT count(*) FROM sqlite_master");

    Connection target;
    int rc = sqlite3_open_v2(targetPath.c_str(), &target.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) throwSqliteFailure(target.db, rc, "creating " + targetPath);
    sqlite3_backup* backup = sqlite3_backup_init(target.db, "main", source.handle(), "main");
    if (!backup) throwSqliteFailure(target.db, sqlite3_errcode(target.db), "starting the backup");
    constexpr int kPagesPerStep = 4096;  // 16 MB of 4 KB pages: a few steps a second
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::milliseconds(busyTimeoutMs);
    do {
        rc = sqlite3_backup_step(backup, kPagesPerStep);
        if (rc == SQLITE_OK || rc == SQLITE_DONE) {
            const int total = sqlite3_backup_pagecount(backup);
            pagesCopied(total - sqlite3_backup_remaining(backup), total);
        } else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    } while (rc == SQLITE_OK || ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && std::chrono::steady_clock::now() < giveUp));
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) throwSqliteFailure(rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? source.handle() : target.db, rc,
                                              "copying the database");
    rc = sqlite3_exec(target.db, "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) throwSqliteFailure(target.db, rc, "setting the journal mode of " + targetPath);
}

std::map<std::string, int64_t> tableRowCounts(Database& db) {
    std::map<std::string, int64_t> counts;
    const auto tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                            .collect([](const Statement& st) { return st.text(0); });
    for (const auto& table : tables) {
        auto count = db.prepare("SELECT count(*) FROM \"" + table + "\"");
        count.step();
        counts[table] = count.integer(0);
    }
    return counts;
}

std::optional<std::string> integrityProblem(Database& db) {
    auto check = db.prepare("PRAGMA integrity_check");
    if (!check.step()) return "integrity_check returned nothing";
    const std::string first = check.text(0);
    if (first == "ok") return std::nullopt;
    return first;
}

}  // namespace patrol::store
