// The statutory holidays of 《全国年节及纪念日放假办法》 for one year, and the provisional
// calendar they give when no published calendar covers the year. Pure rules: the lunar dates and
// the 清明 solar term come through the Almanac interface, so this file needs no calendar library.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace patrol::domain {

// The dates a statutory holiday is pinned to that are not fixed Gregorian dates.
class Almanac {
public:
    virtual ~Almanac() = default;
    // The day of lunar month/day (not a leap month) in the lunar year whose 正月初一 falls in
    // Gregorian `year`; nullopt when the almanac cannot tell.
    virtual std::optional<int32_t> lunarDay(int year, int month, int day) const = 0;
    // The day (China Standard Time) of the 清明 solar term in `year`.
    virtual std::optional<int32_t> qingming(int year) const = 0;
};

// One festival's statutory days off, in order.
struct StatutoryHoliday {
    std::string name;           // 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节
    std::vector<int32_t> days;  // days since 1970-01-01
};

// The holidays the revision of the law in force in `year` grants, in date order; nullopt for a
// year before 2000 (no rule kept here) or when the almanac cannot place a lunar date.
std::optional<std::vector<StatutoryHoliday>> statutoryHolidays(int year, const Almanac& almanac);

// A year's provisional calendar: the rest days beyond weekends, each with what it is for.
struct ProvisionalYear {
    std::vector<StatutoryHoliday> statutory;
    std::map<int32_t, std::string> daysOff;  // weekday days off: "春节", "国庆节补假", ...
};

// The statutory holidays of `year` with their make-up days (补假) placed; see the .cpp for the rule.
std::optional<ProvisionalYear> provisionalYear(int year, const Almanac& almanac);

}  // namespace patrol::domain
