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
    if (!covers(year) && warnedYears_.insert(year).second) pendingWarnings_.push_back(uncoveredYearWarning(year));
    if (workdays_.count(day)) return true;
    return !civil::isWeekend(day) && !holidays_.count(day);
}

std::vector<std::string> WorkingCalendar::takeWarnings() const {
    std::vector<std::string> out;
    out.swap(pendingWarnings_);
    return out;
}

std::string WorkingCalendar::uncoveredYearWarning(int year) {
    const std::string y = std::to_string(year);
    return "警告：没有 " + y + " 年的工作日历，该年按周一至周五为工作日计算（不含法定节假日和调休）；" +
           "如需准确结果，请在 config/calendars/ 中加入 " + y + ".json 或用 --calendar 指定日历文件。";
}

}  // namespace patrol::domain
