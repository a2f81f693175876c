#include <catch2/catch.hpp>

#include <fstream>
#include <list>

#include "core/domain/errors.hpp"
#include "core/services/escalation_service.hpp"
#include "core/services/task_service.hpp"
#include "core/store/finding_repository.hpp"
#include "world.hpp"

namespace {

store::TaskRecord taskOf(World& w, int64_t findingId) {
    store::TaskQuery q;
    q.findingId = findingId;
    return store::listTasks(w.db, q).at(0);
}

std::string findingStatus(World& w, int64_t id) { return store::findFindingById(w.db, id)->status; }

// Plans and reports the task to submission, as the unit does.
void workThrough(World& w, const Actor& unit, int64_t taskId, const std::vector<std::string>& files = {}) {
    EvidenceStore store((w.dir / "data").string(), w.settings.evidenceMaxBytes);
    planTask(w.db, unit, taskId, "清退款项", "李明", "王强", day("2026-02-13"));
    std::list<std::ifstream> open;
    std::vector<EvidenceUpload> uploads;
    for (const auto& f : files) uploads.push_back({f, &open.emplace_back(f, std::ios::binary), std::nullopt, f});
    reportProgress(w.db, unit, taskId, {100, "已完成", uploads, day("2026-03-01")}, store);
    submitTask(w.db, unit, taskId, day("2026-03-01"));
}

}  // namespace

TEST_CASE("feedback creates one task per confirmed finding with the kind's due date", "[feedback]") {
    World w;
    w.settings.kinds[domain::RectificationKind::LongTerm] = {5, domain::DayCounting::Working};
    w.round("R1", "2026-01-05");
    const int64_t a = w.finding("R1", "UA", "四风", "immediate");
    const int64_t b = w.finding("R1", "UB", "资金");
    const int64_t c = w.finding("R1", "UB", "作风", "long_term");
    const auto result = w.feedBack("R1", "2026-02-12");
    REQUIRE(result.tasks.size() == 3);
    CHECK(result.reportDue == day("2026-04-13"));
    CHECK(taskOf(w, a).kind == "immediate");
    CHECK(taskOf(w, a).dueDate == "2026-03-14");  // 30 natural days
    CHECK(taskOf(w, b).kind == "deadline");       // no kind on the finding
    CHECK(taskOf(w, b).dueDate == "2026-04-13");
    CHECK(taskOf(w, c).dueDate == "2026-02-26");  // 5 working days across 春节 and its makeup Saturday
    CHECK(taskOf(w, a).status == "assigned");
    CHECK(taskOf(w, a).assignedOn == "2026-02-12");
    CHECK(findingStatus(w, a) == "fed_back");
    // The hand-over is idempotent: nothing new on a second call.
    CHECK(createTasksOnFeedback(w.db, *store::findRoundByCode(w.db, "R1"), day("2026-02-12"), w.admin, w.settings,
                                w.calendar)
              .tasks.empty());
}

TEST_CASE("a round is carried from feedback to closed and closing waits for every task", "[feedback]") {
    World w;
    w.round("R1", "2026-01-05");
    const int64_t a = w.finding("R1", "UA", "四风");
    const int64_t b = w.finding("R1", "UB", "资金");
    w.feedBack("R1", "2026-02-12");
    const auto ta = taskOf(w, a), tb = taskOf(w, b);
    workThrough(w, w.unitA, ta.id, {w.file("收据.txt", "receipt")});
    CHECK(findingStatus(w, a) == "rectifying");
    acceptTask(w.db, w.inspector, ta.id, std::nullopt, day("2026-03-10"));
    CHECK(findingStatus(w, a) == "rectified");
    advanceRound(w.db, w.admin, "R1", "rectifying", std::string("2026-03-11"), nullptr);
    CHECK_THROWS_WITH(advanceRound(w.db, w.admin, "R1", "closed", std::string("2026-03-12"), nullptr),
                      "巡察轮次 R1 还有 1 项整改任务未销号（#" + std::to_string(tb.id) +
                          "），不能进入「评估销号」(closed)：请先验收这些任务。");
    CHECK(store::findRoundByCode(w.db, "R1")->stage == "rectifying");
    workThrough(w, w.unitB, tb.id);
    acceptTask(w.db, w.inspector, tb.id, std::string("经实地核查，已整改到位"), day("2026-03-12"));
    advanceRound(w.db, w.admin, "R1", "closed", std::string("2026-03-12"), nullptr);
    CHECK(findingStatus(w, a) == "closed");
    CHECK(findingStatus(w, b) == "closed");
    const auto accepted = store::findTaskById(w.db, tb.id);
    CHECK(accepted->status == "accepted");
    CHECK(accepted->acceptedOn == std::optional<std::string>("2026-03-12"));
    CHECK(accepted->verificationNote == std::optional<std::string>("经实地核查，已整改到位"));
}

TEST_CASE("accepting needs an evidence file or a written note", "[task]") {
    World w;
    w.round("R1", "2026-01-05");
    w.finding("R1", "UA", "四风");
    const auto t = w.feedBack("R1", "2026-02-12").tasks.at(0);
    workThrough(w, w.unitA, t.id);
    const std::string refusal = "验收销号需要佐证材料或书面核查意见：整改任务 #" + std::to_string(t.id) +
                                " 还没有任何佐证材料，也没有给出核查意见。请由单位在报告进展时附上材料，或写明核查意见。";
    CHECK_THROWS_WITH(acceptTask(w.db, w.inspector, t.id, std::nullopt, day("2026-03-10")), refusal);
    CHECK_THROWS_WITH(acceptTask(w.db, w.inspector, t.id, std::string("  \n"), day("2026-03-10")), refusal);
    CHECK(store::findTaskById(w.db, t.id)->status == "submitted");
    CHECK(acceptTask(w.db, w.inspector, t.id, std::string("核查属实"), day("2026-03-10")).status == "accepted");
}

TEST_CASE("returned three times means accountability at the next escalation", "[task][escalation]") {
    World w;
    w.round("R1", "2026-01-05");
    w.finding("R1", "UA", "四风");
    const auto t = w.feedBack("R1", "2026-02-12").tasks.at(0);
    EvidenceStore store((w.dir / "data").string(), w.settings.evidenceMaxBytes);
    workThrough(w, w.unitA, t.id);
    for (int i = 1; i <= 3; ++i) {
        CHECK_THROWS_WITH(returnTask(w.db, w.inspector, t.id, " "), "退回理由不能为空，请填写。");
        CHECK(returnTask(w.db, w.inspector, t.id, "材料不足", day("2026-03-02")).returnedCount == i);
        if (i < 3) {
            reportProgress(w.db, w.unitA, t.id, {100, "补充材料", {}, day("2026-03-02")}, store);
            submitTask(w.db, w.unitA, t.id, day("2026-03-02"));
        }
    }
    CHECK(store::findTaskById(w.db, t.id)->status == "in_progress");
    const auto rises = escalate(w.db, w.admin, day("2026-02-13"));  // far from due
    REQUIRE(rises.size() == 1);
    CHECK(rises[0].to == domain::EscalationLevel::Accountability);
    CHECK(rises[0].notice.message ==
          "【问责建议】整改任务 #1（UA 甲镇：四风问题）整改期限 2026-04-13，距期限还有 59 天，已被退回 3 次。"
          "请巡察工作领导小组研究提出问责建议。");
}
