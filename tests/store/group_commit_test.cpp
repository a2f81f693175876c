// Group commit: writes of a batch share one transaction, a refused write is undone alone, and
// each caller gets back its own outcome only after the COMMIT.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <thread>

#include "core/domain/errors.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/database.hpp"
#include "core/store/group_commit.hpp"
#include "core/store/transaction.hpp"
#include "core/store/unit_repository.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol;
using namespace patrol::store;
using patrol::testing::ScratchDir;

namespace {

std::string unitCodes(Database& db) {
    std::string codes;
    for (const auto& u : listUnits(db)) codes += u.code + " ";
    return codes;
}

// A write as use cases make them: its own Transaction (a savepoint inside the batch), a row and
// its audit event.
GroupCommit::Write addUnitWrite(const std::string& code) {
    return [code](Database& db) {
        Transaction tx(db);
        insertUnit(db, {code, "单位" + code, "other", std::nullopt});
        appendAuditEvent(db, {std::nullopt, "admin", "unit.add", "unit", code, std::nullopt, "{}"});
        tx.commit();
    };
}

std::string messageOf(const std::exception_ptr& e) {
    if (!e) return "(stored)";
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& x) {
        return x.what();
    }
}

}  // namespace

TEST_CASE("a refused write inside a batch is undone alone and the others are stored") {
    ScratchDir dir;
    auto db = Database::open(dir.file("t.db"));
    const auto a = addUnitWrite("A");
    // Writes its row and event, then is refused: both must be undone, nothing else.
    const GroupCommit::Write refused = [](Database& db) {
        Transaction tx(db);
        insertUnit(db, {"X", "单位X", "other", std::nullopt});
        appendAuditEvent(db, {std::nullopt, "admin", "unit.add", "unit", "X", std::nullopt, "{}"});
        throw Conflict("单位 X 不能添加。", {"unit", "X"});
    };
    const auto duplicate = addUnitWrite("A");  // UNIQUE violation on the second A
    const auto b = addUnitWrite("B");
    const auto outcome = GroupCommit::commitTogether(db, {&a, &refused, &duplicate, &b});
    REQUIRE(outcome.size() == 4);
    CHECK(messageOf(outcome[0]) == "(stored)");
    CHECK(messageOf(outcome[1]) == "单位 X 不能添加。");
    CHECK(outcome[2] != nullptr);
    CHECK(messageOf(outcome[3]) == "(stored)");
    CHECK(unitCodes(db) == "A B ");
    const auto events = listAuditEvents(db, {});
    REQUIRE(events.size() == 2);
    CHECK(events[0].content.entityId == "A");
    CHECK(events[1].content.entityId == "B");
    CHECK(verifyAuditChain(db).problem.empty());
    CHECK(sqlite3_get_autocommit(db.handle()) != 0);  // committed, nothing left open
}

TEST_CASE("a batch whose write lock is not granted refuses every write in it and stores none") {
    ScratchDir dir;
    const std::string path = dir.file("t.db");
    OpenOptions quick;
    quick.busyTimeoutMs = 50;
    auto db = Database::open(path, quick);
    auto other = Database::open(path);
    other.exec("BEGIN IMMEDIATE");  // another process's writer holds the lock
    const auto a = addUnitWrite("A");
    const auto b = addUnitWrite("B");
    const auto outcome = GroupCommit::commitTogether(db, {&a, &b});
    other.exec("ROLLBACK");
    REQUIRE(outcome.size() == 2);
    for (const auto& e : outcome) {
        REQUIRE(e != nullptr);
        try {
            std::rethrow_exception(e);
        } catch (const UserError& x) {
            CHECK(x.kind() == ErrorKind::Busy);
        }
    }
    CHECK(unitCodes(db).empty());
}

TEST_CASE("concurrent callers each get their own outcome after their write is committed") {
    ScratchDir dir;
    const std::string path = dir.file("t.db");
    GroupCommit group;
    constexpr int kThreads = 8, kEach = 25;
    std::vector<std::string> seen(kThreads * kEach);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            auto db = Database::open(path);  // each caller its own connection, as a server request
            auto reader = Database::open(path);
            for (int i = 0; i < kEach; ++i) {
                const int n = t * kEach + i;
                const std::string code = "U" + std::to_string(n);
                // Every third write is refused after writing its row.
                const GroupCommit::Write write = [&, n, code](Database& db) {
                    Transaction tx(db);
                    insertUnit(db, {code, "单位" + code, "other", std::nullopt});
                    if (n % 3 == 0) throw Conflict("拒绝 " + code, {"unit", code});
                    tx.commit();
                };
                try {
                    group.run(db, write);
                    // Acknowledged: another connection already sees it.
                    seen[n] = findUnitByCode(reader, code) ? "stored" : "acknowledged but missing";
                } catch (const Conflict& e) {
                    seen[n] = e.what();
                }
            }
        });
    for (auto& t : threads) t.join();
    auto db = Database::open(path);
    for (int n = 0; n < kThreads * kEach; ++n) {
        const std::string code = "U" + std::to_string(n);
        INFO(code);
        CHECK(seen[n] == (n % 3 == 0 ? "拒绝 " + code : std::string("stored")));
        CHECK(findUnitByCode(db, code).has_value() == (n % 3 != 0));
    }
}
