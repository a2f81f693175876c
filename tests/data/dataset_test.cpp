// Reading all tables of a plugin from one folder: missing files, missing folder, rejects in order.
#include "core/data/dataset.hpp"
#include "core/domain/errors.hpp"
#include "data/reader_support.hpp"
#include "data/temp_folder.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>
#include <vector>

using namespace patrol;
using namespace patrol::testing;

namespace {
std::vector<data::TableSchema> schemas() {
    data::TableSchema trips;
    trips.name = "trips";
    trips.file = "trips.csv";
    trips.title = "公车使用";
    trips.columns.push_back(column("trip_id", PATROL_COLUMN_STRING, true));
    trips.columns.back().isId = true;
    trips.columns.push_back(column("depart_time", PATROL_COLUMN_TIME, true));
    data::TableSchema extra = trips;
    extra.name = "extra";
    extra.file = "extra.csv";
    return {expensesSchema(), trips, extra};
}
}  // namespace

TEST_CASE("a dataset reads the present tables, lists missing files and gathers rejects table by table") {
    TempFolder folder;
    folder.write("trips.csv", "trip_id,depart_time\nT1,08:00\nT2,8:00\nT1,09:00\n");
    folder.write("expenses.csv", "expense_id,unit_code,date,category,amount\nE1,U1,2026-03-14,meal,x\nE2,U1,2026-03-14,meal,1\n");
    const auto tables = schemas();
    const data::Dataset d = data::readDataset(folder.path(), tables, 2);
    REQUIRE(d.table("expenses"));
    REQUIRE(d.table("trips"));
    CHECK_FALSE(d.table("extra"));
    CHECK(d.isMissing("extra"));
    REQUIRE(d.missing().size() == 1);
    CHECK(d.missing()[0].file == "extra.csv");
    CHECK(d.acceptedRows() == 2);
    std::vector<std::string> rejects;
    for (const auto& r : d.rejects()) rejects.push_back(r.format());
    const std::string dir = folder.path().string();
    CHECK(rejects == std::vector<std::string>{
                         dir + "/expenses.csv:2: 列 amount 的值 \"x\" 不是有效金额（应为以元为单位、最多两位小数的数，如 1234.50）",
                         dir + "/trips.csv:3: 列 depart_time 的值 \"8:00\" 不是有效时间（应为 24 小时制 HH:MM）",
                         dir + "/trips.csv:4: 列 trip_id 的编号 \"T1\" 重复（第 2 行已出现），后出现的这一行不予采用",
                     });
}

TEST_CASE("a dataset kept for its ids frees every other column and still reads the ids") {
    TempFolder folder;
    folder.write("expenses.csv",
                 "expense_id,unit_code,date,category,amount,description\nE1,U1,2026-03-14,meal,12.50,午餐\nE2,U2,2026-03-15,gift,3,月饼\n");
    folder.write("trips.csv", "trip_id,depart_time\nT1,08:00\n");
    const auto tables = schemas();
    data::Dataset d = data::readDataset(folder.path(), tables, 1);
    const auto released = d.releaseAllButIds();
    CHECK(released.size() == 8);  // expenses: the seven but expense_id; trips: depart_time
    const data::TableData& expenses = *d.table("expenses");
    REQUIRE(expenses.rowCount() == 2);
    CHECK(expenses.text(0, 0) == "E1");
    CHECK(expenses.text(0, 1) == "E2");
    CHECK(d.table("trips")->text(0, 0) == "T1");
    const patrol_table& view = *expenses.abi();
    CHECK(view.row_count == 2);
    CHECK(std::string_view(view.columns[0].text_bytes + view.columns[0].text_offsets32[1], 2) == "E2");
    CHECK(view.columns[0].text_offsets == nullptr);  // the host gives 32-bit offsets (ABI 1.2)
    for (uint32_t c = 1; c < view.column_count; ++c) {
        INFO("column " << view.columns[c].name);
        CHECK(view.columns[c].text_offsets == nullptr);
        CHECK(view.columns[c].text_offsets32 == nullptr);
        CHECK(view.columns[c].text_bytes == nullptr);
        CHECK(view.columns[c].i32 == nullptr);
        CHECK(view.columns[c].i64 == nullptr);
    }
    CHECK(d.table("trips")->abi()->columns[1].i32 == nullptr);
}

