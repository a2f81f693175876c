// The county the report tests count: County's R1 fed back on 2026-02-12 with three tasks
// (task 1 of UA accepted on 2026-03-05, tasks 2 and 3 of UB open, due 2026-04-13), finding 2
// transferred as a clue with one sanctioned person, and R2 (UA only) with one confirmed finding.
#pragma once

#include "workflow_cli/county.hpp"

namespace patrol::testing {

struct ReportingCounty : County {
    ReportingCounty() {
        ok({"finding", "add", "--round", "R1", "--unit", "UB", "--category", "四风", "--title", "违规发放津贴", "--amount", "1200"});
        ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
        ok({"task", "plan", "1", "--measure", "退回超标准费用", "--handler", "赵一", "--leader", "钱二", "--date", "2026-02-20"}, "甲联系人");
        ok({"task", "progress", "1", "--percent", "100", "--note", "已退回", "--date", "2026-03-01"}, "甲联系人");
        ok({"task", "submit", "1", "--date", "2026-03-02"}, "甲联系人");
        ok({"task", "accept", "1", "--note", "经核查已退回", "--date", "2026-03-05"}, "张组长");
        ok({"task", "plan", "2", "--measure", "拨付滞留资金", "--handler", "孙三", "--leader", "李四", "--date", "2026-02-20"}, "乙联系人");
        ok({"clue", "transfer", "2", "--to", "纪委监委", "--date", "2026-02-20"});
        ok({"clue", "dispose", "1", "--method", "preliminary", "--date", "2026-03-01"});
        ok({"clue", "outcome", "1", "--person", "李某", "--level", "乡科级", "--form", "f2", "--party-sanction", "警告",
            "--recovered", "1000", "--date", "2026-03-10"});
        ok({"round", "create", "--code", "R2", "--title", "第二轮巡察", "--kind", "special", "--start", "2026-04-01", "--end",
            "2026-06-30"});
        ok({"round", "target", "--round", "R2", "--unit", "UA"});
        ok({"finding", "add", "--round", "R2", "--unit", "UA", "--category", "资金", "--title", "专项资金挪用", "--amount", "8000.5"});
    }
};

}  // namespace patrol::testing
