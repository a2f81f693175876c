// Grouping rows by a key and date windows: the groups and windows exactly, on small tables and
// on a million rows; the census that lets grouping sort only the keys that may repeat.
#include <patrol/sdk/hash_census.hpp>
#include <patrol/sdk/hash_sort.hpp>
#include <patrol/sdk/rows.hpp>

#include <catch2/catch.hpp>

#include <sys/mman.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cstdio>

#include <algorithm>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

using patrol::sdk::ColumnText;
using patrol::sdk::DatedRows;
using patrol::sdk::RowGroups;

namespace {
std::vector<std::vector<uint32_t>> all(const RowGroups& groups) {
    std::vector<std::vector<uint32_t>> out;
    for (const auto group : groups) out.emplace_back(group.begin(), group.end());
    return out;
}
}  // namespace

TEST_CASE("rows with equal keys form one group, groups ordered by their first row") {
    const std::vector<std::string> unit{"U2", "U1", "U2", "U3", "U1", "U2"};
    const std::vector<std::string> vendor{"甲", "甲", "乙", "甲", "甲", "甲"};
    auto byUnit = RowGroups::byKey(unit.size(), [&](uint32_t r) { return std::string_view(unit[r]); });
    CHECK(all(byUnit) == std::vector<std::vector<uint32_t>>{{0, 2, 5}, {1, 4}, {3}});
    auto pairs = RowGroups::byKey(unit.size(), [&](uint32_t r) { return std::tuple(std::string_view(unit[r]), std::string_view(vendor[r])); }, 2);
    CHECK(all(pairs) == std::vector<std::vector<uint32_t>>{{0, 5}, {1, 4}});
    auto someRows = RowGroups::byKey(unit.size(), [&](uint32_t r) { return std::string_view(unit[r]); }, 2, [](uint32_t r) { return r != 5; });
    CHECK(all(someRows) == std::vector<std::vector<uint32_t>>{{0, 2}, {1, 4}});
    CHECK(RowGroups::byKey(0, [](uint32_t r) { return r; }).empty());
    // Texts that only differ past the first eight bytes, and integers.
    const std::vector<std::string> long_{"ABCDEFGH-1", "ABCDEFGH-2", "ABCDEFGH-1"};
    CHECK(all(RowGroups::byKey(3, [&](uint32_t r) { return std::string_view(long_[r]); })) ==
          std::vector<std::vector<uint32_t>>{{0, 2}, {1}});
    CHECK(all(RowGroups::byKey(5, [](uint32_t r) { return static_cast<int64_t>(r % 2); })) == std::vector<std::vector<uint32_t>>{{0, 2, 4}, {1, 3}});
}

