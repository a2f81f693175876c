// Two processes writing at once: a write that finds the database locked by another process
// waits for it within the budget (database.busy_timeout_ms) and then succeeds; past the budget it
// is refused with the Busy message, exit 2, nothing written.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "cli/locked_out.hpp"
#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

// Another process's writer: holds the write lock (BEGIN IMMEDIATE) for `hold`, then commits.
class LockHolder {
public:
    LockHolder(const std::string& path, std::chrono::milliseconds hold) {
        sqlite3_open(path.c_str(), &db_);
        if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
            throw std::runtime_error("the lock could not be taken");
        thread_ = std::thread([this, hold] {
            std::this_thread::sleep_for(hold);
            sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
        });
    }
    ~LockHolder() {
        thread_.join();
        sqlite3_close(db_);
    }

private:
    sqlite3* db_ = nullptr;
    std::thread thread_;
};

}  // namespace

TEST_CASE("a write waits for another process holding the lock for 1 s and succeeds within the budget") {
    ScratchDir dir;
    Patrol patrol(dir);
    patrol({"init"});
    Run run;
    {
        LockHolder holder(patrol.db(), std::chrono::milliseconds(1000));
        run = patrol({"unit", "add", "--code", "A", "--name", "甲单位", "--kind", "other"});
    }
    CHECK(run.exitCode == 0);
    CHECK(run.err.empty());
    CHECK(rawScalar(patrol.db(), "SELECT name FROM units WHERE code = 'A'") == "甲单位");
    const auto verify = patrol({"audit", "verify"});
    CHECK(verify.exitCode == 0);
}

TEST_CASE("a write still locked out when its budget is spent is refused with the Busy message, changing nothing") {
    ScratchDir dir;
    Patrol patrol(dir);
    patrol({"init"});
    const std::string config = dir.write("patrol.ini", "[database]\nbusy_timeout_ms = 300\n");
    Run run;
    {
        LockHolder holder(patrol.db(), std::chrono::milliseconds(1000));
        run = patrol({"unit", "add", "--code", "A", "--name", "甲单位", "--kind", "other", "--config", config});
    }
    checkUnitWriteLockedOut(patrol, run);
}
