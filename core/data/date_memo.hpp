// Dates read from a ledger's text, the months remembered.
#pragma once

#include <patrol/sdk/civil.hpp>

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace patrol::data {

// civil::parseDate with the months remembered: a dataset's dates fall in a few dozen months, so a
// date's "YYYY-MM-" is looked up in a table small enough to stay in the cache (4 KiB), and only
// its day is read from the text. Exact: YYYY-MM-DD is a date when its month is one and DD is a
// day of that month, which is what civil::parseDate asks too (a test compares the two).
class DateMemo {
public:
    // False when the text is not a date; otherwise `day` holds it.
    bool parse(std::string_view s, int32_t& day) {
        if (s.size() != 10) return false;  // civil::parseDate takes exactly YYYY-MM-DD
        uint64_t head;
        std::memcpy(&head, s.data(), 8);
        Month& m = months_[(head * 0x9E3779B97F4A7C15ULL) >> (64 - kBits)];
        if (m.head != head || m.length == kUnknown) m = monthOf(head, s);
        const unsigned tens = static_cast<unsigned char>(s[8]) - unsigned{'0'}, ones = static_cast<unsigned char>(s[9]) - unsigned{'0'};
        const unsigned dd = tens * 10 + ones;
        if (tens > 9 || ones > 9 || dd < 1 || dd > m.length) return false;
        day = m.first + static_cast<int32_t>(dd) - 1;
        return true;
    }

private:
    static constexpr int kBits = 8;
    static constexpr uint8_t kUnknown = 0xFF;  // a slot not filled yet
    struct Month {
        uint64_t head = 0;         // "YYYY-MM-" as read
        int32_t first = 0;         // the month's first day
        uint8_t length = kUnknown;  // its days; 0 when "YYYY-MM-" is no month
    };
    static Month monthOf(uint64_t head, std::string_view s) {
        char firstDay[10];
        std::memcpy(firstDay, s.data(), 8);
        firstDay[8] = '0';
        firstDay[9] = '1';
        const auto d = civil::parseDate(std::string_view(firstDay, 10));
        if (!d) return {head, 0, 0};
        const civil::YearMonthDay ymd = civil::fromDays(*d);
        return {head, *d, static_cast<uint8_t>(civil::daysInMonth(ymd.year, ymd.month))};
    }
    std::array<Month, size_t{1} << kBits> months_{};
};

}  // namespace patrol::data
