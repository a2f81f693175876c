// Coded string columns (ReadLimits::textCodes, ABI 1.3 text_codes): a column whose texts repeat
// keeps each distinct text once and a code per row; ids and columns of mostly distinct texts
// stay spelled out row by row; and whichever form a column takes, every row reads the text it
// reads without codes, through the host's accessors and through the plugin's view.
#include "core/data/dataset.hpp"
#include "core/data/table_reader.hpp"
#include "core/data/text_index.hpp"
#include "data/reader_support.hpp"
#include "data/temp_folder.hpp"

#include <patrol/sdk/plugin.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace patrol;
using namespace patrol::testing;

namespace {

const std::string kHeader = "expense_id,unit_code,date,category,amount,headcount,depart_time,description\n";

// `rows` rows: ids E0, E1, …; unit codes U0 to U2 in turn; descriptions from describe(row).
template <class Describe>
std::string ledger(int rows, Describe describe) {
    std::string csv = kHeader;
    for (int r = 0; r < rows; ++r)
        csv += "E" + std::to_string(r) + ",U" + std::to_string(r % 3) + ",2026-03-14,meal,12.50,,," + describe(r) + "\n";
    return csv;
}

data::ReadLimits coded() {
    data::ReadLimits l;
    l.textCodes = true;
    return l;
}

// Every row of both string columns the same through the host's accessor and the plugin's.
void checkSameTexts(const data::TableData& got, const data::TableData& plain) {
    REQUIRE(got.rowCount() == plain.rowCount());
    for (const char* name : {"expense_id", "unit_code", "description"}) {
        const size_t c = got.columnIndex(name);
        const sdk::Column view(&got.abi()->columns[c]);
        for (uint64_t r = 0; r < got.rowCount(); ++r) {
            INFO(name << " row " << r);
            REQUIRE(got.text(c, r) == plain.text(c, r));
            REQUIRE(view.text(r) == plain.text(c, r));
            REQUIRE(view.has(r) == !plain.text(c, r).empty());
        }
    }
}

const patrol_column& columnOf(const data::TableData& t, const std::string& name) { return t.abi()->columns[t.columnIndex(name)]; }

}  // namespace

TEST_CASE("texts that differ in one byte anywhere, or only in length, are distinct entries") {
    // Up to 8 bytes a text is held in its slot, zero-padded, so "x" and "x\0" differ only by
    // their length; from 9 to 16 bytes it is keyed by a hash of two overlapping words, past 16
    // by a hash of all its words, and compared word by word: every byte must count, at every
    // length and position.
    data::TextIndex index;
    data::PodBuffer<uint32_t> offsets;
    data::PodBuffer<char> bytes;
    offsets.push_back(0);
    std::vector<std::string> texts;
    for (size_t n = 0; n <= 49; ++n) {
        const std::string base(n, 'x');
        texts.push_back(base);
        for (size_t i = 0; i < n; ++i)
            for (char other : {'y', '\0'}) {
                std::string t = base;
                t[i] = other;
                texts.push_back(t);
            }
    }
    // Thousands of short texts that differ from others only by trailing zero bytes, so that
    // some land in a probe that passes the slot of their shorter sibling.
    for (int k = 0; k < 4000; ++k)
        for (size_t zeros = 0; zeros <= 5; ++zeros) texts.push_back(std::to_string(k) + std::string(zeros, '\0'));
    std::vector<uint32_t> first;
    for (const std::string& t : texts) first.push_back(index.entryOf(t, offsets, bytes));
    CHECK(index.size() == texts.size());
    for (size_t k = 0; k < texts.size(); ++k) {
        CHECK(first[k] == k);
        CHECK(index.entryOf(texts[k], offsets, bytes) == k);  // found again, nothing added
        CHECK(std::string_view(bytes.data() + offsets[k], offsets[k + 1] - offsets[k]) == texts[k]);
    }
    CHECK(index.size() == texts.size());
    // The long texts' hash and comparison each on their own: every text of the same length but
    // itself is told apart by both.
    std::vector<std::string> longTexts;
    for (const std::string& t : texts)
        if (t.size() > 16) longTexts.push_back(t);
    std::set<uint64_t> hashes;
    for (const std::string& t : longTexts) hashes.insert(data::detail::hashOfLong(t));
    CHECK(hashes.size() == longTexts.size());
    size_t equalPairs = 0;
    for (const std::string& a : longTexts)
        for (const std::string& b : longTexts)
            if (a.size() == b.size() && data::detail::sameLong(a.data(), b.data(), a.size())) ++equalPairs;
    CHECK(equalPairs == longTexts.size());
}

TEST_CASE("a column whose texts repeat is read coded, each distinct text once, and ids are never coded") {
    TempFolder folder;
    const char* said[] = {"接待", "\"说\"\"明\"", "", "工作餐"};  // a quoted text with a doubled quote, and an empty one
    const auto file = folder.write("expenses.csv", ledger(20000, [&](int r) { return std::string(said[r % 4]); }));
    const auto got = data::readTable(file, expensesSchema(), coded());
    const auto plain = data::readTable(file, expensesSchema());
    checkSameTexts(*got.table, *plain.table);

    const patrol_column& units = columnOf(*got.table, "unit_code");
    REQUIRE(units.text_codes != nullptr);
    CHECK(units.text_distinct == 3);
    const patrol_column& described = columnOf(*got.table, "description");
    REQUIRE(described.text_codes != nullptr);
    CHECK(described.text_distinct == 4);
    CHECK(std::string_view(described.text_bytes, described.text_offsets32[4]) == "接待说\"明工作餐");
    CHECK(got.table->text(got.table->columnIndex("description"), 1) == "说\"明");
    const patrol_column& ids = columnOf(*got.table, "expense_id");
    CHECK(ids.text_codes == nullptr);
    CHECK(ids.text_distinct == 0);
    // Read without codes (a plugin built before ABI 1.3), no column is coded.
    for (uint32_t c = 0; c < plain.table->abi()->column_count; ++c) CHECK(plain.table->abi()->columns[c].text_codes == nullptr);
}

