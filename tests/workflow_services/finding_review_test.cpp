// Bulk review and correction of findings on the service: all or nothing, one audit event per
// finding, the same permission rules as deciding one finding.
#include <catch2/catch.hpp>

#include "core/domain/errors.hpp"
#include "core/services/finding_edit.hpp"
#include "core/services/finding_review.hpp"
#include "core/services/record_json.hpp"
#include "core/services/task_service.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/statement.hpp"
#include "world.hpp"

using domain::FindingEvent;

namespace {

// Round R1 with `n` suspected findings of a check: odd ones rule FS-05 at UA, even ones FS-01 at UB.
struct Checked : World {
    explicit Checked(int n = 6) {
        round("R1", "2026-01-05");
        std::vector<CheckFinding> found;
        for (int i = 1; i <= n; ++i) {
            const bool odd = i % 2 == 1;
            found.push_back({"four_styles", odd ? "FS-05" : "FS-01", odd ? "UA" : "UB", "四风", "疑似问题 " + std::to_string(i),
                             "", "medium", std::nullopt, "[]", "fp" + std::to_string(i)});
        }
        recordCheckFindings(db, inspector, "R1", found);
    }
    int64_t count(const std::string& sql) {
        return *db.prepare(sql).first([](const store::Statement& st) { return st.integer(0); });
    }
    std::string statuses() {
        std::string out;
        for (const auto& f : store::listFindings(db, {})) out += (out.empty() ? "" : ",") + f.status;
        return out;
    }
};

const auto yes = [](size_t) { return true; };

}  // namespace

TEST_CASE("a filter selects suspected findings by rule and unit, and all are confirmed with one event each", "[review]") {
    Checked w;
    FindingSelection byRule;
    byRule.roundCode = "R1";
    byRule.rule = "FS-05";
    size_t asked = 0;
    auto review = reviewFindings(w.db, w.inspector, byRule, FindingEvent::Confirm, std::nullopt, [&](size_t n) {
        asked = n;
        return false;
    });
    CHECK(asked == 3);
    CHECK_FALSE(review.applied);
    CHECK(w.statuses() == "suspected,suspected,suspected,suspected,suspected,suspected");
    CHECK(w.count("SELECT count(*) FROM audit_events WHERE action = 'finding.confirm'") == 0);

    review = reviewFindings(w.db, w.inspector, byRule, FindingEvent::Confirm, std::nullopt, yes);
    CHECK(review.applied);
    REQUIRE(review.findings.size() == 3);
    CHECK(review.findings[0].status == "confirmed");
    CHECK(w.statuses() == "confirmed,suspected,confirmed,suspected,confirmed,suspected");
    store::AuditFilter findings;
    findings.entity = "finding";
    // Each event records the finding's whole new state.
    std::string events;
    for (const auto& e : store::listAuditEvents(w.db, findings)) {
        if (e.content.action != "finding.confirm") continue;
        const auto now = *store::findFindingById(w.db, std::stoll(e.content.entityId));
        const std::string state = jsonText(findingJson(now));
        events += e.content.entityId + (e.content.after->rfind(state.substr(0, state.size() - 1) + ",", 0) == 0 ? ":same " : ":differs ");
    }
    CHECK(events == "1:same 3:same 5:same ");

    FindingSelection rest;
    rest.roundCode = "R1";
    rest.unitCode = "UB";
    rest.plugin = "four_styles";
    review = reviewFindings(w.db, w.admin, rest, FindingEvent::Dismiss, std::string("经核实属正常公务"), yes);
    CHECK(review.findings.size() == 3);
    CHECK(w.statuses() == "confirmed,dismissed,confirmed,dismissed,confirmed,dismissed");
}

