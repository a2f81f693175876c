#include "core/domain/calendar.hpp"

#include <patrol/sdk/civil.hpp>

namespace patrol::domain {

void WorkingCalendar::add(const CalendarFile& file) {
    years_.insert(file.years.begin(), file.years.end());
    holidays_.insert(file.holidays.begin(), file.holidays.end());
    workdays_.insert(file.workdays.begin(), file.workdays.end());
}

bool WorkingCalendar::isWorkingDay(int32_t day) const {
    const int year = civil::fromDays(day).year;
    if (!covers(year)) {
        const ProvisionalYear* guess = provisional(year);
        if (warnedYears_.insert(year).second)
            pendingWarnings_.push_back(guess ? provisionalYearWarning(year) : uncoveredYearWarning(year));
        if (guess) return !civil::isWeekend(day) && !guess->daysOff.count(day);
    }
    if (workdays_.count(day)) return true;
    return !civil::isWeekend(day) && !holidays_.count(day);
}

const ProvisionalYear* WorkingCalendar::provisional(int year) const {
    if (covers(year) || !almanac_) return nullptr;
    auto it = provisional_.find(year);
    if (it == provisional_.end()) it = provisional_.emplace(year, provisionalYear(year, *almanac_)).first;
    return it->second ? &*it->second : nullptr;
}

std::optional<std::string> WorkingCalendar::provisionalDayOff(int32_t day) const {
    const ProvisionalYear* guess = provisional(civil::fromDays(day).year);
    if (!guess) return std::nullopt;
    const auto it = guess->daysOff.find(day);
    return it == guess->daysOff.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::vector<std::string> WorkingCalendar::takeWarnings() const {
    std::vector<std::string> out;
    out.swap(pendingWarnings_);
    return out;
}

std::string WorkingCalendar::uncoveredYearWarning(int year) {
    const std::string y = std::to_string(year);
    return "警告：没有 " + y + " 年的工作日历，该年按周一至周五为工作日计算（不含法定节假日和调休）；" +
           "如需准确结果，请在 config/calendars/ 中加入 " + y + ".json 或另行指定日历文件。";
}

std::string WorkingCalendar::provisionalYearWarning(int year) {
    const std::string y = std::to_string(year);
    return "警告：没有 " + y + " 年的工作日历，该年的工作日按《全国年节及纪念日放假办法》的法定节假日临时推算" +
           "（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节，适逢周末的在其后第一个工作日补假），" +
           "不含国务院办公厅每年公布的调休安排，可能与实际不符；该年放假安排公布后，请在 config/calendars/ 中加入 " + y +
           ".json 或另行指定日历文件。";
}

}  // namespace patrol::domain
