// The 清明 solar term from the low-precision solar formula.
#include <catch2/catch.hpp>

#include <cmath>

#include <patrol/sdk/civil.hpp>

#include "core/almanac/solar_term.hpp"

using namespace patrol;

namespace {

// Minutes between a Julian Day (UT) and a UTC wall-clock time.
double minutesFrom(double julianDay, civil::YearMonthDay day, int hour, int minute) {
    const double expected = 2440587.5 + civil::toDays(day) + (hour * 60 + minute) / 1440.0;
    return std::abs(julianDay - expected) * 1440.0;
}

}  // namespace

TEST_CASE("清明 for 2008 to 2026 is the day the holiday notices give", "[almanac]") {
    // The State Council's notices for 2008–2024 and the shipped calendars for 2025–2026.
    const char* const qingming[] = {"2008-04-04", "2009-04-04", "2010-04-05", "2011-04-05", "2012-04-04",
                                    "2013-04-04", "2014-04-05", "2015-04-05", "2016-04-04", "2017-04-04",
                                    "2018-04-05", "2019-04-05", "2020-04-04", "2021-04-04", "2022-04-05",
                                    "2023-04-05", "2024-04-04", "2025-04-04", "2026-04-05"};
    for (int year = 2008; year <= 2026; ++year) {
        INFO(year);
        CHECK(civil::formatDate(almanac::qingmingDay(year)) == qingming[year - 2008]);
    }
}

TEST_CASE("the March equinox (0°) comes within a quarter of an hour of its published instant", "[almanac]") {
    CHECK(minutesFrom(almanac::springTermInstant(2024, 0.0), {2024, 3, 20}, 3, 6) < 15);
    CHECK(minutesFrom(almanac::springTermInstant(2025, 0.0), {2025, 3, 20}, 9, 1) < 15);
    CHECK(minutesFrom(almanac::springTermInstant(2026, 0.0), {2026, 3, 20}, 14, 46) < 15);
}

TEST_CASE("清明 from 2000 to 2040 is far enough from midnight that the formula's error cannot move its day", "[almanac]") {
    // The formula is good to about 0.01° of longitude, a quarter of an hour of the sun's motion;
    // the closest call in these years is 2009 (23:34 CST by the formula).
    for (int year = 2000; year <= 2040; ++year) {
        INFO(year);
        const double cst = almanac::springTermInstant(year, 15.0) + 8.0 / 24.0 - 2440587.5;
        const double minutesPastMidnight = (cst - std::floor(cst)) * 1440.0;
        CHECK(minutesPastMidnight > 20.0);
        CHECK(minutesPastMidnight < 1440.0 - 20.0);
    }
}
