// Dated events entered after the fact: never after today (PATROL_TODAY fixes it here), never
// before the event they follow; a refusal changes nothing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>

#include "core/domain/errors.hpp"
#include "core/services/clue_service.hpp"
#include "core/services/escalation_service.hpp"
#include "core/services/task_service.hpp"
#include "core/store/audit_log.hpp"
#include "core/store/clock.hpp"
#include "core/store/finding_repository.hpp"
#include "world.hpp"

namespace {

// Runs the scope as if today were `date`.
struct FixedToday {
    explicit FixedToday(const char* date) { setenv(store::kFixedTodayVariable, date, 1); }
    ~FixedToday() { unsetenv(store::kFixedTodayVariable); }
};

int64_t rows(World& w, const char* table) {
    auto st = w.db.prepare(std::string("SELECT count(*) FROM ") + table);
    st.step();
    return st.integer(0);
}

// A deadline task of UA, assigned 2026-02-12 and due 2026-04-13.
store::TaskRecord assignedTask(World& w) {
    w.round("R1", "2026-01-05");
    w.finding("R1", "UA", "四风");
    return w.feedBack("R1", "2026-02-12").tasks.at(0);
}

store::TaskRecord taskNow(World& w, int64_t id) { return *store::findTaskById(w.db, id); }

}  // namespace

TEST_CASE("PATROL_TODAY fixes today for every date and timestamp, and a bad value is refused", "[dates]") {
    {
        FixedToday today("2026-06-30");
        CHECK(store::localToday() == day("2026-06-30"));
        CHECK(store::utcTimestampNow().substr(0, 10) == "2026-06-30");
        CHECK(store::localDateOf(store::utcTimestampNow()) == day("2026-06-30"));
    }
    FixedToday bad("2026-02-30");
    CHECK_THROWS_WITH(store::localToday(), "环境变量 PATROL_TODAY「2026-02-30」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 "
                                    "2026-03-14。请改正或取消该变量以使用本机时钟。");
}

TEST_CASE("an event dated after today is refused and changes nothing", "[dates]") {
    FixedToday today("2026-06-30");
    World w;
    const auto t = assignedTask(w);
    const EvidenceStore store((w.dir / "data").string(), 1000);
    const int64_t events = rows(w, "audit_events");
    CHECK_THROWS_WITH(planTask(w.db, w.unitA, t.id, "整改", "李明", "王强", day("2026-07-01")),
                      "制定整改措施日期 2026-07-01 晚于今天（2026-06-30）：只能登记已经发生的事。请填写实际发生的日期（不晚于 "
                      "2026-06-30）。");
    CHECK(taskNow(w, t.id).status == "assigned");
    CHECK(taskNow(w, t.id).plannedOn == std::nullopt);
    CHECK(rows(w, "audit_events") == events);
    // Today itself is fine, and is the default.
    CHECK(planTask(w.db, w.unitA, t.id, "整改", "李明", "王强").plannedOn == std::optional<std::string>("2026-06-30"));
    const int64_t planned = rows(w, "audit_events");
    std::istringstream evidence("证据");
    CHECK_THROWS_WITH(reportProgress(w.db, w.unitA, t.id, {10, "开始", {{"a.pdf", &evidence, std::nullopt, {}}}, day("2026-07-01")}, store),
                      "进展报告日期 2026-07-01 晚于今天（2026-06-30）：只能登记已经发生的事。请填写实际发生的日期（不晚于 "
                      "2026-06-30）。");
    CHECK(taskNow(w, t.id).status == "planned");
    CHECK(rows(w, "progress_reports") == 0);
    CHECK(rows(w, "evidence") == 0);
    CHECK(rows(w, "audit_events") == planned);
    CHECK_THROWS_WITH(advanceRound(w.db, w.admin, "R1", "rectifying", std::string("2026-07-01"), nullptr),
                      "进入「整改」阶段日期 2026-07-01 晚于今天（2026-06-30）：只能登记已经发生的事。请填写实际发生的日期（不晚于 "
                      "2026-06-30）。");
    CHECK(store::findRoundByCode(w.db, "R1")->stage == "fed_back");
    // Looking ahead is free: escalation may be judged for any day.
    CHECK(escalate(w.db, w.admin, day("2026-12-31")).size() == 1);
}

