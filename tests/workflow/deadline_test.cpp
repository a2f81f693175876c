#include <catch2/catch.hpp>
#include <patrol/sdk/civil.hpp>

#include "core/domain/deadline.hpp"
#include "core/domain/errors.hpp"
#include "shipped_calendars.hpp"

using namespace patrol;
using namespace patrol::domain;

namespace {

int32_t day(const char* text) { return *civil::parseDate(text); }

std::string due(const WorkingCalendar& calendar, const char* feedback, int days, DayCounting counting) {
    return civil::formatDate(dueDate(day(feedback), days, counting, calendar));
}

}  // namespace

TEST_CASE("natural counting adds calendar days, holidays or not", "[deadline]") {
    const WorkingCalendar calendar = shippedCalendar();
    CHECK(due(calendar, "2026-01-20", 30, DayCounting::Natural) == "2026-02-19");  // inside 春节, still natural
    CHECK(due(calendar, "2026-03-02", 60, DayCounting::Natural) == "2026-05-01");
    CHECK(due(calendar, "2025-12-31", 365, DayCounting::Natural) == "2026-12-31");
    CHECK(due(calendar, "2026-03-02", 0, DayCounting::Natural) == "2026-03-02");
}

TEST_CASE("working counting skips holidays, counts makeup workdays, never the feedback day", "[deadline]") {
    const WorkingCalendar calendar = shippedCalendar();
    // Thursday before 春节 2026: Fri 13, makeup Sat 14, then 15–23 off, Tue 24, Wed 25, Thu 26.
    CHECK(due(calendar, "2026-02-12", 5, DayCounting::Working) == "2026-02-26");
    CHECK(due(calendar, "2026-02-12", 2, DayCounting::Working) == "2026-02-14");
    // A Friday: the Sunday makeup day is the first working day after it.
    CHECK(due(calendar, "2026-09-18", 1, DayCounting::Working) == "2026-09-20");
    // Feedback on a holiday: Thu 8, Fri 9, makeup Sat 10.
    CHECK(due(calendar, "2026-10-01", 3, DayCounting::Working) == "2026-10-10");
    // 2025: Sunday makeup before 春节, then the whole break is skipped.
    CHECK(due(calendar, "2025-01-24", 2, DayCounting::Working) == "2025-01-27");
    CHECK(due(calendar, "2025-01-24", 3, DayCounting::Working) == "2025-02-05");
    // A plain week: Monday + 5 working days is the next Monday.
    CHECK(due(calendar, "2026-03-09", 5, DayCounting::Working) == "2026-03-16");
    CHECK(due(calendar, "2026-03-09", 0, DayCounting::Working) == "2026-03-09");
    CHECK(calendar.takeWarnings().empty());
}

TEST_CASE("30 working days from 2026-04-20 skip 劳动节 and count the makeup Saturday", "[deadline]") {
    const WorkingCalendar calendar = shippedCalendar();
    // Apr 21–30: 8 working days; May 1–5 off; May 6–8: 3; Sat May 9: 1 (12); then 18 more from May 11.
    CHECK(due(calendar, "2026-04-20", 30, DayCounting::Working) == "2026-06-03");
    CHECK(due(calendar, "2026-04-20", 30, DayCounting::Natural) == "2026-05-20");
}

TEST_CASE("working counting into an uncovered year falls back to Monday–Friday with one warning", "[deadline]") {
    const WorkingCalendar calendar = shippedCalendar();
    // Wed 2026-12-30: Thu 31, Fri 2027-01-01 (no 2027 schedule), Mon 01-04.
    CHECK(due(calendar, "2026-12-30", 3, DayCounting::Working) == "2027-01-04");
    CHECK(calendar.takeWarnings() == std::vector<std::string>{WorkingCalendar::uncoveredYearWarning(2027)});
}

TEST_CASE("negative days are refused", "[deadline]") {
    const WorkingCalendar calendar;
    CHECK_THROWS_WITH(dueDate(day("2026-01-01"), -1, DayCounting::Natural, calendar),
                      "整改期限天数应为 0 或正整数，实际为 -1；请检查 rectification.<kind>.days 设置。");
}

TEST_CASE("kind defaults and words", "[deadline]") {
    CHECK(defaultKindDays(RectificationKind::Immediate) == 30);
    CHECK(defaultKindDays(RectificationKind::Deadline) == 60);
    CHECK(defaultKindDays(RectificationKind::LongTerm) == 365);
    CHECK(kDefaultReportDays == 60);
    CHECK(rectificationKinds.parse("long_term") == RectificationKind::LongTerm);
    CHECK_THROWS_WITH(rectificationKinds.parse("soon"),
                      "未知的整改类型「soon」：应为 immediate（立行立改）、deadline（限期整改）、long_term（长期坚持） 之一，请改用其中一个。");
    CHECK(dayCountings.parse("working") == DayCounting::Working);
}
