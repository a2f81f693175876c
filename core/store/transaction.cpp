#include "core/store/transaction.hpp"

#include <sqlite3.h>

#include "core/store/database.hpp"
#include "core/store/sqlite_failure.hpp"

namespace patrol::store {

namespace {

// SQLite's own threshold: a checkpoint once the WAL holds this many frames.
constexpr int kCheckpointFrames = 1000;

// Notes how many frames the WAL holds after a commit instead of checkpointing there and then.
int noteWalFrames(void* frames, sqlite3*, const char*, int count) {
    *static_cast<int*>(frames) = count;
    return SQLITE_OK;
}

}  // namespace

Transaction::Transaction(Database& db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
    if (!nested_) {
        // One budget for the turn in this process and the line of all processes.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(db_.busyTimeoutMs());
        turn_ = std::make_unique<WriterTurn>(db_.path(), db_.busyTimeoutMs());
        lock_ = std::make_unique<WriterLock>(db_.path(), deadline);
        if (lock_->timedOut()) {
            lock_.reset();
            turn_.reset();
            const char* file = sqlite3_db_filename(db_.handle(), "main");
            throwLockedOut(file ? file : db_.path());
        }
    }
    try {
        db_.exec(nested_ ? "SAVEPOINT patrol_nested" : "BEGIN IMMEDIATE");
    } catch (...) {
        lock_.reset();
        turn_.reset();
        throw;
    }
}

Transaction::~Transaction() {
    if (!open_) return;
    const char* undo = nested_ ? "ROLLBACK TO patrol_nested; RELEASE patrol_nested" : "ROLLBACK";
    sqlite3_exec(db_.handle(), undo, nullptr, nullptr, nullptr);
    lock_.reset();
    turn_.reset();
}

void Transaction::commit() {
    if (nested_) {
        db_.exec("RELEASE patrol_nested");
        open_ = false;
        return;
    }
    // SQLite checkpoints right after the COMMIT that fills the WAL, still inside this call:
    // done there, the copy into the database file and its fsync would keep the writers lined up
    // on the lock file waiting although SQLite's own lock is free. It runs after they are let go.
    int walFrames = 0;
    sqlite3_wal_hook(db_.handle(), &noteWalFrames, &walFrames);
    try {
        db_.exec("COMMIT");
    } catch (...) {
        sqlite3_wal_autocheckpoint(db_.handle(), kCheckpointFrames);
        throw;
    }
    sqlite3_wal_autocheckpoint(db_.handle(), kCheckpointFrames);  // SQLite's hook back for other writes
    open_ = false;
    lock_.reset();
    turn_.reset();
    if (walFrames >= kCheckpointFrames)  // passive: whatever it cannot copy now waits for the next one
        sqlite3_wal_checkpoint_v2(db_.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

}  // namespace patrol::store
