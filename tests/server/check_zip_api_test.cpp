// POST /api/v1/rounds/{code}/checks with one zip archive instead of CSV files: its CSV files (at
// the top level or inside one folder) are checked as if sent one by one; hostile archives (names
// that climb out, links, duplicates, other files, too many entries, zip bombs) are refused with
// nothing recorded and no temporary folder left behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/store/statement.hpp"
#include "http_call.hpp"
#include "json_body.hpp"
#include "server_process.hpp"
#include "upload_world.hpp"
#include "zip_maker.hpp"

using namespace patrol::testing;
namespace fs = std::filesystem;

namespace {

const std::string kExpenses =
    "expense_id,unit_code,date,category,amount,headcount,vendor,description\n"
    "E1,UA,2026-03-10,reception,1000.00,2,某酒店,接待\n"
    "E2,UC,2026-03-11,reception,900.00,1,某酒店,接待\n";

HttpAnswer sendZip(int port, const std::string& token, const std::string& zip) {
    return call(port, {"POST", "/api/v1/rounds/R2/checks", token,
                       multipartBody({field("as_of", "2026-06-30"), file("file", zip, "台账.zip")}), kMultipartType});
}

size_t leftovers(const fs::path& tmp) {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(tmp)) n += e.path().filename().string().rfind("patrol-check-", 0) == 0;
    return n;
}

std::string refusal(const std::string& code, const std::string& message) {
    return R"({"error":{"code":")" + code + R"(","message":")" + message + R"(","field":"file"}})";
}

std::string tooLarge(const std::string& message) { return R"({"error":{"code":"too_large","message":")" + message + R"("}})"; }

// A config with small zip limits, so the refusals are quick to provoke.
std::vector<std::string> smallLimits(const fs::path& dir) {
    const fs::path path = dir / "zip.ini";
    std::ofstream(path) << "[check]\nzip_max_entries = 4\nzip_max_unpacked_bytes = 100000\n";
    return {"--config", path.string()};
}

}  // namespace

TEST_CASE("a zip of CSV files inside one folder is checked like the files themselves", "[server][check-upload][zip]") {
    UploadWorld w;
    const fs::path tmp = w.dir / "tmp";
    fs::create_directories(tmp);
    ServerProcess server(w.path(), {}, {{"TMPDIR", tmp.string()}});
    const std::string zip = zipArchive({{"台账/", "", false, 040755}, {"台账/expenses.csv", kExpenses}});

    const auto answer = sendZip(server.port(), w.token(Caller::OtherInspector), zip);
    INFO(answer.body);
    REQUIRE(answer.status == 200);
    const auto body = jsonBody(answer.body);
    CHECK(body->getArray("files")->size() == 1);
    CHECK(body->getArray("files")->getElement<std::string>(0) == "expenses.csv");
    CHECK(body->getValue<int>("findings") == 2);
    CHECK(body->getValue<int>("added") == 1);
    CHECK(leftovers(tmp) == 0);
}

