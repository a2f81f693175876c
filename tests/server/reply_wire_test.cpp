// A reply held whole goes out as one piece of bytes built by hand (http/reply_wire.hpp); its head
// must be exactly what Poco writes for the same reply (replyHeadPlainly, the reference), and the
// server must answer with it over a real connection that stays open for the next request.
#include <catch2/catch.hpp>

#include <Poco/Net/HTTPResponse.h>

#include "core/http/reply_wire.hpp"
#include "raw_client.hpp"
#include "server_process.hpp"
#include "upload_world.hpp"

using namespace patrol::testing;
using patrol::http::HeadStart;
using patrol::http::Reply;
using patrol::http::replyHeadPlainly;
using patrol::http::replyWire;

namespace {

const HeadStart kKeptOpen{"HTTP/1.1", {{"Date", "Fri, 04 Dec 2026 22:35:17 GMT"}, {"Connection", "Keep-Alive"}}};

Reply replyOf(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
    Reply reply;
    reply.status = status;
    reply.body = std::move(body);
    reply.headers = std::move(headers);
    return reply;
}

}  // namespace

TEST_CASE("reply wire: a list answer is Poco's head followed by the body") {
    const Reply reply = replyOf(200, R"({"items":[{"title":"礼品管理"}],"next_cursor":null})");
    const std::string head = replyHeadPlainly(kKeptOpen, reply);
    CHECK(replyWire(kKeptOpen, reply, false) == head + reply.body);
    CHECK(head ==
          "HTTP/1.1 200 OK\r\nDate: Fri, 04 Dec 2026 22:35:17 GMT\r\nConnection: Keep-Alive\r\n"
          "X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n"
          "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'\r\n"
          "X-Frame-Options: DENY\r\nReferrer-Policy: same-origin\r\n"
          "Content-Type: application/json; charset=utf-8\r\nContent-Length: " +
              std::to_string(reply.body.size()) + "\r\n\r\n");
}

TEST_CASE("reply wire: refusals close the connection and keep their extra headers in order") {
    for (const auto& reply : {replyOf(401, R"({"error":{}})", {{"WWW-Authenticate", "Bearer"}}),
                              replyOf(405, R"({"error":{}})", {{"Allow", "GET, POST"}}),
                              replyOf(503, R"({"error":{}})", {{"Retry-After", "1"}}),
                              replyOf(404, "")}) {
        const std::string head = replyHeadPlainly(kKeptOpen, reply);
        CHECK(replyWire(kKeptOpen, reply, false) == head + reply.body);
        CHECK(head.find("Connection: Close\r\n") != std::string::npos);
        CHECK(head.substr(0, 13) == "HTTP/1.1 " + std::to_string(reply.status) + " ");
        CHECK(head.find(" OK\r\n") == std::string::npos);
    }
}

TEST_CASE("reply wire: repeated and clashing headers are placed as Poco places them") {
    // Two cookies stay two lines; a reply's own Cache-Control is added after the fixed one, as
    // Poco's add does; an empty content type writes no Content-Type line.
    Reply reply = replyOf(201, "{}", {{"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"}, {"cache-control", "private"}, {"Location", "/x"}});
    CHECK(replyWire(kKeptOpen, reply, false) == replyHeadPlainly(kKeptOpen, reply) + "{}");
    reply.contentType.clear();
    CHECK(replyWire(kKeptOpen, reply, false) == replyHeadPlainly(kKeptOpen, reply) + "{}");
    const HeadStart oldClient{"HTTP/1.0", {{"Date", "Fri, 04 Dec 2026 22:35:17 GMT"}, {"connection", "Close"}}};
    CHECK(replyWire(oldClient, replyOf(204, ""), false) == replyHeadPlainly(oldClient, replyOf(204, "")));
    CHECK(replyWire(oldClient, replyOf(409, "{}"), false) == replyHeadPlainly(oldClient, replyOf(409, "{}")) + "{}");
}

TEST_CASE("reply wire: a HEAD answer has the body's length and no body") {
    const Reply reply = replyOf(200, "[1,2,3]");
    const std::string wire = replyWire(kKeptOpen, reply, true);
    CHECK(wire == replyHeadPlainly(kKeptOpen, reply));
    CHECK(wire.find("Content-Length: 7\r\n\r\n") == wire.size() - 21);
}

TEST_CASE("reply wire: the server answers whole on a connection that stays open", "[server]") {
    UploadWorld world;
    const std::string token = world.token(Caller::UnitA);
    ServerProcess server(world.path(), world.config({}));
    RawClient client(server.port());
    const std::string request = requestHead("GET", "/api/v1/tasks", {"Authorization: Bearer " + token});
    // Two requests on one connection, then one that asks to close: three whole answers, the same
    // list each time, and the connection ends after the third.
    client.send(request + request + requestHead("GET", "/api/v1/tasks", {"Authorization: Bearer " + token, "Connection: close"}));
    const std::string raw = client.readToClose();
    const auto first = raw.find("HTTP/1.1 200 OK\r\n");
    const auto second = raw.find("HTTP/1.1 200 OK\r\n", first + 1);
    const auto third = raw.find("HTTP/1.1 200 OK\r\n", second + 1);
    REQUIRE(first == 0);
    REQUIRE(second != std::string::npos);
    REQUIRE(third != std::string::npos);
    const auto a = parseAnswer(raw.substr(first, second - first));
    const auto b = parseAnswer(raw.substr(second, third - second));
    const auto c = parseAnswer(raw.substr(third));
    CHECK(a.status == 200);
    CHECK(a.body.find(R"("items":[{)") != std::string::npos);
    CHECK(b.body == a.body);
    CHECK(c.body == a.body);
    CHECK(raw.substr(first, second - first).find("Connection: Keep-Alive\r\n") != std::string::npos);
    CHECK(raw.substr(third).find("Connection: Close\r\n") != std::string::npos);
}
