// The progress line of long commands, seen as a user sees it: patrol's stderr on a pseudo-
// terminal. The line is drawn and erased in place; once its drawings are taken out, what is left
// is exactly what the same command writes into a pipe, which shows no progress at all.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "store/raw_sqlite.hpp"
#include "workflow_cli/terminal_run.hpp"

using namespace patrol::testing;

namespace {

const std::string kData = PATROL_SOURCE_DIR "/tests/plugins/cases/four_styles_layout/data";

}  // namespace

TEST_CASE("check at a terminal shows the data read, the plugin's share done and the plugins run, and ends with the same summary") {
    County c;
    const std::vector<std::string> check = {"check", "--plugin", "four_styles", "--data", kData, "--as-of", "2026-06-30"};
    const Run piped = c.patrol(check);
    REQUIRE(piped.exitCode == 0);
    // Through a pipe: no progress, not a byte of it.
    CHECK(piped.err.find('\r') == std::string::npos);
    CHECK(piped.err.find('\x1b') == std::string::npos);
    const std::string summary = "共发现疑似问题 3 个（试运行，未记录；加 --round 记录到轮次）\n";
    REQUIRE(piped.err.size() > summary.size());
    CHECK(piped.err.substr(piped.err.size() - summary.size()) == summary);

    const Run tty = onTerminal(c.dir, withDb(check, c.patrol));
    CHECK(tty.exitCode == 0);
    CHECK(tty.out == piped.out);
    // First the bytes after the header of the folder's one file (under 1 KB), none read
    // yet, so neither a rate nor time left; then all of them.
    CHECK(tty.err.rfind("\r读取数据 0/1 KB\x1b[K\r读取数据 1/1 KB", 0) == 0);
    // Then the plugin's own share of its work, from none to all, and then the plugins run.
    const size_t started = tty.err.find("\r运行检查 0%\x1b[K");
    const size_t ended = tty.err.find("\r运行检查 100%");
    const size_t plugins = tty.err.find("\r运行检查 1/1 个插件");
    REQUIRE(started != std::string::npos);
    REQUIRE(ended != std::string::npos);
    REQUIRE(plugins != std::string::npos);
    CHECK(started < ended);
    CHECK(ended < plugins);
    // Erased before the summary, which ends the output as it ends the piped one.
    CHECK(tty.err.substr(tty.err.size() - summary.size() - 4) == "\r\x1b[K" + summary);
    CHECK(withoutProgress(tty.err) == piped.err);
}

TEST_CASE("check --isolate at a terminal shows the plugin's share done, handed on from its child process") {
    County c;
    const std::vector<std::string> check = {"check", "--plugin", "four_styles", "--data", kData, "--as-of", "2026-06-30", "--isolate"};
    const Run piped = c.patrol(check);
    REQUIRE(piped.exitCode == 0);
    const Run tty = onTerminal(c.dir, withDb(check, c.patrol));
    CHECK(tty.exitCode == 0);
    CHECK(tty.out == piped.out);
    const size_t started = tty.err.find("\r运行检查 0%\x1b[K");
    const size_t ended = tty.err.find("\r运行检查 100%");
    REQUIRE(started != std::string::npos);
    REQUIRE(ended != std::string::npos);
    CHECK(started < ended);
    CHECK(withoutProgress(tty.err) == piped.err);
}

TEST_CASE("check of all plugins at a terminal names the plugin being read and run, in turn") {
    County c;
    const std::string all = PATROL_SOURCE_DIR "/tests/plugins/cases/all_plugins/data";
    const std::vector<std::string> check = {"check", "--plugin", "all", "--data", all, "--as-of", "2026-03-31"};
    const Run piped = c.patrol(check);
    REQUIRE(piped.exitCode == 0);
    const Run tty = onTerminal(c.dir, withDb(check, c.patrol));
    CHECK(tty.exitCode == 0);
    CHECK(tty.out == piped.out);
    // The plugins in the order of their ids, each read, run and counted before the next.
    std::vector<size_t> at;
    for (const char* drawn : {"\r读取数据 business_environment 0/1 KB\x1b[K", "\r运行检查 business_environment 100%", "\r运行检查 1/2 个插件",
                              "\r读取数据 four_styles 0/1 KB\x1b[K", "\r运行检查 four_styles 100%", "\r运行检查 2/2 个插件"}) {
        at.push_back(tty.err.find(drawn));
        INFO(drawn);
        REQUIRE(at.back() != std::string::npos);
        if (at.size() > 1) CHECK(at[at.size() - 2] < at.back());
    }
    CHECK(withoutProgress(tty.err) == piped.err);
}

