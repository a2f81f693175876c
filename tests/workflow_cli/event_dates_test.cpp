// Dated events through the built `patrol`: --date on every event command, never after today
// (fixed with PATROL_TODAY), never before the event it follows; a refusal changes nothing.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>

#include "county.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

// Runs the scope as if today were `date` (set after the County, whose Patrol clears it).
struct FixedToday {
    explicit FixedToday(const char* date) { setenv("PATROL_TODAY", date, 1); }
    ~FixedToday() { unsetenv("PATROL_TODAY"); }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("a date after today is refused for what happened, --as-of still looks ahead", "[dates]") {
    County c;
    FixedToday today("2026-06-30");
    c.ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});

    Run r = c.patrol({"task", "plan", "1", "--measure", "清退", "--handler", "李明", "--leader", "王强", "--date", "2026-07-01"},
                     "甲联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 制定整改措施日期 2026-07-01 晚于今天（2026-06-30）：只能登记已经发生的事。请填写实际发生的日期（不晚于 "
                   "2026-06-30）。\n");
    CHECK(r.out.empty());
    r = c.ok({"task", "show", "1", "--format", "json"});
    CHECK(has(r.out, "\"status\":\"assigned\""));
    CHECK(has(r.out, "\"planned_on\":null"));

    r = c.patrol({"round", "advance", "--round", "R1", "--to", "rectifying", "--date", "2026-07-01"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 进入「整改」阶段日期 2026-07-01 晚于今天（2026-06-30）：只能登记已经发生的事。请填写实际发生的日期（不晚于 "
                   "2026-06-30）。\n");
    CHECK(has(c.ok({"round", "show", "R1", "--format", "json"}).out, "\"stage\":\"fed_back\""));

    r = c.ok({"task", "list", "--as-of", "2027-01-01", "--format", "csv"});
    CHECK(has(r.out, "\n1,"));
    r = c.ok({"escalate", "--as-of", "2027-01-01"});
    CHECK(r.exitCode == 0);

    // Without --date the event happens today.
    c.ok({"task", "plan", "1", "--measure", "清退", "--handler", "李明", "--leader", "王强"}, "甲联系人");
    CHECK(has(c.ok({"task", "show", "1", "--format", "json"}).out, "\"planned_on\":\"2026-06-30\""));
}

TEST_CASE("a task's events are refused before the event they follow, naming both dates", "[dates]") {
    County c;
    FixedToday today("2026-06-30");
    c.ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
    Run r = c.patrol({"task", "plan", "1", "--measure", "清退", "--handler", "李明", "--leader", "王强", "--date", "2026-02-11"},
                     "甲联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 制定整改措施日期 2026-02-11 早于交办日期 2026-02-12：制定整改措施不能早于交办。请填写 2026-02-12 "
                   "或之后的日期。\n");
    c.ok({"task", "plan", "1", "--measure", "清退", "--handler", "李明", "--leader", "王强", "--date", "2026-02-20"}, "甲联系人");

    r = c.patrol({"task", "progress", "1", "--percent", "100", "--note", "已清退", "--date", "2026-02-19"}, "甲联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 进展报告日期 2026-02-19 早于制定整改措施日期 2026-02-20：进展报告不能早于制定整改措施。请填写 "
                   "2026-02-20 或之后的日期。\n");
    CHECK(has(c.ok({"task", "show", "1", "--format", "json"}).out, "\"progress\":[]"));
    c.ok({"task", "progress", "1", "--percent", "100", "--note", "已清退", "--date", "2026-03-01"}, "甲联系人");

    r = c.patrol({"task", "submit", "1", "--date", "2026-02-28"}, "甲联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 提交销号日期 2026-02-28 早于进展报告日期 2026-03-01：提交销号不能早于进展报告。请填写 2026-03-01 "
                   "或之后的日期。\n");
    c.ok({"task", "submit", "1", "--date", "2026-03-02"}, "甲联系人");

    r = c.patrol({"task", "accept", "1", "--note", "属实", "--date", "2026-03-01"}, "张组长");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 验收销号日期 2026-03-01 早于提交销号日期 2026-03-02：验收销号不能早于提交销号。请填写 2026-03-02 "
                   "或之后的日期。\n");
    r = c.patrol({"task", "return", "1", "--reason", "材料不足", "--date", "2026-03-01"}, "张组长");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 退回日期 2026-03-01 早于提交销号日期 2026-03-02：退回不能早于提交销号。请填写 2026-03-02 或之后的日期。\n");
    r = c.ok({"task", "show", "1", "--format", "json"});
    CHECK(has(r.out, "\"status\":\"submitted\""));
    CHECK(has(r.out, "\"returned_count\":0,\"accepted_on\":null"));

    r = c.ok({"task", "accept", "1", "--note", "属实", "--date", "2026-03-02"}, "张组长");
    CHECK(r.out == "整改任务 #1 已验收销号：状态 「已销号」(accepted)，期限 2026-03-14，预警 「无」(none)。\n");
    CHECK(has(c.ok({"task", "show", "1", "--format", "json"}).out,
              "\"accepted_on\":\"2026-03-02\",\"verification_note\":\"属实\",\"planned_on\":\"2026-02-20\","
              "\"submitted_on\":\"2026-03-02\""));
}

