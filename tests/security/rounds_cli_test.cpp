// Through the `patrol` executable: commands naming a round the user may not read are refused
// exactly like a round code that does not exist.
#include "hidden_county.hpp"

using namespace security;

TEST_CASE("patrol: a round that skips a unit reads to its contact as missing", "[security][cli][round]") {
    HiddenCounty c;
    const std::string u = "甲联系人";
    c.refusedAlike(u, {"round", "show", "R3"}, "R3", {"round", "show", "R9"}, "R9", kNoR9);
    c.refusedAlike(u, {"round", "advance", "--round", "R3", "--to", "onsite"}, "R3",
                   {"round", "advance", "--round", "R9", "--to", "onsite"}, "R9", kNoR9);
    c.refusedAlike(u, {"finding", "add", "--round", "R3", "--unit", "UB", "--category", "四风", "--title", "t"}, "R3",
                   {"finding", "add", "--round", "R9", "--unit", "UB", "--category", "四风", "--title", "t"}, "R9", kNoR9);
}

TEST_CASE("patrol: a round an inspector is not on reads to it as missing", "[security][cli][round]") {
    HiddenCounty c;
    const std::string o = "局外人";
    c.refusedAlike(o, {"round", "show", "R1"}, "R1", {"round", "show", "R9"}, "R9", kNoR9);
    c.refusedAlike(o, {"round", "advance", "--round", "R1", "--to", "rectifying"}, "R1",
                   {"round", "advance", "--round", "R9", "--to", "rectifying"}, "R9", kNoR9);
    c.refusedAlike(o, {"finding", "add", "--round", "R1", "--unit", "UA", "--category", "四风", "--title", "t"}, "R1",
                   {"finding", "add", "--round", "R9", "--unit", "UA", "--category", "四风", "--title", "t"}, "R9", kNoR9);
    // A round the user may read is refused for the role, naming it.
    const Run r = c.patrol({"round", "advance", "--round", "R1", "--to", "rectifying"}, "甲联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "错误: 用户「甲联系人」（被巡察单位联系人）无权推进巡察阶段（巡察轮次 R1）：只有管理员和该轮巡察组成员可以这样做。\n");
}

TEST_CASE("patrol check --round: a round the user may not read is refused like a missing one, before any plugin runs",
          "[security][cli][round][check]") {
    HiddenCounty c;
    const std::string data = std::string(PATROL_SOURCE_DIR) + "/tests/plugins/cases/four_styles_boundaries/data";
    const std::string noR9 = "巡察轮次「R9」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。";
    c.refusedAlike("甲联系人", {"check", "--plugin", "four_styles", "--data", data, "--round", "R3"}, "R3",
                   {"check", "--plugin", "four_styles", "--data", data, "--round", "R9"}, "R9", noR9);
    c.refusedAlike("局外人", {"check", "--plugin", "all", "--data", data, "--round", "R1"}, "R1",
                   {"check", "--plugin", "all", "--data", data, "--round", "R9"}, "R9", noR9);
}
