// A repeatable option (--evidence a.pdf b.pdf) reads the words after it up to the next option,
// but gives back the argument the command needs when it is not given elsewhere.
#include <catch2/catch.hpp>

#include "county.hpp"

using patrol::testing::County;
using patrol::testing::Run;

namespace {

std::string movedTo(const std::string& percent, int files) {
    return "整改任务 #1 已报告进展（" + percent + "%，佐证材料 " + std::to_string(files) +
           " 份）：状态 「整改中」(in_progress)，期限 2026-03-14，预警 「无」(none)。\n";
}

}  // namespace

TEST_CASE("task progress takes its ID from the end of the evidence list, or wherever it stands", "[workflow_cli][cli][parser]") {
    County c;
    c.ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
    c.ok({"task", "plan", "1", "--measure", "清退", "--handler", "李明", "--leader", "王强", "--date", "2026-02-20"}, "甲联系人");
    const std::string a = c.dir.write("a.pdf", "收据甲"), b = c.dir.write("b.pdf", "收据乙");
    auto progress = [&](std::vector<std::string> words) { return c.patrol(words, "甲联系人"); };

    Run r = progress({"task", "progress", "--evidence", a, "1", "--percent", "10", "--note", "n", "--date", "2026-03-01"});
    CHECK(r.err.empty());
    CHECK(r.exitCode == 0);
    CHECK(r.out == movedTo("10", 1));
    r = progress({"task", "progress", "--evidence", a, b, "1", "--percent", "20", "--note", "n", "--date", "2026-03-02"});
    CHECK(r.out == movedTo("20", 2));
    r = progress({"task", "progress", "--evidence=" + a, "1", "--percent", "30", "--note", "n", "--date", "2026-03-03"});
    CHECK(r.out == movedTo("30", 1));
    // After -- every word is an argument (global options go first here, so -- really ends the line).
    r = c.patrol.raw({"--db", c.patrol.db(), "--user", "甲联系人", "task", "progress", "--percent", "40", "--note", "n",
                      "--date", "2026-03-04", "--evidence", a, b, "--", "1"});
    CHECK(r.out == movedTo("40", 2));
    r = progress({"task", "progress", "1", "--evidence", a, b, "--percent", "50", "--note", "n", "--date", "2026-03-05"});
    CHECK(r.out == movedTo("50", 2));
    r = progress({"task", "progress", "--evidence", a, "--evidence", b, "1", "--percent", "60", "--note", "n", "--date", "2026-03-06"});
    CHECK(r.out == movedTo("60", 2));

    // The first value after the option is always its own: with nothing left over, the ID is missing.
    r = progress({"task", "progress", "--evidence", a, "--percent", "70", "--note", "n"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: patrol task progress 需要参数 ID。请用 --help 查看用法。\n");

    // Every file above was stored with the report it came with, and nothing else was.
    r = c.ok({"task", "show", "1"});
    CHECK(r.out.find("进展报告（6）:\n"
                     "  2026-03-01  甲联系人  10%  n\n"
                     "  2026-03-02  甲联系人  20%  n\n"
                     "  2026-03-03  甲联系人  30%  n\n"
                     "  2026-03-04  甲联系人  40%  n\n"
                     "  2026-03-05  甲联系人  50%  n\n"
                     "  2026-03-06  甲联系人  60%  n\n"
                     "佐证材料（10）:\n") != std::string::npos);
    size_t aCount = 0, bCount = 0;
    for (size_t at = r.out.find("  a.pdf  "); at != std::string::npos; at = r.out.find("  a.pdf  ", at + 1)) ++aCount;
    for (size_t at = r.out.find("  b.pdf  "); at != std::string::npos; at = r.out.find("  b.pdf  ", at + 1)) ++bCount;
    CHECK(aCount == 6);
    CHECK(bCount == 4);
}

TEST_CASE("a repeatable option of a command without arguments takes every word up to the next option", "[workflow_cli][cli][parser]") {
    County c;
    c.ok({"unit", "add", "--code", "UC", "--name", "丙村", "--kind", "village"});
    c.ok({"unit", "add", "--code", "UD", "--name", "丁村", "--kind", "village"});
    c.ok({"round", "create", "--code", "R2", "--title", "第二轮", "--kind", "regular", "--start", "2026-04-01", "--end", "2026-06-30"});
    Run r = c.ok({"round", "target", "--round", "R2", "--unit", "UA", "UC", "UD"});
    CHECK(r.out == "已把 3 个单位列为巡察轮次 R2 的巡察对象：甲镇(UA)、丙村(UC)、丁村(UD)\n");
    r = c.patrol({"round", "target", "--unit", "UB", "UC", "--round", "R2", "extra"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: patrol round target 不认识多余的参数 \"extra\"。请用 --help 查看用法。\n");
}
