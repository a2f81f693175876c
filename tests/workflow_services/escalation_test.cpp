#include <catch2/catch.hpp>

#include "core/domain/errors.hpp"
#include "core/services/escalation_service.hpp"
#include "core/services/task_service.hpp"
#include "core/store/audit_log.hpp"
#include "store/records_version.hpp"
#include "world.hpp"

namespace {

int64_t rows(World& w, const char* table) {
    auto st = w.db.prepare(std::string("SELECT count(*) FROM ") + table);
    st.step();
    return st.integer(0);
}

// One deadline task due 2026-04-13 (fed back 2026-02-12), planned by the unit.
store::TaskRecord oneTask(World& w) {
    w.round("R1", "2026-01-05");
    w.finding("R1", "UA", "四风");
    const auto t = w.feedBack("R1", "2026-02-12").tasks.at(0);
    planTask(w.db, w.unitA, t.id, "整改", "李明", "王强", day("2026-02-13"));
    return *store::findTaskById(w.db, t.id);
}

}  // namespace

TEST_CASE("levels rise at their boundaries, once each, with one notice and one audit event", "[escalation]") {
    // The records' version moves once per run that raises anything, never per row.
    World w;
    const auto t = oneTask(w);
    REQUIRE(t.dueDate == "2026-04-13");
    struct Step {
        const char* asOf;
        const char* level;  // expected after the run; nullptr: nothing rises
    };
    const Step steps[] = {{"2026-03-23", nullptr},          // 21 days left
                          {"2026-03-24", "green"},          // 20
                          {"2026-04-02", nullptr},          // 11
                          {"2026-04-03", "yellow"},         // 10
                          {"2026-04-13", nullptr},          // 0: due today
                          {"2026-04-14", "red"},            // -1
                          {"2026-05-12", nullptr},          // -29
                          {"2026-05-13", "accountability"}};  // -30
    int64_t notices = 0;
    for (const auto& step : steps) {
        INFO(step.asOf);
        const int64_t events = rows(w, "audit_events");
        const int64_t version = testing::recordsVersion(w.db);
        const auto rises = escalate(w.db, w.admin, day(step.asOf));
        if (!step.level) {
            CHECK(rises.empty());
            CHECK(rows(w, "audit_events") == events);
            CHECK(testing::recordsVersion(w.db) == version);
            continue;
        }
        REQUIRE(rises.size() == 1);
        CHECK(std::string(domain::escalationLevels.code(rises[0].to)) == step.level);
        CHECK(store::findTaskById(w.db, t.id)->level == step.level);
        CHECK(rows(w, "notices") == ++notices);
        CHECK(rows(w, "audit_events") == events + 1);
        CHECK(testing::recordsVersion(w.db) == version + 1);
        // The same date again changes nothing.
        CHECK(escalate(w.db, w.admin, day(step.asOf)).empty());
        CHECK(rows(w, "notices") == notices);
        CHECK(rows(w, "audit_events") == events + 1);
    }
    // An earlier date never lowers a level.
    CHECK(escalate(w.db, w.admin, day("2026-03-01")).empty());
    CHECK(store::findTaskById(w.db, t.id)->level == "accountability");
    CHECK(store::verifyAuditChain(w.db).firstBrokenId == std::nullopt);
}

TEST_CASE("notices name who must be told", "[escalation]") {
    World w;
    const auto t = oneTask(w);
    auto rises = escalate(w.db, w.admin, day("2026-04-05"));
    REQUIRE(rises.size() == 1);
    CHECK(rises[0].from == domain::EscalationLevel::None);
    CHECK(rises[0].to == domain::EscalationLevel::Yellow);  // straight to yellow: 8 days left
    CHECK(rises[0].daysLeft == 8);
    CHECK(rises[0].notice.recipients ==
          R"([{"role":"handler","label":"责任人","name":"李明"},{"role":"responsible_leader","label":"分管领导","name":"王强"}])");
    CHECK(rises[0].notice.message ==
          "【黄色预警】整改任务 #1（UA 甲镇：四风问题）整改期限 2026-04-13，距期限还有 8 天。请责任人（李明）、分管领导（王强）督促落实，确保按期完成。");
    rises = escalate(w.db, w.admin, day("2026-04-20"));
    CHECK(rises.at(0).notice.message ==
          "【红色督办】整改任务 #1（UA 甲镇：四风问题）整改期限 2026-04-13，已逾期 7 天。请巡察办知悉：该任务列入挂牌督办。"
          "单位主要负责人未登记，无法通知：请为单位 UA 登记负责人。");
    store::NoticeQuery ofTask;
    ofTask.taskId = t.id;
    const auto notices = store::listNotices(w.db, ofTask);
    REQUIRE(notices.size() == 2);
    CHECK(notices[1].asOf == "2026-04-20");
    CHECK(notices[1].level == "red");
}

