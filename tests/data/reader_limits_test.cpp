// Hostile files stay cheap: a value or record past a size limit is rejected by its line
// without its text being held or echoed, and rejects are counted in full but listed only up
// to a limit (issue 15, "Memory stays bounded").
#include "core/data/dataset.hpp"
#include "core/data/record_scanner.hpp"
#include "core/data/table_parts.hpp"
#include "core/data/table_reader.hpp"
#include "core/domain/errors.hpp"
#include "data/reader_support.hpp"
#include "data/temp_folder.hpp"

#include <catch2/catch.hpp>

using namespace patrol;
using namespace patrol::testing;

namespace {
const std::string kHeader = "expense_id,unit_code,date,category,amount,headcount,depart_time,description\n";

data::ReadLimits small() {
    data::ReadLimits l;
    l.maxFieldBytes = 16;
    l.maxLineBytes = 80;
    l.maxListedRejects = 3;
    return l;
}

data::TableReadResult read(const std::string& rows, const data::ReadLimits& limits = small()) {
    return data::readTableText(kHeader + rows, expensesSchema(), "expenses.csv", limits);
}
}  // namespace

TEST_CASE("a value past data.max_field_bytes is rejected by its line, the next rows are read") {
    const auto r = read("E1,U1,2026-03-14,meal,10,,,0123456789abcdefX\n"
                        "E2,U1,2026-03-14,meal,10,,,0123456789abcdef\n");
    CHECK(rejectLines(r) == std::vector<std::string>{"expenses.csv:2: 第 8 个字段超过每个值 16 字节的上限（设置 data.max_field_bytes），此行不予采用"});
    CHECK(r.rejectCount == 1);
    CHECK(texts(*r.table, "expense_id") == std::vector<std::string>{"E2"});
}

TEST_CASE("a quoted value over many lines past the limit is rejected at the line it starts on") {
    std::string field = "\"";
    for (int i = 0; i < 10; ++i) field += "ab\n";
    const auto r = read("E1,U1,2026-03-14,meal,10,,," + field + "\"\nE2,U1,2026-03-14,meal,10,,,ok\n");
    CHECK(rejectLines(r) == std::vector<std::string>{"expenses.csv:2: 第 8 个字段超过每个值 16 字节的上限（设置 data.max_field_bytes），此行不予采用"});
    CHECK(texts(*r.table, "expense_id") == std::vector<std::string>{"E2"});
    CHECK(r.table->sourceLine(0) == 13);
}

TEST_CASE("a record past data.max_line_bytes is rejected whole, its text not quoted") {
    // Every field is short, the line is not: a NUL run with commas, as a broken export writes.
    std::string line;
    for (int i = 0; i < 30; ++i) line += std::string(3, '\0') + ",";
    const auto r = read(line + "\nE2,U1,2026-03-14,meal,10,,,\n");
    CHECK(rejectLines(r) == std::vector<std::string>{
                                "expenses.csv:2: 此行长 121 字节，超过每行 80 字节的上限（设置 data.max_line_bytes），不予采用；请检查该行是否缺少换行或引号"});
    CHECK(texts(*r.table, "expense_id") == std::vector<std::string>{"E2"});
}

TEST_CASE("rejects are counted in full and listed up to data.max_listed_rejects, in line order") {
    std::string rows;
    for (int i = 0; i < 10; ++i) rows += "B" + std::to_string(i) + ",U1,2026-13-01,meal,10,,,\n";
    rows += "G1,U1,2026-03-14,meal,10,,,\n";
    const auto r = read(rows);
    CHECK(r.rejectCount == 10);
    CHECK(rejectLines(r) == std::vector<std::string>{
                                "expenses.csv:2: 列 date 的值 \"2026-13-01\" 不是有效日期（月份应为 01–12，实为 13）",
                                "expenses.csv:3: 列 date 的值 \"2026-13-01\" 不是有效日期（月份应为 01–12，实为 13）",
                                "expenses.csv:4: 列 date 的值 \"2026-13-01\" 不是有效日期（月份应为 01–12，实为 13）"});
    CHECK(r.table->rowCount() == 1);
}

