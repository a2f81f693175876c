#include "core/domain/event_date.hpp"

#include <patrol/sdk/civil.hpp>

#include "core/domain/errors.hpp"

namespace patrol::domain {

std::optional<std::string> eventDateRefusal(const DatedEvent& event, int32_t today,
                                            const std::optional<DatedEvent>& follows) {
    const std::string day = civil::formatDate(event.day);
    if (event.day > today) {
        const std::string now = civil::formatDate(today);
        return event.name + "日期 " + day + " 晚于今天（" + now + "）：只能登记已经发生的事。请填写实际发生的日期（不晚于 " +
               now + "）。";
    }
    if (follows && event.day < follows->day) {
        const std::string before = civil::formatDate(follows->day);
        return event.name + "日期 " + day + " 早于" + follows->name + "日期 " + before + "：" + event.name + "不能早于" +
               follows->name + "。请填写 " + before + " 或之后的日期。";
    }
    return std::nullopt;
}

void checkEventDate(const DatedEvent& event, int32_t today, const std::optional<DatedEvent>& follows) {
    if (auto refusal = eventDateRefusal(event, today, follows)) throw UserError(*refusal);
}

std::optional<DatedEvent> latestEvent(const std::vector<DatedEvent>& events) {
    std::optional<DatedEvent> latest;
    for (const auto& e : events)
        if (!latest || e.day >= latest->day) latest = e;
    return latest;
}

}  // namespace patrol::domain
