// The provisional calendar of a year no file covers: the law's holidays, 补假, and the warning.
// The almanac here is a table of the true dates, so these tests need no lunar library.
#include <catch2/catch.hpp>
#include <patrol/sdk/civil.hpp>

#include <map>
#include <memory>

#include "core/domain/calendar.hpp"
#include "core/domain/statutory_holidays.hpp"
#include "shipped_calendars.hpp"

using namespace patrol;
using namespace patrol::domain;

namespace {

int32_t day(const char* text) { return *civil::parseDate(text); }

// The true 正月初一, 清明, 端午 and 中秋 of a few years.
class TableAlmanac final : public Almanac {
public:
    std::optional<int32_t> lunarDay(int year, int month, int d) const override {
        const auto it = years_.find(year);
        if (it == years_.end()) return std::nullopt;
        if (month == 1) return day(it->second.springFestival) + d - 1;
        if (month == 5 && d == 5) return day(it->second.dragonBoat);
        if (month == 8 && d == 15) return day(it->second.midAutumn);
        return std::nullopt;
    }
    std::optional<int32_t> qingming(int year) const override {
        const auto it = years_.find(year);
        return it == years_.end() ? std::nullopt : std::optional<int32_t>(day(it->second.qingming));
    }

private:
    struct Dates {
        const char* springFestival;
        const char* qingming;
        const char* dragonBoat;
        const char* midAutumn;
    };
    std::map<int, Dates> years_{{2005, {"2005-02-09", "2005-04-05", "2005-06-11", "2005-09-18"}},
                                {2020, {"2020-01-25", "2020-04-04", "2020-06-25", "2020-10-01"}},
                                {2027, {"2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15"}}};
};

std::vector<std::string> daysOff(int year) {
    const auto provisional = provisionalYear(year, TableAlmanac());
    std::vector<std::string> out;
    if (provisional)
        for (const auto& [d, name] : provisional->daysOff) out.push_back(civil::formatDate(d) + " " + name);
    return out;
}

}  // namespace

TEST_CASE("2027 under the 2024 revision: weekend holidays are made up on the next free weekdays", "[calendar]") {
    CHECK(daysOff(2027) == std::vector<std::string>{
                               "2027-01-01 元旦", "2027-02-05 春节", "2027-02-08 春节", "2027-02-09 春节补假",
                               "2027-02-10 春节补假", "2027-04-05 清明节", "2027-05-03 劳动节补假",
                               "2027-05-04 劳动节补假", "2027-06-09 端午节", "2027-09-15 中秋节",
                               "2027-10-01 国庆节", "2027-10-04 国庆节补假", "2027-10-05 国庆节补假"});
}

TEST_CASE("2020 under the 2013 revision: 初一 to 初三, one day of 劳动节, 中秋 on 国庆 made up", "[calendar]") {
    CHECK(daysOff(2020) == std::vector<std::string>{
                               "2020-01-01 元旦", "2020-01-27 春节", "2020-01-28 春节补假", "2020-01-29 春节补假",
                               "2020-04-06 清明节补假", "2020-05-01 劳动节", "2020-06-25 端午节",
                               "2020-10-01 中秋节", "2020-10-02 国庆节", "2020-10-05 国庆节补假",
                               "2020-10-06 国庆节补假"});
}

TEST_CASE("2005 under the 1999 revision: three days of 劳动节, no 清明, 端午 or 中秋", "[calendar]") {
    const auto holidays = statutoryHolidays(2005, TableAlmanac());
    REQUIRE(holidays);
    std::vector<std::string> names;
    for (const auto& h : *holidays) names.push_back(h.name + std::to_string(h.days.size()));
    CHECK(names == std::vector<std::string>{"元旦1", "春节3", "劳动节3", "国庆节3"});
    CHECK(civil::formatDate(holidays->at(1).days.front()) == "2005-02-09");  // 初一, not 除夕
    CHECK_FALSE(statutoryHolidays(1999, TableAlmanac()));  // no rules kept before 2000
}

TEST_CASE("an uncovered year follows its provisional calendar and warns once that it is provisional", "[calendar]") {
    WorkingCalendar calendar = shippedCalendar();
    calendar.useAlmanac(std::make_shared<TableAlmanac>());
    CHECK_FALSE(calendar.isWorkingDay(day("2027-01-01")));  // 元旦, a Friday
    CHECK_FALSE(calendar.isWorkingDay(day("2027-05-03")));  // 劳动节补假
    CHECK(calendar.isWorkingDay(day("2027-05-06")));
    CHECK_FALSE(calendar.isWorkingDay(day("2027-05-08")));  // Saturday
    CHECK(calendar.takeWarnings() == std::vector<std::string>{WorkingCalendar::provisionalYearWarning(2027)});
    CHECK(WorkingCalendar::provisionalYearWarning(2027) ==
          "警告：没有 2027 年的工作日历，该年的工作日按《全国年节及纪念日放假办法》的法定节假日临时推算"
          "（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节，适逢周末的在其后第一个工作日补假），"
          "不含国务院办公厅每年公布的调休安排，可能与实际不符；该年放假安排公布后，请在 config/calendars/ 中加入 "
          "2027.json 或另行指定日历文件。");
    CHECK(calendar.provisionalDayOff(day("2027-05-03")) == std::optional<std::string>("劳动节补假"));
    CHECK_FALSE(calendar.provisionalDayOff(day("2027-05-06")));
    // A published year is never provisional; a year the almanac cannot place falls back to Monday–Friday.
    CHECK(calendar.provisional(2026) == nullptr);
    CHECK_FALSE(calendar.provisionalDayOff(day("2026-10-01")));
    CHECK(calendar.isWorkingDay(day("2028-01-03")));
    CHECK(calendar.takeWarnings() == std::vector<std::string>{WorkingCalendar::uncoveredYearWarning(2028)});
}
