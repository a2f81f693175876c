// `patrol round ...` end to end: creation, targets, team with conflicts of interest, stages.
#include <catch2/catch.hpp>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

// Two units, two inspectors (one linked to 石桥镇) and one planned round.
void smallCounty(const Patrol& patrol) {
    REQUIRE(patrol({"init"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX", "--name", "清溪县", "--kind", "other"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX-HT", "--name", "河塘镇", "--kind", "township", "--parent", "QX"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX-SQ", "--name", "石桥镇", "--kind", "township", "--parent", "QX"}).exitCode == 0);
    REQUIRE(patrol({"user", "add", "--name", "张丽", "--role", "inspector"}).exitCode == 0);
    REQUIRE(patrol({"user", "add", "--name", "陈志强", "--role", "inspector", "--conflict", "QX-SQ"}).exitCode == 0);
    REQUIRE(patrol({"round", "create", "--code", "2026-R2", "--title", "十五届县委第二轮巡察", "--kind", "regular", "--start",
                    "2026-09-07", "--end", "2026-11-27", "--term", "十五届", "--plugins", "four_styles,business_environment"})
                .exitCode == 0);
}

std::string stage(const Patrol& patrol) { return rawScalar(patrol.db(), "SELECT stage FROM rounds WHERE code = '2026-R2'"); }

}  // namespace

TEST_CASE("a round is created, listed and shown") {
    ScratchDir dir;
    Patrol patrol(dir);
    smallCounty(patrol);
    auto run = patrol({"round", "list", "--format", "json"});
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("{\"code\":\"2026-R2\",\"title\":\"十五届县委第二轮巡察\",\"kind\":\"regular\",\"term\":\"十五届\","
                       "\"stage\":\"planned\",\"stage_name\":\"准备\",\"start\":\"2026-09-07\",\"end\":\"2026-11-27\","
                       "\"plugins\":[\"business_environment\",\"four_styles\"],\"lookback_of\":null}") != std::string::npos);
    run = patrol({"round", "show", "2026-R2", "--format", "json"});
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("\"stage_dates\":{\"planned\":\"2026-09-07\"}") != std::string::npos);
}

