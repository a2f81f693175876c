#include "core/domain/statutory_holidays.hpp"

#include <algorithm>
#include <set>

#include <patrol/sdk/civil.hpp>

namespace patrol::domain {
namespace {

// What each revision of the law grants. Applying the 2024 rules to 2019 would invent days off
// (除夕, 5月2日) that year never had, so each year gets the revision in force on its 1 January.
struct Revision {
    int firstYear;
    bool springFromEve;         // 春节 starts on 除夕 (else on 正月初一)
    int springDays;
    int labourDays;             // from 5月1日
    bool traditionalFestivals;  // 清明, 端午, 中秋
};

constexpr Revision kRevisions[] = {
    {2025, true, 4, 2, true},    // 2024 revision: 除夕 to 初三, 5月1日–2日
    {2014, false, 3, 1, true},   // 2013 revision: 初一 to 初三
    {2008, true, 3, 1, true},    // 2007 revision: 除夕 to 初二, 清明/端午/中秋 added
    {2000, false, 3, 3, false},  // 1999 revision: 初一 to 初三, 5月1日–3日
};

const Revision* revisionFor(int year) {
    for (const auto& r : kRevisions)
        if (year >= r.firstYear) return &r;
    return nullptr;
}

StatutoryHoliday run(std::string name, int32_t first, int count) {
    StatutoryHoliday h{std::move(name), {}};
    for (int i = 0; i < count; ++i) h.days.push_back(first + i);
    return h;
}

int32_t gregorian(int year, unsigned month, unsigned day) { return civil::toDays({year, month, day}); }

}  // namespace

std::optional<std::vector<StatutoryHoliday>> statutoryHolidays(int year, const Almanac& almanac) {
    const Revision* rules = revisionFor(year);
    if (!rules) return std::nullopt;
    const auto newYear = almanac.lunarDay(year, 1, 1);
    if (!newYear) return std::nullopt;
    std::vector<StatutoryHoliday> out;
    out.push_back(run("元旦", gregorian(year, 1, 1), 1));
    // 除夕 is the day before 正月初一, whether the twelfth month has 29 or 30 days.
    out.push_back(run("春节", *newYear - (rules->springFromEve ? 1 : 0), rules->springDays));
    if (rules->traditionalFestivals) {
        const auto qingming = almanac.qingming(year);
        const auto dragonBoat = almanac.lunarDay(year, 5, 5);
        const auto midAutumn = almanac.lunarDay(year, 8, 15);
        if (!qingming || !dragonBoat || !midAutumn) return std::nullopt;
        out.push_back(run("清明节", *qingming, 1));
        out.push_back(run("端午节", *dragonBoat, 1));
        out.push_back(run("中秋节", *midAutumn, 1));
    }
    out.push_back(run("劳动节", gregorian(year, 5, 1), rules->labourDays));
    out.push_back(run("国庆节", gregorian(year, 10, 1), 3));
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.days.front() < b.days.front(); });
    return out;
}

// 补假: the law says a holiday for all citizens that falls on a Saturday or Sunday is made up on
// a working day, without saying which. Here each such day (and a day two festivals share, as
// 中秋 and 国庆 did in 2020) is made up on the first weekday after its festival that is not
// already a day off — what the State Council's notices do when they arrange no swap (2015 清明
// on a Sunday, off on Monday 4月6日; 2022 中秋 on a Saturday, off on Monday 9月12日). The yearly
// swaps (调休) that join the days into longer breaks cannot be foreseen, hence "provisional".
std::optional<ProvisionalYear> provisionalYear(int year, const Almanac& almanac) {
    auto holidays = statutoryHolidays(year, almanac);
    if (!holidays) return std::nullopt;
    ProvisionalYear out;
    out.statutory = std::move(*holidays);
    std::set<int32_t> statutoryDays;
    for (const auto& h : out.statutory) statutoryDays.insert(h.days.begin(), h.days.end());
    auto free = [&](int32_t d) { return !civil::isWeekend(d) && !statutoryDays.count(d) && !out.daysOff.count(d); };
    for (const auto& h : out.statutory) {
        int owed = 0;
        for (int32_t d : h.days) {
            if (civil::isWeekend(d) || out.daysOff.count(d)) ++owed;  // already a day off: made up
            else out.daysOff.emplace(d, h.name);
        }
        for (int32_t d = h.days.back() + 1; owed > 0; ++d)
            if (free(d)) out.daysOff.emplace(d, h.name + "补假"), --owed;
    }
    return out;
}

}  // namespace patrol::domain
