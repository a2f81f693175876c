#include <catch2/catch.hpp>

#include "core/domain/errors.hpp"
#include "core/services/escalation_service.hpp"
#include "core/services/notice_service.hpp"
#include "core/services/task_service.hpp"
#include "world.hpp"

namespace {

// R1 targets UA and UB (tasks 1 and 2, fed back 2026-02-12, due 2026-03-14 and 2026-04-13); R2
// targets UA only (task 3, fed back 2026-03-02, due 2026-05-01) with its own inspector. Escalating
// on 2026-03-01 and 2026-04-14 stores four notices:
//   #1 task 1 UA R1 green (2026-03-01)   #2 task 1 UA R1 accountability (2026-04-14)
//   #3 task 2 UB R1 red   (2026-04-14)   #4 task 3 UA R2 green          (2026-04-14)
struct Fixture : World {
    Actor r2Inspector;
    Fixture() {
        round("R1", "2026-01-05");
        finding("R1", "UA", "四风", std::string("immediate"));
        finding("R1", "UB", "资金");
        feedBack("R1", "2026-02-12");
        createRound(db, admin, {"R2", "第R2轮", "special", "2026-03-01", "2026-12-31", std::nullopt, {}, std::nullopt});
        addRoundTargets(db, admin, "R2", {"UA"});
        r2Inspector = user("李组员", "inspector");
        addRoundTeam(db, admin, "R2", {"李组员"}, std::string("李组员"));
        finding("R2", "UA", "资金", std::nullopt, &admin);  // 张组长 is not on R2
        feedBack("R2", "2026-03-02");
        escalate(db, admin, day("2026-03-01"));
        escalate(db, admin, day("2026-04-14"));
    }

    std::vector<int64_t> ids(const Actor& actor, NoticeFilter filter = {}) {
        std::vector<int64_t> out;
        for (const auto& n : listNotices(db, actor, filter)) out.push_back(n.id);
        return out;
    }
};

const std::string kNoUnitUB = "单位「UB」不存在。请检查单位编码。";

}  // namespace

TEST_CASE("notices carry their task, finding, round and unit", "[notice]") {
    Fixture f;
    const auto all = listNotices(f.db, f.admin, {});
    REQUIRE(all.size() == 4);
    CHECK(all[0].taskId == std::optional<int64_t>(1));
    CHECK(all[0].findingId == std::optional<int64_t>(1));
    CHECK(all[0].roundCode == std::optional<std::string>("R1"));
    CHECK(all[0].unitCode == std::optional<std::string>("UA"));
    CHECK(all[0].unitName == std::optional<std::string>("甲镇"));
    CHECK(all[0].level == "green");
    CHECK(all[0].asOf == "2026-03-01");
    const std::vector<std::tuple<int64_t, std::string, std::string, std::string>> expected = {
        {1, "R1", "UA", "green"}, {1, "R1", "UA", "accountability"}, {2, "R1", "UB", "red"}, {3, "R2", "UA", "green"}};
    for (size_t i = 0; i < all.size(); ++i) {
        INFO(i);
        CHECK(*all[i].taskId == std::get<0>(expected[i]));
        CHECK(*all[i].roundCode == std::get<1>(expected[i]));
        CHECK(*all[i].unitCode == std::get<2>(expected[i]));
        CHECK(all[i].level == std::get<3>(expected[i]));
    }
}

TEST_CASE("a unit user sees only the notices of its own unit's tasks", "[notice][permissions]") {
    Fixture f;
    CHECK(f.ids(f.unitA) == std::vector<int64_t>{1, 2, 4});
    CHECK(f.ids(f.unitB) == std::vector<int64_t>{3});
    NoticeFilter own;
    own.unitCode = "UB";
    CHECK(f.ids(f.unitB, own) == std::vector<int64_t>{3});
    // Another unit reads exactly like a unit that does not exist.
    CHECK_THROWS_WITH(listNotices(f.db, f.unitA, own), kNoUnitUB);
    NoticeFilter none;
    none.unitCode = "UX";
    CHECK_THROWS_WITH(listNotices(f.db, f.unitA, none),
                      "单位「UX」不存在。请检查单位编码。");
    // So does a round that does not inspect the unit.
    NoticeFilter r2;
    r2.roundCode = "R2";
    CHECK(f.ids(f.unitA, r2) == std::vector<int64_t>{4});
    CHECK_THROWS_WITH(listNotices(f.db, f.unitB, r2),
                      "巡察轮次「R2」不存在。请检查轮次编码。");
    NoticeFilter r9;
    r9.roundCode = "R9";
    CHECK_THROWS_WITH(listNotices(f.db, f.unitB, r9),
                      "巡察轮次「R9」不存在。请检查轮次编码。");
    // Nothing a unit user is given names another unit.
    for (const auto& n : listNotices(f.db, f.unitB, {})) {
        CHECK(n.message.find("甲镇") == std::string::npos);
        CHECK(n.recipients.find("甲镇") == std::string::npos);
    }
}

TEST_CASE("inspectors see the notices of their rounds, admin and leader see all", "[notice][permissions]") {
    Fixture f;
    CHECK(f.ids(f.inspector) == std::vector<int64_t>{1, 2, 3});
    CHECK(f.ids(f.r2Inspector) == std::vector<int64_t>{4});
    CHECK(f.ids(f.otherInspector).empty());
    NoticeFilter r1;
    r1.roundCode = "R1";
    CHECK_THROWS_WITH(listNotices(f.db, f.r2Inspector, r1),
                      "巡察轮次「R1」不存在。请检查轮次编码。");
    CHECK(f.ids(f.leader) == std::vector<int64_t>{1, 2, 3, 4});
    CHECK(f.ids(f.admin) == std::vector<int64_t>{1, 2, 3, 4});
    // A notice about no task is for the office and leadership only.
    store::NoticeRecord office;
    office.level = "red";
    office.recipients = "[]";
    office.message = "全县汇总";
    office.asOf = "2026-04-14";
    const int64_t id = store::insertNotice(f.db, office);
    CHECK(f.ids(f.leader).back() == id);
    CHECK(f.ids(f.admin).back() == id);
    CHECK(f.ids(f.inspector) == std::vector<int64_t>{1, 2, 3});
    CHECK(f.ids(f.unitA) == std::vector<int64_t>{1, 2, 4});
}

TEST_CASE("notices filter by round, unit, level and date", "[notice]") {
    Fixture f;
    NoticeFilter filter;
    filter.unitCode = "UA";
    CHECK(f.ids(f.leader, filter) == std::vector<int64_t>{1, 2, 4});
    filter.roundCode = "R1";
    CHECK(f.ids(f.leader, filter) == std::vector<int64_t>{1, 2});
    filter = {};
    filter.level = "red";
    CHECK(f.ids(f.inspector, filter) == std::vector<int64_t>{3});
    filter.level = "purple";
    CHECK_THROWS_AS(listNotices(f.db, f.admin, filter), UserError);
    filter = {};
    filter.since = day("2026-03-02");
    CHECK(f.ids(f.admin, filter) == std::vector<int64_t>{2, 3, 4});
    filter.since = day("2026-04-15");
    CHECK(f.ids(f.admin, filter).empty());
}
