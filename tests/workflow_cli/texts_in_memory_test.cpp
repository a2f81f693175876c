// A check with many findings keeps their titles and details in a temporary file rather than in
// memory. Without a usable temporary folder it gives the same findings and says, in one warning,
// why it took more memory and what to do about it; with one it says nothing of the kind.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "cli/run_patrol.hpp"
#include "data/tmpdir_setting.hpp"

using namespace patrol::testing;

namespace {

const std::string kWarning =
    "[four_styles] 警告：疑似问题的文字较多，本应暂存到临时目录的文件中，但临时目录不可用（环境变量 TMPDIR 所指的目录，未设置时为 /tmp；"
    "目录不存在、不可写、已满或不支持临时文件），只得全部留在内存中，本次运行因此占用更多内存。"
    "检查结果不受影响；如需减少内存占用，请把 TMPDIR 设为一个可写的目录后重新运行。\n";

}  // namespace

TEST_CASE("a heavy check without a usable temporary folder gives the same findings and says why it took more memory") {
    ScratchDir dir;
    const Patrol patrol(dir);
    // 9,000 gifts (FS-04), each detail quoting a description of 2,100 bytes: about 19 MB of
    // finding text, past the 16 MB the host holds in memory before it uses the file.
    const std::string description = [] {
        std::string d;
        for (int i = 0; i < 700; ++i) d += "礼";
        return d;
    }();
    std::string csv = "expense_id,unit_code,date,category,amount,headcount,vendor,description\n";
    for (int i = 0; i < 9000; ++i) csv += "E" + std::to_string(i) + ",U0001,2025-05-09,gift,100.00,,商户," + description + "\n";
    dir.write("data/expenses.csv", csv);
    const std::vector<std::string> check = {"check", "--plugin", "four_styles", "--data", dir.file("data"), "--as-of", "2025-12-31",
                                            "--format", "jsonl"};

    const Run usual = patrol(check);
    REQUIRE(usual.exitCode == 0);
    // The 9,000 gifts, and one split reimbursement (FS-03): all on one day at one vendor.
    CHECK(std::count(usual.out.begin(), usual.out.end(), '\n') == 9001);
    CHECK(usual.err.find("临时目录") == std::string::npos);

    const TmpdirSetting unusable("/nonexistent/patrol-test");
    const Run inMemory = patrol(check);
    CHECK(inMemory.exitCode == 0);
    CHECK(inMemory.out == usual.out);
    CHECK(inMemory.err.find(kWarning) != std::string::npos);
    CHECK(inMemory.err.find(kWarning) == inMemory.err.rfind(kWarning));  // said once
}
