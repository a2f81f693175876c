#include "core/store/connection_pool.hpp"

#include <string>

namespace patrol::store {

namespace {

// More than SQLite's own ceiling (2 GiB on 64-bit Linux builds), which then applies.
constexpr int64_t kMappedBytes = int64_t(4) << 30;

}  // namespace

ConnectionPool::Lease::~Lease() {
    if (db_) pool_->giveBack(std::move(db_));
}

ConnectionPool::ConnectionPool(std::string path, int busyTimeoutMs) : path_(std::move(path)), busyTimeoutMs_(busyTimeoutMs) {
    idle_.push_back(open());
}

std::unique_ptr<Database> ConnectionPool::open() const {
    OpenOptions options;
    options.busyTimeoutMs = busyTimeoutMs_;
    options.create = false;
    options.serialized = false;
    auto db = std::make_unique<Database>(Database::open(path_, options));
    // Every commit by another connection empties this connection's page cache, so under steady
    // writes each request would read its pages again with a system call and a copy each. Mapped,
    // the file's pages are read in place from the kernel's cache (the WAL's still by read()).
    db->exec("PRAGMA mmap_size = " + std::to_string(kMappedBytes));
    return db;
}

ConnectionPool::Lease ConnectionPool::acquire() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto db = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(db));
        }
    }
    return Lease(*this, open());
}

void ConnectionPool::giveBack(std::unique_ptr<Database> db) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
}

}  // namespace patrol::store