TEST_CASE("repeated ids are counted in full and listed with other rejects by line") {
    std::string rows = "E1,U1,2026-03-14,meal,10,,,\n";                   // 2 kept
    for (int i = 0; i < 6; ++i) rows += "E1,U1,2026-03-14,meal,10,,,\n";  // 3-8 repeats
    rows = "X,U1,2026-13-01,meal,10,,,\n" + rows;                           // line 2 now a bad date
    const auto r = read(rows);
    CHECK(r.rejectCount == 7);
    CHECK(rejectLines(r) == std::vector<std::string>{
                                "expenses.csv:2: 列 date 的值 \"2026-13-01\" 不是有效日期（月份应为 01–12，实为 13）",
                                "expenses.csv:4: 列 expense_id 的编号 \"E1\" 重复（第 3 行已出现），后出现的这一行不予采用",
                                "expenses.csv:5: 列 expense_id 的编号 \"E1\" 重复（第 3 行已出现），后出现的这一行不予采用"});
    CHECK(r.table->rowCount() == 1);
}

TEST_CASE("a runaway header is refused by its size, not copied into the message") {
    TempFolder folder;
    const auto file = folder.write("expenses.csv", std::string(200, 'x') + "\nE1\n");
    try {
        data::readTable(file, expensesSchema(), small());
        FAIL("read");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()) == "数据文件 " + file.string() +
                                           " 的第一行（表头）长 201 字节，超过上限（每行 80 字节、每个值 16 字节，设置 data.max_line_bytes、"
                                           "data.max_field_bytes）：这不像 CSV 表头。请确认文件是导出的 CSV，第一行是列名。");
    }
}

TEST_CASE("a header without the required columns is quoted to about 100 bytes, cut between characters") {
    TempFolder folder;
    std::string header;
    for (int i = 0; i < 20; ++i) header += "列名" + std::to_string(i) + ",";
    const auto file = folder.write("expenses.csv", header + "\n");
    try {
        data::readTable(file, expensesSchema());
        FAIL("read");
    } catch (const UserError& e) {
        const std::string m = e.what();
        const auto from = m.find("实际表头为：") + std::string("实际表头为：").size();
        const auto to = m.find("）。请在第一行表头");
        CHECK(m.substr(from, to - from) == "列名0, 列名1, 列名2, 列名3, 列名4, 列名5, 列名6, 列名7, 列名8, 列名9, 列名10, …");
    }
}

TEST_CASE("a file read in parallel stretches lists the first rejects of the whole file and counts all") {
    TempFolder folder;
    std::string text = kHeader;
    // Over 2 MB so that it is cut into stretches; every 1000th row has a bad date and every
    // 1500th repeats the first id.
    for (int i = 0; i < 60000; ++i) {
        const std::string id = i % 1500 == 1499 ? "E0" : "E" + std::to_string(i);
        text += id + ",U1," + (i % 1000 == 999 ? "2026-13-01" : "2026-03-14") + ",meal,10,,,一段足够长的说明文字让文件超过两兆字节\n";
    }
    const auto file = folder.write("expenses.csv", text);
    std::vector<data::TableSchema> tables{expensesSchema()};
    data::ReadLimits limits;
    limits.maxListedRejects = 3;
    const data::Dataset d = data::readDataset(folder.path(), tables, 4, limits);
    const data::TableReadResult whole = data::readTable(file, tables[0], limits);
    // 60 bad dates; 40 repeats, of which the 20 on a bad-date row are rejected for the date
    CHECK(d.rejectCount() == 80);
    CHECK(whole.rejectCount == d.rejectCount());
    std::vector<std::string> got;
    for (const auto& r : d.rejects()) got.push_back(r.format());
    CHECK(got.size() == 3);
    CHECK(got == std::vector<std::string>{
                     file.string() + ":1001: 列 date 的值 \"2026-13-01\" 不是有效日期（月份应为 01–12，实为 13）",
                     file.string() + ":1501: 列 expense_id 的编号 \"E0\" 重复（第 2 行已出现），后出现的这一行不予采用",
                     file.string() + ":2001: 列 date 的值 \"2026-13-01\" 不是有效日期（月份应为 01–12，实为 13）"});
    CHECK(rejectLines(whole) == got);
}

