// The county of the security tests, built through the `patrol` executable, and the check that a
// hidden record gives exactly the stderr, stdout and exit code of a code or number that does not
// exist (the name typed apart).
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "cli/run_patrol.hpp"
#include "replaced.hpp"

namespace security {

using patrol::testing::Patrol;
using patrol::testing::Run;
using patrol::testing::ScratchDir;

// R1 (张组长) targets UA and UB and is fed back: findings 1 (UA) and 2 (UB) with tasks 1 and 2,
// finding 1 transferred as clue 1. R3 (局外人) targets UB only, with finding 3. UC is in no round.
// 甲联系人 is UA's contact.
struct HiddenCounty {
    ScratchDir dir;
    Patrol patrol{dir};

    HiddenCounty() {
        setenv("PATROL_DATA", dir.file("data").c_str(), 1);
        ok({"init"});
        ok({"unit", "add", "--code", "UA", "--name", "甲镇", "--kind", "township"});
        ok({"unit", "add", "--code", "UB", "--name", "乙局", "--kind", "department"});
        ok({"unit", "add", "--code", "UC", "--name", "丙村", "--kind", "village"});
        ok({"user", "add", "--name", "张组长", "--role", "inspector"});
        ok({"user", "add", "--name", "局外人", "--role", "inspector"});
        ok({"user", "add", "--name", "甲联系人", "--role", "unit", "--unit", "UA"});
        ok({"round", "create", "--code", "R1", "--title", "第一轮巡察", "--kind", "regular", "--start", "2026-01-05",
            "--end", "2026-03-31"});
        ok({"round", "target", "--round", "R1", "--unit", "UA", "UB"});
        ok({"round", "team", "--round", "R1", "--member", "张组长", "--leader", "张组长"});
        ok({"finding", "add", "--round", "R1", "--unit", "UA", "--category", "四风", "--title", "超标准接待"}, "张组长");
        ok({"finding", "add", "--round", "R1", "--unit", "UB", "--category", "资金", "--title", "资金滞留"}, "张组长");
        ok({"round", "advance", "--round", "R1", "--to", "onsite", "--date", "2026-02-01"});
        ok({"round", "advance", "--round", "R1", "--to", "reported", "--date", "2026-02-05"});
        ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
        ok({"clue", "transfer", "1", "--to", "纪委监委", "--date", "2026-02-20"}, "张组长");
        ok({"round", "create", "--code", "R3", "--title", "第三轮巡察", "--kind", "regular", "--start", "2026-04-01",
            "--end", "2026-06-30"});
        ok({"round", "target", "--round", "R3", "--unit", "UB"});
        ok({"round", "team", "--round", "R3", "--member", "局外人", "--leader", "局外人"});
        ok({"finding", "add", "--round", "R3", "--unit", "UB", "--category", "选人用人", "--title", "超职数配备"}, "局外人");
    }
    ~HiddenCounty() { unsetenv("PATROL_DATA"); }

    Run ok(const std::vector<std::string>& args, const std::string& user = "") {
        Run r = patrol(args, user);
        INFO("patrol " << args.at(0) << " " << (args.size() > 1 ? args[1] : "") << "\nstderr: " << r.err);
        REQUIRE(r.exitCode == 0);
        return r;
    }

    // Runs `hidden` and `missing` as `user`: both refused with exit 2, nothing on stdout, and the
    // same stderr once the hidden name is read as the missing one; the missing one reads `expected`.
    void refusedAlike(const std::string& user, const std::vector<std::string>& hidden, const std::string& hiddenName,
                      const std::vector<std::string>& missing, const std::string& missingName, const std::string& expected) {
        const Run h = patrol(hidden, user), m = patrol(missing, user);
        INFO("hidden: " << h.err << "missing: " << m.err);
        CHECK(m.exitCode == 2);
        CHECK(h.exitCode == m.exitCode);
        CHECK(m.out.empty());
        CHECK(h.out == m.out);
        CHECK(m.err == "错误: " + expected + "\n");
        CHECK(replaced(h.err, hiddenName, missingName) == m.err);
    }
};

inline const std::string kNoR9 = "巡察轮次「R9」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。";
inline const std::string kNoUZ = "单位「UZ」不存在。请检查单位编码（可用 patrol unit list 查看所有单位）。";
inline const std::string kNoFinding = "问题 #99 不存在，或您无权查看。请检查问题编号（可用 patrol finding list 查看）。";
inline const std::string kNoTask = "整改任务 #99 不存在。请用 patrol task list 查看可见的任务。";
inline const std::string kNoClue = "问题线索 #99 不存在。请用 patrol clue list 查看可见的线索。";

}  // namespace security
