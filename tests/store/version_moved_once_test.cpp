// VersionMovedOnce: a bulk write moves the records' version once, in the writing transaction, while
// this connection's triggers are paused; they move it per row again once the guard is gone.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "core/store/database.hpp"
#include "core/store/transaction.hpp"
#include "core/store/version_moved_once.hpp"
#include "store/raw_sqlite.hpp"
#include "store/records_version.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol::store;
using patrol::testing::rawScalar;
using patrol::testing::recordsVersion;
using patrol::testing::ScratchDir;

namespace {

void addUnit(Database& db, const std::string& code) {
    db.exec("INSERT INTO units (code, name, kind, created_at) VALUES ('" + code + "', '单位" + code + "', 'department', '2026-01-01')");
}

// Once no guard is left, this connection's triggers move the version for each row again.
void checkEachRowMovesIt(Database& db, const std::string& code) {
    const int64_t before = recordsVersion(db);
    addUnit(db, code);
    CHECK(recordsVersion(db) == before + 1);
}

// A fresh database file of the current schema.
struct FreshStore {
    ScratchDir dir;
    Database db = Database::open(dir.file("bulk.db"));
};

}  // namespace

TEST_CASE("a bulk write moves the records' version once, then every row moves it again", "[store][schema]") {
    FreshStore store;
    Database& db = store.db;
    {
        Transaction tx(db);
        {
            const VersionMovedOnce once(db);
            for (const char* code : {"U1", "U2", "U3"}) addUnit(db, code);
            db.exec("UPDATE units SET name = name || '（更名）'");
        }
        CHECK(recordsVersion(db) == 1);
        checkEachRowMovesIt(db, "U4");
        tx.commit();
    }
    CHECK(rawScalar(db.path(), "SELECT count(*) || ' ' || (SELECT version FROM records_version) FROM units") == "4 2");
}

TEST_CASE("a bulk write rolled back leaves the version where it was", "[store][schema]") {
    FreshStore store;
    Database& db = store.db;
    addUnit(db, "U1");
    REQUIRE(recordsVersion(db) == 1);
    {
        Transaction tx(db);
        const VersionMovedOnce once(db);
        addUnit(db, "U2");
    }
    CHECK(recordsVersion(db) == 1);
    checkEachRowMovesIt(db, "U3");
}

TEST_CASE("a bulk write outside a transaction is refused before it moves anything", "[store][schema]") {
    FreshStore store;
    Database& db = store.db;
    CHECK_THROWS_AS(VersionMovedOnce(db), std::logic_error);
    CHECK(recordsVersion(db) == 0);
    checkEachRowMovesIt(db, "U1");
}

TEST_CASE("the tables bulk writes cover have no trigger but the version's", "[store][schema]") {
    // Pausing triggers pauses every one of them: a refusal added to one of these tables would
    // silently not refuse inside a bulk write (version_moved_once.hpp).
    FreshStore store;
    Database& db = store.db;
    for (const std::string table : {"findings", "rectification_tasks", "notices"}) {
        INFO(table);
        CHECK(rawScalar(db.path(), "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                                   "tbl_name = '" + table + "' ORDER BY name)") ==
              table + "_delete_moves_version " + table + "_insert_moves_version " + table + "_update_moves_version");
    }
}
