// What the command line itself does before any command runs: unknown words, --version, help.
#include <catch2/catch.hpp>

#include "cli/run_patrol.hpp"

using namespace patrol::testing;

TEST_CASE("a command that does not exist is refused with exit code 2, also when help is asked for", "[cli][command_line]") {
    ScratchDir dir;
    Patrol patrol(dir);
    for (const std::vector<std::string>& words : {std::vector<std::string>{"foo", "--help"}, {"foo"}, {"foo", "-h"}, {"help", "foo"}}) {
        const Run r = patrol.raw(words);
        INFO(words.front() << " " << words.back());
        CHECK(r.exitCode == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "错误: 未知命令 foo。请用 patrol --help 查看所有命令。\n");
    }
    Run r = patrol.raw({"unit", "foo", "--help"});
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "错误: 未知命令 unit foo。请用 patrol unit --help 查看 unit 的子命令。\n");

    // Help for what exists still works and exits 0.
    r = patrol.raw({"unit", "--help"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.rfind("用法: patrol unit <命令> [选项]\n", 0) == 0);
    r = patrol.raw({"--help"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("\npatrol --version 显示版本号。\n") != std::string::npos);
}

TEST_CASE("patrol --version prints what patrol version prints", "[cli][command_line]") {
    ScratchDir dir;
    Patrol patrol(dir);
    const Run version = patrol.raw({"version"});
    REQUIRE(version.exitCode == 0);
    CHECK(version.out.rfind("patrol ", 0) == 0);
    CHECK(version.out.find("（插件 ABI ") != std::string::npos);
    for (const std::vector<std::string>& words : {std::vector<std::string>{"--version"}, {"--db", dir.file("x.db"), "--version"}}) {
        const Run r = patrol.raw(words);
        CHECK(r.exitCode == 0);
        CHECK(r.out == version.out);
        CHECK(r.err.empty());
    }
}

TEST_CASE("help explains how a repeatable option reads the words after it", "[cli][command_line]") {
    ScratchDir dir;
    Patrol patrol(dir);
    Run r = patrol.raw({"task", "progress", "--help"});
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("  --evidence FILE ...        佐证材料文件（可多次给出）\n") != std::string::npos);
    CHECK(r.out.find("  --date YYYY-MM-DD          报告日期（默认今天，不能晚于今天）\n"
                     "\n标有 ... 的选项可以给多次，每次也可跟多个值，直到下一个选项为止；写成 --evidence=值 时只取这一个值。\n"
                     "参数 ID 没有另外给出时，取这些值中的最后一个词；-- 之后的词都是参数。\n") != std::string::npos);
    // A command without arguments has nothing to give back.
    r = patrol.raw({"round", "target", "--help"});
    CHECK(r.out.find("\n标有 ... 的选项可以给多次，每次也可跟多个值，直到下一个选项为止；写成 --unit=值 时只取这一个值。\n\n") !=
          std::string::npos);
    CHECK(r.out.find("参数") == std::string::npos);
}

TEST_CASE("a --format word a command does not list is refused, by show commands too", "[cli][command_line]") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    Run r = patrol({"task", "show", "1", "--format", "xml"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: --format 应为 table 或 json 之一，收到的是 \"xml\"。\n");
    r = patrol({"calendar", "is-workday", "2026-10-10", "--format=yaml"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: --format 应为 text 或 json 之一，收到的是 \"yaml\"。\n");
    r = patrol({"unit", "list", "--format", "csv"});
    CHECK(r.exitCode == 0);
}
