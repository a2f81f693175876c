// GET /api/v1/tasks is kept between writes (services/answer_cache.hpp): the kept answer equals
// the one a fresh server computes (the plain path), follows writes made through this server and
// by another process at once, is never handed to another viewer, and never outlives a revocation.
#include <catch2/catch.hpp>

#include "core/services/user_service.hpp"
#include "http_call.hpp"
#include "server_process.hpp"
#include "upload_world.hpp"

using namespace patrol::testing;

namespace {

const std::string kUnauthenticated =
    R"({"error":{"code":"unauthenticated","message":"未登录或登录已失效：请先登录，或在 Authorization 头中提供有效的令牌（Bearer）。"}})";

// The list as a server that has kept nothing computes it: the reference.
std::string plainAnswer(UploadWorld& world, const std::string& path, const std::string& token) {
    ServerProcess fresh(world.path(), world.config({}));
    const auto answer = get(fresh.port(), path, token);
    REQUIRE(answer.status == 200);
    return answer.body;
}

// Asked twice of the running server: both answers equal the reference.
std::string keptEqualsPlain(UploadWorld& world, const ServerProcess& server, const std::string& path, const std::string& token) {
    const auto first = get(server.port(), path, token);
    const auto again = get(server.port(), path, token);
    REQUIRE(first.status == 200);
    REQUIRE(again.status == 200);
    const std::string reference = plainAnswer(world, path, token);
    CHECK(first.body == reference);
    CHECK(again.body == reference);
    return reference;
}

}  // namespace

TEST_CASE("the kept task list equals the plain one and follows writes by the server and by another process", "[server][cache]") {
    UploadWorld world;
    ServerProcess server(world.path(), world.config({}));
    const std::string tokenA = world.token(Caller::UnitA), tokenB = world.token(Caller::UnitB);
    const std::string taskA = "\"id\":" + std::to_string(world.tA1) + ",";
    const std::string taskB = "\"id\":" + std::to_string(world.tB1) + ",";

    const std::string before = keptEqualsPlain(world, server, "/api/v1/tasks", tokenA);
    CHECK(before.find(taskA) != std::string::npos);
    // Each viewer its own answer, also for the same query.
    const std::string listB = keptEqualsPlain(world, server, "/api/v1/tasks", tokenB);
    CHECK(listB.find(taskB) != std::string::npos);
    CHECK(listB.find(taskA) == std::string::npos);
    const std::string leader = keptEqualsPlain(world, server, "/api/v1/tasks", world.token(Caller::Leader));
    CHECK(leader.find(taskA) != std::string::npos);
    CHECK(leader.find(taskB) != std::string::npos);
    // Another query, another answer.
    CHECK(keptEqualsPlain(world, server, "/api/v1/tasks?status=accepted", tokenA) == R"({"items":[],"next_cursor":null})");

    // Another process writes (the test's own connection to the file).
    world.db.exec("UPDATE rectification_tasks SET handler = '新任经办人' WHERE id = " + std::to_string(world.tA1));
    const std::string afterOther = keptEqualsPlain(world, server, "/api/v1/tasks", tokenA);
    CHECK(afterOther.find("新任经办人") != std::string::npos);

    // The server itself writes: a progress report moves the task on.
    REQUIRE(post(server.port(), world.progressPath(), tokenA, R"({"percent":40,"note":"已清退一半"})").status == 200);
    const std::string afterProgress = keptEqualsPlain(world, server, "/api/v1/tasks", tokenA);
    CHECK(afterProgress != afterOther);

    // Revocation ends access at once: the kept answer is never served without a valid sign-in.
    patrol::services::revokeUser(world.db, world.admin, "甲联系人");
    const auto revoked = get(server.port(), "/api/v1/tasks", tokenA);
    CHECK(revoked.status == 401);
    CHECK(revoked.body == kUnauthenticated);
}
