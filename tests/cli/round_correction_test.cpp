// `patrol round edit` and removing targets or team members (`round target|team --remove`), end to end.
#include <catch2/catch.hpp>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

// Three units, three inspectors and round 2026-R2 (planned, 2026-09-07 to 2026-11-27) targeting
// 河塘镇 and 石桥镇, with 张丽 as leader and 刘芳, 陈志强 as members.
void county(const Patrol& patrol) {
    REQUIRE(patrol({"unit", "add", "--code", "QX-HT", "--name", "河塘镇", "--kind", "township"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX-SQ", "--name", "石桥镇", "--kind", "township"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX-YS", "--name", "云山乡", "--kind", "township"}).exitCode == 0);
    for (const char* name : {"张丽", "刘芳", "陈志强"})
        REQUIRE(patrol({"user", "add", "--name", name, "--role", "inspector"}).exitCode == 0);
    REQUIRE(patrol({"round", "create", "--code", "2026-R2", "--title", "十五届县委第二轮巡查", "--kind", "regular", "--start",
                    "2026-09-07", "--end", "2026-11-27"})
                .exitCode == 0);
    REQUIRE(patrol({"round", "target", "--round", "2026-R2", "--unit", "QX-HT", "QX-SQ"}).exitCode == 0);
    REQUIRE(patrol({"round", "team", "--round", "2026-R2", "--member", "刘芳", "陈志强", "--leader", "张丽"}).exitCode == 0);
}

std::string roundRow(const Patrol& patrol) {
    return rawScalar(patrol.db(), "SELECT title || '|' || start_date || '|' || end_date || '|' || stage || '|' || "
                                  "(SELECT group_concat(s) FROM (SELECT stage || '=' || entered_on AS s FROM round_stage_dates d "
                                  "WHERE d.round_id = r.id ORDER BY entered_on)) "
                                  "FROM rounds r WHERE code = '2026-R2'");
}

std::string targets(const Patrol& patrol) {
    return rawScalar(patrol.db(), "SELECT group_concat(code) FROM (SELECT u.code FROM round_targets t JOIN units u ON u.id = t.unit_id "
                                  "ORDER BY u.code)");
}

std::string team(const Patrol& patrol) {
    return rawScalar(patrol.db(), "SELECT group_concat(m) FROM (SELECT u.name || ':' || t.is_leader AS m FROM round_team t "
                                  "JOIN users u ON u.id = t.user_id ORDER BY u.id)");
}

std::string events(const Patrol& patrol) { return rawScalar(patrol.db(), "SELECT count(*) FROM audit_events"); }

}  // namespace

TEST_CASE("round edit corrects the title and planned dates, audited with the whole round before and after", "[cli][round]") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    county(patrol);
    auto run = patrol({"round", "edit", "2026-R2", "--title", "十五届县委第二轮巡察", "--start", "2026-09-14", "--end", "2026-12-04"});
    CHECK(run.exitCode == 0);
    CHECK(run.err.empty());
    CHECK(run.out == "已修改巡察轮次 2026-R2：名称 十五届县委第二轮巡查 → 十五届县委第二轮巡察；开始日期 2026-09-07 → 2026-09-14；"
                     "结束日期 2026-11-27 → 2026-12-04\n");
    // The planned stage is entered on the start date, so it moves with it.
    CHECK(roundRow(patrol) == "十五届县委第二轮巡察|2026-09-14|2026-12-04|planned|planned=2026-09-14");
    CHECK(rawScalar(patrol.db(), "SELECT before_json || '|' || json_remove(after_json, '$.rows') FROM audit_events WHERE action = 'round.edit'") ==
          "{\"code\":\"2026-R2\",\"title\":\"十五届县委第二轮巡查\",\"kind\":\"regular\",\"term\":null,\"stage\":\"planned\","
          "\"start\":\"2026-09-07\",\"end\":\"2026-11-27\",\"lookback_of\":null,\"plugins\":[]}|"
          "{\"code\":\"2026-R2\",\"title\":\"十五届县委第二轮巡察\",\"kind\":\"regular\",\"term\":null,\"stage\":\"planned\","
          "\"start\":\"2026-09-14\",\"end\":\"2026-12-04\",\"lookback_of\":null,\"plugins\":[]}");

    const std::string count = events(patrol);
    run = patrol({"round", "edit", "2026-R2", "--end", "2026-12-04"});
    CHECK(run.out == "巡察轮次 2026-R2 没有改动：给出的内容与现有记录相同\n");
    CHECK(events(patrol) == count);

    // On site, the end may still move; the start may not pass the day the team went in.
    REQUIRE(patrol({"round", "advance", "--round", "2026-R2", "--to", "onsite", "--date", "2026-09-15"}).exitCode == 0);
    run = patrol({"round", "edit", "2026-R2", "--end", "2026-12-11"});
    CHECK(run.out == "已修改巡察轮次 2026-R2：结束日期 2026-12-04 → 2026-12-11\n");
    run = patrol({"round", "edit", "2026-R2", "--start", "2026-09-16"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 开始日期 2026-09-16 晚于该轮进入「进驻」(onsite)阶段的日期 2026-09-15：开始日期是计划进驻的日期，"
                     "不能晚于已记录的阶段。请检查日期。\n");
    CHECK(roundRow(patrol) == "十五届县委第二轮巡察|2026-09-14|2026-12-11|onsite|planned=2026-09-14,onsite=2026-09-15");
    CHECK(patrol({"audit", "verify"}).exitCode == 0);
}

