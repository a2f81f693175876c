// The progress line of report work, report rectification, report stats, backup verify and
// backup restore, on a pseudo-terminal: each draws its phase and counts, erases the line, and
// leaves exactly what it writes into a pipe; --quiet at a terminal draws nothing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "workflow_cli/terminal_run.hpp"

using namespace patrol::testing;

namespace {

// R1 fed back on 2026-02-12 (two tasks, one a unit), and unit A's task has one evidence file, so
// a backup holds the database and that file.
struct FedBackCounty : County {
    FedBackCounty() {
        ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
        dir.write("整改报告.txt", "整改报告");
        ok({"task", "plan", "1", "--measure", "清退超标准接待费用", "--handler", "李明", "--leader", "王强", "--date",
            "2026-02-13"},
           "甲联系人");
        ok({"task", "progress", "1", "--percent", "100", "--note", "费用已清退", "--evidence", dir.file("整改报告.txt"),
            "--date", "2026-03-01"},
           "甲联系人");
    }
};

std::vector<std::string> asUser(std::vector<std::string> args, const std::string& user) {
    args.push_back("--user");
    args.push_back(user);
    return args;
}

// Starts with `first` drawn alone, draws `last` (with or without a rate after it), and ends by
// erasing the line; nothing else is left once the drawings are taken out.
void checkOnlyProgress(const Run& tty, const std::string& first, const std::string& last) {
    CHECK(tty.err.rfind("\r" + first + "\x1b[K", 0) == 0);
    CHECK(tty.err.find("\r" + last) != std::string::npos);
    REQUIRE(tty.err.size() >= 4);
    CHECK(tty.err.substr(tty.err.size() - 4) == "\r\x1b[K");
    CHECK(withoutProgress(tty.err) == "");
}

// Writes a report through a pipe into one file, at a terminal into another and at a terminal with
// --quiet: the files are the same, neither the pipe nor --quiet shows progress, and --quiet
// prints the same summary. Returns the terminal's run.
Run reportAtTerminal(County& c, const std::function<std::vector<std::string>(const std::string&)>& report,
                     const std::string& suffix) {
    const std::string piped = c.dir.file("管道" + suffix), shown = c.dir.file("终端" + suffix);
    const Run pipedRun = c.patrol(report(piped));
    REQUIRE(pipedRun.exitCode == 0);
    CHECK(pipedRun.err == "");
    const Run tty = onTerminal(c.dir, withDb(report(shown), c.patrol));
    CHECK(tty.exitCode == 0);
    CHECK(readText(shown) == readText(piped));
    auto quietArgs = withDb(report(shown), c.patrol);
    quietArgs.push_back("--quiet");
    const Run quiet = onTerminal(c.dir, quietArgs);
    CHECK(quiet.exitCode == 0);
    CHECK(quiet.err == "");
    CHECK(quiet.out == tty.out);
    return tty;
}

}  // namespace

TEST_CASE("report stats at a terminal counts the kinds of records read and prints the same tables") {
    County c;
    const std::vector<std::string> stats = {"report", "stats", "--as-of", "2026-03-01"};
    const Run piped = c.patrol(stats);
    REQUIRE(piped.exitCode == 0);
    CHECK(piped.err == "");
    const Run tty = onTerminal(c.dir, withDb(stats, c.patrol));
    CHECK(tty.exitCode == 0);
    CHECK(tty.out == piped.out);
    // Rounds, tasks, findings and clues.
    checkOnlyProgress(tty, "读取数据 0/4 类记录", "读取数据 4/4 类记录");

    // A unit's contact does not see clues: three kinds.
    const Run unit = onTerminal(c.dir, asUser(withDb({"report", "stats", "--as-of", "2026-03-01", "--format", "json"}, c.patrol), "甲联系人"));
    CHECK(unit.exitCode == 0);
    CHECK(unit.out == c.patrol({"report", "stats", "--as-of", "2026-03-01", "--format", "json"}, "甲联系人").out);
    checkOnlyProgress(unit, "读取数据 0/3 类记录", "读取数据 3/3 类记录");

    const Run quiet = onTerminal(c.dir, withDb({"report", "stats", "--as-of", "2026-03-01", "--quiet"}, c.patrol));
    CHECK(quiet.exitCode == 0);
    CHECK(quiet.err == "");
    CHECK(quiet.out == piped.out);
}

