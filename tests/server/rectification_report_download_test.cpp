// The unit contact's 整改情况报告 over real HTTP: its task list links the reports its unit owes;
// the page and the API hand out the same Word document as `patrol report rectification`, for its
// own unit only; another unit's, or a round it may not see, reads exactly like a missing one.
#include <catch2/catch.hpp>

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "core/services/auth_service.hpp"
#include "core/services/rectification_report_file.hpp"
#include "http_call.hpp"
#include "server_process.hpp"
#include "upload_world.hpp"

using namespace patrol::testing;

namespace {

const std::string kPassword = "整改情况报告下载二〇二六";

// Every part of a .docx and its text, by name: equal for two documents written apart in time
// (the zip's own timestamps are left out).
std::map<std::string, std::string> partsOf(const std::string& docx) {
    std::istringstream in(docx);
    Poco::Zip::ZipArchive archive(in);
    std::map<std::string, std::string> parts;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
        std::istringstream again(docx);
        Poco::Zip::ZipInputStream part(again, it->second);
        std::ostringstream text;
        text << part.rdbuf();
        parts[it->first] = text.str();
    }
    return parts;
}

std::string sessionCookie(const ServerProcess& server, const std::string& name) {
    const auto answer = call(server.port(), {"POST", "/api/v1/session", "", R"({"name":")" + name + R"(","password":")" + kPassword + R"("})"});
    REQUIRE(answer.status == 201);
    std::smatch cookie;
    const std::string setCookie = answer.header("Set-Cookie");
    REQUIRE(std::regex_search(setCookie, cookie, std::regex("^(patrol_session=[0-9a-f]{64});")));
    return cookie[1];
}

HttpAnswer page(const ServerProcess& server, const std::string& cookie, const std::string& path) {
    HttpRequest r{"GET", path, "", ""};
    r.headers["Cookie"] = cookie;
    return call(server.port(), r);
}

std::string readBytes(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace

TEST_CASE("a unit contact downloads its own unit's rectification report from its task list and the API",
          "[server][rectification-report]") {
    ServedWorld w;
    patrol::services::setPassword(w.db, w.admin, "甲联系人", kPassword);
    ServerProcess server(w.path());
    const std::string cookie = sessionCookie(server, "甲联系人");

    // R1 was fed back to UA on 2026-02-12; R2 and R4 were not.
    const auto tasks = page(server, cookie, "/tasks");
    REQUIRE(tasks.status == 200);
    CHECK(tasks.body.find("<a class=\"rectification-report\" href=\"/rounds/R1/rectification-report\">下载整改情况报告（Word）</a>") !=
          std::string::npos);
    CHECK(tasks.body.find("R1 · 报送期限 2026-04-13") != std::string::npos);
    CHECK(tasks.body.find("/rounds/R2/rectification-report") == std::string::npos);
    CHECK(tasks.body.find("/rounds/R4/rectification-report") == std::string::npos);

    const std::string cliFile = (w.dir / "cli.docx").string();
    REQUIRE(runPatrol({"report", "rectification", "--round", "R1", "--unit", "UA", "-o", cliFile, "--db", w.path(), "--user",
                       "甲联系人"}).exitCode == 0);
    const auto cliParts = partsOf(readBytes(cliFile));
    REQUIRE(cliParts.count("word/document.xml") == 1);

    const auto download = page(server, cookie, "/rounds/R1/rectification-report");
    REQUIRE(download.status == 200);
    CHECK(download.header("Content-Type") == patrol::services::kDocxContentType);
    // R1-甲镇整改情况报告.docx: ASCII in filename, the name itself percent-encoded in filename*.
    CHECK(download.header("Content-Disposition") ==
          "attachment; filename=\"R1-________________________.docx\"; "
          "filename*=UTF-8''R1-%E7%94%B2%E9%95%87%E6%95%B4%E6%94%B9%E6%83%85%E5%86%B5%E6%8A%A5%E5%91%8A.docx");
    CHECK(partsOf(download.body) == cliParts);
    // Naming its own unit is the same request.
    CHECK(partsOf(page(server, cookie, "/rounds/R1/rectification-report?unit=UA").body) == cliParts);

    const auto api = get(server.port(), "/api/v1/rounds/R1/rectification-report", w.token(Caller::UnitA));
    REQUIRE(api.status == 200);
    CHECK(api.header("Content-Type") == patrol::services::kDocxContentType);
    CHECK(partsOf(api.body) == cliParts);

    // Another unit's report, or a round hidden from it: the page of a round that does not exist.
    const auto missing = page(server, cookie, "/rounds/R9/rectification-report");
    CHECK(missing.status == 404);
    for (const std::string path : {"/rounds/R1/rectification-report?unit=UB", "/rounds/R3/rectification-report",
                                   "/rounds/R1/rectification-report?unit=UX"}) {
        INFO(path);
        const auto refused = page(server, cookie, path);
        CHECK(refused.status == 404);
        CHECK(refused.body == missing.body);
    }
    const auto otherUnit = get(server.port(), "/api/v1/rounds/R1/rectification-report?unit=UB", w.token(Caller::UnitA));
    CHECK(otherUnit.status == 404);
    std::string noSuchUnit = get(server.port(), "/api/v1/rounds/R1/rectification-report?unit=UX", w.token(Caller::UnitA)).body;
    REQUIRE(noSuchUnit.find("「UX」") != std::string::npos);
    noSuchUnit.replace(noSuchUnit.find("「UX」"), std::string("「UX」").size(), "「UB」");
    CHECK(otherUnit.body == noSuchUnit);
    CHECK(get(server.port(), "/api/v1/rounds/R3/rectification-report", w.token(Caller::UnitA)).body ==
          get(server.port(), "/api/v1/rounds/R3", w.token(Caller::UnitA)).body);

    // Nothing fed back to UA in R2 yet: refused, not drafted.
    const auto early = get(server.port(), "/api/v1/rounds/R2/rectification-report", w.token(Caller::UnitA));
    CHECK(early.status == 409);
    CHECK(early.body.find("还没有向单位 UA（甲镇）反馈问题") != std::string::npos);

    // The county's leader names the unit, and may draft any unit's.
    const auto leader = get(server.port(), "/api/v1/rounds/R1/rectification-report?unit=UB", w.token(Caller::Leader));
    CHECK(leader.status == 200);
    CHECK(leader.header("Content-Disposition").find(
              "filename*=UTF-8''R1-%E4%B9%99%E5%B1%80%E6%95%B4%E6%94%B9%E6%83%85%E5%86%B5%E6%8A%A5%E5%91%8A.docx") !=
          std::string::npos);  // R1-乙局整改情况报告.docx
    const auto unnamed = get(server.port(), "/api/v1/rounds/R1/rectification-report", w.token(Caller::Leader));
    CHECK(unnamed.status == 422);
    CHECK(unnamed.body == R"({"error":{"code":"invalid_input","message":"单位编码（unit）不能为空：请给出要起草整改情况报告的单位，例如 unit=QX-HT。","field":"unit"}})");
}
