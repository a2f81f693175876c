// The file conventions of spec/datasets.md, one by one, on small files written by the test.
#include "core/data/record_scanner.hpp"
#include "core/data/table_reader.hpp"
#include "core/domain/errors.hpp"
#include "data/reader_support.hpp"
#include "data/temp_folder.hpp"

#include <patrol/sdk/civil.hpp>

#include <catch2/catch.hpp>

using namespace patrol;
using namespace patrol::testing;

namespace {
const std::string kHeader = "expense_id,unit_code,date,category,amount,headcount,depart_time,description";

data::TableReadResult read(const std::string& bytes, const data::TableSchema& schema = expensesSchema()) {
    static TempFolder folder;
    const auto file = folder.write("expenses.csv", bytes);
    return data::readTable(file, schema);
}

std::string fileOf(const std::string& bytes) {
    TempFolder folder;
    const auto file = folder.write("expenses.csv", bytes);
    try {
        data::readTable(file, expensesSchema());
    } catch (const UserError& e) {
        std::string m = e.what();
        const std::string path = file.string();
        if (const auto at = m.find(path); at != std::string::npos) m.replace(at, path.size(), "<file>");
        return m;
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("typed columns: text, date, time, exact money, integer, enum index, empty means absent") {
    const auto r = read(kHeader + "\nE1,U1,2026-03-14,reception,1234.5,12,22:05,接待\nE2,U2,2026-02-28,meal,0.01,,,\n");
    CHECK(r.rejects.empty());
    const data::TableData& t = *r.table;
    REQUIRE(t.rowCount() == 2);
    CHECK(texts(t, "expense_id") == std::vector<std::string>{"E1", "E2"});
    CHECK(t.i32(t.columnIndex("date"), 0) == *civil::parseDate("2026-03-14"));
    CHECK(t.i32(t.columnIndex("category"), 0) == 0);
    CHECK(t.i32(t.columnIndex("category"), 1) == 1);
    CHECK(t.i64(t.columnIndex("amount"), 0) == 123450);
    CHECK(t.i64(t.columnIndex("amount"), 1) == 1);
    CHECK(t.i64(t.columnIndex("headcount"), 0) == 12);
    CHECK(t.i64(t.columnIndex("headcount"), 1) == PATROL_ABSENT_I64);
    CHECK(t.i32(t.columnIndex("depart_time"), 0) == 22 * 60 + 5);
    CHECK(t.i32(t.columnIndex("depart_time"), 1) == PATROL_ABSENT_I32);
    CHECK(texts(t, "description") == std::vector<std::string>{"接待", ""});
    CHECK(t.sourceLine(0) == 2);
    CHECK(t.sourceLine(1) == 3);
    // The ABI view points at the same columns.
    const patrol_table* abi = t.abi();
    CHECK(std::string(abi->name) == "expenses");
    CHECK(abi->row_count == 2);
    CHECK(abi->column_count == 8);
    CHECK(abi->columns[4].i64[0] == 123450);
    CHECK(abi->columns[0].text_offsets32[2] == 4);
    CHECK(abi->columns[0].text_offsets == nullptr);
    CHECK(std::string(abi->columns[0].text_bytes, 4) == "E1E2");
    CHECK(abi->source_lines[1] == 3);
}

TEST_CASE("RFC 4180 quoting: commas, doubled quotes and newlines inside fields, lines counted where records start") {
    const auto r = read(kHeader +
                        "\n\"E1\",U1,2026-03-14,meal,10,,,\"含逗号,和\"\"引号\"\"\"\n"
                        "E2,U1,2026-03-14,meal,10,,,\"第一行\n第二行\r\n第三行\"\n"
                        "E3,U1,2026-03-14,meal,\"10.00\",,,\"\"\n");
    CHECK(r.rejects.empty());
    const data::TableData& t = *r.table;
    CHECK(texts(t, "description") == std::vector<std::string>{"含逗号,和\"引号\"", "第一行\n第二行\r\n第三行", ""});
    CHECK(texts(t, "expense_id") == std::vector<std::string>{"E1", "E2", "E3"});
    CHECK(t.i64(t.columnIndex("amount"), 2) == 1000);
    CHECK(t.sourceLine(0) == 2);
    CHECK(t.sourceLine(1) == 3);
    CHECK(t.sourceLine(2) == 6);
}

TEST_CASE("LF and CRLF line ends, a UTF-8 byte-order mark, blank lines and a missing last newline") {
    const auto r = read("\xEF\xBB\xBF" + kHeader + "\r\nE1,U1,2026-03-14,meal,10,,,a\r\n\r\nE2,U1,2026-03-14,meal,10,,,b\nE3,U1,2026-03-14,meal,10,,,c");
    CHECK(r.rejects.empty());
    CHECK(texts(*r.table, "expense_id") == std::vector<std::string>{"E1", "E2", "E3"});
    CHECK(texts(*r.table, "description") == std::vector<std::string>{"a", "b", "c"});
    CHECK(r.table->sourceLine(1) == 4);
    CHECK(r.table->sourceLine(2) == 5);
}

TEST_CASE("a file that is not UTF-8 is read as GB18030") {
    // "中文" and "公务接待" in GB18030; the header stays ASCII.
    const std::string zhongwen = "\xD6\xD0\xCE\xC4";
    const std::string jiedai = "\xB9\xAB\xCE\xF1\xBD\xD3\xB4\xFD";
    const auto r = read(kHeader + "\r\nE1," + zhongwen + ",2026-03-14,reception,300,2,,\"" + jiedai + ",\"\"\xCE\xE7\xB2\xCD\"\"\"\r\n");  // 午餐
    CHECK(r.rejects.empty());
    REQUIRE(r.table->rowCount() == 1);
    CHECK(texts(*r.table, "unit_code") == std::vector<std::string>{"中文"});
    CHECK(texts(*r.table, "description") == std::vector<std::string>{"公务接待,\"午餐\""});
}

// The rows read 64 bytes at a time rely on a check of the text ahead of them; rows read byte
// by byte check their own bytes. A GB18030 row that only the fast rows meet, followed by more
// than their 256-byte reach of ASCII so that the byte-by-byte end of the file sees none of it.
namespace {
const std::string kGbRow = "E1,U1,2026-03-14,meal,10,,,\xD6\xD0\xCE\xC4\n";  // 中文
std::string asciiRows(int n) {
    std::string rows;
    for (int i = 0; i < n; ++i) {
        rows += 'A';
        rows += std::to_string(i);
        rows += ",U1,2026-03-14,meal,10,,,ascii only\n";
    }
    return rows;
}
}  // namespace

TEST_CASE("a GB18030 row after a blank line is read as GB18030") {
    // The blank line moved the reader past the start of its check of the text ahead.
    const auto r = read(kHeader + "\n\n" + kGbRow + asciiRows(20));
    CHECK(r.rejects.empty());
    REQUIRE(r.table->rowCount() == 21);
    CHECK(r.table->text(r.table->columnIndex("description"), 0) == "中文");
}

TEST_CASE("a GB18030 row after a quoted field longer than the text checked ahead is read as GB18030") {
    // 70,000 bytes of quoted lines: read byte by byte past the 64 KB checked ahead of them.
    std::string quoted;
    while (quoted.size() < 70000) quoted += "a quoted line\n";
    const auto r = read(kHeader + "\nQ1,U1,2026-03-14,meal,10,,,\"" + quoted + "\"\n" + kGbRow + asciiRows(20));
    CHECK(r.rejects.empty());
    REQUIRE(r.table->rowCount() == 22);
    CHECK(r.table->text(r.table->columnIndex("description"), 1) == "中文");
}

TEST_CASE("a GB18030 file whose rejected rows are reported in UTF-8") {
    const auto r = read(kHeader + "\nE1,U1,\xC8\xD5\xC6\xDA,meal,10,,,\n");  // date column holds 日期
    CHECK(rejectLines(r).size() == 1);
    CHECK(r.rejects[0].reason == "列 date 的值 \"日期\" 不是有效日期（应为 YYYY-MM-DD，例如 2026-03-14）");
}

TEST_CASE("bytes that are neither UTF-8 nor GB18030 make the file unusable") {
    CHECK(fileOf(kHeader + "\nE1,U1,2026-03-14,meal,10,,,\xFF\xFF\n") ==
          "数据文件 <file> 的编码无法识别：应为 UTF-8 或 GB18030，第 2 行附近的字节两者都不是。请用 UTF-8 重新导出该文件。");
}

TEST_CASE("columns are matched by name in any order, extra columns are ignored, optional ones may be missing") {
    const auto r = read("remark, amount ,category,expense_id,date,unit_code,extra\nx,12.30,gift,E9,2026-01-02,U7,y\n");
    CHECK(r.rejects.empty());
    const data::TableData& t = *r.table;
    REQUIRE(t.rowCount() == 1);
    CHECK(texts(t, "expense_id") == std::vector<std::string>{"E9"});
    CHECK(texts(t, "unit_code") == std::vector<std::string>{"U7"});
    CHECK(t.i64(t.columnIndex("amount"), 0) == 1230);
    CHECK(t.i32(t.columnIndex("category"), 0) == 2);
    CHECK_FALSE(t.columnInFile(t.columnIndex("headcount")));
    CHECK(t.i64(t.columnIndex("headcount"), 0) == PATROL_ABSENT_I64);
    CHECK(texts(t, "description") == std::vector<std::string>{""});
}

TEST_CASE("a missing required column makes the file unusable, naming file and column") {
    CHECK(fileOf("expense_id,unit_code,category,headcount\nE1,U1,meal,2\n") ==
          "数据文件 <file> 缺少必需的列 date、amount（表 expenses「公务支出」需要；实际表头为：expense_id, unit_code, category, headcount）。"
          "请在第一行表头加上该列后重试。");
    CHECK(fileOf("") == "数据文件 <file> 缺少必需的列 expense_id、unit_code、date、category、amount（表 expenses「公务支出」需要；实际表头为：空）。"
                        "请在第一行表头加上该列后重试。");
    CHECK(fileOf(kHeader + ",amount\n") == "数据文件 <file> 的表头中列 amount 出现了两次（第 5 和第 9 个字段）。请删去其中一列后重试。");
}

TEST_CASE("a file larger than the reader's release step keeps every row and line number") {
    std::string bytes = kHeader + "\n";
    for (int i = 0; i < 60000; ++i)
        bytes += std::string("E") + std::to_string(i) + ",U" + std::to_string(i % 97) + ",2026-03-14,meal," + std::to_string(i) + ".05,,,\"说明 " + std::to_string(i) + "\"\n";
    const auto r = read(bytes);
    CHECK(r.rejects.empty());
    REQUIRE(r.table->rowCount() == 60000);
    const size_t amount = r.table->columnIndex("amount");
    CHECK(r.table->i64(amount, 59999) == 5999905);
    CHECK(r.table->text(r.table->columnIndex("description"), 45678) == "说明 45678");
    CHECK(r.table->sourceLine(59999) == 60001);
}

TEST_CASE("fields quoted one by one are read 64 bytes at a time as byte by byte") {
    // Rows as exports that quote every field write them, and the quotings the fast rows leave
    // to the byte-by-byte path, each between plain rows and at every offset against the 64-byte
    // blocks (the description before them grows a byte a row).
    const std::vector<std::string> tails = {
        "\"描述\"",                            // quoted whole
        "\"含,逗号,\"",                        // commas inside the quotes
        "\"\"",                                // empty, quoted
        "\"a\"\"b\"",                          // a doubled quote
        "ab\"c",                               // a quote inside an unquoted field
        "\"ab\"c",                             // text after the closing quote: rejected
        "\"跨\n行\"",                          // a quoted line end
        "\"回车\r在中间\"",                    // a CR inside the quotes
        " \"x\"",                              // a space before the quote
        "\"" + std::string(150, ',') + "\"",   // a quoted stretch across several blocks
    };
    std::string bytes = kHeader + "\n";
    int id = 0;
    for (int shift = 0; shift < 64; ++shift)
        for (const std::string& tail : tails) {
            const std::string pad(static_cast<size_t>(shift), 'p');
            bytes += "\"E" + std::to_string(id++) + "\",\"U1\",\"2026-03-14\",\"meal\",\"10.50\",\"\",\"08:30\"," + (tail[0] == '"' ? "\"" + pad + tail.substr(1) : pad + tail) + "\r\n";
            bytes += "E" + std::to_string(id++) + ",U2,2026-03-15,reception,1,3,,plain\n";
        }
    bytes += std::string(300, '\n');  // the last rows, too, have a full block to look ahead into
    static TempFolder folder;
    const auto file = folder.write("expenses.csv", bytes);
    data::ReadLimits plain = listEveryReject();
    plain.fastRows = false;
    const data::TableReadResult fast = data::readTable(file, expensesSchema(), listEveryReject());
    const data::TableReadResult slow = data::readTable(file, expensesSchema(), plain);
    CHECK(rejectLines(fast) == rejectLines(slow));
    CHECK(dump(*fast.table) == dump(*slow.table));
    CHECK(fast.rejects.size() == 64);  // "ab"c, once per shift
    const std::vector<std::string> descriptions = texts(*fast.table, "description");
    CHECK(descriptions[0] == "描述");
    CHECK(descriptions[2] == "含,逗号,");
    CHECK(descriptions[4] == "");
    CHECK(descriptions[6] == "a\"b");
    CHECK(descriptions[8] == "ab\"c");
    CHECK(descriptions[10] == "plain");  // the row after "ab"c, which was rejected
    CHECK(descriptions[11] == "跨\n行");
    CHECK(descriptions[13] == "回车\r在中间");
    CHECK(descriptions[15] == "\"x\"");
    CHECK(descriptions[17] == std::string(150, ','));
    CHECK(texts(*fast.table, "unit_code")[0] == "U1");
}

TEST_CASE("rows whose every field is quoted whole are read 64 bytes at a time") {
    // Quoted fields of every length from 0 to 199 bytes, commas inside, at every offset against
    // the 64-byte blocks; then one row the byte-by-byte path must take (a doubled quote).
    std::string text;
    for (int i = 0; i < 200; ++i) text += "\"E" + std::to_string(i) + "\",\"" + std::string(static_cast<size_t>(i), ',') + "\",\"\"\r\n";
    text += "\"E\"\"\",\"x\",\"\"\n" + std::string(300, '\n');
    data::RecordScanner scanner(text, true);
    std::vector<std::string> fields;
    for (int i = 0; i <= 200; ++i) {
        fields.clear();
        size_t count = 0;
        const auto status = scanner.next([&](size_t, const char* data, size_t size, bool escaped) {
            fields.push_back(escaped ? data::FieldSlice{data, size, true}.text() : std::string(data, size));
        }, count);
        REQUIRE(status == data::RecordStatus::Ok);
        const std::string id = i < 200 ? "E" + std::to_string(i) : "E\"";
        REQUIRE(fields == std::vector<std::string>{id, i < 200 ? std::string(static_cast<size_t>(i), ',') : "x", ""});
    }
    CHECK(scanner.line() == 202);
    CHECK(scanner.recordsByteByByte() == 1);  // the doubled quote
}

TEST_CASE("rows of up to 1 KB are split 64 bytes at a time, up to the last one in the text") {
    // Rows of 100 to 1,100 bytes, their line feed included, then one of 128 bytes ending the text:
    // only whole 64-byte blocks of the text are looked at, so it ends on one to be taken too.
    std::string text;
    std::vector<std::string> descriptions;
    size_t longer = 0;
    for (size_t size = 100; size <= 1100; size += 50) {
        const std::string head = "E" + std::to_string(size) + ",U1,";
        descriptions.push_back(std::string(size - head.size() - 1, 'x'));
        text += head + descriptions.back() + "\n";
        if (size > 1024) ++longer;
    }
    descriptions.push_back(std::string(128 - 7, 'y'));
    text += "E1,U1," + descriptions.back() + "\n";
    data::RecordScanner scanner(text, true);
    for (const std::string& description : descriptions) {
        std::vector<std::string> fields;
        size_t count = 0;
        REQUIRE(scanner.next([&](size_t, const char* data, size_t size, bool) { fields.emplace_back(data, size); }, count) == data::RecordStatus::Ok);
        REQUIRE(fields.size() == 3);
        CHECK(fields[2] == description);
    }
    CHECK(scanner.atEnd());
    CHECK(longer == 2);
    CHECK(scanner.recordsByteByByte() == longer);
}
