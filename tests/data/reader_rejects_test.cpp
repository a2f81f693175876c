// Each reason a row is rejected: reported as file:line: reason, left out, the rest still read.
#include "core/data/table_reader.hpp"
#include "data/reader_support.hpp"

#include <catch2/catch.hpp>

using namespace patrol;
using namespace patrol::testing;

namespace {
const std::string kHeader = "expense_id,unit_code,date,category,amount,headcount,depart_time,description\n";

data::TableReadResult read(const std::string& rows) { return data::readTableText(kHeader + rows, expensesSchema(), "expenses.csv", listEveryReject()); }
}  // namespace

TEST_CASE("every reject reason, with its line, while good rows are kept") {
    const auto r = read(
        "G1,U1,2026-03-14,meal,10,,,\n"             // 2 kept
        ",U1,2026-03-14,meal,10,,,\n"               // 3 missing id
        "E3,U1,2026-02-30,meal,10,,,\n"             // 4 bad date
        "E4,U1,2026/03/14,meal,10,,,\n"             // 5 bad date form
        "E5,U1,2026-03-14,meal,12.345,,,\n"         // 6 three decimals
        "E6,U1,2026-03-14,meal,-5,,,\n"             // 7 negative money
        "E7,U1,2026-03-14,party,10,,,\n"            // 8 unknown enum word
        "E8,U1,2026-03-14,meal,10,two,,\n"          // 9 not an integer
        "E9,U1,2026-03-14,meal,10,-1,,\n"           // 10 below min
        "E10,U1,2026-03-14,reception,10,,,\n"       // 11 reception without headcount
        "E11,U1,2026-03-14,reception,10,0,,\n"      // 12 reception headcount 0
        "E12,U1,2026-03-14,meal,10,0,,\n"           // 13 kept: min 1 only applies to reception
        "E13,U1,2026-03-14,meal,10,,24:00,\n"       // 14 bad time
        "E14,U1,2026-03-14,meal,10,,,,extra\n"      // 15 one field more than the header
        "G1,U2,2026-03-15,gift,20,,,\n"             // 16 repeated id
        "E16,U1,2026-03-14,meal,10,,,\"a\"b\n"      // 17 text after a closing quote
        "E17,U1,2026-03-14,meal,10,,,\n"            // 18 kept
        "G1,U3,2026-03-16,gift,30,,,\n"             // 19 repeated id again
        "E19,U1,2026-03-14,meal,10,,,\"open\n");    // 20 quote never closed
    CHECK(rejectLines(r) == std::vector<std::string>{
                                "expenses.csv:3: 缺少必填值：列 expense_id 为空",
                                "expenses.csv:4: 列 date 的值 \"2026-02-30\" 不是有效日期（2026 年 2 月只有 1–28 日）",
                                "expenses.csv:5: 列 date 的值 \"2026/03/14\" 不是有效日期（应为 YYYY-MM-DD，例如 2026-03-14）",
                                "expenses.csv:6: 列 amount 的值 \"12.345\" 不是有效金额（应为以元为单位、最多两位小数的数，如 1234.50）",
                                "expenses.csv:7: 列 amount 的值 \"-5\" 不是有效金额（应为以元为单位、最多两位小数的数，如 1234.50）",
                                "expenses.csv:8: 列 category 的值 \"party\" 不是允许的取值（reception、meal、gift）",
                                "expenses.csv:9: 列 headcount 的值 \"two\" 不是整数",
                                "expenses.csv:10: 列 headcount 的值 -1 小于允许的最小值 0",
                                "expenses.csv:11: 列 category 为 reception 时，列 headcount 必须填写",
                                "expenses.csv:12: 列 category 为 reception 时，列 headcount 应不小于 1，实为 0",
                                "expenses.csv:14: 列 depart_time 的值 \"24:00\" 不是有效时间（应为 24 小时制 HH:MM）",
                                "expenses.csv:15: 字段数不对：表头有 8 个字段，此行有 9 个（多了或少了逗号？含逗号的值须用双引号括起来）",
                                "expenses.csv:16: 列 expense_id 的编号 \"G1\" 重复（第 2 行已出现），后出现的这一行不予采用",
                                "expenses.csv:17: 字段的结束引号后还有其他字符（字段内的引号应写成两个双引号 \"\"）",
                                "expenses.csv:19: 列 expense_id 的编号 \"G1\" 重复（第 2 行已出现），后出现的这一行不予采用",
                                "expenses.csv:20: 引号未闭合：此行的带引号字段没有结束引号，此行不予采用",
                            });
    const data::TableData& t = *r.table;
    CHECK(texts(t, "expense_id") == std::vector<std::string>{"G1", "E12", "E17"});
    CHECK(texts(t, "unit_code") == std::vector<std::string>{"U1", "U1", "U1"});
    CHECK(t.sourceLine(0) == 2);
    CHECK(t.sourceLine(1) == 13);
    CHECK(t.sourceLine(2) == 18);
    CHECK(t.i64(t.columnIndex("headcount"), 1) == 0);
    CHECK(t.abi()->row_count == 3);
}

