// People sign in with a password over HTTP: a session cookie and a CSRF token, sign-out, and
// revocation ending the session at once.
#include <catch2/catch.hpp>

#include <regex>

#include "core/services/auth_service.hpp"
#include "browser_session.hpp"
#include "http_call.hpp"
#include "served_world.hpp"
#include "server_process.hpp"

using namespace patrol::testing;

namespace {

const std::string kPassword = "河塘镇整改工作二〇二六";

HttpAnswer withCookie(const ServerProcess& server, const std::string& method, const std::string& path, const SignedInBrowser& b,
                      const std::string& body = "", bool sendCsrf = true) {
    HttpRequest r{method, path, "", body};
    r.headers["Cookie"] = b.cookie;
    if (sendCsrf) r.headers["X-CSRF-Token"] = b.csrf;
    return call(server.port(), r);
}

}  // namespace

TEST_CASE("a person signs in with a password, gets an HttpOnly strict cookie and works with it", "[server][session]") {
    ServedWorld world;
    patrol::services::setPassword(world.db, world.admin, "甲联系人", kPassword);
    ServerProcess server(world.path());

    const auto answer = post(server.port(), "/api/v1/session", "", R"({"name":"甲联系人","password":")" + kPassword + R"("})");
    REQUIRE(answer.status == 201);
    const std::string setCookie = answer.header("Set-Cookie");
    CHECK(setCookie.find("HttpOnly") != std::string::npos);
    CHECK(setCookie.find("SameSite=Strict") != std::string::npos);
    CHECK(setCookie.find("Path=/") != std::string::npos);
    CHECK(setCookie.find("Secure") == std::string::npos);  // plain HTTP on the loopback
    CHECK(std::regex_match(answer.body, std::regex(R"(\{"name":"甲联系人","role":"unit","unit":"UA","csrf_token":"[0-9a-f]{64}"\})")));

    const auto browser = signIn(server, "甲联系人", kPassword);
    const auto me = withCookie(server, "GET", "/api/v1/me", browser);
    CHECK(me.status == 200);
    CHECK(me.body == R"({"name":"甲联系人","role":"unit","unit":"UA"})");
    const auto session = withCookie(server, "GET", "/api/v1/session", browser);
    CHECK(session.status == 200);
    CHECK(session.body.find("\"csrf_token\":\"" + browser.csrf + "\"") != std::string::npos);
}

TEST_CASE("a state-changing request made with the cookie needs the session's CSRF token", "[server][session]") {
    ServedWorld world;
    patrol::services::setPassword(world.db, world.admin, "甲联系人", kPassword);
    ServerProcess server(world.path());
    const auto browser = signIn(server, "甲联系人", kPassword);
    const std::string plan = "/api/v1/tasks/" + std::to_string(world.tA1) + "/plan";
    const std::string body = R"({"measure":"清退","handler":"李明","leader":"王强"})";

    const std::string refused =
        R"({"error":{"code":"csrf","message":"缺少或不正确的 CSRF 令牌：用登录会话修改数据时，须在请求头 X-CSRF-Token 中附上登录时返回的 csrf_token。请刷新页面后重试。"}})";
    const auto none = withCookie(server, "POST", plan, browser, body, false);
    CHECK(none.status == 403);
    CHECK(none.body == refused);
    auto forged = browser;
    forged.csrf = std::string(64, '0');
    CHECK(withCookie(server, "POST", plan, forged, body).body == refused);
    CHECK(get(server.port(), "/api/v1/tasks/" + std::to_string(world.tA1), world.token(Caller::Admin)).body.find("\"status\":\"assigned\"") !=
          std::string::npos);

    const auto planned = withCookie(server, "POST", plan, browser, body);
    CHECK(planned.status == 200);
    CHECK(planned.body.find("\"status\":\"planned\"") != std::string::npos);
}

TEST_CASE("a wrong password and an unknown name get the same 401, and neither sets a cookie", "[server][session]") {
    ServedWorld world;
    patrol::services::setPassword(world.db, world.admin, "甲联系人", kPassword);
    ServerProcess server(world.path());
    const auto wrong = post(server.port(), "/api/v1/session", "", R"({"name":"甲联系人","password":"不对的密码不对的密码"})");
    const auto unknown = post(server.port(), "/api/v1/session", "", R"({"name":"无此人","password":"不对的密码不对的密码"})");
    const auto noPassword = post(server.port(), "/api/v1/session", "", R"({"name":"乙联系人","password":"不对的密码不对的密码"})");
    CHECK(wrong.status == 401);
    CHECK(wrong.body == unknown.body);
    CHECK(wrong.body == noPassword.body);
    CHECK(wrong.body == std::string(R"({"error":{"code":"unauthenticated","message":")") + patrol::services::kSigninRefused + "\"}}");
    CHECK(wrong.header("Set-Cookie").empty());
}

TEST_CASE("signing out ends the session, and revoking a user ends theirs at once", "[server][session]") {
    ServedWorld world;
    patrol::services::setPassword(world.db, world.admin, "甲联系人", kPassword);
    patrol::services::setPassword(world.db, world.admin, "乙联系人", kPassword);
    ServerProcess server(world.path());

    const auto a = signIn(server, "甲联系人", kPassword);
    const auto out = withCookie(server, "DELETE", "/api/v1/session", a);
    CHECK(out.status == 204);
    CHECK(out.header("Set-Cookie").find("patrol_session=;") == 0);
    CHECK(withCookie(server, "GET", "/api/v1/me", a).status == 401);

    const auto b = signIn(server, "乙联系人", kPassword);
    CHECK(withCookie(server, "GET", "/api/v1/me", b).status == 200);
    CHECK(post(server.port(), "/api/v1/users/" + std::string("%E4%B9%99%E8%81%94%E7%B3%BB%E4%BA%BA") + "/revoke", world.token(Caller::Admin), "{}")
              .status == 200);
    CHECK(withCookie(server, "GET", "/api/v1/me", b).status == 401);
}
