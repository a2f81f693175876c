#include "core/store/database.hpp"

#include <sqlite3.h>

#include <chrono>
#include <thread>
#include <utility>

#include "core/domain/errors.hpp"
#include "core/store/busy_wait.hpp"
#include "core/store/migrations.hpp"
#include "core/store/sqlite_failure.hpp"

namespace patrol::store {

namespace {

// Switching a file into WAL needs it alone for a moment. While another connection holds the
// write lock of a file still in rollback-journal mode (the opener that created a new file
// switches while a second opener already writes), SQLite refuses the switch at once, without
// its busy wait. It is tried again within the same budget a write has.
void enterWalMode(Database& db) {
    using namespace std::chrono;
    const auto started = steady_clock::now();
    for (;;) {
        const int rc = sqlite3_exec(db.handle(), "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK) return;
        const auto waited = duration_cast<milliseconds>(steady_clock::now() - started);
        if ((rc & 0xff) != SQLITE_BUSY || waited >= milliseconds(db.busyTimeoutMs()))
            throwSqliteFailure(db.handle(), rc, "switching to WAL");
        std::this_thread::sleep_for(busyPauseAfter(waited));
    }
}

// SQLite keeps memory statistics nobody here reads, under a process-wide mutex taken by every
// allocation it makes; once a process has a second thread that lock is real work. sqlite3_config
// must come before SQLite initialises and while no other thread uses it: set during static
// initialisation, before main() starts any thread (were SQLite already initialised, the call is
// refused and changes nothing).
[[maybe_unused]] const int kWithoutMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);

}  // namespace

Database Database::open(const std::string& path, const OpenOptions& options) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (options.serialized ? SQLITE_OPEN_FULLMUTEX : SQLITE_OPEN_NOMUTEX) |
                      (options.create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db(raw, path);
    if (rc != SQLITE_OK)
        throw UserError("无法打开数据库文件 " + path + "：" + sqlite3_errmsg(raw) + "。请检查路径是否存在、目录是否可写。");
    sqlite3_extended_result_codes(raw, 1);
    installBusyWait(raw, options.busyTimeoutMs);
    db.busyTimeoutMs_ = options.busyTimeoutMs;
    db.exec("PRAGMA foreign_keys = ON");
    // Takes effect only while the file is still empty, i.e. for a database this open creates.
    // 8 KiB rather than SQLite's 4: a bulk recording writes half as many pages (each a
    // write-ahead log frame of its own) and took 7.7-8.0 s instead of 8.6 s; a mass escalation,
    // which rewrites task rows all over the table, 2.05 s instead of 2.24-2.36 s. 16 KiB made
    // recording faster still (7.4 s) but escalation slower (3.15 s). bench/README.md has the runs.
    db.exec("PRAGMA page_size = 8192");
    db.versionBeforeOpen_ = migrateToCurrent(db, options.upToVersion);
    // WAL lets readers work while one writer writes; set after the file is known to be ours.
    enterWalMode(db);
    return db;
}

Database Database::openReadOnly(const std::string& path) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nullptr);
    Database db(raw, path);
    if (rc != SQLITE_OK) throwSqliteFailure(raw, rc, "opening " + path);
    sqlite3_extended_result_codes(raw, 1);
    const int64_t applicationId = db.pragma("application_id");
    if (applicationId != kApplicationId)
        throw UserError("文件 " + path + " 不是 patrol 数据库（application_id=" + std::to_string(applicationId) + "）。");
    db.versionBeforeOpen_ = db.schemaVersion();
    return db;
}

std::optional<Database> Database::openReaderBeside(const Database& beside) {
    const char* file = sqlite3_db_filename(beside.db_, "main");
    if (file == nullptr || *file == '\0') return std::nullopt;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file, &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    Database db(raw, beside.path_);
    if (rc != SQLITE_OK) return std::nullopt;
    sqlite3_extended_result_codes(raw, 1);
    installBusyWait(raw, beside.busyTimeoutMs_);
    db.busyTimeoutMs_ = beside.busyTimeoutMs_;
    db.versionBeforeOpen_ = beside.versionBeforeOpen_;
    // Read once now: a file it may open but not read (its shared-memory file not readable to
    // this user, say) is found here, where the caller can still do without it.
    try {
        db.schemaVersion();
    } catch (const std::exception&) {
        return std::nullopt;
    }
    return db;
}

Database::~Database() {
    statements_.reset();  // finalized before the connection closes
    if (db_) sqlite3_close_v2(db_);
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)), versionBeforeOpen_(other.versionBeforeOpen_),
      busyTimeoutMs_(other.busyTimeoutMs_), statements_(std::move(other.statements_)) {}

void Database::exec(const std::string& sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK) throwSqliteFailure(db_, rc, "running: " + sql.substr(0, 80));
}

int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

int64_t Database::pragma(std::string_view name) {
    auto st = prepare("PRAGMA " + std::string(name));
    st.step();
    return st.integer(0);
}

int Database::schemaVersion() { return static_cast<int>(pragma("user_version")); }

}  // namespace patrol::store
