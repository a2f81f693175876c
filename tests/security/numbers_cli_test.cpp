// Through the `patrol` executable: hidden records asked for by number, each user's own listings,
// unknown and revoked users, and the commands only admin and leaders may run.
#include "hidden_county.hpp"

using namespace security;

TEST_CASE("patrol: a unit user cannot tell hidden numbers from missing ones", "[security][cli]") {
    HiddenCounty c;
    const std::string u = "甲联系人";
    for (const char* finding : {"2", "3"}) {
        const std::string name = std::string("#") + finding;
        c.refusedAlike(u, {"finding", "show", finding}, name, {"finding", "show", "99"}, "#99", kNoFinding);
        c.refusedAlike(u, {"finding", "confirm", finding}, name, {"finding", "confirm", "99"}, "#99", kNoFinding);
    }
    c.refusedAlike(u, {"task", "show", "2"}, "#2", {"task", "show", "99"}, "#99", kNoTask);
    c.refusedAlike(u, {"task", "plan", "2", "--measure", "m", "--handler", "h", "--leader", "l"}, "#2",
                   {"task", "plan", "99", "--measure", "m", "--handler", "h", "--leader", "l"}, "#99", kNoTask);
    c.refusedAlike(u, {"task", "progress", "2", "--percent", "50", "--note", "n"}, "#2",
                   {"task", "progress", "99", "--percent", "50", "--note", "n"}, "#99", kNoTask);
    c.refusedAlike(u, {"task", "submit", "2"}, "#2", {"task", "submit", "99"}, "#99", kNoTask);
    c.refusedAlike(u, {"task", "extend", "2", "--to", "2026-12-31", "--reason", "r"}, "#2",
                   {"task", "extend", "99", "--to", "2026-12-31", "--reason", "r"}, "#99", kNoTask);
    c.refusedAlike(u, {"clue", "show", "1"}, "#1", {"clue", "show", "99"}, "#99", kNoClue);
    c.refusedAlike(u, {"clue", "dispose", "1", "--method", "hold"}, "#1", {"clue", "dispose", "99", "--method", "hold"},
                   "#99", kNoClue);
    for (const char* other : {"UB", "UC"})
        c.refusedAlike(u, {"notice", "list", "--unit", other}, other, {"notice", "list", "--unit", "UZ"}, "UZ", kNoUZ);
    c.refusedAlike(u, {"notice", "list", "--round", "R3"}, "R3", {"notice", "list", "--round", "R9"}, "R9", kNoR9);
    // Its own unit is listed, and the rounds that target it.
    CHECK(c.ok({"unit", "list", "--format", "csv"}, u).out == "code,name,kind,kind_name,parent,head,contact\r\nUA,甲镇,township,乡镇,,,\r\n");
    const Run rounds = c.ok({"round", "list", "--format", "csv"}, u);
    CHECK(rounds.out.find("\r\nR1,") != std::string::npos);
    CHECK(rounds.out.find("R3") == std::string::npos);
}

TEST_CASE("patrol: an inspector of other rounds cannot tell R1's numbers from missing ones", "[security][cli]") {
    HiddenCounty c;
    const std::string o = "局外人";
    c.refusedAlike(o, {"finding", "show", "1"}, "#1", {"finding", "show", "99"}, "#99", kNoFinding);
    c.refusedAlike(o, {"task", "accept", "1", "--note", "核查"}, "#1", {"task", "accept", "99", "--note", "核查"}, "#99",
                   kNoTask);
    c.refusedAlike(o, {"task", "return", "1", "--reason", "r"}, "#1", {"task", "return", "99", "--reason", "r"}, "#99",
                   kNoTask);
    c.refusedAlike(o, {"clue", "show", "1"}, "#1", {"clue", "show", "99"}, "#99", kNoClue);
    c.refusedAlike(o, {"clue", "transfer", "2", "--to", "组织部"}, "#2", {"clue", "transfer", "99", "--to", "组织部"}, "#99",
                   "问题 #99 不存在，或您无权查看。请检查问题编号（可用 patrol finding list 查看）。");
}

TEST_CASE("patrol: unknown and revoked users are refused with exit 2", "[security][cli]") {
    HiddenCounty c;
    Run r = c.patrol({"task", "list"}, "冒名者");
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "错误: 用户「冒名者」不存在。请用 --user 或 PATROL_USER 指定已登记的用户，或请管理员先添加该用户。\n");
    c.ok({"user", "revoke", "甲联系人"});
    r = c.patrol({"task", "list"}, "甲联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "错误: 用户「甲联系人」的访问权限已被撤销，不能再操作。如需恢复，请管理员用 patrol user restore 甲联系人 恢复其访问权限。\n");
    setenv("PATROL_USER", "甲联系人", 1);
    r = c.patrol.raw({"finding", "list", "--db", c.patrol.db()});
    unsetenv("PATROL_USER");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 用户「甲联系人」的访问权限已被撤销，不能再操作。如需恢复，请管理员用 patrol user restore 甲联系人 恢复其访问权限。\n");
}

TEST_CASE("patrol: audit log and user list are for admin and leaders only", "[security][cli]") {
    HiddenCounty c;
    for (const char* user : {"甲联系人", "张组长"}) {
        INFO(user);
        const std::string who = std::string("错误: 用户「") + user + "」（" + (user == std::string("张组长") ? "巡察组成员" : "被巡察单位联系人") + "）";
        Run r = c.patrol({"audit", "log", "--entity", "task"}, user);
        CHECK(r.exitCode == 2);
        CHECK(r.out.empty());
        CHECK(r.err == who + "无权查看审计日志：只有巡察办管理员（admin）和领导小组（leader）可以这样做。\n");
        r = c.patrol({"user", "list"}, user);
        CHECK(r.exitCode == 2);
        CHECK(r.out.empty());
        CHECK(r.err == who + "无权查看用户名单：只有巡察办管理员（admin）和领导小组（leader）可以这样做。\n");
    }
}
