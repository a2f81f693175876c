// Calendar arithmetic on whole days, shared by the host and plugins (header-only, no I/O).
// Days are counted from 1970-01-01 (day 0) in the proleptic Gregorian calendar.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace patrol::civil {

struct YearMonthDay {
    int year;
    unsigned month;  // 1..12
    unsigned day;    // 1..31
};

constexpr bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr unsigned daysInMonth(int y, unsigned m) {
    constexpr unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeapYear(y) ? 29u : lengths[m - 1];
}

// Howard Hinnant's days_from_civil algorithm (public domain description of the math).
constexpr int32_t toDays(YearMonthDay d) {
    const int y = d.year - (d.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned mp = d.month > 2 ? d.month - 3 : d.month + 9;
    const unsigned doy = (153 * mp + 2) / 5 + d.day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<int32_t>(era * 146097 + static_cast<int>(doe) - 719468);
}

constexpr YearMonthDay fromDays(int32_t days) {
    const int z = days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(yoe) + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

// 0 = Monday … 6 = Sunday. 1970-01-01 was a Thursday.
constexpr int weekday(int32_t days) {
    const int w = (days + 3) % 7;
    return w < 0 ? w + 7 : w;
}

constexpr bool isWeekend(int32_t days) { return weekday(days) >= 5; }

// A month as a single comparable number (year * 12 + month - 1).
constexpr int32_t monthIndex(int32_t days) {
    const YearMonthDay ymd = fromDays(days);
    return ymd.year * 12 + static_cast<int32_t>(ymd.month) - 1;
}

// The same day `years` later; 02-29 falls back to 02-28 in a non-leap year.
constexpr int32_t addYears(int32_t days, int years) {
    YearMonthDay ymd = fromDays(days);
    ymd.year += years;
    if (ymd.month == 2 && ymd.day == 29 && !isLeapYear(ymd.year)) ymd.day = 28;
    return toDays(ymd);
}

// Parses exactly `YYYY-MM-DD` with a real calendar date; nothing else is accepted.
constexpr std::optional<int32_t> parseDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int v[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int part = 0; part < 3; ++part) {
        for (int i = 0; i < lengths[part]; ++i) {
            const char c = s[static_cast<size_t>(starts[part] + i)];
            if (c < '0' || c > '9') return std::nullopt;
            v[part] = v[part] * 10 + (c - '0');
        }
    }
    if (v[0] < 1 || v[1] < 1 || v[1] > 12) return std::nullopt;
    if (v[2] < 1 || static_cast<unsigned>(v[2]) > daysInMonth(v[0], static_cast<unsigned>(v[1]))) return std::nullopt;
    return toDays({v[0], static_cast<unsigned>(v[1]), static_cast<unsigned>(v[2])});
}

// Parses exactly `HH:MM` (24 h) into minutes since midnight.
constexpr std::optional<int32_t> parseTime(std::string_view s) {
    if (s.size() != 5 || s[2] != ':') return std::nullopt;
    for (size_t i : {0u, 1u, 3u, 4u})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    const int h = (s[0] - '0') * 10 + (s[1] - '0');
    const int m = (s[3] - '0') * 10 + (s[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

inline std::string formatDate(int32_t days) {
    const YearMonthDay d = fromDays(days);
    char buf[16];
    const int y = d.year;
    buf[0] = static_cast<char>('0' + (y / 1000) % 10);
    buf[1] = static_cast<char>('0' + (y / 100) % 10);
    buf[2] = static_cast<char>('0' + (y / 10) % 10);
    buf[3] = static_cast<char>('0' + y % 10);
    buf[4] = '-';
    buf[5] = static_cast<char>('0' + d.month / 10);
    buf[6] = static_cast<char>('0' + d.month % 10);
    buf[7] = '-';
    buf[8] = static_cast<char>('0' + d.day / 10);
    buf[9] = static_cast<char>('0' + d.day % 10);
    return std::string(buf, 10);
}

inline std::string formatTime(int32_t minutes) {
    const char buf[5] = {static_cast<char>('0' + minutes / 600), static_cast<char>('0' + (minutes / 60) % 10), ':',
                         static_cast<char>('0' + (minutes % 60) / 10), static_cast<char>('0' + minutes % 10)};
    return std::string(buf, 5);
}

}  // namespace patrol::civil
