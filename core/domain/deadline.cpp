#include "core/domain/deadline.hpp"

#include <string>

#include "core/domain/errors.hpp"

namespace patrol::domain {

int32_t dueDate(int32_t feedbackDay, int days, DayCounting counting, const WorkingCalendar& calendar) {
    if (days < 0)
        throw UserError("整改期限天数应为 0 或正整数，实际为 " + std::to_string(days) +
                        "；请检查 rectification.<kind>.days 设置。");
    if (counting == DayCounting::Natural) return feedbackDay + days;
    int32_t day = feedbackDay;
    for (int counted = 0; counted < days;)
        if (calendar.isWorkingDay(++day)) ++counted;
    return day;
}

}  // namespace patrol::domain