TEST_CASE("a string column groups the same by ColumnText whether the host coded it or spelled it out") {
    // Rows U2 U1 U2 U3 U1 U2, as a plain column (entry r is row r) and as a coded one (three
    // distinct texts, a code per row); a second column of vendors, plain, with an empty value.
    const std::vector<std::string> rows{"U2", "U1", "U2", "U3", "U1", "U2"};
    std::string plainBytes;
    std::vector<uint32_t> plainOffsets{0};
    for (const auto& t : rows) plainBytes += t, plainOffsets.push_back(static_cast<uint32_t>(plainBytes.size()));
    const std::string codedBytes = "U3U2U1";
    const std::vector<uint32_t> codedOffsets{0, 2, 4, 6};
    const std::vector<uint32_t> codes{1, 2, 1, 0, 2, 1};
    const auto column = [](const std::string& bytes, const std::vector<uint32_t>& offsets, const uint32_t* codes, uint64_t distinct) {
        patrol_column c{};
        c.struct_size = sizeof(patrol_column);
        c.type = PATROL_COLUMN_STRING;
        c.name = "unit_code";
        c.text_bytes = bytes.data();
        c.text_offsets32 = offsets.data();
        c.text_codes = codes;
        c.text_distinct = distinct;
        return c;
    };
    const patrol_column plainRaw = column(plainBytes, plainOffsets, nullptr, 0);
    const patrol_column codedRaw = column(codedBytes, codedOffsets, codes.data(), 3);
    const patrol::sdk::Column plain(&plainRaw), coded(&codedRaw);
    REQUIRE_FALSE(plain.coded());
    REQUIRE(coded.coded());
    for (uint32_t r = 0; r < rows.size(); ++r) REQUIRE(coded.text(r) == rows[r]);
    const std::vector<std::vector<uint32_t>> byUnit{{0, 2, 5}, {1, 4}, {3}};
    CHECK(all(RowGroups::byKey(rows.size(), [&](uint32_t r) { return ColumnText(plain, r); })) == byUnit);
    CHECK(all(RowGroups::byKey(rows.size(), [&](uint32_t r) { return ColumnText(coded, r); })) == byUnit);
    const std::vector<std::string> vendors{"甲", "甲", "乙", "甲", "甲", ""};
    std::string vendorBytes;
    std::vector<uint32_t> vendorOffsets{0};
    for (const auto& t : vendors) vendorBytes += t, vendorOffsets.push_back(static_cast<uint32_t>(vendorBytes.size()));
    const patrol_column vendorRaw = column(vendorBytes, vendorOffsets, nullptr, 0);
    const patrol::sdk::Column vendor(&vendorRaw);
    for (const patrol::sdk::Column* unit : {&plain, &coded}) {
        const auto key = [&](uint32_t r) { return std::tuple(int32_t{7}, ColumnText(*unit, r), ColumnText(vendor, r)); };
        CHECK(all(RowGroups::byKey(rows.size(), key, 2)) == std::vector<std::vector<uint32_t>>{{1, 4}});
        CHECK(ColumnText(*unit, 0) == ColumnText(*unit, 5));
        CHECK_FALSE(ColumnText(*unit, 0) == ColumnText(*unit, 1));
    }
    CHECK(ColumnText(coded, 3).text() == "U3");
}

TEST_CASE("keys whose hashes collide are told apart: each group exact, in row order") {
    // Two texts whose hashes share the upper 32 bits RowGroups sorts by, found by search (two
    // of some 2^16 texts meet), so the rows of both keys land in one run of the sort.
    std::unordered_map<uint32_t, std::string> seen;
    std::string a, b;
    for (uint32_t i = 0; a.empty(); ++i) {
        std::string text = "K" + std::to_string(i);
        const auto [at, fresh] = seen.emplace(static_cast<uint32_t>(patrol::sdk::textHash(text) >> 32), text);
        if (!fresh) a = at->second, b = std::move(text);
    }
    REQUIRE(a != b);
    REQUIRE(patrol::sdk::textHash(a) >> 32 == patrol::sdk::textHash(b) >> 32);
    const std::vector<std::string> keys{a, b, a, "x", b, a, b, "x"};
    const auto key = [&](uint32_t r) { return std::string_view(keys[r]); };
    CHECK(all(RowGroups::byKey(keys.size(), key, 2)) == std::vector<std::vector<uint32_t>>{{0, 2, 5}, {1, 4, 6}, {3, 7}});
    CHECK(all(RowGroups::byKey(keys.size(), key, 3)) == std::vector<std::vector<uint32_t>>{{0, 2, 5}, {1, 4, 6}});
    CHECK(all(RowGroups::byKey(keys.size(), key, 2, [](uint32_t r) { return r != 0 && r != 7; })) ==
          std::vector<std::vector<uint32_t>>{{1, 4, 6}, {2, 5}});
    CHECK(all(RowGroups::byKey(keys.size(), key, 4)).empty());
    // Every row of one key in a run: straight into its group.
    const std::vector<std::string> one{a, a, a};
    CHECK(all(RowGroups::byKey(3, [&](uint32_t r) { return std::string_view(one[r]); }, 2)) == std::vector<std::vector<uint32_t>>{{0, 1, 2}});
}

TEST_CASE("a million rows group by key, every group complete and in row order") {
    constexpr uint32_t kRows = 1000000, kKeys = 997;
    std::vector<std::string> keys(kRows);
    for (uint32_t r = 0; r < kRows; ++r) keys[r] = std::string("K").append(std::to_string((r * 7919u) % kKeys));
    const auto groups = RowGroups::byKey(kRows, [&](uint32_t r) { return std::string_view(keys[r]); }, 2);
    REQUIRE(groups.size() == kKeys);
    size_t rows = 0;
    for (size_t g = 0; g < groups.size(); ++g) {
        const auto group = groups[g];
        rows += group.size();
        bool same = true, ascending = true;
        for (size_t i = 1; i < group.size(); ++i) {
            same = same && keys[group[i]] == keys[group[0]];
            ascending = ascending && group[i - 1] < group[i];
        }
        CHECK(same);
        CHECK(ascending);
        if (g > 0) CHECK(groups[g - 1][0] < group[0]);
    }
    CHECK(rows == kRows);
}

