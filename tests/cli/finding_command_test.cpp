// `patrol finding ...` end to end, on the demo county.
#include <catch2/catch.hpp>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

std::string status(const Patrol& patrol, int id) {
    return rawScalar(patrol.db(), "SELECT status FROM findings WHERE id = " + std::to_string(id));
}

}  // namespace

TEST_CASE("a manual finding starts confirmed and is shown") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    auto run = patrol({"finding", "add", "--round", "2026-R2", "--unit", "QX-SQ", "--category", "违反中央八项规定精神",
                       "--title", "违规发放津补贴", "--amount", "12600.5", "--severity", "high", "--people", "3"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已记录问题 #10（已确认）：石桥镇 违规发放津补贴\n");
    run = patrol({"finding", "show", "10", "--format", "json"});
    CHECK(run.out.find("{\"id\":10,\"round\":\"2026-R2\",\"unit\":\"QX-SQ\",\"unit_name\":\"石桥镇\","
                       "\"category\":\"违反中央八项规定精神\",\"title\":\"违规发放津补贴\",\"detail\":\"\",\"severity\":\"high\","
                       "\"amount\":12600.50,\"people_count\":3,") == 0);
    run = patrol({"finding", "list", "--round", "2026-R2", "--status", "confirmed", "--format", "csv"});
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("10,2026-R2,QX-SQ,石桥镇,违反中央八项规定精神,违规发放津补贴,high,12600.50,confirmed,已确认,manual,false") !=
          std::string::npos);
}

TEST_CASE("bad finding input is refused with exit 2 and nothing stored") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    const auto base = std::vector<std::string>{"finding", "add", "--category", "营商环境", "--title", "某问题"};
    auto with = [&](std::vector<std::string> extra) {
        auto args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return patrol(args);
    };
    auto run = with({"--round", "2026-R2", "--unit", "QX-HT"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 单位「河塘镇」(QX-HT) 不是巡察轮次 2026-R2 的巡察对象。请先把它列为巡察对象，或检查单位编码。\n");
    run = with({"--round", "2026-R1", "--unit", "QX-HT"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 巡察轮次 2026-R1 已处于「整改」(rectifying)阶段，不能再记录问题：问题只能在反馈之前记录。\n");
    run = with({"--round", "2026-R2", "--unit", "QX-SQ", "--amount", "12,600"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 金额（--amount）「12,600」无效：应为以元为单位、最多两位小数的非负数，例如 1234.50。\n");
    run = with({"--round", "2026-R2", "--unit", "QX-SQ", "--severity", "critical"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 未知的严重程度「critical」：应为 low（一般）、medium（较重）、high（严重） 之一，请改用其中一个。\n");
    run = with({"--round", "2026-RX", "--unit", "QX-SQ"});
    CHECK(run.exitCode == 2);
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM findings") == "9");
}

TEST_CASE("suspected findings are confirmed or dismissed, and illegal moves are refused") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    auto run = patrol({"finding", "dismiss", "9"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 排除疑似问题必须写明理由（reason），例如「经核实为正常业务往来」；请补充理由后重试。\n");
    CHECK(status(patrol, 9) == "suspected");

    run = patrol({"finding", "dismiss", "9", "--reason", "检查记录属于不同企业"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "问题 #9 已排除：关键岗位「行政许可审批」任职满 6 年未轮岗（理由：检查记录属于不同企业）\n");
    CHECK(rawScalar(patrol.db(), "SELECT dismissed_reason FROM findings WHERE id = 9") == "检查记录属于不同企业");

    run = patrol({"finding", "confirm", "9"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 问题当前状态为「已排除」(dismissed)，不能执行「确认」改为「已确认」(confirmed)：只有「疑似」(suspected)"
                     "状态的问题可以「确认」。\n");
    CHECK(status(patrol, 9) == "dismissed");

    run = patrol({"finding", "confirm", "99"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 问题 #99 不存在，或您无权查看。请检查问题编号（可用 patrol finding list 查看）。\n");
    run = patrol({"finding", "confirm", "abc"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 问题编号「abc」无效：应为正整数，例如 12。\n");
    run = patrol({"finding", "list", "--status", "open"});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("错误: 未知的问题状态「open」") == 0);
}

TEST_CASE("who sees and decides which findings") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    // A unit contact sees only its own unit's fed-back findings.
    auto run = patrol({"finding", "list", "--format", "csv"}, "赵敏");
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("\n1,2026-R1,QX-HT,") != std::string::npos);
    CHECK(run.out.find("\n2,2026-R1,QX-HT,") != std::string::npos);
    CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 3);
    run = patrol({"finding", "show", "9"}, "赵敏");
    CHECK(run.exitCode == 2);
    // An inspector decides only in rounds they are on.
    run = patrol({"finding", "confirm", "9"}, "李明华");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 问题 #9 不存在，或您无权查看。请检查问题编号（可用 patrol finding list 查看）。\n");
    run = patrol({"finding", "confirm", "9"}, "刘芳");
    CHECK(run.exitCode == 0);
    // A leader reads everything but changes nothing.
    run = patrol({"finding", "list", "--format", "csv"}, "周国庆");
    CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 10);
    run = patrol({"finding", "add", "--round", "2026-R2", "--unit", "QX-SQ", "--category", "x", "--title", "y"}, "周国庆");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「周国庆」（领导小组）无权记录问题（巡察轮次 2026-R2）：只有管理员和该轮巡察组成员可以这样做。\n");
    run = patrol({"finding", "list"}, "不存在的人");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「不存在的人」不存在。请用 --user 或 PATROL_USER 指定已登记的用户，或请管理员先添加该用户。\n");
}
