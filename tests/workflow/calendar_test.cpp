#include <catch2/catch.hpp>
#include <patrol/sdk/civil.hpp>

#include "core/domain/calendar.hpp"
#include "core/domain/errors.hpp"
#include "shipped_calendars.hpp"

using namespace patrol;
using namespace patrol::domain;

namespace {

int32_t day(const char* text) { return *civil::parseDate(text); }

int workingDaysIn(const WorkingCalendar& calendar, int year) {
    int n = 0;
    for (int32_t d = civil::toDays({year, 1, 1}); d < civil::toDays({year + 1, 1, 1}); ++d)
        n += calendar.isWorkingDay(d) ? 1 : 0;
    return n;
}

}  // namespace

TEST_CASE("shipped 2025 calendar follows the State Council schedule", "[calendar]") {
    const WorkingCalendar calendar = shippedCalendar();
    CHECK_FALSE(calendar.isWorkingDay(day("2025-01-01")));  // 元旦, Wednesday
    CHECK(calendar.isWorkingDay(day("2025-01-26")));        // Sunday makeup before 春节
    CHECK_FALSE(calendar.isWorkingDay(day("2025-01-28")));  // 除夕
    CHECK_FALSE(calendar.isWorkingDay(day("2025-02-04")));
    CHECK(calendar.isWorkingDay(day("2025-02-05")));
    CHECK(calendar.isWorkingDay(day("2025-02-08")));        // Saturday makeup
    CHECK(calendar.isWorkingDay(day("2025-04-27")));        // Sunday makeup before 劳动节
    CHECK_FALSE(calendar.isWorkingDay(day("2025-05-05")));
    CHECK_FALSE(calendar.isWorkingDay(day("2025-06-02")));  // 端午 compensation Monday
    CHECK(calendar.isWorkingDay(day("2025-09-28")));
    CHECK_FALSE(calendar.isWorkingDay(day("2025-10-08")));  // 国庆+中秋, 8 days
    CHECK(calendar.isWorkingDay(day("2025-10-11")));
    CHECK_FALSE(calendar.isWorkingDay(day("2025-10-12")));  // an ordinary Sunday
    CHECK(workingDaysIn(calendar, 2025) == 248);
    CHECK(calendar.takeWarnings().empty());
}

TEST_CASE("shipped 2026 calendar follows the State Council schedule", "[calendar]") {
    const WorkingCalendar calendar = shippedCalendar();
    CHECK_FALSE(calendar.isWorkingDay(day("2026-01-02")));  // Friday off
    CHECK(calendar.isWorkingDay(day("2026-01-04")));        // Sunday makeup
    CHECK(calendar.isWorkingDay(day("2026-02-14")));
    CHECK_FALSE(calendar.isWorkingDay(day("2026-02-16")));
    CHECK_FALSE(calendar.isWorkingDay(day("2026-02-23")));
    CHECK(calendar.isWorkingDay(day("2026-02-24")));
    CHECK(calendar.isWorkingDay(day("2026-02-28")));
    CHECK_FALSE(calendar.isWorkingDay(day("2026-04-06")));
    CHECK_FALSE(calendar.isWorkingDay(day("2026-05-05")));
    CHECK(calendar.isWorkingDay(day("2026-05-09")));
    CHECK_FALSE(calendar.isWorkingDay(day("2026-06-19")));
    CHECK(calendar.isWorkingDay(day("2026-09-20")));
    CHECK_FALSE(calendar.isWorkingDay(day("2026-09-25")));
    CHECK_FALSE(calendar.isWorkingDay(day("2026-10-07")));
    CHECK(calendar.isWorkingDay(day("2026-10-10")));
    CHECK(calendar.isWorkingDay(day("2026-03-09")));        // an ordinary Monday
    CHECK_FALSE(calendar.isWorkingDay(day("2026-03-07")));  // an ordinary Saturday
    CHECK(workingDaysIn(calendar, 2026) == 248);
    CHECK(calendar.coveredYears() == std::set<int>{2025, 2026});
    CHECK(calendar.takeWarnings().empty());
}

TEST_CASE("an uncovered year counts Monday to Friday and warns once naming the year", "[calendar]") {
    const WorkingCalendar calendar = shippedCalendar();
    CHECK(calendar.isWorkingDay(day("2027-01-01")));        // a Friday; no 2027 schedule loaded
    CHECK_FALSE(calendar.isWorkingDay(day("2027-01-02")));  // Saturday
    CHECK(calendar.isWorkingDay(day("2027-02-08")));
    const auto warnings = calendar.takeWarnings();
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == WorkingCalendar::uncoveredYearWarning(2027));
    CHECK(warnings[0] ==
          "警告：没有 2027 年的工作日历，该年按周一至周五为工作日计算（不含法定节假日和调休）；"
          "如需准确结果，请在 config/calendars/ 中加入 2027.json 或另行指定日历文件。");
    CHECK(calendar.isWorkingDay(day("2027-03-01")));
    CHECK(calendar.takeWarnings().empty());  // once per year
    CHECK(calendar.isWorkingDay(day("2024-12-31")));
    CHECK(calendar.takeWarnings() == std::vector<std::string>{WorkingCalendar::uncoveredYearWarning(2024)});
}

