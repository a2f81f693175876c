#include <catch2/catch.hpp>

#include "core/domain/errors.hpp"
#include "core/services/clue_service.hpp"
#include "core/services/escalation_service.hpp"
#include "core/services/task_service.hpp"
#include "world.hpp"

namespace {

struct Fixture : World {
    store::TaskRecord taskA, taskB;
    int64_t findingA = 0, findingB = 0;
    Fixture() {
        round("R1", "2026-01-05");
        findingA = finding("R1", "UA", "四风");
        findingB = finding("R1", "UB", "资金");
        const auto tasks = feedBack("R1", "2026-02-12").tasks;
        taskA = tasks.at(0);
        taskB = tasks.at(1);
    }
    std::vector<int64_t> visibleTasks(const Actor& actor, TaskFilter filter = {}) {
        filter.asOf = day("2026-02-12");
        std::vector<int64_t> ids;
        for (const auto& t : listTasks(db, actor, filter)) ids.push_back(t.id);
        return ids;
    }
};

std::string notFound(int64_t id) {
    return "整改任务 #" + std::to_string(id) + " 不存在。";
}

}  // namespace

TEST_CASE("a unit user sees and touches only its own unit's tasks", "[permissions]") {
    Fixture f;
    CHECK(f.visibleTasks(f.unitA) == std::vector<int64_t>{f.taskA.id});
    CHECK(f.visibleTasks(f.unitB) == std::vector<int64_t>{f.taskB.id});
    TaskFilter other;
    other.unitCode = "UB";
    // Another unit reads exactly like one that does not exist.
    CHECK_THROWS_WITH(f.visibleTasks(f.unitA, other), "单位「UB」不存在。请检查单位编码。");
    CHECK_THROWS_WITH(showTask(f.db, f.unitA, f.taskB.id), notFound(f.taskB.id));
    CHECK_THROWS_WITH(planTask(f.db, f.unitA, f.taskB.id, "m", "h", "l"), notFound(f.taskB.id));
    CHECK_THROWS_WITH(requestExtension(f.db, f.unitB, f.taskA.id, day("2026-09-01"), "r"), notFound(f.taskA.id));
    CHECK(store::findTaskById(f.db, f.taskB.id)->status == "assigned");
    CHECK(planTask(f.db, f.unitB, f.taskB.id, "m", "h", "l").status == "planned");
    // The unit cannot verify its own work or escalate.
    CHECK_THROWS_WITH(acceptTask(f.db, f.unitB, f.taskB.id, std::string("自评合格"), day("2026-03-01")),
                      "用户「乙联系人」（被巡察单位联系人）无权验收销号（整改任务 #2）：只有巡察轮次 R1 的巡察组成员和管理员可以这样做。");
    CHECK_THROWS_WITH(escalate(f.db, f.unitA, day("2026-03-01")),
                      "用户「甲联系人」（被巡察单位联系人）无权执行预警督办：只有管理员、领导小组和巡察组成员可以这样做。");
}

TEST_CASE("inspectors act on their own rounds, leaders read and decide extensions", "[permissions]") {
    Fixture f;
    CHECK(f.visibleTasks(f.inspector) == std::vector<int64_t>{f.taskA.id, f.taskB.id});
    CHECK(f.visibleTasks(f.otherInspector).empty());
    CHECK_THROWS_WITH(returnTask(f.db, f.otherInspector, f.taskA.id, "r"), notFound(f.taskA.id));
    CHECK(escalate(f.db, f.otherInspector, day("2026-05-01")).empty());  // none of their rounds
    CHECK(f.visibleTasks(f.leader) == std::vector<int64_t>{f.taskA.id, f.taskB.id});
    CHECK_THROWS_WITH(planTask(f.db, f.leader, f.taskA.id, "m", "h", "l"),
                      "用户「王书记」（领导小组）无权制定整改措施（整改任务 #1）：只有被巡察单位 UA 的联系人和管理员可以这样做。");
    CHECK_THROWS_WITH(planTask(f.db, f.inspector, f.taskA.id, "m", "h", "l"),
                      "用户「张组长」（巡察组成员）无权制定整改措施（整改任务 #1）：只有被巡察单位 UA 的联系人和管理员可以这样做。");
    CHECK(escalate(f.db, f.inspector, day("2026-05-01")).size() == 2);
}