TEST_CASE("a plugin's HashCensus never misses a hash met twice, and counts in parts as in one") {
    std::mt19937 random(23);
    std::vector<uint32_t> first(40000), second(40000);
    for (auto& h : first) h = static_cast<uint32_t>(random());
    for (auto& h : second) h = static_cast<uint32_t>(random());
    second[7] = first[3];  // once in each part
    patrol::sdk::HashCensus whole(first.size() + second.size()), a(first.size() + second.size()), b(first.size() + second.size());
    for (const uint32_t h : first) a.add(h), whole.add(h);
    for (const uint32_t h : second) b.add(h), whole.add(h);
    CHECK_FALSE(a.mayRepeat(first[3]));
    a.merge(b);
    CHECK(a.mayRepeat(first[3]));
    size_t passed = 0;
    for (const uint32_t h : first) {
        CHECK(a.mayRepeat(h) == whole.mayRepeat(h));
        passed += whole.mayRepeat(h) ? 1 : 0;
    }
    CHECK(passed < first.size() / 8);  // eight slots or more a key: few single hashes pass
    CHECK_THROWS_AS(a.merge(patrol::sdk::HashCensus(10)), std::logic_error);
}

TEST_CASE("a plugin's census is in memory from the start, reading as zeros") {
    // Filled in by the kernel at once: faulted in page by page, each first read mapped the
    // shared zero page and the write right after replaced it, interrupting the plugin's other
    // threads each time (bench/README.md). Kernels before 5.14 refuse to fill it in.
    const size_t words = size_t{1} << 18;  // 2 MB
    patrol::sdk::detail::MappedWords census(words);
    const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    std::vector<unsigned char> resident(words * sizeof(uint64_t) / page);
    REQUIRE(::mincore(census.data(), words * sizeof(uint64_t), resident.data()) == 0);
    const auto inMemory = static_cast<size_t>(std::count_if(resident.begin(), resident.end(), [](unsigned char r) { return r & 1; }));
    struct utsname system;
    ::uname(&system);
    int major = 0, minor = 0;
    std::sscanf(system.release, "%d.%d", &major, &minor);
    if (major > 5 || (major == 5 && minor >= 14))
        CHECK(inMemory == resident.size());
    else
        WARN("kernel " << system.release << " cannot fill a mapping in ahead; " << inMemory << " pages in memory");
    CHECK(std::all_of(census.data(), census.data() + words, [](uint64_t w) { return w == 0; }));
}

TEST_CASE("mostly single keys: the groups sought among repeated hashes are all the groups there are") {
    // Past RowGroups::kCensusFrom keys only those whose hash may repeat are sorted; the groups
    // must be those of a plain grouping by the texts themselves, for any least size.
    constexpr uint32_t kRows = 200000;
    std::mt19937 random(17);
    std::vector<std::string> keys(kRows);
    for (uint32_t r = 0; r < kRows; ++r) keys[r] = "P" + std::to_string(r);
    for (uint32_t i = 0; i < 2000; ++i) keys[random() % kRows] = keys[random() % kRows];  // twice
    for (uint32_t i = 0; i < 800; ++i) {  // three times
        const std::string& text = keys[random() % kRows];
        keys[random() % kRows] = keys[random() % kRows] = text;
    }
    REQUIRE(kRows >= RowGroups::kCensusFrom);
    const auto key = [&](uint32_t r) { return std::string_view(keys[r]); };
    const auto even = [](uint32_t r) { return r % 2 == 0; };
    for (const size_t least : {size_t{2}, size_t{3}}) {
        for (const bool onlyEven : {false, true}) {
            std::map<std::string, std::vector<uint32_t>> byText;
            for (uint32_t r = 0; r < kRows; ++r)
                if (!onlyEven || even(r)) byText[keys[r]].push_back(r);
            std::vector<std::vector<uint32_t>> expected;
            for (auto& [text, rows] : byText)
                if (rows.size() >= least) expected.push_back(rows);
            std::sort(expected.begin(), expected.end());
            REQUIRE(expected.size() > 50);
            const auto groups = onlyEven ? RowGroups::byKey(kRows, key, least, even) : RowGroups::byKey(kRows, key, least);
            CHECK(all(groups) == expected);
        }
    }
}

