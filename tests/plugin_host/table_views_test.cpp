// A plugin built against ABI 1.0 or 1.1 reads text through 64-bit offsets, which the host no
// longer keeps (ABI 1.2: text_offsets32): it is shown a copy of each table it asks for with
// them, the same texts; a plugin built against 1.2 reads the host's own view.
#include "core/data/table_reader.hpp"
#include "core/plugins/table_views.hpp"
#include "data/reader_support.hpp"

#include <catch2/catch.hpp>

#include <string_view>

using namespace patrol;

namespace {
const std::string kText = "expense_id,unit_code,date,category,amount,headcount,depart_time,description\n"
                          "E1,U1,2026-03-14,meal,10,,,接待\n"
                          "E22,U2,2026-03-15,meal,12,,,\n"
                          "E333,U1,2026-03-16,gift,9,,,茅台两瓶\n";
}  // namespace

TEST_CASE("a plugin of ABI 1.1 sees 64-bit text offsets with the same texts, one copy per table, and one of ABI 1.2 the host's view") {
    const auto read = data::readTableText(kText, testing::expensesSchema(), "expenses.csv");
    const patrol_table* host = read.table->abi();
    REQUIRE(host->row_count == 3);

    plugins::TableViews older(plugins::AbiVersion{1, 1});
    const patrol_table* seen = older.viewOf(host);
    REQUIRE(seen != host);
    CHECK(older.viewOf(host) == seen);  // made once
    CHECK(seen->row_count == 3);
    CHECK(seen->column_count == host->column_count);
    CHECK(seen->source_lines == host->source_lines);
    for (uint32_t c = 0; c < seen->column_count; ++c) {
        const patrol_column& wide = seen->columns[c];
        const patrol_column& narrow = host->columns[c];
        INFO("column " << wide.name);
        CHECK(wide.i32 == narrow.i32);
        CHECK(wide.i64 == narrow.i64);
        if (narrow.type != PATROL_COLUMN_STRING) continue;
        CHECK(wide.text_offsets32 == nullptr);
        REQUIRE(wide.text_offsets != nullptr);
        CHECK(wide.text_bytes == narrow.text_bytes);
        for (uint64_t r = 0; r < 3; ++r)
            CHECK(std::string_view(wide.text_bytes + wide.text_offsets[r], wide.text_offsets[r + 1] - wide.text_offsets[r]) == read.table->text(c, r));
    }
    CHECK(std::string_view(seen->columns[7].text_bytes + seen->columns[7].text_offsets[2], 12) == "茅台两瓶");

    plugins::TableViews current(plugins::AbiVersion{1, 2});
    CHECK(current.viewOf(host) == host);
    CHECK(current.viewOf(nullptr) == nullptr);
    CHECK(older.viewOf(nullptr) == nullptr);
}

TEST_CASE("only a plugin built against ABI 1.3 or later is handed coded string columns") {
    CHECK_FALSE(plugins::readsTextCodes(plugins::AbiVersion{1, 0}));
    CHECK_FALSE(plugins::readsTextCodes(plugins::AbiVersion{1, 2}));
    CHECK(plugins::readsTextCodes(plugins::AbiVersion{1, 3}));
    CHECK(plugins::readsTextCodes(plugins::AbiVersion{1, 4}));
    CHECK_FALSE(plugins::readsTextCodes(plugins::AbiVersion{2, 3}));
}