TEST_CASE("hostile zip archives are refused before anything is recorded, leaving no folder behind", "[server][check-upload][zip]") {
    UploadWorld w;
    const fs::path tmp = w.dir / "tmp";
    fs::create_directories(tmp);
    ServerProcess server(w.path(), smallLimits(w.dir), {{"TMPDIR", tmp.string()}});
    const std::string outsider = w.token(Caller::OtherInspector);
    const std::string before = w.footprint();
    const std::string prefix = "数据文件：压缩包「台账.zip」中的";

    auto answer = sendZip(server.port(), outsider, zipArchive({{"../expenses.csv", kExpenses}}));
    CHECK(answer.status == 422);
    CHECK(answer.body == refusal("invalid_input", prefix + "「../expenses.csv」指向压缩包以外的位置（含有 ..）：应只含压缩包内的文件。请重新压缩后再上传。"));

    answer = sendZip(server.port(), outsider, zipArchive({{"/tmp/expenses.csv", kExpenses}}));
    CHECK(answer.status == 422);
    CHECK(answer.body == refusal("invalid_input", prefix + "「/tmp/expenses.csv」是绝对路径：压缩包中应只有相对路径（文件直接放在压缩包里或其中一个文件夹里）。请重新压缩后再上传。"));

    answer = sendZip(server.port(), outsider, zipArchive({{"data\\\\expenses.csv", kExpenses}}));
    CHECK(answer.status == 422);
    CHECK(answer.body.find("含有反斜杠：压缩包中的路径应以 / 分隔且不能指向压缩包以外。") != std::string::npos);

    answer = sendZip(server.port(), outsider, zipArchive({{"expenses.csv", "/etc/passwd", false, 0120777}}));
    CHECK(answer.status == 422);
    CHECK(answer.body == refusal("invalid_input", prefix + "「expenses.csv」是符号链接：压缩包中应只有普通的 CSV 文件。请把实际文件放进压缩包后再上传。"));

    answer = sendZip(server.port(), outsider, zipArchive({{"expenses.csv", kExpenses}, {"EXPENSES.csv", kExpenses}}));
    CHECK(answer.status == 422);
    CHECK(answer.body == refusal("invalid_input", prefix + "「EXPENSES.csv」在压缩包中出现了两次：每个文件名只能出现一次。请去掉重复的文件后重新压缩再上传。"));

    answer = sendZip(server.port(), outsider, zipArchive({{"expenses.csv", kExpenses}, {"说明.txt", "readme"}}));
    CHECK(answer.status == 422);
    CHECK(answer.body == refusal("invalid_input", prefix + "「说明.txt」不是 CSV 文件：压缩包中应只有扩展名为 .csv 的台账文件。请去掉其他文件后重新压缩再上传。"));

    answer = sendZip(server.port(), outsider, zipArchive({{"a/expenses.csv", kExpenses}, {"b/trips.csv", "x\n"}}));
    CHECK(answer.status == 422);
    CHECK(answer.body.find("与其他文件不在同一个文件夹中") != std::string::npos);

    answer = sendZip(server.port(), outsider, zipArchive({{"a/b/expenses.csv", kExpenses}}));
    CHECK(answer.status == 422);
    CHECK(answer.body.find("「a/b/expenses.csv」在多层文件夹中") != std::string::npos);

    // More entries than check.zip_max_entries (4).
    std::vector<ZipEntry> many;
    for (int i = 0; i < 5; ++i) many.push_back({"t" + std::to_string(i) + ".csv", "x\n"});
    answer = sendZip(server.port(), outsider, zipArchive(many));
    CHECK(answer.status == 413);
    CHECK(answer.body == tooLarge("数据文件：压缩包「台账.zip」有 5 个条目，超过上限 4 个。请只打包本次检查需要的 CSV 文件，或分几次上传。"));

    // A zip bomb that lies about its size: 5 MB of zeros declared as 100 bytes stops at 100.
    const std::string zeros(5'000'000, '0');
    answer = sendZip(server.port(), outsider, zipArchive({{"expenses.csv", zeros, true, 0100644, 100u}}));
    CHECK(answer.status == 422);
    CHECK(answer.body == refusal("invalid_input", prefix + "「expenses.csv」解压后比压缩包声明的大小更大：压缩包已损坏或被改动。请重新压缩后再上传。"));
    // An honest one over check.zip_max_unpacked_bytes (100000), counted while inflating.
    answer = sendZip(server.port(), outsider, zipArchive({{"expenses.csv", kExpenses}, {"trips.csv", zeros}}));
    CHECK(answer.status == 413);
    CHECK(answer.body == tooLarge("数据文件：压缩包「台账.zip」解压后超过 100000 字节的上限（解压到「trips.csv」时超出）。请分几次上传，或请管理员调整配置项 check.zip_max_unpacked_bytes。"));

    // Not a zip at all, and a zip sent with a CSV file beside it.
    answer = sendZip(server.port(), outsider, "this is not a zip archive");
    CHECK(answer.status == 422);
    CHECK(answer.body == R"({"error":{"code":"invalid_input","message":"数据文件：压缩包「台账.zip」无法读取（找不到 zip 目录）：应是用常见压缩软件打成的 zip 包。请重新压缩后再上传，或直接上传其中的 CSV 文件。","field":"file"}})");
    answer = call(server.port(), {"POST", "/api/v1/rounds/R2/checks", outsider,
                                  multipartBody({file("file", zipArchive({{"expenses.csv", kExpenses}}), "a.zip"), file("file", kExpenses, "trips.csv")}),
                                  kMultipartType});
    CHECK(answer.status == 422);
    CHECK(answer.body.find("「a.zip」是压缩包，但同时还选择了其他文件") != std::string::npos);

    CHECK(w.footprint() == before);
    CHECK(leftovers(tmp) == 0);
}