TEST_CASE("each task event follows the task's latest event, named with both dates", "[dates]") {
    FixedToday today("2026-06-30");
    World w;
    const auto t = assignedTask(w);
    const EvidenceStore store((w.dir / "data").string(), 1000);

    CHECK_THROWS_WITH(planTask(w.db, w.unitA, t.id, "整改", "李明", "王强", day("2026-02-11")),
                      "制定整改措施日期 2026-02-11 早于交办日期 2026-02-12：制定整改措施不能早于交办。请填写 2026-02-12 "
                      "或之后的日期。");
    CHECK(taskNow(w, t.id).status == "assigned");

    planTask(w.db, w.unitA, t.id, "整改", "李明", "王强", day("2026-02-20"));
    CHECK_THROWS_WITH(reportProgress(w.db, w.unitA, t.id, {10, "开始", {}, day("2026-02-19")}, store),
                      "进展报告日期 2026-02-19 早于制定整改措施日期 2026-02-20：进展报告不能早于制定整改措施。请填写 2026-02-20 "
                      "或之后的日期。");
    reportProgress(w.db, w.unitA, t.id, {100, "完成", {}, day("2026-03-01")}, store);
    CHECK_THROWS_WITH(submitTask(w.db, w.unitA, t.id, day("2026-02-28")),
                      "提交销号日期 2026-02-28 早于进展报告日期 2026-03-01：提交销号不能早于进展报告。请填写 2026-03-01 "
                      "或之后的日期。");
    CHECK(taskNow(w, t.id).status == "in_progress");
    CHECK(submitTask(w.db, w.unitA, t.id, day("2026-03-03")).submittedOn == std::optional<std::string>("2026-03-03"));

    CHECK_THROWS_WITH(acceptTask(w.db, w.inspector, t.id, std::string("属实"), day("2026-03-02")),
                      "验收销号日期 2026-03-02 早于提交销号日期 2026-03-03：验收销号不能早于提交销号。请填写 2026-03-03 "
                      "或之后的日期。");
    CHECK_THROWS_WITH(returnTask(w.db, w.inspector, t.id, "材料不足", day("2026-03-02")),
                      "退回日期 2026-03-02 早于提交销号日期 2026-03-03：退回不能早于提交销号。请填写 2026-03-03 或之后的日期。");
    CHECK(taskNow(w, t.id).status == "submitted");
    CHECK(taskNow(w, t.id).returnedCount == 0);
    CHECK(taskNow(w, t.id).acceptedOn == std::nullopt);

    const auto returned = returnTask(w.db, w.inspector, t.id, "材料不足", day("2026-03-04"));
    CHECK(returned.returnedOn == std::optional<std::string>("2026-03-04"));
    CHECK_THROWS_WITH(reportProgress(w.db, w.unitA, t.id, {100, "补充", {}, day("2026-03-03")}, store),
                      "进展报告日期 2026-03-03 早于退回日期 2026-03-04：进展报告不能早于退回。请填写 2026-03-04 或之后的日期。");
    reportProgress(w.db, w.unitA, t.id, {100, "补充", {}, day("2026-03-05")}, store);
    submitTask(w.db, w.unitA, t.id, day("2026-03-05"));
    CHECK(acceptTask(w.db, w.inspector, t.id, std::string("属实"), day("2026-03-05")).acceptedOn ==
          std::optional<std::string>("2026-03-05"));

    // The dates are in the task's row and in the audit events' after-state.
    store::AuditFilter filter;
    filter.entity = "rectification_task";
    const auto events = store::listAuditEvents(w.db, filter);
    REQUIRE_FALSE(events.empty());
    CHECK(events.back().content.action == "task.accept");
    CHECK(events.back().content.after->find("\"planned_on\":\"2026-02-20\",\"submitted_on\":\"2026-03-05\","
                                            "\"returned_on\":\"2026-03-04\"") != std::string::npos);
}

