// The web check page's progress over real HTTP: while a check request is still being received,
// its sender reads its phase at /rounds/{code}/check/progress; another person reads nothing, as
// if there were no such run; the answer page lists the phases passed; afterwards the run is gone.
#include <catch2/catch.hpp>

#include <chrono>
#include <regex>
#include <thread>

#include "core/services/auth_service.hpp"
#include "browser_session.hpp"
#include "http_call.hpp"
#include "raw_client.hpp"
#include "server_process.hpp"
#include "upload_world.hpp"

using namespace patrol::testing;

namespace {

const std::string kPassword = "巡察上传进度二〇二六";
const std::string kExpenses =
    "expense_id,unit_code,date,category,amount,headcount,vendor,description\n"
    "E1,UA,2026-03-10,reception,1000.00,2,某酒店,接待\n"
    "E2,UC,2026-03-11,reception,900.00,1,某酒店,接待\n";

HttpAnswer phaseOf(const ServerProcess& server, const SignedInBrowser& b, const std::string& token) {
    HttpRequest r{"GET", "/rounds/R2/check/progress?token=" + token, "", ""};
    r.headers["Cookie"] = b.cookie;
    return call(server.port(), r);
}

}  // namespace

TEST_CASE("a check sent from the page tells its sender its phase while it runs, and nobody else", "[server][check-upload][progress]") {
    UploadWorld w;
    patrol::services::setPassword(w.db, w.admin, "局外人", kPassword);
    patrol::services::setPassword(w.db, w.admin, "王书记", kPassword);
    ServerProcess server(w.path());
    const SignedInBrowser sender = signIn(server, "局外人", kPassword);
    const SignedInBrowser leader = signIn(server, "王书记", kPassword);
    const std::string token = "0123456789abcdef0123456789abcdef";

    const std::string body = multipartBody({field("csrf", sender.csrf), field("as_of", "2026-06-30"), file("file", kExpenses, "expenses.csv")});
    RawClient raw(server.port());
    raw.send(requestHead("POST", "/rounds/R2/check?progress=" + token,
                         {"Host: 127.0.0.1", "Connection: close", "Cookie: " + sender.cookie, "Content-Type: " + kMultipartType,
                          "Content-Length: " + std::to_string(body.size())}));
    raw.send(body.substr(0, body.size() / 2));

    // The server thread opens the run when it starts on the request; wait for that, not for a time.
    HttpAnswer seen;
    for (int i = 0; i < 200 && seen.status != 200; ++i) {
        seen = phaseOf(server, sender, token);
        if (seen.status != 200) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    CHECK(seen.status == 200);
    CHECK(seen.body == R"({"phase":"接收文件"})");
    const auto other = phaseOf(server, leader, token);
    CHECK(other.status == 404);
    CHECK(other.body == R"({"phase":null})");

    raw.send(body.substr(body.size() / 2));
    const auto answer = parseAnswer(raw.readToClose());
    CHECK(answer.status == 200);
    CHECK(answer.body.find("<p id=\"check-phases\">进度：接收文件 → 读取数据（文件 1/1） → 运行检查（1 个插件） → 记录问题（共 2 个疑似问题） → 已完成</p>") !=
          std::string::npos);
    CHECK(answer.body.find("<strong id=\"check-added\">1</strong>") != std::string::npos);
    // The run ended with its request: nothing left to read.
    CHECK(phaseOf(server, sender, token).status == 404);
    // A token that is not one (wrong length, not hex) reads as no run at all.
    CHECK(phaseOf(server, sender, "../../etc").status == 404);
}
