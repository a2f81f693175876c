#include "core/data/date_problem.hpp"

#include <patrol/sdk/civil.hpp>

#include <optional>

namespace patrol::data {

namespace {

// The number in text[at, at + digits) when every byte there is a digit.
std::optional<int> digitsAt(std::string_view text, size_t at, size_t digits) {
    int value = 0;
    for (size_t i = at; i < at + digits; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

std::string dateProblem(std::string_view text) {
    const std::string form = "不是有效日期（应为 YYYY-MM-DD，例如 2026-03-14）";
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return form;
    const auto year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
    if (!year || !month || !day) return form;
    if (*year < 1) return "不是有效日期（年份应为 0001–9999）";
    if (*month < 1 || *month > 12) return "不是有效日期（月份应为 01–12，实为 " + std::string(text.substr(5, 2)) + "）";
    const unsigned last = civil::daysInMonth(*year, static_cast<unsigned>(*month));
    return "不是有效日期（" + std::to_string(*year) + " 年 " + std::to_string(*month) + " 月只有 1–" + std::to_string(last) + " 日）";
}

}  // namespace patrol::data