TEST_CASE("report work at a terminal counts the kinds of records read and writes the same report") {
    County c;
    const Run tty = reportAtTerminal(c, [](const std::string& file) {
        return std::vector<std::string>{"report", "work", "--from", "2026-01-01", "--to", "2026-12-31", "-o", file};
    }, "汇报.md");
    CHECK(tty.out == "已写入工作汇报 " + c.dir.file("终端汇报.md") +
                         "：1 轮巡察，发现问题 2 个，移交问题线索 0 件（2026-01-01 至 2026-12-31）。\n");
    checkOnlyProgress(tty, "读取数据 0/4 类记录", "读取数据 4/4 类记录");
}

TEST_CASE("report rectification at a terminal counts the unit's tasks read") {
    FedBackCounty c;
    const Run tty = reportAtTerminal(c, [](const std::string& file) {
        return std::vector<std::string>{"report", "rectification", "--round", "R1", "--unit", "UA", "--as-of", "2026-03-02", "-o", file};
    }, "整改.md");
    CHECK(tty.out == "已写入整改情况报告 " + c.dir.file("终端整改.md") + "：甲镇，反馈问题 1 个（报送期限 2026-04-13）。\n");
    checkOnlyProgress(tty, "读取数据 0/1 个任务", "读取数据 1/1 个任务");
}

TEST_CASE("backup verify and restore at a terminal count the files checked and restored") {
    FedBackCounty c;
    const std::string backup = c.dir.file("backup");
    c.ok({"backup", backup});
    const Run piped = c.patrol.raw({"backup", "verify", backup});
    REQUIRE(piped.exitCode == 0);
    CHECK(piped.err == "");

    // The database and one evidence file, then the database's four checks.
    const Run tty = onTerminal(c.dir, {"backup", "verify", backup});
    CHECK(tty.exitCode == 0);
    CHECK(tty.out == piped.out);
    CHECK(tty.err.find("\r核验 2/2 个文件") != std::string::npos);
    CHECK(tty.err.find("\r检查数据库 0/4 项\x1b[K") != std::string::npos);
    checkOnlyProgress(tty, "核验 0/2 个文件", "检查数据库 4/4 项");

    const Run quiet = onTerminal(c.dir, {"backup", "verify", backup, "--quiet"});
    CHECK(quiet.exitCode == 0);
    CHECK(quiet.err == "");
    CHECK(quiet.out == piped.out);

    // Restore checks the backup as verify does, then puts back the database and the file.
    std::filesystem::create_directory(c.dir.file("restored"));
    const std::string target = c.dir.file("restored/county.db");
    const Run restored = onTerminal(c.dir, {"backup", "restore", backup, "--db", target});
    CHECK(restored.exitCode == 0);
    CHECK(restored.out == "已从备份 " + backup + " 恢复数据库 " + target + "，佐证材料 1 个文件在 " +
                              c.dir.file("restored/county.evidence") + "。\n可用 patrol audit verify --db " + target +
                              " 核验审计日志。\n");
    CHECK(restored.err.find("\r检查数据库 4/4 项") != std::string::npos);
    CHECK(restored.err.find("\r恢复数据 0/2 个文件\x1b[K") != std::string::npos);
    checkOnlyProgress(restored, "核验 0/2 个文件", "恢复数据 2/2 个文件");

    const std::string quietTarget = c.dir.file("restored/quiet.db");
    const Run quietRestore = onTerminal(c.dir, {"backup", "restore", backup, "--db", quietTarget, "--quiet"});
    CHECK(quietRestore.exitCode == 0);
    CHECK(quietRestore.err == "");
    CHECK(quietRestore.out.rfind("已从备份 " + backup + " 恢复数据库 " + quietTarget + "，佐证材料 1 个文件在 ", 0) == 0);
}
