// POST /api/v1/rounds/{code}/checks over real HTTP: 局外人 sends R2's four_styles data files and
// gets the run's counts; the findings are recorded as suspected; bad files refuse the run with
// nothing recorded; the temporary folder is gone afterwards.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/store/statement.hpp"
#include "http_call.hpp"
#include "json_body.hpp"
#include "server_process.hpp"
#include "upload_world.hpp"

using namespace patrol::testing;
namespace fs = std::filesystem;

namespace {

const std::string kExpenses =
    "expense_id,unit_code,date,category,amount,headcount,vendor,description\n"
    "E1,UA,2026-03-10,reception,1000.00,2,某酒店,接待\n"
    "E2,UC,2026-03-11,reception,900.00,1,某酒店,接待\n";

HttpAnswer check(int port, const std::string& token, const std::vector<FormPart>& parts, const std::string& round = "R2") {
    return call(port, {"POST", "/api/v1/rounds/" + round + "/checks", token, multipartBody(parts), kMultipartType});
}

std::string suspectedInR2(patrol::store::Database& db) {
    return *db.prepare("SELECT count(*) FROM findings f JOIN rounds r ON r.id = f.round_id WHERE r.code = 'R2' AND f.status = 'suspected'")
                .first([](const patrol::store::Statement& st) { return std::to_string(st.integer(0)); });
}

// The temporary folders a run may have left in `tmp`.
size_t leftovers(const fs::path& tmp) {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(tmp)) n += e.path().filename().string().rfind("patrol-check-", 0) == 0;
    return n;
}

}  // namespace

TEST_CASE("uploaded CSV files are checked for the round and the findings recorded as suspected, once", "[server][check-upload]") {
    UploadWorld w;
    const fs::path tmp = w.dir / "tmp";
    fs::create_directories(tmp);
    ServerProcess server(w.path(), {}, {{"TMPDIR", tmp.string()}});
    const std::string outsider = w.token(Caller::OtherInspector);
    REQUIRE(suspectedInR2(w.db) == "1");

    auto answer = check(server.port(), outsider, {field("as_of", "2026-06-30"), file("file", kExpenses, "expenses.csv")});
    REQUIRE(answer.status == 200);
    CHECK(answer.body ==
          R"({"round":"R2","as_of":"2026-06-30","files":["expenses.csv"],"plugins":[{"plugin":"four_styles","ok":true,"error":null,)"
          R"("rows_read":2,"rows_rejected":0,"skipped_rules":["FS-05"],"findings":2}],"findings":2,"added":1,"already_recorded":0,)"
          R"("left_out":[{"unit":"UC","findings":1,"message":"单位「丙村」(UC) 不是巡察轮次 R2 的巡察对象，其 1 个疑似问题未记录。"}],)"
          R"("notices":["[four_styles] 规则 FS-05（公车私用）已跳过：缺少数据文件 trips.csv","[four_styles] 采用 2 行，拒收 0 行，跳过规则 1 条，发现疑似问题 2 个"]})");
    CHECK(suspectedInR2(w.db) == "2");
    CHECK(leftovers(tmp) == 0);

    // The same files again: nothing new, the finding is already recorded.
    answer = check(server.port(), outsider, {field("plugin", "four_styles"), field("as_of", "2026-06-30"), file("file", kExpenses, "expenses.csv")});
    REQUIRE(answer.status == 200);
    const auto again = jsonBody(answer.body);
    CHECK(again->getValue<int>("added") == 0);
    CHECK(again->getValue<int>("already_recorded") == 1);
    CHECK(suspectedInR2(w.db) == "2");
    CHECK(leftovers(tmp) == 0);

    server.stop();
    CHECK(runPatrol({"audit", "verify", "--db", w.path()}).exitCode == 0);
}

TEST_CASE("files a check cannot use refuse the run before anything is recorded, and leave no folder behind", "[server][check-upload]") {
    UploadWorld w;
    const fs::path tmp = w.dir / "tmp";
    fs::create_directories(tmp);
    ServerProcess server(w.path(), {}, {{"TMPDIR", tmp.string()}});
    const std::string outsider = w.token(Caller::OtherInspector);
    const std::string before = w.footprint();

    auto answer = check(server.port(), outsider, {field("as_of", "2026-06-30"), file("file", "", "")});
    CHECK(answer.status == 422);
    CHECK(answer.body == R"({"error":{"code":"invalid_input","message":"数据文件不能为空：请选择一个或多个 CSV 台账文件（文件名须与数据规范中的文件名一致）。","field":"file"}})");
    answer = check(server.port(), outsider, {file("file", kExpenses, "台账.xlsx")});
    CHECK(answer.status == 422);
    CHECK(answer.body == R"({"error":{"code":"invalid_input","message":"数据文件「台账.xlsx」不是 CSV 文件：只接受扩展名为 .csv 的台账文件或装有这些文件的 .zip 压缩包。请另存为 CSV（UTF-8 或 GBK）后再上传。","field":"file"}})");
    answer = check(server.port(), outsider, {file("file", kExpenses, "expenses.csv"), file("file", kExpenses, "a/expenses.csv")});
    CHECK(answer.status == 422);
    CHECK(answer.body == R"({"error":{"code":"invalid_input","message":"数据文件「expenses.csv」上传了两次：每个文件名只能出现一次。请去掉重复的文件。","field":"file"}})");
    answer = check(server.port(), outsider, {field("plugin", "poverty_alleviation"), file("file", kExpenses, "expenses.csv")});
    CHECK(answer.status == 422);
    CHECK(answer.body.find("检查插件 poverty_alleviation 未在巡察轮次 R2 中启用") != std::string::npos);
    // A required column missing: the message names the file as sent, not the temporary folder.
    answer = check(server.port(), outsider, {file("file", "expense_id,unit_code,date\nE1,UA,2026-03-10\n", "expenses.csv")});
    CHECK(answer.status == 422);
    CHECK(answer.body.find("expenses.csv") != std::string::npos);
    CHECK(answer.body.find(tmp.string()) == std::string::npos);
    CHECK(answer.body.find("patrol-check-") == std::string::npos);
    answer = check(server.port(), outsider, {field("as_of", "2026-13-01"), file("file", kExpenses, "expenses.csv")});
    CHECK(answer.status == 422);
    // Who may run it: a leader reads R2 but records nothing; 张组长 does not see R2.
    answer = check(server.port(), w.token(Caller::Leader), {file("file", kExpenses, "expenses.csv")});
    CHECK(answer.status == 403);
    answer = check(server.port(), w.token(Caller::Inspector), {file("file", kExpenses, "expenses.csv")});
    CHECK(answer.status == 404);
    CHECK(answer.body == R"({"error":{"code":"not_found","message":"巡察轮次「R2」不存在。请检查轮次编码。"}})");
    // R1 is fed back: nothing may be recorded into it any more.
    answer = check(server.port(), w.token(Caller::Inspector), {file("file", kExpenses, "expenses.csv")}, "R1");
    CHECK(answer.status == 422);
    CHECK(w.footprint() == before);
    CHECK(leftovers(tmp) == 0);
}
