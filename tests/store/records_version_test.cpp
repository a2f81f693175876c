// Schema v7's version of the records: every record table moves it on insert, update and delete,
// in the writing transaction; the sign-in bookkeeping (sessions, failed sign-ins, the audit log
// and its head in meta) never does. The caches of read answers rely on both halves.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

#include "core/store/database.hpp"
#include "store/raw_sqlite.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol::store;
using patrol::testing::rawExec;
using patrol::testing::rawScalar;
using patrol::testing::ScratchDir;

namespace {

// Tables no cached answer is made of: writing them must not make the caches start over.
const std::set<std::string> kBookkeeping = {"meta", "audit_events", "finding_records", "escalation_records", "sessions", "signin_failures",
                                            "records_version"};

std::string version(const std::string& path) { return rawScalar(path, "SELECT version FROM records_version"); }

}  // namespace

TEST_CASE("every record table, and only those, moves the records' version on insert, update and delete",
          "[store][schema]") {
    ScratchDir dir;
    const std::string path = dir.file("v7.db");
    { auto db = Database::open(path); }
    CHECK(version(path) == "0");
    auto db = Database::open(path);
    const auto tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                            .collect([](const Statement& st) { return st.text(0); });
    CHECK(std::count_if(tables.begin(), tables.end(), [](const std::string& t) { return kBookkeeping.count(t) > 0; }) ==
          7);
    for (const auto& table : tables) {
        INFO(table);
        const std::string triggers =
            rawScalar(path, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                            "tbl_name = '" + table + "' AND sql LIKE '%UPDATE records_version SET version = version + 1%' "
                            "ORDER BY name)");
        if (kBookkeeping.count(table)) CHECK(triggers.empty());
        else CHECK(triggers == table + "_delete_moves_version " + table + "_insert_moves_version " + table +
                                   "_update_moves_version");
    }
}

TEST_CASE("a unit's insert, rename and removal move the version, sign-in bookkeeping does not", "[store][schema]") {
    ScratchDir dir;
    const std::string path = dir.file("v7.db");
    { auto db = Database::open(path); }
    rawExec(path, "INSERT INTO units (code, name, kind, created_at) VALUES ('UA', '甲局', 'department', '2026-01-01')");
    CHECK(version(path) == "1");
    rawExec(path, "UPDATE units SET name = '甲局（更名）' WHERE code = 'UA'");
    CHECK(version(path) == "2");
    // A rolled-back change leaves no trace in the version either.
    rawExec(path, "BEGIN; UPDATE units SET name = '乙局' WHERE code = 'UA'; ROLLBACK;");
    CHECK(version(path) == "2");

    rawExec(path, "INSERT INTO users (name, role, token_salt, token_hash, created_at) VALUES ('张丽', 'admin', 's', 'h', '2026-01-01')");
    CHECK(version(path) == "3");
    rawExec(path,
            "INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at) "
            "VALUES ('x', 1, 'c', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
            "UPDATE sessions SET last_seen_at = '2026-01-01T00:01:00Z';"
            "INSERT INTO signin_failures (name, failures, last_failed_at) VALUES ('张', 1, '2026-01-01T00:00:00Z');"
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', 'x');"
            "DELETE FROM sessions; DELETE FROM signin_failures;");
    CHECK(version(path) == "3");

    rawExec(path, "DELETE FROM users; DELETE FROM units");
    CHECK(version(path) == "5");
}
