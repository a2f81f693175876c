// A whole number written in decimal ("42", "-7", "+3"), as CSV fields and settings hold it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace patrol::domain {

// At most 18 digits, so the value always fits; nothing but an optional sign and digits.
constexpr std::optional<int64_t> parseInteger(std::string_view s) {
    size_t i = 0;
    bool negative = false;
    if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
        negative = s[0] == '-';
        i = 1;
    }
    if (i == s.size() || s.size() - i > 18) return std::nullopt;
    int64_t v = 0;
    for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return negative ? -v : v;
}

}  // namespace patrol::domain
