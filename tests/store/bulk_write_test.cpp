// A bulk write's connection settings: grown and switched while it lasts, given back after it,
// also when the write fails.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "core/store/bulk_write.hpp"
#include "core/store/database.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol::store;
using patrol::testing::ScratchDir;

TEST_CASE("a bulk write grows the page cache, keeps statement journals in memory, and gives both back") {
    ScratchDir dir;
    auto db = Database::open(dir.file("bulk.db"));
    const int64_t cache = db.pragma("cache_size");
    const int64_t tempStore = db.pragma("temp_store");
    REQUIRE(tempStore != 2);
    {
        BulkWrite bulk(db);
        CHECK(db.pragma("temp_store") == 2);  // MEMORY
        CHECK(db.pragma("cache_size") == cache);  // until there is much to write
        bulk.growCache(int64_t{64} << 20);
        CHECK(db.pragma("cache_size") == -65536);
        bulk.growCache(int64_t{32} << 20);  // never shrinks
        CHECK(db.pragma("cache_size") == -65536);
    }
    CHECK(db.pragma("cache_size") == cache);
    CHECK(db.pragma("temp_store") == tempStore);
}

TEST_CASE("a bulk write never shrinks a larger page cache, and gives its settings back when the write fails") {
    ScratchDir dir;
    auto db = Database::open(dir.file("bulk.db"));
    db.exec("PRAGMA cache_size = -100000");
    db.exec("PRAGMA temp_store = FILE");
    try {
        BulkWrite bulk(db);
        bulk.growCache(int64_t{1} << 20);
        CHECK(db.pragma("cache_size") == -100000);
        bulk.growCache(int64_t{128} << 20);
        CHECK(db.pragma("cache_size") == -131072);
        throw std::runtime_error("the write failed");
    } catch (const std::runtime_error&) {
    }
    CHECK(db.pragma("cache_size") == -100000);
    CHECK(db.pragma("temp_store") == 1);  // FILE
}
