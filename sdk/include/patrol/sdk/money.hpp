// Money as integer fen: parsing the dataset form and printing yuan (header-only).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace patrol::money {

// Parses yuan as a plain decimal with at most two decimals: `1234`, `1234.5`, `0.01`.
// No sign, no thousands separators, no exponent; at least one digit before the point.
constexpr std::optional<int64_t> parseFen(std::string_view s) {
    if (s.empty()) return std::nullopt;
    int64_t yuan = 0;
    size_t i = 0;
    for (; i < s.size() && s[i] != '.'; ++i) {
        if (s[i] < '0' || s[i] > '9' || i >= 15) return std::nullopt;
        yuan = yuan * 10 + (s[i] - '0');
    }
    if (i == 0) return std::nullopt;
    int64_t fen = 0;
    if (i < s.size()) {
        const size_t decimals = s.size() - i - 1;
        if (decimals < 1 || decimals > 2) return std::nullopt;
        for (size_t k = i + 1; k < s.size(); ++k) {
            if (s[k] < '0' || s[k] > '9') return std::nullopt;
            fen = fen * 10 + (s[k] - '0');
        }
        if (decimals == 1) fen *= 10;
    }
    return yuan * 100 + fen;
}

// 183333 -> "1833.33"; negative amounts keep their sign.
inline std::string formatYuan(int64_t fen) {
    const uint64_t v = fen < 0 ? static_cast<uint64_t>(-(fen + 1)) + 1 : static_cast<uint64_t>(fen);
    std::string out;
    if (fen < 0) out.push_back('-');
    out.append(std::to_string(v / 100));
    out.push_back('.');
    out.push_back(static_cast<char>('0' + (v % 100) / 10));
    out.push_back(static_cast<char>('0' + v % 10));
    return out;
}

}  // namespace patrol::money
