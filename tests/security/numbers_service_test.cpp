// Records asked for by number, each user's own views, and the commands refused for a role: a
// unit user (甲联系人 of UA) and an inspector of other rounds (局外人) meet a hidden finding, task or
// clue exactly like a number that does not exist.
#include <catch2/catch.hpp>

#include "core/services/audit_service.hpp"
#include "core/services/notice_service.hpp"
#include "core/services/task_service.hpp"
#include "hidden_world.hpp"

using namespace security;

namespace {

std::vector<std::string> codes(const std::vector<store::RoundRecord>& rounds) {
    std::vector<std::string> out;
    for (const auto& r : rounds) out.push_back(r.code);
    return out;
}

std::vector<int64_t> findingIds(const std::vector<store::FindingRecord>& findings) {
    std::vector<int64_t> out;
    for (const auto& f : findings) out.push_back(f.id);
    return out;
}

}  // namespace

TEST_CASE("a unit user sees the rounds that target it, its own unit, and only what was fed back", "[security][unit]") {
    HiddenWorld w;
    const Actor& a = w.unitA;
    CHECK(codes(listRounds(w.db, a)) == std::vector<std::string>{"R1", "R2", "R4"});
    const auto units = listUnits(w.db, a);
    REQUIRE(units.size() == 1);
    CHECK(units[0].code == "UA");
    const auto r1 = showRound(w.db, a, "R1");
    REQUIRE(r1.targets.size() == 1);
    CHECK(r1.targets[0].code == "UA");
    CHECK(r1.team.empty());
    CHECK(r1.findingCounts == std::vector<std::pair<std::string, int64_t>>{{"fed_back", 1}});
    CHECK(showRound(w.db, a, "R2").findingCounts.empty());  // confirmed and suspected, not fed back
    CHECK(findingIds(listFindings(w.db, a, {})) == std::vector<int64_t>{w.fA1});
    CHECK(listFindings(w.db, a, {std::string("R2"), std::nullopt, std::nullopt}).empty());
    CHECK(listFindings(w.db, a, {std::nullopt, std::nullopt, std::string("suspected")}).empty());
    CHECK(listFindings(w.db, a, {std::nullopt, std::nullopt, std::string("dismissed")}).empty());
}

TEST_CASE("a unit user meets other units' and unfed findings as missing numbers", "[security][unit][finding]") {
    HiddenWorld w;
    const Actor& a = w.unitA;
    // Another unit's, its own dismissed one, its own not yet fed back (confirmed and suspected).
    for (const int64_t hidden : {w.fB1, w.fAd, w.fA2, w.fA2s, w.fB3}) {
        INFO("finding #" << hidden);
        const std::string name = "#" + std::to_string(hidden);
        refusedAlike([&] { showFinding(w.db, a, hidden); }, name, [&] { showFinding(w.db, a, 999); }, "#999",
                     noFinding(999));
        refusedAlike([&] { confirmFinding(w.db, a, hidden); }, name, [&] { confirmFinding(w.db, a, 999); }, "#999",
                     noFinding(999));
        refusedAlike([&] { dismissFinding(w.db, a, hidden, "理由"); }, name,
                     [&] { dismissFinding(w.db, a, 999, "理由"); }, "#999", noFinding(999));
        refusedAlike([&] { transferClue(w.db, a, hidden, "纪委监委", day("2026-05-01")); }, name,
                     [&] { transferClue(w.db, a, 999, "纪委监委", day("2026-05-01")); }, "#999",
                     "问题 #999 不存在，或您无权查看。请检查问题编号。");
    }
    CHECK(store::findFindingById(w.db, w.fA2s)->status == "suspected");
}

