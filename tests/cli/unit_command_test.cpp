// `patrol unit add|import|list` end to end.
#include <catch2/catch.hpp>

#include "cli/run_patrol.hpp"
#include "store/raw_sqlite.hpp"

using namespace patrol::testing;

namespace {

std::string unitCount(const Patrol& patrol) { return rawScalar(patrol.db(), "SELECT count(*) FROM units"); }

}  // namespace

TEST_CASE("units are added into a tree and listed in every format") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    auto run = patrol({"unit", "add", "--code", "QX", "--name", "清溪县", "--kind", "other"});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已添加单位 QX 清溪县（其他）\n");
    run = patrol({"unit", "add", "--code", "QX-HT", "--name", "河塘镇", "--kind", "township", "--parent", "QX"});
    CHECK(run.out == "已添加单位 QX-HT 河塘镇（乡镇），上级单位 QX\n");

    run = patrol({"unit", "list", "--format", "json"});
    CHECK(run.exitCode == 0);
    CHECK(run.out.find("{\"code\":\"QX\",\"name\":\"清溪县\",\"kind\":\"other\",\"kind_name\":\"其他\",\"parent\":null,\"head\":null,\"contact\":null}") !=
          std::string::npos);
    CHECK(run.out.find("{\"code\":\"QX-HT\",\"name\":\"河塘镇\",\"kind\":\"township\",\"kind_name\":\"乡镇\",\"parent\":\"QX\",\"head\":null,\"contact\":null}") !=
          std::string::npos);
    run = patrol({"unit", "list", "--format", "csv"});
    CHECK(run.out == "code,name,kind,kind_name,parent,head,contact\r\nQX,清溪县,other,其他,,,\r\nQX-HT,河塘镇,township,乡镇,QX,,\r\n");
    run = patrol({"unit", "list"});
    CHECK(run.out.find("河塘镇") != std::string::npos);
}

TEST_CASE("bad unit input is refused with exit 2 and nothing stored") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    patrol({"unit", "add", "--code", "QX", "--name", "清溪县", "--kind", "other"});

    auto run = patrol({"unit", "add", "--code", "QX", "--name", "另一个县", "--kind", "other"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 单位编码「QX」已存在（清溪县）。请换一个编码。\n");

    run = patrol({"unit", "add", "--code", "QX-SQ", "--name", "石桥镇", "--kind", "town"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 未知的单位类型「town」：应为 township（乡镇）、department（县直部门）、village（村）、community（社区）、"
                     "enterprise（国有企业）、other（其他） 之一，请改用其中一个。\n");

    run = patrol({"unit", "add", "--code", "QX-SQ", "--name", "石桥镇", "--kind", "township", "--parent", "XX"});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 上级单位「XX」不存在。请先添加该上级单位，或检查编码是否写错。\n");

    run = patrol({"unit", "add", "--code", "石桥", "--name", "石桥镇", "--kind", "township"});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("单位编码（--code）「石桥」无效") != std::string::npos);

    run = patrol({"unit", "add", "--name", "石桥镇", "--kind", "township"});
    CHECK(run.exitCode == 2);
    CHECK(unitCount(patrol) == "1");
    CHECK(rawScalar(patrol.db(), "SELECT count(*) FROM audit_events") == "1");
}

TEST_CASE("unit import stores every row, parents may come later in the file") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    const std::string csv = dir.write("units.csv",
                                      "\xEF\xBB\xBF" "name,code,kind,parent_code\r\n"
                                      "河塘镇东岭村,QX-HT-DL,village,QX-HT\r\n"
                                      "\"河塘镇\",QX-HT,township,QX\r\n"
                                      "清溪县,QX,other,\r\n");
    const auto run = patrol({"unit", "import", csv});
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已从 " + csv + " 导入 3 个单位\n");
    CHECK(rawScalar(patrol.db(), "SELECT p.code FROM units u JOIN units p ON p.id = u.parent_id WHERE u.code = 'QX-HT-DL'") ==
          "QX-HT");
}