TEST_CASE("an empty calendar is Monday to Friday and warns for each year met", "[calendar]") {
    const WorkingCalendar calendar;
    CHECK(calendar.isWorkingDay(day("2026-01-01")));        // Thursday: the holiday is unknown here
    CHECK_FALSE(calendar.isWorkingDay(day("2026-01-04")));  // Sunday: the makeup day is unknown here
    CHECK(calendar.takeWarnings() == std::vector<std::string>{WorkingCalendar::uncoveredYearWarning(2026)});
}

TEST_CASE("several files merge, a listed workday wins over a listed holiday", "[calendar]") {
    WorkingCalendar calendar;
    calendar.add(parseCalendarFile(R"({"holidays": ["2030-01-07"], "workdays": []})", "a.json"));
    calendar.add(parseCalendarFile(R"({"years": [2031], "holidays": ["2030-01-08"], "workdays": ["2030-01-07", "2030-01-05"]})", "b.json"));
    CHECK(calendar.coveredYears() == std::set<int>{2030, 2031});
    CHECK(calendar.isWorkingDay(day("2030-01-07")));        // Monday: holiday in a, workday in b
    CHECK_FALSE(calendar.isWorkingDay(day("2030-01-08")));  // Tuesday: holiday from b
    CHECK(calendar.isWorkingDay(day("2030-01-05")));        // Saturday makeup from b
    CHECK(calendar.isWorkingDay(day("2031-06-02")));        // b names 2031 though it lists no date in it
    CHECK(calendar.takeWarnings().empty());
}

TEST_CASE("years come from the dates listed when the file names none", "[calendar]") {
    const CalendarFile file = parseCalendarFile(R"({"holidays": ["2026-01-01"], "workdays": ["2027-01-03"]})", "x");
    CHECK(file.years == std::set<int>{2026, 2027});
    const CalendarFile empty = parseCalendarFile("{}", "x");
    CHECK(empty.years.empty());
    CHECK(empty.holidays.empty());
}

TEST_CASE("calendar files tolerate a byte-order mark, unknown keys and escapes", "[calendar]") {
    const CalendarFile file = parseCalendarFile(
        "\xEF\xBB\xBF{\"source\": \"\\u56fd\\u52a1\\u9662 \\\"x\\\"\", \"note\": [1, true, null, {\"a\": -2.5e3}],"
        " \"holidays\": [\"2026-01-01\"]}",
        "x");
    CHECK(file.holidays == std::set<int32_t>{day("2026-01-01")});
}

TEST_CASE("malformed calendar files are refused with the place and the expected form", "[calendar]") {
    const std::string hint =
        "。正确格式示例：{\"years\": [2026], \"holidays\": [\"2026-01-01\"], \"workdays\": [\"2026-01-04\"]}";
    CHECK_THROWS_WITH(parseCalendarFile("", "c.json"), "日历文件 c.json 第 1 行第 1 列：期望一个 JSON 值，实际为文件结束" + hint);
    CHECK_THROWS_WITH(parseCalendarFile("[]", "c.json"), "日历文件 c.json 第 1 行第 1 列：期望一个 JSON 对象，实际为数组" + hint);
    CHECK_THROWS_WITH(parseCalendarFile("{\"holidays\": [\"2026-02-30\"]}", "c.json"),
                      "日历文件 c.json 第 1 行第 15 列：期望YYYY-MM-DD 格式的真实日期，实际为“2026-02-30”" + hint);
    CHECK_THROWS_WITH(parseCalendarFile("{\n  \"workdays\": \"2026-01-04\"\n}", "c.json"),
                      "日历文件 c.json 第 2 行第 15 列：期望“workdays”为日期字符串数组，实际为字符串" + hint);
    CHECK_THROWS_WITH(parseCalendarFile("{\"years\": [\"2026\"]}", "c.json"),
                      "日历文件 c.json 第 1 行第 12 列：期望1 到 9999 之间的整数年份，实际为字符串" + hint);
    CHECK_THROWS_WITH(parseCalendarFile("{\"years\": [20260]}", "c.json"),
                      "日历文件 c.json 第 1 行第 12 列：期望1 到 9999 之间的整数年份，实际为20260" + hint);
    CHECK_THROWS_WITH(parseCalendarFile("{\"holidays\": [1]}", "c.json"),
                      "日历文件 c.json 第 1 行第 15 列：期望YYYY-MM-DD 格式的日期字符串，实际为数字" + hint);
    CHECK_THROWS_WITH(parseCalendarFile("{\"workdays\": [\"2026-10-10\"],\n \"holidays\": [\"2026-10-09\", \"2026-10-10\"]}", "c.json"),
                      "日历文件 c.json 第 1 行第 15 列：期望不在 holidays 中的日期（一天不能既放假又调休上班，请删去其中一处），"
                      "实际为“2026-10-10”，它也列在 holidays 中" + hint);
    CHECK_THROWS_WITH(parseCalendarFile("{\"holidays\": []", "c.json"),
                      "日历文件 c.json 第 1 行第 16 列：期望“}”，实际为文件结束" + hint);
    CHECK_THROWS_WITH(parseCalendarFile("{} x", "c.json"),
                      "日历文件 c.json 第 1 行第 4 列：期望文件结束，实际为“x”" + hint);
    CHECK_THROWS_AS(parseCalendarFile("{holidays: []}", "c.json"), patrol::UserError);
}
