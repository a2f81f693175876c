// Opening a file that is not yet in WAL while another connection holds the write lock: SQLite
// refuses the switch into WAL at once, without its busy wait. This happens to the opener that
// finishes creating a new file while another opener already writes. The open waits for the
// holder within the busy budget like any write, instead of failing at once.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <future>
#include <string>
#include <vector>
#include <thread>

#include "core/domain/errors.hpp"
#include "core/store/database.hpp"
#include "store/raw_sqlite.hpp"
#include "store/scratch_dir.hpp"

using namespace patrol;
using namespace patrol::store;
using patrol::testing::rawExec;
using patrol::testing::rawScalar;
using patrol::testing::ScratchDir;

namespace {

// A patrol file put back into rollback-journal mode, as a new file is before its first open ends.
std::string rollbackModeFile(const ScratchDir& dir) {
    const std::string path = dir.file("t.db");
    Database::open(path);
    rawExec(path, "PRAGMA journal_mode = DELETE");
    REQUIRE(rawScalar(path, "PRAGMA journal_mode") == "delete");
    return path;
}

// Another connection's write transaction on `path`, held from when `held` is set until `release`.
std::thread holdWriteLock(const std::string& path, std::promise<void>& held, std::shared_future<void> release) {
    return std::thread([path, &held, release] {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        held.set_value();
        release.wait();
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(db);
    });
}

}  // namespace

TEST_CASE("an open that must switch the file into WAL waits for another connection's write") {
    ScratchDir dir;
    const std::string path = rollbackModeFile(dir);
    std::promise<void> held, release;
    auto holder = holdWriteLock(path, held, release.get_future().share());
    held.get_future().wait();
    std::thread releaseSoon([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        release.set_value();
    });
    std::string outcome = "opened";
    try {
        Database::open(path);
    } catch (const std::exception& e) {
        outcome = e.what();
    }
    releaseSoon.join();
    holder.join();
    CHECK(outcome == "opened");
    CHECK(rawScalar(path, "PRAGMA journal_mode") == "wal");
}

TEST_CASE("an open whose switch into WAL outlasts the busy budget is refused and leaves the file as it was") {
    ScratchDir dir;
    const std::string path = rollbackModeFile(dir);
    std::promise<void> held, release;
    auto holder = holdWriteLock(path, held, release.get_future().share());
    held.get_future().wait();
    OpenOptions quick;
    quick.busyTimeoutMs = 100;
    std::string outcome = "opened";
    try {
        Database::open(path, quick);
    } catch (const Busy& e) {
        outcome = e.what();
    }
    release.set_value();
    holder.join();
    CHECK(outcome == "数据库 " + path + " 正被另一个 patrol 进程写入，在等待时限（设置 database.busy_timeout_ms）内没有释放，"
                               "本次操作没有执行。请稍后重试，或调大该设置。");
    CHECK(rawScalar(path, "PRAGMA journal_mode") == "delete");
}

// Openers racing to create the same new file: one creates it, and every other, whatever moment it
// looks at the file, sees it either empty or a whole patrol database. (Its application_id, version
// and tables were once read one at a time, and an opener could see the version of a database its
// creator had just committed beside the application_id of the empty file before: "not a patrol
// database".) Many rounds, because the window is short.
TEST_CASE("openers racing to create one new database all open it") {
    ScratchDir dir;
    constexpr int kRounds = 60, kOpeners = 6;
    int refused = 0;
    std::string firstRefusal;
    for (int round = 0; round < kRounds; ++round) {
        const std::string path = dir.file("race" + std::to_string(round) + ".db");
        std::promise<void> go;
        const std::shared_future<void> start = go.get_future().share();
        std::vector<std::future<std::string>> outcomes;
        for (int i = 0; i < kOpeners; ++i)
            outcomes.push_back(std::async(std::launch::async, [path, start] {
                start.wait();
                try {
                    Database::open(path);
                    return std::string();
                } catch (const std::exception& e) {
                    return std::string(e.what());
                }
            }));
        go.set_value();
        for (auto& outcome : outcomes)
            if (const std::string why = outcome.get(); !why.empty() && refused++ == 0) firstRefusal = why;
        CHECK(rawScalar(path, "PRAGMA application_id") != "0");
    }
    INFO(firstRefusal);
    CHECK(refused == 0);
}
