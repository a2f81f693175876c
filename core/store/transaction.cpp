#include "core/store/transaction.hpp"

#include <sqlite3.h>

#include "core/store/database.hpp"
#include "core/store/sqlite_failure.hpp"

namespace patrol::store {

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
    db_.exec(nested_ ? "RELEASE patrol_nested" : "COMMIT");
    open_ = false;
    lock_.reset();
    turn_.reset();
}

}  // namespace patrol::store
