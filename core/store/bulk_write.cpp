#include "core/store/bulk_write.hpp"

#include <string>

#include "core/store/database.hpp"

namespace patrol::store {

BulkWrite::BulkWrite(Database& db) : db_(db) {
    previousTempStore_ = db_.pragma("temp_store");
    db_.exec("PRAGMA temp_store = MEMORY");
}

void BulkWrite::growCache(int64_t bytes) {
    const int64_t current = db_.pragma("cache_size");
    // cache_size is in pages when positive, in KiB when negative.
    const int64_t currentBytes = current < 0 ? -current * 1024 : current * db_.pragma("page_size");
    if (bytes <= currentBytes) return;
    if (!grown_) previousCache_ = current;
    grown_ = true;
    db_.exec("PRAGMA cache_size = -" + std::to_string(bytes / 1024));
}

BulkWrite::~BulkWrite() {
    try {
        db_.exec("PRAGMA temp_store = " + std::to_string(previousTempStore_));
    } catch (...) {
    }
    if (!grown_) return;
    try {
        db_.exec("PRAGMA cache_size = " + std::to_string(previousCache_));
    } catch (...) {
    }
}

}  // namespace patrol::store
