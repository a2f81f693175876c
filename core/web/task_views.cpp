#include "core/web/task_views.hpp"

#include "core/services/record_views.hpp"
#include "core/web/labels.hpp"

namespace patrol::web {

namespace {

std::string daysText(const std::optional<int64_t>& days) {
    if (!days) return "已销号";
    if (*days > 0) return "剩 " + std::to_string(*days) + " 天";
    if (*days == 0) return "今天到期";
    return "逾期 " + std::to_string(-*days) + " 天";
}

}  // namespace

View taskSummaryView(const store::TaskRecord& task, int32_t today) {
    const auto days = services::daysLeft(task, today);
    View v;
    v.set("id", std::to_string(task.id));
    v.set("href", "/tasks/" + std::to_string(task.id));
    v.set("title", task.findingTitle);
    v.set("round", task.roundCode);
    v.set("unit", task.unitName);
    v.set("category", task.category);
    v.set("kind", rectificationKindLabel(task.kind));
    v.set("due", task.dueDate);
    v.set("days", daysText(days));
    v.set("overdue", days && *days < 0);
    v.set("status", taskStatusLabel(task.status));
    const Badge badge = levelBadge(task.level);
    View b;
    b.set("text", badge.text);
    b.set("css", badge.css);
    v.set("badge", b);
    return v;
}

}  // namespace patrol::web
