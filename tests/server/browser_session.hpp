// A person signed in over HTTP as the web pages are: the session cookie and the CSRF token that
// forms and state-changing requests must carry.
#pragma once

#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "http_call.hpp"
#include "server_process.hpp"

namespace patrol::testing {

struct SignedInBrowser {
    std::string cookie;  // "patrol_session=<token>"
    std::string csrf;
};

inline SignedInBrowser signIn(const ServerProcess& server, const std::string& name, const std::string& password) {
    const auto answer = post(server.port(), "/api/v1/session", "", R"({"name":")" + name + R"(","password":")" + password + R"("})");
    REQUIRE(answer.status == 201);
    std::smatch cookie, csrf;
    const std::string setCookie = answer.header("Set-Cookie");
    REQUIRE(std::regex_search(setCookie, cookie, std::regex("^(patrol_session=[0-9a-f]{64});")));
    REQUIRE(std::regex_search(answer.body, csrf, std::regex(R"re("csrf_token":"([0-9a-f]{64})")re")));
    return {cookie[1], csrf[1]};
}

}  // namespace patrol::testing
