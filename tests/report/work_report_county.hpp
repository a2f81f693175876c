// The county the work report tests count, on top of ReportingCounty: a village, a community, an
// enterprise nobody inspected and an office of kind other; a 十五届 lookback round R3 on R1 whose
// finding on UA repeats R1's rectified 四风 finding, and a four_styles category on the village;
// a second clue (组织部) naming 李某 again and 王某 without sanction, and a third one left
// undisposed; task 2 extended by the leader.
#pragma once

#include <sqlite3.h>

#include <stdexcept>
#include <string>

#include "reporting_county.hpp"

namespace patrol::testing {

struct WorkReportCounty : ReportingCounty {
    WorkReportCounty() {
        ok({"unit", "add", "--code", "UC", "--name", "丙村", "--kind", "village"});
        ok({"unit", "add", "--code", "UD", "--name", "丁社区", "--kind", "community"});
        ok({"unit", "add", "--code", "UE", "--name", "戊公司", "--kind", "enterprise"});
        ok({"unit", "add", "--code", "UX", "--name", "县委办", "--kind", "other"});
        ok({"task", "extend", "2", "--to", "2026-05-31", "--reason", "资金拨付需走程序", "--date", "2026-04-01"}, "乙联系人");
        ok({"task", "extension", "approve", "2", "--date", "2026-04-03"}, "王书记");
        ok({"clue", "transfer", "3", "--to", "组织部", "--date", "2026-03-01"});
        ok({"clue", "dispose", "2", "--method", "talk_inquiry", "--date", "2026-03-10"});
        ok({"clue", "outcome", "2", "--person", "李某", "--level", "乡科级", "--form", "f2", "--party-sanction", "严重警告",
            "--date", "2026-03-20"});
        ok({"clue", "outcome", "2", "--person", "王某", "--level", "其他", "--form", "f1", "--referred", "--recovered", "250.5",
            "--date", "2026-03-21"});
        ok({"clue", "transfer", "4", "--to", "other", "--date", "2026-04-10"});
        ok({"round", "create", "--code", "R3", "--title", "十五届县委第一轮巡察回头看", "--kind", "lookback", "--lookback-of",
            "R1", "--term", "十五届", "--start", "2026-07-01", "--end", "2026-08-31"});
        ok({"round", "target", "--round", "R3", "--unit", "UA", "UC"});
        ok({"finding", "add", "--round", "R3", "--unit", "UA", "--category", "四风", "--title", "超标准接待问题反弹"});
        ok({"finding", "add", "--round", "R3", "--unit", "UC", "--category", "public_funds_dining", "--title", "村干部公款吃喝",
            "--amount", "600"});
    }

    // One number from the database by an SQL query written in the test.
    int64_t sql(const std::string& query) const { return sqlNumber(patrol.db(), query); }

    static int64_t sqlNumber(const std::string& db, const std::string& query) {
        sqlite3* handle = nullptr;
        if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + db);
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(handle, query.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
            const std::string message = sqlite3_errmsg(handle);
            sqlite3_close(handle);
            throw std::runtime_error("bad query: " + message + ": " + query);
        }
        int64_t value = -1;
        if (sqlite3_step(stmt) == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
        sqlite3_close(handle);
        return value;
    }
};

}  // namespace patrol::testing
