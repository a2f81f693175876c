// A quote left open is reported at the line it opens, and reading resumes at the next line
// that reads as a record: one broken row never takes the rest of the file with it.
#include "core/data/dataset.hpp"
#include "core/data/table_reader.hpp"
#include "data/reader_support.hpp"
#include "data/temp_folder.hpp"

#include <catch2/catch.hpp>

using namespace patrol;
using namespace patrol::testing;

namespace {
const std::string kHeader = "expense_id,unit_code,date,category,amount,headcount,depart_time,description\n";

data::TableReadResult read(const std::string& rows) { return data::readTableText(kHeader + rows, expensesSchema(), "expenses.csv"); }
}  // namespace

TEST_CASE("an unclosed quote rejects its own line and the rows after it are read") {
    const auto r = read(
        "G1,U1,2026-03-14,meal,10,,,\n"                      // 2 kept
        "E2,U1,2026-03-14,meal,10,,,\"说明没有结束引号\n"    // 3 quote never closed
        "E3,U1,2026-03-14,meal,20,,,\n"                      // 4 kept
        "E4,U1,2026-03-14,meal,x,,,\n"                       // 5 its own reason
        "E5,U1,2026-03-14,meal,30,,,\n");                    // 6 kept
    CHECK(rejectLines(r) == std::vector<std::string>{
                                "expenses.csv:3: 引号未闭合：此行的带引号字段没有结束引号，此行不予采用",
                                "expenses.csv:5: 列 amount 的值 \"x\" 不是有效金额（应为以元为单位、最多两位小数的数，如 1234.50）",
                            });
    const data::TableData& t = *r.table;
    CHECK(texts(t, "expense_id") == std::vector<std::string>{"G1", "E3", "E5"});
    CHECK(t.sourceLine(1) == 4);
    CHECK(t.sourceLine(2) == 6);
}

TEST_CASE("an unclosed quote that a later quote would close still costs only its own lines") {
    // Without resuming, the quote on line 3 would pair with the first quote of line 5 and every
    // later quoted field would be read inside out.
    const auto r = read(
        "G1,U1,2026-03-14,meal,10,,,\n"                                 // 2 kept
        "E2,U1,2026-03-14,meal,10,,,\"第一行说明\n"                     // 3 quote never closed
        "续写的第二行\n"                                                // 4 not a record
        "E5,U1,2026-03-14,meal,10,,,\"正常的 \"\"引号\"\"，有逗号\"\n"  // 5 kept
        "E6,U1,2026-03-14,meal,10,,,\"跨行的\n说明\"\n"                 // 6-7 kept: a closed quote may span lines
        "E8,U1,2026-03-14,meal,10,,,\n");                               // 8 kept
    CHECK(rejectLines(r) == std::vector<std::string>{
                                "expenses.csv:3: 引号未闭合：此行的带引号字段没有结束引号，此行不予采用；其后 1 行也不能读作记录，一并不予采用，再往后的行照常读取",
                            });
    const data::TableData& t = *r.table;
    CHECK(texts(t, "expense_id") == std::vector<std::string>{"G1", "E5", "E6", "E8"});
    CHECK(texts(t, "description") == std::vector<std::string>{"", "正常的 \"引号\"，有逗号", "跨行的\n说明", ""});
    CHECK(t.sourceLine(3) == 8);
}

TEST_CASE("an unclosed quote followed only by lines that are no records rejects them together") {
    const auto r = read(
        "G1,U1,2026-03-14,meal,10,,,\n"          // 2 kept
        "E2,U1,2026-03-14,meal,10,,,\"说明\n"    // 3 quote never closed
        "第二行\n"                               // 4
        "\n"                                     // 5
        "第三行\n");                             // 6
    CHECK(rejectLines(r) == std::vector<std::string>{
                                "expenses.csv:3: 引号未闭合：此行的带引号字段没有结束引号，此行不予采用；其后直到文件末尾的 3 行都不能读作记录，一并不予采用",
                            });
    CHECK(texts(*r.table, "expense_id") == std::vector<std::string>{"G1"});
}

TEST_CASE("a quote closed on a later line whose record then breaks is reported where it opens") {
    const auto r = read(
        "E1,U1,2026-03-14,meal,10,,,\"开头\n"         // 2 opens
        "E2,U1,2026-03-14,meal,10,,,\"第二\"\n"       // 3 its first quote closes line 2's: the record breaks
        "E3,U1,2026-03-14,meal,10,,,\n");             // 4 kept
    CHECK(rejectLines(r) == std::vector<std::string>{
                                "expenses.csv:2: 引号未闭合：此行的带引号字段没有结束引号，此行不予采用",
                            });
    CHECK(texts(*r.table, "expense_id") == std::vector<std::string>{"E2", "E3"});
}

TEST_CASE("a large file read in parallel stretches resumes after an unclosed quote like a small one") {
    TempFolder folder;
    std::string text = kHeader;
    constexpr int kRows = 120000;  // several megabytes: cut into stretches on two threads
    for (int i = 0; i < kRows; ++i) {
        text += "E" + std::to_string(i) + ",U1,2026-03-14,meal,10,,,\"一段较长的说明文字，用来让文件大到分段读取\"\n";
        if (i == 1000) text += "B1,U1,2026-03-14,meal,10,,,\"没有结束引号\n";
    }
    folder.write("expenses.csv", text);
    const std::vector<data::TableSchema> tables{expensesSchema()};
    const data::Dataset d = data::readDataset(folder.path(), tables, 2);
    REQUIRE(d.rejects().size() == 1);
    CHECK(d.rejects()[0].format() == (folder.path() / "expenses.csv").string() + ":1003: 引号未闭合：此行的带引号字段没有结束引号，此行不予采用");
    const data::TableData& t = *d.table("expenses");
    CHECK(t.rowCount() == kRows);
    CHECK(t.sourceLine(kRows - 1) == kRows + 2);
}