TEST_CASE("a unit user meets another unit's task as a missing number", "[security][unit][task]") {
    HiddenWorld w;
    const Actor& a = w.unitA;
    TaskFilter all;
    all.asOf = day("2026-04-01");
    const auto own = listTasks(w.db, a, all);
    REQUIRE(own.size() == 1);
    CHECK(own[0].id == w.tA1);

    const std::string hidden = "#" + std::to_string(w.tB1);
    const auto alike = [&](auto&& onHidden, auto&& onMissing) {
        refusedAlike(onHidden, hidden, onMissing, "#999", noTask(999));
    };
    alike([&] { showTask(w.db, a, w.tB1); }, [&] { showTask(w.db, a, 999); });
    alike([&] { planTask(w.db, a, w.tB1, "措施", "责任人", "领导"); }, [&] { planTask(w.db, a, 999, "措施", "责任人", "领导"); });
    const EvidenceStore evidence((w.dir / "data").string(), 1 << 20);
    ProgressInput progress{50, "过半", {}, day("2026-04-02")};
    alike([&] { reportProgress(w.db, a, w.tB1, progress, evidence); }, [&] { reportProgress(w.db, a, 999, progress, evidence); });
    alike([&] { submitTask(w.db, a, w.tB1); }, [&] { submitTask(w.db, a, 999); });
    alike([&] { requestExtension(w.db, a, w.tB1, day("2026-09-30"), "理由"); },
          [&] { requestExtension(w.db, a, 999, day("2026-09-30"), "理由"); });
    alike([&] { acceptTask(w.db, a, w.tB1, std::string("自评"), day("2026-04-02")); },
          [&] { acceptTask(w.db, a, 999, std::string("自评"), day("2026-04-02")); });
    alike([&] { decideExtension(w.db, a, w.tB1, ExtensionDecision::approval(day("2026-04-02"))); },
          [&] { decideExtension(w.db, a, 999, ExtensionDecision::approval(day("2026-04-02"))); });
    // Nothing moved.
    CHECK(store::findTaskById(w.db, w.tB1)->status == "assigned");
    CHECK(store::listProgress(w.db, w.tB1).empty());
    CHECK(store::listExtensions(w.db, w.tB1).empty());
}

TEST_CASE("a unit user has no clues: none listed or counted, each number missing", "[security][unit][clue]") {
    HiddenWorld w;
    const Actor& a = w.unitA;
    CHECK(listClues(w.db, a, std::nullopt).empty());
    CHECK(listClues(w.db, a, std::string("R1")).empty());
    const auto stats = clueStatistics(w.db, a, std::nullopt);
    REQUIRE(stats.size() == 1);
    CHECK(stats[0].clues == 0);
    CHECK(stats[0].people == 0);
    const std::string name = "#" + std::to_string(w.c1);
    refusedAlike([&] { showClue(w.db, a, w.c1); }, name, [&] { showClue(w.db, a, 999); }, "#999", noClue(999));
    refusedAlike([&] { disposeClue(w.db, a, w.c1, "hold", std::nullopt, day("2026-05-01")); }, name,
                 [&] { disposeClue(w.db, a, 999, "hold", std::nullopt, day("2026-05-01")); }, "#999", noClue(999));
    OutcomeInput outcome{"张某", "乡科级", "f1", std::nullopt, std::nullopt, std::nullopt, false, std::nullopt};
    refusedAlike([&] { recordOutcome(w.db, a, w.c1, outcome, day("2026-05-01")); }, name,
                 [&] { recordOutcome(w.db, a, 999, outcome, day("2026-05-01")); }, "#999", noClue(999));
}

TEST_CASE("a unit user's notices are its own, other rounds and units read as missing", "[security][unit][notice]") {
    HiddenWorld w;
    const Actor& a = w.unitA;
    REQUIRE(listNotices(w.db, w.admin, {}).size() == 2);
    const auto own = listNotices(w.db, a, {});
    REQUIRE(own.size() == 1);
    CHECK(own[0].taskId == std::optional<int64_t>(w.tA1));
    refusedAlike([&] { listNotices(w.db, a, {std::string("R3"), std::nullopt, std::nullopt, std::nullopt}); }, "R3",
                 [&] { listNotices(w.db, a, {std::string("R9"), std::nullopt, std::nullopt, std::nullopt}); }, "R9",
                 noRound("R9"));
    refusedAlike([&] { listNotices(w.db, a, {std::nullopt, std::string("UB"), std::nullopt, std::nullopt}); }, "UB",
                 [&] { listNotices(w.db, a, {std::nullopt, std::string("UZ"), std::nullopt, std::nullopt}); }, "UZ",
                 noUnit("UZ"));
}

