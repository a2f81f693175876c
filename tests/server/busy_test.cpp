// Another process holds the database's write lock longer than database.busy_timeout_ms: a write
// is answered 503 with Retry-After and nothing written, reads go on (WAL), and the same write
// succeeds once the lock is released.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include "browser_session.hpp"
#include "core/services/auth_service.hpp"
#include "http_call.hpp"
#include "server_process.hpp"
#include "upload_world.hpp"

using namespace patrol::testing;

namespace {

// A connection of the test's own on the database file, holding BEGIN IMMEDIATE while it lives.
class WriteLock {
public:
    explicit WriteLock(const std::string& path) {
        REQUIRE(sqlite3_open(path.c_str(), &db_) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    }
    ~WriteLock() { sqlite3_close(db_); }
    void release() { REQUIRE(sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK); }

private:
    sqlite3* db_ = nullptr;
};

}  // namespace

TEST_CASE("a write that cannot get the lock in time is 503 busy with Retry-After, reads still answer", "[server][busy]") {
    UploadWorld world;
    ServerProcess server(world.path(), world.config({}, {"busy_timeout_ms = 200"}));
    const std::string token = world.token(Caller::UnitA);
    const std::string progress = R"({"percent":40,"note":"已清退一半"})";
    const std::string before = world.footprint();
    {
        WriteLock lock(world.path());
        const auto refused = post(server.port(), world.progressPath(), token, progress);
        CHECK(refused.status == 503);
        CHECK(refused.header("Retry-After") == "1");
        CHECK(refused.body ==
              R"({"error":{"code":"busy","message":"服务器正忙：数据库正由其他请求写入，本次请求等待后仍未轮到，未作任何改动。请在 1 秒后重试。"}})");
        const auto read = get(server.port(), "/api/v1/tasks/" + std::to_string(world.tA1), token);
        CHECK(read.status == 200);
        CHECK(get(server.port(), "/api/v1/tasks", token).status == 200);
        CHECK(changes(before, world.footprint()) == "");
        lock.release();
    }
    // The operator's log keeps the store's own account, naming the file.
    CHECK(server.log().find("正被另一个 patrol 进程写入") != std::string::npos);
    CHECK(server.log().find(" 甲联系人 POST " + world.progressPath() + " 503 ") != std::string::npos);
    const auto accepted = post(server.port(), world.progressPath(), token, progress);
    CHECK(accepted.status == 200);
    auto rows = world.db.prepare("SELECT percent, narrative FROM progress_reports WHERE task_id = ?");
    rows.bind(1, world.tA1);
    REQUIRE(rows.step());
    CHECK(rows.integer(0) == 40);
    CHECK(rows.text(1) == "已清退一半");
    CHECK(!rows.step());
}

TEST_CASE("a form posted while the lock is held is the busy page, never a refusal next to the form", "[server][busy][web]") {
    UploadWorld world;
    const std::string password = "单位管理忙时二〇二六";
    patrol::services::setPassword(world.db, world.admin, "管理员", password);
    ServerProcess server(world.path(), world.config({}, {"busy_timeout_ms = 200"}));
    const SignedInBrowser admin = signIn(server, "管理员", password);
    HttpRequest add{"POST", "/units", "", "csrf=" + admin.csrf + "&code=UN&name=%E6%96%B0%E5%8D%95%E4%BD%8D&kind=township",
                    "application/x-www-form-urlencoded"};
    add.headers["Cookie"] = admin.cookie;
    const std::string before = world.footprint();
    {
        WriteLock lock(world.path());
        const auto refused = call(server.port(), add);
        CHECK(refused.status == 503);
        CHECK(refused.body.find("服务器正忙：数据库正由其他请求写入，本次请求等待后仍未轮到，未作任何改动。请在 1 秒后重试。") != std::string::npos);
        CHECK(refused.body.find(world.path()) == std::string::npos);  // the file's name stays in the operator's log
        CHECK(changes(before, world.footprint()) == "");
        lock.release();
    }
    const auto added = call(server.port(), add);
    CHECK(added.status == 303);
    CHECK(added.header("Location") == "/units?added=UN");
}
