// `patrol finding confirm|dismiss` on many findings at once: by number or by filter, --yes when
// more than one, all or nothing, one audit event per finding.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

// The demo county plus four suspected official-car findings of 2026-R2 recorded by a check:
// #10 #11 #12 at 石桥镇 (QX-SQ), #13 at 县住建局 (QX-ZJJ), all rule FS-05; #9 is BE-02.
struct Reviewed {
    ScratchDir dir;
    Patrol patrol{dir};
    Reviewed() {
        REQUIRE(patrol({"demo"}).exitCode == 0);
        const std::string data = dir.file("trips");
        std::filesystem::create_directories(data);
        std::ofstream(data + "/trips.csv") << "trip_id,unit_code,plate,date,depart_time,return_time,purpose,destination\n"
                                              "T1,QX-SQ,赣C·D1001,2026-05-16,09:00,11:00,会议,县城\n"
                                              "T2,QX-SQ,赣C·D1002,2026-05-17,09:00,11:00,会议,县城\n"
                                              "T3,QX-ZJJ,赣C·D1003,2026-05-23,09:00,11:00,督查,县城\n"
                                              "T4,QX-SQ,赣C·D1004,2026-05-12,23:00,23:30,送文件,县城\n";
        REQUIRE(patrol({"check", "--plugin", "four_styles", "--data", data, "--round", "2026-R2", "--as-of", "2026-09-30",
                        "--calendar", std::string(PATROL_SOURCE_DIR) + "/config/calendars/2026.json"})
                    .exitCode == 0);
        REQUIRE(statuses() == "9:suspected,10:suspected,11:suspected,12:suspected,13:suspected");
    }
    std::string statuses() const {
        return rawScalar(patrol.db(), "SELECT group_concat(id || ':' || status, ',') FROM "
                                      "(SELECT id, status FROM findings WHERE id >= 9 ORDER BY id)");
    }
    std::string events() const { return rawScalar(patrol.db(), "SELECT count(*) FROM audit_events"); }
    std::string head() const { return rawScalar(patrol.db(), "SELECT value FROM meta WHERE key = 'audit_head'"); }
};

}  // namespace

TEST_CASE("a finding the check recorded shows who recorded it, when and from which run, and verifies") {
    Reviewed r;
    const auto q = [&](const std::string& sql) { return rawScalar(r.patrol.db(), sql); };
    const std::string event = q("SELECT event_id FROM finding_records WHERE finding_id = 10");
    // The four trips are recorded by one event: no event per finding.
    CHECK(q("SELECT count(*) FROM finding_records WHERE event_id = " + event) == "4");
    CHECK(q("SELECT count(*) FROM audit_events WHERE entity = 'finding' AND entity_id IN ('10', '11', '12', '13')") == "0");
    const std::string digest = q("SELECT json_extract(after_json, '$.run.plugins[0].data_digest') FROM audit_events WHERE id = " + event);
    REQUIRE(digest.size() == 64);
    const std::string at = q("SELECT at FROM audit_events WHERE id = " + event);
    const auto run = r.patrol({"finding", "show", "10"});
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("记录来源：检查运行（审计事件 #" + event + "；插件 four_styles（数据摘要 " + digest.substr(0, 16) +
                       "）；基准日 2026-09-30），由 admin 于 " + at + " 记录\n") != std::string::npos);
    const auto verify = r.patrol({"audit", "verify"});
    CHECK(verify.exitCode == 0);
    CHECK(verify.err.empty());
}

