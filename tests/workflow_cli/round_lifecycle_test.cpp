#include <catch2/catch.hpp>

#include <filesystem>

#include "county.hpp"

using patrol::testing::County;
using patrol::testing::Patrol;
using patrol::testing::Run;
using patrol::testing::ScratchDir;

TEST_CASE("a round is carried from feedback to closed through the CLI and the audit log verifies", "[workflow_cli]") {
    County c;
    Run r = c.ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
    CHECK(r.out.find("创建 2 项整改任务") != std::string::npos);

    r = c.ok({"task", "list", "--as-of", "2026-02-12", "--format", "json"});
    CHECK(r.out ==
          "[\n"
          " {\"id\":1,\"finding_id\":1,\"round\":\"R1\",\"unit\":\"UA\",\"kind\":\"immediate\",\"measure\":null,"
          "\"handler\":null,\"leader\":null,\"assigned_on\":\"2026-02-12\",\"due\":\"2026-03-14\",\"status\":\"assigned\","
          "\"level\":\"none\",\"returned_count\":0,\"accepted_on\":null,\"verification_note\":null,\"planned_on\":null,"
          "\"submitted_on\":null,\"returned_on\":null,\"title\":\"超标准接待\",\"category\":\"四风\",\"unit_name\":\"甲镇\","
          "\"days_left\":30},\n"
          " {\"id\":2,\"finding_id\":2,\"round\":\"R1\",\"unit\":\"UB\",\"kind\":\"deadline\",\"measure\":null,"
          "\"handler\":null,\"leader\":null,\"assigned_on\":\"2026-02-12\",\"due\":\"2026-04-13\",\"status\":\"assigned\","
          "\"level\":\"none\",\"returned_count\":0,\"accepted_on\":null,\"verification_note\":null,\"planned_on\":null,"
          "\"submitted_on\":null,\"returned_on\":null,\"title\":\"资金滞留\",\"category\":\"资金\",\"unit_name\":\"乙局\","
          "\"days_left\":60}\n"
          "]\n");
    // Each unit contact sees its own task only.
    r = c.ok({"task", "list", "--format", "csv", "--as-of", "2026-02-12"}, "乙联系人");
    CHECK(r.out.find("\n2,2,R1,UB,") != std::string::npos);
    CHECK(r.out.find("UA") == std::string::npos);
    r = c.patrol({"task", "show", "1"}, "乙联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 整改任务 #1 不存在。请用 patrol task list 查看可见的任务。\n");

    // Unit A works through its task with an evidence file whose name is hostile.
    c.dir.write("odd\nname.txt", "整改报告");
    c.ok({"task", "plan", "1", "--measure", "清退超标准接待费用", "--handler", "李明", "--leader", "王强", "--date", "2026-02-13"},
         "甲联系人");
    r = c.patrol({"task", "submit", "1"}, "甲联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 任务当前状态为「已制定措施」(planned)，不能「提交销号」改为「已提交销号」(submitted)：当前只能「制定整改措施」、「报告整改进展」。\n");
    c.ok({"task", "progress", "1", "--percent", "100", "--note", "费用已清退", "--evidence", c.dir.file("odd\nname.txt"),
          "--date", "2026-03-01"},
         "甲联系人");
    c.ok({"task", "submit", "1", "--date", "2026-03-01"}, "甲联系人");
    r = c.ok({"task", "accept", "1", "--date", "2026-03-05"}, "张组长");
    CHECK(r.out == "整改任务 #1 已验收销号：状态 「已销号」(accepted)，期限 2026-03-14，预警 「无」(none)。\n");

    // Unit B is late: escalation raises it once per date, an extension moves the date.
    c.ok({"task", "plan", "2", "--measure", "拨付滞留资金", "--handler", "赵六", "--leader", "钱七", "--date", "2026-02-14"},
         "乙联系人");
    r = c.ok({"escalate", "--as-of", "2026-04-14", "--format", "json"});
    CHECK(r.out.find("\"task_id\":2,\"unit\":\"UB\",\"due\":\"2026-04-13\",\"days_left\":-1,\"from\":\"none\",\"to\":\"red\"") !=
          std::string::npos);
    r = c.ok({"escalate", "--as-of", "2026-04-14"});
    CHECK(r.out == "截至 2026-04-14，没有整改任务需要升级预警。\n");
    c.ok({"task", "extend", "2", "--to", "2026-06-30", "--reason", "资金需重新走审批流程", "--date", "2026-04-14"},
         "乙联系人");
    r = c.patrol({"task", "extension", "approve", "2"}, "乙联系人");
    CHECK(r.exitCode == 2);
    r = c.ok({"task", "extension", "approve", "2", "--date", "2026-04-15"}, "王书记");
    CHECK(r.out == "整改任务 #2 的延期申请已批准：状态 「已制定措施」(planned)，期限 2026-06-30，预警 「无」(none)。\n");

    // Transferred as a clue: invisible to the unit.
    c.ok({"clue", "transfer", "2", "--to", "纪委监委", "--date", "2026-04-20"}, "张组长");
    r = c.patrol({"clue", "show", "1"}, "乙联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 问题线索 #1 不存在。请用 patrol clue list 查看可见的线索。\n");
    r = c.ok({"clue", "list", "--format", "json"}, "乙联系人");
    CHECK(r.out == "[]\n");

    c.ok({"round", "advance", "--round", "R1", "--to", "rectifying", "--date", "2026-04-20"});
    r = c.patrol({"round", "advance", "--round", "R1", "--to", "closed", "--date", "2026-05-01"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 巡察轮次 R1 还有 1 项整改任务未销号（#2），不能进入「评估销号」(closed)：请先验收这些任务（patrol task accept）。\n");

    c.ok({"task", "progress", "2", "--percent", "100", "--note", "资金已拨付", "--date", "2026-05-10"}, "乙联系人");
    c.ok({"task", "submit", "2", "--date", "2026-05-10"}, "乙联系人");
    r = c.patrol({"task", "accept", "2"}, "张组长");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("验收销号需要佐证材料或书面核查意见") != std::string::npos);
    c.ok({"task", "accept", "2", "--note", "经查阅拨付凭证，整改到位", "--date", "2026-05-12"}, "张组长");
    c.ok({"round", "advance", "--round", "R1", "--to", "closed", "--date", "2026-05-15"});

    r = c.ok({"task", "show", "1", "--format", "json"});
    CHECK(r.out.find("\"name\":\"odd_name.txt\"") != std::string::npos);
    CHECK(r.out.find("\"stored_path\":\"") != std::string::npos);
    // The history shows each change; the row states it vouches for stay with audit verify.
    CHECK(r.out.find("\"history\":[{") != std::string::npos);
    CHECK(r.out.find("\"rows\"") == std::string::npos);
    // The evidence lives next to the database, not in the data folder.
    CHECK(std::filesystem::is_directory(c.dir.file("patrol.evidence")));
    CHECK_FALSE(std::filesystem::exists(c.dir.file("data/evidence")));
    r = c.ok({"task", "show", "2"});
    CHECK(r.out.find("task.extension.approve") != std::string::npos);
    CHECK(r.out.find("【红色督办】整改任务 #2") != std::string::npos);
    r = c.ok({"finding", "list", "--round", "R1", "--format", "csv"});
    CHECK(r.out.find(",closed,") != std::string::npos);
    // A lookback round finds the same problem again at UA: a repeat problem (屡查屡犯).
    c.ok({"round", "create", "--code", "R2", "--title", "回头看", "--kind", "lookback", "--start", "2026-06-01", "--end",
          "2026-08-31", "--lookback-of", "R1"});
    c.ok({"round", "target", "--round", "R2", "--unit", "UA"});
    c.ok({"finding", "add", "--round", "R2", "--unit", "UA", "--category", "四风", "--title", "再次超标准接待"});
    r = c.ok({"finding", "show", "3", "--format", "json"});
    CHECK(r.out.find("\"repeat_of\":1") != std::string::npos);
    r = c.ok({"audit", "verify"});
    CHECK(r.out.find("审计日志完整") != std::string::npos);
}

TEST_CASE("calendar commands use the shipped calendars or the --calendar file alone", "[workflow_cli]") {
    ScratchDir dir;
    Patrol patrol(dir);
    Run r = patrol.raw({"calendar", "is-workday", "2026-01-04"});
    CHECK(r.exitCode == 0);
    CHECK(r.out == "2026-01-04（周日）是工作日：调休上班\n");
    r = patrol.raw({"calendar", "is-workday", "2027-01-04", "--format", "json"});
    CHECK(r.out == "{\"date\":\"2027-01-04\",\"weekday\":\"周一\",\"workday\":true,\"reason\":\"weekday\",\"provisional\":true}\n");
    CHECK(r.err == "警告：没有 2027 年的工作日历，该年的工作日按《全国年节及纪念日放假办法》的法定节假日临时推算"
                   "（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节，适逢周末的在其后第一个工作日补假），"
                   "不含国务院办公厅每年公布的调休安排，可能与实际不符；该年放假安排公布后，请在 config/calendars/ 中加入 "
                   "2027.json 或用 --calendar 指定日历文件。\n");
    const std::string own = dir.write("own.json", R"({"years": [2026], "holidays": ["2026-03-09"]})");
    r = patrol.raw({"calendar", "is-workday", "2026-01-04", "--calendar", own});
    CHECK(r.out == "2026-01-04（周日）不是工作日：周末\n");
    r = patrol.raw({"calendar", "show", "--year", "2026", "--calendar", own, "--format", "csv"});
    CHECK(r.out == "date,weekday,kind,label,provisional\r\n2026-03-09,周一,holiday,放假,false\r\n");
    r = patrol.raw({"calendar", "show", "--format", "json"});
    CHECK(r.out ==
          "[\n {\"year\":2025,\"working_days\":248,\"holidays\":18,\"makeup_workdays\":5},\n"
          " {\"year\":2026,\"working_days\":248,\"holidays\":19,\"makeup_workdays\":6}\n]\n");
    const std::string broken = dir.write("broken.json", "{\"holidays\": [\"2026-02-30\"]}");
    r = patrol.raw({"calendar", "is-workday", "2026-01-04", "--calendar", broken});
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("日历文件 " + broken + " 第 1 行第 15 列：期望YYYY-MM-DD 格式的真实日期") != std::string::npos);
    r = patrol.raw({"calendar", "is-workday", "2026-02-30"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 日期应为 YYYY-MM-DD 格式的真实日期，实际为 \"2026-02-30\"。\n");
}