TEST_CASE("one finding that cannot be decided refuses the whole batch and nothing is written", "[review]") {
    Checked w;
    FindingSelection one;
    one.ids = {2};
    reviewFindings(w.db, w.inspector, one, FindingEvent::Confirm, std::nullopt, yes);
    const int64_t events = w.count("SELECT count(*) FROM audit_events");

    FindingSelection batch;
    batch.ids = {1, 2, 3};
    CHECK(refusal([&] { reviewFindings(w.db, w.inspector, batch, FindingEvent::Dismiss, std::string("无"), yes); }) ==
          "问题 #2 当前状态为「已确认」(confirmed)，只有「疑似」(suspected)状态的问题可以「排除」。"
          "本批 3 个问题均未排除，没有任何改动；请去掉或改正这个问题后重试。");
    CHECK(refusal([&] { reviewFindings(w.db, w.otherInspector, batch, FindingEvent::Confirm, std::nullopt, yes); }) ==
          "共有 3 个问题不能确认，第一个：问题 #1 不存在，或您无权查看。本批 3 个问题均未确认，没有任何改动；请去掉或改正这些问题后重试。");
    batch.ids = {1, 3};
    CHECK(refusal([&] { reviewFindings(w.db, w.leader, batch, FindingEvent::Confirm, std::nullopt, yes); }) ==
          "共有 2 个问题不能确认，第一个：问题 #1：用户「王书记」（领导小组）无权确认问题（巡察轮次 R1）：只有管理员和该轮巡察组成员可以这样做。"
          "本批 2 个问题均未确认，没有任何改动；请去掉或改正这些问题后重试。");
    CHECK(refusal([&] { reviewFindings(w.db, w.inspector, batch, FindingEvent::Dismiss, std::string(" "), yes); }) ==
          "排除疑似问题必须写明理由（reason），例如「经核实为正常业务往来」；请补充理由后重试。");
    CHECK(w.statuses() == "suspected,confirmed,suspected,suspected,suspected,suspected");
    CHECK(w.count("SELECT count(*) FROM audit_events") == events);
}

TEST_CASE("a refused batch has the kind of its first problem, so a front door can answer it", "[review]") {
    Checked w;
    FindingSelection one;
    one.ids = {2};
    reviewFindings(w.db, w.inspector, one, FindingEvent::Confirm, std::nullopt, yes);
    const auto kindOf = [&](const Actor& actor, std::vector<int64_t> ids) {
        FindingSelection batch;
        batch.ids = std::move(ids);
        try {
            reviewFindings(w.db, actor, batch, FindingEvent::Confirm, std::nullopt, yes);
        } catch (const UserError& e) {
            return e.kind();
        }
        FAIL("expected a refusal");
        return ErrorKind::InvalidInput;
    };
    CHECK(kindOf(w.inspector, {1, 2, 99}) == ErrorKind::Conflict);
    CHECK(kindOf(w.inspector, {1, 99, 2}) == ErrorKind::NotFound);
    CHECK(kindOf(w.otherInspector, {1, 3}) == ErrorKind::NotFound);
    CHECK(kindOf(w.leader, {1, 3}) == ErrorKind::Forbidden);
    CHECK(w.statuses() == "suspected,confirmed,suspected,suspected,suspected,suspected");
}

TEST_CASE("thousands of suspected findings are confirmed in one call", "[review]") {
    Checked w(3000);
    FindingSelection all;
    all.roundCode = "R1";
    const auto review = reviewFindings(w.db, w.inspector, all, FindingEvent::Confirm, std::nullopt, yes);
    CHECK(review.findings.size() == 3000);
    CHECK(w.count("SELECT count(*) FROM findings WHERE status = 'confirmed'") == 3000);
    CHECK(w.count("SELECT count(DISTINCT entity_id) FROM audit_events WHERE action = 'finding.confirm'") == 3000);
}

