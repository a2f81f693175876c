// The reason a rejected row's date is given: the wrong form, or the right form naming no day.
#include "core/data/date_problem.hpp"

#include <catch2/catch.hpp>

using patrol::data::dateProblem;

TEST_CASE("a text not in the form YYYY-MM-DD is told the form, with an example") {
    const std::string form = "不是有效日期（应为 YYYY-MM-DD，例如 2026-03-14）";
    for (const char* text : {"2026/03/14", "2026-3-14", "2026-03-4", "26-03-14", "2026-03-14 ", "", "日期", "2026-0a-14", "2026-03-1x", "202６-03-14"}) {
        INFO(text);
        CHECK(dateProblem(text) == form);
    }
}

TEST_CASE("a text in the right form that names no day is told what is wrong with it") {
    CHECK(dateProblem("2026-13-01") == "不是有效日期（月份应为 01–12，实为 13）");
    CHECK(dateProblem("2026-00-10") == "不是有效日期（月份应为 01–12，实为 00）");
    CHECK(dateProblem("2026-02-30") == "不是有效日期（2026 年 2 月只有 1–28 日）");
    CHECK(dateProblem("2025-02-29") == "不是有效日期（2025 年 2 月只有 1–28 日）");
    CHECK(dateProblem("2024-02-30") == "不是有效日期（2024 年 2 月只有 1–29 日）");  // a leap year
    CHECK(dateProblem("2100-02-29") == "不是有效日期（2100 年 2 月只有 1–28 日）");  // a century, not a leap year
    CHECK(dateProblem("2026-04-31") == "不是有效日期（2026 年 4 月只有 1–30 日）");
    CHECK(dateProblem("2026-12-00") == "不是有效日期（2026 年 12 月只有 1–31 日）");
    CHECK(dateProblem("0000-01-01") == "不是有效日期（年份应为 0001–9999）");
}
