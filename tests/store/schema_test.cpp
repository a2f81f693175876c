// Opening files: fresh create, upgrade of a v1 file, refusal of newer and foreign files.
#include <catch2/catch.hpp>

#include "core/domain/errors.hpp"
#include "core/store/database.hpp"
#include "core/store/migrations.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/round_repository.hpp"
#include "core/store/unit_repository.hpp"
#include "core/store/user_repository.hpp"
#include "store/raw_sqlite.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol;
using namespace patrol::store;
using patrol::testing::rawExec;
using patrol::testing::rawScalar;
using patrol::testing::readText;
using patrol::testing::ScratchDir;

namespace {

std::string openError(const std::string& path) {
    try {
        Database::open(path);
    } catch (const UserError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a fresh file gets the current schema, the patrol application id, WAL and foreign keys") {
    ScratchDir dir;
    const std::string path = dir.file("new.db");
    auto db = Database::open(path);
    CHECK(db.schemaVersion() == currentSchemaVersion());
    CHECK(currentSchemaVersion() == 10);
    CHECK(rawScalar(path, "PRAGMA application_id") == std::to_string(kApplicationId));
    CHECK(rawScalar(path, "PRAGMA journal_mode") == "wal");
    CHECK(db.pragma("foreign_keys") == 1);
    for (const char* table : {"units", "users", "user_conflicts", "rounds", "round_team", "round_targets",
                              "round_plugins", "findings", "clues", "clue_disposals", "clue_outcomes",
                              "rectification_tasks", "progress_reports", "evidence", "extension_requests", "notices",
                              "audit_events", "finding_records", "escalation_records", "meta", "sessions", "signin_failures", "records_version"})
        CHECK(rawScalar(path, std::string("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='") + table +
                                  "'") == "1");
}

TEST_CASE("a database patrol creates has 8 KiB pages, one made with other pages keeps them") {
    ScratchDir dir;
    const std::string fresh = dir.file("fresh.db");
    Database::open(fresh);
    CHECK(rawScalar(fresh, "PRAGMA page_size") == "8192");
    const std::string older = dir.file("older.db");
    rawExec(older, "PRAGMA page_size = 4096; CREATE TABLE t(x); DROP TABLE t;");
    REQUIRE(rawScalar(older, "PRAGMA page_size") == "4096");
    auto db = Database::open(older);
    CHECK(db.schemaVersion() == currentSchemaVersion());
    CHECK(rawScalar(older, "PRAGMA page_size") == "4096");
    CHECK(rawScalar(older, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("foreign keys are enforced") {
    ScratchDir dir;
    auto db = Database::open(dir.file("fk.db"));
    CHECK_THROWS_AS(insertUnit(db, {"X", "某单位", "other", 999}), InternalError);
    CHECK(countUnits(db) == 0);
}

TEST_CASE("a v1 file is upgraded in place, keeping its data and its audit chain") {
    ScratchDir dir;
    const std::string path = dir.file("old.db");
    rawExec(path, readText(PATROL_SOURCE_DIR "/tests/store/fixtures/patrol-v1.sql"));
    REQUIRE(rawScalar(path, "PRAGMA user_version") == "1");
    REQUIRE(rawScalar(path, "SELECT count(*) FROM sqlite_master WHERE name='notices'") == "0");

    auto db = Database::open(path);
    CHECK(db.schemaVersion() == currentSchemaVersion());
    CHECK(rawScalar(path, "SELECT count(*) FROM sqlite_master WHERE name='notices'") == "1");
    CHECK(rawScalar(path, "SELECT count(*) FROM pragma_table_info('units') WHERE name IN ('head','contact')") == "2");
    CHECK(rawScalar(path, "SELECT count(*) FROM sqlite_master WHERE name='audit_events_by_entity'") == "1");
    const auto unit = findUnitByCode(db, "QX-HT");
    REQUIRE(unit);
    CHECK(unit->name == "河塘镇");
    CHECK(unit->parentCode == "QX");
    const auto round = findRoundByCode(db, "2025-R1");
    REQUIRE(round);
    CHECK(round->plugins == std::vector<std::string>{"four_styles"});
    const auto report = verifyAuditChain(db);
    CHECK(report.eventsChecked == 3);
    CHECK_FALSE(report.firstBrokenId.has_value());
}

TEST_CASE("a v3 file is upgraded: its users keep their tokens without a look-up and have no password, evidence, tasks, progress reports and extension requests get their indexes") {
    ScratchDir dir;
    const std::string path = dir.file("v3.db");
    rawExec(path, readText(PATROL_SOURCE_DIR "/tests/store/fixtures/patrol-v3.sql"));
    REQUIRE(rawScalar(path, "PRAGMA user_version") == "3");
    REQUIRE(rawScalar(path, "SELECT count(*) FROM sqlite_master WHERE name='sessions'") == "0");

    auto db = Database::open(path);
    CHECK(db.versionBeforeOpen() == 3);
    CHECK(db.schemaVersion() == currentSchemaVersion());
    for (const char* table : {"sessions", "signin_failures"})
        CHECK(rawScalar(path, std::string("SELECT count(*) FROM ") + table) == "0");
    CHECK(rawScalar(path, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name IN "
                          "('users_by_token_lookup','users_without_token_lookup','sessions_by_user',"
                          "'evidence_by_finding','evidence_by_task','rectification_tasks_by_urgency',"
                          "'progress_reports_by_task','extension_requests_by_task')") == "8");
    const auto zhang = findUserByName(db, "张丽");
    REQUIRE(zhang);
    CHECK(zhang->tokenHash == "1e85c7a1e1465a893c4b725b628c975fdad9e871218b1cd02a7932e44c646b87");
    CHECK_FALSE(zhang->tokenLookup);
    CHECK_FALSE(zhang->passwordHash);
    CHECK(findUserByName(db, "赵敏")->revoked);
    CHECK(listUsersWithoutTokenLookup(db).size() == 2);
    const auto report = verifyAuditChain(db);
    CHECK(report.eventsChecked == 4);
    CHECK_FALSE(report.firstBrokenId.has_value());
}

TEST_CASE("a task's progress reports and extension requests are searched through an index, in id order without sorting") {
    // Each progress report reads its task's reports and extension requests; a scan there made
    // every report cost more the more reports the whole county had filed.
    ScratchDir dir;
    auto db = Database::open(dir.file("plan.db"));
    const auto plan = [&](const std::string& sql) {
        std::string details;
        auto st = db.prepare("EXPLAIN QUERY PLAN " + sql);
        while (st.step()) details += (details.empty() ? "" : "; ") + st.text(3);
        return details;
    };
    CHECK(plan("SELECT * FROM progress_reports WHERE task_id = 1 ORDER BY id") ==
          "SEARCH progress_reports USING INDEX progress_reports_by_task (task_id=?)");
    CHECK(plan("SELECT * FROM extension_requests WHERE task_id = 1 ORDER BY id") ==
          "SEARCH extension_requests USING INDEX extension_requests_by_task (task_id=?)");
}

TEST_CASE("two users never share a token look-up") {
    ScratchDir dir;
    auto db = Database::open(dir.file("lookup.db"));
    insertUser(db, {"张丽", "inspector", std::nullopt, "s1", "h1", "0123456789abcdef"});
    CHECK_THROWS_AS(insertUser(db, {"刘芳", "inspector", std::nullopt, "s2", "h2", "0123456789abcdef"}), InternalError);
    CHECK(findUserByTokenLookup(db, "0123456789abcdef")->name == "张丽");
}

TEST_CASE("opening at an older version stops there, and a later open finishes the upgrade") {
    ScratchDir dir;
    const std::string path = dir.file("steps.db");
    {
        auto db = Database::open(path, {5000, 1});
        CHECK(db.schemaVersion() == 1);
    }
    auto db = Database::open(path);
    CHECK(db.schemaVersion() == currentSchemaVersion());
}

TEST_CASE("a file from a newer patrol is refused naming both versions") {
    ScratchDir dir;
    const std::string path = dir.file("newer.db");
    { Database::open(path); }
    rawExec(path, "PRAGMA user_version = 11");
    CHECK(openError(path) == "数据库 " + path +
                                 " 的结构版本为 v11，而本程序只支持到 v10：它由更新版本的 patrol 创建。请升级 patrol 后再打开它。");
    CHECK(rawScalar(path, "PRAGMA user_version") == "11");
}

TEST_CASE("a SQLite file of another program is refused and left untouched") {
    ScratchDir dir;
    const std::string path = dir.file("other.db");
    rawExec(path, "CREATE TABLE songs (title TEXT)");
    CHECK(openError(path) == "文件 " + path +
                                 " 是 SQLite 数据库，但不是 patrol 数据库（application_id=0）。请指定 patrol 数据库，"
                                 "或新建一个数据库。");
    CHECK(rawScalar(path, "SELECT count(*) FROM sqlite_master") == "1");
}

TEST_CASE("a file that is not SQLite at all is refused") {
    ScratchDir dir;
    const std::string path = dir.write("notes.db", "这不是数据库，只是一段文字。This is plain text, long enough to fill a header........");
    CHECK(openError(path) == "文件 " + path +
                                 " 不是 patrol 数据库（不是 SQLite 文件）。请指定正确的数据库文件，或新建一个数据库。");
}

TEST_CASE("a database in a folder that does not exist cannot be opened") {
    ScratchDir dir;
    const std::string message = openError(dir.file("missing/sub/x.db"));
    CHECK(message.rfind("无法打开数据库文件 " + dir.file("missing/sub/x.db"), 0) == 0);
}
