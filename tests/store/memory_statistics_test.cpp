// SQLite's memory statistics are off in every process that links the store: their process-wide
// mutex was taken on each of SQLite's allocations, and nothing here reads them.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "core/store/database.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol::store;
using patrol::testing::ScratchDir;

TEST_CASE("SQLite keeps no memory statistics while the store works") {
    ScratchDir dir;
    auto db = Database::open(dir.file("statistics.db"));
    db.exec("CREATE TABLE t (x TEXT)");
    db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) "
            "INSERT INTO t SELECT hex(randomblob(1000)) FROM n");
    // Counted, the pages and statements above would hold hundreds of kilobytes.
    CHECK(sqlite3_memory_used() == 0);
    CHECK(sqlite3_memory_highwater(0) == 0);
}
