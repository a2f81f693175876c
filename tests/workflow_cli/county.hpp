// The county the workflow CLI tests start from, built through the `patrol` executable.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "cli/run_patrol.hpp"

namespace patrol::testing {

// A county with two units, an inspector on round R1, a contact for each unit and a leader;
// R1 has one finding per unit and stands at reported, for the tests to feed back. Evidence goes
// to the scratch folder.
struct County {
    ScratchDir dir;
    Patrol patrol{dir};

    County() {
        setenv("PATROL_DATA", dir.file("data").c_str(), 1);
        ok({"init"});
        ok({"unit", "add", "--code", "UA", "--name", "甲镇", "--kind", "township"});
        ok({"unit", "add", "--code", "UB", "--name", "乙局", "--kind", "department"});
        ok({"user", "add", "--name", "张组长", "--role", "inspector"});
        ok({"user", "add", "--name", "甲联系人", "--role", "unit", "--unit", "UA"});
        ok({"user", "add", "--name", "乙联系人", "--role", "unit", "--unit", "UB"});
        ok({"user", "add", "--name", "王书记", "--role", "leader"});
        ok({"round", "create", "--code", "R1", "--title", "第一轮巡察", "--kind", "regular", "--start", "2026-01-05",
            "--end", "2026-03-31"});
        ok({"round", "target", "--round", "R1", "--unit", "UA", "UB"});
        ok({"round", "team", "--round", "R1", "--member", "张组长", "--leader", "张组长"});
        ok({"finding", "add", "--round", "R1", "--unit", "UA", "--category", "四风", "--title", "超标准接待", "--kind",
            "immediate"});
        ok({"finding", "add", "--round", "R1", "--unit", "UB", "--category", "资金", "--title", "资金滞留"});
        ok({"round", "advance", "--round", "R1", "--to", "onsite", "--date", "2026-02-01"});
        ok({"round", "advance", "--round", "R1", "--to", "reported", "--date", "2026-02-05"});
    }
    ~County() { unsetenv("PATROL_DATA"); }

    Run ok(const std::vector<std::string>& args, const std::string& user = "") {
        Run r = patrol(args, user);
        INFO("patrol " << args.at(0) << " " << (args.size() > 1 ? args[1] : "") << "\nstdout: " << r.out
                       << "\nstderr: " << r.err);
        REQUIRE(r.exitCode == 0);
        return r;
    }
};

}  // namespace patrol::testing
