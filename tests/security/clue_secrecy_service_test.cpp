// Clues do not exist to a unit user, so neither does the transfer of its own finding.
#include <catch2/catch.hpp>

#include "hidden_world.hpp"

using namespace security;

TEST_CASE("a unit user is never told that its finding was transferred as a clue", "[security][unit][clue]") {
    HiddenWorld w;
    CHECK(showFinding(w.db, w.admin, w.fA1).transferred);
    CHECK(showFinding(w.db, w.inspector, w.fA1).transferred);
    CHECK(showFinding(w.db, w.leader, w.fA1).transferred);
    CHECK_FALSE(showFinding(w.db, w.unitA, w.fA1).transferred);
    const auto listed = listFindings(w.db, w.unitA, {});
    REQUIRE(listed.size() == 1);
    CHECK_FALSE(listed[0].transferred);
    CHECK(store::findFindingById(w.db, w.fA1)->transferred);  // only the view is redacted
    // Its own finding is visible, so transferring it is refused for the role before anything
    // about an earlier transfer is said.
    CHECK(refusal([&] { transferClue(w.db, w.unitA, w.fA1, "组织部", day("2026-05-01")); }) ==
          "用户「甲联系人」（被巡察单位联系人）无权移交问题线索：只有管理员和巡察轮次 R1 的巡察组成员可以这样做。");
}
