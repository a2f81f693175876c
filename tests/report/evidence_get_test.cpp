#include <catch2/catch.hpp>

#include <filesystem>

#include "reporting_county.hpp"

using patrol::testing::ReportingCounty;
using patrol::testing::Run;
using patrol::testing::readText;

namespace fs = std::filesystem;

namespace {

const std::string kReceipt = "收据 2026-04-01\n退回 1200.00 元\n";
const std::string kReceiptSha256 = "f19c02e8cf0d301958b93a5cf0b2e9cdd513979b525787c60fafbcdd27206b2d";

// UB reports progress on task 2 with one receipt: evidence #1.
struct WithEvidence : ReportingCounty {
    WithEvidence() {
        const std::string receipt = dir.write("收据.txt", kReceipt);
        ok({"task", "progress", "2", "--percent", "50", "--note", "已拨付一半", "--evidence", receipt, "--date", "2026-04-01"},
           "乙联系人");
    }
};

}  // namespace

TEST_CASE("evidence get gives the stored file back byte for byte to those who may see its task", "[report][evidence]") {
    WithEvidence c;
    const std::string copy = c.dir.file("取出的收据.txt");
    Run r = c.ok({"evidence", "get", "1", "-o", copy}, "乙联系人");
    CHECK(r.out == "已取出佐证材料 #1「收据.txt」（" + std::to_string(kReceipt.size()) + " 字节，sha256:" + kReceiptSha256 +
                       "）到 " + copy + "。\n");
    CHECK(readText(copy) == kReceipt);
    r = c.ok({"evidence", "get", "1", "-o", c.dir.file("leader.txt")}, "王书记");
    CHECK(readText(c.dir.file("leader.txt")) == kReceipt);

    // Another unit's contact gets the answer a missing file gets, and no file.
    Run hidden = c.patrol({"evidence", "get", "1", "-o", c.dir.file("a.txt")}, "甲联系人");
    Run missing = c.patrol({"evidence", "get", "9", "-o", c.dir.file("b.txt")}, "甲联系人");
    CHECK(hidden.exitCode == 2);
    CHECK(hidden.err == "错误: 佐证材料 #1 不存在。\n");
    CHECK(missing.err == "错误: 佐证材料 #9 不存在。\n");
    CHECK(!fs::exists(c.dir.file("a.txt")));
}

TEST_CASE("evidence get refuses to overwrite a file unless --force, and refuses a damaged store", "[report][evidence]") {
    WithEvidence c;
    const std::string target = c.dir.write("已有.txt", "keep me");
    Run r = c.patrol({"evidence", "get", "1", "-o", target});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 目标文件 " + target + " 已存在，没有覆盖。请换一个文件名，或加 --force 覆盖它。\n");
    CHECK(readText(target) == "keep me");
    c.ok({"evidence", "get", "1", "-o", target, "--force"});
    CHECK(readText(target) == kReceipt);

    // Bytes changed behind patrol's back are not handed out as evidence.
    std::string stored;
    for (const auto& e : fs::recursive_directory_iterator(c.dir.path()))
        if (e.is_regular_file() && e.path().string().find(".evidence") != std::string::npos) stored = e.path().string();
    REQUIRE(!stored.empty());
    fs::permissions(stored, fs::perms::owner_write, fs::perm_options::add);
    c.dir.write(fs::relative(stored, c.dir.path()).string(), "tampered");
    r = c.patrol({"evidence", "get", "1", "-o", c.dir.file("copy.txt")});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 佐证材料 #1「收据.txt」的存储文件与上传时登记的 SHA-256 不符，可能已损坏，没有取出。"
                   "请用 patrol backup verify 检查备份，或从备份中恢复该文件。\n");
    std::string left;
    for (const auto& e : fs::directory_iterator(c.dir.path()))
        if (e.path().filename().string().find("copy.txt") != std::string::npos) left += e.path().filename().string();
    CHECK(left.empty());
}
