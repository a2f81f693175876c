// Reading all tables of a plugin from one folder: missing files, missing folder, rejects in order.
#include "core/data/dataset.hpp"
#include "core/domain/errors.hpp"
#include "data/reader_support.hpp"
#include "data/temp_folder.hpp"

#include <catch2/catch.hpp>

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

TEST_CASE("a missing data folder is unusable input") {
    try {
        data::readDataset("/nonexistent/patrol-data", schemas());
        FAIL("no error");
    } catch (const UserError& e) {
        CHECK(std::string(e.what()) == "数据目录 /nonexistent/patrol-data 不存在或不是目录。请用 --data 指定存放 CSV 文件的目录。");
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
