// Date arithmetic of the SDK: days, months (a day the month lacks becomes its last), the days between.
#include <patrol/sdk/date_math.hpp>

#include <catch2/catch.hpp>

using namespace patrol::civil;

namespace {
int32_t day(const char* text) { return *parseDate(text); }
std::string shown(int32_t d) { return formatDate(d); }
}  // namespace

TEST_CASE("addDays and daysBetween count natural days either way") {
    CHECK(shown(addDays(day("2026-02-27"), 2)) == "2026-03-01");
    CHECK(shown(addDays(day("2024-02-27"), 2)) == "2024-02-29");
    CHECK(shown(addDays(day("2026-01-01"), -1)) == "2025-12-31");
    CHECK(daysBetween(day("2026-03-01"), day("2026-03-10")) == 9);
    CHECK(daysBetween(day("2026-03-10"), day("2026-03-01")) == -9);
    CHECK(daysBetween(day("2025-12-31"), day("2026-12-31")) == 365);
}

TEST_CASE("addMonths keeps the day of the month, or the month's last day when it has fewer") {
    CHECK(shown(addMonths(day("2026-01-15"), 1)) == "2026-02-15");
    CHECK(shown(addMonths(day("2026-01-31"), 1)) == "2026-02-28");
    CHECK(shown(addMonths(day("2024-01-31"), 1)) == "2024-02-29");
    CHECK(shown(addMonths(day("2026-03-31"), -1)) == "2026-02-28");
    CHECK(shown(addMonths(day("2026-05-31"), 1)) == "2026-06-30");
    CHECK(shown(addMonths(day("2026-11-30"), 2)) == "2027-01-30");
    CHECK(shown(addMonths(day("2026-01-10"), -13)) == "2024-12-10");
    CHECK(shown(addMonths(day("2024-02-29"), 12)) == "2025-02-28");
    CHECK(shown(addMonths(day("2026-08-31"), 0)) == "2026-08-31");
    CHECK(shown(addMonths(day("1970-01-31"), -1)) == "1969-12-31");
}