TEST_CASE("check --round at a terminal counts the findings recorded") {
    County c;
    c.ok({"unit", "add", "--code", "U30", "--name", "丙社区", "--kind", "community", "--parent", "UA"});
    c.ok({"round", "create", "--code", "R2", "--title", "专项巡察", "--kind", "special", "--start", "2026-03-02", "--end",
          "2026-05-29", "--plugins", "four_styles"});
    c.ok({"round", "target", "--round", "R2", "--unit", "U30"});
    c.ok({"round", "advance", "--round", "R2", "--to", "onsite", "--date", "2026-03-10"});
    const Run tty = onTerminal(c.dir, withDb({"check", "--plugin", "four_styles", "--data", kData, "--round", "R2"}, c.patrol));
    CHECK(tty.exitCode == 0);
    CHECK(tty.err.find("\r记录问题 0/3 个问题\x1b[K") != std::string::npos);
    CHECK(tty.err.find("\r记录问题 3/3 个问题") != std::string::npos);
    const std::string recorded = "\r\x1b[K已记录到轮次 R2：新增疑似问题 3 个，此前已记录 0 个\n共发现疑似问题 3 个\n";
    CHECK(tty.err.substr(tty.err.size() - recorded.size()) == recorded);

    // Again: nothing new, the findings already recorded count as done.
    const Run again = onTerminal(c.dir, withDb({"check", "--plugin", "four_styles", "--data", kData, "--round", "R2"}, c.patrol));
    CHECK(again.exitCode == 0);
    CHECK(again.err.find("\r记录问题 3/3 个问题") != std::string::npos);
    const std::string none = "\r\x1b[K已记录到轮次 R2：新增疑似问题 0 个，此前已记录 3 个\n共发现疑似问题 3 个\n";
    CHECK(again.err.substr(again.err.size() - none.size()) == none);
}

TEST_CASE("at a terminal the option --quiet shows no progress") {
    County c;
    const std::vector<std::string> check = {"check", "--plugin", "four_styles", "--data", kData, "--as-of", "2026-06-30"};
    const Run piped = c.patrol(check);
    const Run quiet = onTerminal(c.dir, withDb({"check", "--plugin", "four_styles", "--data", kData, "--as-of", "2026-06-30", "--quiet"}, c.patrol));
    CHECK(quiet.exitCode == 0);
    CHECK(quiet.err == piped.err);
    CHECK(quiet.out == piped.out);

    const Run backup = onTerminal(c.dir, withDb({"backup", c.dir.file("backup-quiet"), "--quiet"}, c.patrol));
    CHECK(backup.exitCode == 0);
    CHECK(backup.err == "");
}

TEST_CASE("backup at a terminal counts the database pages copied") {
    County c;
    const Run tty = onTerminal(c.dir, withDb({"backup", c.dir.file("backup")}, c.patrol));
    CHECK(tty.exitCode == 0);
    CHECK(tty.out.rfind("已备份数据库 ", 0) == 0);
    // A small database goes in one step of the backup API: all its pages at once.
    const std::string pages = rawScalar(c.patrol.db(), "PRAGMA page_count");
    CHECK(tty.err == "\r复制数据库 " + pages + "/" + pages + " 页\x1b[K\r\x1b[K");
    CHECK(c.patrol({"backup", "verify", c.dir.file("backup")}).exitCode == 0);
}

TEST_CASE("report ledger at a terminal counts the list rows written") {
    County c;
    const std::string file = c.dir.file("台账.xlsx");
    const Run piped = c.patrol({"report", "ledger", "-o", file, "--as-of", "2026-03-01"});
    REQUIRE(piped.exitCode == 0);
    CHECK(piped.err == "");
    const Run tty = onTerminal(c.dir, withDb({"report", "ledger", "-o", file, "--as-of", "2026-03-01"}, c.patrol));
    CHECK(tty.exitCode == 0);
    CHECK(tty.out == piped.out);
    // Two findings and no tasks yet: the rows before the first sheet, then all of them.
    CHECK(tty.err.rfind("\r生成报告 0/2 行\x1b[K\r生成报告 2/2 行", 0) == 0);
    CHECK(tty.err.substr(tty.err.size() - 4) == "\r\x1b[K");
    CHECK(withoutProgress(tty.err) == "");
}