TEST_CASE("audit log, user list and escalation are refused to a unit user for its role", "[security][unit]") {
    HiddenWorld w;
    const Actor& a = w.unitA;
    const std::string auditRefused =
        "用户「甲联系人」（被巡察单位联系人）无权查看审计日志：只有巡察办管理员（admin）和领导小组（leader）可以这样做。";
    CHECK(refusal([&] { auditLog(w.db, a, {}); }) == auditRefused);
    CHECK(refusal([&] { auditLog(w.db, a, {std::string("task"), std::nullopt, std::nullopt, std::nullopt}); }) == auditRefused);
    CHECK(refusal([&] { verifyAudit(w.db, a); }) ==
          "用户「甲联系人」（被巡察单位联系人）无权核验审计日志：只有巡察办管理员（admin）和领导小组（leader）可以这样做。");
    CHECK(refusal([&] { listUsers(w.db, a); }) ==
          "用户「甲联系人」（被巡察单位联系人）无权查看用户名单：只有巡察办管理员（admin）和领导小组（leader）可以这样做。");
    CHECK(refusal([&] { listUsers(w.db, w.inspector); }) ==
          "用户「张组长」（巡察组成员）无权查看用户名单：只有巡察办管理员（admin）和领导小组（leader）可以这样做。");
    CHECK(refusal([&] { escalate(w.db, a, day("2026-05-01")); }) ==
          "用户「甲联系人」（被巡察单位联系人）无权执行预警督办：只有管理员、领导小组和巡察组成员可以这样做。");
    CHECK_FALSE(auditLog(w.db, w.leader, {}).empty());
    CHECK(listUsers(w.db, w.leader).size() == 5);
}

TEST_CASE("an inspector of other rounds meets R1's findings, tasks, clues and notices as missing numbers",
          "[security][inspector]") {
    HiddenWorld w;
    const Actor& o = w.otherInspector;
    for (const int64_t hidden : {w.fA1, w.fB1, w.fAd}) {
        INFO("finding #" << hidden);
        const std::string name = "#" + std::to_string(hidden);
        refusedAlike([&] { showFinding(w.db, o, hidden); }, name, [&] { showFinding(w.db, o, 999); }, "#999", noFinding(999));
        refusedAlike([&] { confirmFinding(w.db, o, hidden); }, name, [&] { confirmFinding(w.db, o, 999); }, "#999",
                     noFinding(999));
        refusedAlike([&] { transferClue(w.db, o, hidden, "组织部", day("2026-05-01")); }, name,
                     [&] { transferClue(w.db, o, 999, "组织部", day("2026-05-01")); }, "#999",
                     "问题 #999 不存在，或您无权查看。请检查问题编号。");
    }
    TaskFilter tasks;
    tasks.asOf = day("2026-04-01");
    CHECK(listTasks(w.db, o, tasks).empty());
    for (const int64_t hidden : {w.tA1, w.tB1}) {
        const std::string name = "#" + std::to_string(hidden);
        refusedAlike([&] { showTask(w.db, o, hidden); }, name, [&] { showTask(w.db, o, 999); }, "#999", noTask(999));
        refusedAlike([&] { acceptTask(w.db, o, hidden, std::string("核查"), day("2026-05-01")); }, name,
                     [&] { acceptTask(w.db, o, 999, std::string("核查"), day("2026-05-01")); }, "#999", noTask(999));
        refusedAlike([&] { returnTask(w.db, o, hidden, "理由"); }, name, [&] { returnTask(w.db, o, 999, "理由"); }, "#999",
                     noTask(999));
    }
    CHECK(escalate(w.db, o, day("2026-12-01")).empty());  // R1's tasks are none of its business
    CHECK(listClues(w.db, o, std::nullopt).empty());
    const std::string clue = "#" + std::to_string(w.c1);
    refusedAlike([&] { showClue(w.db, o, w.c1); }, clue, [&] { showClue(w.db, o, 999); }, "#999", noClue(999));
    refusedAlike([&] { disposeClue(w.db, o, w.c1, "hold", std::nullopt, day("2026-05-01")); }, clue,
                 [&] { disposeClue(w.db, o, 999, "hold", std::nullopt, day("2026-05-01")); }, "#999", noClue(999));
    CHECK(listNotices(w.db, o, {}).empty());
    refusedAlike([&] { listNotices(w.db, o, {std::string("R1"), std::nullopt, std::nullopt, std::nullopt}); }, "R1",
                 [&] { listNotices(w.db, o, {std::string("R9"), std::nullopt, std::nullopt, std::nullopt}); }, "R9",
                 noRound("R9"));
}

TEST_CASE("leaders read every round, finding, task and clue", "[security][leader]") {
    HiddenWorld w;
    CHECK(listRounds(w.db, w.leader).size() == 4);
    CHECK(listFindings(w.db, w.leader, {}).size() == 6);
    TaskFilter all;
    all.asOf = day("2026-04-01");
    CHECK(listTasks(w.db, w.leader, all).size() == 2);
    CHECK(listClues(w.db, w.leader, std::string("R1")).size() == 1);
    CHECK(showRound(w.db, w.leader, "R3").team.size() == 1);
}