TEST_CASE("extension requests and decisions are dated in order, a denial says why", "[dates][extension]") {
    FixedToday today("2026-06-30");
    World w;
    const auto t = assignedTask(w);
    CHECK_THROWS_WITH(requestExtension(w.db, w.unitA, t.id, day("2026-05-13"), "需等待审计结论", day("2026-02-10")),
                      "延期申请日期 2026-02-10 早于交办日期 2026-02-12：延期申请不能早于交办。请填写 2026-02-12 或之后的日期。");
    CHECK(rows(w, "extension_requests") == 0);
    const auto request = requestExtension(w.db, w.unitA, t.id, day("2026-05-13"), "需等待审计结论", day("2026-04-01"));
    CHECK(request.requestedOn == std::optional<std::string>("2026-04-01"));

    CHECK_THROWS_WITH(decideExtension(w.db, w.leader, t.id, ExtensionDecision::approval(day("2026-03-31"))),
                      "延期批准日期 2026-03-31 早于延期申请日期 2026-04-01：延期批准不能早于延期申请。请填写 2026-04-01 "
                      "或之后的日期。");
    CHECK_THROWS_WITH(decideExtension(w.db, w.leader, t.id, {false, day("2026-04-02"), std::nullopt, std::nullopt}),
                      "驳回理由不能为空，请填写。");
    CHECK_THROWS_WITH(decideExtension(w.db, w.leader, t.id, ExtensionDecision::denial(" ", day("2026-04-02"))),
                      "驳回理由不能为空，请填写。");
    CHECK(store::listExtensions(w.db, t.id).at(0).status == "pending");

    decideExtension(w.db, w.leader, t.id, ExtensionDecision::denial("审计结论不影响整改，应按期完成", day("2026-04-03")));
    const auto denied = store::listExtensions(w.db, t.id).at(0);
    CHECK(denied.status == "denied");
    CHECK(denied.decidedOn == std::optional<std::string>("2026-04-03"));
    CHECK(denied.decisionReason == std::optional<std::string>("审计结论不影响整改，应按期完成"));
    CHECK(taskNow(w, t.id).dueDate == "2026-04-13");
    const auto shown = showTask(w.db, w.admin, t.id);
    CHECK(shown.extensions.at(0).decisionReason == denied.decisionReason);
    CHECK(shown.events.back().content.after->find("\"reason\":\"审计结论不影响整改，应按期完成\"") != std::string::npos);

    // A new request follows the last decision.
    CHECK_THROWS_WITH(requestExtension(w.db, w.unitA, t.id, day("2026-05-13"), "再次申请", day("2026-04-02")),
                      "延期申请日期 2026-04-02 早于上一次延期审批日期 2026-04-03：延期申请不能早于上一次延期审批。请填写 "
                      "2026-04-03 或之后的日期。");
}

TEST_CASE("an approved extension keeps the notices sent and judges the level against the new due date",
          "[dates][extension]") {
    FixedToday today("2026-06-30");
    World w;
    const auto t = assignedTask(w);  // due 2026-04-13
    planTask(w.db, w.unitA, t.id, "整改", "李明", "王强", day("2026-02-13"));
    REQUIRE(escalate(w.db, w.admin, day("2026-04-05")).size() == 1);  // yellow
    REQUIRE(escalate(w.db, w.admin, day("2026-04-20")).size() == 1);  // red
    REQUIRE(taskNow(w, t.id).level == "red");

    requestExtension(w.db, w.unitA, t.id, day("2026-05-05"), "需等待审计结论", day("2026-04-20"));
    // Approved on 04-21: 14 days before the new due date deserve green, not red and not none.
    const auto approved = decideExtension(w.db, w.leader, t.id, ExtensionDecision::approval(day("2026-04-21")));
    CHECK(approved.dueDate == "2026-05-05");
    CHECK(approved.level == "green");
    CHECK(store::listExtensions(w.db, t.id).at(0).decidedOn == std::optional<std::string>("2026-04-21"));

    const auto shown = showTask(w.db, w.admin, t.id);
    REQUIRE(shown.notices.size() == 2);
    CHECK(shown.notices[0].level == "yellow");
    CHECK(shown.notices[0].asOf == "2026-04-05");
    CHECK(shown.notices[1].level == "red");
    CHECK(shown.notices[1].asOf == "2026-04-20");
    CHECK(shown.events.back().content.action == "task.extension.approve");
    CHECK(shown.events.back().content.after->find("\"level\":\"green\"") != std::string::npos);
    CHECK(shown.events.back().content.after->find("\"decided_on\":\"2026-04-21\"") != std::string::npos);

    // Levels rise again from the new date, and the old notices stay.
    const auto rises = escalate(w.db, w.admin, day("2026-04-26"));
    REQUIRE(rises.size() == 1);
    CHECK(rises[0].from == domain::EscalationLevel::Green);
    CHECK(rises[0].to == domain::EscalationLevel::Yellow);
    CHECK(showTask(w.db, w.admin, t.id).notices.size() == 3);
}

