// The provisional calendar computed for 2025 and 2026 against the calendars published for them.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>

#include <patrol/sdk/civil.hpp>

#include "core/almanac/icu_almanac.hpp"
#include "core/domain/calendar_file.hpp"
#include "core/domain/statutory_holidays.hpp"

using namespace patrol;

namespace {

domain::CalendarFile published(int year) {
    const std::string path = std::string(PATROL_SOURCE_DIR) + "/config/calendars/" + std::to_string(year) + ".json";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return domain::parseCalendarFile(text.str(), path);
}

bool restDay(const domain::CalendarFile& file, int32_t d) {
    if (file.workdays.count(d)) return false;
    return civil::isWeekend(d) || file.holidays.count(d);
}

// The maximal run of published rest days around `d`, as [first, last].
std::pair<int32_t, int32_t> block(const domain::CalendarFile& file, int32_t d) {
    int32_t first = d, last = d;
    while (restDay(file, first - 1)) --first;
    while (restDay(file, last + 1)) ++last;
    return {first, last};
}

}  // namespace

TEST_CASE("every statutory day computed for 2025 and 2026 is a rest day of the published calendar", "[almanac]") {
    const auto almanac = almanac::icuAlmanac();
    for (int year : {2025, 2026}) {
        const domain::CalendarFile file = published(year);
        const auto holidays = domain::statutoryHolidays(year, *almanac);
        REQUIRE(holidays);
        size_t days = 0;
        for (const auto& h : *holidays) {
            for (int32_t d : h.days) {
                INFO(h.name << " " << civil::formatDate(d));
                CHECK(restDay(file, d));
                // All of a festival's days lie in one published break.
                CHECK(block(file, d) == block(file, h.days.front()));
                ++days;
            }
        }
        CHECK(days == 13);  // 1 + 4 + 1 + 2 + 1 + 1 + 3 under the 2024 revision
    }
}

TEST_CASE("each published break of 2025 and 2026 holds a statutory day", "[almanac]") {
    const auto almanac = almanac::icuAlmanac();
    for (int year : {2025, 2026}) {
        const domain::CalendarFile file = published(year);
        const auto holidays = domain::statutoryHolidays(year, *almanac);
        REQUIRE(holidays);
        std::set<int32_t> statutory;
        for (const auto& h : *holidays) statutory.insert(h.days.begin(), h.days.end());
        for (int32_t holiday : file.holidays) {
            const auto [first, last] = block(file, holiday);
            INFO(civil::formatDate(holiday) << " in " << civil::formatDate(first) << "…" << civil::formatDate(last));
            CHECK(statutory.lower_bound(first) != statutory.upper_bound(last));
        }
    }
}

TEST_CASE("the provisional 2026 makes up 清明 and 劳动节 days that fall on a weekend", "[almanac]") {
    const auto year = domain::provisionalYear(2026, *almanac::icuAlmanac());
    REQUIRE(year);
    std::vector<std::string> off;
    for (const auto& [day, name] : year->daysOff) off.push_back(civil::formatDate(day) + " " + name);
    CHECK(off == std::vector<std::string>{"2026-01-01 元旦", "2026-02-16 春节", "2026-02-17 春节", "2026-02-18 春节",
                                          "2026-02-19 春节", "2026-04-06 清明节补假", "2026-05-01 劳动节",
                                          "2026-05-04 劳动节补假", "2026-06-19 端午节", "2026-09-25 中秋节",
                                          "2026-10-01 国庆节", "2026-10-02 国庆节", "2026-10-05 国庆节补假"});
}