TEST_CASE("a column whose texts turn out mostly distinct is spelled out row by row again") {
    TempFolder folder;
    const auto file = folder.write("expenses.csv", ledger(20000, [](int r) { return "说明" + std::to_string(r - (r % 10 == 9)); }));
    const auto got = data::readTable(file, expensesSchema(), coded());
    const auto plain = data::readTable(file, expensesSchema());
    checkSameTexts(*got.table, *plain.table);
    CHECK(columnOf(*got.table, "description").text_codes == nullptr);  // nine texts in ten rows: not worth it
    CHECK(columnOf(*got.table, "unit_code").text_codes != nullptr);
}

TEST_CASE("a column of more than 4,096 texts is spelled out even when they repeat, one of 4,096 stays coded") {
    TempFolder folder;
    data::ReadLimits limits = coded();
    limits.codingReview = 12000;  // looked at once, with each text on three rows or more
    const auto many = folder.write("expenses.csv", ledger(20000, [](int r) { return "事由" + std::to_string(r % 4097); }));
    const auto spelled = data::readTable(many, expensesSchema(), limits);
    checkSameTexts(*spelled.table, *data::readTable(many, expensesSchema()).table);
    CHECK(columnOf(*spelled.table, "description").text_codes == nullptr);

    const auto few = folder.write("expenses.csv", ledger(20000, [](int r) { return "事由" + std::to_string(r % 4096); }));
    const auto kept = data::readTable(few, expensesSchema(), limits);
    checkSameTexts(*kept.table, *data::readTable(few, expensesSchema()).table);
    CHECK(columnOf(*kept.table, "description").text_codes != nullptr);
    CHECK(columnOf(*kept.table, "description").text_distinct == 4096);
}

TEST_CASE("stretches read on two threads join their distinct texts, and rows rejected later leave the codes right") {
    TempFolder folder;
    // The first half repeats four descriptions; the second half's are all distinct, so the
    // stretch reading it spells its column out and the joined column is spelled out too. Line
    // 30,002 repeats the id of line 2 and is rejected once the stretches are joined.
    std::string csv = ledger(40000, [](int r) { return r < 20000 ? "事由" + std::to_string(r % 4) : "独有" + std::to_string(r); });
    csv += "E0,U9,2026-03-14,meal,1,,,重复\n";
    const auto file = folder.write("expenses.csv", csv);
    data::ReadLimits limits = coded();
    limits.smallestStretch = 4096;
    const std::vector<data::TableSchema> tables = {expensesSchema()};
    const data::Dataset got = data::readDataset(folder.path(), tables, 2, limits);
    const data::Dataset plain = data::readDataset(folder.path(), tables, 2);
    REQUIRE(got.rejectCount() == 1);
    checkSameTexts(*got.table("expenses"), *plain.table("expenses"));
    CHECK(columnOf(*got.table("expenses"), "description").text_codes == nullptr);
    const patrol_column& units = columnOf(*got.table("expenses"), "unit_code");
    REQUIRE(units.text_codes != nullptr);
    // Each stretch's U0 to U2 are one entry each once joined; U9 stays an entry though its only
    // row was rejected after reading.
    CHECK(units.text_distinct == 4);

    // Both halves repeating: the joined column stays coded, its entries distinct.
    folder.write("expenses.csv", ledger(40000, [](int r) { return "事由" + std::to_string(r % 5); }));
    const data::Dataset both = data::readDataset(folder.path(), tables, 2, limits);
    const data::Dataset bothPlain = data::readDataset(folder.path(), tables, 2);
    checkSameTexts(*both.table("expenses"), *bothPlain.table("expenses"));
    const patrol_column& described = columnOf(*both.table("expenses"), "description");
    REQUIRE(described.text_codes != nullptr);
    std::set<std::string> entries;
    for (uint64_t k = 0; k < described.text_distinct; ++k)
        entries.emplace(described.text_bytes + described.text_offsets32[k], described.text_offsets32[k + 1] - described.text_offsets32[k]);
    CHECK(entries == std::set<std::string>{"事由0", "事由1", "事由2", "事由3", "事由4"});
    CHECK(described.text_distinct == 5);
}

TEST_CASE("a coded table without rows hands the plugin plain, empty columns") {
    TempFolder folder;
    const auto file = folder.write("expenses.csv", kHeader + "E1,U1,2026-03-14,meal,x,,,接待\n");  // its only row rejected
    const auto got = data::readTable(file, expensesSchema(), coded());
    REQUIRE(got.table->rowCount() == 0);
    const patrol_column& described = columnOf(*got.table, "description");
    CHECK(described.text_codes == nullptr);
    CHECK(described.text_distinct == 0);
    REQUIRE(described.text_offsets32 != nullptr);
    CHECK(described.text_offsets32[0] == 0);
}