TEST_CASE("a finding is decided no earlier than it was recorded", "[dates][finding]") {
    World w;
    int64_t suspected = 0;
    {
        FixedToday recorded("2026-03-10");
        w.round("R1", "2026-01-05");
        CheckFinding c;
        c.plugin = "four_styles";
        c.rule = "FS-01";
        c.unitCode = "UA";
        c.category = "四风";
        c.title = "超标准接待";
        c.fingerprint = "fp-1";
        recordCheckFindings(w.db, w.inspector, "R1", {c});
        suspected = listFindings(w.db, w.admin, {std::string("R1"), std::nullopt, std::string("suspected")}).at(0).id;
    }
    FixedToday today("2026-03-20");
    CHECK_THROWS_WITH(confirmFinding(w.db, w.inspector, suspected, day("2026-03-09")),
                      "确认问题日期 2026-03-09 早于问题登记日期 2026-03-10：确认问题不能早于问题登记。请填写 2026-03-10 "
                      "或之后的日期。");
    CHECK_THROWS_WITH(dismissFinding(w.db, w.inspector, suspected, "正常业务往来", day("2026-03-21")),
                      "排除问题日期 2026-03-21 晚于今天（2026-03-20）：只能登记已经发生的事。请填写实际发生的日期（不晚于 "
                      "2026-03-20）。");
    CHECK(store::findFindingById(w.db, suspected)->status == "suspected");
    CHECK(confirmFinding(w.db, w.inspector, suspected, day("2026-03-10")).status == "confirmed");
    store::AuditFilter filter;
    filter.entity = "finding";
    REQUIRE_FALSE(store::listAuditEvents(w.db, filter).empty());
    CHECK(store::listAuditEvents(w.db, filter).back().content.after->find("\"decided_on\":\"2026-03-10\"") !=
          std::string::npos);
}

TEST_CASE("a clue is disposed of after its transfer and its outcome recorded after the disposal", "[dates][clue]") {
    FixedToday today("2026-06-30");
    World w;
    w.round("R1", "2026-01-05");
    const int64_t finding = w.finding("R1", "UA", "四风");
    CHECK_THROWS_WITH(transferClue(w.db, w.admin, finding, "纪委监委", day("2026-07-01")),
                      "线索移交日期 2026-07-01 晚于今天（2026-06-30）：只能登记已经发生的事。请填写实际发生的日期（不晚于 "
                      "2026-06-30）。");
    CHECK(rows(w, "clues") == 0);
    const int64_t clue = transferClue(w.db, w.admin, finding, "纪委监委", day("2026-03-01")).clue.id;
    CHECK_THROWS_WITH(disposeClue(w.db, w.admin, clue, "preliminary", std::nullopt, day("2026-02-28")),
                      "线索处置日期 2026-02-28 早于线索移交日期 2026-03-01：线索处置不能早于线索移交。请填写 2026-03-01 "
                      "或之后的日期。");
    CHECK(rows(w, "clue_disposals") == 0);
    disposeClue(w.db, w.admin, clue, "preliminary", std::nullopt, day("2026-03-15"));
    OutcomeInput zhang{"张某", "乡科级", "f2", std::string("警告"), std::nullopt, std::nullopt, false, std::nullopt};
    CHECK_THROWS_WITH(recordOutcome(w.db, w.admin, clue, zhang, day("2026-03-14")),
                      "处理结果登记日期 2026-03-14 早于线索处置日期 2026-03-15：处理结果登记不能早于线索处置。请填写 2026-03-15 "
                      "或之后的日期。");
    CHECK(rows(w, "clue_outcomes") == 0);
    CHECK(recordOutcome(w.db, w.admin, clue, zhang, day("2026-03-15")).outcomes.size() == 1);
}
