// One unit of change: BEGIN IMMEDIATE takes the write lock up front (waiting up to the busy
// timeout), so a use case and its audit event commit together or not at all. Opened inside
// another transaction it becomes a savepoint, so use cases compose into a larger one.
#pragma once

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
};

}  // namespace patrol::store
