// The host's working-day arithmetic (ABI 1.1) against counting day by day, across years, both
// ways, on a calendar with holidays and makeup days; and a calendar with no working day at all.
#include "core/plugins/working_day_spans.hpp"

#include <patrol/plugin_abi.h>
#include <patrol/sdk/civil.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <set>

using patrol::plugins::WorkingDaySpans;
namespace civil = patrol::civil;

namespace {

int32_t day(const char* text) { return *civil::parseDate(text); }

// Weekdays, except the listed holidays; plus the listed makeup Saturdays and Sundays.
bool sampleCalendar(int32_t d) {
    static const std::set<int32_t> holidays{day("2025-10-01"), day("2025-10-02"), day("2025-10-03"), day("2026-01-01"), day("2026-04-06")};
    static const std::set<int32_t> workdays{day("2025-09-28"), day("2025-10-11"), day("2026-01-04")};
    if (workdays.count(d)) return true;
    return !civil::isWeekend(d) && !holidays.count(d);
}

int64_t countedBetween(int32_t from, int32_t to) {
    if (to < from) return -countedBetween(to, from);
    int64_t n = 0;
    for (int32_t d = from + 1; d <= to; ++d) n += sampleCalendar(d) ? 1 : 0;
    return n;
}

int32_t steppedAdd(int32_t d, int32_t n) {
    for (int32_t left = n < 0 ? -n : n; left > 0;) {
        d += n < 0 ? -1 : 1;
        if (sampleCalendar(d)) --left;
    }
    return d;
}

}  // namespace

TEST_CASE("working days between two days and n working days after a day match counting day by day") {
    WorkingDaySpans spans(sampleCalendar);
    CHECK(spans.between(day("2026-04-01"), day("2026-04-10")) == 6);  // Qingming Monday off
    CHECK(spans.between(day("2025-09-30"), day("2025-10-11")) == 6);  // National Day off, a makeup Saturday
    CHECK(spans.between(day("2026-04-10"), day("2026-04-01")) == -6);
    CHECK(spans.between(day("2026-04-01"), day("2026-04-01")) == 0);
    CHECK(civil::formatDate(spans.add(day("2026-04-01"), 5)) == "2026-04-09");
    CHECK(civil::formatDate(spans.add(day("2025-12-31"), 1)) == "2026-01-02");
    CHECK(civil::formatDate(spans.add(day("2026-01-05"), -1)) == "2026-01-04");  // the makeup Sunday
    CHECK(civil::formatDate(spans.add(day("2026-01-03"), 0)) == "2026-01-03");
    std::mt19937 random(20260315);
    std::uniform_int_distribution<int32_t> days(day("2024-06-01"), day("2027-06-30"));
    std::uniform_int_distribution<int32_t> steps(-400, 400);
    for (int i = 0; i < 2000; ++i) {
        const int32_t a = days(random), b = days(random), n = steps(random);
        INFO(civil::formatDate(a) << " " << civil::formatDate(b) << " " << n);
        CHECK(spans.between(a, b) == countedBetween(a, b));
        CHECK(spans.add(a, n) == steppedAdd(a, n));
        if (n >= 0) CHECK(spans.between(a, spans.add(a, n)) == n);
    }
}

TEST_CASE("a calendar without working days ends the search with no day, not an endless loop") {
    WorkingDaySpans spans([](int32_t) { return false; });
    CHECK(spans.add(day("2026-01-01"), 1) == PATROL_ABSENT_I32);
    CHECK(spans.add(day("2026-01-01"), -1) == PATROL_ABSENT_I32);
    CHECK(spans.between(day("2026-01-01"), day("2027-01-01")) == 0);
}