// Text columns count their bytes in 32 bits (ABI 1.2), so a file's text has an upper bound,
// lowered here to a few bytes: past it the file is refused whole before a row is read.
TEST_CASE("a file whose text is past ReadLimits::maxFileBytes is refused before it is read, also once converted from GB18030") {
    const std::string text = kHeader + "E1,U1,2026-03-14,meal,10,,,接待\n";
    data::ReadLimits limits;
    limits.maxFileBytes = text.size();
    CHECK(data::readTableText(text, expensesSchema(), "expenses.csv", limits).table->rowCount() == 1);  // right at the limit

    limits.maxFileBytes = text.size() - 1;
    const std::string expected = "数据文件 expenses.csv 有 " + std::to_string(text.size()) + " 字节，超过单个数据文件 " + std::to_string(text.size() - 1) +
                                 " 字节的上限，未读取。请把它按年度或单位拆成几个较小的文件，分几次检查。";
    CHECK_THROWS_MATCHES(data::readTableText(text, expensesSchema(), "expenses.csv", limits), TooLarge, Catch::Matchers::Message(expected));

    // The same row in GB18030 is two bytes shorter than in UTF-8: within the limit as read,
    // past it once converted.
    const std::string gb = kHeader + "E1,U1,2026-03-14,meal,10,,,\xbd\xd3\xb4\xfd\n";
    REQUIRE(gb.size() == text.size() - 2);
    limits.maxFileBytes = gb.size();
    CHECK_THROWS_MATCHES(data::readTableText(gb, expensesSchema(), "expenses.csv", limits), TooLarge,
                         Catch::Matchers::Message("数据文件 expenses.csv 有 " + std::to_string(text.size()) + " 字节，超过单个数据文件 " +
                                                  std::to_string(gb.size()) + " 字节的上限，未读取。请把它按年度或单位拆成几个较小的文件，分几次检查。"));

    // Read as part of a dataset, by its path; nothing of the dataset is returned.
    TempFolder folder;
    folder.write("expenses.csv", text);
    limits.maxFileBytes = text.size() - 1;
    const std::string path = (folder.path() / "expenses.csv").string();
    CHECK_THROWS_MATCHES(data::readDataset(folder.path(), {expensesSchema()}, 2, limits), TooLarge,
                         Catch::Matchers::Message("数据文件 " + path + " 有 " + std::to_string(text.size()) + " 字节，超过单个数据文件 " +
                                                  std::to_string(text.size() - 1) + " 字节的上限，未读取。请把它按年度或单位拆成几个较小的文件，分几次检查。"));
}

TEST_CASE("the rows of a file are guessed from its records, not from its lines") {
    // A 4 MB quoted field of two-byte lines: counted by its line feeds it was 2 million rows,
    // and every stretch's id census was sized for them (a 40 MB one took 270 MB to read).
    const std::string header = "expense_id,unit_code,date,category,amount,headcount,depart_time,description\n";
    std::string quotedLines = "E1,U1,2026-03-14,meal,10,,,\"";
    for (int i = 0; i < (1 << 21); ++i) quotedLines += "a\n";
    quotedLines += "\"\n";
    std::string plain;
    for (int i = 0; i < 40000; ++i) plain += "E" + std::to_string(i) + ",U1,2026-03-14,meal,10,,,\"说明, 第 " + std::to_string(i) + " 条\"\n";
    for (const auto& [body, rows] : {std::pair{quotedLines, uint64_t{1}}, std::pair{plain, uint64_t{40000}}}) {
        const std::string text = header + body;
        data::RecordScanner scanner(text, true, false);
        const auto layout = data::detail::readHeader(scanner, expensesSchema(), "expenses.csv", data::ReadLimits{});
        REQUIRE(layout);
        INFO(rows);
        CHECK(layout->rowsGuess >= rows);
        CHECK(layout->rowsGuess <= rows * 12 / 10 + 32);
    }
}