TEST_CASE("a row with fewer or more fields than the header is rejected, naming both counts") {
    const auto r = read("E1,U1,2026-03-14,meal,10\n"       // 2: a lost comma would shift values
                        "E2,U1,2026-03-14,meal,10,,,\n"    // 3: kept
                        "E3,U1,2026-03-14,meal,1,0,00,,\n");  // 4: "1,00" typed without quotes
    CHECK(rejectLines(r) == std::vector<std::string>{
                                "expenses.csv:2: 字段数不对：表头有 8 个字段，此行有 5 个（多了或少了逗号？含逗号的值须用双引号括起来）",
                                "expenses.csv:4: 字段数不对：表头有 8 个字段，此行有 9 个（多了或少了逗号？含逗号的值须用双引号括起来）",
                            });
    CHECK(texts(*r.table, "expense_id") == std::vector<std::string>{"E2"});
}

TEST_CASE("spaces and tabs around every value are removed, quoted or not, so a blank value is empty") {
    const auto r = read(" E1 ,\tU1 , 2026-03-14 , meal , 10.50 , ,,\" 出差 \"\n"  // 2: kept, trimmed
                        "\"  \",U1,2026-03-14,meal,10,,,\n"                        // 3: an id of spaces is missing
                        "E1\t,U2,2026-03-14,meal,10,,,\n");                         // 4: the same id as line 2
    CHECK(rejectLines(r) == std::vector<std::string>{
                                "expenses.csv:3: 缺少必填值：列 expense_id 为空",
                                "expenses.csv:4: 列 expense_id 的编号 \"E1\" 重复（第 2 行已出现），后出现的这一行不予采用",
                            });
    const data::TableData& t = *r.table;
    CHECK(texts(t, "expense_id") == std::vector<std::string>{"E1"});
    CHECK(texts(t, "unit_code") == std::vector<std::string>{"U1"});
    CHECK(texts(t, "description") == std::vector<std::string>{"出差"});
    CHECK(t.i64(t.columnIndex("amount"), 0) == 1050);
    CHECK(t.i64(t.columnIndex("headcount"), 0) == PATROL_ABSENT_I64);
}

TEST_CASE("a row rejected for another reason does not claim its id") {
    const auto r = read("E1,U1,2026-13-01,meal,10,,,\nE1,U2,2026-03-14,meal,10,,,\n");
    CHECK(rejectLines(r) == std::vector<std::string>{"expenses.csv:2: 列 date 的值 \"2026-13-01\" 不是有效日期（月份应为 01–12，实为 13）"});
    CHECK(texts(*r.table, "unit_code") == std::vector<std::string>{"U2"});
}

TEST_CASE("repeated ids among many rows: only later rows go, string columns stay aligned") {
    std::string rows;
    for (int i = 0; i < 3000; ++i) {
        rows.append("E").append(std::to_string(i % 1000)).append(",U").append(std::to_string(i));
        rows.append(",2026-03-14,meal,1,,,d").append(std::to_string(i)).append("\n");
    }
    const auto r = read(rows);
    CHECK(r.rejects.size() == 2000);
    CHECK(r.rejects.front().format() == "expenses.csv:1002: 列 expense_id 的编号 \"E0\" 重复（第 2 行已出现），后出现的这一行不予采用");
    CHECK(r.rejects.back().line == 3001);
    REQUIRE(r.table->rowCount() == 1000);
    CHECK(r.table->text(1, 999) == "U999");
    CHECK(r.table->text(r.table->columnIndex("description"), 999) == "d999");
    CHECK(r.table->sourceLine(999) == 1001);
}