TEST_CASE("a denial needs a reason and shows it, an approval keeps the notices and rejudges the level", "[dates][extension]") {
    County c;
    FixedToday today("2026-06-30");
    c.ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
    c.ok({"task", "plan", "2", "--measure", "拨付", "--handler", "赵六", "--leader", "钱七", "--date", "2026-02-14"}, "乙联系人");
    c.ok({"escalate", "--as-of", "2026-04-05"});  // 8 days left: yellow
    c.ok({"escalate", "--as-of", "2026-04-20"});  // overdue: red
    c.ok({"task", "extend", "2", "--to", "2026-05-05", "--reason", "资金需重新审批", "--date", "2026-04-20"}, "乙联系人");

    Run r = c.patrol({"task", "extension", "deny", "2", "--date", "2026-04-21"}, "王书记");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 缺少必需的选项 --reason。请用 --help 查看用法。\n");
    r = c.patrol({"task", "extension", "deny", "2", "--reason", "应按期完成", "--date", "2026-04-19"}, "王书记");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 延期驳回日期 2026-04-19 早于延期申请日期 2026-04-20：延期驳回不能早于延期申请。请填写 2026-04-20 "
                   "或之后的日期。\n");
    CHECK(has(c.ok({"task", "show", "2", "--format", "json"}).out, "\"status\":\"pending\""));
    r = c.ok({"task", "extension", "deny", "2", "--reason", "应按期完成", "--date", "2026-04-21"}, "王书记");
    CHECK(r.out == "整改任务 #2 的延期申请未获批准：状态 「已制定措施」(planned)，期限 2026-04-13，预警 「红色督办」(red)。\n");
    r = c.ok({"task", "show", "2"});
    CHECK(has(r.out, "  #1  2026-04-13 → 2026-05-05  未批准  资金需重新审批  申请于 2026-04-20  审批于 2026-04-21  "
                     "审批意见: 应按期完成\n"));
    CHECK(has(r.out, "task.extension.deny  状态=已制定措施 预警=红色督办 期限=2026-04-13  reason=应按期完成"));

    c.ok({"task", "extend", "2", "--to", "2026-05-05", "--reason", "资金需重新审批", "--date", "2026-04-21"}, "乙联系人");
    r = c.ok({"task", "extension", "approve", "2", "--date", "2026-04-22"}, "王书记");
    // 13 days before the new due date: green, judged on the day of approval.
    CHECK(r.out == "整改任务 #2 的延期申请已批准：状态 「已制定措施」(planned)，期限 2026-05-05，预警 「绿色提醒」(green)。\n");
    r = c.ok({"task", "show", "2"});
    CHECK(has(r.out, "预警通知（2）:\n  2026-04-05  【黄色预警】整改任务 #2"));
    CHECK(has(r.out, "\n  2026-04-20  【红色督办】整改任务 #2"));
    CHECK(has(r.out, "状态:     已制定措施    预警: 绿色提醒"));
}

TEST_CASE("confirm, dismiss and clue steps take --date and keep the order", "[dates]") {
    ScratchDir dir;
    Patrol patrol(dir);
    FixedToday today("2026-10-01");
    REQUIRE(patrol({"demo"}).exitCode == 0);  // finding #9 is suspected, recorded today
    Run r = patrol({"finding", "confirm", "9", "--date", "2026-09-30"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 确认问题日期 2026-09-30 早于问题登记日期 2026-10-01：确认问题不能早于问题登记。请填写 2026-10-01 "
                   "或之后的日期。\n");
    r = patrol({"finding", "dismiss", "9", "--reason", "正常业务", "--date", "2026-10-02"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 排除问题日期 2026-10-02 晚于今天（2026-10-01）：只能登记已经发生的事。请填写实际发生的日期（不晚于 "
                   "2026-10-01）。\n");
    CHECK(has(patrol({"finding", "show", "9", "--format", "json"}).out, "\"status\":\"suspected\""));
    CHECK(patrol({"finding", "confirm", "9", "--date", "2026-10-01"}).exitCode == 0);
    CHECK(has(patrol({"audit", "log", "--entity", "finding", "--limit", "1", "--format", "json"}).out,
              "\"decided_on\":\"2026-10-01\""));

    REQUIRE(patrol({"clue", "transfer", "9", "--to", "纪委监委", "--date", "2026-10-01"}).exitCode == 0);
    r = patrol({"clue", "dispose", "1", "--method", "preliminary", "--date", "2026-09-30"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 线索处置日期 2026-09-30 早于线索移交日期 2026-10-01：线索处置不能早于线索移交。请填写 2026-10-01 "
                   "或之后的日期。\n");
    CHECK(has(patrol({"clue", "list", "--format", "json"}).out, "\"status\":\"transferred\""));
}

TEST_CASE("a PATROL_TODAY that is not a date is refused", "[dates]") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    FixedToday today("2026-13-01");
    Run r = patrol({"unit", "add", "--code", "UA", "--name", "甲镇", "--kind", "township"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 环境变量 PATROL_TODAY「2026-13-01」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。"
                   "请改正或取消该变量以使用本机时钟。\n");
    CHECK(patrol({"unit", "list", "--format", "json"}).out == "[]\n");
}

TEST_CASE("PATROL_TODAY moves the day of records, never the time an audit event was written", "[dates]") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    FixedToday today("2026-03-14");
    REQUIRE(patrol({"unit", "add", "--code", "UA", "--name", "甲镇", "--kind", "township"}).exitCode == 0);
    CHECK(rawScalar(patrol.db(), "SELECT created_at FROM units WHERE code = 'UA'").rfind("2026-03-14T", 0) == 0);
    const std::string at = rawScalar(patrol.db(), "SELECT at FROM audit_events WHERE action = 'unit.add'");
    char actual[16];
    const std::time_t now = std::time(nullptr);
    std::strftime(actual, sizeof actual, "%Y-%m-%d", std::gmtime(&now));
    CHECK(at.rfind(actual, 0) == 0);
}
