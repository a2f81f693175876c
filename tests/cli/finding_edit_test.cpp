// `patrol finding edit`: a typo corrected while the finding is suspected or confirmed, audited
// with before/after; refused once fed back or dismissed, and to whoever may not decide on it.
#include <catch2/catch.hpp>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

std::string row(const Patrol& patrol, int id) {
    return rawScalar(patrol.db(), "SELECT category || '|' || title || '|' || detail || '|' || severity || '|' || "
                                  "ifnull(amount_fen, '-') || '|' || ifnull(people_count, '-') || '|' || "
                                  "ifnull(people_level, '-') || '|' || ifnull(rectification_kind, '-') "
                                  "FROM findings WHERE id = " + std::to_string(id));
}

std::string editEvents(const Patrol& patrol) {
    return rawScalar(patrol.db(), "SELECT count(*) FROM audit_events WHERE action = 'finding.edit'");
}

}  // namespace

TEST_CASE("a finding not yet fed back is corrected, and the change is audited with before and after") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    REQUIRE(row(patrol, 5) == "营商环境|企业开办审批超承诺时限|" + rawScalar(patrol.db(), "SELECT detail FROM findings WHERE id = 5") +
                                  "|medium|-|-|-|-");
    auto run = patrol({"finding", "edit", "5", "--title", "企业开办审批超过承诺时限", "--severity", "high", "--amount",
                       "1200.5", "--people", "3", "--people-level", "一般干部", "--kind", "deadline", "--detail", "12 件超时"},
                      "刘芳");
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已修改问题 #5（标题、详情、严重程度、金额、涉及人数、人员层级、整改类型）：企业开办审批超过承诺时限\n");
    CHECK(row(patrol, 5) == "营商环境|企业开办审批超过承诺时限|12 件超时|high|120050|3|一般干部|deadline");
    CHECK(editEvents(patrol) == "1");
    const std::string before = rawScalar(patrol.db(), "SELECT before_json FROM audit_events WHERE action = 'finding.edit'");
    const std::string after = rawScalar(patrol.db(), "SELECT after_json FROM audit_events WHERE action = 'finding.edit'");
    CHECK(before.find("\"title\":\"企业开办审批超承诺时限\"") != std::string::npos);
    CHECK(before.find("\"rectification_kind\":null") != std::string::npos);
    CHECK(after.find("{\"id\":5,\"round\":\"2026-R2\",\"unit\":\"QX-SJJ\",\"category\":\"营商环境\",\"title\":"
                     "\"企业开办审批超过承诺时限\",\"detail\":\"12 件超时\",\"severity\":\"high\",\"amount\":\"1200.50\","
                     "\"people_count\":3,\"people_level\":\"一般干部\",\"source\":\"manual\",\"status\":\"confirmed\",") == 0);
    CHECK(after.find("\"rectification_kind\":\"deadline\"") != std::string::npos);
    CHECK(rawScalar(patrol.db(), "SELECT actor FROM audit_events WHERE action = 'finding.edit'") == "刘芳");

    // An empty value clears an optional field; the same values again change nothing.
    run = patrol({"finding", "edit", "5", "--amount", "", "--kind", ""});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已修改问题 #5（金额、整改类型）：企业开办审批超过承诺时限\n");
    CHECK(row(patrol, 5) == "营商环境|企业开办审批超过承诺时限|12 件超时|high|-|3|一般干部|-");
    run = patrol({"finding", "edit", "5", "--severity", "high", "--people", "3"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "问题 #5 的内容与给出的相同，未作修改。\n");
    CHECK(editEvents(patrol) == "2");
    // A suspected finding of a check may be corrected too, category included.
    run = patrol({"finding", "edit", "9", "--category", "干部队伍建设"});
    CHECK(run.exitCode == 0);
    CHECK(rawScalar(patrol.db(), "SELECT category FROM findings WHERE id = 9") == "干部队伍建设");
    CHECK(patrol({"audit", "verify"}).exitCode == 0);
}

TEST_CASE("a finding fed back or dismissed is not edited, nor by anyone who may not decide on it") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"demo"}).exitCode == 0);
    const std::string fed = row(patrol, 1), dismissed = row(patrol, 8), confirmed = row(patrol, 5);
    auto run = patrol({"finding", "edit", "1", "--amount", "286.4"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 问题 #1 当前状态为「已反馈」(fed_back)，不能再修改：问题已反馈给被巡察单位，内容须与反馈时一致。"
                     "只有「疑似」(suspected)或「已确认」(confirmed)状态的问题可以修改。\n");
    run = patrol({"finding", "edit", "8", "--title", "x"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 问题 #8 当前状态为「已排除」(dismissed)，不能再修改：已排除的问题不会反馈给被巡察单位，无需再改。"
                     "只有「疑似」(suspected)或「已确认」(confirmed)状态的问题可以修改。\n");
    run = patrol({"finding", "edit", "5", "--title", "x"}, "周国庆");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「周国庆」（领导小组）无权修改问题（巡察轮次 2026-R2）：只有管理员和该轮巡察组成员可以这样做。\n");
    run = patrol({"finding", "edit", "5", "--title", "x"}, "李明华");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 问题 #5 不存在，或您无权查看。请检查问题编号（可用 patrol finding list 查看）。\n");
    run = patrol({"finding", "edit", "5", "--severity", "critical"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 未知的严重程度「critical」：应为 low（一般）、medium（较重）、high（严重） 之一，请改用其中一个。\n");
    run = patrol({"finding", "edit", "5", "--title", " "});
    CHECK(run.exitCode == 2);
    run = patrol({"finding", "edit", "5"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 没有给出要修改的内容：请至少给出 --title、--detail、--category、--severity、--amount、--people、"
                     "--people-level、--kind 之一。\n");
    CHECK(row(patrol, 1) == fed);
    CHECK(row(patrol, 8) == dismissed);
    CHECK(row(patrol, 5) == confirmed);
    CHECK(editEvents(patrol) == "0");
}
