// The plugins' shared helpers on cases the fixture files rarely reach: hash collisions in
// grouping, repeated and empty keys in the text index, calendar spans with gaps.
#include "plugins/shared/calendar_cache.hpp"
#include "plugins/shared/row_groups.hpp"
#include "plugins/shared/text_format.hpp"
#include "plugins/shared/text_index.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using namespace patrol::plugins;

namespace {
std::vector<std::vector<uint32_t>> groupsOf(const RowGroups& g) {
    std::vector<std::vector<uint32_t>> out;
    for (size_t i = 0; i < g.count(); ++i) out.emplace_back(g.begin(i), g.end(i));
    return out;
}

// A host whose calendar says: working iff the day is even; it records every day asked.
struct FakeHost {
    std::set<int32_t> asked;
    static int isWorking(void* host, int32_t day) {
        static_cast<FakeHost*>(host)->asked.insert(day);
        return day % 2 == 0 ? 1 : 0;
    }
    patrol_host_api api() {
        patrol_host_api a{};
        a.struct_size = sizeof(a);
        a.abi_major = PATROL_ABI_MAJOR;
        a.host = this;
        a.is_working_day = &FakeHost::isWorking;
        return a;
    }
};
}  // namespace

TEST_CASE("RowGroups keeps groups of two or more and splits rows whose hashes collide") {
    const std::vector<std::string> keys = {"a", "b", "a", "c", "b", "d", "a"};
    // Every row hashes alike, so only the exact comparison can tell the keys apart.
    const RowGroups colliding(
        keys.size(), [](uint32_t) { return true; }, [](uint32_t) { return uint64_t{42} << 32; },
        [&](uint32_t x, uint32_t y) { return keys[x] == keys[y]; });
    CHECK(groupsOf(colliding) == std::vector<std::vector<uint32_t>>{{0, 2, 6}, {1, 4}});
    const RowGroups filtered(
        keys.size(), [&](uint32_t r) { return r != 6; }, [&](uint32_t r) { return hashText(keys[r]); },
        [&](uint32_t x, uint32_t y) { return keys[x] == keys[y]; });
    std::set<std::vector<uint32_t>> found;
    for (const auto& g : groupsOf(filtered)) found.insert(g);
    CHECK(found == std::set<std::vector<uint32_t>>{{0, 2}, {1, 4}});
    const RowGroups none(0, [](uint32_t) { return true; }, [](uint32_t) { return uint64_t{0}; }, [](uint32_t, uint32_t) { return true; });
    CHECK(none.count() == 0);
}

TEST_CASE("TextIndex finds the first row of a key and never an empty key") {
    const std::vector<std::string> ids = {"H01", "", "H02", "H01", "h01"};
    const auto text = [&](uint32_t r) { return std::string_view(ids[r]); };
    const TextIndex index(ids.size(), text);
    CHECK(index.find("H01", text) == 0u);
    CHECK(index.find("H02", text) == 2u);
    CHECK(index.find("h01", text) == 4u);
    CHECK_FALSE(index.find("H03", text));
    CHECK_FALSE(index.find("", text));
}

TEST_CASE("WorkingDayCounter counts (after, through] and asks only about days inside a span") {
    FakeHost host;
    const patrol_host_api api = host.api();
    const patrol::sdk::Context context(&api);
    const WorkingDayCounter counter(context, {{10, 14}, {100, 101}, {12, 13}});
    CHECK(counter.workingDaysAfter(10, 14) == 2);  // 11..14: 12 and 14
    CHECK(counter.workingDaysAfter(12, 13) == 0);  // 13
    CHECK(counter.workingDaysAfter(100, 101) == 0);
    CHECK(counter.workingDaysAfter(14, 10) == 0);
    CHECK(host.asked == std::set<int32_t>{11, 12, 13, 14, 101});
}

TEST_CASE("WorkingDayMemo asks the host once per day") {
    FakeHost host;
    const patrol_host_api api = host.api();
    const patrol::sdk::Context context(&api);
    WorkingDayMemo memo(context, 5, 9);
    CHECK(memo.isWorkingDay(6));
    CHECK_FALSE(memo.isWorkingDay(7));
    CHECK(memo.isWorkingDay(6));
    CHECK(host.asked == std::set<int32_t>{6, 7});
}

TEST_CASE("Display helpers round per-person figures and never round a share up to its limit") {
    CHECK(divideRounded(220000, 12) == 18333);
    CHECK(divideRounded(5, 2) == 3);
    CHECK(percent(49999, 100000) == "49.99");
    CHECK(percent(1, 2) == "50.00");
    CHECK(monthLabel(patrol::civil::monthIndex(patrol::civil::toDays({2026, 3, 14}))) == "2026年3月");
    CHECK(weekdayName(patrol::civil::toDays({2026, 3, 14})) == "星期六");
}