TEST_CASE("round edit refuses bad dates, a closed round and a non-admin, and changes nothing", "[cli][round]") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    county(patrol);
    REQUIRE(patrol({"round", "create", "--code", "2027-R1", "--title", "回头看", "--kind", "lookback", "--start", "2027-03-01",
                    "--end", "2027-04-30", "--lookback-of", "2026-R2"})
                .exitCode == 0);
    const std::string row = roundRow(patrol);
    const std::string count = events(patrol);

    auto run = patrol({"round", "edit", "2026-R2", "--end", "2026-09-01"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 结束日期 2026-09-01 早于开始日期 2026-09-07。请检查两个日期。\n");

    run = patrol({"round", "edit", "2026-R2", "--start", "2026-09-31"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 开始日期（--start）「2026-09-31」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。\n");

    run = patrol({"round", "edit", "2026-R2", "--start", "2027-03-01", "--end", "2027-05-01"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 回头看轮次 2027-R1（开始于 2027-03-01）回看的是本轮，本轮须开始得比它早，而新的开始日期是 2027-03-01。"
                     "请检查日期。\n");

    run = patrol({"round", "edit", "2027-R1", "--start", "2026-09-07"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 所回看的轮次 2026-R2 开始于 2026-09-07，不早于新的开始日期 2026-09-07：回头看只能针对更早的轮次。\n");

    run = patrol({"round", "edit", "2026-R2", "--title", "第二轮"}, "张丽");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「张丽」（巡察组成员）无权修改巡察轮次：只有巡察办管理员（admin）可以这样做。\n");

    run = patrol({"round", "edit", "2026-R9", "--title", "第二轮"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 巡察轮次「2026-R9」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。\n");

    run = patrol({"round", "edit", "2026-R2"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 请至少指定一项要修改的内容：--title、--start 或 --end。\n");
    CHECK(roundRow(patrol) == row);
    CHECK(events(patrol) == count);

    // A closed round is the record of what was done.
    const char* stages[][2] = {{"onsite", "2026-09-07"}, {"reported", "2026-10-09"}, {"fed_back", "2026-10-16"},
                               {"rectifying", "2026-10-20"}, {"closed", "2026-11-30"}};
    for (const auto& [stage, date] : stages)
        REQUIRE(patrol({"round", "advance", "--round", "2026-R2", "--to", stage, "--date", date}).exitCode == 0);
    const std::string closedRow = roundRow(patrol);
    run = patrol({"round", "edit", "2026-R2", "--title", "第二轮"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 巡察轮次 2026-R2 已处于「评估销号」(closed)阶段，不能再修改名称和日期：已结束的轮次保持原样。\n");
    CHECK(roundRow(patrol) == closedRow);
}

TEST_CASE("a target without findings can be removed while targets may be added, one with findings stays", "[cli][round]") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    county(patrol);
    for (const char* title : {"公务接待超标准", "公车私用"})
        REQUIRE(patrol({"finding", "add", "--round", "2026-R2", "--unit", "QX-SQ", "--category", "四风", "--title", title}).exitCode ==
                0);
    const std::string count = events(patrol);

    auto run = patrol({"round", "target", "--round", "2026-R2", "--remove", "QX-SQ"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 不能把「石桥镇」(QX-SQ)移出巡察轮次 2026-R2 的巡察对象：本轮已为该单位记录了 2 条问题（含已排除的）。"
                     "问题记录不会删除，有问题记录的单位须保留为巡察对象。\n");
    // All or none: 河塘镇 stays too.
    run = patrol({"round", "target", "--round", "2026-R2", "--remove", "QX-HT", "QX-SQ"});
    CHECK(run.exitCode == 2);
    run = patrol({"round", "target", "--round", "2026-R2", "--remove", "QX-YS"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 「云山乡」(QX-YS)不是巡察轮次 2026-R2 的巡察对象，无需移出。请检查单位编码（可用 patrol round show 2026-R2 "
                     "查看巡察对象）。\n");
    run = patrol({"round", "target", "--round", "2026-R2", "--remove", "QX-HT", "--unit", "QX-YS"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: --remove 不能与 --unit 同时使用：请分两条命令，一条增加巡察对象，一条移出。\n");
    run = patrol({"round", "target", "--round", "2026-R2", "--remove", "QX-HT"}, "张丽");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「张丽」（巡察组成员）无权调整巡察对象：只有巡察办管理员（admin）可以这样做。\n");
    CHECK(targets(patrol) == "QX-HT,QX-SQ");
    CHECK(events(patrol) == count);

    run = patrol({"round", "target", "--round", "2026-R2", "--remove", "QX-HT"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已把 1 个单位移出巡察轮次 2026-R2 的巡察对象：河塘镇(QX-HT)\n");
    CHECK(targets(patrol) == "QX-SQ");
    CHECK(rawScalar(patrol.db(), "SELECT entity || '|' || entity_id || '|' || before_json || '|' || ifnull(after_json, 'null') "
                                 "FROM audit_events WHERE action = 'round.target.remove'") ==
          "round|2026-R2|{\"unit\":\"QX-HT\"}|null");

    // Once the report is written, targets are settled.
    REQUIRE(patrol({"round", "target", "--round", "2026-R2", "--unit", "QX-YS"}).exitCode == 0);
    REQUIRE(patrol({"round", "advance", "--round", "2026-R2", "--to", "onsite", "--date", "2026-09-07"}).exitCode == 0);
    REQUIRE(patrol({"round", "advance", "--round", "2026-R2", "--to", "reported", "--date", "2026-10-09"}).exitCode == 0);
    run = patrol({"round", "target", "--round", "2026-R2", "--remove", "QX-YS"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 巡察轮次 2026-R2 已处于「报告」(reported)阶段，不能再移出巡察对象：只有「准备」和「进驻」阶段可以调整。\n");
    CHECK(targets(patrol) == "QX-SQ,QX-YS");
}

TEST_CASE("team members can be removed, the leader only with the whole team", "[cli][round]") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    county(patrol);
    const std::string count = events(patrol);

    auto run = patrol({"round", "team", "--round", "2026-R2", "--remove", "张丽"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 不能移出组长「张丽」：移出后巡察轮次 2026-R2 的巡察组将没有组长。请先指定新的组长（patrol round team "
                     "--round 2026-R2 --leader 姓名），再移出。\n");
    run = patrol({"round", "team", "--round", "2026-R2", "--remove", "刘芳", "王五"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 「王五」不是巡察轮次 2026-R2 的巡察组成员，无需移出。请检查姓名（可用 patrol round show 2026-R2 查看巡察组）。\n");
    run = patrol({"round", "team", "--round", "2026-R2", "--remove", "刘芳", "--leader", "陈志强"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: --remove 不能与 --user、--member 或 --leader 同时使用：请分两条命令，先增加成员或指定组长，再移出。\n");
    CHECK(team(patrol) == "张丽:1,刘芳:0,陈志强:0");
    CHECK(events(patrol) == count);

    run = patrol({"round", "team", "--round", "2026-R2", "--remove", "刘芳"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "巡察轮次 2026-R2 的巡察组：张丽（组长）、陈志强\n");
    CHECK(rawScalar(patrol.db(), "SELECT before_json || '|' || ifnull(after_json, 'null') FROM audit_events WHERE action = "
                                 "'round.team.remove'") == "{\"user\":\"刘芳\",\"is_leader\":false}|null");

    // A new leader first, then the old one may go.
    REQUIRE(patrol({"round", "team", "--round", "2026-R2", "--leader", "陈志强"}).exitCode == 0);
    run = patrol({"round", "team", "--round", "2026-R2", "--remove", "张丽"});
    CHECK(run.out == "巡察轮次 2026-R2 的巡察组：陈志强（组长）\n");
    // The whole team may go together, leader included.
    run = patrol({"round", "team", "--round", "2026-R2", "--remove", "陈志强"});
    CHECK(run.out == "巡察轮次 2026-R2 的巡察组：（无成员）\n");
    CHECK(team(patrol).empty());

    // Once the report is written, the team is settled.
    REQUIRE(patrol({"round", "team", "--round", "2026-R2", "--member", "刘芳"}).exitCode == 0);
    REQUIRE(patrol({"round", "advance", "--round", "2026-R2", "--to", "onsite", "--date", "2026-09-07"}).exitCode == 0);
    REQUIRE(patrol({"round", "advance", "--round", "2026-R2", "--to", "reported", "--date", "2026-10-09"}).exitCode == 0);
    run = patrol({"round", "team", "--round", "2026-R2", "--remove", "刘芳"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 巡察轮次 2026-R2 已处于「报告」(reported)阶段，不能再调整巡察组：只有「准备」和「进驻」阶段可以调整。\n");
    CHECK(team(patrol) == "刘芳:0");
    CHECK(patrol({"audit", "verify"}).exitCode == 0);
}
