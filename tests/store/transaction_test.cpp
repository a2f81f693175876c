// One change, one transaction: rollback on error, and a second writer waits for the first.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/domain/errors.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/database.hpp"
#include "core/store/transaction.hpp"
#include "core/store/unit_repository.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol;
using namespace patrol::store;
using patrol::testing::ScratchDir;

TEST_CASE("a transaction that is not committed leaves nothing behind") {
    ScratchDir dir;
    auto db = Database::open(dir.file("t.db"));
    try {
        Transaction tx(db);
        insertUnit(db, {"A", "甲单位", "other", std::nullopt});
        appendAuditEvent(db, {std::nullopt, "admin", "unit.add", "unit", "A", std::nullopt, "{}"});
        insertUnit(db, {"A", "重复编码", "other", std::nullopt});  // UNIQUE violation
        tx.commit();
        FAIL("a duplicate code was stored");
    } catch (const InternalError&) {
    }
    CHECK(countUnits(db) == 0);
    CHECK(listAuditEvents(db, {}).empty());
}

TEST_CASE("a second writer waits for the first instead of failing") {
    ScratchDir dir;
    const std::string path = dir.file("t.db");
    auto first = Database::open(path);
    auto second = Database::open(path);
    std::atomic<bool> secondStarted{false};
    std::atomic<bool> firstCommitted{false};
    bool secondSawCommit = false;

    auto tx = std::make_unique<Transaction>(first);
    insertUnit(first, {"A", "甲单位", "other", std::nullopt});
    std::thread writer([&] {
        secondStarted = true;
        Transaction tx2(second);  // blocks until the first transaction ends
        secondSawCommit = firstCommitted;
        insertUnit(second, {"B", "乙单位", "other", std::nullopt});
        tx2.commit();
    });
    while (!secondStarted) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the writer reach BEGIN
    firstCommitted = true;
    tx->commit();
    writer.join();
    CHECK(secondSawCommit);
    CHECK(countUnits(first) == 2);
}

TEST_CASE("a writer that times out waiting for its turn gets a clear message and the Busy kind") {
    ScratchDir dir;
    const std::string path = dir.file("t.db");
    auto first = Database::open(path);
    auto second = Database::open(path, {50, 0});
    Transaction tx(first);
    try {
        Transaction tx2(second);
        FAIL("the lock was taken twice");
    } catch (const UserError& e) {
        // Both connections are in this process: the second waits for the file's turn, not SQLite's lock.
        CHECK(e.kind() == ErrorKind::Busy);
        CHECK(std::string(e.what()) == "数据库 " + path +
                                           " 正忙：其他写入在等待时限（配置项 database.busy_timeout_ms）内没有完成，本次操作没有执行。请稍后重试。");
    }
}

TEST_CASE("a transaction inside another is a savepoint: inner rollback keeps the outer work") {
    ScratchDir dir;
    auto db = Database::open(dir.file("t.db"));
    {
        Transaction outer(db);
        insertUnit(db, {"A", "甲单位", "other", std::nullopt});
        {
            Transaction inner(db);
            insertUnit(db, {"B", "乙单位", "other", std::nullopt});
        }  // not committed: only B is undone
        {
            Transaction inner(db);
            insertUnit(db, {"C", "丙单位", "other", std::nullopt});
            inner.commit();
        }
        outer.commit();
    }
    CHECK(countUnits(db) == 2);
    CHECK(findUnitByCode(db, "C").has_value());
    CHECK_FALSE(findUnitByCode(db, "B").has_value());
    {
        Transaction outer(db);
        Transaction inner(db);
        insertUnit(db, {"D", "丁单位", "other", std::nullopt});
        inner.commit();
    }  // outer not committed: D is gone too
    CHECK_FALSE(findUnitByCode(db, "D").has_value());
}