TEST_CASE("windows of consecutive days start at each date and hold the rows up to days - 1 later") {
    // Row dates (days since 1970): absent rows are left out.
    const std::vector<int32_t> dates{20, 10, 12, PATROL_ABSENT_I32, 10, 16, 30, 17};
    const DatedRows dated(dates.size(), [&](uint32_t r) { return dates[r]; });
    CHECK(std::vector<uint32_t>(dated.rows().begin(), dated.rows().end()) == std::vector<uint32_t>{1, 4, 2, 5, 7, 0, 6});
    std::vector<std::vector<uint32_t>> windows;
    dated.forEachWindow(7, [&](std::span<const uint32_t> w) { windows.emplace_back(w.begin(), w.end()); });
    CHECK(windows == std::vector<std::vector<uint32_t>>{{1, 4, 2, 5}, {2, 5, 7}, {5, 7, 0}, {7, 0}, {0}, {6}});
    // Over one group's rows.
    const std::vector<uint32_t> group{0, 5, 7};
    const DatedRows some(std::span<const uint32_t>(group), [&](uint32_t r) { return dates[r]; });
    CHECK(std::vector<uint32_t>(some.rows().begin(), some.rows().end()) == std::vector<uint32_t>{5, 7, 0});
    CHECK(some.date(2) == 20);
}

TEST_CASE("a million dated rows are sorted once and windowed like counting by hand") {
    constexpr uint32_t kRows = 1000000;
    std::vector<int32_t> dates(kRows);
    std::mt19937 random(7);
    std::uniform_int_distribution<int32_t> spread(20000, 21095);  // three years of days
    for (auto& d : dates) d = spread(random);
    const DatedRows dated(kRows, [&](uint32_t r) { return dates[r]; });
    REQUIRE(dated.size() == kRows);
    bool ordered = true;
    for (size_t i = 1; i < kRows; ++i)
        ordered = ordered && (dated.date(i - 1) < dated.date(i) || (dated.date(i - 1) == dated.date(i) && dated.row(i - 1) < dated.row(i)));
    CHECK(ordered);
    std::vector<size_t> perDay(21096 + 7, 0);
    for (const int32_t d : dates) ++perDay[static_cast<size_t>(d)];
    size_t windows = 0;
    bool sizes = true;
    dated.forEachWindow(7, [&](std::span<const uint32_t> w) {
        ++windows;
        const int32_t first = dates[w[0]];
        size_t expected = 0;
        for (int32_t d = first; d < first + 7; ++d) expected += perDay[static_cast<size_t>(d)];
        sizes = sizes && w.size() == expected;
    });
    CHECK(windows == 1096);
    CHECK(sizes);
    // Dates far apart take the comparison sort; the order is the same.
    const std::vector<int32_t> sparse{1000000, -5, 70000, -5, 3};
    const DatedRows far(sparse.size(), [&](uint32_t r) { return sparse[r]; });
    CHECK(std::vector<uint32_t>(far.rows().begin(), far.rows().end()) == std::vector<uint32_t>{1, 3, 4, 2, 0});
}

TEST_CASE("Keys sorted in place come out as std::sort puts them, rows of equal hashes in row order") {
    std::mt19937_64 random(7);
    // Sizes around the short-part cutoff, and a million keys whose hashes repeat often (a
    // 2^12-value hash space) beside one whose hashes are spread over all 32 bits.
    for (const size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{33}, size_t{5000}, size_t{1000000}}) {
        for (const uint64_t hashMask : {uint64_t{0xfff}, uint64_t{0xffffffff}}) {
            std::vector<uint64_t> keys(n);
            for (size_t r = 0; r < n; ++r) keys[r] = ((random() & hashMask) * (hashMask == 0xfff ? 0x10001 : 1)) << 32 | r;
            std::vector<uint64_t> plain = keys;
            std::sort(plain.begin(), plain.end());
            patrol::sdk::sortKeysInPlace(keys.data(), keys.size());
            CHECK(keys == plain);
        }
    }
}