TEST_CASE("each rise carries its notice as stored: time, finding, round and unit", "[escalation]") {
    World w;
    const auto t = oneTask(w);
    const auto rises = escalate(w.db, w.admin, day("2026-04-05"));
    REQUIRE(rises.size() == 1);
    store::NoticeQuery ofTask;
    ofTask.taskId = t.id;
    const auto stored = store::listNotices(w.db, ofTask).at(0);
    const auto& n = rises[0].notice;
    CHECK(n.id == stored.id);
    CHECK(!n.createdAt.empty());
    CHECK(n.createdAt == stored.createdAt);
    CHECK(n.findingId == t.findingId);
    CHECK(n.roundCode == std::optional<std::string>("R1"));
    CHECK(n.unitCode == std::optional<std::string>("UA"));
    CHECK(n.unitName == std::optional<std::string>("甲镇"));
}

TEST_CASE("accepted tasks are not escalated and their level is cleared", "[escalation]") {
    World w;
    const auto t = oneTask(w);
    escalate(w.db, w.admin, day("2026-04-20"));
    EvidenceStore store((w.dir / "data").string(), 1000);
    reportProgress(w.db, w.unitA, t.id, {100, "完成", {}, day("2026-04-20")}, store);
    submitTask(w.db, w.unitA, t.id, day("2026-04-20"));
    CHECK(acceptTask(w.db, w.inspector, t.id, std::string("属实"), day("2026-04-21")).level == "none");
    CHECK(escalate(w.db, w.admin, day("2026-09-01")).empty());
}

TEST_CASE("an extension keeps the due date until approved, then the level falls back", "[extension]") {
    World w;
    const auto t = oneTask(w);
    escalate(w.db, w.admin, day("2026-04-20"));
    REQUIRE(store::findTaskById(w.db, t.id)->level == "red");

    const auto request = requestExtension(w.db, w.unitA, t.id, day("2026-06-30"), "需等待审计结论", day("2026-04-20"));
    CHECK(request.status == "pending");
    CHECK(request.previousDue == "2026-04-13");
    CHECK(store::findTaskById(w.db, t.id)->dueDate == "2026-04-13");  // a request moves nothing
    CHECK_THROWS_WITH(requestExtension(w.db, w.unitA, t.id, day("2026-07-30"), "再延", day("2026-04-20")),
                      "该任务已有一项待审批的延期申请；请等待审批（task extension approve|deny）后再申请。");
    CHECK_THROWS_WITH(decideExtension(w.db, w.unitA, t.id, ExtensionDecision::approval(day("2026-04-21"))),
                      "用户「甲联系人」（被巡察单位联系人）无权批准延期申请：只有巡察办管理员（admin）和领导小组（leader）可以这样做。");
    CHECK_THROWS_AS(decideExtension(w.db, w.inspector, t.id, ExtensionDecision::approval(day("2026-04-21"))), UserError);

    const auto approved = decideExtension(w.db, w.leader, t.id, ExtensionDecision::approval(day("2026-04-21")));
    CHECK(approved.dueDate == "2026-06-30");
    CHECK(approved.level == "none");  // 70 days left: the level falls back
    CHECK(store::listExtensions(w.db, t.id).at(0).status == "approved");
    CHECK(store::listExtensions(w.db, t.id).at(0).decidedBy == std::optional<std::string>("王书记"));
    CHECK_THROWS_WITH(decideExtension(w.db, w.leader, t.id, ExtensionDecision::denial("不同意", day("2026-04-21"))),
                      "整改任务 #1 没有待审批的延期申请；单位可提出申请。");
    // Levels rise again from the new date.
    CHECK(escalate(w.db, w.admin, day("2026-06-20")).at(0).to == domain::EscalationLevel::Yellow);
}

TEST_CASE("a denied extension leaves the task as it was, a date not later is refused", "[extension]") {
    World w;
    const auto t = oneTask(w);
    CHECK_THROWS_WITH(requestExtension(w.db, w.unitA, t.id, day("2026-04-13"), "理由"),
                      "延期后的期限应晚于当前期限 2026-04-13，实际为 2026-04-13；请指定更晚的日期。");
    CHECK_THROWS_WITH(requestExtension(w.db, w.unitA, t.id, day("2026-05-13"), ""), "延期理由不能为空，请填写。");
    requestExtension(w.db, w.unitA, t.id, day("2026-05-13"), "理由", day("2026-03-30"));
    const auto denied = decideExtension(w.db, w.admin, t.id, ExtensionDecision::denial("应按期完成", day("2026-04-01")));
    CHECK(denied.dueDate == "2026-04-13");
    CHECK(store::listExtensions(w.db, t.id).at(0).status == "denied");
    // After a decision a new request may be made.
    CHECK(requestExtension(w.db, w.unitA, t.id, day("2026-05-20"), "再次申请", day("2026-04-02")).status == "pending");
}