TEST_CASE("a missing data folder is unusable input") {
    try {
        data::readDataset("/nonexistent/patrol-data", schemas());
        FAIL("no error");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()) == "数据目录 /nonexistent/patrol-data 不存在或不是目录。请指定存放 CSV 文件的目录。");
    }
}

TEST_CASE("an unusable file stops the whole dataset with its own message") {
    TempFolder folder;
    folder.write("trips.csv", "trip_id\nT1\n");
    try {
        data::readDataset(folder.path(), schemas());
        FAIL("no error");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()) == "数据文件 " + (folder.path() / "trips.csv").string() +
                                           " 缺少必需的列 depart_time（表 trips「公车使用」需要；实际表头为：trip_id）。请在第一行表头加上该列后重试。");
    }
}

namespace {
// A file of several megabytes with quoted newlines everywhere (so some cuts land inside a
// quoted field), rejected rows and repeated ids spread over the whole file.
std::string bigExpenses(bool gb18030, int rows = 90000) {
    std::string text = "expense_id,unit_code,date,category,amount,headcount,depart_time,description\n";
    const std::string chinese = gb18030 ? "\xD6\xD0\xCE\xC4" : "中文";
    for (int i = 0; i < rows; ++i) {
        const std::string id = std::string("E") + std::to_string(i % 7919 == 0 && i > 0 ? i - 1 : i);
        const std::string amount = i % 4999 == 0 ? "1.234" : std::to_string(i % 5000) + ".5";
        std::string description = i % 3 == 0 ? "\"第一行\n第二行,逗号\"\"引号\"\"\n" + std::to_string(i) + "\"" : chinese + std::to_string(i);
        if (gb18030 && i % 3 == 0) description = "\"\xB5\xDA\n" + std::to_string(i) + "\"";
        text += id + ",U" + std::to_string(i % 50) + ",2026-03-14," + (i % 2 ? "meal" : "reception") + "," + amount + "," +
                (i % 2 ? "" : std::to_string(1 + i % 9)) + ",08:30," + description + "\n";
    }
    return text;
}
// Reads the file in one pass and as a dataset on `threads` threads, checks that both give the
// same rows and the same rejects, and returns the rejects and the one-pass table's size.
std::pair<std::vector<std::string>, uint64_t> readBothWays(const TempFolder& folder, const std::filesystem::path& file, unsigned threads,
                                                           const data::ReadLimits& limits = listEveryReject()) {
    const std::vector<data::TableSchema> tables = {expensesSchema()};
    const data::TableReadResult whole = data::readTable(file, tables[0], listEveryReject());
    const data::Dataset parallel = data::readDataset(folder.path(), tables, threads, limits);
    REQUIRE(parallel.table("expenses"));
    CHECK(dump(*parallel.table("expenses")) == dump(*whole.table));
    std::vector<std::string> a, b;
    for (const auto& r : parallel.rejects()) a.push_back(r.format());
    for (const auto& r : whole.rejects) b.push_back(r.format());
    CHECK(a == b);
    return {a, whole.table->rowCount()};
}

}  // namespace

TEST_CASE("a large file read in parallel stretches equals the same file read in one pass") {
    for (const bool gb : {false, true}) {
        INFO(gb);
        TempFolder folder;
        const auto file = folder.write("expenses.csv", bigExpenses(gb));
        REQUIRE(std::filesystem::file_size(file) > (size_t{3} << 20));
        const auto [rejects, rows] = readBothWays(folder, file, 4);
        CHECK(rejects.size() == 11 + 19);  // 11 repeated ids, 19 amounts with three decimals
        CHECK(rows == 90000 - 30);
        // Every third row spans 3 lines (2 in the GB18030 file): the last row starts after them.
        const data::TableReadResult whole = data::readTable(file, expensesSchema(), listEveryReject());
        CHECK(whole.table->sourceLine(whole.table->rowCount() - 1) == 1 + 90000 + 30000 * (gb ? 1 : 2));
    }
}

