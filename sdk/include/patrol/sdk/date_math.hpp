// Date arithmetic rules keep writing by hand: a day plus days or months, and the days between
// two days. Days are int32 counts from 1970-01-01 as everywhere in the SDK (civil.hpp), so the
// arithmetic is exact and needs no time zone. Working days need the run's calendar: see
// Context::workingDaysBetween and Context::addWorkingDays.
#pragma once

#include <patrol/sdk/civil.hpp>

#include <cstdint>

namespace patrol::civil {

// The day `days` later (earlier when negative).
constexpr int32_t addDays(int32_t day, int32_t days) { return day + days; }

// The same day of the month `months` later (earlier when negative); a day the target month
// does not have becomes its last day: 01-31 plus one month is 02-28 (02-29 in a leap year),
// 03-31 minus one month likewise.
constexpr int32_t addMonths(int32_t day, int32_t months) {
    const YearMonthDay d = fromDays(day);
    const int64_t index = int64_t{d.year} * 12 + (d.month - 1) + months;
    const int64_t year = index >= 0 ? index / 12 : (index - 11) / 12;
    const auto month = static_cast<unsigned>(index - year * 12 + 1);
    const unsigned last = daysInMonth(static_cast<int>(year), month);
    return toDays({static_cast<int>(year), month, d.day < last ? d.day : last});
}

// The natural days from `from` to `to` ("to − from"): 2026-03-10 minus 2026-03-01 is 9;
// negative when `to` comes first. The same count as datasets.md's "A − B days".
constexpr int32_t daysBetween(int32_t from, int32_t to) { return to - from; }

}  // namespace patrol::civil