TEST_CASE("bad round input is refused with exit 2 and nothing stored") {
    ScratchDir dir;
    Patrol patrol(dir);
    smallCounty(patrol);
    auto run = patrol({"round", "create", "--code", "2026-R3", "--title", "第三轮", "--kind", "regular", "--start",
                       "2026-02-30", "--end", "2026-03-30"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 开始日期（--start）「2026-02-30」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。\n");

    run = patrol({"round", "create", "--code", "2026-R3", "--title", "第三轮", "--kind", "routine", "--start", "2026-03-01",
                  "--end", "2026-03-30"});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("错误: 未知的巡察类型「routine」：应为 regular（常规巡察）") == 0);

    run = patrol({"round", "create", "--code", "2026-R2", "--title", "重复", "--kind", "regular", "--start", "2026-03-01",
                  "--end", "2026-03-30"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 轮次编码「2026-R2」已存在（十五届县委第二轮巡察）。请换一个编码。\n");

    run = patrol({"round", "create", "--code", "2027-R1", "--title", "回头看", "--kind", "lookback", "--start", "2027-03-01",
                  "--end", "2027-03-30", "--lookback-of", "2020-R9"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 巡察轮次「2020-R9」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。\n");

    run = patrol({"round", "target", "--round", "2026-R9", "--unit", "QX-HT"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 巡察轮次「2026-R9」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。\n");

    run = patrol({"round", "target", "--round", "2026-R2", "--unit", "QX-HT", "QX-XX"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 单位「QX-XX」不存在。请检查单位编码（可用 patrol unit list 查看所有单位）。\n");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM round_targets") == "0");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM rounds") == "1");
}

TEST_CASE("a member with a declared conflict cannot join a round targeting that unit") {
    ScratchDir dir;
    Patrol patrol(dir);
    smallCounty(patrol);
    auto run = patrol({"round", "target", "--round", "2026-R2", "--unit", "QX-HT", "QX-SQ"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已把 2 个单位列为巡察轮次 2026-R2 的巡察对象：河塘镇(QX-HT)、石桥镇(QX-SQ)\n");

    run = patrol({"round", "team", "--round", "2026-R2", "--user", "张丽", "陈志强"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「陈志强」已申报与「石桥镇」(QX-SQ)存在利害关系，需回避，不能编入巡察轮次 2026-R2 的巡察组"
                     "（该单位是本轮巡察对象）。请另选成员。\n");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM round_team") == "0");

    run = patrol({"round", "team", "--round", "2026-R2", "--user", "张丽"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "巡察轮次 2026-R2 的巡察组：张丽\n");
}

TEST_CASE("a target a team member has a conflict with is refused") {
    ScratchDir dir;
    Patrol patrol(dir);
    smallCounty(patrol);
    REQUIRE(patrol({"round", "team", "--round", "2026-R2", "--user", "张丽", "--leader", "陈志强"}).exitCode == 0);
    const auto run = patrol({"round", "target", "--round", "2026-R2", "--unit", "QX-HT", "QX-SQ"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 不能把「石桥镇」(QX-SQ)列为巡察轮次 2026-R2 的巡察对象：巡察组成员「陈志强」已申报与该单位存在利害关系，"
                     "需回避。请先调整巡察组，或选择其他单位。\n");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM round_targets") == "0");
}

TEST_CASE("stages move forward one at a time, other moves are refused with both stages named") {
    ScratchDir dir;
    Patrol patrol(dir);
    smallCounty(patrol);
    auto run = patrol({"round", "advance", "--round", "2026-R2", "--to", "reported", "--date", "2026-09-08"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 巡察阶段须逐级推进：当前为「准备」(planned)，不能直接推进到「报告」(reported)；请先推进到「进驻」(onsite)。\n");

    run = patrol({"round", "advance", "--round", "2026-R2", "--to", "onsite", "--date", "2026-09-07"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "巡察轮次 2026-R2 已从「准备」推进到「进驻」（2026-09-07）\n");

    run = patrol({"round", "advance", "--round", "2026-R2", "--to", "planned"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 巡察阶段只能向前推进：当前为「进驻」(onsite)，不能退回到「准备」(planned)；下一阶段是「报告」(reported)。\n");

    run = patrol({"round", "advance", "--round", "2026-R2", "--to", "reported", "--date", "2026-09-01"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 进入「报告」阶段日期 2026-09-01 早于进入「进驻」阶段日期 2026-09-07：进入「报告」阶段不能早于进入「进驻」阶段。"
                    "请填写 2026-09-07 或之后的日期。\n");

    run = patrol({"round", "advance", "--round", "2026-R2", "--to", "report"});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("错误: 未知的巡察阶段「report」") == 0);
    CHECK(stage(patrol) == "onsite");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM audit_events WHERE action = 'round.advance'") == "1");
}

TEST_CASE("feeding back moves confirmed findings to fed_back and refuses while suspected ones remain") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    REQUIRE(patrol({"round", "advance", "--round", "2026-R2", "--to", "reported", "--date", "2026-11-20"}).exitCode == 0);
    auto run = patrol({"round", "advance", "--round", "2026-R2", "--to", "fed_back", "--date", "2026-12-01"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 巡察轮次 2026-R2 还有 1 条疑似问题未确认或排除（#9）。请先逐条确认或排除，再进入反馈阶段。\n");
    CHECK(stage(patrol) == "reported");

    REQUIRE(patrol({"finding", "confirm", "9"}).exitCode == 0);
    run = patrol({"round", "advance", "--round", "2026-R2", "--to", "fed_back", "--date", "2026-12-01"});
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("巡察轮次 2026-R2 已从「报告」推进到「反馈」（2026-12-01）\n") == 0);
    CHECK(rawScalar(patrol.db(), "SELECT group_concat(s) FROM (SELECT id || ':' || status AS s FROM findings WHERE round_id = "
                                 "(SELECT id FROM rounds WHERE code = '2026-R2') ORDER BY id)") ==
          "5:fed_back,6:fed_back,7:fed_back,8:dismissed,9:fed_back");
}