TEST_CASE("a file that shows it is GB18030 only past its first lines is converted when that is found, and read alike") {
    // The look at the first 256 KB finds UTF-8 (plain ASCII); the stretch that meets the first
    // row in GB18030 has the whole file converted and read again in one pass.
    std::string text = "expense_id,unit_code,date,category,amount,headcount,depart_time,description\n";
    int i = 0;
    while (text.size() < (size_t{300} << 10)) text += "E" + std::to_string(i++) + ",U1,2026-03-14,meal,1.00,,,plain\n";
    const int ascii = i;
    for (; i < ascii + 5000; ++i) text += "E" + std::to_string(i) + ",U2,2026-03-15,meal,2.00,,,\xD6\xD0\xCE\xC4\n";
    TempFolder folder;
    const auto file = folder.write("expenses.csv", text);
    const auto [rejects, rows] = readBothWays(folder, file, 2);
    CHECK(rejects.empty());
    CHECK(rows == static_cast<uint64_t>(i));
    const data::TableReadResult whole = data::readTable(file, expensesSchema(), listEveryReject());
    CHECK(whole.table->text(whole.table->columnIndex("description"), static_cast<uint64_t>(i) - 1) == "中文");
}

TEST_CASE("stretches halved while they are parsed equal the file read in one pass") {
    // Every look (each 4 KB parsed) hands the second half of what is left to whichever thread
    // asks next: hundreds of stretches, many cut inside a quoted field, on one thread and on three.
    data::ReadLimits limits = listEveryReject();
    limits.smallestStretch = 4096;
    limits.shareSlice = 4096;
    limits.leastShared = 16384;
    limits.shareAlways = true;
    for (const bool gb : {false, true}) {
        INFO(gb);
        TempFolder folder;
        const auto file = folder.write("expenses.csv", bigExpenses(gb, 30000));
        for (const unsigned threads : {1u, 3u}) {
            INFO(threads);
            const auto [rejects, rows] = readBothWays(folder, file, threads, limits);
            CHECK(rejects.size() == 3 + 7);  // 3 repeated ids, 7 amounts with three decimals
            CHECK(rows == 30000 - 10);
        }
    }
}

TEST_CASE("stretches large enough to be joined on two threads equal the file read in one pass") {
    // Two stretches of several megabytes each: dropping the first one's repeated-id rows and
    // moving the second one's columns onto it are both shared out between two threads.
    TempFolder folder;
    const auto file = folder.write("expenses.csv", bigExpenses(false, 400000));
    REQUIRE(std::filesystem::file_size(file) > (size_t{14} << 20));
    const auto [rejects, rows] = readBothWays(folder, file, 2);
    CHECK(rejects.size() == 50 + 81);  // 50 repeated ids, 81 amounts with three decimals
    CHECK(rows == 400000 - 131);
}

TEST_CASE("a cut that lands inside a quoted field is repaired") {
    const std::string header = "expense_id,unit_code,date,category,amount,headcount,depart_time,description\n";
    std::string body;
    int i = 0;
    while (body.size() < (size_t{2} << 20)) body += std::string("E") + std::to_string(i++) + ",U1,2026-03-14,meal,1.00,,,填充\n";
    std::string quoted = "\"";
    for (int k = 0; k < 200; ++k) quoted += "跨行" + std::to_string(k) + "\n";
    const size_t quotedAt = body.size();
    body += "Q1,U1,2026-03-14,meal,2.00,,," + quoted + "\"\n";
    int after = 0;
    while (body.size() < quotedAt * 2) body += std::string("F") + std::to_string(after++) + ",U2,2026-03-15,meal,3.00,,,后面\n";
    TempFolder folder;
    const auto file = folder.write("expenses.csv", header + body);
    // Two threads cut the body in half, at the first line end after the middle: inside Q1's description.
    const size_t cut = body.find('\n', body.size() / 2 + 1);
    REQUIRE(cut > quotedAt);
    REQUIRE(cut < quotedAt + quoted.size());
    const std::vector<data::TableSchema> tables = {expensesSchema()};
    const data::Dataset parallel = data::readDataset(folder.path(), tables, 2, listEveryReject());
    const data::TableReadResult whole = data::readTable(file, tables[0], listEveryReject());
    CHECK(parallel.rejects().empty());
    CHECK(dump(*parallel.table("expenses")) == dump(*whole.table));
    CHECK(parallel.table("expenses")->rowCount() == static_cast<uint64_t>(i + 1 + after));
    const size_t description = whole.table->columnIndex("description");
    CHECK(whole.table->text(description, static_cast<uint64_t>(i)) == quoted.substr(1));
    CHECK(whole.table->sourceLine(static_cast<uint64_t>(i) + 1) == static_cast<uint32_t>(i) + 2 + 201);
}

