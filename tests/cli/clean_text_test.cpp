// Names, titles and notes are kept and shown again (terminals, JSON, pages, spreadsheets):
// broken UTF-8, control characters, line breaks in a name and text past its length are
// refused with exit 2, and nothing is stored.
#include <catch2/catch.hpp>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

std::string repeated(const std::string& piece, int times) {
    std::string text;
    for (int i = 0; i < times; ++i) text += piece;
    return text;
}

}  // namespace

TEST_CASE("a unit name with control characters, broken UTF-8, a line break or past 200 characters is refused") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    auto add = [&](const std::string& name) { return patrol({"unit", "add", "--code", "QX-SQ", "--name", name, "--kind", "township"}); };

    auto run = add("石桥\x01镇");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 单位名称（--name）含有控制字符（如 \\u0000、\\u001b 这类不可见字符）：请删除后重试。\n");
    run = add("石桥\xff\xfe镇");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 单位名称（--name）不是有效的 UTF-8 文本：请用 UTF-8 编码重新填写。\n");
    run = add("石桥\n镇");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 单位名称（--name）不能换行：请写成一行。\n");
    run = add(repeated("镇", 201));
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 单位名称（--name）太长：最多 200 个字，收到 201 个字。\n");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM units") == "0");

    run = add(repeated("镇", 200));
    CHECK(run.exitCode == 0);
    CHECK(rawScalar(patrol.db(), "SELECT length(name) FROM units WHERE code = 'QX-SQ'") == "200");
}

TEST_CASE("a finding's detail may span lines but not carry control characters or run past 10000 characters") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    const std::string before = rawScalar(patrol.db(), "SELECT count(*) FROM findings");
    auto add = [&](const std::string& title, const std::string& detail) {
        return patrol({"finding", "add", "--round", "2026-R2", "--unit", "QX-SQ", "--category", "违反中央八项规定精神", "--title", title,
                       "--detail", detail});
    };
    auto run = add("违规发放津补贴", "第一段\x1b[31m");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 问题详情（--detail）含有控制字符（如 \\u0000、\\u001b 这类不可见字符）：请删除后重试。\n");
    run = add("违规发放津补贴", repeated("字", 10001));
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 问题详情（--detail）太长：最多 10000 个字，收到 10001 个字。\n");
    run = add("违规发放\n津补贴", "");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 问题标题（--title）不能换行：请写成一行。\n");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM findings") == before);

    run = add("违规发放津补贴", "第一段\n\t第二段");
    CHECK(run.exitCode == 0);
}