TEST_CASE("unit import with any bad row stores nothing and names every bad line") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    patrol({"unit", "add", "--code", "QX", "--name", "清溪县", "--kind", "other"});
    const std::string csv = dir.write("units.csv",
                                      "code,name,kind,parent_code\n"
                                      "QX-HT,河塘镇,township,QX\n"
                                      "QX-SQ,石桥镇,town,QX\n"
                                      "QX-HT,河塘镇重复,township,QX\n"
                                      "QX-YS,云山乡,township,QX-NONE\n"
                                      "QX,清溪县,other,\n");
    const auto run = patrol({"unit", "import", csv});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: " + csv + " 有 4 处错误，没有导入任何单位：\n"
                     "  第 3 行：未知的单位类型「town」：应为 township（乡镇）、department（县直部门）、village（村）、community（社区）、"
                     "enterprise（国有企业）、other（其他） 之一，请改用其中一个。\n"
                     "  第 4 行：单位编码「QX-HT」与第 2 行重复。\n"
                     "  第 5 行：上级单位「QX-NONE」不存在。请先添加该上级单位，或检查编码是否写错。\n"
                     "  第 6 行：单位编码「QX」已存在（清溪县）。请换一个编码。\n"
                     "请改正后重新导入。\n");
    CHECK(unitCount(patrol) == "1");
}

TEST_CASE("unit import refuses a file without the required columns") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    const std::string csv = dir.write("units.csv", "code,name\nQX,清溪县\n");
    const auto run = patrol({"unit", "import", csv});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: " + csv + " 缺少列 kind、parent_code：第一行应为表头 code,name,kind,parent_code（顺序不限）。没有导入任何单位。\n");
}

TEST_CASE("unit import reads a GB18030 file as Excel saves it, with a quoted name holding a comma") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    // 清溪县, 河塘镇 and 石桥镇，东片 in GB18030 bytes.
    const std::string csv = dir.write("units.csv",
                                      "code,name,kind,parent_code\r\n"
                                      "QX,\xC7\xE5\xCF\xAA\xCF\xD8,other,\r\n"
                                      "QX-HT,\"\xBA\xD3\xCC\xC1\xD5\xF2\",township,QX\r\n"
                                      "QX-SQ,\"\xCA\xAF\xC7\xC5\xD5\xF2\xA3\xAC\xB6\xAB\xC6\xAC,\"\"A\"\"\",township,QX\r\n");
    const auto run = patrol({"unit", "import", csv});
    CHECK(run.err.empty());
    CHECK(run.exitCode == 0);
    CHECK(run.out == "已从 " + csv + " 导入 3 个单位\n");
    CHECK(rawScalar(patrol.db(), "SELECT group_concat(name, '|') FROM (SELECT name FROM units ORDER BY code)") ==
          "清溪县|河塘镇|石桥镇，东片,\"A\"");
}

