// How a server hands each request a database connection of its own: the one seam between the
// front door and the store's connections. Today one SQLite file in WAL mode (readers never wait
// for the writer; writers wait for each other up to the busy timeout); a store shared by several
// server processes would be another implementation of the same three calls.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/store/database.hpp"

namespace patrol::store {

class ConnectionPool {
public:
    // A connection lent to one request; back to the pool when the lease ends.
    class Lease {
    public:
        Lease(ConnectionPool& pool, std::unique_ptr<Database> db) : pool_(&pool), db_(std::move(db)) {}
        Lease(Lease&& other) noexcept = default;
        Lease& operator=(Lease&&) = delete;
        ~Lease();
        Database& db() { return *db_; }

    private:
        ConnectionPool* pool_;
        std::unique_ptr<Database> db_;
    };

    // Opens the first connection now, so the file is checked and migrated once, before any
    // request; later connections find it current. Refuses a file that does not exist.
    ConnectionPool(std::string path, int busyTimeoutMs);

    Lease acquire();
    const std::string& path() const { return path_; }

private:
    std::unique_ptr<Database> open() const;
    void giveBack(std::unique_ptr<Database> db);

    std::string path_;
    int busyTimeoutMs_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Database>> idle_;
};

}  // namespace patrol::store
