#include "core/store/transaction.hpp"

#include <sqlite3.h>

#include "core/store/database.hpp"

namespace patrol::store {

Transaction::Transaction(Database& db) : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
    if (!nested_) turn_ = std::make_unique<WriterTurn>(db_.path(), db_.busyTimeoutMs());
    db_.exec(nested_ ? "SAVEPOINT patrol_nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!open_) return;
    const char* undo = nested_ ? "ROLLBACK TO patrol_nested; RELEASE patrol_nested" : "ROLLBACK";
    sqlite3_exec(db_.handle(), undo, nullptr, nullptr, nullptr);
    turn_.reset();
}

void Transaction::commit() {
    db_.exec(nested_ ? "RELEASE patrol_nested" : "COMMIT");
    open_ = false;
    turn_.reset();
}

}  // namespace patrol::store
