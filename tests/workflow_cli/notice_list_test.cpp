#include <catch2/catch.hpp>

#include <regex>

#include "county.hpp"

using patrol::testing::County;
using patrol::testing::Run;

namespace {

// R1 fed back on 2026-02-12; UB names its handler and leader; escalation on 2026-03-01 and
// 2026-04-14 stores three notices: task 1 green, task 1 accountability, task 2 red.
struct Escalated : County {
    Escalated() {
        ok({"round", "advance", "--round", "R1", "--to", "fed_back", "--date", "2026-02-12"});
        ok({"task", "plan", "2", "--measure", "拨付滞留资金", "--handler", "赵六", "--leader", "钱七"}, "乙联系人");
        ok({"escalate", "--as-of", "2026-03-01"});
        ok({"escalate", "--as-of", "2026-04-14"});
    }
};

const std::string kGreen =
    "【绿色提醒】整改任务 #1（UA 甲镇：超标准接待）整改期限 2026-03-14，距期限还有 13 天。"
    "无可通知的人员：请为单位 UA 登记负责人。";
const std::string kAccountability =
    "【问责建议】整改任务 #1（UA 甲镇：超标准接待）整改期限 2026-03-14，已逾期 31 天。请巡察工作领导小组研究提出问责建议。";
const std::string kRed =
    "【红色督办】整改任务 #2（UB 乙局：资金滞留）整改期限 2026-04-13，已逾期 1 天。请巡察办知悉：该任务列入挂牌督办。"
    "单位主要负责人未登记，无法通知：请为单位 UB 登记负责人。";

// JSON with each notice's creation time (the moment escalate ran) replaced by T.
std::string withoutTimes(const std::string& json) {
    return std::regex_replace(json, std::regex(R"("created_at":"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")"), "\"created_at\":\"T\"");
}

}  // namespace

TEST_CASE("notice list prints every stored notice as JSON, CSV and a table", "[workflow_cli][notice]") {
    Escalated c;
    Run r = c.ok({"notice", "list", "--format", "json"});
    CHECK(withoutTimes(r.out) ==
          "[\n"
          " {\"id\":1,\"task_id\":1,\"finding_id\":1,\"round\":\"R1\",\"unit\":\"UA\",\"unit_name\":\"甲镇\","
          "\"level\":\"green\",\"as_of\":\"2026-03-01\","
          "\"recipients\":[],\"message\":\"" + kGreen + "\",\"created_at\":\"T\"},\n"
          " {\"id\":2,\"task_id\":1,\"finding_id\":1,\"round\":\"R1\",\"unit\":\"UA\",\"unit_name\":\"甲镇\","
          "\"level\":\"accountability\",\"as_of\":\"2026-04-14\","
          "\"recipients\":[{\"role\":\"leadership\",\"label\":\"巡察工作领导小组\",\"name\":\"巡察工作领导小组\"}],"
          "\"message\":\"" + kAccountability + "\",\"created_at\":\"T\"},\n"
          " {\"id\":3,\"task_id\":2,\"finding_id\":2,\"round\":\"R1\",\"unit\":\"UB\",\"unit_name\":\"乙局\","
          "\"level\":\"red\",\"as_of\":\"2026-04-14\","
          "\"recipients\":[{\"role\":\"inspection_office\",\"label\":\"巡察办\",\"name\":\"巡察办\"}],\"message\":\"" + kRed + "\",\"created_at\":\"T\"}\n"
          "]\n");
    CHECK(r.err.empty());

    r = c.ok({"notice", "list", "--level", "red", "--format", "csv"}, "张组长");
    CHECK(r.out ==
          "id,task_id,finding_id,round,unit,unit_name,level,created,recipients,text\r\n"
          "3,2,2,R1,UB,乙局,red,2026-04-14,\"[{\"\"role\"\":\"\"inspection_office\"\",\"\"label\"\":\"\"巡察办\"\","
          "\"\"name\"\":\"\"巡察办\"\"}]\"," + kRed + "\r\n");

    r = c.ok({"notice", "list", "--unit", "UA", "--since", "2026-04-01"}, "王书记");
    CHECK(r.out ==
          "编号  任务  问题  轮次  单位  单位名称  等级      日期        通知对象          通知内容\n"
          "2     1     1     R1    UA    甲镇      问责建议  2026-04-14  巡察工作领导小组  " + kAccountability + "\n"
          "（共 1 条）\n");
}

TEST_CASE("notice list shows a unit contact its own unit's notices and nothing of another unit", "[workflow_cli][notice]") {
    Escalated c;
    Run r = c.ok({"notice", "list", "--format", "csv"}, "乙联系人");
    CHECK(r.out.find("\r\n3,2,2,R1,UB,乙局,red,") != std::string::npos);
    CHECK(r.out.find("UA") == std::string::npos);
    CHECK(r.out.find("甲镇") == std::string::npos);
    r = c.ok({"notice", "list", "--round", "R1", "--format", "json"}, "甲联系人");
    CHECK(r.out.find("\"id\":1,") != std::string::npos);
    CHECK(r.out.find("\"id\":2,") != std::string::npos);
    CHECK(r.out.find("乙局") == std::string::npos);

    // Another unit's code is refused exactly like a code that does not exist.
    r = c.patrol({"notice", "list", "--unit", "UA"}, "乙联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "错误: 单位「UA」不存在。请检查单位编码（可用 patrol unit list 查看所有单位）。\n");
    r = c.patrol({"notice", "list", "--unit", "UZ"}, "乙联系人");
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 单位「UZ」不存在。请检查单位编码（可用 patrol unit list 查看所有单位）。\n");
}

TEST_CASE("notice list refuses bad options with exit code 2", "[workflow_cli][notice]") {
    Escalated c;
    Run r = c.patrol({"notice", "list", "--level", "purple"});
    CHECK(r.exitCode == 2);
    CHECK(r.err ==
          "错误: 未知的预警等级「purple」：应为 none（无）、green（绿色提醒）、yellow（黄色预警）、red（红色督办）、"
          "accountability（问责建议） 之一，请改用其中一个。\n");
    r = c.patrol({"notice", "list", "--since", "2026-13-01"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: --since「2026-13-01」不是有效日期：应为 YYYY-MM-DD 格式的真实日期，例如 2026-03-14。\n");
    r = c.patrol({"notice", "list", "--format", "xml"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: --format 应为 table、json 或 csv 之一，收到的是 \"xml\"。\n");
    r = c.patrol({"notice", "list", "--round", "R9"});
    CHECK(r.exitCode == 2);
    CHECK(r.err == "错误: 巡察轮次「R9」不存在。请检查轮次编码（可用 patrol round list 查看所有轮次）。\n");
    r = c.ok({"notice", "list", "--since", "2026-05-01"});
    CHECK(r.out == "编号  任务  问题  轮次  单位  单位名称  等级  日期  通知对象  通知内容\n（共 0 条）\n");
}