TEST_CASE("clues do not exist for unit users and inspectors of other rounds", "[permissions][clue]") {
    Fixture f;
    const auto clue = transferClue(f.db, f.inspector, f.findingA, "纪委监委", day("2026-02-20"));
    CHECK(clue.clue.replyDue == std::optional<std::string>("2026-05-20"));
    const std::string missing = "问题线索 #" + std::to_string(clue.clue.id) + " 不存在。";
    for (const Actor* outsider : {&f.unitA, &f.unitB, &f.otherInspector}) {
        INFO(outsider->name);
        CHECK(listClues(f.db, *outsider, std::nullopt).empty());
        CHECK_THROWS_WITH(showClue(f.db, *outsider, clue.clue.id), missing);
        CHECK_THROWS_WITH(disposeClue(f.db, *outsider, clue.clue.id, "hold", std::nullopt, day("2026-03-01")), missing);
        const auto stats = clueStatistics(f.db, *outsider, std::nullopt);
        REQUIRE(stats.size() == 1);  // the total only, all zero
        CHECK(stats[0].clues == 0);
    }
    // A clue that does not exist reads exactly the same.
    CHECK_THROWS_WITH(showClue(f.db, f.unitA, 999), "问题线索 #999 不存在。");
    CHECK(listClues(f.db, f.leader, std::nullopt).size() == 1);
    CHECK_THROWS_WITH(disposeClue(f.db, f.leader, clue.clue.id, "hold", std::nullopt, day("2026-03-01")),
                      "用户「王书记」（领导小组）无权处置问题线索：只有管理员和巡察轮次 R1 的巡察组成员可以这样做。");
    CHECK_THROWS_WITH(transferClue(f.db, f.unitA, f.findingA, "组织部", day("2026-03-01")),
                      "用户「甲联系人」（被巡察单位联系人）无权移交问题线索：只有管理员和巡察轮次 R1 的巡察组成员可以这样做。");
    CHECK_THROWS_WITH(transferClue(f.db, f.inspector, f.findingA, "组织部", day("2026-03-01")),
                      "问题 #1 已于 2026-02-20 移交纪委监委（线索 #1），不能重复移交。");
}

TEST_CASE("clue disposal, outcomes and statistics", "[clue]") {
    Fixture f;
    const int64_t c1 = transferClue(f.db, f.admin, f.findingA, "纪委监委", day("2026-02-20")).clue.id;
    const int64_t c2 = transferClue(f.db, f.admin, f.findingB, "组织部", day("2026-11-30")).clue.id;
    CHECK(showClue(f.db, f.admin, c2).clue.replyDue == std::optional<std::string>("2027-02-28"));
    OutcomeInput zhang{"张某", "乡科级", "f2", std::string("警告"), std::nullopt, std::nullopt, true, std::string("5200.50")};
    CHECK_THROWS_AS(recordOutcome(f.db, f.admin, c1, zhang, day("2026-03-01")), UserError);  // no disposal yet
    CHECK(disposeClue(f.db, f.admin, c1, "preliminary", std::string("成立核查组"), day("2026-03-01")).status ==
          domain::ClueStatus::Disposing);
    CHECK(recordOutcome(f.db, f.admin, c1, zhang, day("2026-04-01")).status == domain::ClueStatus::Concluded);
    OutcomeInput li{"李某", "县处级", "f3", std::string("留党察看"), std::string("撤职"), std::string("免职"), false, std::nullopt};
    recordOutcome(f.db, f.admin, c1, li, day("2026-04-01"));
    OutcomeInput bad = li;
    bad.governmentSanction = std::string("罚款");
    CHECK_THROWS_WITH(recordOutcome(f.db, f.admin, c1, bad, day("2026-04-01")),
                      "未知的政务处分「罚款」：应为 警告、记过、记大过、降级、撤职、开除 之一，请改用其中一个。");
    disposeClue(f.db, f.admin, c2, "hold", std::nullopt, day("2026-12-01"));
    const auto stats = clueStatistics(f.db, f.leader, std::nullopt);
    REQUIRE(stats.size() == 3);
    CHECK(stats[0].receiver == "纪委监委");
    CHECK(stats[0].clues == 1);
    CHECK(stats[0].people == 2);
    CHECK(stats[0].concluded == 1);
    CHECK(stats[0].formCounts[1] == 1);
    CHECK(stats[0].formCounts[2] == 1);
    CHECK(stats[0].sanctionedPeople == 2);
    CHECK(stats[0].referred == 1);
    CHECK(stats[0].recoveredFen == 520050);
    CHECK(stats[1].receiver == "组织部");
    CHECK(stats[1].concluded == 0);
    CHECK(stats[2].receiver == "合计");
    CHECK(stats[2].clues == 2);
    CHECK(stats[2].concluded == 1);
    CHECK(disposeClue(f.db, f.admin, c2, "close", std::nullopt, day("2026-12-02")).status == domain::ClueStatus::Concluded);
    CHECK_THROWS_AS(disposeClue(f.db, f.admin, c2, "preliminary", std::nullopt, day("2026-12-03")), UserError);
}