TEST_CASE("bulk confirm by filter shows the count, waits for --yes, then confirms each with its audit event") {
    Reviewed r;
    const std::string before = r.events();
    auto run = r.patrol({"finding", "confirm", "--round", "2026-R2", "--rule", "FS-05"});
    CHECK(run.exitCode == 2);
    CHECK(run.out == "将确认 4 个问题（轮次 2026-R2，规则 FS-05）。确认无误请加 --yes 再执行。\n");
    CHECK(run.err.empty());
    CHECK(r.statuses() == "9:suspected,10:suspected,11:suspected,12:suspected,13:suspected");
    CHECK(r.events() == before);

    run = r.patrol({"finding", "confirm", "--round", "2026-R2", "--unit", "QX-SQ", "--plugin", "four_styles", "--rule",
                    "FS-05", "--yes"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已确认 3 个问题（轮次 2026-R2，单位 QX-SQ，插件 four_styles，规则 FS-05）。\n");
    CHECK(r.statuses() == "9:suspected,10:confirmed,11:confirmed,12:confirmed,13:suspected");
    CHECK(rawScalar(r.patrol.db(), "SELECT group_concat(entity_id, ',') FROM audit_events WHERE action = 'finding.confirm' "
                                       "AND CAST(entity_id AS INTEGER) >= 10") == "10,11,12");
    // Each event records the finding's whole new state and the decision's day; audit verify holds every row to it.
    // The event keeps its own format (the hash chain rests on it); `finding show` prints the finding's view.
    const std::string shown = r.patrol({"finding", "show", "11", "--format", "json"}).out;
    const std::string after =
        rawScalar(r.patrol.db(), "SELECT after_json FROM audit_events WHERE action = 'finding.confirm' AND entity_id = '11'");
    CHECK(after.find("\"status\":\"confirmed\"") != std::string::npos);
    CHECK(after.find(",\"decided_on\":\"") != std::string::npos);
    CHECK(after.rfind("{\"id\":11,\"round\":\"2026-R2\",\"unit\":\"QX-SQ\",\"category\":", 0) == 0);
    CHECK(shown.rfind("{\"id\":11,\"round\":\"2026-R2\",\"unit\":\"QX-SQ\",\"unit_name\":\"石桥镇\",", 0) == 0);
    CHECK(shown.find("\"status\":\"confirmed\",") != std::string::npos);
    CHECK(r.patrol({"audit", "verify"}).exitCode == 0);

    // One finding matched: decided without --yes.
    run = r.patrol({"finding", "confirm", "--round", "2026-R2", "--plugin", "business_environment"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已确认 1 个问题（轮次 2026-R2，插件 business_environment）。\n");
    CHECK(r.statuses() == "9:confirmed,10:confirmed,11:confirmed,12:confirmed,13:suspected");
}

TEST_CASE("bulk dismiss by number needs a reason and --yes, and keeps the reason on every finding") {
    Reviewed r;
    auto run = r.patrol({"finding", "dismiss", "10", "11", "--yes"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 排除疑似问题必须写明理由（reason），例如「经核实为正常业务往来」；请补充理由后重试。\n");
    run = r.patrol({"finding", "dismiss", "10", "11", "--reason", "周末防汛值班用车，有审批单"});
    CHECK(run.exitCode == 2);
    CHECK(run.out == "将排除 2 个问题（#10、#11），理由：周末防汛值班用车，有审批单。确认无误请加 --yes 再执行。\n");
    CHECK(r.statuses() == "9:suspected,10:suspected,11:suspected,12:suspected,13:suspected");
    run = r.patrol({"finding", "dismiss", "10", "11", "--reason", "周末防汛值班用车，有审批单", "--yes"}, "刘芳");
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已排除 2 个问题（#10、#11），理由：周末防汛值班用车，有审批单。\n");
    CHECK(r.statuses() == "9:suspected,10:dismissed,11:dismissed,12:suspected,13:suspected");
    CHECK(rawScalar(r.patrol.db(), "SELECT group_concat(dismissed_reason, '|') FROM findings WHERE id IN (10, 11)") ==
          "周末防汛值班用车，有审批单|周末防汛值班用车，有审批单");
    CHECK(rawScalar(r.patrol.db(), "SELECT group_concat(actor || ':' || entity_id, ',') FROM audit_events "
                                   "WHERE action = 'finding.dismiss' AND actor = '刘芳'") == "刘芳:10,刘芳:11");
}

TEST_CASE("a bulk decision that cannot be made for one finding changes nothing and names it") {
    Reviewed r;
    const std::string events = r.events(), head = r.head();
    auto run = r.patrol({"finding", "confirm", "10", "11", "7", "--yes"});
    CHECK(run.exitCode == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "错误: 问题 #7 当前状态为「已确认」(confirmed)，只有「疑似」(suspected)状态的问题可以「确认」。"
                     "本批 3 个问题均未确认，没有任何改动；请去掉或改正这个问题后重试。\n");
    run = r.patrol({"finding", "confirm", "10", "99", "8", "--yes"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 共有 2 个问题不能确认，第一个：问题 #99 不存在，或您无权查看。"
                     "本批 3 个问题均未确认，没有任何改动；请去掉或改正这些问题后重试。\n");
    // Not on the round's team: the findings read as missing; a leader may read but not decide.
    run = r.patrol({"finding", "confirm", "10", "11", "--yes"}, "李明华");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 共有 2 个问题不能确认，第一个：问题 #10 不存在，或您无权查看。"
                     "本批 2 个问题均未确认，没有任何改动；请去掉或改正这些问题后重试。\n");
    run = r.patrol({"finding", "dismiss", "--round", "2026-R2", "--reason", "无问题", "--yes"}, "周国庆");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 共有 5 个问题不能排除，第一个：问题 #9：用户「周国庆」（领导小组）无权排除问题（巡察轮次 2026-R2）："
                     "只有管理员和该轮巡察组成员可以这样做。本批 5 个问题均未排除，没有任何改动；请去掉或改正这些问题后重试。\n");
    CHECK(r.statuses() == "9:suspected,10:suspected,11:suspected,12:suspected,13:suspected");
    CHECK(r.events() == events);
    CHECK(r.head() == head);
}

TEST_CASE("bulk review refuses a mixed, empty or unscoped selection") {
    Reviewed r;
    auto run = r.patrol({"finding", "confirm", "10", "--round", "2026-R2"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 请只用一种方式指定问题：要么列出问题编号，要么用 --round、--unit、--status、--plugin、--rule "
                     "筛选，不要同时使用。\n");
    run = r.patrol({"finding", "confirm", "--rule", "FS-05"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 按条件批量确认问题时须用 --round 指明轮次，例如 patrol finding confirm --round 2026-R2 --rule FS-05。\n");
    run = r.patrol({"finding", "confirm"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: patrol finding confirm 需要参数 ID（问题编号，可给多个），或用 --round 等选项筛选。请用 --help 查看用法。\n");
    run = r.patrol({"finding", "confirm", "--round", "2026-R2", "--rule", "FS-5", "--yes"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 没有符合条件的问题（轮次 2026-R2，规则 FS-5），未确认任何问题。可用 patrol finding list 查看问题及其状态。\n");
    run = r.patrol({"finding", "confirm", "--round", "2026-R9", "--yes"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 巡察轮次「2026-R9」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。\n");
    CHECK(r.statuses() == "9:suspected,10:suspected,11:suspected,12:suspected,13:suspected");
}
