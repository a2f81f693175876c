// Notices of escalation name real people: the task's handler and leader, else the unit's
// contact and head; a notice with nobody to tell says so once.
#include <catch2/catch.hpp>

#include "county.hpp"

using patrol::testing::County;
using patrol::testing::Run;

namespace {

// The text of notice `id` as stored.
std::string notice(County& c, int id) {
    const Run r = c.ok({"notice", "list", "--format", "csv"});
    const std::string prefix = "\r\n" + std::to_string(id) + ",";
    const auto start = r.out.find(prefix);
    REQUIRE(start != std::string::npos);
    const auto end = r.out.find("\r\n", start + 2);
    return r.out.substr(start + 2, end - start - 2);
}

size_t occurrences(const std::string& text, const std::string& word) {
    size_t n = 0;
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("a task without a handler is notified to its unit's contact, then to its head", "[workflow_cli][notice]") {
    County c;
    c.ok({"unit", "edit", "UA", "--contact", "刘敏 0571-8800123"});
    c.ok({"unit", "edit", "UB", "--head", "钱局长"});
    c.ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
    c.ok({"task", "plan", "2", "--measure", "拨付滞留资金", "--handler", "赵六", "--leader", "钱七"}, "乙联系人");

    c.ok({"escalate", "--as-of", "2026-03-01"});
    CHECK(notice(c, 1) ==
          "1,1,1,R1,UA,甲镇,green,2026-03-01,\"[{\"\"role\"\":\"\"unit_contact\"\",\"\"label\"\":\"\"单位联系人\"\","
          "\"\"name\"\":\"\"刘敏 0571-8800123\"\"}]\","
          "【绿色提醒】整改任务 #1（UA 甲镇：超标准接待）整改期限 2026-03-14，距期限还有 13 天。请单位联系人（刘敏 0571-8800123）抓紧推进整改。");

    // With a head registered, the yellow notice goes to the contact and the head (for the missing leader).
    c.ok({"unit", "edit", "UA", "--head", "周镇长"});
    c.ok({"escalate", "--as-of", "2026-03-05"});
    Run r = c.ok({"notice", "list", "--level", "yellow"});
    CHECK(r.out.find("请单位联系人（刘敏 0571-8800123）、单位主要负责人（周镇长）督促落实，确保按期完成。\n") != std::string::npos);

    // The red notice names UB's head; the task's own handler and leader are not on it.
    c.ok({"escalate", "--as-of", "2026-04-14"});
    r = c.ok({"notice", "list", "--unit", "UB", "--format", "json"});
    CHECK(r.out.find("\"recipients\":[{\"role\":\"unit_head\",\"label\":\"单位主要负责人\",\"name\":\"钱局长\"},"
                     "{\"role\":\"inspection_office\",\"label\":\"巡察办\",\"name\":\"巡察办\"}],"
                     "\"message\":\"【红色督办】整改任务 #2（UB 乙局：资金滞留）整改期限 2026-04-13，已逾期 1 天。"
                     "请单位主要负责人（钱局长）、巡察办知悉：该任务列入挂牌督办。\"") != std::string::npos);
    r = c.ok({"notice", "list", "--format", "csv"});
    CHECK(r.out.find("未指定") == std::string::npos);
    CHECK(r.out.find("无可通知") == std::string::npos);
}

TEST_CASE("one person standing in for two roles is named once, a notice with nobody to tell says so once",
          "[workflow_cli][notice]") {
    County c;
    c.ok({"unit", "edit", "UB", "--head", "钱局长"});
    c.ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
    // 2026-04-05: task 1 (UA, nobody known) is overdue, task 2 (UB, head only) has 8 days left.
    c.ok({"escalate", "--as-of", "2026-04-05"});
    const std::string ua = notice(c, 1);
    CHECK(ua == "1,1,1,R1,UA,甲镇,red,2026-04-05,\"[{\"\"role\"\":\"\"inspection_office\"\",\"\"label\"\":\"\"巡察办\"\","
                "\"\"name\"\":\"\"巡察办\"\"}]\",【红色督办】整改任务 #1（UA 甲镇：超标准接待）整改期限 2026-03-14，已逾期 22 天。"
                "请巡察办知悉：该任务列入挂牌督办。单位主要负责人未登记，无法通知：请为单位 UA 登记负责人。");
    const std::string ub = notice(c, 2);
    CHECK(ub == "2,2,2,R1,UB,乙局,yellow,2026-04-05,\"[{\"\"role\"\":\"\"unit_head\"\",\"\"label\"\":\"\"单位主要负责人\"\","
                "\"\"name\"\":\"\"钱局长\"\"}]\",【黄色预警】整改任务 #2（UB 乙局：资金滞留）整改期限 2026-04-13，距期限还有 8 天。"
                "请单位主要负责人（钱局长）督促落实，确保按期完成。");

    // A green notice for a unit nobody is registered for: said once, with what to do.
    County d;
    d.ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
    d.ok({"escalate", "--as-of", "2026-03-01"});
    const std::string green = notice(d, 1);
    CHECK(green == "1,1,1,R1,UA,甲镇,green,2026-03-01,[],【绿色提醒】整改任务 #1（UA 甲镇：超标准接待）整改期限 2026-03-14，"
                   "距期限还有 13 天。无可通知的人员：请为单位 UA 登记负责人。");
    CHECK(occurrences(green, "负责人") == 1);
    CHECK(green.find("未指定") == std::string::npos);
}
