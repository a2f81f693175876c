// A task as the pages show it: labels instead of codes, the days left in words, the badge.
#pragma once

#include <cstdint>

#include "core/store/task_repository.hpp"
#include "core/web/page.hpp"

namespace patrol::web {

// id, title, round, unit, category, kind, due, days (剩 5 天 / 逾期 3 天 / 今天到期 / 已销号),
// overdue, status, badge {text, css}, href.
View taskSummaryView(const store::TaskRecord& task, int32_t today);

}  // namespace patrol::web
