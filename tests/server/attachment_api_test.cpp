// /api/v1/findings/{id}/attachments over real HTTP: R1's inspector 张组长 keeps photos and scans
// with UA's fed-back finding fA1; staff list and download them; 甲联系人, who reads the finding,
// never learns they exist; refused uploads leave nothing behind.
#include <catch2/catch.hpp>

#include <fstream>

#include "http_call.hpp"
#include "json_body.hpp"
#include "server_process.hpp"
#include "upload_world.hpp"

using namespace patrol::testing;

namespace {

HttpAnswer upload(int port, const std::string& path, const std::string& token, const std::vector<FormPart>& parts) {
    return call(port, {"POST", path, token, multipartBody(parts), kMultipartType});
}

}  // namespace

TEST_CASE("an inspector attaches files to a finding, staff list and download them, the unit sees none", "[server][attachments]") {
    UploadWorld w;
    ServerProcess server(w.path());
    const std::string base = "/api/v1/findings/" + std::to_string(w.fA1) + "/attachments";
    const std::string inspector = w.token(Caller::Inspector);

    auto answer = upload(server.port(), base, inspector, {file("file", "照片内容", "现场照片.jpg"), file("file", "扫描件", "C:\\扫描\\报销单.pdf")});
    REQUIRE(answer.status == 201);
    CHECK(itemsField(answer.body, "name") == "现场照片.jpg,报销单.pdf");
    CHECK(itemsField(answer.body, "finding_id") == std::to_string(w.fA1) + "," + std::to_string(w.fA1));
    CHECK(itemsField(answer.body, "uploaded_by") == "张组长,张组长");
    const auto first = jsonBody(answer.body)->getArray("items")->getObject(0);
    CHECK(first->isNull("task_id"));
    const std::string id = first->getValue<std::string>("id");

    for (const Caller staff : {Caller::Admin, Caller::Leader, Caller::Inspector}) {
        INFO(callerName(staff));
        CHECK(itemsField(get(server.port(), base, w.token(staff)).body, "name") == "现场照片.jpg,报销单.pdf");
        const auto download = get(server.port(), base + "/" + id, w.token(staff));
        CHECK(download.status == 200);
        CHECK(download.body == "照片内容");
        CHECK(download.header("Content-Disposition") ==
              "attachment; filename=\"____________.jpg\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg");
        const auto finding = jsonBody(get(server.port(), "/api/v1/findings/" + std::to_string(w.fA1), w.token(staff)).body);
        CHECK(finding->getArray("attachments")->size() == 2);
    }

    // 甲联系人 reads the finding, but to it there are no attachments: an empty list, no key, and
    // a download answered exactly like one of a number that does not exist.
    const std::string unit = w.token(Caller::UnitA);
    CHECK(get(server.port(), base, unit).body == R"({"items":[]})");
    const auto finding = get(server.port(), "/api/v1/findings/" + std::to_string(w.fA1), unit);
    CHECK(finding.status == 200);
    CHECK(finding.body.find("attachments") == std::string::npos);
    const auto hidden = get(server.port(), base + "/" + id, unit);
    CHECK(hidden.status == 404);
    CHECK(hidden.body == R"({"error":{"code":"not_found","message":"取证材料 #)" + id + R"( 不存在。"}})");
    const auto missing = get(server.port(), base + "/999999", unit);
    CHECK(missing.body == R"({"error":{"code":"not_found","message":"取证材料 #999999 不存在。"}})");
    // The unit's own evidence download of the same number is refused alike.
    CHECK(get(server.port(), "/api/v1/evidence/" + id, unit).status == 404);
    // An attachment asked for under another finding does not exist there.
    CHECK(get(server.port(), "/api/v1/findings/" + std::to_string(w.fB1) + "/attachments/" + id, inspector).status == 404);

    server.stop();
    CHECK(runPatrol({"audit", "verify", "--db", w.path()}).exitCode == 0);
}

TEST_CASE("a refused attachment writes nothing: no file, a wrong field, an empty file, one over the limit", "[server][attachments]") {
    UploadWorld w;
    const std::string limit = (w.dir / "limit.ini").string();
    {
        std::ofstream out(limit);
        out << "[evidence]\nmax_bytes = 8\n";
    }
    ServerProcess server(w.path(), {"--config", limit});
    const std::string base = "/api/v1/findings/" + std::to_string(w.fA1) + "/attachments";
    const std::string inspector = w.token(Caller::Inspector);
    const std::string before = w.footprint();

    auto answer = upload(server.port(), base, inspector, {field("note", "x")});
    CHECK(answer.status == 400);
    CHECK(answer.body == R"({"error":{"code":"unknown_field","message":"不认识的表单字段 note：这个接口不接受它。","field":"note"}})");
    answer = upload(server.port(), base, inspector, {file("file", "", "")});  // a file picker left empty
    CHECK(answer.status == 422);
    CHECK(answer.body ==
          R"({"error":{"code":"invalid_input","message":"取证材料不能为空：请至少选择一个文件（照片、扫描件等）。","field":"file"}})");
    answer = upload(server.port(), base, inspector, {file("file", "1234", "a.jpg"), file("file", "", "空.jpg")});
    CHECK(answer.status == 422);
    CHECK(answer.body.find("空.jpg 是空文件（0 字节）") != std::string::npos);
    answer = upload(server.port(), base, inspector, {file("file", "1234", "a.jpg"), file("file", "0123456789", "大.jpg")});
    CHECK(answer.status == 413);
    CHECK(answer.body.find("超过上限 8 字节（配置项 evidence.max_bytes）") != std::string::npos);
    answer = call(server.port(), {"POST", base, inspector, R"({"file":"x"})"});
    CHECK(answer.status == 415);
    // A leader reads the finding but adds nothing to it; 局外人 does not see it.
    answer = upload(server.port(), base, w.token(Caller::Leader), {file("file", "1234", "a.jpg")});
    CHECK(answer.status == 403);
    answer = upload(server.port(), base, w.token(Caller::OtherInspector), {file("file", "1234", "a.jpg")});
    CHECK(answer.status == 404);
    CHECK(w.footprint() == before);
}