TEST_CASE("a finding is corrected until it is fed back, audited with before and after", "[review][edit]") {
    Checked w(0);
    const int64_t id = w.finding("R1", "UA", "四风");
    FindingCorrection fix;
    fix.title = "公务接待超标准";
    fix.amount = "399.96";
    fix.rectificationKind = "immediate";
    const auto edit = editFinding(w.db, w.inspector, id, fix);
    CHECK(edit.changed);
    CHECK(edit.before.title == "四风问题");
    CHECK(edit.after.title == "公务接待超标准");
    CHECK(edit.after.amountFen == 39996);
    CHECK(edit.after.rectificationKind == std::optional<std::string>("immediate"));
    CHECK(w.count("SELECT count(*) FROM audit_events WHERE action = 'finding.edit' AND before_json LIKE '%\"title\":\"四风问题\"%' "
                  "AND after_json LIKE '%\"title\":\"公务接待超标准\",%\"amount\":\"399.96\"%\"rectification_kind\":\"immediate\"%'") ==
          1);
    CHECK(refusal([&] { editFinding(w.db, w.leader, id, fix); }) ==
          "用户「王书记」（领导小组）无权修改问题（巡察轮次 R1）：只有管理员和该轮巡察组成员可以这样做。");
    CHECK(refusal([&] { editFinding(w.db, w.unitA, id, fix); }) ==
          "问题 #" + std::to_string(id) + " 不存在，或您无权查看。请检查问题编号。");
    FindingCorrection bad;
    bad.peopleCount = "-1";
    CHECK(refusal([&] { editFinding(w.db, w.admin, id, bad); }).find("涉及人数") != std::string::npos);

    w.feedBack("R1", "2026-02-12");
    CHECK(refusal([&] { editFinding(w.db, w.admin, id, fix); }) ==
          "问题 #" + std::to_string(id) + " 当前状态为「已反馈」(fed_back)，不能再修改：问题已反馈给被巡察单位，内容须与反馈时一致。"
          "只有「疑似」(suspected)或「已确认」(confirmed)状态的问题可以修改。");
    CHECK(w.count("SELECT count(*) FROM audit_events WHERE action = 'finding.edit'") == 1);
}

TEST_CASE("bulk confirmation flags repeat problems, and a new category unlinks one", "[review][repeat]") {
    Checked w(0);
    w.round("R0", "2025-03-03");
    const int64_t earlier = w.finding("R0", "UA", "四风");
    const auto task = w.feedBack("R0", "2025-05-06").tasks.at(0);
    const EvidenceStore evidence((w.dir / "data").string(), 1000);
    planTask(w.db, w.unitA, task.id, "整改", "李明", "王强", day("2025-05-10"));
    reportProgress(w.db, w.unitA, task.id, {100, "完成", {}, day("2025-06-01")}, evidence);
    submitTask(w.db, w.unitA, task.id, day("2025-06-01"));
    acceptTask(w.db, w.inspector, task.id, std::string("属实"), day("2025-06-02"));
    REQUIRE(store::findFindingById(w.db, earlier)->status == "rectified");

    recordCheckFindings(w.db, w.inspector, "R1",
                        {{"four_styles", "FS-01", "UA", "四风", "again", "", "medium", std::nullopt, "[]", "a"},
                         {"four_styles", "FS-01", "UB", "四风", "elsewhere", "", "medium", std::nullopt, "[]", "b"}});
    FindingSelection all;
    all.roundCode = "R1";
    const auto review = reviewFindings(w.db, w.inspector, all, FindingEvent::Confirm, std::nullopt, yes);
    REQUIRE(review.findings.size() == 2);
    CHECK(review.findings[0].repeatOf == earlier);
    CHECK(review.findings[1].repeatOf == std::nullopt);
    const int64_t again = review.findings[0].id;
    CHECK(w.count("SELECT count(*) FROM audit_events WHERE action = 'finding.repeat' AND entity_id = '" +
                  std::to_string(again) + "'") == 1);

    FindingCorrection recategorized;
    recategorized.category = "资金";
    CHECK(editFinding(w.db, w.inspector, again, recategorized).after.repeatOf == std::nullopt);
    recategorized.category = "四风";
    CHECK(editFinding(w.db, w.inspector, again, recategorized).after.repeatOf == earlier);
}
