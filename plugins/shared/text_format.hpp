// Small formatting helpers for the Chinese titles and details of findings.
#pragma once

#include <patrol/sdk/civil.hpp>
#include <patrol/sdk/money.hpp>

#include "wide.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace patrol::plugins {

inline std::string yuan(int64_t fen) { return money::formatYuan(fen); }
inline std::string date(int32_t day) { return civil::formatDate(day); }

// "2026年3月" for a month index as civil::monthIndex returns it.
inline std::string monthLabel(int32_t monthIndex) {
    const int32_t year = monthIndex / 12;
    const int32_t month = monthIndex % 12 + 1;
    return std::to_string(year) + "年" + std::to_string(month) + "月";
}

inline std::string_view weekdayName(int32_t day) {
    static constexpr std::string_view names[] = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};
    return names[civil::weekday(day)];
}

// a / b rounded half up, for non-negative a and positive b (display only; rules never divide).
inline int64_t divideRounded(int64_t a, int64_t b) { return (a / b) + ((a % b) * 2 >= b ? 1 : 0); }

// part / whole as a percentage with two decimals, rounded down ("49.99" for 499.99 of 1000),
// so a share below a limit never prints as the limit itself; whole must be positive.
inline std::string percent(int64_t part, int64_t whole) {
    return yuan(static_cast<int64_t>(Wide(part) * 10000 / whole));
}

inline std::string str(std::string_view s) { return std::string(s); }

// Appends before, text and after to s when an optional value is present: "（林强）" after a payment.
inline void appendIfPresent(std::string& s, bool present, std::string_view before, std::string_view text, std::string_view after = {}) {
    if (!present) return;
    s += before;
    s += text;
    s += after;
}

// The parts joined into `s` in place of what it held, sized once and keeping its memory: for a
// rule that fills one finding in again for each row it reports (FindingSink::emitReused). No
// part may view `s`.
template <class... Parts>
void catInto(std::string& s, const Parts&... parts) {
    const std::string_view views[] = {std::string_view(parts)...};
    size_t size = 0;
    for (const std::string_view v : views) size += v.size();
    s.clear();
    s.reserve(size);
    for (const std::string_view v : views) s.append(v);
}

// The parts joined into one string sized once: a finding's title or detail without the
// temporaries (and their growth copies) of an operator+ chain.
template <class... Parts>
std::string cat(const Parts&... parts) {
    std::string s;
    catInto(s, parts...);
    return s;
}

}  // namespace patrol::plugins
