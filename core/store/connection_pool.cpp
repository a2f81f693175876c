#include "core/store/connection_pool.hpp"

namespace patrol::store {

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
    return std::make_unique<Database>(Database::open(path_, options));
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
