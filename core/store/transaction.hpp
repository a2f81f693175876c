// One unit of change: BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy
// timeout), so a use case and its audit event commit together or not at all. Opened inside
// another transaction it becomes a savepoint, so use cases compose into a larger one. Writers of
// this process take turns first (writer_queue.hpp), then line up with those of other processes
// (writer_lock.hpp), all within one budget.
#pragma once

#include <memory>

#include "core/store/writer_lock.hpp"
#include "core/store/writer_queue.hpp"

namespace patrol::store {

class Database;

class Transaction {
public:
    explicit Transaction(Database& db);
    // Rolls back unless commit() ran: an exception leaves nothing half-written.
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();
    Database& database() { return db_; }

private:
    Database& db_;
    bool nested_ = false;
    bool open_ = true;
    std::unique_ptr<WriterTurn> turn_;  // held from BEGIN to COMMIT or ROLLBACK of the outermost
    std::unique_ptr<WriterLock> lock_;  // likewise, taken after the turn and let go before it
};

}  // namespace patrol::store
