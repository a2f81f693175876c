// Use cases naming a round: showing, advancing, recording a finding or a check's findings. A round
// the actor may not read is refused exactly like one that does not exist — before any refusal for
// the role, which would name it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/services/check_service.hpp"
#include "hidden_world.hpp"

using namespace security;

namespace {

CheckFinding checkFinding(const std::string& unit, const std::string& fingerprint) {
    CheckFinding c;
    c.plugin = "four_styles";
    c.rule = "FS-01";
    c.unitCode = unit;
    c.category = "四风";
    c.title = "疑似";
    c.fingerprint = fingerprint;
    return c;
}

}  // namespace

TEST_CASE("a unit user cannot tell a round that skips it from a missing one", "[security][unit][round]") {
    HiddenWorld w;
    const Actor& a = w.unitA;
    refusedAlike([&] { showRound(w.db, a, "R3"); }, "R3", [&] { showRound(w.db, a, "R9"); }, "R9", noRound("R9"));
    FindingInput in{"R3", "UB", "四风", "标题", "", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    FindingInput missing = in;
    missing.roundCode = "R9";
    refusedAlike([&] { addFinding(w.db, a, in); }, "R3", [&] { addFinding(w.db, a, missing); }, "R9", noRound("R9"));
    refusedAlike([&] { advanceRound(w.db, a, "R3", "onsite", std::string("2026-05-01"), {}); }, "R3",
                 [&] { advanceRound(w.db, a, "R9", "onsite", std::string("2026-05-01"), {}); }, "R9", noRound("R9"));
    const auto c = checkFinding("UB", "fp-x");
    refusedAlike([&] { recordCheckFindings(w.db, a, "R3", {c}); }, "R3", [&] { recordCheckFindings(w.db, a, "R9", {c}); },
                 "R9", noRound("R9"));
    refusedAlike([&] { pluginsToRecord(w.db, a, "R3", {}); }, "R3", [&] { pluginsToRecord(w.db, a, "R9", {}); },
                 "R9", "巡察轮次「R9」不存在。请检查轮次编码。");
    CHECK(store::findRoundByCode(w.db, "R3")->stage == "planned");
    // A round it may see is refused for the role, naming it — before any plugin runs.
    CHECK(refusal([&] { pluginsToRecord(w.db, a, "R2", {}); }) ==
          "用户「甲联系人」（被巡察单位联系人）无权记录检查发现的疑似问题（巡察轮次 R2）：只有管理员和该轮巡察组成员可以这样做。");
    CHECK(refusal([&] { advanceRound(w.db, a, "R2", "reported", std::string("2026-05-01"), {}); }) ==
          "用户「甲联系人」（被巡察单位联系人）无权推进巡察阶段（巡察轮次 R2）：只有管理员和该轮巡察组成员可以这样做。");
    CHECK(pluginsToRecord(w.db, w.otherInspector, "R2", {}) == std::vector<std::string>{"four_styles"});
}

TEST_CASE("an inspector cannot tell a round it is not on from a missing one", "[security][inspector][round]") {
    HiddenWorld w;
    const Actor& o = w.otherInspector;
    std::vector<std::string> seen;
    for (const auto& r : listRounds(w.db, o)) seen.push_back(r.code);
    CHECK(seen == std::vector<std::string>{"R2", "R3", "R4"});
    refusedAlike([&] { showRound(w.db, o, "R1"); }, "R1", [&] { showRound(w.db, o, "R9"); }, "R9", noRound("R9"));
    refusedAlike([&] { advanceRound(w.db, o, "R1", "rectifying", std::string("2026-05-01"), {}); }, "R1",
                 [&] { advanceRound(w.db, o, "R9", "rectifying", std::string("2026-05-01"), {}); }, "R9", noRound("R9"));
    FindingInput in{"R1", "UA", "四风", "标题", "", std::nullopt, std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    FindingInput missing = in;
    missing.roundCode = "R9";
    refusedAlike([&] { addFinding(w.db, o, in); }, "R1", [&] { addFinding(w.db, o, missing); }, "R9", noRound("R9"));
    const auto c = checkFinding("UA", "fp-y");
    refusedAlike([&] { recordCheckFindings(w.db, o, "R1", {c}); }, "R1", [&] { recordCheckFindings(w.db, o, "R9", {c}); },
                 "R9", noRound("R9"));
    refusedAlike([&] { pluginsToRecord(w.db, o, "R1", {}); }, "R1", [&] { pluginsToRecord(w.db, o, "R9", {}); },
                 "R9", "巡察轮次「R9」不存在。请检查轮次编码。");
    CHECK(store::findRoundByCode(w.db, "R1")->stage == "fed_back");
    // A leader reads R1 but may not record into it: refused, naming it.
    CHECK(refusal([&] { pluginsToRecord(w.db, w.leader, "R1", {}); }) ==
          "用户「王书记」（领导小组）无权记录检查发现的疑似问题（巡察轮次 R1）：只有管理员和该轮巡察组成员可以这样做。");
}

TEST_CASE("a lookback names its earlier round only to those who may see it", "[security][unit][round]") {
    HiddenWorld w;
    CHECK(showRound(w.db, w.unitA, "R4").round.lookbackOfCode == std::nullopt);
    CHECK(showRound(w.db, w.unitA, "R4").round.lookbackOf == std::nullopt);
    const auto listed = listRounds(w.db, w.unitA);
    const auto r4 = std::find_if(listed.begin(), listed.end(), [](const auto& r) { return r.code == "R4"; });
    REQUIRE(r4 != listed.end());
    CHECK(r4->lookbackOfCode == std::nullopt);
    CHECK(showRound(w.db, w.unitB, "R4").round.lookbackOfCode == std::optional<std::string>("R3"));
    CHECK(showRound(w.db, w.admin, "R4").round.lookbackOfCode == std::optional<std::string>("R3"));
    CHECK(showRound(w.db, w.otherInspector, "R4").round.lookbackOfCode == std::optional<std::string>("R3"));
}
