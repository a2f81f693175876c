// Starting and stopping `patrol serve`, and the answers the door gives before any use case runs.
#include <catch2/catch.hpp>

#include "http_call.hpp"
#include "served_world.hpp"
#include "server_process.hpp"

using namespace patrol::testing;

TEST_CASE("the server says where it listens, answers, and stops on SIGTERM with exit 0", "[server]") {
    ServedWorld world;
    ServerProcess server(world.path());
    REQUIRE(server.url() == "http://127.0.0.1:" + std::to_string(server.port()) + "/");
    CHECK(server.log().rfind("patrol serve 正在监听 " + server.url() + "（数据库 " + world.path() + "，32 个工作线程）。按 Ctrl+C 停止。\n", 0) == 0);
    const auto me = get(server.port(), "/api/v1/me", world.token(Caller::UnitA));
    CHECK(me.status == 200);
    CHECK(me.body == R"({"name":"甲联系人","role":"unit","unit":"UA"})");
    CHECK(me.header("X-Content-Type-Options") == "nosniff");
    CHECK(server.stop() == 0);
    const std::string log = server.log();
    CHECK(log.find(" 甲联系人 GET /api/v1/me 200 ") != std::string::npos);
    CHECK(log.find("patrol serve 已停止。") != std::string::npos);
}

TEST_CASE("no credentials, a wrong token and a revoked user's token are 401 with one body", "[server]") {
    ServedWorld world;
    ServerProcess server(world.path());
    const std::string expected =
        R"({"error":{"code":"unauthenticated","message":"未登录或登录已失效：请先登录，或在 Authorization 头中提供有效的令牌（Bearer）。"}})";
    for (const std::string& token : {std::string(), std::string(64, 'a'), world.token(Caller::Revoked), std::string("x")}) {
        const auto answer = get(server.port(), "/api/v1/tasks", token);
        CHECK(answer.status == 401);
        CHECK(answer.body == expected);
    }
}

TEST_CASE("an unknown path is 404 and a known path with another method is 405 naming the methods", "[server]") {
    ServedWorld world;
    ServerProcess server(world.path());
    const auto none = get(server.port(), "/api/v1/nothing", world.token(Caller::Admin));
    CHECK(none.status == 404);
    CHECK(none.body == R"({"error":{"code":"not_found","message":"没有这个接口。请查阅 docs/api.md 中的接口列表。"}})");
    const auto wrong = call(server.port(), {"DELETE", "/api/v1/tasks", world.token(Caller::Admin)});
    CHECK(wrong.status == 405);
    CHECK(wrong.header("Allow") == "GET");
}

TEST_CASE("plain HTTP off the loopback is refused at start, naming how to add a certificate", "[server]") {
    ServedWorld world;
    const auto refused = startExpectingRefusal(world.path(), {"--address", "0.0.0.0", "--port", "0"});
    CHECK(refused.exitCode == 2);
    CHECK(refused.err ==
          "错误: 监听地址 0.0.0.0（--address） 不是本机回环地址，明文 HTTP 会让密码和令牌在内网中被截获，已拒绝启动。请在配置文件的 [server] "
          "节设置 tls.certificate 和 tls.key（PEM 格式的证书和私钥，可向单位的证书管理员申请），或确有隔离网络时设置 "
          "allow_plain_http = true。\n");
}

TEST_CASE("the server ignores PATROL_TODAY: dates it records are the machine's", "[server]") {
    ServedWorld world;
    ServerProcess server(world.path(), {}, {{"PATROL_TODAY", "2030-01-01"}});
    CHECK(server.log().find("已忽略环境变量 PATROL_TODAY=2030-01-01") != std::string::npos);
    const auto planned = post(server.port(), "/api/v1/tasks/" + std::to_string(world.tA1) + "/plan", world.token(Caller::UnitA),
                              R"({"measure":"清退","handler":"李明","leader":"王强"})");
    REQUIRE(planned.status == 200);
    CHECK(planned.body.find("\"planned_on\":\"2030-01-01\"") == std::string::npos);
}

TEST_CASE("a port in use or not a number is refused at start, naming the port", "[server]") {
    ServedWorld world;
    ServerProcess first(world.path());
    const std::string port = std::to_string(first.port());
    const auto taken = startExpectingRefusal(world.path(), {"--port", port});
    CHECK(taken.exitCode == 2);
    CHECK(taken.err.rfind("错误: 监听端口（--port） " + port + " 在 127.0.0.1 上无法使用（", 0) == 0);
    CHECK(taken.err.find("端口可能已被其他程序占用：请换一个端口，或先停止占用它的程序。\n") != std::string::npos);
    const auto word = startExpectingRefusal(world.path(), {"--port", "abc"});
    CHECK(word.exitCode == 2);
    CHECK(word.err == "错误: 监听端口（--port）「abc」无效：应为 0 到 65535 之间的整数。\n");
}