TEST_CASE("ids repeated far apart are caught across the stretches read in parallel") {
    // 60000 rows of 100 bytes or more: 4 threads read the file in several stretches. Row i
    // has id E(i mod 20000), so rows 20000 and later repeat a row of an earlier stretch,
    // except where that row was rejected for its date: then the next row with the id holds it.
    std::string text = "expense_id,unit_code,date,category,amount,headcount,depart_time,description\n";
    const std::string filler(80, 'x');
    auto badDate = [](int i) { return i % 997 == 0; };
    for (int i = 0; i < 60000; ++i)
        text += "E" + std::to_string(i % 20000) + ",U1," + (badDate(i) ? "2026-02-30" : "2026-03-14") + ",meal,1,,," + filler + "\n";
    TempFolder folder;
    folder.write("expenses.csv", text);
    const std::vector<data::TableSchema> tables = {expensesSchema()};
    const data::Dataset parallel = data::readDataset(folder.path(), tables, 4, listEveryReject());
    std::vector<std::string> expected;
    std::vector<int> holder(20000, -1);  // the row holding each id
    int kept = 0;
    for (int i = 0; i < 60000; ++i) {
        const std::string line = (folder.path() / "expenses.csv").string() + ":" + std::to_string(i + 2) + ": ";
        if (badDate(i)) {
            expected.push_back(line + "列 date 的值 \"2026-02-30\" 不是有效日期（2026 年 2 月只有 1–28 日）");
        } else if (holder[i % 20000] >= 0) {
            expected.push_back(line + "列 expense_id 的编号 \"E" + std::to_string(i % 20000) + "\" 重复（第 " +
                               std::to_string(holder[i % 20000] + 2) + " 行已出现），后出现的这一行不予采用");
        } else {
            holder[i % 20000] = i;
            ++kept;
        }
    }
    std::vector<std::string> got;
    for (const auto& r : parallel.rejects()) got.push_back(r.format());
    CHECK(got == expected);
    REQUIRE(parallel.table("expenses"));
    CHECK(parallel.table("expenses")->rowCount() == static_cast<uint64_t>(kept));
    CHECK(dump(*parallel.table("expenses")) == dump(*data::readTable(folder.path() / "expenses.csv", tables[0], listEveryReject()).table));
}

TEST_CASE("reading tells the bytes after the headers read of all, on the calling thread only, from none to all") {
    TempFolder folder;
    // Two files of about 3 MB and 1 MB, read on two threads in slices of 256 KB.
    std::string trips = "trip_id,depart_time\n", expenses = "expense_id,unit_code,date,category,amount\n";
    const size_t tripsHeader = trips.size(), expensesHeader = expenses.size();
    for (int r = 0; r < 200000; ++r) trips += "T" + std::to_string(r) + ",08:00\n";
    for (int r = 0; r < 25000; ++r) expenses += "E" + std::to_string(r) + ",U1,2026-03-14,meal,12.50\n";
    folder.write("trips.csv", trips);
    folder.write("expenses.csv", expenses);
    const uint64_t body = trips.size() - tripsHeader + expenses.size() - expensesHeader;
    struct Told {
        std::thread::id thread;
        uint64_t read, all;
    };
    std::vector<Told> told;
    const auto tables = schemas();
    const data::Dataset d = data::readDataset(folder.path(), tables, 2, {}, [&](uint64_t read, uint64_t all) {
        told.push_back({std::this_thread::get_id(), read, all});
    });
    CHECK(d.acceptedRows() == 225000);
    REQUIRE(told.size() >= 3);  // before, on the way, after
    CHECK(told.front().read == 0);
    CHECK(told.back().read == body);
    // How many calls there are depends on the timing: each way a call can be wrong is counted
    // and checked once, so the number of assertions does not.
    size_t offThread = 0, wrongAll = 0, backwards = 0;
    for (size_t i = 0; i < told.size(); ++i) {
        offThread += told[i].thread == std::this_thread::get_id() ? 0 : 1;
        wrongAll += told[i].all == body ? 0 : 1;
        backwards += i > 0 && told[i].read < told[i - 1].read ? 1 : 0;
    }
    CHECK(offThread == 0);
    CHECK(wrongAll == 0);
    CHECK(backwards == 0);
    // Something between none and all: the count moves while the files are read.
    CHECK(std::any_of(told.begin(), told.end(), [&](const Told& t) { return t.read > 0 && t.read < body; }));
}
