// `patrol unit edit|show` and the head/contact fields of `unit add|import|list`, end to end.
#include <catch2/catch.hpp>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

// 清溪县 with 河塘镇 (and its village 东岭村) and 石桥镇 below it, plus an inspector.
void county(const Patrol& patrol) {
    REQUIRE(patrol({"unit", "add", "--code", "QX", "--name", "清溪县", "--kind", "other"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX-HT", "--name", "河塘镇", "--kind", "township", "--parent", "QX"}).exitCode == 0);
    REQUIRE(patrol({"unit", "add", "--code", "QX-HT-DL", "--name", "东岭村", "--kind", "village", "--parent", "QX-HT"}).exitCode ==
            0);
    REQUIRE(patrol({"unit", "add", "--code", "QX-SQ", "--name", "石桥镇", "--kind", "township", "--parent", "QX"}).exitCode == 0);
    REQUIRE(patrol({"user", "add", "--name", "张丽", "--role", "inspector"}).exitCode == 0);
}

// Every column of every unit, to compare the table before and after a refusal.
std::string units(const Patrol& patrol) {
    return rawScalar(patrol.db(), "SELECT group_concat(code || '|' || name || '|' || kind || '|' || ifnull(parent_id, '') || '|' || "
                                  "ifnull(head, '') || '|' || ifnull(contact, ''), ';') FROM (SELECT * FROM units ORDER BY id)");
}

std::string events(const Patrol& patrol) { return rawScalar(patrol.db(), "SELECT count(*) FROM audit_events"); }

}  // namespace

TEST_CASE("unit edit corrects name, kind, parent, head and contact, audited with the whole unit before and after",
          "[cli][unit]") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    county(patrol);

    auto run = patrol({"unit", "edit", "QX-HT", "--name", "河塘乡", "--kind", "community", "--parent", "QX-SQ", "--head", "周建国",
                       "--contact", " 李娜 0571-8800123 "});
    CHECK(run.exitCode == 0);
    CHECK(run.err.empty());
    CHECK(run.out == "已修改单位 QX-HT：名称 河塘镇 → 河塘乡；类型 乡镇 → 社区；上级单位 QX → QX-SQ；负责人 （无） → 周建国；"
                     "联系人 （无） → 李娜 0571-8800123\n");
    CHECK(rawScalar(patrol.db(), "SELECT name || '|' || kind || '|' || (SELECT code FROM units p WHERE p.id = u.parent_id) || '|' || "
                                 "head || '|' || contact FROM units u WHERE code = 'QX-HT'") ==
          "河塘乡|community|QX-SQ|周建国|李娜 0571-8800123");
    CHECK(rawScalar(patrol.db(), "SELECT actor || '|' || entity || '|' || entity_id || '|' || before_json || '|' || json_remove(after_json, '$.rows') "
                                 "FROM audit_events WHERE action = 'unit.edit'") ==
          "admin|unit|QX-HT|"
          "{\"code\":\"QX-HT\",\"name\":\"河塘镇\",\"kind\":\"township\",\"parent\":\"QX\",\"head\":null,\"contact\":null}|"
          "{\"code\":\"QX-HT\",\"name\":\"河塘乡\",\"kind\":\"community\",\"parent\":\"QX-SQ\",\"head\":\"周建国\","
          "\"contact\":\"李娜 0571-8800123\"}");

    run = patrol({"unit", "show", "QX-HT", "--format", "json"});
    CHECK(run.out == "{\"code\":\"QX-HT\",\"name\":\"河塘乡\",\"kind\":\"community\",\"kind_name\":\"社区\",\"parent\":\"QX-SQ\",\"head\":\"周建国\","
                     "\"contact\":\"李娜 0571-8800123\"}\n");
    run = patrol({"unit", "show", "QX-HT"});
    CHECK(run.out == "单位编码：QX-HT\n名称：河塘乡\n类型：社区\n上级单位：QX-SQ\n负责人：周建国\n联系人：李娜 0571-8800123\n");

    // The same values again change nothing and write no event.
    const std::string before = events(patrol);
    run = patrol({"unit", "edit", "QX-HT", "--name", "河塘乡", "--head", "周建国"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "单位 QX-HT 没有改动：给出的内容与现有记录相同\n");
    CHECK(events(patrol) == before);

    // An empty value clears an optional field; a parent of the old subtree's side is fine.
    run = patrol({"unit", "edit", "QX-HT", "--head", "", "--parent", ""});
    CHECK(run.out == "已修改单位 QX-HT：上级单位 QX-SQ → （无）；负责人 周建国 → （无）\n");
    CHECK(rawScalar(patrol.db(), "SELECT ifnull(parent_id, 'null') || '|' || ifnull(head, 'null') FROM units WHERE code = 'QX-HT'") ==
          "null|null");
    CHECK(patrol({"audit", "verify"}).exitCode == 0);
}

TEST_CASE("unit edit refuses a cycle, an unknown parent or kind, a non-admin, and changes nothing", "[cli][unit]") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    county(patrol);
    const std::string table = units(patrol);
    const std::string count = events(patrol);

    auto run = patrol({"unit", "edit", "QX-HT", "--parent", "QX-HT"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 单位「QX-HT」不能做自己的上级单位。请指定另一个单位，或不改上级单位。\n");

    run = patrol({"unit", "edit", "QX", "--parent", "QX-HT-DL", "--name", "清溪县人民政府"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 不能把「QX-HT-DL」（东岭村）设为单位「QX」的上级单位：它是「QX」的下级单位，这样会形成环。"
                     "请指定不在「QX」之下的单位。\n");

    run = patrol({"unit", "edit", "QX-HT", "--parent", "QX-XX"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 上级单位「QX-XX」不存在。请先添加该上级单位，或检查编码是否写错。\n");

    run = patrol({"unit", "edit", "QX-HT", "--kind", "town"});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("错误: 未知的单位类型「town」：应为 township（乡镇）") == 0);

    run = patrol({"unit", "edit", "QX-HT", "--name", " "});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("单位名称") != std::string::npos);

    run = patrol({"unit", "edit", "QX-ZZ", "--name", "某镇"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 单位「QX-ZZ」不存在。请检查单位编码（可用 patrol unit list 查看所有单位）。\n");

    run = patrol({"unit", "edit", "QX-HT", "--name", "河塘乡"}, "张丽");
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 用户「张丽」（巡察组成员）无权修改单位：只有巡察办管理员（admin）可以这样做。\n");

    run = patrol({"unit", "edit", "QX-HT"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 请至少指定一项要修改的内容：--name、--kind、--parent、--head 或 --contact（给空值 \"\" "
                     "可清除上级单位、负责人或联系人）。\n");

    CHECK(units(patrol) == table);
    CHECK(events(patrol) == count);
}

TEST_CASE("unit add and unit import take an optional head and contact, and unit list shows them", "[cli][unit]") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    auto run = patrol({"unit", "add", "--code", "QX", "--name", "清溪县", "--kind", "other", "--head", "周建国", "--contact",
                       "县委办 0571-8800100"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已添加单位 QX 清溪县（其他），负责人 周建国，联系人 县委办 0571-8800100\n");

    const std::string csv = dir.write("units.csv",
                                      "code,name,kind,parent_code,contact,head\n"
                                      "QX-HT,河塘镇,township,QX,李娜 0571-8800123,王海\n"
                                      "QX-SQ,石桥镇,township,QX,,\n");
    run = patrol({"unit", "import", csv});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已从 " + csv + " 导入 2 个单位\n");

    run = patrol({"unit", "list", "--format", "csv"});
    CHECK(run.out == "code,name,kind,kind_name,parent,head,contact\r\n"
                     "QX,清溪县,other,其他,,周建国,县委办 0571-8800100\r\n"
                     "QX-HT,河塘镇,township,乡镇,QX,王海,李娜 0571-8800123\r\n"
                     "QX-SQ,石桥镇,township,乡镇,QX,,\r\n");
    CHECK(rawScalar(patrol.db(), "SELECT json_remove(after_json, '$.rows') FROM audit_events WHERE action = 'unit.add' AND entity_id = 'QX-HT'") ==
          "{\"code\":\"QX-HT\",\"name\":\"河塘镇\",\"kind\":\"township\",\"parent\":\"QX\",\"head\":\"王海\","
          "\"contact\":\"李娜 0571-8800123\"}");
}

TEST_CASE("a unit user sees its own unit with unit show and any other unit as missing", "[cli][unit][security]") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    county(patrol);
    REQUIRE(patrol({"user", "add", "--name", "赵敏", "--role", "unit", "--unit", "QX-HT"}).exitCode == 0);
    CHECK(patrol({"unit", "show", "QX-HT"}, "赵敏").out.find("名称：河塘镇\n") != std::string::npos);
    const auto other = patrol({"unit", "show", "QX-SQ"}, "赵敏");
    const auto missing = patrol({"unit", "show", "QX-ZZ"}, "赵敏");
    CHECK(other.exitCode == 2);
    CHECK(other.err == "错误: 单位「QX-SQ」不存在。请检查单位编码（可用 patrol unit list 查看所有单位）。\n");
    CHECK(missing.err == "错误: 单位「QX-ZZ」不存在。请检查单位编码（可用 patrol unit list 查看所有单位）。\n");
}