TEST_CASE("unit import keeps a quoted comma inside the field and refuses broken quotes") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    // A quoted field may span lines, but a unit's name is one line: the row is refused.
    std::string csv = dir.write("units.csv",
                                "code,name,kind,parent_code\n"
                                "QX,\"清溪县,县本级\",other,\n"
                                "QX-HT,\"河塘镇\n（含原新塘乡）\",township,QX\n");
    auto run = patrol({"unit", "import", csv});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: " + csv + " 有 1 处错误，没有导入任何单位：\n"
                     "  第 3 行：单位名称不能换行：请写成一行。\n"
                     "请改正后重新导入。\n");
    CHECK(unitCount(patrol) == "0");
    csv = dir.write("units.csv",
                    "code,name,kind,parent_code\n"
                    "QX,\"清溪县,县本级\",other,\n"
                    "QX-HT,\"河塘镇（含原新塘乡）\",township,QX\n");
    run = patrol({"unit", "import", csv});
    CHECK(run.exitCode == 0);
    CHECK(rawScalar(patrol.db(), "SELECT name FROM units WHERE code = 'QX'") == "清溪县,县本级");
    CHECK(rawScalar(patrol.db(), "SELECT name FROM units WHERE code = 'QX-HT'") == "河塘镇（含原新塘乡）");

    csv = dir.write("after.csv",
                    "code,name,kind,parent_code\n"
                    "QX-SQ,石桥镇,township,QX\n"
                    "QX-YS,\"云山\"乡,township,QX\n");
    run = patrol({"unit", "import", csv});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: " + csv + " 有 1 处错误，没有导入任何单位：\n"
                     "  第 3 行：带引号的字段在结束引号后还有其他字符。字段内的引号应写成两个双引号（\"\"），请改正该行。\n"
                     "请改正后重新导入。\n");

    csv = dir.write("open.csv",
                    "code,name,kind,parent_code\n"
                    "QX-SQ,石桥镇,township,QX\n"
                    "QX-YS,\"云山乡,township,QX\n");
    run = patrol({"unit", "import", csv});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: " + csv + " 第 3 行：引号没有闭合。请检查该行的双引号。\n");

    run = patrol({"unit", "import", dir.file("missing.csv")});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: 无法读取文件 " + dir.file("missing.csv") + "：文件不存在或没有读权限。请检查路径。\n");
    CHECK(unitCount(patrol) == "2");
}

TEST_CASE("unit import counts every bad row but lists only data.max_listed_rejects of them") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    const std::string config = dir.write("patrol.ini", "[data]\nmax_listed_rejects = 2\nmax_field_bytes = 200\n");
    std::string rows = "code,name,kind,parent_code\n";
    for (int i = 0; i < 5; ++i) rows += "QX-" + std::to_string(i) + ",单位,town,\n";
    for (int i = 0; i < 3; ++i) rows += "QX,清溪县,other,\n";
    const std::string csv = dir.write("units.csv", rows);
    const auto run = patrol({"unit", "import", csv, "--config", config});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: " + csv + " 有 7 处错误，没有导入任何单位：\n"
                     "  第 2 行：未知的单位类型「town」：应为 township（乡镇）、department（县直部门）、village（村）、community（社区）、"
                     "enterprise（国有企业）、other（其他） 之一，请改用其中一个。\n"
                     "  第 3 行：未知的单位类型「town」：应为 township（乡镇）、department（县直部门）、village（村）、community（社区）、"
                     "enterprise（国有企业）、other（其他） 之一，请改用其中一个。\n"
                     "  以及另外 5 处错误未列出（列出的条数见设置 data.max_listed_rejects）\n"
                     "请改正后重新导入。\n");
    CHECK(unitCount(patrol) == "0");
}

TEST_CASE("unit import refuses a value past data.max_field_bytes by its line and quotes at most 100 bytes of a bad one") {
    ScratchDir dir;
    Patrol patrol(dir);
    REQUIRE(patrol({"init"}).exitCode == 0);
    const std::string config = dir.write("patrol.ini", "[data]\nmax_field_bytes = 64\n");
    const std::string big = dir.write("big.csv", "code,name,kind,parent_code\nQX,清溪县,other,\nQY," + std::string(65, 'x') + ",other,\n");
    auto run = patrol({"unit", "import", big, "--config", config});
    CHECK(run.exitCode == 2);
    CHECK(run.err == "错误: " + big + " 第 3 行：第 2 个字段超过每个值 64 字节的上限（设置 data.max_field_bytes）。请检查该行。没有导入任何内容。\n");

    std::string kind;
    for (int i = 0; i < 40; ++i) kind += "类";  // 120 bytes
    const std::string odd = dir.write("odd.csv", "code,name,kind,parent_code\nQX,清溪县," + kind + ",\n");
    run = patrol({"unit", "import", odd});
    CHECK(run.exitCode == 2);
    CHECK(run.err.find("未知的单位类型「" + kind.substr(0, 99) + "…」：应为") != std::string::npos);
    CHECK(unitCount(patrol) == "0");
}
